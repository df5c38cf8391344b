// purpose: everything about one entity that a merge changes: its labels and properties and every
//          relationship it has (type, direction, the uid at the other end, properties), for the
//          snapshot that makes a merge reversible.
// params: $uid
// returns: at most one row: labels, props, rels (list of {type, out, other, props})
MATCH (n:Entity {uid: $uid})
OPTIONAL MATCH (n)-[r]-(m)
RETURN labels(n) AS labels, properties(n) AS props,
       collect(CASE WHEN r IS NULL THEN NULL ELSE {type: type(r), out: startNode(r) = n, other: m.uid,
                                                  self: startNode(r) = endNode(r), props: properties(r)} END) AS rels
