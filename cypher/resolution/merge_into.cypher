// purpose: merge one entity into another: every statement of the loser (its MENTIONS, each with the
//          exact key of its mention, and its entries in every tie's aligned lists, with their keys)
//          moves to the winner, so nothing is lost and a split can move them back at any time; the
//          loser's keys become Aliases of the winner (and keys aliased to the loser follow); the loser
//          node goes. Proposals between the two end with the merge.
// params: $winner, $loser (uids of two entities of one kind)
// returns: one row: keys (the loser's keys, which a split moves back)
MATCH (w:Entity {uid: $winner}), (l:Entity {uid: $loser})
OPTIONAL MATCH (a:Alias {target: $loser})
WITH w, l, [$loser] + collect(a.key) AS keys
CALL (w, l) {
  MATCH (r:Report)-[m:MENTIONS]->(l)
  CREATE (r)-[moved:MENTIONS]->(w)
  SET moved = properties(m)
  DELETE m
  RETURN count(moved) AS mentions
}
CALL (w, l) {
  MATCH (l)-[t]->(x)
  WHERE NOT type(t) IN ['MENTIONS', 'POSSIBLY_SAME_AS']
  WITH w, t, CASE WHEN x = l THEN w ELSE x END AS other
  MERGE (w)-[u:$(type(t))]->(other)
  ON CREATE SET u.report_ids = [], u.scopes = [], u.dates = [], u.said = [], u.src_keys = [], u.dst_keys = [],
                u.evidence = [], u.confidence = t.confidence, u.first_seen = t.first_seen, u.last_seen = t.last_seen
  SET u.report_ids = u.report_ids + t.report_ids, u.scopes = u.scopes + t.scopes, u.dates = u.dates + t.dates,
      u.said = u.said + t.said, u.src_keys = u.src_keys + t.src_keys, u.dst_keys = u.dst_keys + t.dst_keys,
      u.evidence = u.evidence + [e IN t.evidence WHERE NOT e IN u.evidence],
      u.confidence = CASE WHEN t.confidence > u.confidence THEN t.confidence ELSE u.confidence END,
      u.first_seen = CASE WHEN t.first_seen < u.first_seen THEN t.first_seen ELSE u.first_seen END,
      u.last_seen = CASE WHEN t.last_seen > u.last_seen THEN t.last_seen ELSE u.last_seen END
  DELETE t
  RETURN count(u) AS outgoing
}
CALL (w, l) {
  MATCH (x)-[t]->(l)
  WHERE NOT type(t) IN ['MENTIONS', 'POSSIBLY_SAME_AS'] AND x <> l
  MERGE (x)-[u:$(type(t))]->(w)
  ON CREATE SET u.report_ids = [], u.scopes = [], u.dates = [], u.said = [], u.src_keys = [], u.dst_keys = [],
                u.evidence = [], u.confidence = t.confidence, u.first_seen = t.first_seen, u.last_seen = t.last_seen
  SET u.report_ids = u.report_ids + t.report_ids, u.scopes = u.scopes + t.scopes, u.dates = u.dates + t.dates,
      u.said = u.said + t.said, u.src_keys = u.src_keys + t.src_keys, u.dst_keys = u.dst_keys + t.dst_keys,
      u.evidence = u.evidence + [e IN t.evidence WHERE NOT e IN u.evidence],
      u.confidence = CASE WHEN t.confidence > u.confidence THEN t.confidence ELSE u.confidence END,
      u.first_seen = CASE WHEN t.first_seen < u.first_seen THEN t.first_seen ELSE u.first_seen END,
      u.last_seen = CASE WHEN t.last_seen > u.last_seen THEN t.last_seen ELSE u.last_seen END
  DELETE t
  RETURN count(u) AS incoming
}
CALL (w, l, keys) {
  UNWIND keys AS key
  MERGE (alias:Alias {key: key})
  SET alias.target = w.uid
  RETURN count(alias) AS aliased
}
DETACH DELETE l
RETURN keys
