// purpose: empty the graph of everything that came from reports, keeping the reference data (label Reference:
//          countries, fraud techniques, modus operandi). Used by the test suite between tests
//          and by `smugglegraph reset`.
// params: none
// returns: one row: deleted (number of nodes deleted)
MATCH (n)
WHERE NOT n:Reference
DETACH DELETE n
RETURN count(*) AS deleted
