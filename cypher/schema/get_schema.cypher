// purpose: list the constraints and indexes the database holds, to check the schema is installed.
// params: none
// returns: one row per index or constraint: kind, name, labels, properties
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint
RETURN CASE WHEN owningConstraint IS NULL THEN 'index' ELSE 'constraint' END AS kind,
       name, type, labelsOrTypes AS labels, properties
ORDER BY name
