-- Each event's named attendees counted by gender on the event's row, kept by a trigger whatever
-- writes the list: a period's figures then read one row per event, not every attendee (a
-- tertial report of 200 events had 10 000 attendees to count on each view).
ALTER TABLE project_events
    ADD COLUMN attendees_woman BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN attendees_man BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN attendees_other BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN attendees_unknown BIGINT NOT NULL DEFAULT 0;

UPDATE project_events SET
    attendees_woman = (SELECT COUNT(*) FROM project_attendees a WHERE a.event_id = project_events.id AND a.gender = 'woman'),
    attendees_man = (SELECT COUNT(*) FROM project_attendees a WHERE a.event_id = project_events.id AND a.gender = 'man'),
    attendees_other = (SELECT COUNT(*) FROM project_attendees a WHERE a.event_id = project_events.id AND a.gender = 'other'),
    attendees_unknown = (SELECT COUNT(*) FROM project_attendees a WHERE a.event_id = project_events.id AND a.gender = 'unknown');

CREATE FUNCTION project_attendees_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE project_events SET
            attendees_woman = attendees_woman - (OLD.gender = 'woman')::int,
            attendees_man = attendees_man - (OLD.gender = 'man')::int,
            attendees_other = attendees_other - (OLD.gender = 'other')::int,
            attendees_unknown = attendees_unknown - (OLD.gender = 'unknown')::int
        WHERE id = OLD.event_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE project_events SET
            attendees_woman = attendees_woman + (NEW.gender = 'woman')::int,
            attendees_man = attendees_man + (NEW.gender = 'man')::int,
            attendees_other = attendees_other + (NEW.gender = 'other')::int,
            attendees_unknown = attendees_unknown + (NEW.gender = 'unknown')::int
        WHERE id = NEW.event_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER project_attendees_counted AFTER INSERT OR DELETE OR UPDATE OF gender, event_id
    ON project_attendees FOR EACH ROW EXECUTE FUNCTION project_attendees_counted();
