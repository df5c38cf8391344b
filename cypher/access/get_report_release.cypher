// purpose: who originated a report, to whom it is released and its scope, to decide who may see and
//          change that.
// params: $uid
// returns: at most one row: uid, originator_agency, releasability, release_to, scope
MATCH (r:Report {uid: $uid})
RETURN r.uid AS uid, r.originator_agency AS originator_agency, r.releasability AS releasability,
       r.release_to AS release_to, r.scope AS scope
