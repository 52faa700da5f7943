//! The store on both backends: every test runs on SQLite and on PostgreSQL.
//!
//! PostgreSQL is used when it answers at `PARAT_TEST_POSTGRES_URL` (default: the local
//! server). With `PARAT_REQUIRE_POSTGRES=1` (as CI sets it) an unreachable server fails the
//! tests instead of leaving PostgreSQL out.

use crate::common;

use common::{Backend, TestDatabase, PASSWORD};
use parat_core::account::{DisplayName, Email, NewPassword};
use parat_core::initiative::{InitiativeInput, InitiativeStatus, TopicArea};
use parat_core::locale::Locale;
use parat_core::organisation::{OrgKind, OrganisationDraft, Role};
use parat_core::Problem;
use parat_store::accounts::{self, NewUser};
use parat_store::initiatives::{self, ListFilter};
use parat_store::{audit, demo, organisations, sessions, ConnectOptions, Db, OrgScope, StoreError};

async fn backends() -> Vec<Backend> {
    use sqlx::Connection;
    let required = std::env::var("PARAT_REQUIRE_POSTGRES").is_ok_and(|v| v == "1");
    let reachable = sqlx::PgConnection::connect(&common::postgres_server_url()).await.is_ok();
    match (reachable, required) {
        (true, _) => vec![Backend::Sqlite, Backend::Postgres],
        (false, true) => {
            panic!("PARAT_REQUIRE_POSTGRES=1 but PostgreSQL does not answer at {}", common::postgres_server_url())
        }
        (false, false) => {
            eprintln!("note: PostgreSQL not reachable; store tests run on SQLite only");
            vec![Backend::Sqlite]
        }
    }
}

/// Runs `test` once per backend on a fresh database.
macro_rules! on_every_backend {
    (|$db:ident, $backend:ident| $body:block) => {
        for $backend in backends().await {
            let database = TestDatabase::new($backend).await;
            let $db = Db::connect(&database.url, &ConnectOptions::default()).await.expect("database opens");
            $body
            $db.close().await;
            database.drop_database().await;
        }
    };
}

async fn user(db: &Db, email: &str, admin: bool) -> i64 {
    let new = NewUser {
        email: Email::parse(email).expect("email"),
        display_name: DisplayName::parse(email.split('@').next().unwrap_or("x")).expect("name"),
        password: NewPassword::parse(PASSWORD).expect("password"),
        locale: Locale::Sv,
    };
    accounts::create_user(db, &new, admin).await.expect("user")
}

async fn org(db: &Db, admin: i64, name: &str) -> i64 {
    organisations::create(
        db,
        admin,
        &OrganisationDraft { name: name.into(), kind: OrgKind::Municipality, parent_id: None },
    )
    .await
    .expect("organisation")
}

/// A scope for `user_id` in `org_id` (they must be a member), through a session as in a request.
async fn scope(db: &Db, user_id: i64, org_id: i64) -> OrgScope {
    let token = sessions::create(db, user_id).await.expect("session");
    sessions::switch_org(db, &token, user_id, org_id).await.expect("member");
    sessions::lookup(db, &token).await.expect("lookup").and_then(|u| u.scope()).expect("scope")
}

fn draft(name: &str) -> parat_core::initiative::InitiativeDraft {
    InitiativeInput { name: name.into(), topic: "integration".into(), ..Default::default() }.parse().expect("valid")
}

