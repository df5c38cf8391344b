// purpose: write private ties (computed from scratch).
// params: $rows (list of {scope, source, target, type})
// returns: nothing
UNWIND $rows AS row
CREATE (:PrivateTie {scope: row.scope, source: row.source, target: row.target, type: row.type})
