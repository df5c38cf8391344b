// purpose: the best-connected persons and organisations of some clusters (highest degree, then uid),
//          $k of each.
// params: $ids (cluster ids), $k
// returns: one row per cluster: id, actors (list of {uid, label, degree})
UNWIND $ids AS id
CALL (id) {
  CALL (id) {
    MATCH (n:Person) WHERE n.cluster = id AND n.degree IS NOT NULL
    WITH n ORDER BY n.degree DESC, n.uid LIMIT $k
    RETURN n, 'Person' AS label
    UNION
    MATCH (n:Organisation) WHERE n.cluster = id AND n.degree IS NOT NULL
    WITH n ORDER BY n.degree DESC, n.uid LIMIT $k
    RETURN n, 'Organisation' AS label
  }
  WITH n, label ORDER BY n.degree DESC, n.uid LIMIT $k
  RETURN collect({uid: n.uid, label: label, degree: n.degree}) AS actors
}
RETURN id, actors
