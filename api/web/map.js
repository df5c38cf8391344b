// Routes on a map of countries: an offline world geometry (world-atlas, from the npm registry) drawn
// with d3-geo as SVG; each route's stops joined in order, at their countries' centroids. No tile server.

import { el } from "./api.js";

const SVG = "http://www.w3.org/2000/svg";
let world;

const svg = (tag, attrs = {}) => {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
};

async function countries() {
  if (!world) {
    const topology = await fetch("/ui/vendor/world-atlas/countries-110m.json").then((r) => r.json());
    world = window.topojson.feature(topology, topology.objects.countries).features;
  }
  return world;
}

export async function renderRouteMap(answer, vocab) {
  const features = await countries();
  const numeric = Object.fromEntries(vocab.countries.map((c) => [c.code, c.numeric]));
  const byId = Object.fromEntries(features.map((f) => [f.id, f]));
  const feature = (code) => byId[numeric[code]];
  const routes = (answer.routes || []).map((r) => ({ ...r, stops: r.stops.filter((s) => feature(s.country)) }))
    .filter((r) => r.stops.length >= 2);
  const figure = el("figure", { class: "route-map" });
  if (!routes.length) { figure.append(el("figcaption", {}, "no route with two stops in known countries to draw")); return figure; }
  const width = 560;
  const height = 340;
  const involved = { type: "FeatureCollection", features: [...new Set(routes.flatMap((r) => r.stops.map((s) => s.country)))].map(feature) };
  const projection = window.d3.geoNaturalEarth1().fitExtent([[20, 20], [width - 20, height - 20]], involved);
  const path = window.d3.geoPath(projection);
  const map = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "routes on a map of countries" });
  const defs = svg("defs");
  const arrow = svg("marker", { id: "leg-arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "6", markerHeight: "6", orient: "auto" });
  arrow.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#cf222e" }));
  defs.append(arrow);
  map.append(defs);
  features.forEach((f) => {
    const shape = svg("path", { d: path(f) || "", class: involved.features.includes(f) ? "country involved" : "country" });
    shape.append(svg("title"));
    shape.firstChild.textContent = f.properties.name;
    map.append(shape);
  });
  const most = Math.max(...routes.map((r) => r.incidents || 1));
  routes.forEach((route) => {
    const points = route.stops.map((s) => projection(window.d3.geoCentroid(feature(s.country))));
    for (let i = 1; i < points.length; i += 1) {
      const [a, b] = [points[i - 1], points[i]];
      if (a[0] === b[0] && a[1] === b[1]) continue;
      const leg = svg("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: "leg", "marker-end": "url(#leg-arrow)",
        "stroke-width": String(1.5 + 3 * ((route.incidents || 1) / most)) });
      leg.append(svg("title"));
      leg.firstChild.textContent = `${route.stops[i - 1].name} → ${route.stops[i].name}${route.stops[i].mode ? ` (${route.stops[i].mode})` : ""}`
        + `, ${route.incidents} incident(s)`;
      map.append(leg);
    }
    points.forEach((p, i) => map.append(svg("circle", { cx: p[0], cy: p[1], r: "3", class: i ? "stop" : "stop origin" })));
  });
  figure.append(map, el("figcaption", {}, `${routes.length} route(s); line width by incidents; stops at their countries' centres`));
  return figure;
}
