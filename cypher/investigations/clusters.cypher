// purpose: the ties between actors (persons, organisations) and what links them (memberships,
//          shared identifiers, documents, incidents), over visible facts only; the caller finds the
//          connected networks in them. Countries, places and codes are left out: sharing a country is
//          not a tie.
// params: $visible, $max_edges
// returns: one row per tie: source (map), target (map), rel (map)
MATCH (a:Entity)-[r:MEMBER_OF|HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|SUPPLIED_DOCUMENT|USED_DOCUMENT|INVOLVED_IN]->(b:Entity)
WHERE (a:Person OR a:Organisation)
  AND any(rid IN r.report_ids WHERE rid IN $visible)
  AND any(rid IN a.report_ids WHERE rid IN $visible) AND any(rid IN b.report_ids WHERE rid IN $visible)
RETURN a {.*, labels: labels(a), contributions: [(cr:Report)-[cm:MENTIONS]->(a) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]} AS source, b {.*, labels: labels(b), contributions: [(cr:Report)-[cm:MENTIONS]->(b) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]} AS target,
       {source: a.uid, target: b.uid, type: type(r), report_ids: r.report_ids, confidence: r.confidence,
        props: properties(r)} AS rel
LIMIT $max_edges
