-- The questionnaire engine. The embedded definitions live in the binary; an organisation's own
-- (built in the UI or uploaded) are kept here as their TOML source.
CREATE TABLE questionnaires (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    key         TEXT   NOT NULL,
    source      TEXT   NOT NULL,
    created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    CONSTRAINT questionnaires_org_key UNIQUE (org_id, key)
);

-- A round sends one questionnaire out. It keeps the definition as it was when it was made, so
-- that editing a questionnaire never changes answers already given; its SHA-256 names the
-- parsed definition a server keeps in memory.
CREATE TABLE questionnaire_rounds (
    id                 INTEGER PRIMARY KEY,
    org_id             INTEGER  NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    initiative_id      INTEGER  REFERENCES initiatives (id) ON DELETE CASCADE,
    questionnaire      TEXT    NOT NULL,
    definition         TEXT    NOT NULL,
    definition_hash    TEXT    NOT NULL,
    title              TEXT    NOT NULL,
    issue              TEXT    NOT NULL,
    anonymous          BOOLEAN NOT NULL,
    threshold          INTEGER  NOT NULL,
    open_link_hash     TEXT    UNIQUE,
    opens_on           TEXT,
    closes_on          TEXT,
    closed_at          INTEGER,
    previous_round_id  INTEGER  REFERENCES questionnaire_rounds (id) ON DELETE SET NULL,
    created_by         INTEGER  REFERENCES users (id) ON DELETE SET NULL,
    created_at         INTEGER  NOT NULL,
    updated_at         INTEGER  NOT NULL
);
CREATE INDEX questionnaire_rounds_org ON questionnaire_rounds (org_id, initiative_id);

-- The entries of the lists a roster item asks about (meetings, organisations, people).
CREATE TABLE round_entries (
    round_id  INTEGER NOT NULL REFERENCES questionnaire_rounds (id) ON DELETE CASCADE,
    list      TEXT   NOT NULL,
    key       TEXT   NOT NULL,
    label     TEXT   NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (round_id, list, key)
);

-- People sent a personal link. Only the link's hash is kept. `answered` is all that ties them to
-- a response in an anonymous round: no time, no reference.
CREATE TABLE round_respondents (
    id           INTEGER PRIMARY KEY,
    round_id     INTEGER  NOT NULL REFERENCES questionnaire_rounds (id) ON DELETE CASCADE,
    label        TEXT    NOT NULL,
    email        TEXT,
    grp          TEXT,
    token_hash   TEXT    NOT NULL UNIQUE,
    answered     BOOLEAN NOT NULL DEFAULT FALSE,
    invited_at   INTEGER,
    reminded_at  INTEGER,
    created_at   INTEGER  NOT NULL
);
CREATE INDEX round_respondents_round ON round_respondents (round_id);

-- Answers, one row per response, as JSON (item id → answer). `respondent_id` is set only in
-- rounds that are not anonymous; `resume_hash` is a hash of the respondent's link or of the
-- open link's per-browser key, derived differently from `round_respondents.token_hash`, so
-- the two tables cannot be joined without the link itself.
CREATE TABLE round_responses (
    id             INTEGER PRIMARY KEY,
    round_id       INTEGER NOT NULL REFERENCES questionnaire_rounds (id) ON DELETE CASCADE,
    respondent_id  INTEGER REFERENCES round_respondents (id) ON DELETE SET NULL,
    resume_hash    TEXT   NOT NULL UNIQUE,
    grp            TEXT,
    pair_key       TEXT,
    answers        TEXT   NOT NULL,
    entered_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    submitted_at   INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX round_responses_round ON round_responses (round_id, submitted_at);
