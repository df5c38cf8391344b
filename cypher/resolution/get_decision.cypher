// purpose: one resolution decision by uid, if the caller may see every release scope of the statements
//          it rests on (`requires`); a hidden decision and an unknown one are alike: no row.
// params: $uid, $scopes, $all (true for a local operator)
// returns: at most one row: decision (map)
MATCH (d:Decision {uid: $uid})
WHERE $all OR all(x IN coalesce(d.requires, ['?']) WHERE x IN $scopes)
RETURN properties(d) AS decision
