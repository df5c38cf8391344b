// The same graph (nodes with fixed positions, labels and kinds; edges with labels) drawn by cytoscape.js
// and by sigma.js over graphology: time to the first frame on screen, then how many frames each draws per
// second while the view zooms a little on every animation frame for ZOOM_MS. Layout is left out: both
// get the same preset positions.
"use strict";

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const COLOURS = ["#1f6feb", "#b62324", "#2da44e", "#8250df", "#bf8700"];
const ZOOM_MS = 2000;

// Zoom by `step` on every animation frame for ZOOM_MS; the library's own render events are counted.
async function zoomFrames(zoomBy) {
  const until = performance.now() + ZOOM_MS;
  while (performance.now() < until) {
    zoomBy();
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

function container() {
  document.body.replaceChildren();
  const div = document.createElement("div");
  div.style.width = "1200px";
  div.style.height = "800px";
  document.body.append(div);
  return div;
}

window.runCytoscape = async (g) => {
  const div = container();
  const start = performance.now();
  const cy = window.cytoscape({
    container: div, layout: { name: "preset" },
    elements: [
      ...g.nodes.map((n) => ({ data: { id: n.id, name: n.label, kind: n.kind }, position: { x: n.x, y: n.y } })),
      ...g.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, label: e.label } })),
    ],
    style: [
      { selector: "node", style: { label: "data(name)", "font-size": 8, width: 10, height: 10,
        "background-color": (n) => COLOURS[n.data("kind")] } },
      { selector: "edge", style: { label: "data(label)", "font-size": 6, width: 1, "curve-style": "haystack" } },
    ],
  });
  await new Promise((resolve) => cy.one("render", resolve));
  await frame();
  const drawn = performance.now();
  let frames = 0;
  cy.on("render", () => { frames += 1; });
  let factor = 1.01;
  await zoomFrames(() => {
    if (cy.zoom() > 4 || cy.zoom() < 0.3) factor = 1 / factor;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: 600, y: 400 } });
  });
  cy.destroy();
  return { first_frame_ms: drawn - start, zoom_fps: frames / (ZOOM_MS / 1000) };
};

window.runSigma = async (g) => {
  const div = container();
  const start = performance.now();
  const graph = new window.graphology.Graph();
  g.nodes.forEach((n) => graph.addNode(n.id, { x: n.x, y: -n.y, size: 4, label: n.label, color: COLOURS[n.kind] }));
  g.edges.forEach((e) => { if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target, { label: e.label }); });
  const renderer = new window.Sigma(graph, div, { renderEdgeLabels: true });
  await frame();
  const drawn = performance.now();
  let frames = 0;
  renderer.on("afterRender", () => { frames += 1; });
  const camera = renderer.getCamera();
  let factor = 1.01;
  await zoomFrames(() => {
    const ratio = camera.getState().ratio;
    if (ratio > 3 || ratio < 0.25) factor = 1 / factor;
    camera.setState({ ratio: ratio / factor });
  });
  renderer.kill();
  return { first_frame_ms: drawn - start, zoom_fps: frames / (ZOOM_MS / 1000) };
};
