// purpose: phones, e-mails, vehicles, vessels, accounts and document numbers that more than one
//          person or organisation uses, over visible facts only, most shared first. Identifiers are
//          counted and paged on bare nodes; only the page's identifiers, and the first $max_holders of
//          each one's holders (by uid), become answer maps.
// params: $kinds (labels among Phone, Email, Vehicle, Vessel, Account, Document; empty for all),
//         $min_holders (at least 2), $scopes, $since, $until, $skip, $limit, $max_holders
// returns: one row per identifier: identifier (map with labels), holders (list of {holder, rel}),
//          holder_count (all its visible holders)
MATCH (holder:Entity)-[r:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT|SUPPLIED_DOCUMENT]->(id:Entity)
WHERE (holder:Person OR holder:Organisation)
  AND (size($kinds) = 0 OR any(label IN labels(id) WHERE label IN $kinds))
  AND VISIBLE(r)
  AND VISIBLE(holder)
  AND VISIBLE(id)
WITH id, count(DISTINCT holder) AS holder_count
WHERE holder_count >= $min_holders
WITH id, holder_count ORDER BY holder_count DESC, id.uid
SKIP $skip LIMIT $limit
CALL (id) {
  MATCH (holder:Entity)-[r:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT|SUPPLIED_DOCUMENT]->(id)
  WHERE (holder:Person OR holder:Organisation) AND VISIBLE(r) AND VISIBLE(holder)
  WITH holder, r ORDER BY holder.uid, type(r)
  WITH holder, collect(r)[0] AS r
  ORDER BY holder.uid
  LIMIT $max_holders
  RETURN collect({holder: NODE(holder), rel: EDGE(r)}) AS holders
}
RETURN NODE(id) AS identifier, holders, holder_count
ORDER BY holder_count DESC, id.uid
