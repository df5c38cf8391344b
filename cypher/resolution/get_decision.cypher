// purpose: one resolution decision by uid.
// params: $uid
// returns: at most one row: decision (map)
MATCH (d:Decision {uid: $uid})
RETURN properties(d) AS decision
