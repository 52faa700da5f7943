-- The action plan's steps become tasks: an owner among the organisation's people (or the free
-- text in `who`), a status, the date it was done, and when it last changed.
ALTER TABLE action_items ADD COLUMN owner_id BIGINT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE action_items ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
ALTER TABLE action_items ADD COLUMN done_on TEXT;
ALTER TABLE action_items ADD COLUMN updated_at BIGINT;
CREATE INDEX action_items_owner ON action_items (owner_id, status);
