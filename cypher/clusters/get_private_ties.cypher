// purpose: the ties between actors that the caller sees and the whole network does not, with both ends'
//          kind, cluster and degree (a caller's clusters are the network's joined along these).
// params: $scopes
// returns: one row per tie: source, target, type, and per end: label, cluster, degree
MATCH (p:PrivateTie)
WHERE p.scope IN $scopes
WITH DISTINCT p.source AS source, p.target AS target, p.type AS type
MATCH (a:Entity {uid: source}), (b:Entity {uid: target})
WHERE VISIBLE(a) AND VISIBLE(b)
RETURN source, target, type,
       [l IN labels(a) WHERE l <> 'Entity'][0] AS source_label, a.cluster AS source_cluster,
       coalesce(a.degree, 0) AS source_degree,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS target_label, b.cluster AS target_cluster,
       coalesce(b.degree, 0) AS target_degree
