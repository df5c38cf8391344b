// purpose: create or update Report nodes, the source of every statement loaded with them, and the
//          release scope each belongs to (one Scope node per distinct scope, with the agencies it
//          releases to).
// params: $reports: list of {report: map of Report properties (uid, source, title, report_date, media_type,
//         originator_agency, reporting_country, host_country, handling, releasability, release_to, scope),
//         agencies: the agencies the scope releases to (empty for the network)}
// returns: one row: merged
UNWIND $reports AS row
MERGE (s:Scope {key: row.report.scope})
SET s.agencies = row.agencies
MERGE (r:Report {uid: row.report.uid})
SET r += row.report, r.ingested_at = datetime()
RETURN count(r) AS merged
