"""The audit trail: who read or wrote which intelligence, when, how, and how much came back.

Every request that reads or writes intelligence appends one record to a JSON-lines file
(`AuditLog.append`). A record holds `seq` (1, 2, ...), `at` (UTC, ISO 8601), `user`, `agency`,
`role`, `action` (e.g. "investigation:network", "ingest", "users:create"), `params` (the request's
parameters, already sanitised by the caller), `results` (a count or null), `status` (an HTTP status
or "ok"/"error"), `prev` (the previous record's hash; 64 zeros for the first) and `hash`.

`hash` is SHA-256 over the canonical JSON of the record without `hash` (sorted keys, no spaces,
UTF-8), so each record is chained to the one before: altering a record breaks its hash, removing one
breaks the sequence and the `prev` link. `AuditLog.verify` names the first record that breaks.

Keyed or not (in the library). Without a key anyone who can edit the file can also recompute every hash after the
edit, and the chain then only catches accidents and careless tampering. With a key (setting
`audit_key`) the hashes are HMAC-SHA-256, which cannot be recomputed without the key: an attacker
needs the file AND the key. The price: the key must be kept (and kept secret) for as long as the
trail must be checkable, a lost key means the trail can no longer be verified, and everyone who
verifies needs the key, so it is the same secret the API holds. Changing the key breaks the chain at
the first record written with the new one.

The settings' trail (graph.audit.open) is always keyed: a configured key, or one generated on first
use into its own file. Records cut from the end leave a valid chain, so every append also writes
the chain's head (count and last hash, sealed with the key) to `<trail>.head` (graph.audit.head), and
`verify` reports a trail shorter than its head as truncated, or emptied. The code only ever
appends, but the process that appends could also rewrite the files; to make the store append-only
against the API itself, mark the file append-only in the filesystem (`chattr +a`, as root) or ship
records and heads to storage the API cannot write back to.

The module logs nothing about parameters: they go to the audit file, which is their purpose, and
nowhere else.
"""

from graph.audit.log import AuditLog, AuditTrailBroken
from graph.audit.record import GENESIS, AuditRecord
from graph.audit.verify import VerifyResult

__all__ = ["GENESIS", "AuditLog", "AuditRecord", "AuditTrailBroken", "VerifyResult"]
