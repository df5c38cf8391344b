// purpose: the organisations one report mentions, in a stable order, with the
//          organisations a reviewer said they are not. What resolution weighs about them is read in a
//          view (get_view_nodes), never from the stored values.
// params: $report_id
// returns: one row per organisation: organisation (map: uid, name, rejected)
MATCH (:Report {uid: $report_id})-[m:MENTIONS]->(o:Organisation)
RETURN o {.uid, name: coalesce(m.names[0], o.name),
          rejected: [(o)-[s:POSSIBLY_SAME_AS {status: 'rejected'}]-(x) | x.uid]} AS organisation
ORDER BY organisation.uid
