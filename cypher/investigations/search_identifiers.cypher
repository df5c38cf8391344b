// purpose: the entities whose exact key is one of the given identifier uids (a phone in each E.164 form a
//          typed number can take, an e-mail, a plate, an account or document number), if a visible
//          report names them: search by identifier, whatever format it was typed in.
// params: $uids (candidate uids, graph/keys.py), $labels (list of labels, empty for all), $scopes, $since, $until
// returns: one row per visible entity found: node (map), uid
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WHERE VISIBLE(n) AND (size($labels) = 0 OR any(label IN labels(n) WHERE label IN $labels))
RETURN NODE(n) AS node, uid
ORDER BY uid