#[tokio::test]
async fn records_are_scoped_to_their_organisation() {
    on_every_backend!(|db, backend| {
        let root = user(&db, "root@parat.se", true).await;
        let boras = org(&db, root, "Borås stad").await;
        let lerum = org(&db, root, "Lerums kommun").await;
        let in_boras = scope(&db, root, boras).await;
        let in_lerum = scope(&db, root, lerum).await;

        let created = initiatives::create(&db, &in_boras, &draft("Bara i Borås")).await.expect("created");
        assert!(matches!(initiatives::get(&db, &in_lerum, created.id).await, Err(StoreError::NotFound)), "{backend:?}");
        assert!(matches!(
            initiatives::update(&db, &in_lerum, created.id, &draft("Kapad")).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(initiatives::set_archived(&db, &in_lerum, created.id, true).await, Err(StoreError::NotFound)));
        let listed = initiatives::list(&db, &in_lerum, &ListFilter { include_archived: true, ..Default::default() })
            .await
            .expect("list");
        assert_eq!(listed.total, 0);
        assert_eq!(initiatives::get(&db, &in_boras, created.id).await.expect("own").name, "Bara i Borås");
        assert!(audit::list(&db, &in_lerum, &Default::default())
            .await
            .expect("audit")
            .iter()
            .all(|e| e.entity_id != Some(created.id)));
    });
}

#[tokio::test]
async fn roles_are_enforced_in_the_store_too() {
    on_every_backend!(|db, _backend| {
        let root = user(&db, "root@parat.se", true).await;
        let boras = org(&db, root, "Borås stad").await;
        let viewer = user(&db, "viewer@parat.se", false).await;
        let admin_scope = scope(&db, root, boras).await;
        accounts::add_member(&db, &admin_scope, &Email::parse("viewer@parat.se").expect("email"), Role::Viewer, None)
            .await
            .expect("added");
        let viewing = scope(&db, viewer, boras).await;
        assert!(matches!(initiatives::create(&db, &viewing, &draft("Nej")).await, Err(StoreError::Forbidden)));
        assert!(matches!(audit::list(&db, &viewing, &Default::default()).await, Err(StoreError::Forbidden)));
        assert!(matches!(
            organisations::create(
                &db,
                viewer,
                &OrganisationDraft { name: "X".into(), kind: OrgKind::Other, parent_id: None }
            )
            .await,
            Err(StoreError::Forbidden)
        ));
    });
}

#[tokio::test]
async fn duplicates_are_field_errors_and_failed_changes_leave_nothing_behind() {
    on_every_backend!(|db, _backend| {
        let root = user(&db, "root@parat.se", true).await;
        let again = NewUser {
            email: Email::parse("ROOT@parat.se").expect("email"),
            display_name: DisplayName::parse("Root").expect("name"),
            password: NewPassword::parse(PASSWORD).expect("password"),
            locale: Locale::Sv,
        };
        match accounts::create_user(&db, &again, false).await {
            Err(StoreError::Invalid(errors)) => {
                assert_eq!(errors.get("email"), Some(Problem::Taken))
            }
            other => panic!("expected a field error, got {other:?}"),
        }
        let boras = org(&db, root, "Borås stad").await;
        match organisations::create(
            &db,
            root,
            &OrganisationDraft { name: "BORÅS STAD".into(), kind: OrgKind::Municipality, parent_id: None },
        )
        .await
        {
            Err(StoreError::Invalid(errors)) => {
                assert_eq!(errors.get("name"), Some(Problem::Taken), "names are unique regardless of case")
            }
            other => panic!("expected a field error, got {other:?}"),
        }

        let in_boras = scope(&db, root, boras).await;
        let created = initiatives::create(&db, &in_boras, &draft("Original")).await.expect("created");
        let audit_before = audit::list(&db, &in_boras, &Default::default()).await.expect("audit").len();
        let mut bad = draft("Ändrad");
        bad.partner_ids = vec![boras + 1000];
        assert!(matches!(initiatives::update(&db, &in_boras, created.id, &bad).await, Err(StoreError::Invalid(_))));
        assert_eq!(initiatives::get(&db, &in_boras, created.id).await.expect("get").name, "Original", "rolled back");
        assert_eq!(
            audit::list(&db, &in_boras, &Default::default()).await.expect("audit").len(),
            audit_before,
            "no audit entry for a change that did not happen"
        );
    });
}

#[tokio::test]
async fn search_folds_case_beyond_ascii_and_pages_count_right() {
    on_every_backend!(|db, backend| {
        let root = user(&db, "root@parat.se", true).await;
        let boras = org(&db, root, "Borås stad").await;
        let in_boras = scope(&db, root, boras).await;
        for i in 0..120 {
            let name = if i % 2 == 0 { format!("Ärende {i:03}") } else { format!("Åtgärd {i:03}") };
            initiatives::create(&db, &in_boras, &draft(&name)).await.expect("created");
        }
        let find = |q: &str, page: u32| ListFilter { query: Some(q.into()), page, ..Default::default() };
        assert_eq!(initiatives::list(&db, &in_boras, &find("ärende", 0)).await.expect("list").total, 60, "{backend:?}");
        assert_eq!(initiatives::list(&db, &in_boras, &find("ÅTGÄRD", 0)).await.expect("list").total, 60);
        assert_eq!(initiatives::list(&db, &in_boras, &find("100%", 0)).await.expect("list").total, 0, "% is literal");
        assert_eq!(initiatives::list(&db, &in_boras, &find("_", 0)).await.expect("list").total, 0, "_ is literal");
        let pages: Vec<usize> = futures_pages(&db, &in_boras).await;
        assert_eq!(pages, vec![50, 50, 20, 0]);
        let beyond =
            initiatives::list(&db, &in_boras, &ListFilter { page: 9, ..Default::default() }).await.expect("list");
        assert_eq!((beyond.items.len(), beyond.total), (0, 120));
        let filtered = initiatives::list(
            &db,
            &in_boras,
            &ListFilter {
                topic: Some(TopicArea::Integration),
                status: Some(InitiativeStatus::Planned),
                ..Default::default()
            },
        )
        .await
        .expect("list");
        assert_eq!(filtered.total, 120);
    });
}

async fn futures_pages(db: &Db, scope: &OrgScope) -> Vec<usize> {
    let mut sizes = Vec::new();
    for page in 0..4 {
        let list = initiatives::list(db, scope, &ListFilter { page, ..Default::default() }).await.expect("list");
        assert_eq!(list.total, 120);
        sizes.push(list.items.len());
    }
    sizes
}

#[tokio::test]
async fn sessions_expire_switch_and_end() {
    on_every_backend!(|db, _backend| {
        let root = user(&db, "root@parat.se", true).await;
        let first = org(&db, root, "Alingsås kommun").await;
        let second = org(&db, root, "Borås stad").await;
        let token = sessions::create(&db, root).await.expect("session");
        let user = sessions::lookup(&db, &token).await.expect("lookup").expect("valid");
        assert_eq!(user.current.as_ref().map(|c| c.org_id), Some(first), "first organisation by name");
        assert_eq!(user.membership_count, 2);
        sessions::switch_org(&db, &token, root, second).await.expect("switch");
        assert_eq!(
            sessions::lookup(&db, &token).await.expect("lookup").and_then(|u| u.current).map(|c| c.org_id),
            Some(second)
        );

        // An expired session is gone.
        let old = sessions::create(&db, root).await.expect("session");
        match &db {
            Db::Sqlite { write, .. } => {
                sqlx::query("UPDATE sessions SET expires_at = 0").execute(write).await.expect("expire");
            }
            Db::Postgres(pool) => {
                sqlx::query("UPDATE sessions SET expires_at = 0").execute(pool).await.expect("expire");
            }
        }
        assert!(sessions::lookup(&db, &old).await.expect("lookup").is_none());
        sessions::delete(&db, &token).await.expect("delete");
        assert!(sessions::lookup(&db, &token).await.expect("lookup").is_none());
    });
}

#[tokio::test]
async fn the_setup_token_works_once_and_only_before_any_account() {
    on_every_backend!(|db, _backend| {
        assert!(accounts::needs_setup(&db).await.expect("query"));
        let old = accounts::create_setup_token(&db).await.expect("token");
        let token = accounts::create_setup_token(&db).await.expect("token");
        assert!(!accounts::setup_token_is_valid(&db, &old).await.expect("query"), "a new link replaces the old");
        let first = accounts::FirstAdmin {
            user: NewUser {
                email: Email::parse("first@parat.se").expect("email"),
                display_name: DisplayName::parse("First").expect("name"),
                password: NewPassword::parse(PASSWORD).expect("password"),
                locale: Locale::Da,
            },
            org_name: "Region Syd".into(),
            org_kind: OrgKind::Region,
        };
        let (user_id, org_id) = accounts::complete_setup(&db, &token, &first).await.expect("setup");
        assert!(matches!(accounts::complete_setup(&db, &token, &first).await, Err(StoreError::NotFound)));
        let memberships = organisations::memberships(&db, user_id).await.expect("memberships");
        assert_eq!((memberships[0].organisation.id, memberships[0].role), (org_id, Role::Admin));
        assert_eq!(accounts::authenticate(&db, "FIRST@parat.se", PASSWORD).await.expect("query"), Some(user_id));
        assert_eq!(accounts::authenticate(&db, "first@parat.se", "wrong password").await.expect("query"), None);
        assert_eq!(accounts::authenticate(&db, "nobody@parat.se", PASSWORD).await.expect("query"), None);
    });
}

#[tokio::test]
async fn demo_data_fills_an_empty_database_only() {
    on_every_backend!(|db, _backend| {
        let logins = demo::generate(&db, demo::DemoSize::Small).await.expect("demo");
        assert!(logins.iter().any(|l| l.email == "samordnare@demo.parat.se"));
        let user = accounts::authenticate(&db, "konsult@demo.parat.se", demo::DEMO_PASSWORD)
            .await
            .expect("query")
            .expect("login works");
        assert_eq!(organisations::memberships(&db, user).await.expect("memberships").len(), 3);
        assert!(matches!(demo::generate(&db, demo::DemoSize::Small).await, Err(StoreError::Unsupported(_))));
    });
}

#[tokio::test]
async fn backups_are_consistent_copies_on_sqlite() {
    on_every_backend!(|db, backend| {
        let root = user(&db, "root@parat.se", true).await;
        let dir = common::TempDir::new();
        let target = dir.path.join("backup.db");
        match backend {
            Backend::Sqlite => {
                let boras = org(&db, root, "Borås stad").await;
                let in_boras = scope(&db, root, boras).await;
                initiatives::create(&db, &in_boras, &draft("Säkerhetskopierad")).await.expect("created");
                db.backup(&target).await.expect("backup");
                assert!(matches!(db.backup(&target).await, Err(StoreError::Unsupported(_))), "never overwrites");
                let copy = Db::connect(&format!("sqlite://{}", target.display()), &ConnectOptions::default())
                    .await
                    .expect("backup opens");
                let in_copy = scope(&copy, root, boras).await;
                let list = initiatives::list(&copy, &in_copy, &ListFilter::default()).await.expect("list");
                assert_eq!(list.items[0].name, "Säkerhetskopierad");
                copy.close().await;
            }
            Backend::Postgres => assert!(matches!(db.backup(&target).await, Err(StoreError::Unsupported(_)))),
        }
    });
}

#[tokio::test]
async fn the_previous_assessment_reads_the_same_scores_as_its_own_results() {
    use parat_store::readiness;
    on_every_backend!(|db, backend| {
        demo::generate(&db, demo::DemoSize::Small).await.expect("demo");
        let user = accounts::authenticate(&db, "admin@demo.parat.se", demo::DEMO_PASSWORD)
            .await
            .expect("query")
            .expect("login works");
        let home = organisations::memberships(&db, user).await.expect("memberships")[0].organisation.id;
        let scope = scope(&db, user, home).await;
        // The demo's first initiative has a reported assessment and a newer one being scored.
        let filter = ListFilter { query: Some("Hedersrelaterat".into()), ..Default::default() };
        let initiative = initiatives::list(&db, &scope, &filter).await.expect("list").items[0].id;
        let assessments = readiness::list_for_initiative(&db, &scope, initiative).await.expect("assessments");
        let [newer, older] = assessments.as_slice() else { panic!("two assessments: {assessments:?}") };
        let (newer, _) = readiness::get(&db, &scope, newer.id).await.expect("newer");
        let (older, _) = readiness::get(&db, &scope, older.id).await.expect("older");

        let (id, _, previous) =
            readiness::previous_reported(&db, &scope, &newer).await.expect("query").expect("a previous one");
        assert_eq!(id, older.id, "{backend:?}");
        let (own, incomplete) = readiness::results_input(&db, &scope, &older).await.expect("results");
        assert_eq!(incomplete, 0);
        assert_eq!(Some(previous), own, "{backend:?}: one query for the previous one, another for its own page");
        assert!(readiness::previous_reported(&db, &scope, &older).await.expect("query").is_none(), "nothing before it");

        // The demo's assessments are made by the builder: dated half a year apart, the newer
        // one's last interview submitted by the second scorer only, so its consensus waits for
        // the first and nothing of it is agreed.
        let day = 24 * 3600;
        let now = parat_store::now();
        assert!((now - 181 * day..now - 179 * day).contains(&newer.created_at), "{backend:?}: {}", newer.created_at);
        assert!((now - 361 * day..now - 359 * day).contains(&older.created_at), "{backend:?}: {}", older.created_at);
        assert_eq!(newer.status, parat_core::readiness::assessment::AssessmentStatus::Scoring);
        let (_, interviews) = readiness::overview(&db, &scope, &newer).await.expect("overview");
        let progress: Vec<(i64, i64)> = interviews.iter().map(|v| (v.submissions, v.consensus_dimensions)).collect();
        assert_eq!(progress, [(2, 6), (2, 6), (2, 6), (2, 6), (1, 0)], "{backend:?}");
        let (_, _, last) = readiness::interview_for_change(&db, &scope, interviews[4].id).await.expect("interview");
        let stage = readiness::consensus(&db, &scope, &newer, last).await.expect("consensus");
        assert!(
            matches!(&stage, readiness::ConsensusStage::AwaitingScorers(names) if names == &["Bo Bedömare"]),
            "{backend:?}: {stage:?}"
        );
    });
}

/// The two backends' migrations make the same schema: the same tables, the same columns in
/// each, and the same columns required (types differ by name only: INTEGER and BIGINT).
#[tokio::test]
async fn sqlite_and_postgresql_have_the_same_tables_and_columns() {
    if !backends().await.contains(&Backend::Postgres) {
        return;
    }
    type Columns = std::collections::BTreeSet<(String, String, bool)>;
    let sqlite = TestDatabase::new(Backend::Sqlite).await;
    let postgres = TestDatabase::new(Backend::Postgres).await;
    let lite = Db::connect(&sqlite.url, &ConnectOptions::default()).await.expect("sqlite");
    let pg = Db::connect(&postgres.url, &ConnectOptions::default()).await.expect("postgres");
    let sqlite_columns: Columns = match &lite {
        Db::Sqlite { read, .. } => {
            let rows: Vec<(String, String, i64)> = sqlx::query_as(
                "SELECT m.name, p.name, p.\"notnull\" OR p.pk > 0 FROM sqlite_master m, pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'",
            )
            .fetch_all(read)
            .await
            .expect("sqlite schema");
            rows.into_iter().map(|(t, c, required)| (t, c, required != 0)).collect()
        }
        Db::Postgres(_) => unreachable!("the SQLite database"),
    };
    let postgres_columns: Columns = match &pg {
        Db::Postgres(pool) => {
            let rows: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
            )
            .fetch_all(pool)
            .await
            .expect("postgres schema");
            rows.into_iter().map(|(t, c, nullable)| (t, c, nullable == "NO")).collect()
        }
        Db::Sqlite { .. } => unreachable!("the PostgreSQL database"),
    };
    assert!(sqlite_columns.len() > 50, "{} columns", sqlite_columns.len());
    let only_sqlite: Vec<_> = sqlite_columns.difference(&postgres_columns).collect();
    let only_postgres: Vec<_> = postgres_columns.difference(&sqlite_columns).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "SQLite only: {only_sqlite:?}\nPostgreSQL only: {only_postgres:?}"
    );
    lite.close().await;
    pg.close().await;
    postgres.drop_database().await;
}

