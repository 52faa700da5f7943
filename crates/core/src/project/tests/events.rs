use super::*;

#[test]
fn an_event_is_read_in_local_time_with_its_optional_fields() {
    let input = EventInput {
        title: " Utbildning i MI ".into(),
        starts_at: "2026-09-01T00:30".into(),
        ends_at: "2026-09-01 03:00".into(),
        place: "Stadshuset".into(),
        capacity: "40".into(),
        ..Default::default()
    };
    let event = input.parse().expect("valid");
    assert_eq!(event.title, "Utbildning i MI");
    // 00:30 in summer time (UTC+2) is 22:30 UTC the day before.
    assert_eq!(event.starts_at, utc(datetime!(2026-08-31 22:30)));
    assert_eq!(event.ends_at, Some(utc(datetime!(2026-09-01 01:00))));
    assert_eq!(event.capacity, Some(40));
    let seconds = EventInput { starts_at: "2026-09-01T00:30:00".into(), ..input.clone() };
    assert_eq!(seconds.parse().map(|e| e.starts_at), Ok(event.starts_at));
    assert_eq!(event::local_field(event.starts_at), "2026-09-01T00:30");
    let bare =
        EventInput { title: "Nätverksträff".into(), starts_at: "2026-01-15 09:00".into(), ..Default::default() };
    let bare = bare.parse().expect("valid");
    assert_eq!((bare.starts_at, bare.ends_at, bare.capacity), (utc(datetime!(2026-01-15 08:00)), None, None));
}

#[test]
fn a_bad_event_names_every_field_wrong() {
    let input = EventInput {
        title: "  ".into(),
        starts_at: "2026-03-29 02:30".into(),
        ends_at: "1 sept".into(),
        capacity: "-1".into(),
        ..Default::default()
    };
    assert_eq!(
        problems(input.parse().expect_err("invalid")),
        [
            ("title", Problem::Required),
            ("starts_at", Problem::NoSuchLocalTime),
            ("ends_at", Problem::InvalidDateTime),
            ("capacity", Problem::OutOfRange { min: 0, max: event::MAX_PEOPLE }),
        ]
    );
    let backwards = EventInput {
        title: "Träff".into(),
        starts_at: "2026-05-04 13:00".into(),
        ends_at: "2026-05-04 12:59".into(),
        ..Default::default()
    };
    assert_eq!(problems(backwards.parse().expect_err("invalid")), [("ends_at", Problem::EndBeforeStart)]);
    let missing = EventInput { title: "Träff".into(), ..Default::default() };
    assert_eq!(problems(missing.parse().expect_err("invalid")), [("starts_at", Problem::Required)]);
}

#[test]
fn an_attendee_needs_a_name_and_one_of_four_genders() {
    let ok = AttendeeInput {
        name: "Sara Ek".into(),
        organisation: "Borås stad".into(),
        gender: "woman".into(),
        ..Default::default()
    };
    assert_eq!(ok.parse().map(|a| a.gender), Ok(Gender::Woman));
    let bad = AttendeeInput { name: "".into(), gender: "female".into(), ..Default::default() };
    assert_eq!(
        problems(bad.parse().expect_err("invalid")),
        [("name", Problem::Required), ("gender", Problem::UnknownChoice)]
    );
}

/// Events either side of the period boundaries and of both changes of summer time, with the
/// periods each belongs to decided by hand from their local times.
#[test]
fn a_periods_attendance_counts_events_by_their_local_date() {
    use Gender::*;
    let event = |at, attendees: &[Gender], head_count| EventFacts {
        starts_at: utc(at),
        attendees: ByGender::of(attendees),
        head_count,
    };
    let events = [
        // 00:30 on 1 September local (UTC+2): September, third tertial, third quarter.
        event(datetime!(2026-08-31 22:30), &[Woman, Woman, Man], 0),
        // 23:30 on 31 August local: August, second tertial.
        event(datetime!(2026-08-31 21:30), &[Other], 4),
        // 00:30 on 1 November local (UTC+1, after summer time ended): November.
        event(datetime!(2026-10-31 23:30), &[Unknown, Woman], 0),
        // 01:30 on 29 March local, the night summer time begins (still UTC+1): March, T1.
        event(datetime!(2026-03-29 00:30), &[Man], 10),
        // 00:30 on 1 April local (UTC+2): April, T1, Q2.
        event(datetime!(2026-03-31 22:30), &[], 7),
        // 00:30 on 1 January 2027 local: next year.
        event(datetime!(2026-12-31 23:30), &[Woman], 0),
    ];
    let figures = |key: &str| attendance_in(&Period::parse(key).expect("a period"), &events);
    let september = figures("2026-09");
    assert_eq!((september.events, september.attendances, september.head_counts), (1, 3, 0));
    assert_eq!(september.attendances_by_gender, ByGender { woman: 2, man: 1, other: 0, unknown: 0 });
    let august = figures("2026-08");
    assert_eq!((august.events, august.attendances, august.head_counts), (1, 1, 4));
    let t2 = figures("2026-T2");
    assert_eq!((t2.events, t2.attendances, t2.head_counts), (1, 1, 4));
    let t3 = figures("2026-T3");
    assert_eq!((t3.events, t3.attendances, t3.attendances_by_gender.woman), (2, 5, 3));
    let t1 = figures("2026-T1");
    assert_eq!((t1.events, t1.attendances, t1.head_counts), (2, 1, 17));
    let q1 = figures("2026-Q1");
    assert_eq!((q1.events, q1.head_counts), (1, 10));
    let q2 = figures("2026-Q2");
    assert_eq!((q2.events, q2.head_counts), (1, 7));
    let year = figures("2026");
    assert_eq!((year.events, year.attendances, year.head_counts), (5, 7, 21));
    assert_eq!(figures("2027").events, 1);
    assert_eq!(figures("2026-10"), PeriodAttendance::default());
}
