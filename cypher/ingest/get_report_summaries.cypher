// purpose: for each entity a report mentions, its stored per-scope summary and what this report says
//          of it (one text per mention), so the loader can add the report to the summary.
// params: $report_id
// returns: one row per entity: uid, node (the summary properties), scope, date, texts
MATCH (:Report {uid: $report_id})-[m:MENTIONS]->(n:Entity)
WITH n, collect(m) AS ms
RETURN n.uid AS uid, n {.sum_scope, .sum_text, .sum_key, .seen_scope, .seen_count, .seen_first, .seen_last,
       .recent_scope, .recent_key} AS node, ms[0].scope AS scope, ms[0].date AS date,
       [m IN ms | m.contribution] AS texts
ORDER BY uid
