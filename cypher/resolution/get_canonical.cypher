// purpose: the entity a uid stands for now: itself, or the entity its key was merged into.
// params: $uid
// returns: at most one row: uid, labels
OPTIONAL MATCH (alias:Alias {key: $uid})
WITH coalesce(alias.target, $uid) AS uid
MATCH (n:Entity {uid: uid})
RETURN n.uid AS uid, labels(n) AS labels
