// purpose: replace an entity's properties (its per-report lists and working values, recomputed from its
//          statements); its labels and relationships stay.
// params: $uid, $props (map)
// returns: one row: uid
MATCH (n:Entity {uid: $uid})
SET n = $props
RETURN n.uid AS uid
