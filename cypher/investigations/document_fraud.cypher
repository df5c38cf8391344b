// purpose: documents seen with fraud, each with its techniques, suppliers, and the routes and suspect
//          nationalities of the incidents it was found in, over visible statements, optionally filtered
//          (the issuing country through a visible ISSUED_BY statement).
// params: $issuing_country, $technique, $route (route uid), $nationality (a suspect nationality), all
//         nullable; $scopes, $since, $until, $limit
// returns: one row per document: document (map), techniques (codes), suppliers (list of {supplier, rel}),
//          routes (route uids), nationalities (suspect nationality codes)
MATCH (d:Document)
WHERE VISIBLE(d)
  AND ($issuing_country IS NULL OR EXISTS {
    MATCH (d)-[ib:ISSUED_BY]->(:Country {code: $issuing_country}) WHERE VISIBLE(ib) })
CALL (d) {
  OPTIONAL MATCH (d)-[st:SHOWS_TECHNIQUE]->(t:FraudTechnique)
  WHERE VISIBLE(st)
  RETURN collect(DISTINCT t.code) AS techniques
}
CALL (d) {
  OPTIONAL MATCH (supplier:Entity)-[sd:SUPPLIED_DOCUMENT]->(d)
  WHERE VISIBLE(sd) AND VISIBLE(supplier)
  RETURN collect(CASE WHEN supplier IS NULL THEN NULL ELSE {supplier: NODE(supplier),
    rel: EDGE(sd)} END) AS suppliers
}
CALL (d) {
  OPTIONAL MATCH (i:Incident)-[inv:INVOLVED_DOCUMENT]->(d)
  WHERE VISIBLE(inv)
  OPTIONAL MATCH (i)-[al:ALONG]->(r:Route)
  WHERE VISIBLE(al)
  OPTIONAL MATCH (i)-[sn:SUSPECT_NATIONALITY]->(c:Country)
  WHERE VISIBLE(sn)
  RETURN collect(DISTINCT r.uid) AS routes, collect(DISTINCT c.code) AS nationalities
}
WITH d, techniques, suppliers, routes, nationalities
WHERE ($technique IS NULL OR $technique IN techniques)
  AND ($route IS NULL OR $route IN routes)
  AND ($nationality IS NULL OR $nationality IN nationalities)
RETURN NODE(d) AS document, techniques, suppliers, routes, nationalities
ORDER BY d.uid
LIMIT $limit
