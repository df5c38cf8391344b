// purpose: documents seen with fraud, each with its techniques, suppliers, and the routes and suspect
//          nationalities of the incidents it was found in, over visible facts, optionally filtered.
// params: $issuing_country, $technique, $route (route uid), $nationality (a suspect nationality), all
//         nullable; $visible, $limit
// returns: one row per document: document (map), techniques (codes), suppliers (list of {supplier, rel}),
//          routes (route uids), nationalities (suspect nationality codes)
MATCH (d:Document)
WHERE any(rid IN d.report_ids WHERE rid IN $visible)
  AND ($issuing_country IS NULL OR d.issuing_country = $issuing_country)
CALL (d) {
  OPTIONAL MATCH (d)-[st:SHOWS_TECHNIQUE]->(t:FraudTechnique)
  WHERE any(rid IN st.report_ids WHERE rid IN $visible)
  RETURN collect(DISTINCT t.code) AS techniques
}
CALL (d) {
  OPTIONAL MATCH (supplier:Entity)-[sd:SUPPLIED_DOCUMENT]->(d)
  WHERE any(rid IN sd.report_ids WHERE rid IN $visible) AND any(rid IN supplier.report_ids WHERE rid IN $visible)
  RETURN collect(CASE WHEN supplier IS NULL THEN NULL ELSE {supplier: supplier {.*, labels: labels(supplier), contributions: [(cr:Report)-[cm:MENTIONS]->(supplier) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]},
    rel: {source: supplier.uid, target: d.uid, type: type(sd), report_ids: sd.report_ids, confidence: sd.confidence,
          props: properties(sd)}} END) AS suppliers
}
CALL (d) {
  OPTIONAL MATCH (i:Incident)-[inv:INVOLVED_DOCUMENT]->(d)
  WHERE any(rid IN inv.report_ids WHERE rid IN $visible)
  OPTIONAL MATCH (i)-[al:ALONG]->(r:Route)
  WHERE any(rid IN al.report_ids WHERE rid IN $visible)
  OPTIONAL MATCH (i)-[sn:SUSPECT_NATIONALITY]->(c:Country)
  WHERE any(rid IN sn.report_ids WHERE rid IN $visible)
  RETURN collect(DISTINCT r.uid) AS routes, collect(DISTINCT c.code) AS nationalities
}
WITH d, techniques, suppliers, routes, nationalities
WHERE ($technique IS NULL OR $technique IN techniques)
  AND ($route IS NULL OR $route IN routes)
  AND ($nationality IS NULL OR $nationality IN nationalities)
RETURN d {.*, labels: labels(d), contributions: [(cr:Report)-[cm:MENTIONS]->(d) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]} AS document, techniques, suppliers, routes, nationalities
ORDER BY d.uid
LIMIT $limit
