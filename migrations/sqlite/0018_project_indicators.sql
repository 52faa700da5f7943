-- Goals' indicators and their values per period (`2026-T2`). A computed indicator's value is
-- counted by Parat when read, so its rows hold only a judged status and a comment.
CREATE TABLE project_indicators (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER   NOT NULL REFERENCES organisations (id),
    initiative_id  INTEGER   NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    goal_id        INTEGER   REFERENCES landscape_goals (id) ON DELETE SET NULL,
    name           TEXT     NOT NULL,
    definition     TEXT     NOT NULL,
    unit           TEXT     NOT NULL,
    baseline       REAL    NOT NULL,
    target         REAL    NOT NULL,
    every          TEXT     NOT NULL CHECK (every IN ('month', 'tertial', 'quarter', 'year')),
    source         TEXT     NOT NULL,
    direction      TEXT     NOT NULL CHECK (direction IN ('increase', 'decrease')),
    created_at     INTEGER   NOT NULL
);
CREATE INDEX project_indicators_initiative ON project_indicators (initiative_id);

CREATE TABLE project_indicator_values (
    indicator_id   INTEGER   NOT NULL REFERENCES project_indicators (id) ON DELETE CASCADE,
    period         TEXT     NOT NULL,
    value          REAL,
    status         TEXT     CHECK (status IN ('on_track', 'at_risk', 'off_track')),
    comment        TEXT     NOT NULL,
    recorded_at    INTEGER   NOT NULL,
    PRIMARY KEY (indicator_id, period)
);
