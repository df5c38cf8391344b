// purpose: recreate an entity exactly as a snapshot holds it (used to split a merge).
// params: $uid, $labels (list), $props (map)
// returns: one row: uid
CREATE (n:Entity {uid: $uid})
SET n:$($labels), n = $props
RETURN n.uid AS uid
