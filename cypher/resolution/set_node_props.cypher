// purpose: set all properties of an entity to the given map (replacing the old ones).
// params: $uid, $props
// returns: one row: uid
MATCH (n:Entity {uid: $uid})
SET n = $props
RETURN n.uid AS uid