/// An assessment made through the store's own functions (the builder tests use), on both
/// backends: its results are the hand-computed ones, a reported assessment refuses changes, and
/// reopening it (logged) lets them in again.
#[tokio::test]
async fn an_assessment_built_through_the_store_reports_closes_and_reopens() {
    use parat_store::readiness::{self, AssessmentBuilder};
    on_every_backend!(|db, backend| {
        let admin = user(&db, "alva@boras.se", true).await;
        let home = org(&db, admin, "Borås stad").await;
        let admin_scope = scope(&db, admin, home).await;
        let mut scorers = Vec::new();
        for email in ["bo@boras.se", "bea@boras.se"] {
            let id = user(&db, email, false).await;
            accounts::add_member(&db, &admin_scope, &Email::parse(email).expect("email"), Role::Scorer, None)
                .await
                .expect("member");
            scorers.push(scope(&db, id, home).await);
        }
        let initiative =
            initiatives::create(&db, &admin_scope, &draft("Våld i nära relationer")).await.expect("initiative");
        let assessment = AssessmentBuilder::new(&admin_scope, [&scorers[0], &scorers[1]], initiative.id)
            .interview([4, 3, 5, 4, 4, 2])
            .interview([4, 3, 5, 4, 4, 2])
            .interview([5, 3, 5, 4, 4, 3])
            .interview([3, 3, 5, 4, 4, 1])
            .reported()
            .build(&db)
            .await
            .expect("built");
        assert_eq!(assessment.status, parat_core::readiness::assessment::AssessmentStatus::Reported, "{backend:?}");
        // By hand: A (4+4+5+3)/4 = 4, B 3, C 5, D 4, E 4, F (2+2+3+1)/4 = 2; overall 22/6 = 3.67.
        let (scores, incomplete) = readiness::results_input(&db, &admin_scope, &assessment).await.expect("results");
        let results = parat_core::readiness::scoring::results(&scores.expect("scores"));
        let dimensions: Vec<f64> = results.dimensions.iter().map(|d| d.result.score.to_f64()).collect();
        assert_eq!((incomplete, dimensions), (0, vec![4.0, 3.0, 5.0, 4.0, 4.0, 2.0]), "{backend:?}");
        assert_eq!((results.overall.stage, (results.overall.score.to_f64() * 100.0).round()), (3, 367.0));

        // Reported means closed; reopening lets changes in.
        let informant = parat_core::readiness::assessment::InformantDraft {
            label: "Sen".into(),
            role: "Rektor".into(),
            sector: "Skola".into(),
            contact: None,
        };
        let refused = readiness::add_informant(&db, &admin_scope, &assessment, &informant).await;
        assert!(matches!(refused, Err(StoreError::Closed)), "{backend:?}");
        assert!(matches!(readiness::reopen(&db, &scorers[0], assessment.id).await, Err(StoreError::Forbidden)));
        let reopened = readiness::reopen(&db, &admin_scope, assessment.id).await.expect("reopened");
        readiness::add_informant(&db, &admin_scope, &reopened, &informant).await.expect("open again");
        let log = audit::list(&db, &admin_scope, &Default::default()).await.expect("audit");
        assert!(log.iter().any(|e| e.action == "reopen" && e.entity_id == Some(assessment.id)), "{backend:?}");
    });
}

