// purpose: create a user of an agency with a role; fails on a name already taken (unique constraint).
// params: $name, $agency, $role
// returns: one row: name, agency, role
MATCH (a:Agency {code: $agency})
CREATE (u:User {name: $name, agency: $agency, role: $role, created_at: datetime()})
RETURN u.name AS name, u.agency AS agency, u.role AS role
