// purpose: move every entity of one cluster into another (when a new tie joins two networks).
// params: $moves (list of {from, to} cluster ids)
// returns: nothing
UNWIND $moves AS move
MATCH (n:Entity {cluster: move.from})
SET n.cluster = move.to
