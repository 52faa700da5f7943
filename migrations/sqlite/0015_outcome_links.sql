-- Ratings on the participant's own phone: a one-time link to an episode's scales (the outcome
-- scale, the session scale, or both), valid for a day. Only the token's hash is stored; the
-- session it recorded marks it used. Erasing the participant erases their links with the episode.
CREATE TABLE outcome_links (
    id             INTEGER PRIMARY KEY,
    episode_id     INTEGER   NOT NULL REFERENCES outcome_episodes (id) ON DELETE CASCADE,
    token_hash     TEXT     NOT NULL UNIQUE,
    scales         TEXT     NOT NULL CHECK (scales IN ('outcome', 'session', 'both')),
    created_by     INTEGER   REFERENCES users (id) ON DELETE SET NULL,
    created_at     INTEGER   NOT NULL,
    expires_at     INTEGER   NOT NULL,
    session_id     INTEGER   REFERENCES outcome_sessions (id) ON DELETE SET NULL
);
CREATE INDEX outcome_links_episode ON outcome_links (episode_id);

-- Expected progress from the organisation's own closed episodes (the intake bands' medians and
-- quartiles as JSON), kept so that a participant's page does not read every episode; computed
-- again when older than an hour, by whichever app server sees that first.
CREATE TABLE outcome_trajectories (
    org_id         INTEGER   PRIMARY KEY REFERENCES organisations (id),
    computed_at    INTEGER   NOT NULL,
    bands          TEXT     NOT NULL
);
