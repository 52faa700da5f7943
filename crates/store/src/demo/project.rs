//! Project follow-up in the demo: Borås's first initiative with a year's training events (a
//! network meeting a month, two courses) and who came, and an activity plan with some of it
//! carried out, late or smaller than planned, as projects go; a budget with its costs; the
//! project's frame; three indicators, two counted and one typed; and participants in and out.

use parat_core::locale::scandinavian_moment;
use parat_core::periods::{Period, PeriodKind};
use parat_core::project::frame::Share;
use parat_core::project::money::Amount;
use parat_core::project::{
    ActivityDraft, AttendeeDraft, BudgetLineDraft, CostCategory, CostDraft, Direction, EventDraft, FunderDraft, Gender,
    IndicatorDefinition, IndicatorSource, PeriodEntry, PhaseDraft, ProjectRole, RoleDraft,
};
use parat_core::project::{AgeBand, EvaluationStage, ExitReason, Income, JoinDraft, LeaveDraft, Occupation};
use time::{Duration, Time};

use super::Lcg;
use crate::{project, Db, OrgScope, StoreError, StoreResult};

const NAMES: [(&str, Gender); 12] = [
    ("Anna Berg", Gender::Woman),
    ("Maja Lund", Gender::Woman),
    ("Erik Holm", Gender::Man),
    ("Leila Haddad", Gender::Woman),
    ("Johan Ek", Gender::Man),
    ("Sofia Nilsson", Gender::Woman),
    ("Kim Andersson", Gender::Other),
    ("Ahmed Yusuf", Gender::Man),
    ("Karin Sjö", Gender::Woman),
    ("Lars Björk", Gender::Man),
    ("Eva Strand", Gender::Woman),
    ("Noa Lindqvist", Gender::Unknown),
];

const ORGANISATIONS: [(&str, &str); 4] = [
    ("Borås stad", "Socialtjänsten"),
    ("Försäkringskassan", "Lokalkontoret"),
    ("Arbetsförmedlingen", "Borås"),
    ("Region Västra Götaland", "Vårdcentralen Centrum"),
];

/// When an activity was carried out (days from today), with how many, and how it departed.
type Done = (i64, u32, &'static str);

pub(super) async fn project(db: &Db, coordinator: &OrgScope, initiative: i64, random: &mut Lcg) -> StoreResult<()> {
    let today = crate::now_date();
    let at = |days: i64, hour: u8| {
        let local = (today + Duration::days(days)).with_time(Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT));
        scandinavian_moment(local).unwrap_or_default()
    };
    // A network meeting on about the same weekday each month, the last one still to come.
    for month in 0..10i64 {
        let days = -270 + month * 30;
        let draft = EventDraft {
            title: "Nätverksträff samverkan".into(),
            starts_at: at(days, 9),
            ends_at: Some(at(days, 11)),
            place: "Stadshuset, sal 3".into(),
            organiser: "Borås stad".into(),
            target_group: "Handläggare i de fyra myndigheterna".into(),
            capacity: Some(30),
        };
        let event = project::create_event(db, coordinator, initiative, &draft).await?;
        if days < 0 {
            let came = 5 + random.below(7) as usize;
            let offset = random.below(NAMES.len() as u64) as usize;
            let people: Vec<AttendeeDraft> = (0..came)
                .map(|k| {
                    let (name, gender) = NAMES[(offset + k) % NAMES.len()];
                    let (organisation, unit) = ORGANISATIONS[(offset + k) % ORGANISATIONS.len()];
                    AttendeeDraft { name: name.into(), organisation: organisation.into(), unit: unit.into(), gender }
                })
                .collect();
            project::add_attendees(db, coordinator, event, &people).await?;
        }
    }
    // Two courses where names were not taken, only counted.
    for (title, days, count) in
        [("Utbildning i motiverande samtal", -200, 24), ("Föreläsning om våld i nära relationer", -60, 71)]
    {
        let draft = EventDraft {
            title: title.into(),
            starts_at: at(days, 13),
            ends_at: Some(at(days, 16)),
            place: "Kulturhuset".into(),
            organiser: "Extern utbildare".into(),
            target_group: "Medarbetare i socialtjänsten".into(),
            capacity: Some(80),
        };
        let event = project::create_event(db, coordinator, initiative, &draft).await?;
        project::set_head_count(db, coordinator, event, count).await?;
        evaluation(db, coordinator, initiative, EvaluationStage::Event, Some((event, title)), count / 3, random)
            .await?;
    }
    evaluation(db, coordinator, initiative, EvaluationStage::Start, None, 14, random).await?;
    // Title, planned (days from today), cost in öre, and when done: days, participants, deviation.
    let activities: [(&str, i64, i64, Option<Done>); 6] = [
        ("Kartlägga befintliga samverkansmöten", -240, 0, Some((-235, 9, ""))),
        (
            "Utbildning i motiverande samtal",
            -200,
            4_800_000,
            Some((-200, 24, "Färre än planerat: 30 platser, 24 kom.")),
        ),
        (
            "Gemensam rutin för samordnad plan",
            -120,
            0,
            Some((-90, 12, "En månad senare: remissrundan tog längre tid.")),
        ),
        ("Studiebesök hos samordningsförbund", -45, 1_250_050, Some((-45, 8, ""))),
        ("Uppföljningsenkät till personalen", 20, 0, None),
        ("Slutkonferens", 120, 3_500_000, None),
    ];
    // The training serves the goal of basic training for all, the others the first goal there is.
    let goals = project::goal_choices(db, coordinator, initiative).await?;
    for (k, (title, planned, cost, done)) in activities.into_iter().enumerate() {
        let goal_id = goals.get(if k == 1 { 2 } else { 1 }).or(goals.first()).map(|(id, _)| *id);
        let draft = ActivityDraft {
            title: title.into(),
            planned_on: Some(today + Duration::days(planned)),
            responsible: "Processledaren".into(),
            goal_id,
            planned_cost: (cost > 0).then(|| Amount::from_ore(cost)),
            done_on: done.map(|(days, _, _)| today + Duration::days(days)),
            participants: done.map(|(_, n, _)| n),
            deviation: done.map(|(_, _, why)| why.to_owned()).unwrap_or_default(),
        };
        project::create_activity(db, coordinator, initiative, &draft).await?;
    }
    budget(db, coordinator, initiative, random).await?;
    frame(db, coordinator, initiative).await?;
    indicators(db, coordinator, initiative, &goals).await?;
    participants(db, coordinator, initiative, random).await
}

