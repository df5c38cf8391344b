// purpose: delete one relationship between two nodes identified by uid.
// params: $src, $dst, $type
// returns: one row: deleted
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
MATCH (a)-[r:$($type)]->(b)
DELETE r
RETURN count(*) AS deleted
