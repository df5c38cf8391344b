// smugglegraph's web page: sign in with an API key, search, open a profile, run the canned views.
// Plain script, no outside resources; the key lives only in this tab's sessionStorage.
"use strict";

const $ = (id) => document.getElementById(id);
const text = (value) => document.createTextNode(value == null ? "" : String(value));

async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  const response = await fetch(url, { headers: { Authorization: `Bearer ${sessionStorage.getItem("sgkey")}` } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

function sources(item) {
  const titles = (item.reports || []).map((r) => `${r.title || r.id}${r.date ? ` (${r.date})` : ""}`);
  const span = document.createElement("span");
  span.className = "sources";
  span.append(text(titles.join("; ")));
  return span;
}

function table(headers, rows) {
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  headers.forEach((h) => { const th = document.createElement("th"); th.append(text(h)); head.append(th); });
  const body = t.createTBody();
  rows.forEach((cells) => {
    const row = body.insertRow();
    cells.forEach((cell) => row.insertCell().append(cell instanceof Node ? cell : text(cell)));
  });
  return t;
}

function link(label, onClick) {
  const a = document.createElement("a");
  a.append(text(label));
  a.addEventListener("click", onClick);
  return a;
}

function show(title, node) {
  const h = document.createElement("h2");
  h.append(text(title));
  $("results").replaceChildren(h, node);
}

async function run(label, work) {
  $("status").textContent = `${label} ...`;
  try { await work(); $("status").textContent = ""; }
  catch (error) { $("status").textContent = error.message; }
}

const openProfile = (uid) => run("loading the profile", async () => {
  const p = await api("/investigations/profile", { uid });
  const rows = p.facts.map((f) => [f.relationship.type, link(f.other.name, () => openProfile(f.other.uid)),
    f.other.label, sources(f.relationship)]);
  show(`${p.entity.name} (${p.entity.label}), seen ${p.entity.first_seen || "?"} to ${p.entity.last_seen || "?"}`,
    table(["relationship", "with", "kind", "reported in"], rows));
});

const search = (q) => run("searching", async () => {
  const r = await api("/investigations/search", { q });
  show(`${r.hits.length} found for "${q}"`, table(["name", "kind", "match", "reported in"],
    r.hits.map((h) => [link(h.name, () => openProfile(h.uid)), h.label, h.score.toFixed(2), sources(h)])));
});

const views = {
  "shared-identifiers": async () => {
    const r = await api("/investigations/shared-identifiers");
    show("Identifiers used by several actors", table(["identifier", "used by"], r.identifiers.map((i) => [
      i.identifier.name, i.holders.map((h) => h.holder.name).join(", ")])));
  },
  clusters: async () => {
    const r = await api("/investigations/clusters");
    show("Connected networks", table(["size", "persons", "organisations", "main actors"], r.clusters.map((c) => [
      c.size, c.persons, c.organisations, c.main_actors.map((a) => a.name).join(", ")])));
  },
  "emerging-routes": async () => {
    const r = await api("/investigations/emerging-routes", { recent_days: 60, baseline_days: 365 });
    show(`Legs new or growing (${r.recent[0]} to ${r.recent[1]})`, table(["from", "to", "mode", "recent", "before", "reported in"],
      r.legs.map((l) => [l.origin, l.destination, l.mode, l.recent_incidents, l.baseline_incidents, sources(l)])));
  },
};

async function signIn(key) {
  sessionStorage.setItem("sgkey", key);
  try {
    const me = await api("/me");
    $("who").textContent = `${me.user} (${me.role}, ${me.agency})`;
    $("signin").hidden = true; $("workspace").hidden = false; $("signout").hidden = false;
    $("signin-error").textContent = "";
  } catch (error) {
    sessionStorage.removeItem("sgkey");
    $("signin-error").textContent = `Sign-in failed: ${error.message}`;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("signin-form").addEventListener("submit", (e) => { e.preventDefault(); signIn($("key").value.trim()); });
  $("signout").addEventListener("click", () => { sessionStorage.removeItem("sgkey"); window.location.reload(); });
  $("search-form").addEventListener("submit", (e) => { e.preventDefault(); search($("query").value.trim()); });
  document.querySelectorAll("button[data-view]").forEach((b) =>
    b.addEventListener("click", () => run(b.textContent, views[b.dataset.view])));
  if (sessionStorage.getItem("sgkey")) signIn(sessionStorage.getItem("sgkey"));
});
