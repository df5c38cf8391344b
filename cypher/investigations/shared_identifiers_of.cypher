// purpose: `shared-identifiers` for one entity: the phones, e-mails, vehicles, vessels, accounts and
//          documents that this person or organisation uses and that others use too, over visible facts
//          only, most shared first. The same answer as shared_identifiers restricted to the entity's own
//          identifiers, found from the entity instead of by scanning every identifier; paged the same way.
// params: $uid (a person or organisation), $kinds (labels, empty for all), $min_holders, $scopes, $since,
//         $until, $skip, $limit, $max_holders
// returns: one row per identifier: identifier (map with labels), holders (list of {holder, rel}),
//          holder_count (all its visible holders)
MATCH (e:Entity {uid: $uid})
WHERE (e:Person OR e:Organisation) AND VISIBLE(e)
MATCH (e)-[own:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT|SUPPLIED_DOCUMENT]->(id:Entity)
WHERE (size($kinds) = 0 OR any(label IN labels(id) WHERE label IN $kinds))
  AND VISIBLE(own)
  AND VISIBLE(id)
WITH DISTINCT id
MATCH (holder:Entity)-[r:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT|SUPPLIED_DOCUMENT]->(id)
WHERE (holder:Person OR holder:Organisation)
  AND VISIBLE(r)
  AND VISIBLE(holder)
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
