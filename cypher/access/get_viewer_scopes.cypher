// purpose: the release scopes one caller may see. This is the one place where originator control is
//          decided: every query receives the result as $scopes and shows a statement only if its
//          scope is in it. A scope releases to the whole network, to its originator only, or to its
//          originator and a list of agencies; there are few scopes, however many reports there are.
// params: $all (true for a local operator who sees everything), $agency (the caller's agency or null)
// returns: one row: scopes (list of scope keys)
MATCH (s:Scope)
WHERE $all OR s.key = 'net' OR ($agency IS NOT NULL AND $agency IN s.agencies)
RETURN collect(s.key) AS scopes
