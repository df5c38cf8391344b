// purpose: who originated a report and to whom it is released, to decide who may change that.
// params: $uid
// returns: at most one row: uid, originator_agency, releasability, release_to
MATCH (r:Report {uid: $uid})
RETURN r.uid AS uid, r.originator_agency AS originator_agency, r.releasability AS releasability,
       r.release_to AS release_to
