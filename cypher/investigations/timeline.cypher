// purpose: the dated incidents and reports of an entity (or of a network: an organisation and its
//          members), oldest first, over visible statements only. An incident is one report's event, so
//          its date, kind and counts are that report's statement.
// params: $uid, $scopes, $since, $until, $limit
// returns: one row per event: kind ('incident' or 'report'), uid, date, title, migrants, arrests, report_ids
MATCH (n:Entity {uid: $uid})
WHERE VISIBLE(n)
OPTIONAL MATCH (n)<-[m:MEMBER_OF]-(member:Person)
WHERE n:Organisation AND VISIBLE(m)
  AND VISIBLE(member)
WITH n, collect(DISTINCT member) AS members
WITH members + [n] AS actors
UNWIND actors AS actor
CALL (actor) {
  MATCH (actor)-[inv:INVOLVED_IN]->(i:Incident)
  WHERE VISIBLE(inv) AND VISIBLE(i)
  RETURN 'incident' AS kind, i.uid AS uid, i.date AS date, i.kind AS title, i.migrants AS migrants,
         i.arrests AS arrests, SEEN(i) AS report_ids
  UNION
  MATCH (r:Report)-[m:MENTIONS]->(actor)
  WHERE MENTIONED(m)
  RETURN 'report' AS kind, r.uid AS uid, r.report_date AS date, r.title AS title, null AS migrants,
         null AS arrests, [r.uid] AS report_ids
}
WITH DISTINCT kind, uid, date, title, migrants, arrests, report_ids
RETURN kind, uid, date, title, migrants, arrests, report_ids
ORDER BY date, kind, uid
LIMIT $limit
