// purpose: replace an entity's properties (its per-report lists and working values, recomputed from its
//          statements); its labels, relationships and kept cluster and degree (graph/clusters.py) stay.
// params: $uid, $props (map)
// returns: one row: uid
MATCH (n:Entity {uid: $uid})
WITH n, n.cluster AS cluster, n.degree AS degree
SET n = $props
SET n.cluster = cluster, n.degree = degree
RETURN n.uid AS uid
