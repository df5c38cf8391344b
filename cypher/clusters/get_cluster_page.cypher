// purpose: the largest clusters the whole network sees, largest first (then by smallest member uid).
// params: $min_size, $limit
// returns: one row per cluster: id, size, persons, organisations, first
MATCH (c:Cluster)
WHERE c.size >= $min_size
RETURN c.uid AS id, c.size AS size, c.persons AS persons, c.organisations AS organisations, c.first AS first
ORDER BY c.size DESC, c.first
LIMIT $limit
