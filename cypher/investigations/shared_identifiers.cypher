// purpose: phones, e-mails, vehicles, vessels, accounts and document numbers that more than one
//          person or organisation uses, over visible facts only, most shared first.
// params: $kinds (labels among Phone, Email, Vehicle, Vessel, Account, Document; empty for all),
//         $min_holders (at least 2), $scopes, $since, $until, $skip, $limit
// returns: one row per identifier: identifier (map with labels), holders (list of {holder, rel})
MATCH (holder:Entity)-[r:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT|SUPPLIED_DOCUMENT]->(id:Entity)
WHERE (holder:Person OR holder:Organisation)
  AND (size($kinds) = 0 OR any(label IN labels(id) WHERE label IN $kinds))
  AND VISIBLE(r)
  AND VISIBLE(holder)
  AND VISIBLE(id)
WITH id, holder, collect(EDGE(r))[0] AS rel
WITH id, collect({holder: NODE(holder), rel: rel}) AS holders
WHERE size(holders) >= $min_holders
RETURN NODE(id) AS identifier, holders
ORDER BY size(holders) DESC, id.uid
SKIP $skip LIMIT $limit
