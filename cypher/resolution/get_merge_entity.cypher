// purpose: the labels and release scopes of an entity about to be merged.
// params: $uid
// returns: at most one row: labels, scopes
MATCH (n:Entity {uid: $uid})
RETURN labels(n) AS labels, n.scopes AS scopes
