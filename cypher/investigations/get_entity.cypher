// purpose: whether an entity exists and is visible, to answer 404 for unknown or hidden ids alike.
// params: $uid, $visible
// returns: at most one row: uid
MATCH (n:Entity {uid: $uid})
WHERE any(rid IN n.report_ids WHERE rid IN $visible)
RETURN n.uid AS uid
