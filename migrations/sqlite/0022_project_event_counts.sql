-- Each event's named attendees counted by gender on the event's row, kept by triggers whatever
-- writes the list: a period's figures then read one row per event, not every attendee (a
-- tertial report of 200 events had 10 000 attendees to count on each view).
ALTER TABLE project_events ADD COLUMN attendees_woman INTEGER NOT NULL DEFAULT 0;
ALTER TABLE project_events ADD COLUMN attendees_man INTEGER NOT NULL DEFAULT 0;
ALTER TABLE project_events ADD COLUMN attendees_other INTEGER NOT NULL DEFAULT 0;
ALTER TABLE project_events ADD COLUMN attendees_unknown INTEGER NOT NULL DEFAULT 0;

UPDATE project_events SET
    attendees_woman = (SELECT COUNT(*) FROM project_attendees a WHERE a.event_id = project_events.id AND a.gender = 'woman'),
    attendees_man = (SELECT COUNT(*) FROM project_attendees a WHERE a.event_id = project_events.id AND a.gender = 'man'),
    attendees_other = (SELECT COUNT(*) FROM project_attendees a WHERE a.event_id = project_events.id AND a.gender = 'other'),
    attendees_unknown = (SELECT COUNT(*) FROM project_attendees a WHERE a.event_id = project_events.id AND a.gender = 'unknown');

CREATE TRIGGER project_attendee_added AFTER INSERT ON project_attendees BEGIN
    UPDATE project_events SET
        attendees_woman = attendees_woman + (NEW.gender = 'woman'),
        attendees_man = attendees_man + (NEW.gender = 'man'),
        attendees_other = attendees_other + (NEW.gender = 'other'),
        attendees_unknown = attendees_unknown + (NEW.gender = 'unknown')
    WHERE id = NEW.event_id;
END;

CREATE TRIGGER project_attendee_removed AFTER DELETE ON project_attendees BEGIN
    UPDATE project_events SET
        attendees_woman = attendees_woman - (OLD.gender = 'woman'),
        attendees_man = attendees_man - (OLD.gender = 'man'),
        attendees_other = attendees_other - (OLD.gender = 'other'),
        attendees_unknown = attendees_unknown - (OLD.gender = 'unknown')
    WHERE id = OLD.event_id;
END;

CREATE TRIGGER project_attendee_changed AFTER UPDATE OF gender, event_id ON project_attendees BEGIN
    UPDATE project_events SET
        attendees_woman = attendees_woman - (OLD.gender = 'woman'),
        attendees_man = attendees_man - (OLD.gender = 'man'),
        attendees_other = attendees_other - (OLD.gender = 'other'),
        attendees_unknown = attendees_unknown - (OLD.gender = 'unknown')
    WHERE id = OLD.event_id;
    UPDATE project_events SET
        attendees_woman = attendees_woman + (NEW.gender = 'woman'),
        attendees_man = attendees_man + (NEW.gender = 'man'),
        attendees_other = attendees_other + (NEW.gender = 'other'),
        attendees_unknown = attendees_unknown + (NEW.gender = 'unknown')
    WHERE id = NEW.event_id;
END;
