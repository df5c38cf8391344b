// purpose: persons who appear with a person in the same incidents or organisations, over visible
//          facts only, ranked by how many incidents and organisations they share.
// params: $uid (a person), $scopes, $since, $until, $skip, $limit
// returns: one row per co-offender: person (map with labels), shared (list of incident/organisation maps),
//          rels (the relationships that tie both to what they share)
MATCH (p:Person {uid: $uid})
WHERE VISIBLE(p)
MATCH (p)-[r1:INVOLVED_IN|MEMBER_OF]->(x:Entity)<-[r2:INVOLVED_IN|MEMBER_OF]-(other:Person)
WHERE other <> p
  AND VISIBLE(r1) AND VISIBLE(r2)
  AND VISIBLE(x) AND VISIBLE(other)
WITH other, collect(DISTINCT NODE(x)) AS shared,
     collect(EDGE(r1)) + collect(EDGE(r2)) AS rels
RETURN NODE(other) AS person, shared, rels
ORDER BY size(shared) DESC, other.uid
SKIP $skip LIMIT $limit
