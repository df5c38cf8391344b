// purpose: the persons one report mentions, with what resolution weighs: names, aliases, nationality,
//          birth date, first seen, the identifiers and documents they use, the organisations they are in.
// params: $report_id
// returns: one row per person: person (map)
MATCH (:Report {uid: $report_id})-[:MENTIONS]->(p:Person)
RETURN p {.uid, .name, .aliases, .nationality, .birth_date, .first_seen, .scopes,
          identifiers: [(p)-[:HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|HAS_ACCOUNT|USED_DOCUMENT]->(i) | i.uid],
          organisations: [(p)-[:MEMBER_OF]->(o) | o.uid],
          rejected: [(p)-[s:POSSIBLY_SAME_AS {status: 'rejected'}]-(x) | x.uid]} AS person
