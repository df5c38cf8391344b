// purpose: the ordered stops of routes: (Route)-[:STOP {position, mode}]->(Place or Country).
//          A route's stops are part of its identity (its uid hashes them), so they are written
//          once, when the route is new, and never change afterwards.
// params: $rows: list of {route, stop (uid of a Place, or "country:XX"), position, mode}
// returns: one row: merged
UNWIND $rows AS row
MATCH (route:Route {uid: row.route})
OPTIONAL MATCH (p:Entity {uid: row.stop})
OPTIONAL MATCH (c:Reference {uid: row.stop})
WITH route, row, coalesce(p, c) AS stop
WHERE stop IS NOT NULL
MERGE (route)-[s:STOP {position: row.position}]->(stop)
SET s.mode = row.mode
RETURN count(s) AS merged
