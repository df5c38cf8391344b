// purpose: count the name keys of one report's persons (how common each name part is, for resolution),
//          once per report, within the report's release scope (NameStat keys are "<scope>|<key>"), so a
//          hidden report never changes how rare a name looks from another scope; the key "<scope>|"
//          counts the person records. Keys come sorted, so concurrent reports lock in the same order.
// params: $report_id, $scope, $keys (sorted list, a key once per person carrying it), $records (persons counted)
// returns: at most one row: counted (0 when the report was counted before)
MATCH (r:Report {uid: $report_id})
WHERE r.names_counted IS NULL
SET r.names_counted = true
WITH r
UNWIND ([''] + $keys) AS key
WITH key, CASE WHEN key = '' THEN $records ELSE 1 END AS add
MERGE (s:NameStat {key: $scope + '|' + key})
ON CREATE SET s.count = 0
SET s.count = s.count + add
RETURN count(*) AS counted
