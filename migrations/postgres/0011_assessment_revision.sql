-- A counter raised by every status change of an assessment, so that results computed from a
-- reported assessment can be kept under (id, revision): its scores cannot change while it is
-- reported, and reopening it (and reporting it again) gives it a new revision, even within
-- one second, which reported_at could not tell apart.
ALTER TABLE assessments ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
