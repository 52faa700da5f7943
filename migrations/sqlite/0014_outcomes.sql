-- Outcome and alliance follow-up with participants. Units are the teams of an organisation,
-- with who works in them and who manages them. A participant is a pseudonymous code within the
-- organisation; a name and personal identity number only when the organisation has turned that
-- on and consent is recorded. An episode is a participant's time with a unit and a practitioner;
-- a session holds an outcome rating, a session rating, or both, in tenths (0–100 per item,
-- 0–400 per total), the items left out when only a total was entered from paper.
CREATE TABLE units (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER   NOT NULL REFERENCES organisations (id),
    name           TEXT     NOT NULL,
    created_at     INTEGER   NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE unit_members (
    unit_id        INTEGER   NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    user_id        INTEGER   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    manages        INTEGER  NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, user_id)
);
CREATE INDEX unit_members_user ON unit_members (user_id);

CREATE TABLE participants (
    id              INTEGER PRIMARY KEY,
    org_id          INTEGER   NOT NULL REFERENCES organisations (id),
    code            TEXT     NOT NULL,
    age_group       TEXT     NOT NULL CHECK (age_group IN ('adult', 'adolescent', 'child')),
    name            TEXT,
    personal_number TEXT,
    consent_on      TEXT,
    consent_scope   TEXT     NOT NULL DEFAULT '',
    created_by      INTEGER   REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER   NOT NULL,
    UNIQUE (org_id, code)
);

CREATE TABLE outcome_episodes (
    id              INTEGER PRIMARY KEY,
    org_id          INTEGER   NOT NULL REFERENCES organisations (id),
    participant_id  INTEGER   NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    unit_id         INTEGER   NOT NULL REFERENCES units (id),
    practitioner_id INTEGER   NOT NULL REFERENCES users (id),
    initiative_id   INTEGER   REFERENCES initiatives (id) ON DELETE SET NULL,
    starts_on       TEXT     NOT NULL,
    ends_on         TEXT,
    end_reason      TEXT     CHECK (end_reason IN ('planned', 'stopped_coming', 'moved', 'other')),
    created_at      INTEGER   NOT NULL,
    CHECK ((ends_on IS NULL) = (end_reason IS NULL))
);
CREATE INDEX outcome_episodes_participant ON outcome_episodes (participant_id);
CREATE INDEX outcome_episodes_unit ON outcome_episodes (unit_id, starts_on);
CREATE INDEX outcome_episodes_practitioner ON outcome_episodes (practitioner_id);

CREATE TABLE outcome_sessions (
    id              INTEGER PRIMARY KEY,
    episode_id      INTEGER   NOT NULL REFERENCES outcome_episodes (id) ON DELETE CASCADE,
    held_on         TEXT     NOT NULL,
    group_session   INTEGER  NOT NULL DEFAULT 0,
    ors_1 INTEGER CHECK (ors_1 BETWEEN 0 AND 100), ors_2 INTEGER CHECK (ors_2 BETWEEN 0 AND 100),
    ors_3 INTEGER CHECK (ors_3 BETWEEN 0 AND 100), ors_4 INTEGER CHECK (ors_4 BETWEEN 0 AND 100),
    ors_total       INTEGER   CHECK (ors_total BETWEEN 0 AND 400),
    srs_1 INTEGER CHECK (srs_1 BETWEEN 0 AND 100), srs_2 INTEGER CHECK (srs_2 BETWEEN 0 AND 100),
    srs_3 INTEGER CHECK (srs_3 BETWEEN 0 AND 100), srs_4 INTEGER CHECK (srs_4 BETWEEN 0 AND 100),
    srs_total       INTEGER   CHECK (srs_total BETWEEN 0 AND 400),
    -- `tablet`, `phone`, `paper` or `api`.
    source          TEXT     NOT NULL,
    -- The form's (or the calling system's) one-time key: a second submission of the same form
    -- stores nothing new. Per episode, so that one organisation's keys never meet another's.
    submission      TEXT,
    created_at      INTEGER   NOT NULL,
    CHECK (ors_total IS NOT NULL OR srs_total IS NOT NULL),
    UNIQUE (episode_id, submission)
);
CREATE INDEX outcome_sessions_episode ON outcome_sessions (episode_id, held_on);

-- An organisation's thresholds (JSON as `parat outcomes summarize` takes them), whether it
-- records names, and how many months after a participant's last episode ended they are erased.
CREATE TABLE outcome_settings (
    org_id               INTEGER   PRIMARY KEY REFERENCES organisations (id),
    settings             TEXT     NOT NULL DEFAULT '{}',
    names_allowed        INTEGER  NOT NULL DEFAULT 0,
    retention_months     INTEGER   CHECK (retention_months > 0)
);
