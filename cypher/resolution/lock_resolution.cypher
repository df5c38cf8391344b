// purpose: take the resolution lock: the write holds it until the transaction ends, so resolutions
//          (in any process) run one after the other, each seeing what the earlier ones committed.
// params: none
// returns: one row: held
MERGE (l:ResolutionLock {name: 'resolution'})
SET l.held = true
RETURN l.held AS held
