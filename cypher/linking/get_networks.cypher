// purpose: the known networks (criminal networks and front businesses) that entities belong to or are
//          tied to within three hops of actor ties (memberships, shared identifiers and documents;
//          0 hops when the entity is itself such a network),
//          over visible facts only, nearest first.
// params: $uids (entity uids), $visible, $limit
// returns: one row per (entity, network): uid, network (map), hops, report_ids (visible reports of the path)
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
MATCH path = (n)-[rels:MEMBER_OF|HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|SUPPLIED_DOCUMENT|USED_DOCUMENT*0..3]-(o:Organisation)
WHERE o.kind IN ['criminal_network', 'front_business']
  AND all(r IN rels WHERE any(rid IN r.report_ids WHERE rid IN $visible))
  AND all(x IN nodes(path) WHERE any(rid IN x.report_ids WHERE rid IN $visible))
WITH uid, o, min(length(path)) AS hops, collect(rels) AS rel_lists
WITH uid, o, hops, reduce(ids = [], rs IN rel_lists | ids + reduce(acc = [], r IN rs | acc + r.report_ids)) AS ids
RETURN uid, o {.*, labels: labels(o), contributions: [(cr:Report)-[cm:MENTIONS]->(o) WHERE cr.uid IN $visible |
               [toString(cr.report_date), cm.contribution]]} AS network, hops,
       [rid IN ids WHERE rid IN $visible] AS report_ids
ORDER BY hops, o.uid
LIMIT $limit
