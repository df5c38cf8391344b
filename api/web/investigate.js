// The investigations panel: a form for any canned investigation, built from the API's own OpenAPI
// description, with country and technique pickers that show names and send codes; the answer as a
// table, and on the chart for answers that hold nodes and ties.

import { api, button, download, el, text, words } from "./api.js";
import { renderRouteMap } from "./map.js";

const PICKERS = { through: "countries", issuing_country: "countries", nationality: "countries", technique: "fraud_techniques" };
const ENTITY_PARAMS = new Set(["uid", "source", "target"]);
let catalogue;

const typeOf = (schema) => schema.type || (schema.anyOf || []).map((s) => s.type).find((t) => t && t !== "null") || "string";
const itemsOf = (schema) => schema.items || (schema.anyOf || []).map((s) => s.items).find(Boolean);

async function load() {
  if (catalogue) return catalogue;
  const [spec, vocab] = await Promise.all([fetch("/openapi.json").then((r) => r.json()), api("/vocabularies")]);
  const forms = {};
  Object.entries(spec.paths).forEach(([path, item]) => {
    if (!path.startsWith("/investigations/") || path.endsWith("/search")) return;
    forms[path.split("/")[2]] = { summary: item.get.summary, params: (item.get.parameters || []).filter((p) => p.name !== "format") };
  });
  catalogue = { forms, vocab, spec };
  return catalogue;
}

function field(param, vocab, selected) {
  const id = `inv-${param.name}`;
  const schema = param.schema || {};
  const label = el("label", { for: id }, `${param.name}${param.required ? " (required)" : ""}`);
  let input;
  if (PICKERS[param.name]) {
    input = el("select", { id, name: param.name }, el("option", { value: "" }, "any"),
      vocab[PICKERS[param.name]].map((t) => el("option", { value: t.code }, `${t.name} (${t.code})`)));
  } else if (typeOf(schema) === "boolean") {
    input = el("input", { id, name: param.name, type: "checkbox" });
    if (schema.default) input.checked = true;
  } else if (typeOf(schema) === "array") {
    const items = itemsOf(schema) || {};
    const choices = items.enum || [];
    input = el("select", { id, name: param.name, multiple: "", size: String(Math.min(6, choices.length || 1)) },
      choices.map((c) => el("option", { value: c }, c)));
  } else {
    const kind = { integer: "number", number: "number" }[typeOf(schema)] || (schema.format === "date" ? "date" : "text");
    input = el("input", { id, name: param.name, type: kind, placeholder: String(schema.default ?? "") });
    if (ENTITY_PARAMS.has(param.name) && selected.length) input.value = selected[param.name === "target" ? 1 : 0] || "";
  }
  if (param.required) input.setAttribute("required", "");
  const help = param.description || schema.description || "";
  return el("div", { class: "field" }, label, input, help ? el("small", {}, help) : "");
}

function values(form) {
  const params = {};
  form.querySelectorAll("input, select").forEach((input) => {
    if (!input.name) return;
    if (input.type === "checkbox") params[input.name] = input.checked;
    else if (input.multiple) params[input.name] = [...input.selectedOptions].map((o) => o.value);
    else if (input.value !== "") params[input.name] = input.value;
  });
  return params;
}

