// purpose: record which entities a report mentions: the statement of what this report says of each
//          (its contribution, its names for search), with the report's scope and date and the
//          character spans that support it, and the exact key of the mention (`key`), so that a merge
//          can be split again at any time by moving the statements of the loser's keys back.
// params: $rows: list of {report_id, scope, date (ISO or ''), uid, evidence: list of "start-end",
//         confidence, contribution (JSON of the properties this report gives the entity), names (list),
//         kind (the organisation kind this report gives, or null)}
// returns: one row: merged
UNWIND $rows AS row
CALL (row) {  // one row at a time: a later row of the same node or tie sees what an earlier one wrote
  MATCH (r:Report {uid: row.report_id})
  OPTIONAL MATCH (alias:Alias {key: row.uid})
  WITH r, row, coalesce(alias.target, row.uid) AS canonical
  MATCH (n:Entity {uid: canonical})
  MERGE (r)-[m:MENTIONS {key: row.uid}]->(n)
  SET m.evidence = coalesce(m.evidence, []) + [e IN row.evidence WHERE NOT e IN coalesce(m.evidence, [])],
      m.confidence = row.confidence,
      m.contribution = row.contribution,
      m.names = row.names,
      m.kind = row.kind,
      m.scope = row.scope,
      m.date = row.date
  RETURN m
}
RETURN count(m) AS merged
