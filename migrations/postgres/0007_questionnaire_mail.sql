-- A respondent who has begun answering through their personal link. A reminder in an anonymous
-- round cannot replace such a person's link (their saved answers are found only through it, by
-- design), so it reminds them of the link they have instead. Like `answered`, it has no time.
ALTER TABLE round_respondents ADD COLUMN started BOOLEAN NOT NULL DEFAULT FALSE;
