// purpose: the key and its user, to authenticate a bearer token.
// params: $key_id
// returns: at most one row: secret_hash, revoked (bool), user, agency, role
MATCH (k:ApiKey {key_id: $key_id})
MATCH (u:User {name: k.user})
RETURN k.secret_hash AS secret_hash, k.revoked_at IS NOT NULL AS revoked, u.name AS user, u.agency AS agency,
       u.role AS role
