// purpose: delete an entity and its relationships (after a merge moved them to the survivor).
// params: $uid
// returns: one row: deleted
MATCH (n:Entity {uid: $uid})
DETACH DELETE n
RETURN count(*) AS deleted
