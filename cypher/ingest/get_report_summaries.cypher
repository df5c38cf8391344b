// purpose: for each entity a report mentions, its stored per-scope summary and what this report says
//          of it (one text per mention), so the loader can add the report to the summary.
// params: $report_id, $properties (the summary's property names, graph/summaries.py)
// returns: one row per entity: uid, stored (the values of $properties, in order), scope, date, texts
MATCH (:Report {uid: $report_id})-[m:MENTIONS]->(n:Entity)
WITH n, collect(m) AS ms
RETURN n.uid AS uid, [key IN $properties | n[key]] AS stored, ms[0].scope AS scope, ms[0].date AS date,
       [m IN ms | m.contribution] AS texts
ORDER BY uid
