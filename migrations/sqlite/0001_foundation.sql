-- Parat foundation: organisations, accounts, sessions, initiatives, audit log.
-- Timestamps are Unix seconds (UTC); dates are ISO 8601 text; booleans are 0/1.

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    name_key    TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL,
    parent_id   INTEGER REFERENCES organisations (id),
    created_at  INTEGER NOT NULL
);
CREATE INDEX organisations_parent ON organisations (parent_id);

CREATE TABLE users (
    id                 INTEGER PRIMARY KEY,
    email              TEXT    NOT NULL UNIQUE,
    display_name       TEXT    NOT NULL,
    password_hash      TEXT    NOT NULL,
    locale             TEXT    NOT NULL DEFAULT 'sv',
    is_instance_admin  INTEGER NOT NULL DEFAULT 0 CHECK (is_instance_admin IN (0, 1)),
    created_at         INTEGER NOT NULL
);

CREATE TABLE memberships (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    role        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_org ON memberships (org_id);

CREATE TABLE sessions (
    token_hash  TEXT    PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id      INTEGER REFERENCES organisations (id),
    csrf_token  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE setup_tokens (
    token_hash  TEXT    PRIMARY KEY,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);

CREATE TABLE login_failures (
    id       INTEGER PRIMARY KEY,
    account  TEXT    NOT NULL,
    address  TEXT    NOT NULL,
    at       INTEGER NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account, at);
CREATE INDEX login_failures_address ON login_failures (address, at);

CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    token_hash    TEXT    NOT NULL UNIQUE,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id        INTEGER NOT NULL REFERENCES organisations (id),
    name          TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER,
    revoked_at    INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE initiatives (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES organisations (id),
    name          TEXT    NOT NULL,
    description   TEXT    NOT NULL,
    topic         TEXT    NOT NULL,
    custom_topic  TEXT,
    target_group  TEXT    NOT NULL,
    start_date    TEXT,
    end_date      TEXT,
    status        TEXT    NOT NULL,
    owner_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    name_key      TEXT    NOT NULL,
    search_text   TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX initiatives_org ON initiatives (org_id, archived, name_key);
CREATE INDEX initiatives_owner ON initiatives (owner_id);

CREATE TABLE initiative_partners (
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    org_id         INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (initiative_id, org_id)
);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER,
    actor_id     INTEGER,
    actor_label  TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    entity       TEXT    NOT NULL,
    entity_id    INTEGER,
    before       TEXT,
    after        TEXT,
    at           INTEGER NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (org_id, id);
