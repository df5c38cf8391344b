// purpose: the reports one caller may see, within an optional time window. This is the one place
//          where originator control is decided: every investigation receives the result as
//          $visible and shows a fact only if at least one report in it supports the fact.
//          A report is releasable to an agency when it is released to the whole network, when
//          the agency originated it, or when it is released to a list that names the agency.
// params: $all (true for a local operator who sees everything), $agency (the caller's agency or null),
//         $since, $until (dates or null: only reports dated within the window)
// returns: one row: visible (list of report uids)
MATCH (r:Report)
WHERE ($all
       OR r.releasability = 'network'
       OR ($agency IS NOT NULL AND r.originator_agency = $agency)
       OR ($agency IS NOT NULL AND r.releasability = 'agencies' AND $agency IN r.release_to))
  AND ($since IS NULL OR r.report_date >= $since)
  AND ($until IS NULL OR r.report_date <= $until)
RETURN collect(r.uid) AS visible
