// purpose: what every report says of one entity (its MENTIONS), in the order the reports were loaded,
//          to recompute the entity's own lists and working properties after a merge or a split.
// params: $uid
// returns: one row per mention: report, scope, date, contribution, confidence
MATCH (r:Report)-[m:MENTIONS]->(:Entity {uid: $uid})
RETURN r.uid AS report, m.scope AS scope, m.date AS date, m.contribution AS contribution, m.confidence AS confidence
ORDER BY r.ingested_at, r.uid, m.key
