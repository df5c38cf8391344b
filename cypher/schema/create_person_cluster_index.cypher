// purpose: persons by cluster, then degree, so that a cluster's best-connected persons are read in order.
// params: none
// returns: nothing; idempotent (IF NOT EXISTS)
CREATE INDEX person_cluster_degree IF NOT EXISTS FOR (n:Person) ON (n.cluster, n.degree)
