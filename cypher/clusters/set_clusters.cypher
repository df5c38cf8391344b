// purpose: write clusters' sizes and the smallest member uid (`first`, their order among equal sizes),
//          creating the ones that are new, and delete the ones merged away or dissolved.
// params: $rows (list of {id, size, persons, organisations, first}), $deleted (cluster ids)
// returns: nothing
CALL {
  UNWIND $deleted AS id
  MATCH (c:Cluster {uid: id})
  DELETE c
}
UNWIND $rows AS row
MERGE (c:Cluster {uid: row.id})
SET c.size = row.size, c.persons = row.persons, c.organisations = row.organisations, c.first = row.first
