// purpose: forget every kept cluster, degree and private tie (before computing them all again), a batch
//          at a time.
// params: $batch
// returns: one row: done (nodes changed or deleted in this batch; 0 when nothing is left)
CALL {
  MATCH (c:Cluster) WITH c LIMIT $batch DETACH DELETE c RETURN count(*) AS clusters
}
CALL {
  MATCH (p:PrivateTie) WITH p LIMIT $batch DELETE p RETURN count(*) AS private
}
CALL {
  MATCH (n:Entity) WHERE n.cluster IS NOT NULL OR n.degree IS NOT NULL
  WITH n LIMIT $batch SET n.cluster = null, n.degree = null RETURN count(*) AS nodes
}
RETURN clusters + private + nodes AS done
