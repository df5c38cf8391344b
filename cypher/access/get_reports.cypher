// purpose: titles and dates of reports, to attach provenance to investigation results. The caller
//          passes only report ids it may see.
// params: $ids: list of report uids
// returns: one row per report: uid, title, report_date, originator_agency
MATCH (r:Report)
WHERE r.uid IN $ids
RETURN r.uid AS uid, r.title AS title, r.report_date AS report_date, r.originator_agency AS originator_agency
