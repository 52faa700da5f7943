-- Readiness campaigns: a parent organisation offers measurements to organisations under it,
-- carried out by a contractor organisation's people, the price (öre) shared between the
-- board (hundredths of a percent) and each organisation. One offer per organisation: its
-- answer, its interest as registered, the board's approval and the assessment made for it,
-- whether the organisation's share is invoiced, and the feedback meeting after the measurement.
CREATE TABLE campaigns (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER  NOT NULL REFERENCES organisations (id),
    name           TEXT     NOT NULL,
    instrument_id  TEXT     NOT NULL,
    starts_on      TEXT     NOT NULL,
    ends_on        TEXT     NOT NULL,
    answer_by      TEXT,
    offer_text     TEXT     NOT NULL,
    reference      TEXT     NOT NULL DEFAULT '',
    price          INTEGER  NOT NULL CHECK (price >= 0),
    board_share    INTEGER  NOT NULL CHECK (board_share BETWEEN 0 AND 10000),
    contractor_id  INTEGER  REFERENCES organisations (id),
    created_at     INTEGER  NOT NULL,
    updated_at     INTEGER  NOT NULL
);
CREATE INDEX campaigns_org ON campaigns (org_id);

CREATE TABLE campaign_topics (
    campaign_id  INTEGER  NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    topic        TEXT     NOT NULL,
    position     INTEGER  NOT NULL,
    PRIMARY KEY (campaign_id, topic)
);

CREATE TABLE campaign_offers (
    id               INTEGER PRIMARY KEY,
    campaign_id      INTEGER  NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    org_id           INTEGER  NOT NULL REFERENCES organisations (id),
    response         TEXT     NOT NULL DEFAULT 'offered'
                     CHECK (response IN ('offered', 'interested', 'declined', 'approved')),
    topic            TEXT,
    contact_name     TEXT,
    contact_email    TEXT,
    informant_roles  TEXT,
    preferred_weeks  TEXT,
    responded_at     INTEGER,
    approved_at      INTEGER,
    assessment_id    INTEGER  REFERENCES assessments (id) ON DELETE SET NULL,
    invoiced_on      TEXT,
    -- The contractor's person who interviews and scores, and the organisation's consent to
    -- their access to its assessment (withdrawn: the access ends at once).
    contractor_user_id  INTEGER  REFERENCES users (id),
    access_granted_at   INTEGER,
    access_withdrawn_at INTEGER,
    created_at       INTEGER  NOT NULL,
    UNIQUE (campaign_id, org_id)
);
CREATE INDEX campaign_offers_org ON campaign_offers (org_id);

CREATE TABLE campaign_feedback (
    offer_id     INTEGER  PRIMARY KEY REFERENCES campaign_offers (id) ON DELETE CASCADE,
    held_on      TEXT     NOT NULL,
    attended     TEXT     NOT NULL,
    strengths    TEXT     NOT NULL,
    concerns     TEXT     NOT NULL,
    resources    TEXT     NOT NULL,
    -- The actions decided, one per line, as recorded; each is also a task of the assessment's plan.
    actions      TEXT     NOT NULL,
    recorded_at  INTEGER  NOT NULL
);
