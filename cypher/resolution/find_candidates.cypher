// purpose: resolution's candidates for all of a report's persons and organisations in one round trip:
//          for each, the known entities of its label whose visible names or aliases resemble its names
//          (full-text over each report's mentions, fuzzy), best first; and, for a person, the persons
//          who use one of its identifiers or documents through a visible tie.
// params: $queries (list of maps: uid, query (Lucene), label, identifiers (uids; empty for none)),
//         $scopes, $since, $until, $limit
// returns: one row per entity: uid, candidates (list of uids, best first), sharers (list of uids)
UNWIND $queries AS q
CALL (q) {
  CALL db.index.fulltext.queryRelationships('mention_names', q.query) YIELD relationship AS mention, score
  WITH mention, score
  WHERE MENTIONED(mention) AND q.label IN labels(endNode(mention))
  WITH endNode(mention) AS node, max(score) AS score
  ORDER BY score DESC, node.uid
  LIMIT $limit
  RETURN collect(node.uid) AS candidates
}
CALL (q) {
  UNWIND q.identifiers AS identifier
  MATCH (:Entity {uid: identifier})<-[t:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT]-(c:Person)
  WHERE c.uid <> q.uid AND VISIBLE(t)
  WITH DISTINCT c.uid AS uid
  ORDER BY uid
  LIMIT $limit
  RETURN collect(uid) AS sharers
}
RETURN q.uid AS uid, candidates, sharers