/// A cooperation map through the store: scoped to its organisation, actors from the
/// organisation only, attendance making members, each rating source kept apart with the
/// process leader's entry counting, and the map read as a network whose measures are worked
/// out by hand.
#[tokio::test]
async fn a_map_is_kept_per_organisation_and_read_as_a_network() {
    use parat_core::map::inventory::{
        ActorInput, AttendanceInput, AttendanceRole, MapInput, MeetingInput, NeedInput, RatingInput, Source,
    };
    use parat_store::map;
    on_every_backend!(|db, backend| {
        let root = user(&db, "root@parat.se", true).await;
        let boras = org(&db, root, "Borås stad").await;
        let lerum = org(&db, root, "Lerums kommun").await;
        let in_boras = scope(&db, root, boras).await;
        let in_lerum = scope(&db, root, lerum).await;
        let map_draft = MapInput {
            name: "Unga vuxna".into(),
            target_group: "Unga vuxna 18–29 utan egen försörjning".into(),
            starts_on: "2026-09-01".into(),
            ends_on: "2027-08-31".into(),
        }
        .parse()
        .expect("valid");
        let made = map::create(&db, &in_boras, &map_draft).await.expect("map");
        assert!(matches!(map::open(&db, &in_lerum, made.id).await, Err(StoreError::NotFound)), "{backend:?}");
        let other = map::create(&db, &in_lerum, &map_draft).await.expect("Lerum's own map");

        let actor = |organisation: &str, agency: &str| {
            ActorInput { organisation: organisation.into(), agency: agency.into(), ..Default::default() }
                .parse()
                .expect("valid")
        };
        let hub = map::create_actor(&db, &in_boras, &made, &actor("Borås stad", "municipality")).await.expect("hub");
        let af = map::create_actor(&db, &in_boras, &made, &actor("Arbetsförmedlingen", "employment_service"))
            .await
            .expect("af");
        let fk = map::create_actor(&db, &in_boras, &made, &actor("Försäkringskassan", "social_insurance"))
            .await
            .expect("fk");
        let outsider =
            map::create_actor(&db, &in_lerum, &other, &actor("Lerums kommun", "municipality")).await.expect("Lerum's");

        let meeting = |name: &str, per_year: &str, hours: &str| {
            MeetingInput {
                name: name.into(),
                level: "operational".into(),
                per_year: per_year.into(),
                hours: hours.into(),
                ..Default::default()
            }
            .parse()
            .expect("valid")
        };
        let m1 = map::create_meeting(&db, &in_boras, &made, &meeting("Samverkansteam", "12", "1,5"), Source::Entry)
            .await
            .expect("m1");
        let m2 = map::create_meeting(&db, &in_boras, &made, &meeting("Avstämning FK", "4", "2"), Source::Entry)
            .await
            .expect("m2");
        // Another organisation's actor is no choice, and the refused meeting leaves nothing.
        let mut convened = meeting("Fel", "1", "1");
        convened.convener_id = Some(outsider);
        assert!(matches!(
            map::create_meeting(&db, &in_boras, &made, &convened, Source::Entry).await,
            Err(StoreError::Invalid(_))
        ));
        assert_eq!(map::meetings(&db, &made).await.expect("meetings").len(), 2);

        let attend = |actor: i64, role: &str| {
            AttendanceInput { actor_id: actor.to_string(), role: role.into() }.parse().expect("valid")
        };
        for (meeting, actor, role) in [(m1, hub, "chair"), (m1, af, "member"), (m2, hub, "member"), (m2, fk, "invited")]
        {
            map::set_attendance(&db, &in_boras, &made, meeting, &attend(actor, role), Source::Entry)
                .await
                .expect("attends");
        }
        assert!(map::set_attendance(&db, &in_boras, &made, m1, &attend(outsider, "member"), Source::Entry)
            .await
            .is_err());
        map::set_attendance(&db, &in_boras, &made, m2, &attend(fk, "member"), Source::Entry)
            .await
            .expect("role changed");
        let meetings = map::meetings(&db, &made).await.expect("meetings");
        let second = meetings.iter().find(|m| m.id == m2).expect("m2");
        assert_eq!(second.attendance.iter().find(|a| a.actor_id == fk).map(|a| a.role), Some(AttendanceRole::Member));
        assert_eq!(map::members(&db, &made).await.expect("members").len(), 3);

        let need =
            NeedInput { from_actor_id: af.to_string(), to_actor_id: fk.to_string(), about: "Sjukskrivna".into() };
        map::add_need(&db, &in_boras, &made, &need.parse().expect("valid"), Source::Entry).await.expect("need");
        let rating = |actor: i64, useful: &str| {
            RatingInput { actor_id: actor.to_string(), useful_own: useful.into(), ..Default::default() }
                .parse()
                .expect("valid")
        };
        map::rate(&db, &in_boras, &made, m1, &rating(af, "4"), Source::Entry).await.expect("entry");
        map::rate(&db, &in_boras, &made, m1, &rating(af, "1"), Source::Survey).await.expect("survey beside it");
        map::rate(&db, &in_boras, &made, m1, &rating(hub, "2"), Source::Entry).await.expect("hub's");
        assert_eq!(map::ratings(&db, &made).await.expect("ratings").len(), 3, "the survey's answer is kept apart");

        // By hand: af – hub – fk, a path. The hub: degree 2, betweenness 1, hours 12·1.5 + 4·2 =
        // 26; m1's mean usefulness (4 + 2) / 2 = 3 (the process leader's 4, not the survey's 1).
        let input = map::network(&db, &made).await.expect("network");
        let measures = parat_core::map::measures(&input.parse().expect("a valid network")).expect("measures");
        let of = |id: i64| measures.actors.iter().find(|a| a.id == id.to_string()).expect("actor");
        assert_eq!((of(hub).degree, of(hub).betweenness, of(hub).hours_per_year), (2, 1.0, 26.0));
        let first = measures.meetings.iter().find(|m| m.id == m1.to_string()).expect("m1");
        assert_eq!((first.attendees, first.useful_mean, first.person_hours_per_year), (2, Some(3.0), 36.0));
        assert_eq!(measures.unmet_needs.len(), 1, "af and fk share no meeting");

        map::remove_attendance(&db, &in_boras, &made, m1, af).await.expect("no longer attends");
        map::remove_meeting(&db, &in_boras, &made, m2).await.expect("removed");
        let input = map::network(&db, &made).await.expect("network");
        assert_eq!((input.meetings.len(), input.attendance.len(), input.actors.len()), (1, 1, 3));
        let entities: Vec<String> = audit::list(&db, &in_boras, &Default::default())
            .await
            .expect("audit")
            .into_iter()
            .map(|e| e.entity)
            .collect();
        for entity in ["map", "map_actor", "map_meeting", "map_attendance", "map_need", "map_rating"] {
            assert!(entities.iter().any(|e| e == entity), "{entity} in the audit log");
        }
    });
}

