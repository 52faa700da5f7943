-- The frame of a project: how often it reports, who funds which share (hundredths of a
-- percent), who holds the project model's roles, and its phases with their decision points.
-- The owner organisation and partners are the initiative's own.
CREATE TABLE project_reporting (
    initiative_id  INTEGER   PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
    org_id         INTEGER   NOT NULL REFERENCES organisations (id),
    every          TEXT     NOT NULL CHECK (every IN ('month', 'tertial', 'quarter', 'year')),
    days_after     INTEGER  NOT NULL CHECK (days_after BETWEEN 0 AND 90)
);

CREATE TABLE project_funders (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER   NOT NULL REFERENCES organisations (id),
    initiative_id  INTEGER   NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    name           TEXT     NOT NULL,
    share          INTEGER  NOT NULL CHECK (share BETWEEN 1 AND 10000)
);
CREATE INDEX project_funders_initiative ON project_funders (initiative_id);

CREATE TABLE project_roles (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER   NOT NULL REFERENCES organisations (id),
    initiative_id  INTEGER   NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    role           TEXT     NOT NULL,
    person         TEXT     NOT NULL,
    organisation   TEXT     NOT NULL
);
CREATE INDEX project_roles_initiative ON project_roles (initiative_id);

CREATE TABLE project_phases (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER   NOT NULL REFERENCES organisations (id),
    initiative_id  INTEGER   NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    name           TEXT     NOT NULL,
    starts_on      TEXT     NOT NULL,
    ends_on        TEXT     NOT NULL,
    decision       TEXT     NOT NULL,
    decision_on    TEXT
);
CREATE INDEX project_phases_initiative ON project_phases (initiative_id, starts_on);
