-- A map's computed figures (measures, usefulness by agency, questions, the heaviest ties) as
-- JSON, under the map's revision they were computed for: computed once after a change, they
-- serve every app server and survive a restart. Figures under an older revision are stale and
-- replaced when next computed.
CREATE TABLE map_figures (
    map_id         BIGINT   PRIMARY KEY REFERENCES maps (id) ON DELETE CASCADE,
    revision       BIGINT   NOT NULL,
    figures        TEXT     NOT NULL
);
