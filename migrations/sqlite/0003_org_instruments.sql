-- Instrument definitions an organisation loads itself, e.g. the official handbook texts it
-- holds a licence for. Same TOML format as the instruments Parat ships.
CREATE TABLE org_instruments (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    name        TEXT    NOT NULL,
    definition  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX org_instruments_org ON org_instruments (org_id);

-- The edition an assessment scores by, fixed when it is created (also for own instruments).
ALTER TABLE assessments ADD COLUMN edition TEXT NOT NULL DEFAULT '2006';
