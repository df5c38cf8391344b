// purpose: the reports already loaded with this content id or from this source, to decide
//          whether a file is unchanged (skip), changed (replace its contribution) or new.
// params: $uid: content id; $source: where the document came from
// returns: one row per matching report: uid, source, resolved (false while its resolution is pending;
//          null for reports loaded before it was recorded)
MATCH (r:Report)
WHERE r.uid = $uid OR r.source = $source
RETURN r.uid AS uid, r.source AS source, r.resolved AS resolved
