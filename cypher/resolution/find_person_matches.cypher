// purpose: persons that may be the same as a given one: those whose names or aliases resemble its
//          names (full-text, fuzzy) and those who use one of its identifiers or documents; with what
//          resolution weighs. Resolution is the system's own work, over all reports; what a caller
//          may see is still decided per report when anything is shown.
// params: $uid, $query (Lucene query), $identifiers (uids), $limit
// returns: one row per candidate: person (map)
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node
  WHERE node:Person AND node.uid <> $uid
  RETURN node AS c LIMIT $limit
  UNION
  MATCH (i:Entity)<-[:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT]-(c:Person)
  WHERE i.uid IN $identifiers AND c.uid <> $uid
  RETURN c
}
WITH DISTINCT c
RETURN c {.uid, .name, .aliases, .nationality, .birth_date, .first_seen, .scopes,
          identifiers: [(c)-[:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT]->(i) | i.uid],
          organisations: [(c)-[:MEMBER_OF]->(o) | o.uid]} AS person
