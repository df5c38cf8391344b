// purpose: known identifiers (phones, e-mails, plates, vessels, accounts, document numbers) equal to
//          the ones a new incident mentions, with who holds them, among visible facts.
// params: $values (list of {label, uid}), $scopes, $since, $until
// returns: one row per known identifier: identifier (map), holders (list of maps)
UNWIND $values AS value
MATCH (id:Entity {uid: value.uid})
WHERE VISIBLE(id)
OPTIONAL MATCH (holder:Entity)-[r]->(id)
WHERE (holder:Person OR holder:Organisation) AND VISIBLE(r)
  AND VISIBLE(holder)
WITH id, collect(DISTINCT NODE(holder)) AS holders
RETURN NODE(id) AS identifier, holders
