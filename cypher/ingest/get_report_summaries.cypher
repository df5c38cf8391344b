// purpose: for each entity newly loaded reports mention, its stored per-scope summary and what each of
//          the reports says of it (one text per mention), so the loader can add the reports to the summary.
// params: $report_ids (in load order), $properties (the summary's property names, graph/summaries.py)
// returns: one row per report and entity, in the order of $report_ids, then uid: report_id, uid, stored
//          (the values of $properties, in order), scope, date, texts
UNWIND range(0, size($report_ids) - 1) AS position
MATCH (:Report {uid: $report_ids[position]})-[m:MENTIONS]->(n:Entity)
WITH position, n, collect(m) AS ms
RETURN $report_ids[position] AS report_id, n.uid AS uid, [key IN $properties | n[key]] AS stored,
       ms[0].scope AS scope, ms[0].date AS date, [m IN ms | m.contribution] AS texts
ORDER BY position, uid
