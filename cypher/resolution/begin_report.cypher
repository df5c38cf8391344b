// purpose: begin resolving one report, in the transaction that resolves it: take the resolution lock
//          (the write holds it until the transaction ends, so resolutions in any process run one after
//          the other, each seeing what the earlier ones committed), record the report resolved (which
//          lands only if the whole resolution does), and read its release scope and the persons and
//          organisations it mentions, in a stable order, each with the name the report gives it (for
//          the name statistics) and the entities a reviewer said it is not. What resolution weighs
//          about them is read in a view (get_view_nodes), never from the stored values.
// params: $report_id
// returns: one row: scope (null when no such report), persons, organisations (lists of maps: uid,
//          name, rejected)
MERGE (l:ResolutionLock {name: 'resolution'})
SET l.held = true
WITH l
OPTIONAL MATCH (r:Report {uid: $report_id})
SET r.resolved = true
RETURN r.scope AS scope,
       COLLECT {
         MATCH (r)-[m:MENTIONS]->(p:Person)
         RETURN p {.uid, name: coalesce(m.names[0], p.name),
                   rejected: [(p)-[:POSSIBLY_SAME_AS {status: 'rejected'}]-(x) | x.uid]} AS person
         ORDER BY person.uid
       } AS persons,
       COLLECT {
         MATCH (r)-[m:MENTIONS]->(o:Organisation)
         RETURN o {.uid, name: coalesce(m.names[0], o.name),
                   rejected: [(o)-[:POSSIBLY_SAME_AS {status: 'rejected'}]-(x) | x.uid]} AS organisation
         ORDER BY organisation.uid
       } AS organisations
