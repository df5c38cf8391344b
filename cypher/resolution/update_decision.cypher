// purpose: mark a decision as undone (a split), with who and when.
// params: $uid, $by
// returns: one row: uid
MATCH (d:Decision {uid: $uid})
SET d.undone_by = $by, d.undone_at = datetime()
RETURN d.uid AS uid