// Everything in an answer that looks like a node (uid, label, name) or a tie (source, target, type).
export function graphOf(answer) {
  const nodes = new Map();
  const edges = new Map();
  const walk = (value) => {
    if (Array.isArray(value)) { value.forEach(walk); return; }
    if (!value || typeof value !== "object") return;
    if (value.uid && value.label && value.name) nodes.set(value.uid, value);
    if (value.source && value.target && value.type) edges.set(`${value.source}|${value.type}|${value.target}`, value);
    Object.values(value).forEach(walk);
  };
  walk(answer);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function cell(value, onOpen) {
  if (value == null) return text("");
  if (Array.isArray(value)) {
    const parts = value.map((v) => cell(v, onOpen));
    return el("span", {}, parts.flatMap((p, i) => (i ? [text(", "), p] : [p])));
  }
  if (typeof value === "object") {
    if (value.uid && value.name) return button(value.name, () => onOpen(value), `${value.label}: add to the chart`);
    const inner = value.person || value.supplier || value.identifier || value.holder || value.entity || value.route || value.document;
    if (inner) return cell(inner, onOpen);
    if (value.name) return text(value.name);
    return text(Object.entries(value).filter(([, v]) => typeof v !== "object").map(([k, v]) => `${k} ${v}`).join(", "));
  }
  return text(value);
}

function listTable(key, rows, onOpen) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => !["reports", "report_count", "properties"].includes(c));
  const table = el("table", {}, el("thead", {}, el("tr", {}, columns.map((c) => el("th", { scope: "col" }, words(c))))),
    el("tbody", {}, rows.map((r) => el("tr", {}, columns.map((c) => el("td", {}, cell(r[c], onOpen)))))));
  const csv = () => {
    const quote = (s) => `"${String(s).replaceAll('"', '""')}"`;
    const lines = [...table.rows].map((row) => [...row.cells].map((c) => quote(c.innerText)).join(","));
    download(`smugglegraph-${key}.csv`, new Blob([lines.join("\n") + "\n"], { type: "text/csv" }));
  };
  return el("section", { class: "answer-list" }, el("h3", {}, `${words(key)} (${rows.length}) `, button("Download CSV", csv)), table);
}

// Every list of records in an answer as its own table (with its CSV), after a line of its plain values.
export function renderTable(answer, onOpen) {
  const lists = Object.entries(answer).filter(([, v]) => Array.isArray(v) && v.length && typeof v[0] === "object");
  const extras = Object.entries(answer).filter(([, v]) => v !== null && typeof v !== "object"
    || (Array.isArray(v) && v.length && typeof v[0] !== "object"));
  const summary = el("p", { class: "kind" }, extras.map(([k, v]) => `${words(k)}: ${[v].flat().join(" to ")}`).join(" · "));
  if (!lists.length) return el("div", {}, summary, el("p", {}, "nothing visible to your agency"));
  return el("div", {}, summary, ...lists.map(([key, rows]) => listTable(key, rows, onOpen)));
}

export async function renderInvestigate(panel, chart, onOpen, preset = {}) {
  const { forms, vocab } = await load();
  const choose = el("select", { id: "inv-name" }, Object.entries(forms).map(([name, f]) => el("option", { value: name }, `${name}: ${f.summary}`)));
  const fields = el("div", { id: "inv-fields" });
  const out = el("div", { id: "inv-result" });
  const form = el("form", { id: "inv-form" }, el("label", { for: "inv-name" }, "Investigation"), choose, fields,
    el("button", { type: "submit" }, "Run"));
  const fill = () => fields.replaceChildren(...forms[choose.value].params.map((p) => field(p, vocab, chart.selected())));
  choose.addEventListener("change", fill);
  if (preset.name && forms[preset.name]) choose.value = preset.name;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    out.replaceChildren(text("running ..."));
    try {
      const answer = await api(`/investigations/${choose.value}`, values(fields));
      const drawn = graphOf(answer);
      out.replaceChildren(
        choose.value === "routes" ? await renderRouteMap(answer, vocab) : "",
        drawn.nodes.length && choose.value !== "routes"
          ? button(`Draw on chart (${drawn.nodes.length} nodes)`, () => { chart.snapshot(); chart.add(drawn); }) : "",
        renderTable(answer, onOpen));
    } catch (error) {
      out.replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
    }
  });
  fill();
  Object.entries(preset.params || {}).forEach(([k, v]) => { const input = fields.querySelector(`[name="${k}"]`); if (input) input.value = v; });
  panel.replaceChildren(el("h2", {}, "Investigate"), form, out);
  if (preset.run) form.requestSubmit();
}
