// purpose: organisations whose names or aliases resemble a given one's (full-text, fuzzy), with what
//          resolution weighs. Like persons, resolution runs over all reports; visibility applies when shown.
// params: $uid, $query (Lucene query), $limit
// returns: one row per candidate: organisation (map)
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node
WHERE node:Organisation AND node.uid <> $uid
WITH node LIMIT $limit
RETURN node {.uid, .name, .aliases, .kind, .country, .first_seen, .scopes,
             members: [(p:Person)-[:MEMBER_OF]->(node) | p.uid]} AS organisation
