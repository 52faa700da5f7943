-- The cooperation map. Actors — an organisation, its unit and a function, with the agency
-- they belong to — are kept per organisation and reused across maps. A map has a target group
-- and a period, and may be a new wave of an earlier map. Meetings belong to a map, with who
-- attends in which role; needs for contact, usefulness ratings and the target group's break
-- points belong to the map too. `source` says how a row came in: `entry` (the process leader),
-- `interview` (the guided interview) or `survey` (the roster survey).
CREATE TABLE map_actors (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER  NOT NULL REFERENCES organisations (id),
    organisation   TEXT    NOT NULL,
    unit           TEXT    NOT NULL DEFAULT '',
    function       TEXT    NOT NULL DEFAULT '',
    agency         TEXT    NOT NULL CHECK (agency IN ('municipality', 'employment_service', 'social_insurance', 'region', 'other')),
    created_at     INTEGER  NOT NULL,
    updated_at     INTEGER  NOT NULL
);
CREATE INDEX map_actors_org ON map_actors (org_id);

CREATE TABLE maps (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER  NOT NULL REFERENCES organisations (id),
    name           TEXT    NOT NULL,
    target_group   TEXT    NOT NULL,
    starts_on      TEXT,
    ends_on        TEXT,
    previous_id    INTEGER  REFERENCES maps (id) ON DELETE SET NULL,
    -- Raised by every change to what the map holds, so that its computed figures can be kept
    -- under (id, revision).
    revision       INTEGER  NOT NULL DEFAULT 0,
    created_at     INTEGER  NOT NULL,
    updated_at     INTEGER  NOT NULL
);
CREATE INDEX maps_org ON maps (org_id);

-- The actors taking part in a map (those the roster survey goes to).
CREATE TABLE map_members (
    map_id         INTEGER  NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    actor_id       INTEGER  NOT NULL REFERENCES map_actors (id),
    PRIMARY KEY (map_id, actor_id)
);

CREATE TABLE map_meetings (
    id             INTEGER PRIMARY KEY,
    map_id         INTEGER  NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    name           TEXT    NOT NULL,
    purpose        TEXT    NOT NULL DEFAULT '',
    level          TEXT    NOT NULL CHECK (level IN ('strategic', 'tactical', 'operational')),
    per_year       REAL    NOT NULL CHECK (per_year >= 0 AND per_year <= 1000),
    hours          REAL    NOT NULL CHECK (hours >= 0 AND hours <= 24),
    convener_id    INTEGER  REFERENCES map_actors (id),
    basis          TEXT    NOT NULL DEFAULT '',
    target_group   TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT 'entry',
    -- In a new wave, the meeting of the earlier map it was copied from (for the comparison).
    copied_from_id INTEGER  REFERENCES map_meetings (id) ON DELETE SET NULL,
    created_at     INTEGER  NOT NULL,
    updated_at     INTEGER  NOT NULL
);
CREATE INDEX map_meetings_map ON map_meetings (map_id);

CREATE TABLE map_attendance (
    meeting_id     INTEGER  NOT NULL REFERENCES map_meetings (id) ON DELETE CASCADE,
    actor_id       INTEGER  NOT NULL REFERENCES map_actors (id),
    role           TEXT    NOT NULL CHECK (role IN ('chair', 'member', 'invited')),
    source         TEXT    NOT NULL DEFAULT 'entry',
    PRIMARY KEY (meeting_id, actor_id)
);
CREATE INDEX map_attendance_actor ON map_attendance (actor_id);

-- A stated need for contact between two actors, with what about.
CREATE TABLE map_needs (
    id             INTEGER PRIMARY KEY,
    map_id         INTEGER  NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    from_actor_id  INTEGER  NOT NULL REFERENCES map_actors (id),
    to_actor_id    INTEGER  NOT NULL REFERENCES map_actors (id),
    about          TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT 'entry',
    created_at     INTEGER  NOT NULL,
    CHECK (from_actor_id <> to_actor_id)
);
CREATE INDEX map_needs_map ON map_needs (map_id);

-- How useful an attending actor finds a meeting, for its own work and for the target group
-- (1–4), with what works and what should change. One rating per actor, meeting and source.
CREATE TABLE map_ratings (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER  NOT NULL REFERENCES map_meetings (id) ON DELETE CASCADE,
    actor_id       INTEGER  NOT NULL REFERENCES map_actors (id),
    useful_own     INTEGER  CHECK (useful_own BETWEEN 1 AND 4),
    useful_group   INTEGER  CHECK (useful_group BETWEEN 1 AND 4),
    works          TEXT    NOT NULL DEFAULT '',
    change         TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT 'entry',
    created_at     INTEGER  NOT NULL,
    UNIQUE (meeting_id, actor_id, source)
);

-- A point where one set of rules hands over to another for the target group (an age such as
-- 25, or a time such as the month a benefit ends), and the meetings that cover it.
CREATE TABLE map_break_points (
    id             INTEGER PRIMARY KEY,
    map_id         INTEGER  NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    axis           TEXT    NOT NULL CHECK (axis IN ('age', 'months')),
    at_value       REAL    NOT NULL,
    label          TEXT    NOT NULL,
    created_at     INTEGER  NOT NULL
);
CREATE INDEX map_break_points_map ON map_break_points (map_id);

CREATE TABLE map_break_point_cover (
    break_point_id INTEGER  NOT NULL REFERENCES map_break_points (id) ON DELETE CASCADE,
    meeting_id     INTEGER  NOT NULL REFERENCES map_meetings (id) ON DELETE CASCADE,
    PRIMARY KEY (break_point_id, meeting_id)
);

-- A roster survey of a map: a questionnaire round whose personal links went to the map's
-- actors, each respondent standing for one actor, so that answers can be read into the map.
CREATE TABLE map_surveys (
    round_id       INTEGER  PRIMARY KEY REFERENCES questionnaire_rounds (id) ON DELETE CASCADE,
    map_id         INTEGER  NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    created_at     INTEGER  NOT NULL
);
CREATE INDEX map_surveys_map ON map_surveys (map_id);

CREATE TABLE map_survey_respondents (
    respondent_id  INTEGER  PRIMARY KEY REFERENCES round_respondents (id) ON DELETE CASCADE,
    round_id       INTEGER  NOT NULL REFERENCES map_surveys (round_id) ON DELETE CASCADE,
    actor_id       INTEGER  NOT NULL REFERENCES map_actors (id)
);

-- What the process leader chose for each change a survey's answers proposed (taken in, or
-- the map kept as it was), so that a choice is made once.
CREATE TABLE map_survey_choices (
    round_id       INTEGER  NOT NULL REFERENCES map_surveys (round_id) ON DELETE CASCADE,
    proposal       TEXT    NOT NULL,
    choice         TEXT    NOT NULL CHECK (choice IN ('take_in', 'keep')),
    decided_by     INTEGER  REFERENCES users (id) ON DELETE SET NULL,
    decided_at     INTEGER  NOT NULL,
    PRIMARY KEY (round_id, proposal)
);
