// purpose: what each visible report says of one entity, newest report first: the properties and lists
//          it gives, the character spans that support them, and the report's text to cut sentences from.
// params: $uid, $scopes, $since, $until, $limit (most reports)
// returns: one row per visible report: report, title, report_date, said (JSON), spans (list of "start-end"), text
MATCH (n:Entity {uid: $uid})
WHERE VISIBLE(n)
MATCH (r:Report)-[m:MENTIONS]->(n)
WHERE MENTIONED(m)
WITH r, collect(m) AS mentions
ORDER BY r.report_date DESC, r.uid
LIMIT $limit
RETURN r.uid AS report, r.title AS title, r.report_date AS report_date,
       [m IN mentions | m.contribution] AS said, reduce(s = [], m IN mentions | s + m.evidence) AS spans,
       r.text AS text
