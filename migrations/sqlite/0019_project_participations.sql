-- Participants in an initiative's individual-oriented activities: a participant of the
-- organisation's registry (a pseudonymous code), with gender, age band, and income and
-- occupation before and, once out, after. Erased with the participant.
CREATE TABLE project_participations (
    id                 INTEGER PRIMARY KEY,
    org_id             INTEGER   NOT NULL REFERENCES organisations (id),
    initiative_id      INTEGER   NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    participant_id     INTEGER   NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    gender             TEXT     NOT NULL CHECK (gender IN ('woman', 'man', 'other', 'unknown')),
    age_band           TEXT     NOT NULL,
    joined_on          TEXT     NOT NULL,
    consent            INTEGER  NOT NULL,
    income_before      TEXT     NOT NULL,
    occupation_before  TEXT     NOT NULL,
    left_on            TEXT,
    exit_reason        TEXT,
    income_after       TEXT,
    occupation_after   TEXT,
    recorded_at        INTEGER   NOT NULL
);
CREATE INDEX project_participations_initiative ON project_participations (initiative_id);
CREATE INDEX project_participations_participant ON project_participations (participant_id);
