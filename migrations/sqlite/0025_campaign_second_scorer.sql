-- A campaign's measurement needs two independent scorers: the board assigns a second of the
-- contractor's people, let in by the same consent as the first.
ALTER TABLE campaign_offers ADD COLUMN second_user_id INTEGER REFERENCES users (id);
-- When the offer and the last reminder were sent by e-mail (none without SMTP).
ALTER TABLE campaign_offers ADD COLUMN mailed_at INTEGER;
ALTER TABLE campaign_offers ADD COLUMN reminded_at INTEGER;
-- Whom the county report is shared with: no one (not_shared), the offered organisations that
-- took part with the others anonymised (anonymised), or with every name (named).
ALTER TABLE campaigns ADD COLUMN report_sharing TEXT NOT NULL DEFAULT 'not_shared';
