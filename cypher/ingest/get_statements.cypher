// purpose: every statement (MENTIONS) about the given entities, to recompute their summaries.
// params: $uids
// returns: one row per statement: uid, report, scope, date, contribution
UNWIND $uids AS uid
MATCH (r:Report)-[m:MENTIONS]->(:Entity {uid: uid})
RETURN uid, r.uid AS report, m.scope AS scope, m.date AS date, m.contribution AS contribution
