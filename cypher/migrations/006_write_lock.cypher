// Writes that check the graph and then change it (imports and mutations) first lock this one node, so
// concurrent identical writes run one after another and each sees what the one before committed: only a
// change that happened gets a ChangeSet. Retried creates are found by their idempotency key.
CREATE CONSTRAINT write_lock_id IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.id IS UNIQUE;
MERGE (l:WriteLock {id: 'graph'}) SET l.locked = true;
CREATE RANGE INDEX change_set_idempotency IF NOT EXISTS FOR (c:ChangeSet) ON (c.idempotencyKey);
