// purpose: record a resolution decision (a merge) with who, when, score, reasons, the release scopes of
//          the statements it rests on (`requires`), and what undoes it: the loser's keys and labels.
// params: $decision: map {uid, kind, winner, loser, loser_keys, loser_labels, score, reasons, by, requires}
// returns: one row: uid
CREATE (d:Decision)
SET d = $decision, d.at = datetime()
RETURN d.uid AS uid
