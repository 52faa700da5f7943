-- The planning tools beside the landscape: risks and milestones. `source` names the readiness
-- result a record was made from (empty when made by hand), so that it links back to it.
CREATE TABLE landscape_risks (
    id             INTEGER PRIMARY KEY,
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id),
    what           TEXT    NOT NULL,
    likelihood     INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    consequence    INTEGER NOT NULL CHECK (consequence BETWEEN 1 AND 5),
    mitigation     TEXT    NOT NULL DEFAULT '',
    owner_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    who            TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX landscape_risks_initiative ON landscape_risks (initiative_id);

CREATE TABLE landscape_milestones (
    id             INTEGER PRIMARY KEY,
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id),
    name           TEXT    NOT NULL,
    phase          TEXT,
    planned_on     TEXT    NOT NULL,
    reached_on     TEXT,
    status         TEXT    NOT NULL DEFAULT 'planned',
    owner_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    who            TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX landscape_milestones_initiative ON landscape_milestones (initiative_id, planned_on);
