// purpose: what each visible report says of one relationship, newest report first: what it says of the
//          tie, the spans that support it, and the report's text to cut sentences from.
// params: $source, $target, $type, $scopes, $since, $until, $limit (most reports)
// returns: one row per visible report: report, title, report_date, said (JSON), spans (list of "start-end"), text
MATCH (a:Entity {uid: $source})-[t]->(b {uid: $target})
WHERE type(t) = $type AND VISIBLE(t)
UNWIND SAID(t) AS statement
WITH t, statement[2] AS rid, statement[1] AS said
MATCH (r:Report {uid: rid})
WITH r, collect(said) AS said, [e IN t.evidence WHERE e STARTS WITH rid + ':' | substring(e, size(rid) + 1)] AS spans
ORDER BY r.report_date DESC, r.uid
LIMIT $limit
RETURN r.uid AS report, r.title AS title, r.report_date AS report_date, said, spans, r.text AS text
