// purpose: count the name keys of newly loaded reports' persons (how common each name part is, for
//          resolution), once per report, when the report is loaded, within each report's release scope
//          (NameStat keys are "<scope>|<key>"), so a hidden report never changes how rare a name looks
//          from another scope; the key "<scope>|" counts the person records. Rows come summed and sorted
//          by key, so concurrent loads lock in the same order.
// params: $report_ids (the reports counted), $rows: list of {key: "<scope>|<key>", add: count to add}
// returns: one row: counted
MATCH (r:Report)
WHERE r.uid IN $report_ids
SET r.names_counted = true
WITH count(r) AS reports
UNWIND $rows AS row
MERGE (s:NameStat {key: row.key})
ON CREATE SET s.count = 0
SET s.count = s.count + row.add
RETURN count(*) AS counted