/// A map's break points through the store: covered only by the map's own meetings (another
/// map's meeting is a field problem and leaves nothing written), each change raising the map's
/// revision once and leaving an audit entry; the actors covering a point are those attending
/// its meetings; a viewer cannot change them, another organisation cannot see them.
#[tokio::test]
async fn break_points_are_covered_by_the_maps_own_meetings() {
    use std::collections::BTreeSet;

    use parat_core::map::break_points::{Axis, BreakPointInput};
    use parat_core::map::inventory::{ActorInput, AttendanceInput, MapInput, Source};
    use parat_core::map::Agency;
    use parat_store::map;
    on_every_backend!(|db, backend| {
        let root = user(&db, "root@parat.se", true).await;
        let boras = org(&db, root, "Borås stad").await;
        let lerum = org(&db, root, "Lerums kommun").await;
        let in_boras = scope(&db, root, boras).await;
        let in_lerum = scope(&db, root, lerum).await;
        let viewer = user(&db, "viewer@parat.se", false).await;
        accounts::add_member(&db, &in_boras, &Email::parse("viewer@parat.se").expect("email"), Role::Viewer, None)
            .await
            .expect("added");
        let viewing = scope(&db, viewer, boras).await;
        let map_draft = MapInput { name: "Unga vuxna".into(), target_group: "Unga vuxna".into(), ..Default::default() }
            .parse()
            .expect("valid");
        let made = map::create(&db, &in_boras, &map_draft).await.expect("map");
        let second = map::create(&db, &in_boras, &map_draft).await.expect("another of Borås's maps");

        let meeting = monthly_meeting;
        let team =
            map::create_meeting(&db, &in_boras, &made, &meeting("Samverkansteam"), Source::Entry).await.expect("team");
        let network =
            map::create_meeting(&db, &in_boras, &made, &meeting("Nätverksmöte"), Source::Entry).await.expect("network");
        let elsewhere = map::create_meeting(&db, &in_boras, &second, &meeting("Annat möte"), Source::Entry)
            .await
            .expect("the other map's");
        let actor = |organisation: &str, agency: &str| {
            ActorInput { organisation: organisation.into(), agency: agency.into(), ..Default::default() }
                .parse()
                .expect("valid")
        };
        let hub = map::create_actor(&db, &in_boras, &made, &actor("Borås stad", "municipality")).await.expect("hub");
        let af = map::create_actor(&db, &in_boras, &made, &actor("Arbetsförmedlingen", "employment_service"))
            .await
            .expect("af");
        let fk = map::create_actor(&db, &in_boras, &made, &actor("Försäkringskassan", "social_insurance"))
            .await
            .expect("fk");
        let attendance = [(team, hub), (team, af), (network, af), (network, fk)];
        for (meeting, actor) in attendance {
            let input = AttendanceInput { actor_id: actor.to_string(), role: "member".into() };
            map::set_attendance(&db, &in_boras, &made, meeting, &input.parse().expect("valid"), Source::Entry)
                .await
                .expect("attends");
        }

        let point = |axis: &str, at: &str, label: &str, meetings: &[i64]| {
            BreakPointInput {
                axis: axis.into(),
                at_value: at.into(),
                label: label.into(),
                meeting_ids: meetings.iter().map(i64::to_string).collect(),
            }
            .parse()
            .expect("valid")
        };
        let revision = |map: &map::Map| {
            let (db, scope, id) = (&db, &in_boras, map.id);
            async move { map::open(db, scope, id).await.expect("open").revision }
        };
        let start = revision(&made).await;

        // Another map's meeting: a field problem, and neither the point nor any cover is left.
        let forged = point("age", "25", "Ungdomsgarantin upphör", &[team, elsewhere]);
        match map::add_break_point(&db, &in_boras, &made, &forged).await {
            Err(StoreError::Invalid(errors)) => assert_eq!(errors.get("meeting_ids"), Some(Problem::UnknownChoice)),
            other => panic!("{backend:?}: {other:?}"),
        }
        assert!(map::break_points(&db, &made).await.expect("points").is_empty(), "{backend:?}");
        assert_eq!(revision(&made).await, start, "nothing changed");
        let viewed = map::open(&db, &viewing, made.id).await.expect("a viewer reads the map");
        let youth = point("age", "25", "Ungdomsgarantin upphör", &[team]);
        assert!(matches!(map::add_break_point(&db, &viewing, &viewed, &youth).await, Err(StoreError::Forbidden)));
        assert!(matches!(map::open(&db, &in_lerum, made.id).await, Err(StoreError::NotFound)));

        let youth = map::add_break_point(&db, &in_boras, &made, &youth).await.expect("youth");
        let compensation =
            map::add_break_point(&db, &in_boras, &made, &point("age", "29,5", "Aktivitetsersättning", &[]))
                .await
                .expect("compensation");
        let benefit =
            map::add_break_point(&db, &in_boras, &made, &point("months", "12", "Försörjningsstöd", &[network, team]))
                .await
                .expect("benefit");
        assert_eq!(revision(&made).await, start + 3, "{backend:?}: one raise per change");

        let points = map::break_points(&db, &made).await.expect("points");
        let read: Vec<(i64, Axis, f64, Vec<i64>)> =
            points.iter().map(|p| (p.id, p.axis, p.at_value, p.meeting_ids.clone())).collect();
        let mut both = vec![team, network];
        both.sort();
        assert_eq!(
            read,
            [
                (youth, Axis::Age, 25.0, vec![team]),
                (compensation, Axis::Age, 29.5, vec![]),
                (benefit, Axis::Months, 12.0, both)
            ],
            "{backend:?}"
        );
        // Who covers each: worked out from the attendance above, apart from the store.
        let meetings = map::meetings(&db, &made).await.expect("meetings");
        let members = map::members(&db, &made).await.expect("members");
        for point in &points {
            let expected: BTreeSet<i64> =
                attendance.iter().filter(|(m, _)| point.meeting_ids.contains(m)).map(|(_, a)| *a).collect();
            let covering: BTreeSet<i64> =
                map::covering_actors(point, &meetings, &members).iter().map(|a| a.id).collect();
            assert_eq!(covering, expected, "{backend:?}: {}", point.label);
        }
        let by_agency: BTreeSet<(Agency, usize)> = map::covering(&points[2], &meetings, &members).into_iter().collect();
        assert_eq!(
            by_agency,
            BTreeSet::from([(Agency::Municipality, 1), (Agency::EmploymentService, 1), (Agency::SocialInsurance, 1)])
        );

        // A changed cover with another map's meeting is refused and the point stays as it was;
        // then it is changed.
        let moved = point("age", "30", "Aktivitetsersättningen upphör", &[elsewhere]);
        assert!(matches!(
            map::update_break_point(&db, &in_boras, &made, compensation, &moved).await,
            Err(StoreError::Invalid(_))
        ));
        let kept = map::break_points(&db, &made).await.expect("points");
        assert_eq!((kept[1].at_value, kept[1].meeting_ids.len()), (29.5, 0), "{backend:?}");
        let moved = point("age", "30", "Aktivitetsersättningen upphör", &[network]);
        map::update_break_point(&db, &in_boras, &made, compensation, &moved).await.expect("changed");
        let changed = map::break_points(&db, &made).await.expect("points");
        assert_eq!((changed[1].at_value, changed[1].meeting_ids.clone()), (30.0, vec![network]));

        // A meeting removed leaves the cover of every point it covered.
        map::remove_meeting(&db, &in_boras, &made, network).await.expect("removed");
        let after: Vec<Vec<i64>> =
            map::break_points(&db, &made).await.expect("points").into_iter().map(|p| p.meeting_ids).collect();
        assert_eq!(after, [vec![team], vec![], vec![team]], "{backend:?}");

        assert!(matches!(map::remove_break_point(&db, &viewing, &viewed, youth).await, Err(StoreError::Forbidden)));
        assert!(matches!(map::remove_break_point(&db, &in_boras, &second, youth).await, Err(StoreError::NotFound)));
        map::remove_break_point(&db, &in_boras, &made, youth).await.expect("removed");
        assert_eq!(map::break_points(&db, &made).await.expect("points").len(), 2);

        let log = audit::list(&db, &in_boras, &Default::default()).await.expect("audit");
        let mut actions: Vec<&str> =
            log.iter().filter(|e| e.entity == "map_break_point").map(|e| e.action.as_str()).collect();
        actions.sort();
        assert_eq!(actions, ["create", "create", "create", "delete", "update"], "{backend:?}");
    });
}

