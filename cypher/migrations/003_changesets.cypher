// Audit trail: one ChangeSet per change (CLI import or GraphQL mutation), found by id and listed by time.
CREATE CONSTRAINT change_set_id IF NOT EXISTS FOR (c:ChangeSet) REQUIRE c.id IS UNIQUE;
CREATE RANGE INDEX change_set_at IF NOT EXISTS FOR (c:ChangeSet) ON (c.at);
