// purpose: seed the ModusOperandi reference nodes from the taxonomy.
// params: $rows: list of {code, label}
// returns: count of rows merged
UNWIND $rows AS row
MERGE (m:Reference:ModusOperandi {uid: "method:" + row.code})
SET m.code = row.code
SET m.label = row.label
RETURN count(m) AS merged
