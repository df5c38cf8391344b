// purpose: the persons one report mentions, in a stable order, with the name it gives each (for the
//          name statistics) and the persons a reviewer said they are not. What resolution weighs about
//          them is read in a view (get_view_nodes), never from the stored values.
// params: $report_id
// returns: one row per person: person (map: uid, name, rejected)
MATCH (:Report {uid: $report_id})-[m:MENTIONS]->(p:Person)
RETURN p {.uid, name: coalesce(m.names[0], p.name),
          rejected: [(p)-[s:POSSIBLY_SAME_AS {status: 'rejected'}]-(x) | x.uid]} AS person
ORDER BY person.uid
