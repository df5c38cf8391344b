// purpose: record that resolution of a loaded report completed, so a re-run does not resolve it again.
// params: $uid: content id of the report
// returns: one row: uid (none if no such report)
MATCH (r:Report {uid: $uid})
SET r.resolved = true
RETURN r.uid AS uid