/// A map's figures are computed in the background after a change and kept in the database: a
/// second handle on the same database (another app server, or the same after a restart) reads
/// them from there — shown by figures altered in the database coming back as they were altered —
/// unless they are of an older revision or unreadable, and then it computes them. Handles asking
/// at once share one computation.
#[tokio::test]
async fn a_maps_figures_are_computed_after_a_change_and_kept_in_the_database() {
    use parat_core::map::inventory::{ActorInput, AttendanceInput, Source};
    use parat_store::map;

    /// The revision and JSON stored for the map, if any.
    async fn stored(db: &Db, map_id: i64) -> Option<(i64, String)> {
        let sql = "SELECT revision, figures FROM map_figures WHERE map_id = $1";
        match db {
            Db::Sqlite { read, .. } => sqlx::query_as(sql).bind(map_id).fetch_optional(read).await,
            Db::Postgres(pool) => sqlx::query_as(sql).bind(map_id).fetch_optional(pool).await,
        }
        .expect("map_figures")
    }
    async fn overwrite(db: &Db, map_id: i64, revision: i64, json: &str) {
        let sql = "UPDATE map_figures SET revision = $1, figures = $2 WHERE map_id = $3";
        let done = match db {
            Db::Sqlite { write, .. } => {
                sqlx::query(sql).bind(revision).bind(json).bind(map_id).execute(write).await.map(|r| r.rows_affected())
            }
            Db::Postgres(pool) => {
                sqlx::query(sql).bind(revision).bind(json).bind(map_id).execute(pool).await.map(|r| r.rows_affected())
            }
        };
        assert_eq!(done.expect("overwritten"), 1);
    }
    async fn density_seen_by_a_new_handle(url: &str, scope: &OrgScope, map_id: i64) -> f64 {
        let fresh = Db::connect(url, &ConnectOptions::default()).await.expect("another handle");
        let map = map::open(&fresh, scope, map_id).await.expect("map");
        let density = map::figures(&fresh, &map).await.expect("figures").measures.network.density;
        fresh.close().await;
        density
    }

    for backend in backends().await {
        let database = TestDatabase::new(backend).await;
        let db = Db::connect(&database.url, &ConnectOptions::default()).await.expect("database opens");
        let root = user(&db, "root@parat.se", true).await;
        let boras = org(&db, root, "Borås stad").await;
        let in_boras = scope(&db, root, boras).await;
        let map_draft = parat_core::map::inventory::MapInput {
            name: "Unga vuxna".into(),
            target_group: "Unga vuxna utan egen försörjning".into(),
            ..Default::default()
        }
        .parse()
        .expect("valid");
        let made = map::create(&db, &in_boras, &map_draft).await.expect("map");
        let actor = |organisation: &str, agency: &str| {
            ActorInput { organisation: organisation.into(), agency: agency.into(), ..Default::default() }
                .parse()
                .expect("valid")
        };
        let mut actors = Vec::new();
        for (name, agency) in
            [("Borås stad", "municipality"), ("Arbetsförmedlingen", "employment_service"), ("FK", "social_insurance")]
        {
            actors.push(map::create_actor(&db, &in_boras, &made, &actor(name, agency)).await.expect("actor"));
        }
        // The hub meets each of the others in a meeting of its own: a path of three actors, two
        // ties of three possible, density 2/3.
        for (name, other) in [("Samverkansteam", actors[1]), ("Avstämning FK", actors[2])] {
            let draft = monthly_meeting(name);
            let meeting = map::create_meeting(&db, &in_boras, &made, &draft, Source::Entry).await.expect("meeting");
            for attendee in [actors[0], other] {
                let attends =
                    AttendanceInput { actor_id: attendee.to_string(), role: "member".into() }.parse().expect("valid");
                map::set_attendance(&db, &in_boras, &made, meeting, &attends, Source::Entry).await.expect("attends");
            }
        }
        let current = map::open(&db, &in_boras, made.id).await.expect("map").revision;

        // Nobody has viewed the map: the last change's background computation stores its figures.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let json = loop {
            match stored(&db, made.id).await {
                Some((revision, json)) if revision == current => break json,
                _ if std::time::Instant::now() > deadline => panic!("{backend:?}: no figures stored for {current}"),
                _ => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
            }
        };
        let mut figures: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(figures["measures"]["network"]["density"], serde_json::json!(2.0 / 3.0), "{backend:?}");
        assert_eq!(density_seen_by_a_new_handle(&database.url, &in_boras, made.id).await, 2.0 / 3.0);

        // Read from the database, not computed: an altered figure comes back altered…
        figures["measures"]["network"]["density"] = serde_json::json!(0.25);
        overwrite(&db, made.id, current, &figures.to_string()).await;
        assert_eq!(density_seen_by_a_new_handle(&database.url, &in_boras, made.id).await, 0.25, "{backend:?}");
        // …but not when it is of an older revision, nor when it cannot be read.
        overwrite(&db, made.id, current - 1, &figures.to_string()).await;
        assert_eq!(density_seen_by_a_new_handle(&database.url, &in_boras, made.id).await, 2.0 / 3.0, "{backend:?}");
        overwrite(&db, made.id, current, "{\"measures\": 1}").await;
        assert_eq!(density_seen_by_a_new_handle(&database.url, &in_boras, made.id).await, 2.0 / 3.0, "{backend:?}");
        assert!(stored(&db, made.id).await.is_some_and(|(r, json)| r == current && json.contains("unmet_needs")));

        // Four views at once on a handle that has kept nothing: one computation, shared.
        overwrite(&db, made.id, current - 1, "{}").await;
        let fresh = Db::connect(&database.url, &ConnectOptions::default()).await.expect("another handle");
        let map = map::open(&fresh, &in_boras, made.id).await.expect("map");
        let (a, b, c, d) = tokio::join!(
            map::figures(&fresh, &map),
            map::figures(&fresh, &map),
            map::figures(&fresh, &map),
            map::figures(&fresh, &map)
        );
        let (a, b, c, d) = (a.expect("a"), b.expect("b"), c.expect("c"), d.expect("d"));
        assert!(std::sync::Arc::ptr_eq(&a, &b) && std::sync::Arc::ptr_eq(&a, &c) && std::sync::Arc::ptr_eq(&a, &d));
        assert_eq!(a.measures.network.density, 2.0 / 3.0);
        fresh.close().await;

        db.close().await;
        database.drop_database().await;
    }
}

