//! Project follow-up in the demo: Borås's first initiative with a year's training events (a
//! network meeting a month, two courses) and who came, and an activity plan with some of it
//! carried out, late or smaller than planned, as projects go.

use parat_core::locale::scandinavian_moment;
use parat_core::project::money::Amount;
use parat_core::project::{ActivityDraft, AttendeeDraft, BudgetLineDraft, CostCategory, CostDraft, EventDraft, Gender};
use time::{Duration, Time};

use super::Lcg;
use crate::{project, Db, OrgScope, StoreResult};

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
    }
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
    budget(db, coordinator, initiative, random).await
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
