// purpose: how many nodes in the database did not come from the reference data (nor are kept clusters
//          derived from the rest); the test suite refuses to run against a database that already holds
//          facts it did not create.
// params: none
// returns: one row: facts
MATCH (n)
WHERE NOT n:Reference AND NOT n:Cluster AND NOT n:PrivateTie
RETURN count(n) AS facts