/// An operational meeting of an hour a month.
fn monthly_meeting(name: &str) -> parat_core::map::inventory::MeetingDraft {
    parat_core::map::inventory::MeetingInput {
        name: name.into(),
        level: "operational".into(),
        per_year: "12".into(),
        hours: "1".into(),
        ..Default::default()
    }
    .parse()
    .expect("valid")
}

/// A count from the database, read directly (not through the store under test).
async fn count(db: &Db, sql: &str) -> i64 {
    let (n,): (i64,) = match db {
        Db::Sqlite { read, .. } => sqlx::query_as(sql).fetch_one(read).await,
        Db::Postgres(pool) => sqlx::query_as(sql).fetch_one(pool).await,
    }
    .expect(sql);
    n
}

#[tokio::test]
async fn participants_are_seen_only_by_who_works_with_them_and_leave_nothing_when_erased() {
    use parat_core::outcomes::settings::OrganisationSettings;
    use parat_core::outcomes::{EndReason, Marks, Ratings, Settings, Tenths};
    use parat_core::participant::ParticipantInput;
    use parat_store::outcomes::{self, EpisodeDraft, SessionDraft, SessionSource};
    use parat_store::participants;
    use time::macros::date;

    let today = date!(2026 - 12 - 04);
    let marks =
        |values: [&str; 4]| Marks::items(&values.map(|v| Tenths::from_text(v).expect("tenths"))).expect("on the line");
    let participant =
        |code: &str| ParticipantInput { code: code.into(), age_group: "adult".into(), ..Default::default() };
    on_every_backend!(|db, _backend| {
        let root = user(&db, "root@parat.se", true).await;
        let boras = org(&db, root, "Borås stad").await;
        let admin = scope(&db, root, boras).await;
        let mut people = Vec::new();
        for (email, role) in [
            ("pia@boras.se", Role::Practitioner),
            ("per@boras.se", Role::Practitioner),
            ("mona@boras.se", Role::Coordinator),
            ("vera@boras.se", Role::Viewer),
        ] {
            let id = user(&db, email, false).await;
            accounts::add_member(&db, &admin, &Email::parse(email).expect("email"), role, None).await.expect("member");
            people.push((id, scope(&db, id, boras).await));
        }
        let [(pia_id, pia), (per_id, per), (mona_id, mona), (_, vera)] = <[_; 4]>::try_from(people).expect("four");
        let adults = outcomes::create_unit(&db, &admin, "Vuxenenheten").await.expect("unit");
        let youth = outcomes::create_unit(&db, &admin, "Ungdomsenheten").await.expect("unit");
        outcomes::set_unit_member(&db, &admin, adults, pia_id, false).await.expect("placed");
        outcomes::set_unit_member(&db, &admin, adults, mona_id, true).await.expect("placed");
        outcomes::set_unit_member(&db, &admin, youth, per_id, false).await.expect("placed");

        // Codes only, until the organisation records names.
        let named = ParticipantInput { name: "Anna A".into(), consent_on: "2026-11-01".into(), ..participant("D-002") };
        let refused = participants::create(&db, &pia, &named.parse(true, today).expect("parses")).await;
        assert!(matches!(refused, Err(StoreError::Invalid(e)) if e.get("name") == Some(Problem::NamesNotRecorded)));
        let d1 = participants::create(&db, &pia, &participant("D-001").parse(false, today).expect("valid"))
            .await
            .expect("created");
        let taken = participants::create(&db, &per, &participant("D-001").parse(false, today).expect("valid")).await;
        assert!(matches!(taken, Err(StoreError::Invalid(e)) if e.get("code") == Some(Problem::Taken)));
        let draft = EpisodeDraft {
            participant_id: d1,
            unit_id: adults,
            practitioner_id: pia_id,
            initiative_id: None,
            starts_on: date!(2026 - 03 - 02),
        };
        let episode = outcomes::open_episode(&db, &pia, &draft, today).await.expect("opened");

        // Who sees the participant: the practitioner and the unit's manager; not a practitioner
        // of another unit, not a viewer. Reports of the unit are for every member.
        assert_eq!(participants::open(&db, &mona, d1).await.expect("manager").code, "D-001");
        for outsider in [&per, &vera] {
            assert!(matches!(participants::open(&db, outsider, d1).await, Err(StoreError::NotFound)));
            assert!(participants::list(&db, outsider).await.expect("list").is_empty());
            assert!(matches!(outcomes::sessions_of(&db, outsider, episode).await, Err(StoreError::NotFound)));
        }
        let stolen = EpisodeDraft { practitioner_id: per_id, unit_id: youth, ..draft.clone() };
        assert!(matches!(outcomes::open_episode(&db, &per, &stolen, today).await, Err(StoreError::NotFound)));

        // Sessions: exact marks back, a total from paper, one session for a form sent twice,
        // dates outside the episode or in the future refused.
        let both = Ratings::new(Some(marks(["4.5", "5", "6.1", "4.4"])), Some(marks(["9", "9.5", "8.9", "10"])))
            .expect("rated");
        let tablet = SessionDraft {
            held_on: date!(2026 - 03 - 02),
            group_session: false,
            ratings: both.clone(),
            source: SessionSource::Tablet,
            submission: Some("form-1".into()),
        };
        let (first, new) = outcomes::record_session(&db, &pia, episode, &tablet, today).await.expect("recorded");
        let (again, again_new) = outcomes::record_session(&db, &pia, episode, &tablet, today).await.expect("same form");
        assert_eq!((first, new, again_new), (again, true, false));
        let paper = Ratings::new(Some(Marks::total_only(Tenths::from_text("26,5").expect("t")).expect("total")), None)
            .expect("rated");
        let from_paper = SessionDraft {
            held_on: date!(2026 - 04 - 06),
            ratings: paper.clone(),
            source: SessionSource::Paper,
            submission: None,
            ..tablet.clone()
        };
        outcomes::record_session(&db, &mona, episode, &from_paper, today).await.expect("the manager enters paper");
        for held_on in [date!(2026 - 03 - 01), date!(2026 - 12 - 05)] {
            let early = SessionDraft { held_on, submission: None, ..tablet.clone() };
            assert!(matches!(
                outcomes::record_session(&db, &pia, episode, &early, today).await,
                Err(StoreError::Invalid(_))
            ));
        }
        let read = outcomes::sessions_of(&db, &pia, episode).await.expect("sessions");
        assert_eq!(read.iter().map(|s| s.ratings.clone()).collect::<Vec<_>>(), vec![both, paper]);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM outcome_sessions").await, 2);

        // An end before the last session is refused; then the episode closes.
        let early_end =
            outcomes::close_episode(&db, &pia, episode, date!(2026 - 04 - 01), EndReason::Planned, today).await;
        assert!(matches!(early_end, Err(StoreError::Invalid(_))));
        outcomes::close_episode(&db, &pia, episode, date!(2026 - 05 - 04), EndReason::Planned, today)
            .await
            .expect("closed");
        let records = outcomes::unit_records(&db, &vera, adults).await.expect("the unit's report");
        assert_eq!(records.episodes.len(), 1);
        assert_eq!(records.episodes[0].2.len(), 2);

        // Every read and change is in the audit log, without the name.
        assert!(
            count(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity = 'participant'").await >= 1
        );
        assert!(
            count(&db, "SELECT COUNT(*) FROM audit_log WHERE entity = 'outcome_session' AND action = 'create'").await
                == 2
        );

        // Names where the organisation records them, with consent; never in the audit log.
        let settings =
            OrganisationSettings { settings: Settings::default(), names_allowed: true, retention_months: Some(12) };
        outcomes::save_settings(&db, &admin, &settings).await.expect("settings");
        let d2 = participants::create(&db, &pia, &named.parse(true, today).expect("parses")).await.expect("named");
        assert_eq!(participants::open(&db, &pia, d2).await.expect("own").name.as_deref(), Some("Anna A"));
        assert_eq!(
            count(&db, "SELECT COUNT(*) FROM audit_log WHERE before LIKE '%Anna%' OR after LIKE '%Anna%'").await,
            0
        );

        // Erasure: administrators only, and nothing is left.
        assert!(matches!(participants::erase(&db, &pia, d1).await, Err(StoreError::Forbidden)));
        participants::erase(&db, &admin, d1).await.expect("erased");
        for table in ["outcome_sessions", "outcome_episodes"] {
            assert_eq!(count(&db, &format!("SELECT COUNT(*) FROM {table}")).await, 0, "{table}");
        }
        assert_eq!(count(&db, "SELECT COUNT(*) FROM participants").await, 1, "only D-002");
        assert_eq!(
            count(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'erase' AND entity = 'participant'").await,
            1
        );

        // Retention, 12 months: gone when every episode ended more than a year ago; an open
        // episode or a recent end keeps the participant. A second run erases nothing more.
        let mut kept_or_not = Vec::new();
        for (code, starts_on, ended) in [
            ("R-old", date!(2025 - 01 - 07), Some(date!(2025 - 12 - 03))),
            ("R-recent", date!(2025 - 01 - 07), Some(date!(2025 - 12 - 04))),
            ("R-open", date!(2024 - 01 - 08), None),
        ] {
            let id = participants::create(&db, &pia, &participant(code).parse(false, today).expect("valid"))
                .await
                .expect("created");
            let draft = EpisodeDraft { participant_id: id, starts_on, ..draft.clone() };
            let episode = outcomes::open_episode(&db, &pia, &draft, today).await.expect("opened");
            if let Some(end) = ended {
                outcomes::close_episode(&db, &pia, episode, end, EndReason::StoppedComing, today)
                    .await
                    .expect("closed");
            }
            kept_or_not.push(id);
        }
        assert_eq!(participants::erase_expired(&db, today).await.expect("swept"), 1);
        assert_eq!(participants::erase_expired(&db, today).await.expect("swept again"), 0);
        assert!(matches!(participants::open(&db, &admin, kept_or_not[0]).await, Err(StoreError::NotFound)));
        for id in &kept_or_not[1..] {
            assert!(participants::open(&db, &admin, *id).await.is_ok());
        }
    });
}
