// purpose: the dated incidents and reports of an entity (or of a network: an organisation and its
//          members), oldest first, over visible facts only.
// params: $uid, $visible, $limit
// returns: one row per event: kind ('incident' or 'report'), uid, date, title, migrants, arrests, report_ids
MATCH (n:Entity {uid: $uid})
WHERE any(rid IN n.report_ids WHERE rid IN $visible)
OPTIONAL MATCH (n)<-[m:MEMBER_OF]-(member:Person)
WHERE n:Organisation AND any(rid IN m.report_ids WHERE rid IN $visible)
  AND any(rid IN member.report_ids WHERE rid IN $visible)
WITH n, collect(DISTINCT member) AS members
WITH members + [n] AS actors
UNWIND actors AS actor
CALL (actor) {
  MATCH (actor)-[inv:INVOLVED_IN]->(i:Incident)
  WHERE any(rid IN inv.report_ids WHERE rid IN $visible) AND any(rid IN i.report_ids WHERE rid IN $visible)
  RETURN 'incident' AS kind, i.uid AS uid, i.date AS date, i.kind AS title, i.migrants AS migrants,
         i.arrests AS arrests, i.report_ids AS report_ids
  UNION
  MATCH (r:Report)-[:MENTIONS]->(actor)
  WHERE r.uid IN $visible
  RETURN 'report' AS kind, r.uid AS uid, r.report_date AS date, r.title AS title, null AS migrants,
         null AS arrests, [r.uid] AS report_ids
}
WITH DISTINCT kind, uid, date, title, migrants, arrests, report_ids
RETURN kind, uid, date, title, migrants, arrests, report_ids
ORDER BY date, kind, uid
LIMIT $limit
