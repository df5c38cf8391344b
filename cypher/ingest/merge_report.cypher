// purpose: create or update the Report node, the source of every fact loaded with it.
// params: $report: map of Report properties (uid, source, title, report_date, media_type,
//         originator_agency, reporting_country, host_country, handling, releasability, release_to)
// returns: one row: uid
MERGE (r:Report {uid: $report.uid})
SET r += $report, r.ingested_at = datetime()
RETURN r.uid AS uid
