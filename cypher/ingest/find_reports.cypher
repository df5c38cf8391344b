// purpose: the reports already loaded with these content ids or from these sources, to decide
//          whether a file is unchanged (skip), changed (replace its contribution) or new.
// params: $reports: list of {uid: content id, source: where the document came from}
// returns: one row per stored report that matches any of them: uid, source, resolved (false while its
//          resolution is pending; null for reports loaded before it was recorded)
UNWIND $reports AS wanted
CALL (wanted) {
  MATCH (r:Report {uid: wanted.uid})
  RETURN r
  UNION
  MATCH (r:Report {source: wanted.source})
  RETURN r
}
RETURN DISTINCT r.uid AS uid, r.source AS source, r.resolved AS resolved
