// purpose: how many person records carry each of the given name keys, and how many records were counted
//          in all (key ""): resolution's measure of how common a name is.
// params: $keys (list)
// returns: one row: population, counts (list of {key, count})
OPTIONAL MATCH (all:NameStat {key: ''})
OPTIONAL MATCH (s:NameStat) WHERE s.key IN $keys AND s.key <> ''
RETURN coalesce(all.count, 0) AS population, collect({key: s.key, count: s.count}) AS counts
