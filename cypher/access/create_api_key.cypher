// purpose: store a new API key for a user: its id and the hash of its secret, never the secret.
// params: $user, $key_id, $secret_hash
// returns: one row: key_id (none when the user does not exist)
MATCH (u:User {name: $user})
CREATE (k:ApiKey {key_id: $key_id, secret_hash: $secret_hash, user: u.name, created_at: datetime()})
RETURN k.key_id AS key_id
