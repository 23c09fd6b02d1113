// A large import writes in many transactions; what it changes is journalled so that a failure, or a crash
// found later, can put the graph back as it was: one ImportJournal per part (the ids it created) and one
// ImportSnapshot per node or relationship it would change (a copy of its properties, types kept).
CREATE RANGE INDEX import_journal IF NOT EXISTS FOR (j:ImportJournal) ON (j.changeSet, j.seq);
CREATE RANGE INDEX import_snapshot IF NOT EXISTS FOR (s:ImportSnapshot) ON (s._changeSet, s._seq);
