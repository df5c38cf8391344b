// purpose: record an agency of the deployment (idempotent).
// params: $code, $name (nullable)
// returns: one row: code
MERGE (a:Agency {code: $code})
SET a.name = coalesce($name, a.name, $code)
RETURN a.code AS code
