// purpose: the organisations one report mentions, with what resolution weighs: names, aliases, kind,
//          country, first seen, members, and the pairs already rejected by a reviewer.
// params: $report_id
// returns: one row per organisation: organisation (map)
MATCH (:Report {uid: $report_id})-[:MENTIONS]->(o:Organisation)
RETURN o {.uid, .name, .aliases, .kind, .country, .first_seen, .scopes,
          members: [(p:Person)-[:MEMBER_OF]->(o) | p.uid],
          rejected: [(o)-[s:POSSIBLY_SAME_AS {status: 'rejected'}]-(x) | x.uid]} AS organisation
