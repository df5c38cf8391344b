// purpose: record which entities a report mentions, with the character spans that support each.
// params: $report_id; $rows: list of {uid, evidence: list of "start-end", confidence, contribution (JSON of
//         the properties this report gives the entity)}
// returns: one row: merged
MATCH (r:Report {uid: $report_id})
UNWIND $rows AS row
MATCH (n:Entity {uid: row.uid})
MERGE (r)-[m:MENTIONS]->(n)
SET m.evidence = coalesce(m.evidence, []) + [e IN row.evidence WHERE NOT e IN coalesce(m.evidence, [])],
    m.confidence = row.confidence,
    m.contribution = row.contribution
RETURN count(m) AS merged
