// purpose: each entity's degree: how many ties between actors the whole network sees it in (main actors
//          are the best-connected); none on an entity in no such tie.
// params: $uids
// returns: nothing
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WITH n, CASE WHEN NET(n) THEN COUNT {
  MATCH (n)-[r:MEMBER_OF|HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|SUPPLIED_DOCUMENT|USED_DOCUMENT|INVOLVED_IN|SAME_AS]-(m:Entity)
  WHERE (startNode(r):Person OR startNode(r):Organisation) AND NET(r) AND NET(m)
} END AS degree
SET n.degree = CASE WHEN degree > 0 THEN degree END
