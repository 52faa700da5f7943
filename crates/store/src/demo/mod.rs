//! Demo data: a small realistic county for trying Parat, and larger generated sets for benchmarks.
//!
//! Every demo account has the same password, hashed once, so that generating a national data set
//! does not spend minutes in Argon2.

use parat_core::account::NewPassword;
use parat_core::initiative::{InitiativeStatus, TopicArea};
use parat_core::organisation::{OrgKind, Role};

use parat_core::readiness::assessment::InformantDraft;

use crate::accounts::hash_password;
use crate::db::{on_reader, on_writer};
use crate::questionnaire;
use crate::readiness::{AssessmentBuilder, PlannedInterview};
use crate::{now, search_key, Db, OrgScope, StoreError, StoreResult};

mod campaign;
mod map;
mod outcomes;
mod project;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoSize {
    /// One county: a county board, three municipalities, a Stockholm district, a coordination association.
    Small,
    /// A county board with 49 municipalities.
    County,
    /// About 300 organisations across 21 counties.
    National,
}

pub const DEMO_PASSWORD: &str = "parat-demo-2026";

/// A login printed for the person trying the demo.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub email: String,
    pub description: String,
}

/// What one generated organisation looks like before it is written.
struct OrgPlan {
    name: String,
    kind: OrgKind,
    parent: Option<usize>,
    initiatives: usize,
    /// Readiness assessments of its first initiative, five interviews each.
    assessments: usize,
}

const INITIATIVE_TEMPLATES: &[(&str, TopicArea, &str)] = &[
    (
        "Våld i nära relationer – gemensam rutin",
        TopicArea::ViolenceInCloseRelationships,
        "Vuxna utsatta för våld och deras barn",
    ),
    ("Hedersrelaterat våld och förtryck", TopicArea::HonourRelatedViolence, "Unga och familjer"),
    ("ANDT-förebyggande arbete i skolan", TopicArea::Andt, "Elever i årskurs 7–9"),
    (
        "Nationella minoriteters rättigheter",
        TopicArea::MinorityRights,
        "Samer, sverigefinnar, tornedalingar, romer och judar",
    ),
    ("Etablering för nyanlända", TopicArea::Integration, "Nyanlända vuxna"),
    (
        "Individual Placement and Support (IPS)",
        TopicArea::VocationalRehabilitation,
        "Personer med psykisk ohälsa som vill arbeta",
    ),
    ("Återhämtningsinriktat arbetssätt", TopicArea::MentalHealthRecovery, "Personer med psykisk funktionsnedsättning"),
    ("Unga vuxna utan egen försörjning", TopicArea::VocationalRehabilitation, "Unga vuxna 18–29 år"),
    ("Trygg i skolan – föräldrastöd", TopicArea::Andt, "Föräldrar till tonåringar"),
    ("Spelprevention", TopicArea::Custom, "Unga vuxna"),
];

/// What the interviews ask about, as it is read out in the questions, for each topic area.
fn issue_of(topic: TopicArea) -> &'static str {
    match topic {
        TopicArea::ViolenceInCloseRelationships => "våld i nära relationer",
        TopicArea::HonourRelatedViolence => "hedersrelaterat våld och förtryck",
        TopicArea::Andt => "alkohol, narkotika, dopning, tobak och spel",
        TopicArea::MinorityRights => "de nationella minoriteternas rättigheter",
        TopicArea::Integration => "nyanländas etablering",
        TopicArea::VocationalRehabilitation => "stöd till arbete för personer långt från arbetsmarknaden",
        TopicArea::MentalHealthRecovery => "återhämtning vid psykisk ohälsa",
        TopicArea::Custom => "spel om pengar",
    }
}

const INFORMANT_ROLES: [(&str, &str); 5] = [
    ("Enhetschef, socialtjänsten", "Kommun"),
    ("Skolkurator", "Kommun"),
    ("Samordnare, vårdcentral", "Region"),
    ("Kommunpolis", "Stat"),
    ("Verksamhetsledare, kvinnojour", "Civilsamhälle"),
];

const DEMO_TRANSCRIPT: &str = "Intervjuare: Hur arbetar ni med frågan i dag?\n\nNyckelperson: Vi har en rutin sedan några år, men den är inte känd av alla. Ledningen stöttar i ord, men det finns ingen egen budget.";

/// A small deterministic generator, so that demo data is the same every time.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

const STATUSES: [InitiativeStatus; 4] =
    [InitiativeStatus::Active, InitiativeStatus::Planned, InitiativeStatus::Active, InitiativeStatus::Completed];

const NAME_STEMS: &[&str] = &[
    "Ale", "Berga", "Dals", "Ekes", "Fal", "Grän", "Hag", "Is", "Kall", "Lid", "Mal", "Nor", "Olof", "Ped", "Rone",
    "Sala", "Tor", "Ulrik", "Vall", "Åsar", "Äng", "Öster",
];
const NAME_ENDINGS: &[&str] =
    &["by", "köping", "vik", "hamn", "berga", "sund", "torp", "ås", "näs", "fors", "holm", "dal", "å", "stad"];
