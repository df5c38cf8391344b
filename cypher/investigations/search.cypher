// purpose: find entities by a name, alias or identifier value that a visible report gives them
//          (full-text over each report's mentions, fuzzy terms): a name only a hidden report gives
//          finds nothing. Each entity's score is its best visible mention's; only the page's entities
//          become answer maps.
// params: $query (Lucene query built by graph/fulltext.py from the user's words), $labels (list of labels,
//         empty for all), $scopes, $since, $until, $skip, $limit
// returns: one row per entity: node (map), score
CALL db.index.fulltext.queryRelationships('mention_names', $query) YIELD relationship AS mention, score
WHERE MENTIONED(mention)
WITH endNode(mention) AS node, max(score) AS score
WHERE size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels)
WITH node, score
ORDER BY score DESC, node.uid
SKIP $skip LIMIT $limit
RETURN NODE(node) AS node, score
ORDER BY score DESC, node.uid
