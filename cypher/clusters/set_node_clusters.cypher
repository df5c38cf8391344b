// purpose: put entities in a cluster (or in none, with a null cluster).
// params: $rows (list of {uid, cluster})
// returns: nothing
UNWIND $rows AS row
MATCH (n:Entity {uid: row.uid})
SET n.cluster = row.cluster
