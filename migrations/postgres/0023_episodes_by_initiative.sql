-- A project's counted indicators read the ended episodes that name its initiative.
CREATE INDEX outcome_episodes_initiative ON outcome_episodes (initiative_id, ends_on);
