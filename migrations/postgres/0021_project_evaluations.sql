-- A project's evaluations are questionnaire rounds: one after each training event, and the
-- project evaluation at start and at end. This links a round to the project (and the event);
-- the round, its answers and its anonymity stay the questionnaire engine's.
CREATE TABLE project_evaluations (
    round_id       BIGINT  PRIMARY KEY REFERENCES questionnaire_rounds (id) ON DELETE CASCADE,
    org_id         BIGINT  NOT NULL REFERENCES organisations (id),
    initiative_id  BIGINT  NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    event_id       BIGINT  UNIQUE REFERENCES project_events (id) ON DELETE CASCADE,
    stage          TEXT     NOT NULL CHECK (stage IN ('event', 'start', 'end')),
    CHECK ((stage = 'event') = (event_id IS NOT NULL))
);
-- One project evaluation at start and one at end per initiative.
CREATE UNIQUE INDEX project_evaluations_stage ON project_evaluations (initiative_id, stage) WHERE stage <> 'event';
