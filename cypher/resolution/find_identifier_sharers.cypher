// purpose: persons who, in one view of the graph, use one of the given identifiers or documents
//          (candidates for resolution besides name look-alikes).
// params: $identifiers (uids), $uid (the person itself, left out), $scopes, $since, $until, $limit
// returns: one row per person: uid
UNWIND $identifiers AS identifier
MATCH (:Entity {uid: identifier})<-[t:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT]-(c:Person)
WHERE c.uid <> $uid AND VISIBLE(t)
RETURN DISTINCT c.uid AS uid
ORDER BY uid
LIMIT $limit
