// purpose: what the health check reports about the database: product, version, edition.
// params: none
// returns: one row: name, version, edition
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
