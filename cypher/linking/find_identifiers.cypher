// purpose: known identifiers (phones, e-mails, plates, vessels, accounts, document numbers) equal to
//          the ones a new incident mentions, with who holds them, among visible facts.
// params: $values (list of {label, uid}), $visible
// returns: one row per known identifier: identifier (map), holders (list of maps)
UNWIND $values AS value
MATCH (id:Entity {uid: value.uid})
WHERE any(rid IN id.report_ids WHERE rid IN $visible)
OPTIONAL MATCH (holder:Entity)-[r]->(id)
WHERE (holder:Person OR holder:Organisation) AND any(rid IN r.report_ids WHERE rid IN $visible)
  AND any(rid IN holder.report_ids WHERE rid IN $visible)
WITH id, collect(DISTINCT holder {.*, labels: labels(holder), contributions: [(cr:Report)-[cm:MENTIONS]->(holder)
     WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]}) AS holders
RETURN id {.*, labels: labels(id), contributions: [(cr:Report)-[cm:MENTIONS]->(id) WHERE cr.uid IN $visible |
           [toString(cr.report_date), cm.contribution]]} AS identifier, holders
