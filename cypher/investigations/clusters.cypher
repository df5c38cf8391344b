// purpose: the ties between actors (persons, organisations) and what links them (memberships,
//          shared identifiers, documents, incidents), over visible statements only, as bare uid pairs:
//          the caller finds the connected networks in them and fetches only the main actors' details.
//          Countries, places and codes are left out: sharing a country is not a tie.
// params: $scopes, $since, $until, $max_edges
// returns: one row per tie: source, source_label, target, target_label
MATCH (a:Entity)-[r:MEMBER_OF|HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|SUPPLIED_DOCUMENT|USED_DOCUMENT|INVOLVED_IN|SAME_AS]->(b:Entity)
WHERE (a:Person OR a:Organisation) AND VISIBLE(r) AND VISIBLE(a) AND VISIBLE(b)
RETURN a.uid AS source, CASE WHEN a:Person THEN 'Person' ELSE 'Organisation' END AS source_label,
       b.uid AS target, [label IN labels(b) WHERE label <> 'Entity'][0] AS target_label
LIMIT $max_edges
