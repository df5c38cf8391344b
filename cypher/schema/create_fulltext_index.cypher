// purpose: the full-text index over the names and aliases of people, organisations, places and vessels,
//          which search and entity resolution use to find candidates without scanning every node.
// params: none
// returns: nothing; idempotent (IF NOT EXISTS)
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Organisation|Place|Vessel)
ON EACH [n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}
