// purpose: persons who appear with a person in the same incidents or organisations, over visible
//          facts only, ranked by how many incidents and organisations they share. The ranking is done
//          on bare nodes and relationships; only the page's co-offenders and what they share are turned
//          into answer maps, so a hub organisation with thousands of members costs one visibility check
//          per member, not one full node map per member.
// params: $uid (a person), $scopes, $since, $until, $skip, $limit
// returns: one row per co-offender: person (map with labels), shared (list of incident/organisation maps),
//          rels (the relationships that tie both to what they share)
MATCH (p:Person {uid: $uid})
WHERE VISIBLE(p)
MATCH (p)-[r1:INVOLVED_IN|MEMBER_OF]->(x:Entity)
WHERE VISIBLE(r1) AND VISIBLE(x)
MATCH (x)<-[r2:INVOLVED_IN|MEMBER_OF]-(other:Person)
WHERE other <> p AND VISIBLE(r2) AND VISIBLE(other)
WITH other, collect(DISTINCT x) AS xs, collect(r1) + collect(r2) AS ties
ORDER BY size(xs) DESC, other.uid
SKIP $skip LIMIT $limit
CALL (xs) {
  UNWIND xs AS x
  RETURN collect(NODE(x)) AS shared
}
CALL (ties) {
  UNWIND ties AS r
  RETURN collect(EDGE(r)) AS rels
}
RETURN NODE(other) AS person, shared, rels
ORDER BY size(shared) DESC, other.uid
