// purpose: record a reviewer's answer on a proposed pair (rejected or confirmed), with who and when.
// params: $a, $b, $status, $by
// returns: at most one row: status
MATCH (x:Entity {uid: $a})-[s:POSSIBLY_SAME_AS]-(y:Entity {uid: $b})
SET s.status = $status, s.reviewed_by = $by, s.reviewed_at = datetime()
RETURN s.status AS status
