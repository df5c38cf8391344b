// purpose: resolution's candidates for all of a report's entities of one kind in one round trip: for
//          each, the known entities of that label whose visible names or aliases resemble its names
//          (full-text over each report's mentions, fuzzy), best first.
// params: $queries (list of maps: uid, query (Lucene)), $label, $scopes, $since, $until, $limit
// returns: one row per entity: uid, candidates (list of uids, best first)
UNWIND $queries AS q
CALL (q) {
  CALL db.index.fulltext.queryRelationships('mention_names', q.query) YIELD relationship AS mention, score
  WITH mention, score
  WHERE MENTIONED(mention) AND $label IN labels(endNode(mention))
  WITH endNode(mention) AS node, max(score) AS score
  ORDER BY score DESC, node.uid
  LIMIT $limit
  RETURN collect(node.uid) AS candidates
}
RETURN q.uid AS uid, candidates
