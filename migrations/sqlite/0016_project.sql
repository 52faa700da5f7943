-- Project follow-up: an initiative's training events and who came. Times are moments (Unix
-- seconds); a period takes an event by its start's local date. Attendees are personal data:
-- reads and changes are audited, and they go with their event.
CREATE TABLE project_events (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER  NOT NULL REFERENCES organisations (id),
    initiative_id  INTEGER  NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    title          TEXT     NOT NULL,
    starts_at      INTEGER  NOT NULL,
    ends_at        INTEGER,
    place          TEXT     NOT NULL,
    organiser      TEXT     NOT NULL,
    target_group   TEXT     NOT NULL,
    capacity       INTEGER  CHECK (capacity >= 0),
    head_count     INTEGER  NOT NULL DEFAULT 0 CHECK (head_count >= 0),
    created_at     INTEGER  NOT NULL
);
CREATE INDEX project_events_initiative ON project_events (initiative_id, starts_at);

CREATE TABLE project_attendees (
    id             INTEGER PRIMARY KEY,
    event_id       INTEGER  NOT NULL REFERENCES project_events (id) ON DELETE CASCADE,
    name           TEXT     NOT NULL,
    organisation   TEXT     NOT NULL,
    unit           TEXT     NOT NULL,
    gender         TEXT     NOT NULL CHECK (gender IN ('woman', 'man', 'other', 'unknown')),
    recorded_at    INTEGER  NOT NULL
);
CREATE INDEX project_attendees_event ON project_attendees (event_id);

-- The activity plan and what was carried out. Amounts in öre; dates as `YYYY-MM-DD`. A goal
-- removed from the landscape leaves its activities without one.
CREATE TABLE project_activities (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER  NOT NULL REFERENCES organisations (id),
    initiative_id  INTEGER  NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    title          TEXT     NOT NULL,
    planned_on     TEXT,
    responsible    TEXT     NOT NULL,
    goal_id        INTEGER  REFERENCES landscape_goals (id) ON DELETE SET NULL,
    planned_cost   INTEGER  CHECK (planned_cost >= 0),
    done_on        TEXT,
    participants   INTEGER  CHECK (participants >= 0),
    deviation      TEXT     NOT NULL,
    updated_at     INTEGER  NOT NULL
);
CREATE INDEX project_activities_initiative ON project_activities (initiative_id);

-- The budget (per year, category and funder) and the costs booked against it, in öre.
CREATE TABLE project_budget_lines (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER  NOT NULL REFERENCES organisations (id),
    initiative_id  INTEGER  NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    year           INTEGER  NOT NULL,
    category       TEXT     NOT NULL,
    funder         TEXT     NOT NULL,
    amount         INTEGER  NOT NULL CHECK (amount >= 0),
    note           TEXT     NOT NULL
);
CREATE INDEX project_budget_lines_initiative ON project_budget_lines (initiative_id);

CREATE TABLE project_costs (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER  NOT NULL REFERENCES organisations (id),
    initiative_id  INTEGER  NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    booked_on      TEXT     NOT NULL,
    category       TEXT     NOT NULL,
    amount         INTEGER  NOT NULL,
    text           TEXT     NOT NULL,
    recorded_at    INTEGER  NOT NULL
);
CREATE INDEX project_costs_initiative ON project_costs (initiative_id, booked_on);
