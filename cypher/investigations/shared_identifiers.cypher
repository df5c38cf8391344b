// purpose: phones, e-mails, vehicles, vessels, accounts and document numbers that more than one
//          person or organisation uses, over visible facts only, most shared first.
// params: $kinds (labels among Phone, Email, Vehicle, Vessel, Account, Document; empty for all),
//         $min_holders (at least 2), $visible, $skip, $limit
// returns: one row per identifier: identifier (map with labels), holders (list of {holder, rel})
MATCH (holder:Entity)-[r:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT|SUPPLIED_DOCUMENT]->(id:Entity)
WHERE (holder:Person OR holder:Organisation)
  AND (size($kinds) = 0 OR any(label IN labels(id) WHERE label IN $kinds))
  AND any(rid IN r.report_ids WHERE rid IN $visible)
  AND any(rid IN holder.report_ids WHERE rid IN $visible)
  AND any(rid IN id.report_ids WHERE rid IN $visible)
WITH id, holder, collect({source: holder.uid, target: id.uid, type: type(r), report_ids: r.report_ids,
                          confidence: r.confidence, props: properties(r)})[0] AS rel
WITH id, collect({holder: holder {.*, labels: labels(holder), contributions: [(cr:Report)-[cm:MENTIONS]->(holder) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]}, rel: rel}) AS holders
WHERE size(holders) >= $min_holders
RETURN id {.*, labels: labels(id), contributions: [(cr:Report)-[cm:MENTIONS]->(id) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]} AS identifier, holders
ORDER BY size(holders) DESC, id.uid
SKIP $skip LIMIT $limit
