// purpose: entities as one view of the graph sees them (NODE maps: only the statements of the view's
//          release scopes), with what resolution weighs besides names: identifiers and documents used,
//          organisations belonged to, members (all through visible ties only).
// params: $uids, $scopes, $since, $until
// returns: one row per visible entity: node (map), identifiers, organisations, members (lists of uids)
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WHERE VISIBLE(n)
RETURN NODE(n) AS node,
       [(n)-[t:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT]->(i) WHERE VISIBLE(t) | i.uid] AS identifiers,
       [(n)-[t:MEMBER_OF]->(o) WHERE VISIBLE(t) AND VISIBLE(o) | o.uid] AS organisations,
       [(p:Person)-[t:MEMBER_OF]->(n) WHERE VISIBLE(t) AND VISIBLE(p) | p.uid] AS members
