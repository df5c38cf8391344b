// purpose: every tie between actors, bare, with whether the whole network sees it and its release scopes,
//          to compute all clusters from scratch (a bulk-built graph; the test suite's drift check).
// params: none
// returns: one row per tie: source, source_label, target, target_label, type, net, scopes
MATCH (a:Entity)-[r:MEMBER_OF|HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|SUPPLIED_DOCUMENT|USED_DOCUMENT|INVOLVED_IN|SAME_AS]->(b:Entity)
WHERE a:Person OR a:Organisation
RETURN a.uid AS source, [l IN labels(a) WHERE l <> 'Entity'][0] AS source_label,
       b.uid AS target, [l IN labels(b) WHERE l <> 'Entity'][0] AS target_label,
       type(r) AS type, NET(r) AND NET(a) AND NET(b) AS net, coalesce(r.scopes, []) AS scopes