/// An evaluation answered through its open link by `answers` people: after an event (its id and
/// title), or the project evaluation at start. Answers lean towards agreement, as they do.
async fn evaluation(
    db: &Db,
    coordinator: &OrgScope,
    initiative: i64,
    stage: EvaluationStage,
    event: Option<(i64, &str)>,
    answers: u32,
    random: &mut Lcg,
) -> StoreResult<()> {
    use parat_core::questionnaire::round::RoundInput;
    use parat_core::questionnaire::{RawAnswer, EVENT_EVALUATION, PROJECT_EVALUATION};
    let (questionnaire, title, issue) = match event {
        Some((_, title)) => (EVENT_EVALUATION, format!("Utvärdering: {title}"), title.to_owned()),
        None => (PROJECT_EVALUATION, "Projektutvärdering vid start".to_owned(), "samverkansprojektet".to_owned()),
    };
    let input = RoundInput {
        questionnaire: questionnaire.into(),
        title,
        issue,
        anonymous: "on".into(),
        open_link: "on".into(),
        ..Default::default()
    };
    let draft = input.parse().map_err(|_| StoreError::Unsupported("the demo's evaluation is valid"))?;
    let (round, link) =
        project::start_evaluation(db, coordinator, initiative, stage, event.map(|(id, _)| id), &draft).await?;
    let link = link.ok_or(StoreError::Unsupported("the demo's evaluation has an open link"))?;
    let today = crate::now_date();
    let texts = [
        "Konkreta exempel från vardagen.",
        "",
        "Bra att träffa kollegor från andra myndigheter.",
        "",
        "",
        "Fallen vi arbetade med i grupp.",
        "",
        "Mer tid för frågor hade behövts.",
        "",
    ];
    for n in 0..answers {
        let mut given: std::collections::BTreeMap<String, RawAnswer> = round
            .definition
            .items()
            .filter_map(|i| {
                i.kind.range().map(|(_, max)| (i.id.clone(), RawAnswer::Number(max - random.below(3) as f64)))
            })
            .collect();
        if let Some(text) = texts.get(n as usize % texts.len()).filter(|t| !t.is_empty()) {
            given.insert(if event.is_some() { "best" } else { "change" }.into(), RawAnswer::Text((*text).into()));
        }
        let opened = crate::questionnaire::open(db, &link, Some(&crate::Secret::generate())).await?;
        let _ = crate::questionnaire::save(db, &opened, &given, None, true, today).await?;
    }
    Ok(())
}

