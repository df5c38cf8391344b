// purpose: seed the FraudTechnique reference nodes from the taxonomy.
// params: $rows: list of {code, label}
// returns: count of rows merged
UNWIND $rows AS row
MERGE (t:Reference:FraudTechnique {uid: "technique:" + row.code})
SET t.code = row.code
SET t.label = row.label
RETURN count(t) AS merged
