// purpose: the ordered stops of routes: (Route)-[:STOP {position}]->(Place or Country). A route's
//          stops are its identity (its uid hashes them), so they are written once, when the route is
//          new, never change, and are visible exactly when the route is. The transport mode of each
//          leg is not stored here: it is a statement of each report (the route's contribution).
// params: $rows: list of {route, stop (uid of a Place, or "country:XX"), position}
// returns: one row: merged
UNWIND $rows AS row
MATCH (route:Route {uid: row.route})
OPTIONAL MATCH (p:Entity {uid: row.stop})
OPTIONAL MATCH (c:Reference {uid: row.stop})
WITH route, row, coalesce(p, c) AS stop
WHERE stop IS NOT NULL
MERGE (route)-[s:STOP {position: row.position}]->(stop)
RETURN count(s) AS merged
