// purpose: write entities' cluster and degree (computed from scratch).
// params: $rows (list of {uid, cluster, degree})
// returns: nothing
UNWIND $rows AS row
MATCH (n:Entity {uid: row.uid})
SET n.cluster = row.cluster, n.degree = row.degree
