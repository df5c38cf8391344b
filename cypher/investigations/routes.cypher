// purpose: routes with their ordered stops, and the visible incidents along each with their migrant
//          counts, optionally only routes through one country or place. The caller's time window is
//          already in $visible (only reports dated inside it), so counts are per window.
// params: $through (ISO country code, place uid, or null for all), $visible, $limit
// returns: one row per route: route (map with labels), stops (ordered list of {position, mode, uid, name,
//          country}), incidents (count), migrants (sum), incident_report_ids (list of lists)
MATCH (route:Route)
WHERE any(rid IN route.report_ids WHERE rid IN $visible)
MATCH (route)-[s:STOP]->(stop)
WITH route, s, stop ORDER BY s.position
WITH route, collect({position: s.position, mode: s.mode, uid: stop.uid, name: coalesce(stop.name, stop.code),
                     country: coalesce(stop.country, stop.code)}) AS stops
WHERE $through IS NULL OR any(st IN stops WHERE st.uid = $through OR st.country = $through)
OPTIONAL MATCH (i:Incident)-[a:ALONG]->(route)
WHERE any(rid IN a.report_ids WHERE rid IN $visible) AND any(rid IN i.report_ids WHERE rid IN $visible)
WITH route, stops, collect(DISTINCT i) AS incidents
RETURN route {.*, labels: labels(route), contributions: [(cr:Report)-[cm:MENTIONS]->(route) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]} AS route, stops, size(incidents) AS incidents,
       reduce(total = 0, i IN incidents | total + coalesce(i.migrants, 0)) AS migrants,
       [i IN incidents | i.report_ids] AS incident_report_ids
ORDER BY size(incidents) DESC, route.uid
LIMIT $limit