/// Twenty participants registered in over the past year, most with consent; those in longest
/// registered out, most of them to work or studies.
async fn participants(db: &Db, coordinator: &OrgScope, initiative: i64, random: &mut Lcg) -> StoreResult<()> {
    let today = crate::now_date();
    let genders = [Gender::Woman, Gender::Man, Gender::Woman, Gender::Man, Gender::Other, Gender::Unknown];
    for k in 0..20u64 {
        let joined_on = today - Duration::days(360 - k as i64 * 17);
        let draft = JoinDraft {
            code: format!("SV-{:03}", k + 1),
            gender: genders[(k % genders.len() as u64) as usize],
            age_band: AgeBand::ALL[random.below(AgeBand::ALL.len() as u64) as usize],
            joined_on,
            consent: k % 5 != 0,
            income_before: [Income::FinancialAid, Income::SicknessBenefit, Income::UnemploymentBenefit]
                [(k % 3) as usize],
            occupation_before: Occupation::JobSeeking,
        };
        let id = project::join(db, coordinator, initiative, &draft).await?;
        if k < 10 {
            let (reason, income, occupation) = match k % 4 {
                0 | 1 => (ExitReason::Work, Income::Salary, Occupation::Work),
                2 => (ExitReason::Studies, Income::StudentAid, Occupation::Studies),
                _ => (ExitReason::OtherEffort, Income::FinancialAid, Occupation::Rehabilitation),
            };
            let leave = LeaveDraft {
                left_on: joined_on + Duration::days(120 + random.below(60) as i64),
                reason,
                income_after: income,
                occupation_after: occupation,
            };
            project::leave(db, coordinator, id, &leave).await?;
        }
    }
    Ok(())
}

/// Half the county board, half the municipality; the project model's roles; a pre-study and
/// the carrying out, each ending in the steering group's decision; reports every tertial.
async fn frame(db: &Db, coordinator: &OrgScope, initiative: i64) -> StoreResult<()> {
    let year = crate::now_date().year();
    for (name, hundredths) in [("Länsstyrelsen Västra Götaland", 5_000), ("Borås stad", 5_000)] {
        let funder = FunderDraft { name: name.into(), share: Share::from_hundredths(hundredths) };
        project::add_funder(db, coordinator, initiative, &funder).await?;
    }
    let roles = [
        (ProjectRole::Sponsor, "Socialchefen", "Borås stad"),
        (ProjectRole::SteeringGroup, "Chefer från de fyra myndigheterna", ""),
        (ProjectRole::ProcessOwner, "Avdelningschef vuxen", "Borås stad"),
        (ProjectRole::ProcessLeader, "Sam Samordnare", "Borås stad"),
    ];
    for (role, person, organisation) in roles {
        let role = RoleDraft { role, person: person.into(), organisation: organisation.into() };
        project::add_role(db, coordinator, initiative, &role).await?;
    }
    let date =
        |month: time::Month, day: u8| time::Date::from_calendar_date(year, month, day).unwrap_or(time::Date::MIN);
    let phases = [
        (
            "Förstudie",
            date(time::Month::January, 1),
            date(time::Month::March, 31),
            "Styrgruppen beslutar om genomförande",
            Some(date(time::Month::March, 20)),
        ),
        (
            "Genomförande",
            date(time::Month::April, 1),
            date(time::Month::December, 31),
            "Styrgruppen beslutar om förvaltning",
            Some(date(time::Month::December, 10)),
        ),
    ];
    for (name, starts_on, ends_on, decision, decision_on) in phases {
        let phase = PhaseDraft { name: name.into(), starts_on, ends_on, decision: decision.into(), decision_on };
        project::add_phase(db, coordinator, initiative, &phase).await?;
    }
    Ok(())
}

