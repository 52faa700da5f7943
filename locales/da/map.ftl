# Samarbejdskortet: møder mellem myndigheder, hvem der deltager, hvad der er nyttigt, mangler eller overlapper.

audit-entity-map = samarbejdskort
audit-entity-map_actor = aktør i samarbejdskortet
audit-entity-map_meeting = møde i samarbejdskortet
audit-entity-map_attendance = deltagelse i møde
audit-entity-map_need = behov for kontakt
audit-entity-map_rating = vurdering af et mødes nytte
