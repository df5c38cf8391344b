// purpose: what cluster upkeep needs of some entities: their kind, cluster, degree and whether the network
//          sees them, and their ties between actors (the ties clusters are made of), each with the other
//          end's cluster, whether the whole network sees the tie (NET on it and on both ends) and its other
//          release scopes. With $among, only ties whose other end is among $uids too (a new report only
//          ties its own entities together).
// params: $uids, $among
// returns: one row per existing entity: uid, label, cluster, net, ties (list of {other, other_label,
//          other_cluster, type, source, target, net, scopes})
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
CALL (n) {
  OPTIONAL MATCH (n)-[r:MEMBER_OF|HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|SUPPLIED_DOCUMENT|USED_DOCUMENT|INVOLVED_IN|SAME_AS]-(m:Entity)
  WHERE (startNode(r):Person OR startNode(r):Organisation) AND (NOT $among OR m.uid IN $uids)
  RETURN collect(CASE WHEN r IS NOT NULL THEN {
    other: m.uid, other_label: [l IN labels(m) WHERE l <> 'Entity'][0], other_cluster: m.cluster,
    type: type(r), source: startNode(r).uid, target: endNode(r).uid,
    net: NET(r) AND NET(n) AND NET(m), scopes: coalesce(r.scopes, [])} END) AS ties
}
RETURN n.uid AS uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.cluster AS cluster, NET(n) AS net, ties
