// purpose: the stored clusters with these ids (cluster upkeep merges and dissolves them).
// params: $ids
// returns: one row per cluster: id, size, persons, organisations, first
UNWIND $ids AS id
MATCH (c:Cluster {uid: id})
RETURN c.uid AS id, c.size AS size, c.persons AS persons, c.organisations AS organisations, c.first AS first
