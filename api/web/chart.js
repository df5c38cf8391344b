// The link chart: cytoscape.js (from the npm registry, served by the API) over the working set.

import { api, words } from "./api.js";

const COLOURS = {
  Person: "#1f6feb", Organisation: "#b62324", Place: "#2da44e", Country: "#2da44e", Document: "#8250df",
  Phone: "#bf8700", Email: "#bf8700", Vehicle: "#bf8700", Vessel: "#0a7ea4", Account: "#bf8700",
  Incident: "#57606a", Route: "#2da44e", Report: "#6e7781",
};
const SHAPES = { Person: "ellipse", Organisation: "hexagon", Place: "round-triangle", Country: "round-triangle",
  Document: "rectangle", Incident: "diamond", Route: "round-triangle" };

const STYLE = [
  { selector: "node", style: {
    label: "data(name)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3, width: 26, height: 26,
    "background-color": (n) => COLOURS[n.data("kind")] || "#999", shape: (n) => SHAPES[n.data("kind")] || "round-rectangle",
    "text-wrap": "ellipsis", "text-max-width": 120 } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#000" } },
  { selector: "node.focused", style: { "underlay-color": "#fb8500", "underlay-opacity": 0.6, "underlay-padding": 7 } },
  { selector: "node.pinned", style: { "border-style": "double", "border-width": 4, "border-color": "#444" } },
  { selector: "edge", style: {
    label: "data(label)", "font-size": 8, "curve-style": "bezier", "target-arrow-shape": "triangle", width: 1.5,
    "line-color": "#8c959f", "target-arrow-color": "#8c959f", "text-rotation": "autorotate", color: "#444" } },
  { selector: "edge.proposal", style: { "line-style": "dashed", "line-color": "#d4a72c", "target-arrow-shape": "none" } },
  { selector: ".outside", style: { display: "none" } },
  { selector: ".path", style: { "line-color": "#cf222e", "target-arrow-color": "#cf222e", width: 3 } },
];

export const edgeId = (e) => `${e.source}|${e.type}|${e.target}`;

export class Chart {
  constructor(container, onOpen, onStatus) {
    this.cy = window.cytoscape({ container, style: STYLE, wheelSensitivity: 0.3, boxSelectionEnabled: true });
    this.history = [];
    this.onStatus = onStatus;
    this.cy.on("tap", "node", (e) => onOpen(e.target.id()));
    this.cy.on("dbltap", "node", (e) => this.expand([e.target.id()]).then(onStatus, (error) => onStatus(error.message)));
  }

  snapshot() { this.history.push(this.cy.elements().jsons()); if (this.history.length > 50) this.history.shift(); }

  undo() {
    const previous = this.history.pop();
    if (!previous) return;
    this.cy.elements().remove();
    this.cy.add(previous);
  }

  add(graph, { layout = true } = {}) {
    const fresh = [];
    graph.nodes.forEach((n) => {
      if (!this.cy.getElementById(n.uid).length) {
        fresh.push({ group: "nodes", data: { id: n.uid, name: n.name, kind: n.label, first: n.first_seen, last: n.last_seen } });
      }
    });
    graph.edges.forEach((e) => {
      const id = edgeId(e);
      if (!this.cy.getElementById(id).length) {
        const proposal = e.type === "POSSIBLY_SAME_AS";
        fresh.push({ group: "edges", classes: proposal ? "proposal" : "", data: { id, source: e.source, target: e.target,
          type: e.type, label: proposal ? "possibly same" : words(e.type),
          first: e.first_seen, last: e.last_seen } });
      }
    });
    const known = new Set([...this.cy.nodes().map((n) => n.id()), ...fresh.filter((f) => f.group === "nodes").map((f) => f.data.id)]);
    const added = this.cy.add(fresh.filter((f) => f.group === "nodes" || (known.has(f.data.source) && known.has(f.data.target))));
    if (layout && added.length) this.layout();
    return added;
  }

  addNode(node) { this.snapshot(); return this.add({ nodes: [node], edges: [] }); }

  async expand(uids) {
    if (!uids.length) return "select a node to expand, or double-click it";
    this.snapshot();
    let more = 0;
    for (const uid of uids) {
      const [net, proposals] = await Promise.all([api("/investigations/network", { uid, depth: 1, limit: 50 }),
        api(`/resolution/proposals/${encodeURIComponent(uid)}`)]);
      this.add(net, { layout: false });
      // proposals are drawn dashed as "possibly same", never as facts
      this.add({ nodes: proposals.map((p) => p.other),
        edges: proposals.map((p) => ({ source: p.source, target: p.target, type: "POSSIBLY_SAME_AS" })) }, { layout: false });
      more += Object.values(net.omitted || {}).reduce((a, b) => a + b, 0);
    }
    this.layout();
    return more ? `${more} more ties not drawn (expand a neighbour instead)` : "";
  }

  remove() { this.snapshot(); this.cy.$(":selected").remove(); }

  pin() {
    this.cy.$("node:selected").forEach((n) => {
      if (n.locked()) { n.unlock(); n.removeClass("pinned"); } else { n.lock(); n.addClass("pinned"); }
    });
  }

  layout() { this.cy.layout({ name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true }).run(); }

  selected() { return this.cy.$("node:selected").map((n) => n.id()); }

  showPaths(result) {
    this.snapshot();
    this.cy.elements().removeClass("path");
    result.paths.forEach((p) => this.add(p, { layout: false }));
    result.paths.forEach((p) => {
      p.nodes.forEach((n) => this.cy.getElementById(n.uid).addClass("path"));
      p.edges.forEach((e) => this.cy.getElementById(edgeId(e)).addClass("path"));
    });
    this.layout();
  }

  // The span of report dates on the chart, as [first, last] ISO days (null when nothing is dated).
  span() {
    const days = this.cy.elements().map((x) => [x.data("first"), x.data("last")]).flat().filter(Boolean).sort();
    return days.length ? [days[0], days[days.length - 1]] : null;
  }

  // Hide what no report in [from, to] supports: ties seen only outside it, then nodes left with no tie
  // (a node with no dated tie stays if its own reports fall in the window).
  narrow(from, to) {
    const inside = (x) => !x.data("first") || (x.data("first") <= to && x.data("last") >= from);
    this.cy.elements().removeClass("outside");
    this.cy.edges().filter((e) => !inside(e)).addClass("outside");
    this.cy.nodes().filter((n) => !inside(n) || (n.connectedEdges().length && !n.connectedEdges(":visible").length)).addClass("outside");
  }

  png() { return this.cy.png({ output: "blob", full: true, bg: "#ffffff" }); }

  graphml() {
    const esc = (s) => String(s ?? "").replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const nodes = this.cy.nodes().map((n) => `    <node id="${esc(n.id())}"><data key="name">${esc(n.data("name"))}</data>`
      + `<data key="kind">${esc(n.data("kind"))}</data></node>`);
    const edges = this.cy.edges().map((e) => `    <edge source="${esc(e.data("source"))}" target="${esc(e.data("target"))}">`
      + `<data key="type">${esc(e.data("type"))}</data></edge>`);
    return ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
      '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
      '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
      '  <graph id="chart" edgedefault="directed">', ...nodes, ...edges, "  </graph>", "</graphml>"].join("\n");
  }
}
