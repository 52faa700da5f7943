# Samverkanskartan: möten mellan myndigheter, vem som deltar, vad som är till nytta, saknas eller överlappar.

audit-entity-map = samverkanskarta
audit-entity-map_actor = aktör i samverkanskartan
audit-entity-map_meeting = möte i samverkanskartan
audit-entity-map_attendance = deltagande i möte
audit-entity-map_need = behov av kontakt
audit-entity-map_rating = bedömning av ett mötes nytta
