// purpose: store entities' per-scope summaries (graph/summaries.py), replacing the ones they had.
// params: $rows: list of {uid, props: map of the summary's aligned lists}
// returns: one row: updated
UNWIND $rows AS row
MATCH (n:Entity {uid: row.uid})
SET n += row.props
RETURN count(n) AS updated
