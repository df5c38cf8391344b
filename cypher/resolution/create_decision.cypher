// purpose: record a resolution decision (merge, reject, split) with who, when, score, reasons and,
//          for a merge, the snapshot that makes it reversible.
// params: $decision: map {uid, kind, winner, loser, score, reasons, by, snapshot}
// returns: one row: uid
CREATE (d:Decision)
SET d = $decision, d.at = datetime()
RETURN d.uid AS uid
