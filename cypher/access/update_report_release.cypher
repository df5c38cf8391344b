// purpose: change to whom a report is released.
// params: $uid, $releasability ('network', 'agencies' or 'originator'), $release_to (list of agency codes)
// returns: one row: uid, releasability, release_to
MATCH (r:Report {uid: $uid})
SET r.releasability = $releasability, r.release_to = $release_to
RETURN r.uid AS uid, r.releasability AS releasability, r.release_to AS release_to
