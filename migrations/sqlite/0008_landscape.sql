-- The implementation landscape of an initiative: how each factor of a framework stands, the
-- reflection checklist, and every change to either (for comparisons between two dates).

-- Frameworks an organisation loads itself, in the same TOML format as the one Parat ships.
CREATE TABLE org_frameworks (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    name        TEXT    NOT NULL,
    definition  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX org_frameworks_org ON org_frameworks (org_id);

-- The framework an initiative's landscape follows: 'landscape' (Parat's) or 'org-<id>'.
ALTER TABLE initiatives ADD COLUMN framework TEXT NOT NULL DEFAULT 'landscape';

-- A factor as it stands now; absent until first assessed. `state` runs from -2 (clearly
-- hinders) to 2 (clearly supports); NULL is not assessed.
CREATE TABLE landscape_factors (
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id),
    factor_key     TEXT    NOT NULL,
    in_focus       INTEGER NOT NULL DEFAULT 0 CHECK (in_focus IN (0, 1)),
    state          INTEGER CHECK (state BETWEEN -2 AND 2),
    note           TEXT    NOT NULL DEFAULT '',
    follow_up_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    follow_up      TEXT    NOT NULL DEFAULT '',
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, factor_key)
);

-- A reflection question as it stands now; absent (open) until first answered.
CREATE TABLE landscape_questions (
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id),
    question_key   TEXT    NOT NULL,
    answer         TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL DEFAULT 'open',
    owner_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    who            TEXT    NOT NULL DEFAULT '',
    due_on         TEXT,
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, question_key)
);
CREATE INDEX landscape_questions_owner ON landscape_questions (owner_id, status);

-- Every change, append-only: what a comparison between two dates needs. The audit log keeps
-- the full before and after of each change as well.
CREATE TABLE landscape_changes (
    id             INTEGER PRIMARY KEY,
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id),
    kind           TEXT    NOT NULL CHECK (kind IN ('factor', 'question')),
    item_key       TEXT    NOT NULL,
    changed_at     INTEGER NOT NULL,
    in_focus       INTEGER CHECK (in_focus IN (0, 1)),
    state          INTEGER,
    status         TEXT
);
CREATE INDEX landscape_changes_initiative ON landscape_changes (initiative_id, changed_at);
