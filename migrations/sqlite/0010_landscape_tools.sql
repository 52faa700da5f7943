-- The remaining planning tools: the goal hierarchy (purpose → goals → sub-goals), the theory of
-- change (need → activities → outputs → outcomes, with assumptions) and the stakeholder
-- analysis. `source` as in 0009.
CREATE TABLE landscape_goals (
    id             INTEGER PRIMARY KEY,
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id),
    level          TEXT    NOT NULL CHECK (level IN ('purpose', 'goal', 'sub_goal')),
    parent_id      INTEGER REFERENCES landscape_goals (id),
    text           TEXT    NOT NULL,
    measure        TEXT    NOT NULL DEFAULT '',
    owner_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    who            TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX landscape_goals_initiative ON landscape_goals (initiative_id);

CREATE TABLE landscape_change_steps (
    id             INTEGER PRIMARY KEY,
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id),
    stage          TEXT    NOT NULL,
    text           TEXT    NOT NULL,
    source         TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX landscape_change_steps_initiative ON landscape_change_steps (initiative_id);

CREATE TABLE landscape_stakeholders (
    id             INTEGER PRIMARY KEY,
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id),
    name           TEXT    NOT NULL,
    interest       INTEGER NOT NULL CHECK (interest BETWEEN 1 AND 4),
    influence      INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 4),
    attitude       TEXT    NOT NULL,
    involvement    TEXT    NOT NULL DEFAULT '',
    owner_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    who            TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX landscape_stakeholders_initiative ON landscape_stakeholders (initiative_id);
