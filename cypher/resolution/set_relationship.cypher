// purpose: create or overwrite one relationship between two nodes identified by uid (entities,
//          reference nodes or reports), with exactly the given properties; merge and split write
//          relationships through this.
// params: $src, $dst, $type, $props
// returns: one row: type
CALL () {
  OPTIONAL MATCH (e1:Entity {uid: $src})
  OPTIONAL MATCH (f1:Reference {uid: $src})
  OPTIONAL MATCH (g1:Report {uid: $src})
  RETURN coalesce(e1, f1, g1) AS a
}
CALL () {
  OPTIONAL MATCH (e:Entity {uid: $dst})
  OPTIONAL MATCH (f:Reference {uid: $dst})
  OPTIONAL MATCH (g:Report {uid: $dst})
  RETURN coalesce(e, f, g) AS b
}
MERGE (a)-[r:$($type)]->(b)
SET r = $props
RETURN type(r) AS type
