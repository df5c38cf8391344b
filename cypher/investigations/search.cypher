// purpose: find people, organisations, places and vessels by name or alias (full-text, fuzzy terms),
//          showing only entities that a visible report supports.
// params: $query (Lucene query built by the caller from the user's words), $labels (list of labels,
//         empty for all), $visible (report uids the caller may see), $skip, $limit
// returns: one row per entity: node (map with labels), score
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE any(rid IN node.report_ids WHERE rid IN $visible)
  AND (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
RETURN node {.*, labels: labels(node), contributions: [(cr:Report)-[cm:MENTIONS]->(node) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]} AS node, score
ORDER BY score DESC, node.uid
SKIP $skip LIMIT $limit
