// purpose: organisations by cluster, then degree, so that a cluster's best-connected ones are read in order.
// params: none
// returns: nothing; idempotent (IF NOT EXISTS)
CREATE INDEX organisation_cluster_degree IF NOT EXISTS FOR (n:Organisation) ON (n.cluster, n.degree)
