// purpose: revoke one API key (kept, marked revoked, so the audit trail still names it).
// params: $key_id
// returns: at most one row: key_id, user
MATCH (k:ApiKey {key_id: $key_id})
SET k.revoked_at = coalesce(k.revoked_at, datetime())
RETURN k.key_id AS key_id, k.user AS user
