// purpose: one report as its reader may open it: its metadata and normalised text, if its release
//          scope is one the caller may see (an unknown and a hidden report alike give no row).
// params: $uid, $scopes
// returns: at most one row: uid, title, report_date, originator_agency, source, text
MATCH (r:Report {uid: $uid})
WHERE r.scope IN $scopes
RETURN r.uid AS uid, r.title AS title, r.report_date AS report_date, r.originator_agency AS originator_agency,
       r.source AS source, r.text AS text
