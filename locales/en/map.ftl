# The cooperation map: meetings between agencies, who attends, what is useful, missing or redundant.

audit-entity-map = cooperation map
audit-entity-map_actor = cooperation map actor
audit-entity-map_meeting = cooperation map meeting
audit-entity-map_attendance = attendance at a meeting
audit-entity-map_need = need for contact
audit-entity-map_rating = rating of a meeting's usefulness
