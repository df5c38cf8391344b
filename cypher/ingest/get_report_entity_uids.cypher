// purpose: the entities a report mentions (whose summaries change when the report goes).
// params: $report_ids
// returns: one row: uids
UNWIND $report_ids AS report_id
OPTIONAL MATCH (:Report {uid: report_id})-[:MENTIONS]->(n:Entity)
RETURN collect(DISTINCT n.uid) AS uids
