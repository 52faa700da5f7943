use time::macros::date;

use super::*;

fn problems(errors: FieldErrors) -> Vec<(&'static str, Problem)> {
    errors.0.into_iter().map(|e| (e.field, e.problem)).collect()
}

fn campaign() -> CampaignInput {
    CampaignInput {
        name: "Beredskap i länet 2027".into(),
        topics: vec!["violence_close_relationships".into(), "honour_related_violence".into()],
        instrument_id: "crm-2014".into(),
        starts_on: "2027-01-15".into(),
        ends_on: "2027-12-15".into(),
        answer_by: "2027-02-28".into(),
        offer_text: "Länsstyrelsen erbjuder en mätning.".into(),
        reference: "Dnr 123-4567-2026".into(),
        price: "60 000".into(),
        board_share: "50".into(),
        contractor_id: "7".into(),
        audience: "all".into(),
        offered: vec![],
    }
}

#[test]
fn a_campaign_is_read_with_its_price_share_and_audience() {
    let draft = campaign().parse(Locale::Sv, &["crm-2014"]).expect("valid");
    assert_eq!(draft.topics, [TopicArea::ViolenceInCloseRelationships, TopicArea::HonourRelatedViolence]);
    assert_eq!((draft.price.ore(), draft.board_share.hundredths()), (6_000_000, 5_000));
    assert_eq!((draft.audience, draft.offered.as_slice(), draft.contractor_id), (Audience::All, &[][..], Some(7)));
    let chosen =
        CampaignInput { audience: "chosen".into(), offered: vec!["4".into(), "4".into(), "9".into()], ..campaign() };
    assert_eq!(chosen.parse(Locale::Sv, &["crm-2014"]).expect("valid").offered, [4, 9]);
}

#[test]
fn a_bad_campaign_names_every_field_wrong() {
    let input = CampaignInput {
        name: " ".into(),
        topics: vec!["custom".into()],
        instrument_id: "own-3".into(),
        starts_on: "2027-06-01".into(),
        ends_on: "2027-05-31".into(),
        answer_by: "31/1".into(),
        offer_text: "".into(),
        price: "-5".into(),
        board_share: "150".into(),
        audience: "chosen".into(),
        offered: vec![],
        ..campaign()
    };
    let found = problems(input.parse(Locale::Sv, &["crm-2014"]).expect_err("invalid"));
    let fields: Vec<&str> = found.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        ["name", "topics", "instrument_id", "ends_on", "answer_by", "offer_text", "price", "board_share", "offered"]
    );
    assert_eq!(found[3].1, Problem::EndBeforeStart);
    let none = CampaignInput { topics: vec![String::new()], audience: String::new(), ..campaign() };
    let found = problems(none.parse(Locale::Sv, &["crm-2014"]).expect_err("invalid"));
    assert_eq!(found, [("topics", Problem::NotChosen), ("audience", Problem::NotChosen)]);
}

#[test]
fn the_board_and_the_organisation_always_make_the_price() {
    let price = |ore| Amount::from_ore(ore);
    let share = Share::from_hundredths;
    assert_eq!(cost_split(price(6_000_000), share(5_000)), (price(3_000_000), price(3_000_000)));
    // A third of 100,01 kr is 33,337 kr: 33,34 to the board, the rest to the organisation.
    assert_eq!(cost_split(price(10_001), share(3_333)), (price(3_333), price(6_668)));
    assert_eq!(cost_split(price(10_001), share(3_334)), (price(3_334), price(6_667)));
    assert_eq!(cost_split(price(4_999), share(0)), (price(0), price(4_999)));
    assert_eq!(cost_split(price(4_999), share(10_000)), (price(4_999), price(0)));
}

