// purpose: how many person records carry each of the given scoped name keys ("<scope>|<key>", and
//          "<scope>|" for all records of a scope): resolution's measure of how common a name is.
// params: $keys (list of scoped keys)
// returns: one row: counts (list of {key, count})
OPTIONAL MATCH (s:NameStat) WHERE s.key IN $keys
RETURN collect({key: s.key, count: s.count}) AS counts
