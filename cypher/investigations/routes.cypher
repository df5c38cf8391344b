// purpose: routes with their ordered stops, and the visible incidents along each with their migrant
//          counts, optionally only routes through one country or place, over the caller's visible
//          statements in the time window (so counts are per window). An incident is one report's
//          event, so its own counts are that one report's statement.
// params: $through (ISO country code, place uid, or null for all), $scopes, $since, $until, $limit
// returns: one row per route: route (map), stops (ordered list of {position, stop: map}), incidents (count),
//          migrants (sum), incident_report_ids (list of lists)
MATCH (route:Route)
WHERE VISIBLE(route)
MATCH (route)-[s:STOP]->(stop)
WITH route, s, stop ORDER BY s.position
WITH route, collect({position: s.position, stop: NODE(stop), uid: stop.uid,
                     country: coalesce(stop.country, stop.code)}) AS stops
WHERE $through IS NULL OR any(st IN stops WHERE st.uid = $through OR st.country = $through)
OPTIONAL MATCH (i:Incident)-[a:ALONG]->(route)
WHERE VISIBLE(a) AND VISIBLE(i)
WITH route, stops, collect(DISTINCT i) AS incidents
RETURN NODE(route) AS route, [st IN stops | {position: st.position, stop: st.stop}] AS stops,
       size(incidents) AS incidents, reduce(total = 0, i IN incidents | total + coalesce(i.migrants, 0)) AS migrants,
       [i IN incidents | SEEN(i)] AS incident_report_ids
ORDER BY size(incidents) DESC, route.uid
LIMIT $limit