const COUNTIES: &[&str] = &[
    "Blekinge",
    "Dalarna",
    "Gotland",
    "Gävleborg",
    "Halland",
    "Jämtland",
    "Jönköping",
    "Kalmar",
    "Kronoberg",
    "Norrbotten",
    "Skåne",
    "Stockholm",
    "Södermanland",
    "Uppsala",
    "Värmland",
    "Västerbotten",
    "Västernorrland",
    "Västmanland",
    "Västra Götaland",
    "Örebro",
    "Östergötland",
];

fn generated_municipality(i: usize) -> String {
    let stem = NAME_STEMS[i % NAME_STEMS.len()];
    let ending = NAME_ENDINGS[(i / NAME_STEMS.len()) % NAME_ENDINGS.len()];
    let round = i / (NAME_STEMS.len() * NAME_ENDINGS.len());
    let suffix = if round == 0 { String::new() } else { format!(" {}", round + 1) };
    format!("{stem}{ending}s kommun{suffix}")
}

fn plan(size: DemoSize) -> Vec<OrgPlan> {
    let org = |name: &str, kind, parent, initiatives, assessments| OrgPlan {
        name: name.to_owned(),
        kind,
        parent,
        initiatives,
        assessments,
    };
    match size {
        DemoSize::Small => vec![
            org("Länsstyrelsen Västra Götaland", OrgKind::CountyBoard, None, 2, 0),
            org("Borås stad", OrgKind::Municipality, Some(0), 5, 2),
            org("Alingsås kommun", OrgKind::Municipality, Some(0), 4, 1),
            org("Lerums kommun", OrgKind::Municipality, Some(0), 3, 1),
            org("Stockholms stad", OrgKind::Municipality, None, 2, 0),
            org("Skärholmens stadsdelsförvaltning", OrgKind::District, Some(4), 3, 1),
            org("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None, 3, 0),
            // Carries out the county board's readiness campaign.
            org("Beredskapskonsult AB", OrgKind::Other, None, 0, 0),
            // Under the county board, each somewhere in its campaign.
            org("Mölndals stad", OrgKind::Municipality, Some(0), 0, 0),
            org("Kungälvs kommun", OrgKind::Municipality, Some(0), 0, 0),
            org("Trollhättans stad", OrgKind::Municipality, Some(0), 0, 0),
            org("Uddevalla kommun", OrgKind::Municipality, Some(0), 0, 0),
            org("Skövde kommun", OrgKind::Municipality, Some(0), 0, 0),
            org("Vänersborgs kommun", OrgKind::Municipality, Some(0), 0, 0),
            org("Falköpings kommun", OrgKind::Municipality, Some(0), 0, 0),
        ],
        DemoSize::County => {
            let mut orgs = vec![org("Länsstyrelsen Västra Götaland", OrgKind::CountyBoard, None, 3, 0)];
            orgs.extend((0..49).map(|i| org(&generated_municipality(i), OrgKind::Municipality, Some(0), 8, 2)));
            orgs
        }
        DemoSize::National => {
            let mut orgs = Vec::new();
            let mut municipality = 0;
            // The national agency above the county boards, listed last.
            let agency = COUNTIES.len() + 290;
            for (c, county) in COUNTIES.iter().enumerate() {
                let board = orgs.len();
                orgs.push(org(&format!("Länsstyrelsen {county}"), OrgKind::CountyBoard, Some(agency), 3, 0));
                let count = 290 / COUNTIES.len() + usize::from(c < 290 % COUNTIES.len());
                for _ in 0..count {
                    orgs.push(org(&generated_municipality(municipality), OrgKind::Municipality, Some(board), 20, 3));
                    municipality += 1;
                }
            }
            // Runs a readiness campaign across the country's municipalities, carried out by a
            // consultancy (for the campaign benchmark).
            orgs.push(org("Nationellt centrum för beredskap", OrgKind::NationalAgency, None, 0, 0));
            orgs.push(org("Beredskapskonsult AB", OrgKind::Other, None, 0, 0));
            orgs
        }
    }
}

/// A demo account: its organisations (by index in the plan) with roles, and, for the logins
/// printed at start, what it shows off.
struct Person {
    email: String,
    name: String,
    instance_admin: bool,
    memberships: Vec<(usize, Role)>,
    description: Option<&'static str>,
}

impl Person {
    fn login(
        email: &str,
        name: &str,
        instance_admin: bool,
        memberships: &[(usize, Role)],
        description: &'static str,
    ) -> Person {
        Person {
            email: email.into(),
            name: name.into(),
            instance_admin,
            memberships: memberships.to_vec(),
            description: Some(description),
        }
    }
}

/// Fills an empty database with demo data and returns the logins to print.
pub async fn generate(db: &Db, size: DemoSize) -> StoreResult<Vec<DemoLogin>> {
    if !crate::accounts::needs_setup(db).await? {
        return Err(StoreError::Unsupported("demo data goes into an empty database; this one has accounts"));
    }
    // Demo data is made afresh each time and worth nothing after a crash halfway: its thousands
    // of commits need not each wait for the disk (SQLite's single writer connection keeps this
    // setting; it is put back when the data is written).
    if let Db::Sqlite { write, .. } = db {
        sqlx::query("PRAGMA synchronous = OFF").execute(write).await?;
    }
    let logins = generate_data(db, size).await;
    if let Db::Sqlite { write, .. } = db {
        sqlx::query("PRAGMA synchronous = FULL").execute(write).await?;
    }
    logins
}

async fn generate_data(db: &Db, size: DemoSize) -> StoreResult<Vec<DemoLogin>> {
    let password = NewPassword::parse(DEMO_PASSWORD).map_err(|_| StoreError::PasswordHash)?;
    let hash = hash_password(&password).await?;
    let orgs = plan(size);
    let at = now();

    let mut people: Vec<Person> = vec![
        Person::login(
            "admin@demo.parat.se",
            "Astrid Admin",
            true,
            &[(0, Role::Admin), (1, Role::Admin)],
            "administrator",
        ),
        Person::login("samordnare@demo.parat.se", "Sara Samordnare", false, &[(1, Role::Coordinator)], "coordinator"),
        Person::login("bedomare@demo.parat.se", "Bo Bedömare", false, &[(1, Role::Scorer)], "scorer"),
        Person::login("behandlare@demo.parat.se", "Pia Praktiker", false, &[(1, Role::Practitioner)], "practitioner"),
        Person::login("styrgrupp@demo.parat.se", "Sven Styrgrupp", false, &[(1, Role::Viewer)], "viewer"),
        Person::login(
            "konsult@demo.parat.se",
            "Karin Konsult",
            false,
            &[(1, Role::Scorer), (2, Role::Coordinator), (3, Role::Coordinator)],
            "consultant in three municipalities",
        ),
    ];
    if size == DemoSize::National {
        // The administrator runs the national agency's campaign too.
        people[0].memberships.push((orgs.len() - 2, Role::Admin));
    }
    for (i, org) in orgs.iter().enumerate().skip(2) {
        people.push(Person {
            email: format!("samordnare{i}@demo.parat.se"),
            name: format!("Samordnare {}", org.name),
            instance_admin: false,
            memberships: vec![(i, Role::Coordinator)],
            description: None,
        });
        // The contractor's second scorer too: the method asks for two.
        if org.assessments > 0 || org.kind == OrgKind::Other {
            people.push(Person {
                email: format!("bedomare{i}@demo.parat.se"),
                name: format!("Bedömare {}", org.name),
                instance_admin: false,
                memberships: vec![(i, Role::Scorer)],
                description: None,
            });
        }
    }

    let written = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let mut org_ids = Vec::with_capacity(orgs.len());
        for org in &orgs {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO organisations (name, name_key, kind, parent_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(&org.name)
            .bind(search_key(&org.name))
            .bind(org.kind.key())
            .bind(None::<i64>)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            org_ids.push(id);
        }
        // Parents once every organisation exists: a plan may name a parent listed after the child
        // (the national demo's agency comes last, so the others keep their places).
        for (org, id) in orgs.iter().zip(&org_ids) {
            if let Some(parent) = org.parent {
                sqlx::query("UPDATE organisations SET parent_id = $1 WHERE id = $2")
                    .bind(org_ids[parent])
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        let mut owner_of_org: Vec<Option<i64>> = vec![None; orgs.len()];
        // Who can score in each organisation: scorers first, then coordinators.
        let mut scorers_of_org: Vec<Vec<(Role, i64)>> = vec![Vec::new(); orgs.len()];
        let mut first_initiative_of_org: Vec<Option<(i64, TopicArea)>> = vec![None; orgs.len()];
        let this_year = time::OffsetDateTime::from_unix_timestamp(at).map(|t| t.year()).unwrap_or(2026);
        let mut logins = Vec::new();
        for Person { email, name, instance_admin, memberships, description } in &people {
            let (user_id,): (i64,) = sqlx::query_as(
                "INSERT INTO users (email, display_name, password_hash, locale, is_instance_admin, created_at) \
                 VALUES ($1, $2, $3, 'sv', $4, $5) RETURNING id",
            )
            .bind(email)
            .bind(name)
            .bind(&hash)
            .bind(*instance_admin)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            for (org, role) in memberships {
                sqlx::query("INSERT INTO memberships (user_id, org_id, role, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(user_id)
                    .bind(org_ids[*org])
                    .bind(role.key())
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
                if *role == Role::Coordinator && owner_of_org[*org].is_none() {
                    owner_of_org[*org] = Some(user_id);
                }
                if matches!(role, Role::Scorer | Role::Coordinator) {
                    scorers_of_org[*org].push((*role, user_id));
                }
            }
            if let Some(description) = description {
                logins.push(DemoLogin { email: email.clone(), description: (*description).to_owned() });
            }
        }
        let mut n = 0usize;
        for (index, org) in orgs.iter().enumerate() {
            for k in 0..org.initiatives {
                let (name, topic, target) = INITIATIVE_TEMPLATES[(index + k) % INITIATIVE_TEMPLATES.len()];
                let name = if k < INITIATIVE_TEMPLATES.len() {
                    name.to_owned()
                } else {
                    format!("{name} ({})", k / INITIATIVE_TEMPLATES.len() + 1)
                };
                let custom = (topic == TopicArea::Custom).then_some("Spel om pengar");
                let description = format!("{name} i {}: kartläggning, utbildning och uppföljning.", org.name);
                let status = STATUSES[n % STATUSES.len()];
                // Completed initiatives lie in the past; the others started in the last two years
                // and run on.
                let (start_year, end_year) = match status {
                    InitiativeStatus::Completed => (this_year - 3 + (n % 2) as i32, this_year - 1),
                    _ => {
                        let start = this_year - 2 + (n % 3) as i32;
                        (start, start + 2)
                    }
                };
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO initiatives (org_id, name, description, topic, custom_topic, target_group, start_date, \
                     end_date, status, owner_id, archived, name_key, search_text, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, FALSE, $11, $12, $13, $13) RETURNING id",
                )
                .bind(org_ids[index])
                .bind(&name)
                .bind(&description)
                .bind(topic.key())
                .bind(custom)
                .bind(target)
                .bind(format!("{start_year}-0{}-01", 1 + n % 9))
                .bind(format!("{end_year}-12-31"))
                .bind(status.key())
                .bind(owner_of_org[index])
                .bind(search_key(&name))
                .bind(search_key(&format!("{name}\n{target}\n{}\n{description}", custom.unwrap_or_default())))
                .bind(at)
                .fetch_one(&mut *tx)
                .await?;
                first_initiative_of_org[index].get_or_insert((id, topic));
                if let Some(parent) = org.parent {
                    sqlx::query("INSERT INTO initiative_partners (initiative_id, org_id) VALUES ($1, $2)")
                        .bind(id)
                        .bind(org_ids[parent])
                        .execute(&mut *tx)
                        .await?;
                }
                n += 1;
            }
        }
        tx.commit().await?;
        (logins, org_ids, first_initiative_of_org, owner_of_org, scorers_of_org)
    });
    let (logins, org_ids, first_initiative_of_org, owner_of_org, scorers_of_org) = written;
    let scope = |org: usize, (role, user_id): (Role, i64)| OrgScope {
        org_id: org_ids[org],
        user_id,
        role,
        actor_label: "Parat demo".into(),
    };
    // A demo person's id by their login.
    let user = |email: &'static str| async move {
        let (id,): (i64,) = on_reader!(db, |pool| sqlx::query_as("SELECT id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(pool)
            .await?);
        Ok::<i64, StoreError>(id)
    };
    let mut random = Lcg(2026);
    for (index, org) in orgs.iter().enumerate() {
        let (Some((initiative, topic)), Some(owner), true) =
            (first_initiative_of_org[index], owner_of_org[index], org.assessments > 0)
        else {
            continue;
        };
        let mut scorers = scorers_of_org[index].clone();
        scorers.sort_by_key(|(role, _)| *role != Role::Scorer);
        let [first, second, ..] = scorers[..] else { continue };
        let (coordinator, first, second) =
            (scope(index, (Role::Coordinator, owner)), scope(index, first), scope(index, second));
        // The organisation's readiness: a base stage, and dimensions around it; the scorers
        // differ by a step here and there, and agree on the first one's level.
        let base = 2 + random.below(5) as i64;
        for k in 0..org.assessments {
            let latest = k + 1 == org.assessments;
            // The small demo leaves its last assessment mid-scoring, its last interview not yet
            // scored by the first scorer, to try scoring in.
            let in_progress = latest && size == DemoSize::Small && index == 1;
            let mut assessment = AssessmentBuilder::new(&coordinator, [&first, &second], initiative)
                .measuring(&org.name, issue_of(topic))
                .interviewer(&first)
                .begun_at(at - (org.assessments - k) as i64 * 180 * 24 * 3600);
            for v in 0..5 {
                let (mut firsts, mut seconds) = ([0u8; 6], [0u8; 6]);
                for (d, (first, second)) in firsts.iter_mut().zip(&mut seconds).enumerate() {
                    let level = (base + (d as i64 % 3) - 1 + k as i64 + random.below(3) as i64 - 1).clamp(1, 9);
                    let other = (level + random.below(3) as i64 - 1).clamp(1, 9);
                    (*first, *second) = (level as u8, other as u8);
                }
                let unscored_by_first = in_progress && v == 4;
                let (role, sector) = INFORMANT_ROLES[v % INFORMANT_ROLES.len()];
                assessment = assessment.planned(PlannedInterview {
                    informant: InformantDraft {
                        label: format!("Nyckelperson {}", v + 1),
                        role: role.into(),
                        sector: sector.into(),
                        contact: None,
                    },
                    transcript: Some(DEMO_TRANSCRIPT.into()),
                    scored: [(!unscored_by_first).then_some(firsts), Some(seconds)],
                    agreed: (!unscored_by_first).then_some(firsts),
                });
            }
            if !in_progress {
                assessment = assessment.reported();
            }
            assessment.build(db).await?;
        }
        if size == DemoSize::Small && index == 1 {
            staff_survey(db, &coordinator, initiative, &mut random).await?;
        }
        landscape_demo(db, &coordinator, initiative, &mut random).await?;
        // Borås maps the meetings around young adults; the national demo has one map of
        // national scale besides, in the first county board, for benchmarks.
        if index == 1 {
            map::municipal_map(db, &coordinator, &mut random).await?;
            project::project(db, &coordinator, initiative, &mut random).await?;
            let admin = scope(index, (Role::Admin, user("admin@demo.parat.se").await?));
            let practitioner = scope(index, (Role::Practitioner, user("behandlare@demo.parat.se").await?));
            outcomes::follow_up(db, (&admin, &practitioner), initiative, &mut random).await?;
        }
    }
    if size == DemoSize::Small {
        let board = scope(0, (Role::Admin, user("admin@demo.parat.se").await?));
        let boras = scope(1, (Role::Coordinator, user("samordnare@demo.parat.se").await?));
        let alingsas = scope(2, (Role::Coordinator, user("samordnare2@demo.parat.se").await?));
        let consultants = [
            scope(7, (Role::Coordinator, user("samordnare7@demo.parat.se").await?)),
            scope(7, (Role::Scorer, user("bedomare7@demo.parat.se").await?)),
        ];
        let mut others = Vec::new();
        for index in 8..orgs.len() {
            others.push(scope(
                index,
                (Role::Coordinator, user_of(db, &format!("samordnare{index}@demo.parat.se")).await?),
            ));
        }
        campaign::county_campaign(db, &board, (&boras, &alingsas, &others), (org_ids[7], &consultants)).await?;
        campaign::survey_campaign(db, &board, &others[3..], (org_ids[7], &consultants[0])).await?;
    }
    if size == DemoSize::National {
        map::national_map(db, org_ids[0], &mut random).await?;
        let (agency, consultancy) = (orgs.len() - 2, orgs.len() - 1);
        let mut municipalities = Vec::new();
        for index in (0..orgs.len()).filter(|i| orgs[*i].kind == OrgKind::Municipality) {
            // The first municipality's coordinator is the demo's own.
            let email = match index {
                1 => "samordnare@demo.parat.se".to_owned(),
                _ => format!("samordnare{index}@demo.parat.se"),
            };
            municipalities.push(scope(index, (Role::Coordinator, user_of(db, &email).await?)));
        }

        let consultants = [
            scope(
                consultancy,
                (Role::Coordinator, user_of(db, &format!("samordnare{consultancy}@demo.parat.se")).await?),
            ),
            scope(consultancy, (Role::Scorer, user_of(db, &format!("bedomare{consultancy}@demo.parat.se")).await?)),
        ];
        let agency_scope = scope(agency, (Role::Admin, user("admin@demo.parat.se").await?));
        campaign::national_campaign(
            db,
            &agency_scope,
            &municipalities,
            (org_ids[consultancy], &consultants),
            &mut random,
        )
        .await?;
        let municipalities: Vec<i64> = orgs
            .iter()
            .zip(&org_ids)
            .filter(|(org, _)| org.kind == OrgKind::Municipality)
            .map(|(_, id)| *id)
            .take(100)
            .collect();
        outcomes::national(db, &municipalities, &hash, &mut random).await?;
    }
    Ok(logins)
}

/// A demo person's id by their login.
async fn user_of(db: &Db, email: &str) -> StoreResult<i64> {
    let (id,): (i64,) = on_reader!(db, |pool| sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(pool)
        .await?);
    Ok(id)
}

/// A staff survey on readiness (the ORIC-style questionnaire) for the small demo: anonymous,
/// asking for pairing codes, an open link and three personal links, with sixteen answers, one of
/// them by a personal link; and its follow-up half a year on, where twelve of the fifteen answer
/// again with the same codes, a little more ready.
async fn staff_survey(db: &Db, coordinator: &OrgScope, initiative: i64, random: &mut Lcg) -> StoreResult<()> {
    use parat_core::questionnaire::pairing::{PairCode, PairInput};
    use parat_core::questionnaire::round::{RespondentDraft, RoundInput};
    use parat_core::questionnaire::RawAnswer;
    use std::collections::BTreeMap;
    let input = RoundInput {
        questionnaire: "oric".into(),
        title: "Personalenkät om beredskap".into(),
        issue: "det gemensamma arbetssättet".into(),
        anonymous: "on".into(),
        open_link: "on".into(),
        pair_code: "on".into(),
        ..Default::default()
    };
    let draft = input.parse().map_err(|_| StoreError::Unsupported("the demo's survey is valid"))?;
    let (round, open_link) = questionnaire::create(db, coordinator, Some(initiative), &draft).await?;
    let people =
        ["Anna Ek; anna.ek@boras.se; Socialtjänst", "Bo Berg; ; Socialtjänst", "Cecilia Ceder; ; Skola"].map(|line| {
            let parts: Vec<&str> = line.split(';').map(str::trim).collect();
            RespondentDraft {
                label: parts[0].into(),
                email: Some(parts[1].to_owned()).filter(|e| !e.is_empty()),
                group: Some(parts[2].to_owned()),
            }
        });
    let links = questionnaire::add_respondents(db, coordinator, &round, &people).await?;
    let today = crate::now_date();
    let items: Vec<String> =
        round.definition.items().filter(|i| i.kind.range().is_some()).map(|i| i.id.clone()).collect();
    let answer = |random: &mut Lcg| -> BTreeMap<String, RawAnswer> {
        items.iter().map(|id| (id.clone(), RawAnswer::Number((2 + random.below(4)) as f64))).collect()
    };
    let open_link = open_link.ok_or(StoreError::Unsupported("the demo's survey has an open link"))?;
    let letters = ["AN", "BI", "CA", "DO", "EL", "FR", "GU", "HE", "IN", "JO", "KA", "LI", "MA", "NI", "OL"];
    let code = |n: usize| -> StoreResult<Option<PairCode>> {
        let input = PairInput {
            letters: letters[n].into(),
            day: format!("{}", 1 + n * 2),
            digits: format!("{:02}", 10 + n * 5),
        };
        input.parse().map_err(|_| StoreError::Unsupported("the demo's codes are valid"))
    };
    let mut before = Vec::new();
    for n in 0..15 {
        let browser = crate::Secret::generate();
        let given = answer(random);
        let opened = questionnaire::open(db, &open_link, Some(&browser)).await?;
        let _ = questionnaire::save(db, &opened, &given, code(n)?.as_ref(), true, today).await?;
        before.push(given);
    }
    let (_, anna) = &links[0];
    let opened = questionnaire::open(db, anna, None).await?;
    let _ = questionnaire::save(db, &opened, &answer(random), None, true, today).await?;

    // The follow-up: the same questionnaire, pairing by the same codes.
    let input = RoundInput {
        title: "Personalenkät om beredskap, uppföljning".into(),
        previous_round: round.id.to_string(),
        ..input
    };
    let draft = input.parse().map_err(|_| StoreError::Unsupported("the demo's follow-up is valid"))?;
    let (_, follow_up_link) = questionnaire::create(db, coordinator, Some(initiative), &draft).await?;
    let follow_up_link = follow_up_link.ok_or(StoreError::Unsupported("the demo's follow-up has an open link"))?;
    for (n, given) in before.iter().enumerate().take(12) {
        let browser = crate::Secret::generate();
        // A step up on about a third of the statements, never past the scale.
        let after: BTreeMap<String, RawAnswer> = given
            .iter()
            .map(|(item, value)| {
                let raised = match value {
                    RawAnswer::Number(v) if random.below(3) == 0 => RawAnswer::Number((v + 1.0).min(5.0)),
                    other => other.clone(),
                };
                (item.clone(), raised)
            })
            .collect();
        let opened = questionnaire::open(db, &follow_up_link, Some(&browser)).await?;
        let _ = questionnaire::save(db, &opened, &after, code(n)?.as_ref(), true, today).await?;
    }
    Ok(())
}

/// An implementation landscape for an initiative: every factor assessed four months ago and
/// some of them again since (mostly better), the process questions answered, one of them
/// overdue with the coordinator.
async fn landscape_demo(db: &Db, coordinator: &OrgScope, initiative: i64, random: &mut Lcg) -> StoreResult<()> {
    use parat_core::landscape::{FactorDraft, FactorState, QuestionDraft, QuestionStatus};
    use parat_core::owner::Owner;
    let landscape = crate::landscape::open(db, coordinator, initiative).await?;
    let framework = landscape.framework().clone();
    let states: Vec<i64> = framework.factors().map(|_| random.below(5) as i64 - 2).collect();
    for ((_, factor), state) in framework.factors().zip(&states) {
        let draft = FactorDraft {
            in_focus: *state < 0 && random.below(2) == 0,
            state: FactorState::new(*state).ok(),
            note: if *state < 0 { DEMO_HINDRANCE.into() } else { String::new() },
            follow_up: (*state < 0).then(|| Owner::Member(coordinator.user_id())),
        };
        crate::landscape::save_factor(db, coordinator, &landscape, &factor.key, &draft).await?;
    }
    for (i, (_, question)) in framework.questions().take(6).enumerate() {
        let draft = QuestionDraft {
            answer: DEMO_ANSWER.into(),
            status: if i < 3 { QuestionStatus::Settled } else { QuestionStatus::NotSettled },
            owner: Some(Owner::Member(coordinator.user_id())),
            due_on: None,
        };
        crate::landscape::save_question(db, coordinator, &landscape, &question.key, &draft).await?;
    }
    // What has been recorded so far happened four months ago; then a few factors moved.
    let earlier = crate::now() - 120 * 24 * 3600;
    on_writer!(db, |pool| sqlx::query("UPDATE landscape_changes SET changed_at = $1 WHERE initiative_id = $2")
        .bind(earlier)
        .bind(initiative)
        .execute(pool)
        .await
        .map(|_| ())?);
    for ((_, factor), state) in framework.factors().zip(&states) {
        if random.below(3) != 0 {
            continue;
        }
        let moved = (state + 1 + random.below(2) as i64 - (random.below(4) == 0) as i64 * 2).clamp(-2, 2);
        let draft = FactorDraft {
            in_focus: moved < 0,
            state: FactorState::new(moved).ok(),
            note: if moved < 0 { DEMO_HINDRANCE.into() } else { String::new() },
            follow_up: (moved < 0).then(|| Owner::Member(coordinator.user_id())),
        };
        crate::landscape::save_factor(db, coordinator, &landscape, &factor.key, &draft).await?;
    }
    if let Some((_, question)) = framework.questions().nth(6) {
        let draft = QuestionDraft {
            answer: String::new(),
            status: QuestionStatus::Open,
            owner: Some(Owner::Member(coordinator.user_id())),
            due_on: Some(crate::now_date() + time::Duration::days(14)),
        };
        crate::landscape::save_question(db, coordinator, &landscape, &question.key, &draft).await?;
        // Overdue by now, as the demo's story has it.
        on_writer!(db, |pool| sqlx::query(
            "UPDATE landscape_questions SET due_on = $1 WHERE initiative_id = $2 AND question_key = $3"
        )
        .bind((crate::now_date() - time::Duration::days(7)).to_string())
        .bind(initiative)
        .bind(&question.key)
        .execute(pool)
        .await
        .map(|_| ())?);
    }
    plan_demo(db, coordinator, &landscape).await
}

/// The planning tools beside the landscape: a goal hierarchy, a theory of change with one empty
/// column, stakeholders in every quarter of the grid, three risks, and milestones in each phase,
/// one reached early and one late.
async fn plan_demo(db: &Db, coordinator: &OrgScope, landscape: &crate::landscape::Landscape) -> StoreResult<()> {
    use crate::landscape::{add, ChangeStep, Goal, Milestone, Risk, Stakeholder};
    use parat_core::landscape::goals::{GoalDraft, GoalLevel};
    use parat_core::landscape::plan::{MilestoneDraft, MilestoneStatus, RiskDraft};
    use parat_core::landscape::stakeholders::StakeholderDraft;
    use parat_core::landscape::theory::ChangeStepDraft;
    use parat_core::owner::Owner;
    let me = Some(Owner::Member(coordinator.user_id()));
    let goal = |level, parent, text: &str, measure: &str| GoalDraft {
        level,
        parent,
        text: text.into(),
        measure: measure.into(),
        owner: None,
    };
    let purpose =
        add::<Goal>(db, coordinator, landscape, &goal(GoalLevel::Purpose, None, DEMO_GOALS[0].0, ""), "").await?;
    let mut parent = purpose;
    for (text, measure, level) in &DEMO_GOALS[1..] {
        let under = if *level == GoalLevel::Goal { purpose } else { parent };
        let id = add::<Goal>(db, coordinator, landscape, &goal(*level, Some(under), text, measure), "").await?;
        if *level == GoalLevel::Goal {
            parent = id;
        }
    }
    for (stage, text) in DEMO_THEORY {
        let draft = ChangeStepDraft { stage: *stage, text: (*text).into() };
        add::<ChangeStep>(db, coordinator, landscape, &draft, "").await?;
    }
    for (name, interest, influence, attitude, involvement) in DEMO_STAKEHOLDERS {
        let draft = StakeholderDraft {
            name: (*name).into(),
            interest: *interest,
            influence: *influence,
            attitude: *attitude,
            involvement: (*involvement).into(),
            owner: me.clone(),
        };
        add::<Stakeholder>(db, coordinator, landscape, &draft, "").await?;
    }
    for (what, likelihood, consequence, mitigation) in DEMO_RISKS {
        let draft = RiskDraft {
            what: (*what).into(),
            likelihood: *likelihood,
            consequence: *consequence,
            mitigation: (*mitigation).into(),
            owner: me.clone(),
        };
        add::<Risk>(db, coordinator, landscape, &draft, "").await?;
    }
    let today = crate::now_date();
    let days = |n: i64| today + time::Duration::days(n);
    let milestones = [
        ("Behovet beskrivet för nämnden", "needs", days(-150), Some(days(-160)), MilestoneStatus::Reached),
        ("Införandeteam utsett", "needs", days(-120), Some(days(-118)), MilestoneStatus::Reached),
        ("Grundutbildning för alla team", "introduction", days(-20), None, MilestoneStatus::InProgress),
        ("Första uppföljningen i styrgruppen", "use", days(60), None, MilestoneStatus::Planned),
        ("Metoden i ordinarie budget", "sustainment", days(300), None, MilestoneStatus::Planned),
    ];
    for (name, phase, planned_on, reached_on, status) in milestones {
        let draft = MilestoneDraft {
            name: name.into(),
            phase: Some(phase.into()),
            planned_on,
            reached_on,
            status,
            owner: me.clone(),
        };
        add::<Milestone>(db, coordinator, landscape, &draft, "").await?;
    }
    Ok(())
}

/// The purpose first; each goal followed by its sub-goals.
const DEMO_GOALS: &[(&str, &str, parat_core::landscape::goals::GoalLevel)] = {
    use parat_core::landscape::goals::GoalLevel::{Goal, Purpose, SubGoal};
    &[
        ("De som får stöd möter ett arbetssätt som bygger på kunskap", "", Purpose),
        ("Teamen arbetar enligt metoden", "Fyra av fem team använder metoden i sina ärenden vid årsskiftet.", Goal),
        ("Alla medarbetare har gått grundutbildningen", "Närvarolistorna från utbildningstillfällena.", SubGoal),
        ("Varje team har en metodstödjare", "", SubGoal),
        ("Metoden följs upp och hålls vid liv", "Uppföljningen står på ledningsgruppens dagordning.", Goal),
        ("Uppföljning i ledningsgruppen varje tertial", "", SubGoal),
    ]
};

const DEMO_THEORY: &[(parat_core::landscape::theory::ChangeStage, &str)] = {
    use parat_core::landscape::theory::ChangeStage::{Activity, Assumption, LongTerm, Need, ShortTerm};
    &[
        (Need, "Stödet skiljer sig mellan teamen och når inte alla som behöver det"),
        (Activity, "Grundutbildning för alla team"),
        (Activity, "Handledning varannan vecka"),
        (ShortTerm, "Medarbetarna känner sig säkra i metoden"),
        (LongTerm, "De som får stöd märker skillnad i vardagen"),
        (Assumption, "Cheferna ger tid för utbildning och handledning"),
    ]
};

const DEMO_STAKEHOLDERS: &[(&str, u8, u8, parat_core::landscape::stakeholders::Attitude, &str)] = {
    use parat_core::landscape::stakeholders::Attitude::{Driving, Hesitant, Neutral, Supportive};
    &[
        ("Enhetscheferna", 4, 4, Supportive, "Deltar i arbetsgruppen och planerar tid för utbildning."),
        ("Socialnämnden", 2, 4, Neutral, "Informeras varje tertial; beslutar om fortsatt finansiering."),
        ("De som får stöd och deras anhöriga", 4, 1, Driving, "Tillfrågas i samtal och i en enkät efter tre månader."),
        ("Medarbetarna i teamen", 3, 3, Hesitant, "Arbetsplatsträffar, handledning och gemensam utbildning."),
        ("Samverkanspartner i regionen", 2, 2, Neutral, "Bjuds in till ett avstämningsmöte två gånger per år."),
    ]
};

const DEMO_RISKS: &[(&str, u8, u8, &str)] = &[
    ("Handledarna hinner inte stödja teamen", 4, 4, "Avsätt två timmar i veckan per handledare."),
    ("Projektmedlen tar slut innan metoden är förankrad", 3, 5, "Ta upp fortsatt finansiering i budgetarbetet i vår."),
    ("Samverkanspartnerna prioriterar annat", 2, 3, "Stäm av i ledningsgruppen för samverkan varje tertial."),
];

const DEMO_HINDRANCE: &str = "Framkom i intervjuerna och på arbetsplatsträffen i september.";
const DEMO_ANSWER: &str = "Diskuterat i styrgruppen; se protokollet från senaste mötet.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_plan_has_about_three_hundred_organisations_with_unique_names() {
        let orgs = plan(DemoSize::National);
        assert_eq!(orgs.len(), 290 + 21 + 2, "and the national agency and its consultancy");
        let agency = orgs.len() - 2;
        assert_eq!(orgs[agency].kind, OrgKind::NationalAgency);
        assert!(orgs.iter().filter(|o| o.kind == OrgKind::CountyBoard).all(|o| o.parent == Some(agency)));
        let mut names: Vec<_> = orgs.iter().map(|o| search_key(&o.name)).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), orgs.len());
        assert!(orgs[..agency].iter().all(|o| o.initiatives > 0));
    }
}
