-- A campaign may measure with one of Parat's readiness questionnaires instead of the model's
-- interviews: the board's approval then makes a questionnaire round in the organisation, and
-- the offer keeps it here (its assessment_id stays empty).
ALTER TABLE campaign_offers ADD COLUMN round_id BIGINT REFERENCES questionnaire_rounds (id) ON DELETE SET NULL;
