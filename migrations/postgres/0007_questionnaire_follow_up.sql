-- A respondent who has begun answering through their personal link. A reminder in an anonymous
-- round cannot replace such a person's link (their saved answers are found only through it, by
-- design), so it reminds them of the link they have instead. Like `answered`, it has no time.
ALTER TABLE round_respondents ADD COLUMN started BOOLEAN NOT NULL DEFAULT FALSE;

-- A round may ask each respondent for a self-made code (from things only they know) so that their
-- answers can be paired with a follow-up round's without a name; only a hash of the code is kept,
-- in `round_responses.pair_key`.
ALTER TABLE questionnaire_rounds ADD COLUMN pair_code BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX round_responses_pair ON round_responses (round_id, pair_key);
