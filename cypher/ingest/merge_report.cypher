// purpose: create or update the Report node, the source of every statement loaded with it, and the
//          release scope it belongs to (one Scope node per distinct scope, with the agencies it
//          releases to).
// params: $report: map of Report properties (uid, source, title, report_date, media_type, originator_agency,
//         reporting_country, host_country, handling, releasability, release_to, scope),
//         $agencies: the agencies the scope releases to (empty for the network)
// returns: one row: uid
MERGE (s:Scope {key: $report.scope})
SET s.agencies = $agencies
MERGE (r:Report {uid: $report.uid})
SET r += $report, r.ingested_at = datetime()
RETURN r.uid AS uid
