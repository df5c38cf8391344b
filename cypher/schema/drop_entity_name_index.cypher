// purpose: remove the node full-text index over stored names and aliases that earlier versions kept:
//          it held every report's names whatever their release scope. Search, linking and resolution
//          use the statement index over MENTIONS (mention_names) instead.
// params: none
// returns: nothing; idempotent (IF EXISTS)
DROP INDEX entity_names IF EXISTS