/// People reached per tertial and the share of the year's ended episodes that improved, counted
/// by Parat;
/// staff who feel they are an important link, typed from the tertial survey.
async fn indicators(db: &Db, coordinator: &OrgScope, initiative: i64, goals: &[(i64, String)]) -> StoreResult<()> {
    let reached = IndicatorDefinition {
        name: "Medarbetare som nås av utbildning och nätverk".into(),
        definition: "Deltaganden med namn och räknade personer vid projektets utbildningstillfällen.".into(),
        unit: "personer".into(),
        baseline: 0.0,
        target: 60.0,
        every: PeriodKind::Tertial,
        source: IndicatorSource::PeopleReached,
        direction: Direction::Increase,
        goal_id: goals.get(2).or(goals.first()).map(|(id, _)| *id),
    };
    project::create_indicator(db, coordinator, initiative, &reached).await?;
    let improved = IndicatorDefinition {
        name: "Deltagare som blir tillförlitligt bättre".into(),
        definition: "Andel av de avslutade insatsperioderna med minst två skattningar där ORS steg med minst \
            den tillförlitliga förändringen."
            .into(),
        unit: "%".into(),
        baseline: 40.0,
        target: 60.0,
        every: PeriodKind::Year,
        source: IndicatorSource::OutcomesImprovedShare,
        direction: Direction::Increase,
        goal_id: goals.first().map(|(id, _)| *id),
    };
    project::create_indicator(db, coordinator, initiative, &improved).await?;
    let link = IndicatorDefinition {
        name: "Andel som känner sig som en viktig länk".into(),
        definition: "Andel av personalen som svarar 4 eller 5 i tertialenkäten.".into(),
        unit: "%".into(),
        baseline: 35.0,
        target: 70.0,
        every: PeriodKind::Tertial,
        source: IndicatorSource::Manual,
        direction: Direction::Increase,
        goal_id: goals.get(1).or(goals.first()).map(|(id, _)| *id),
    };
    let link = project::create_indicator(db, coordinator, initiative, &link).await?;
    let current = Period::containing(PeriodKind::Tertial, crate::now_date());
    let first = Period::containing(
        PeriodKind::Tertial,
        time::Date::from_calendar_date(current.year(), time::Month::January, 1).unwrap_or(time::Date::MIN),
    );
    let values = [(48.0, "Efter första nätverksträffarna."), (61.0, "Gemensam rutin på plats."), (66.0, "")];
    let mut period = first;
    for (value, comment) in values {
        if period.first_day() > current.first_day() {
            break;
        }
        let entry = PeriodEntry { period, value: Some(value), status: None, comment: comment.into() };
        project::record_indicator_entry(db, coordinator, link, &entry).await?;
        period = period.next();
    }
    Ok(())
}

/// Half the county board's, half the municipality's, for this year; costs booked month by month
/// until today, one of them a correction.
async fn budget(db: &Db, coordinator: &OrgScope, initiative: i64, random: &mut Lcg) -> StoreResult<()> {
    let today = crate::now_date();
    let year = today.year();
    let lines = [
        (CostCategory::Staff, "Länsstyrelsen", 45_000_000),
        (CostCategory::Staff, "Borås stad", 45_000_000),
        (CostCategory::Suppliers, "Länsstyrelsen", 8_000_000),
        (CostCategory::Premises, "Borås stad", 3_000_000),
        (CostCategory::Travel, "Länsstyrelsen", 1_500_000),
        (CostCategory::Material, "Borås stad", 1_500_000),
    ];
    for (category, funder, ore) in lines {
        let line = BudgetLineDraft {
            year,
            category,
            funder: funder.into(),
            amount: Amount::from_ore(ore),
            note: String::new(),
        };
        project::add_budget_line(db, coordinator, initiative, &line).await?;
    }
    let mut costs = Vec::new();
    for month in 1..u8::from(today.month()) {
        let Ok(booked_on) =
            time::Date::from_calendar_date(year, time::Month::try_from(month).unwrap_or(time::Month::January), 25)
        else {
            continue;
        };
        costs.push(CostDraft {
            booked_on,
            category: CostCategory::Staff,
            amount: Amount::from_ore(7_200_000 + random.below(50_000) as i64 * 10),
            text: "Lön processledare".into(),
        });
        if month % 3 == 0 {
            costs.push(CostDraft {
                booked_on,
                category: CostCategory::Travel,
                amount: Amount::from_ore(98_050),
                text: "Resor till nätverksträffar".into(),
            });
        }
    }
    if let Ok(booked_on) = time::Date::from_calendar_date(year, time::Month::May, 18) {
        costs.push(CostDraft {
            booked_on,
            category: CostCategory::Suppliers,
            amount: Amount::from_ore(4_800_000),
            text: "Utbildning i motiverande samtal".into(),
        });
        costs.push(CostDraft {
            booked_on,
            category: CostCategory::Suppliers,
            amount: Amount::from_ore(-250_000),
            text: "Kreditfaktura, utbildning".into(),
        });
    }
    project::add_costs(db, coordinator, initiative, &costs).await?;
    Ok(())
}
