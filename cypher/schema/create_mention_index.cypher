// purpose: the full-text index over the names, aliases and identifier values each report gives the
//          entities it mentions (on MENTIONS), which search and linking use: a hit is one report's
//          statement, so what a caller may see is checked on the statement's scope.
// params: none
// returns: nothing; idempotent (IF NOT EXISTS)
CREATE FULLTEXT INDEX mention_names IF NOT EXISTS
FOR ()-[m:MENTIONS]-()
ON EACH [m.names]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}
