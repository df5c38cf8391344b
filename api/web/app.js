// smugglegraph's investigator workspace: sign in, search, a link chart with profiles and provenance.
// Plain modules, no outside resources. Every view has its own URL (#entity/<uid>, #search/<q>), so Back works.

import { KEY, api, download, el, words } from "./api.js";
import { Chart } from "./chart.js";
import { keyboardChart } from "./chartkeys.js";
import { renderInvestigate } from "./investigate.js";
import { renderLinking } from "./linking.js";
import { renderReview } from "./review.js";
import { renderEvidence, renderHits, renderProfile } from "./panels.js";

const $ = (id) => document.getElementById(id);
let chart;

const status = (message) => { $("status").textContent = message; };

async function run(label, work) {
  status(`${label} ...`);
  try { status((await work()) || ""); } catch (error) { status(error.message); }
}

const actions = {
  open: (node) => { chart.addNode(node); window.location.hash = `entity/${encodeURIComponent(node.uid)}`; },
  expand: (uid) => run("expanding", () => chart.expand([uid])),
  timeline: (uid) => { window.location.hash = `timeline/${encodeURIComponent(uid)}`; },
  nodeEvidence: (entity) => run("loading the sources", async () =>
    renderEvidence($("details"), `Sources of ${entity.name}`, await api(`/provenance/node/${encodeURIComponent(entity.uid)}`))),
  edgeEvidence: (rel) => run("loading the sources", async () =>
    renderEvidence($("details"), `Sources of ${words(rel.type)}`,
      await api("/provenance/edge", { source: rel.source, target: rel.target, type: rel.type }))),
};

// A country on the chart: reference data every agency shares; its ties are answered by investigations.
function renderReference(panel, node) {
  panel.replaceChildren(el("h2", {}, node.data("name")), el("p", { class: "kind" }, `${node.data("kind")} · reference data`),
    el("p", {}, "A country has no profile of its own. Run routes or document fraud for it from Investigations."));
  return "";
}

const views = {
  entity: (uid) => run("loading the profile", async () => {
    const profile = await api("/investigations/profile", { uid, limit: 100 }).catch((error) => {
      const node = chart.cy.getElementById(uid);
      if (!node.length || node.data("kind") !== "Country") throw error;
      return null; // countries are shared reference data, with no profile of their own
    });
    if (!profile) return renderReference($("details"), chart.cy.getElementById(uid));
    if (!chart.cy.getElementById(uid).length) chart.addNode(profile.entity);
    chart.cy.$(":selected").unselect();
    chart.cy.getElementById(uid).select();
    renderProfile($("details"), profile, actions);
  }),
  link: () => renderLinking($("details"), chart),
  timeline: (uid) => run("loading the timeline", () =>
    renderInvestigate($("details"), chart, actions.open, { name: "timeline", params: { uid }, run: true })),
  review: () => run("loading the review queue", () => renderReview($("details"))),
  investigate: () => run("loading the investigations", () => renderInvestigate($("details"), chart, actions.open)),
  search: (q) => run("searching", async () => {
    $("query").value = q;
    renderHits($("hits"), await api("/investigations/search", { q, types: $("types").value || undefined }), actions.open);
  }),
};

function route() {
  const [view, ...rest] = window.location.hash.slice(1).split("/");
  if (views[view]) views[view](decodeURIComponent(rest.join("/")));
}

const tools = {
  expand: () => run("expanding", () => chart.expand(chart.selected())),
  remove: () => chart.remove(),
  pin: () => chart.pin(),
  layout: () => chart.layout(),
  undo: () => chart.undo(),
  paths: () => run("finding paths", async () => {
    const chosen = chart.selected();
    if (chosen.length !== 2) throw new Error("select exactly two nodes (shift-click) to find the paths between them");
    const result = await api("/investigations/paths", { source: chosen[0], target: chosen[1] });
    if (!result.paths.length) throw new Error("no path between them in what your agency may see");
    chart.showPaths(result);
    return `${result.paths.length} shortest path(s) of ${result.length} hop(s), drawn in red`;
  }),
  png: () => download("smugglegraph-chart.png", chart.png()),
  graphml: () => download("smugglegraph-chart.graphml", new Blob([chart.graphml()], { type: "application/graphml+xml" })),
  clear: () => { chart.snapshot(); chart.cy.elements().remove(); narrowed = false; },
};

