-- The coordinator's words in a period's report (`2026-T2`, `2026-05`, …): the figures are
-- computed when the report is read, the narrative is kept here.
CREATE TABLE project_reports (
    initiative_id  BIGINT   NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    org_id         BIGINT   NOT NULL REFERENCES organisations (id),
    period         TEXT     NOT NULL,
    summary        TEXT     NOT NULL,
    went_well      TEXT     NOT NULL,
    difficulties   TEXT     NOT NULL,
    next_period    TEXT     NOT NULL,
    updated_at     BIGINT   NOT NULL,
    PRIMARY KEY (initiative_id, period)
);
