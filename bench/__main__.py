"""The benchmarks, from one entry point (`make bench` runs the small set).

    python -m bench                 # the small sizes, a few minutes on 2 cores
    python -m bench --large         # the large sizes too (hours: 1M-node graphs are built once)
    python -m bench extraction ...  # only the named ones
    python -m bench --list

Each benchmark is its own module with its own --help, run here in its own process, one after the
other, so that none measures while another runs. Every figure is a ratio or a comparison measured in
the same run (docs/benchmarks.md says which).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Benchmark:
    module: str
    what: str
    small: tuple[str, ...]
    large: tuple[str, ...]


BENCHMARKS = {
    "extraction": Benchmark("bench.extraction", "extraction against spaCy alone, words per second",
                            ("--copies", "2", "--rounds", "3"), ("--copies", "6", "--rounds", "5")),
    "ingestion": Benchmark("bench.ingestion", "ingestion by stage against spaCy alone; loader against naive neomodel",
                           ("--copies", "2"), ("--copies", "6", "--processes", "1", "2")),
    "growth": Benchmark("bench.ingestion", "loading and resolution time per report as the graph grows",
                        ("--growth", "500", "1000"), ("--growth", "1000", "2000", "4000", "8000")),
    "investigations": Benchmark("bench.latency", "warm investigation latency against a RETURN 1 round trip",
                                ("10000", "--rounds", "10"), ("100000", "1000000")),
    "linking": Benchmark("bench.link_latency", "linking a new incident against graphs of known persons",
                         ("--sizes", "10000", "--repeats", "5"), ("--sizes", "10000", "100000", "1000000")),
    "resolution": Benchmark("bench.er.run", "blocked resolution against all pairs, quality and cost",
                            ("--sizes", "1000", "--all-pairs-size", "1000"), ("--sizes", "1000", "10000", "100000")),
    "chart": Benchmark("bench.chart_libraries", "cytoscape.js against sigma.js at 2k nodes in chromium",
                       ("--rounds", "5"), ("--rounds", "10")),
}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"some of: {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument("--large", action="store_true", help="the large sizes instead of the small ones")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and what each compares")
    args = parser.parse_args()
    if args.list:
        for name, bench in BENCHMARKS.items():
            print(f"{name:15s} {bench.what}\n{'':15s} python -m {bench.module} {' '.join(bench.small)}")
        return 0
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(BENCHMARKS)}")
    failed = []
    for name in args.names or list(BENCHMARKS):
        bench = BENCHMARKS[name]
        command = [sys.executable, "-m", bench.module, *(bench.large if args.large else bench.small)]
        print(f"\n## {name}: {bench.what}\n$ {' '.join(command[1:])}", flush=True)
        start = time.perf_counter()
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(name)
        print(f"({name} took {time.perf_counter() - start:.0f} s)", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
