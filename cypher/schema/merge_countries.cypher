// purpose: seed the Country reference nodes (ISO 3166-1 alpha-2, XK for Kosovo).
// params: $rows: list of {code, name}
// returns: count of rows merged
UNWIND $rows AS row
MERGE (c:Reference:Country {uid: "country:" + row.code})
SET c.code = row.code
SET c.name = row.name
RETURN count(c) AS merged
