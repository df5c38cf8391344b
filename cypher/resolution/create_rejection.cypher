// purpose: record that two entities are different (a reviewer's rejection, or a split): a rejected
//          POSSIBLY_SAME_AS that resolution respects, with who, when and why, and the scopes it rests on.
// params: $a, $b (entity uids), $by, $reasons
// returns: one row: status
MATCH (a:Entity {uid: $a}), (b:Entity {uid: $b})
MERGE (a)-[s:POSSIBLY_SAME_AS]-(b)
SET s.status = 'rejected', s.by = coalesce(s.by, $by), s.reviewed_by = $by, s.reviewed_at = datetime(),
    s.at = coalesce(s.at, datetime()), s.reasons = coalesce(s.reasons, []) + $reasons,
    s.requires = reduce(acc = [], x IN coalesce(a.scopes, []) + coalesce(b.scopes, []) |
                        CASE WHEN x IN acc THEN acc ELSE acc + x END)
RETURN s.status AS status
