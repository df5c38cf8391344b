// purpose: routes with their ordered stops, and the visible incidents along each with their migrant
//          counts, optionally only routes through one country or place, over the caller's visible
//          statements in the time window (so counts are per window). An incident is one report's
//          event, so its own counts are that one report's statement. Routes are filtered and ranked on
//          bare nodes; only the page's routes and stops become answer maps.
// params: $through (ISO country code, place uid, or null for all), $scopes, $since, $until, $limit
// returns: one row per route: route (map), stops (ordered list of {position, stop: map}), incidents (count),
//          migrants (sum), incident_report_ids (list of lists)
MATCH (route:Route)
WHERE VISIBLE(route)
  AND ($through IS NULL OR EXISTS {
    MATCH (route)-[:STOP]->(st)
    WHERE st.uid = $through OR coalesce(st.country, st.code) = $through
  })
OPTIONAL MATCH (i:Incident)-[a:ALONG]->(route)
WHERE VISIBLE(a) AND VISIBLE(i)
WITH route, collect(DISTINCT i) AS incidents
ORDER BY size(incidents) DESC, route.uid
LIMIT $limit
CALL (route) {
  MATCH (route)-[s:STOP]->(stop)
  WITH s, stop ORDER BY s.position
  RETURN collect({position: s.position, stop: NODE(stop)}) AS stops
}
RETURN NODE(route) AS route, stops,
       size(incidents) AS incidents, reduce(total = 0, i IN incidents | total + coalesce(i.migrants, 0)) AS migrants,
       [i IN incidents | SEEN(i)] AS incident_report_ids
ORDER BY incidents DESC, route.uid
