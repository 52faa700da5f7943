-- Readiness assessments (Community Readiness Model): assessments, their team, key informants,
-- interviews with answers per guide question, independent scores, consensus, an action plan.
-- Scores are stored in half points (4.5 is 9) so that whole and half points are exact integers.

CREATE TABLE assessments (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisations (id),
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id),
    instrument_id  TEXT    NOT NULL,
    measured       TEXT    NOT NULL,
    issue          TEXT    NOT NULL,
    half_points    INTEGER NOT NULL DEFAULT 0 CHECK (half_points IN (0, 1)),
    status         TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    reported_at    INTEGER
);
CREATE INDEX assessments_org ON assessments (org_id, initiative_id);

CREATE TABLE assessment_team (
    assessment_id  INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    user_id        INTEGER NOT NULL REFERENCES users (id),
    task           TEXT    NOT NULL,
    PRIMARY KEY (assessment_id, user_id, task)
);

CREATE TABLE informants (
    id             INTEGER PRIMARY KEY,
    assessment_id  INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    label          TEXT    NOT NULL,
    role           TEXT    NOT NULL,
    sector         TEXT    NOT NULL,
    contact        TEXT,
    created_at     INTEGER NOT NULL
);
CREATE INDEX informants_assessment ON informants (assessment_id);

CREATE TABLE interviews (
    id              INTEGER PRIMARY KEY,
    assessment_id   INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    informant_id    INTEGER REFERENCES informants (id) ON DELETE SET NULL,
    interviewer_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    held_on         TEXT,
    transcript      TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX interviews_assessment ON interviews (assessment_id);

CREATE TABLE interview_answers (
    interview_id    INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    question        INTEGER NOT NULL,
    answer          TEXT    NOT NULL,
    context_rating  INTEGER,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (interview_id, question)
);

CREATE TABLE scores (
    interview_id  INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    scorer_id     INTEGER NOT NULL REFERENCES users (id),
    dimension     TEXT    NOT NULL,
    half_points   INTEGER,
    evidence      TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (interview_id, scorer_id, dimension)
);

CREATE TABLE score_submissions (
    interview_id  INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    scorer_id     INTEGER NOT NULL REFERENCES users (id),
    submitted_at  INTEGER NOT NULL,
    PRIMARY KEY (interview_id, scorer_id)
);

CREATE TABLE consensus (
    interview_id  INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    dimension     TEXT    NOT NULL,
    half_points   INTEGER NOT NULL,
    rationale     TEXT    NOT NULL DEFAULT '',
    decided_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_at    INTEGER NOT NULL,
    PRIMARY KEY (interview_id, dimension)
);

CREATE TABLE action_items (
    id             INTEGER PRIMARY KEY,
    assessment_id  INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    stage          INTEGER,
    what           TEXT    NOT NULL,
    who            TEXT    NOT NULL,
    due_on         TEXT,
    created_at     INTEGER NOT NULL
);
CREATE INDEX action_items_assessment ON action_items (assessment_id);