async function signIn(key) {
  sessionStorage.setItem(KEY, key);
  try {
    const me = await api("/me");
    $("who").textContent = `${me.user} (${me.role}, ${me.agency})`;
    $("signin").hidden = true; $("workspace").hidden = false; $("signout").hidden = false;
    $("signin-error").textContent = "";
    document.querySelectorAll("[data-role]").forEach((a) => { a.closest("li").hidden = !a.dataset.role.split(" ").includes(me.role); });
    if (!window.cytoscape) throw new Error("the chart library is missing: run `make setup` (npm ci) and reload");
    if (!chart) {
      const open = (uid) => { window.location.hash = `entity/${encodeURIComponent(uid)}`; };
      chart = new Chart($("chart"), open, status);
      keyboardChart(chart, $("chart"), { onOpen: open, announce: (message) => { $("chart-focus").textContent = message; } });
    }
    window.sgChart = chart; // for the browser tests and the console
    chart.cy.on("add remove", () => {
      clearTimeout(chart.resetTimer);
      chart.resetTimer = setTimeout(() => { resetWindow(); listChart(); }, 50);
    });
    // a selection only ticks the list's boxes: rebuilding it would take the keyboard focus away
    chart.cy.on("select unselect", "node", (e) => {
      const box = document.getElementById(`pick-${e.target.id()}`);
      if (box) box.checked = e.target.selected();
    });
    route();
  } catch (error) {
    if (error.message.startsWith("401")) sessionStorage.removeItem(KEY);
    $("signin-error").textContent = `Sign-in failed: ${error.message}`;
  }
}

// The chart as a list, for the keyboard: tick to select (the toolbar acts on the selection), press to open.
function listChart() {
  const nodes = chart.cy.nodes().sort((a, b) => a.data("name").localeCompare(b.data("name")));
  $("chart-count").textContent = String(nodes.length);
  $("chart-nodes").replaceChildren(...nodes.map((n) => {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = `pick-${n.id()}`;
    box.checked = n.selected();
    box.addEventListener("change", () => (box.checked ? n.select() : n.unselect()));
    const label = document.createElement("label");
    label.htmlFor = box.id;
    label.textContent = `select ${n.data("name")}`;
    label.className = "visually-hidden";
    const open = document.createElement("button");
    open.type = "button";
    open.textContent = `${n.data("name")} (${n.data("kind")})`;
    open.addEventListener("click", () => { window.location.hash = `entity/${encodeURIComponent(n.id())}`; });
    const item = document.createElement("li");
    item.append(box, label, " ", open);
    return item;
  }));
}

// The time slider: the days of the chart's span; moving either end hides what lies outside.
const DAY = 86_400_000;
const isoDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);
let narrowed = false; // has the user moved the slider since the chart was last cleared?
function resetWindow() {
  const span = chart && chart.span();
  const [from, to] = [$("window-from"), $("window-to")];
  if (!span) { from.max = to.max = 0; narrowed = false; $("window-label").textContent = "all dates"; return; }
  const [a, b] = span.map((d) => Math.floor(Date.parse(d) / DAY));
  const kept = narrowed ? [Number(from.value), Number(to.value)] : [a, b];
  [from, to].forEach((input) => { input.min = a; input.max = b; });
  from.value = Math.min(Math.max(kept[0], a), b);
  to.value = Math.min(Math.max(kept[1], a), b);
  if (narrowed) { narrowWindow(); return; }
  $("window-label").textContent = `${isoDay(a)} to ${isoDay(b)}`;
  chart.cy.elements().removeClass("outside");
}
function narrowWindow() {
  const [a, b] = [Number($("window-from").value), Number($("window-to").value)].sort((x, y) => x - y);
  $("window-label").textContent = `${isoDay(a)} to ${isoDay(b)}`;
  chart.narrow(isoDay(a), isoDay(b));
}

document.addEventListener("DOMContentLoaded", () => {
  ["window-from", "window-to"].forEach((id) => $(id).addEventListener("input", () => { narrowed = true; narrowWindow(); }));
  $("signin-form").addEventListener("submit", (e) => { e.preventDefault(); signIn($("key").value.trim()); });
  $("signout").addEventListener("click", () => { sessionStorage.removeItem(KEY); window.location.hash = ""; window.location.reload(); });
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = $("query").value.trim();
    if (window.location.hash === `#search/${encodeURIComponent(q)}`) views.search(q);
    else window.location.hash = `search/${encodeURIComponent(q)}`;
  });
  document.querySelectorAll("[data-tool]").forEach((b) => b.addEventListener("click", () => tools[b.dataset.tool]()));
  window.addEventListener("hashchange", () => { if (chart) route(); });
  if (sessionStorage.getItem(KEY)) signIn(sessionStorage.getItem(KEY));
});
