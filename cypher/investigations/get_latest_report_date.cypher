// purpose: the date of the newest dated report the caller may see (the default end of emerging routes'
//          recent window), read in the report-date index's order.
// params: $scopes
// returns: at most one row: latest
MATCH (r:Report)
WHERE r.report_date IS NOT NULL AND r.scope IN $scopes
RETURN r.report_date AS latest
ORDER BY r.report_date DESC
LIMIT 1
