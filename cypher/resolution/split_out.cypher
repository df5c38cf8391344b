// purpose: undo a merge at any time: recreate the loser and move back to it every statement made about
//          one of its keys (its MENTIONS, and each tie entry whose key on the winner's side is one of
//          them), including statements of reports loaded after the merge; keys aliased to the loser
//          point to it again. What the winner's own keys said stays with the winner.
// params: $winner (the entity that holds the statements now), $loser, $labels (the loser's labels), $keys
// returns: one row: moved (tie groups recreated on the loser)
MATCH (w:Entity {uid: $winner})
CREATE (l:Entity {uid: $loser})
SET l:$($labels)
WITH w, l
CALL (w, l) {
  MATCH (r:Report)-[m:MENTIONS]->(w)
  WHERE m.key IN $keys
  CREATE (r)-[moved:MENTIONS]->(l)
  SET moved = properties(m)
  DELETE m
  RETURN count(moved) AS mentions
}
CALL (w, l) {
  MATCH (w)-[t]-()
  WHERE t.src_keys IS NOT NULL
    AND (any(k IN t.src_keys WHERE k IN $keys) OR any(k IN t.dst_keys WHERE k IN $keys))
  WITH DISTINCT w, l, t
  WITH w, l, t, startNode(t) AS a, endNode(t) AS b
  WITH t, a, b, [i IN range(0, size(t.report_ids) - 1) | {i: i,
         src: CASE WHEN a = w AND t.src_keys[i] IN $keys THEN l ELSE a END,
         dst: CASE WHEN b = w AND t.dst_keys[i] IN $keys THEN l ELSE b END}] AS entries
  WITH t, [e IN entries WHERE e.src = a AND e.dst = b | e.i] AS stay,
       [e IN entries WHERE NOT (e.src = a AND e.dst = b)] AS moving
  UNWIND moving AS e
  WITH t, stay, e.src AS s, e.dst AS d, collect(e.i) AS idx
  MERGE (s)-[u:$(type(t))]->(d)
  ON CREATE SET u.report_ids = [], u.scopes = [], u.dates = [], u.said = [], u.src_keys = [], u.dst_keys = [],
                u.evidence = [], u.confidence = t.confidence, u.first_seen = t.first_seen, u.last_seen = t.last_seen
  SET u.report_ids = u.report_ids + [i IN idx | t.report_ids[i]], u.scopes = u.scopes + [i IN idx | t.scopes[i]],
      u.dates = u.dates + [i IN idx | t.dates[i]], u.said = u.said + [i IN idx | t.said[i]],
      u.src_keys = u.src_keys + [i IN idx | t.src_keys[i]], u.dst_keys = u.dst_keys + [i IN idx | t.dst_keys[i]],
      u.evidence = u.evidence + [x IN t.evidence WHERE any(i IN idx WHERE x STARTS WITH t.report_ids[i] + ':')
                                                   AND NOT x IN u.evidence]
  SET
      u.first_seen = date(reduce(m = null, d IN u.dates | CASE WHEN d <> '' AND (m IS NULL OR d < m) THEN d ELSE m END)),
      u.last_seen = date(reduce(m = null, d IN u.dates | CASE WHEN d <> '' AND (m IS NULL OR d > m) THEN d ELSE m END))
  WITH t, stay, count(u) AS groups
  SET t.evidence = [x IN t.evidence WHERE any(i IN stay WHERE x STARTS WITH t.report_ids[i] + ':')],
      t.scopes = [i IN stay | t.scopes[i]], t.dates = [i IN stay | t.dates[i]], t.said = [i IN stay | t.said[i]],
      t.src_keys = [i IN stay | t.src_keys[i]], t.dst_keys = [i IN stay | t.dst_keys[i]],
      t.report_ids = [i IN stay | t.report_ids[i]]
  SET
      t.first_seen = date(reduce(m = null, d IN t.dates | CASE WHEN d <> '' AND (m IS NULL OR d < m) THEN d ELSE m END)),
      t.last_seen = date(reduce(m = null, d IN t.dates | CASE WHEN d <> '' AND (m IS NULL OR d > m) THEN d ELSE m END))
  WITH t, stay, groups
  FOREACH (_ IN CASE WHEN size(stay) = 0 THEN [1] ELSE [] END | DELETE t)
  RETURN sum(groups) AS moved
}
CALL (l) {
  UNWIND $keys AS key
  MATCH (alias:Alias {key: key})
  FOREACH (_ IN CASE WHEN key = $loser THEN [1] ELSE [] END | DELETE alias)
  FOREACH (_ IN CASE WHEN key <> $loser THEN [1] ELSE [] END | SET alias.target = $loser)
  RETURN count(*) AS aliases
}
RETURN moved
