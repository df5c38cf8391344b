// purpose: the ties between actors that only some agencies see, one PrivateTie per tie and release scope,
//          rewritten for some entities (with $among, only ties among them): a caller's clusters join the
//          network's along the ones the caller may see.
// params: $uids, $among, $rows (list of {scope, source, target, type})
// returns: nothing
CALL {
  MATCH (p:PrivateTie)
  WHERE p.source IN $uids AND (NOT $among OR p.target IN $uids)
  RETURN collect(p) AS found
  UNION
  MATCH (p:PrivateTie)
  WHERE p.target IN $uids AND (NOT $among OR p.source IN $uids)
  RETURN collect(p) AS found
}
FOREACH (p IN found | DELETE p)
WITH count(*) AS done
UNWIND $rows AS row
CREATE (:PrivateTie {scope: row.scope, source: row.source, target: row.target, type: row.type})
