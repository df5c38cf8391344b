// purpose: persons whose names or aliases resemble a name (full-text, fuzzy), among visible facts,
//          as candidates for the comparator to score.
// params: $query (Lucene query), $visible, $limit
// returns: one row per candidate: node (map with labels and visible contributions)
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE node:Person AND any(rid IN node.report_ids WHERE rid IN $visible)
RETURN node {.*, labels: labels(node), contributions: [(cr:Report)-[cm:MENTIONS]->(node) WHERE cr.uid IN $visible |
             [toString(cr.report_date), cm.contribution]]} AS node
ORDER BY score DESC
LIMIT $limit
