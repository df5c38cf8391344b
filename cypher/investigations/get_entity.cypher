// purpose: whether an entity exists and is visible, to answer 404 for unknown or hidden ids alike.
// params: $uid, $scopes, $since, $until
// returns: at most one row: uid
MATCH (n:Entity {uid: $uid})
WHERE VISIBLE(n)
RETURN n.uid AS uid