#[test]
fn an_organisation_stands_where_its_answer_and_then_its_assessment_put_it() {
    let progress = |status, informants, feedback_held| Some(Progress { status, informants, feedback_held });
    use AssessmentStatus as A;
    let cases = [
        (Response::Offered, None, OfferStatus::Offered),
        (Response::Interested, None, OfferStatus::Interested),
        (Response::Declined, None, OfferStatus::Declined),
        (Response::Approved, None, OfferStatus::Approved),
        (Response::Approved, progress(A::Planned, 0, false), OfferStatus::Approved),
        (Response::Approved, progress(A::Planned, 3, false), OfferStatus::InterviewsBooked),
        (Response::Approved, progress(A::Interviewing, 3, false), OfferStatus::Interviewing),
        (Response::Approved, progress(A::Scoring, 6, false), OfferStatus::Scoring),
        (Response::Approved, progress(A::Consensus, 6, false), OfferStatus::Consensus),
        (Response::Approved, progress(A::Reported, 6, false), OfferStatus::Reported),
        (Response::Approved, progress(A::Reported, 6, true), OfferStatus::FeedbackHeld),
    ];
    for (response, progress, expected) in cases {
        assert_eq!(offer_status(response, progress), expected, "{response:?} {progress:?}");
    }
}

#[test]
fn overdue_is_no_answer_after_the_date_or_no_report_after_the_end() {
    let (by, end) = (Some(date!(2027 - 02 - 28)), date!(2027 - 12 - 15));
    assert!(!overdue(OfferStatus::Offered, by, end, date!(2027 - 02 - 28)), "the day itself is in time");
    assert!(overdue(OfferStatus::Offered, by, end, date!(2027 - 03 - 01)));
    assert!(!overdue(OfferStatus::Offered, None, end, date!(2028 - 01 - 01)), "no date, never late to answer");
    assert!(!overdue(OfferStatus::Scoring, by, end, date!(2027 - 12 - 15)));
    assert!(overdue(OfferStatus::Scoring, by, end, date!(2027 - 12 - 16)));
    assert!(!overdue(OfferStatus::Reported, by, end, date!(2028 - 01 - 01)));
    assert!(!overdue(OfferStatus::Declined, by, end, date!(2028 - 01 - 01)));
}

#[test]
fn an_interest_names_one_of_the_campaigns_topics_and_a_contact() {
    let topics = [TopicArea::ViolenceInCloseRelationships];
    let input = InterestInput {
        topic: "violence_close_relationships".into(),
        contact_name: "Kim Kontakt".into(),
        contact_email: "Kim@Boras.se".into(),
        informant_roles: "Socialchef\nRektor".into(),
        preferred_weeks: "v. 10–12".into(),
    };
    let draft = input.parse(&topics).expect("valid");
    assert_eq!((draft.contact_email.as_str(), draft.informant_roles.as_str()), ("kim@boras.se", "Socialchef\nRektor"));
    let other = InterestInput { topic: "integration".into(), contact_email: "kim".into(), ..input };
    let found = problems(other.parse(&topics).expect_err("invalid"));
    assert_eq!(found, [("topic", Problem::UnknownChoice), ("contact_email", Problem::InvalidEmail)]);
}

#[test]
fn a_feedback_meeting_is_held_by_today_and_its_actions_are_one_per_line() {
    let input = FeedbackInput {
        held_on: "2026-11-30".into(),
        attended: "Socialchef, rektor".into(),
        strengths: "Kunniga medarbetare".into(),
        concerns: "Ingen gemensam rutin".into(),
        resources: String::new(),
        actions: "Ta fram en gemensam rutin\n\n  Utbilda förskolan  \n".into(),
    };
    let draft = input.parse(date!(2026 - 11 - 30)).expect("valid");
    assert_eq!(draft.actions, ["Ta fram en gemensam rutin", "Utbilda förskolan"]);
    let later = input.parse(date!(2026 - 11 - 29)).expect_err("in the future");
    assert_eq!(problems(later), [("held_on", Problem::DateInFuture)]);
    let long = FeedbackInput { held_on: String::new(), actions: "x".repeat(501), ..input };
    let found = problems(long.parse(date!(2026 - 11 - 30)).expect_err("invalid"));
    assert_eq!(found, [("held_on", Problem::Required), ("actions", Problem::TooLong { max: 500 })]);
}

#[test]
fn a_campaigns_cost_is_each_measurements_split_times_the_measurements() {
    let (total, board, own) = campaign_costs(Amount::from_ore(10_001), Share::from_hundredths(3_333), 3);
    // Each: 33,33 kr to the board (33,333… rounded), 66,68 kr to the organisation.
    assert_eq!((total.ore(), board.ore(), own.ore()), (30_003, 9_999, 20_004));
    assert_eq!(campaign_costs(Amount::from_ore(6_000_000), Share::from_hundredths(5_000), 0).0, Amount::ZERO);
}
