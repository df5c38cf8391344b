// purpose: every user with their keys (ids and state only).
// params: none
// returns: one row per user: name, agency, role, created_at, keys (list of {key_id, created_at, revoked_at})
MATCH (u:User)
OPTIONAL MATCH (k:ApiKey {user: u.name})
WITH u, k ORDER BY k.created_at
RETURN u.name AS name, u.agency AS agency, u.role AS role, u.created_at AS created_at,
       collect(CASE WHEN k IS NULL THEN NULL ELSE {key_id: k.key_id, created_at: k.created_at,
                                                   revoked_at: k.revoked_at} END) AS keys
ORDER BY u.name
