// purpose: the entities of some clusters, for recomputing them after a tie or an entity went.
// params: $ids (cluster ids)
// returns: one row: uids
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {cluster: id})
RETURN collect(n.uid) AS uids
