// purpose: persons whose visible names or aliases resemble a name (full-text over each report's
//          mentions, fuzzy), as candidates for the comparator to score.
// params: $query (Lucene query), $scopes, $since, $until, $limit
// returns: one row per candidate: node (map)
CALL db.index.fulltext.queryRelationships('mention_names', $query) YIELD relationship AS mention, score
WHERE MENTIONED(mention) AND endNode(mention):Person
WITH endNode(mention) AS node, max(score) AS score
RETURN NODE(node) AS node
ORDER BY score DESC, node.uid
LIMIT $limit
