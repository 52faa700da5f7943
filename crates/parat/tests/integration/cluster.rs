//! Several app servers on one PostgreSQL database: a person logged in through one is logged
//! in on the others, and their changes are seen everywhere. Needs PostgreSQL; with
//! `PARAT_REQUIRE_POSTGRES=1` a missing server fails the test instead of skipping it.

use crate::common;

use common::{location, Backend, TestApp, TestDatabase, PASSWORD};
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;

#[tokio::test]
async fn two_instances_share_sessions_and_data_through_postgresql() {
    use sqlx::Connection;
    if sqlx::PgConnection::connect(&common::postgres_server_url()).await.is_err() {
        assert_ne!(
            std::env::var("PARAT_REQUIRE_POSTGRES").as_deref(),
            Ok("1"),
            "PostgreSQL is required but does not answer"
        );
        eprintln!("note: PostgreSQL not reachable; the two-instance test did not run");
        return;
    }
    let database = TestDatabase::new(Backend::Postgres).await;
    let url = database.url.clone();
    let first = TestApp::spawn_on(database).await;
    let second = TestApp::spawn_on(TestDatabase::existing(url)).await;
    assert_ne!(first.server.address, second.server.address);

    let org = first.organisation("Borås stad", OrgKind::Municipality, None).await;
    first.user("sara@boras.se", "Sara").await;
    first.member(org, "sara@boras.se", Role::Coordinator).await;

    // Log in and write through the first instance…
    let via_first = first.browser();
    via_first.login("sara@boras.se", PASSWORD).await;
    let response = via_first.post("/initiatives", &[("name", "Skapad via första"), ("topic", "integration")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // …then the same browser reaches the second: still logged in, and it sees the data.
    let via_second = via_first.at(second.url(""));
    let (status, page) = via_second.page("/initiatives").await;
    assert_eq!(status, StatusCode::OK, "logged in on the second instance");
    assert!(page.contains("Skapad via första"));

    // Logging out on the second ends the session on the first too.
    assert_eq!(via_second.post("/logout", &[]).await.status(), StatusCode::SEE_OTHER);
    assert!(location(&via_first.get("/initiatives").await).starts_with("/login"));

    second.server.stop().await.expect("stop");
    first.stop().await;
}
