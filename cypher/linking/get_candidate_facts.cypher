// purpose: what resolution weighs about known entities besides their names, over the caller's visible
//          statements: the identifiers and documents they use, the organisations they belong to, and
//          (for organisations) their members.
// params: $uids, $scopes, $since, $until
// returns: one row per visible entity: uid, identifiers, organisations, members (lists of uids)
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WHERE VISIBLE(n)
RETURN uid,
       [(n)-[t:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT]->(i) WHERE VISIBLE(t) | i.uid] AS identifiers,
       [(n)-[t:MEMBER_OF]->(o) WHERE VISIBLE(t) AND VISIBLE(o) | o.uid] AS organisations,
       [(p:Person)-[t:MEMBER_OF]->(n) WHERE VISIBLE(t) AND VISIBLE(p) | p.uid] AS members
