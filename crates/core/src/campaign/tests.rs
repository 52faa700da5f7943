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
    let progress = |status, informants, feedback_held| {
        Some(Progress { measurement: Measurement::Assessment { status, informants }, feedback_held })
    };
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
fn a_questionnaire_measurement_is_answering_once_answers_come_and_reported_once_closed() {
    let round = |responses, closed, feedback_held| {
        Some(Progress { measurement: Measurement::Round { responses, closed }, feedback_held })
    };
    let cases = [
        (round(0, false, false), OfferStatus::Approved),
        (round(4, false, false), OfferStatus::Answering),
        (round(4, true, false), OfferStatus::Reported),
        (round(0, true, false), OfferStatus::Reported),
        (round(4, true, true), OfferStatus::FeedbackHeld),
    ];
    for (progress, expected) in cases {
        assert_eq!(offer_status(Response::Approved, progress), expected, "{progress:?}");
    }
    assert!(overdue(OfferStatus::Answering, None, date!(2027 - 12 - 15), date!(2027 - 12 - 16)));
}

#[test]
fn a_campaign_measures_by_the_models_editions_or_parats_readiness_questionnaires() {
    let all = instruments();
    for edition in crate::readiness::instrument::builtin() {
        assert!(all.contains(&edition.id.as_str()));
        assert_eq!(Method::of(&edition.id), Some(Method::Interviews));
    }
    for id in ["oric", "hexagon", "rmc2"] {
        assert!(all.contains(&id), "{id}");
        assert!(matches!(Method::of(id), Some(Method::Questionnaire(d)) if d.id == id));
    }
    // Each method's statuses, in order, are every status but the other method's own.
    let interviews = Method::Interviews.statuses();
    let questionnaire = Method::of("oric").expect("a method").statuses();
    assert!(!interviews.contains(&OfferStatus::Answering));
    assert!(questionnaire.iter().all(|s| ![
        OfferStatus::InterviewsBooked,
        OfferStatus::Interviewing,
        OfferStatus::Scoring,
        OfferStatus::Consensus
    ]
    .contains(s)));
    for status in OfferStatus::ALL {
        assert!(interviews.contains(status) || questionnaire.contains(status), "{status:?}");
    }
    let in_order = |statuses: &[OfferStatus]| {
        statuses.windows(2).all(|w| {
            OfferStatus::ALL.iter().position(|s| *s == w[0]) < OfferStatus::ALL.iter().position(|s| *s == w[1])
        })
    };
    assert!(in_order(interviews) && in_order(questionnaire));
    // Evaluations and the rating scales measure other things.
    for id in ["event_evaluation", "project_evaluation", "outcome_scale", "nonsense"] {
        assert!(!all.contains(&id), "{id}");
        assert_eq!(Method::of(id), None);
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

mod county {
    use std::collections::BTreeMap;

    use crate::campaign::county::*;
    use crate::readiness::scoring::{results, AssessmentScores, DimensionScores, InterviewScores, Results};
    use crate::readiness::{Edition, Fraction, HalfPoints};

    /// An assessment of the 2014 edition whose interviews were agreed at these whole levels
    /// (one array per interview, dimensions A–E).
    fn measured(org_id: i64, name: &str, interviews: &[[u8; 5]]) -> Measured {
        let interviews = interviews
            .iter()
            .enumerate()
            .map(|(n, levels)| InterviewScores {
                id: n.to_string(),
                dimensions: Edition::Crm2014
                    .dimension_keys()
                    .iter()
                    .zip(levels)
                    .map(|(key, level)| {
                        let consensus = HalfPoints::from_whole(*level).expect("level");
                        ((*key).to_owned(), DimensionScores { scorers: None, consensus })
                    })
                    .collect::<BTreeMap<_, _>>(),
            })
            .collect();
        let scores = AssessmentScores::new(Edition::Crm2014, interviews).expect("scores");
        Measured { org_id, name: name.into(), results: results(&scores) }
    }

    fn fraction(n: i128, d: i128) -> Fraction {
        Fraction::new(n, d).expect("fraction")
    }

    fn stages(report: &CountyReport) -> Vec<Vec<u8>> {
        report.rows.iter().map(|r| r.dimensions.iter().map(|d| d.stage).collect()).collect()
    }

    // Worked by hand. Alingsås (1): A (3+4)/2 = 3.5 → 3, B 5, C (2+3)/2 = 2.5 → 2, D 6, E 4;
    // overall (3.5+5+2.5+6+4)/5 = 4.2 → 4; lowest C then A. Borås (2): A 6, B 6, C 3, D 7, E 3;
    // overall 5; lowest C and E (tied). Lerum (3): A 2, B 4, C 4, D 5, E 6; overall 4.2 → 4;
    // lowest A then B and C tied at 4.
    fn county() -> Vec<Measured> {
        vec![
            measured(1, "Alingsås kommun", &[[3, 5, 2, 6, 4], [4, 5, 3, 6, 4]]),
            measured(2, "Borås stad", &[[6, 6, 3, 7, 3]]),
            measured(3, "Lerums kommun", &[[2, 4, 4, 5, 6]]),
        ]
    }

    #[test]
    fn the_county_report_names_each_organisation_with_its_stages() {
        let report = county_report(&county(), None, Naming::Named).expect("report");
        assert_eq!(stages(&report), [vec![3, 5, 2, 6, 4], vec![6, 6, 3, 7, 3], vec![2, 4, 4, 5, 6]]);
        let overall: Vec<(Label, Fraction)> = report.rows.iter().map(|r| (r.label.clone(), r.overall.score)).collect();
        assert_eq!(
            overall,
            [
                (Label::Named("Alingsås kommun".into()), fraction(21, 5)),
                (Label::Named("Borås stad".into()), fraction(5, 1)),
                (Label::Named("Lerums kommun".into()), fraction(21, 5)),
            ]
        );
        assert_eq!(report.previous_measured, None);
        assert!(report.dimensions.iter().all(|d| d.previous_mean.is_none()));
    }

    #[test]
    fn the_distribution_means_and_lowest_dimensions_are_counted_across_the_county() {
        let report = county_report(&county(), None, Naming::Named).expect("report");
        // Stage counts per dimension, stage 1 first: A at 3, 6, 2; C at 2, 3, 4 …
        let counts = |key: &str| {
            let d = report.dimensions.iter().find(|d| d.key == key).expect("dimension");
            d.stages.iter().enumerate().filter(|(_, n)| **n > 0).map(|(i, n)| (i as u8 + 1, *n)).collect::<Vec<_>>()
        };
        assert_eq!(counts("A"), [(2, 1), (3, 1), (6, 1)]);
        assert_eq!(counts("B"), [(4, 1), (5, 1), (6, 1)]);
        assert_eq!(counts("C"), [(2, 1), (3, 1), (4, 1)]);
        assert_eq!(counts("D"), [(5, 1), (6, 1), (7, 1)]);
        assert_eq!(counts("E"), [(3, 1), (4, 1), (6, 1)]);
        // County means: A (3.5+6+2)/3 = 23/6 → 3; C (2.5+3+4)/3 = 19/6 → 3; D 6.
        let means: Vec<(Fraction, u8)> = report.dimensions.iter().map(|d| (d.mean.score, d.mean.stage)).collect();
        assert_eq!(
            means,
            [
                (fraction(23, 6), 3),
                (fraction(5, 1), 5),
                (fraction(19, 6), 3),
                (fraction(6, 1), 6),
                (fraction(13, 3), 4)
            ]
        );
        // Lowest: Alingsås C, A; Borås C, E; Lerum A, B, C. So C three times, A twice, B and E once.
        assert_eq!(report.most_often_lowest, [("C", 3), ("A", 2), ("B", 1), ("E", 1)]);
    }

    #[test]
    fn anonymised_the_organisations_are_numbered_by_result_and_the_reader_keeps_its_name() {
        let report = county_report(&county(), None, Naming::Anonymised { own: Some(3) }).expect("report");
        let labels: Vec<(i64, Label, bool)> = report.rows.iter().map(|r| (r.org_id, r.label.clone(), r.own)).collect();
        // Borås (5) first; Alingsås and Lerum tie at 4.2 and keep the id order.
        assert_eq!(
            labels,
            [
                (2, Label::Numbered(1), false),
                (1, Label::Numbered(2), false),
                (3, Label::Named("Lerums kommun".into()), true)
            ]
        );
        let nobody = county_report(&county(), None, Naming::Anonymised { own: None }).expect("report");
        assert!(nobody.rows.iter().all(|r| matches!(r.label, Label::Numbered(_))));
    }

    #[test]
    fn the_change_since_the_previous_campaign_compares_like_with_like() {
        // Two years before: Alingsås at 2 everywhere, Borås at 4 everywhere; Lerum not measured.
        let before =
            vec![measured(1, "Alingsås kommun", &[[2, 2, 2, 2, 2]]), measured(2, "Borås stad", &[[4, 4, 4, 4, 4]])];
        let report = county_report(&county(), Some(&before), Naming::Named).expect("report");
        assert_eq!(report.previous_measured, Some(2));
        let previous: Vec<Option<u8>> = report.rows.iter().map(|r| r.previous_overall.map(|p| p.stage)).collect();
        assert_eq!(previous, [Some(2), Some(4), None]);
        assert!(report.dimensions.iter().all(|d| d.previous_mean.map(|m| m.score) == Some(fraction(3, 1))));

        // Another edition's letters mean other dimensions: no change is shown.
        let other = results_2006();
        let report = county_report(&county(), Some(&[other]), Naming::Named).expect("report");
        assert_eq!(report.previous_measured, None);
        assert!(report.rows.iter().all(|r| r.previous_overall.is_none()));
    }

    fn results_2006() -> Measured {
        let dimensions = Edition::Crm2006
            .dimension_keys()
            .iter()
            .map(|k| {
                ((*k).to_owned(), DimensionScores { scorers: None, consensus: HalfPoints::from_whole(3).expect("3") })
            })
            .collect();
        let scores = AssessmentScores::new(Edition::Crm2006, vec![InterviewScores { id: "1".into(), dimensions }])
            .expect("scores");
        let results: Results = results(&scores);
        Measured { org_id: 1, name: "Alingsås kommun".into(), results }
    }

    #[test]
    fn no_report_without_a_reported_measurement_or_across_editions() {
        assert!(county_report(&[], None, Naming::Named).is_none());
        assert!(county_report(&[county().remove(0), results_2006()], None, Naming::Named).is_none());
    }
}
