// purpose: the known networks (organisations that a visible report calls a criminal network or a
//          front business) that entities belong to or are tied to within three hops of actor ties
//          (memberships, shared identifiers and documents, reviewers' same-as judgements; 0 hops when the
//          entity is itself such a network), over visible statements only, nearest first.
// params: $uids (entity uids), $scopes, $since, $until, $limit
// returns: one row per (entity, network): uid, network (map), hops, report_ids (visible reports of the path)
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
MATCH path = (n)-[rels:MEMBER_OF|HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|SUPPLIED_DOCUMENT|USED_DOCUMENT|SAME_AS*0..3]-(o:Organisation)
WHERE all(r IN rels WHERE VISIBLE(r))
  AND all(x IN nodes(path) WHERE VISIBLE(x))
  AND EXISTS { MATCH (:Report)-[m:MENTIONS]->(o) WHERE MENTIONED(m) AND m.kind IN ['criminal_network', 'front_business'] }
WITH uid, o, min(length(path)) AS hops, collect(rels) AS rel_lists
WITH uid, o, hops, reduce(ids = [], rs IN rel_lists | ids + reduce(acc = [], r IN rs | acc + SEEN(r))) AS ids
RETURN uid, NODE(o) AS network, hops, ids AS report_ids
ORDER BY hops, o.uid
LIMIT $limit
