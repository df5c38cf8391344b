"""Which chart library draws a 2k-node link chart faster: cytoscape.js or sigma.js (with graphology).

    .venv/bin/python -m bench.chart_libraries [--nodes 2000] [--edges 4000] [--rounds 10]

One seeded graph with skewed degrees, fixed positions, labels on nodes and edges. In each round both
libraries draw it in the same headless Debian chromium the browser tests use (software rendering: no
GPU), in alternating order, so the machine's noise falls on both: time to the first frame, and frames
drawn per second while zooming on every animation frame. Prints a Markdown table; docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import functools
import random
import statistics
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tests.web.conftest import CHROMIUM, FLAGS

ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = {"cytoscape.js": "runCytoscape", "sigma.js": "runSigma"}


def graph(nodes: int, edges: int, seed: int = 1) -> dict[str, Any]:
    """Nodes on a jittered grid with preferential-attachment edges (a few hubs, many leaves)."""
    rng = random.Random(seed)
    side = int(nodes**0.5) + 1
    points = [{"id": f"n{i}", "label": f"entity {i}", "kind": i % 5,
               "x": (i % side) * 40 + rng.random() * 20, "y": (i // side) * 40 + rng.random() * 20}
              for i in range(nodes)]  # fmt: skip
    ends: list[int] = [0]
    ties = []
    for i in range(1, nodes):
        ties.append((i, rng.choice(ends)))
        ends += [i, ties[-1][1]]
    while len(ties) < edges:
        ties.append((rng.randrange(nodes), rng.choice(ends)))
    return {"nodes": points, "edges": [{"source": f"n{a}", "target": f"n{b}", "label": "tie"} for a, b in ties]}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No request lines on the terminal."""


def _serve() -> ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(ROOT))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(nodes: int, edges: int, rounds: int) -> dict[str, dict[str, list[float]]]:
    data = graph(nodes, edges)
    results: dict[str, dict[str, list[float]]] = {name: {"first_frame_ms": [], "zoom_fps": []} for name in LIBRARIES}
    server = _serve()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_port}/bench/charts/harness.html")
            for round_no in range(rounds + 1):  # round 0 warms both up and is not counted
                order = list(LIBRARIES) if round_no % 2 == 0 else list(reversed(LIBRARIES))
                for name in order:
                    timing = page.evaluate(f"(g) => window.{LIBRARIES[name]}(g)", data)
                    if round_no:
                        for key, value in timing.items():
                            results[name][key].append(float(value))
            browser.close()
    finally:
        server.shutdown()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    results = measure(args.nodes, args.edges, args.rounds)
    print(f"{args.nodes} nodes, {args.edges} edges, {args.rounds} rounds\n")
    print("| library | first frame p50 ms | first frame max ms | zoom frames/s p50 | zoom frames/s min |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, figures in results.items():
        first, fps = figures["first_frame_ms"], figures["zoom_fps"]
        cells = [f"{statistics.median(first):.0f}", f"{max(first):.0f}"]
        cells += [f"{statistics.median(fps):.1f}", f"{min(fps):.1f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    cy, sg = results["cytoscape.js"], results["sigma.js"]
    ratio = statistics.median(cy["first_frame_ms"]) / statistics.median(sg["first_frame_ms"])
    print(f"\nfirst frame, cytoscape.js / sigma.js (medians): {ratio:.2f}")


if __name__ == "__main__":
    main()
