//! The binary's commands, run as a person runs them: `migrate`, `user add`, `setup-link`,
//! `backup` while the server serves, and `demo --no-serve`.

use crate::common;

use std::process::{Command, Output, Stdio};

use common::{Browser, TempDir};
use reqwest::StatusCode;

fn parat(data_dir: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let args: Vec<&str> = ["--data-dir", data_dir].iter().chain(args).copied().collect();
    common::run_parat(&args, stdin)
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[tokio::test]
async fn commands_set_up_accounts_and_back_up_a_running_server() {
    let dir = TempDir::new();
    let data = dir.path.to_str().expect("utf-8").to_owned();

    let migrated = parat(&data, &["migrate"], None);
    assert!(migrated.status.success(), "{}", text(&migrated));
    assert!(dir.path.join("parat.db").exists(), "the database is created in the data folder");

    let link = parat(&data, &["setup-link"], None);
    assert!(text(&link).contains("/setup/"), "{}", text(&link));

    // A bad password is refused with a clear message and a non-zero exit.
    let refused = parat(&data, &["user", "add", "--email", "eva@boras.se", "--name", "Eva"], Some("short\n"));
    assert!(!refused.status.success());
    assert!(text(&refused).contains("password"), "{}", text(&refused));
    let added = parat(
        &data,
        &["user", "add", "--email", "eva@boras.se", "--name", "Eva", "--instance-admin"],
        Some("ett långt lösenord\n"),
    );
    assert!(added.status.success(), "{}", text(&added));
    let after = parat(&data, &["setup-link"], None);
    assert!(text(&after).contains("set up already"), "no setup link once an account exists");

    // Serve, log in as the new account, and back up while the server runs.
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("port").port();
    let bind = format!("127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_parat"))
        .args(["--data-dir", &data, "serve", "--bind", &bind])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let mut up = false;
    for _ in 0..100 {
        if reqwest::get(format!("http://{bind}/healthz")).await.is_ok_and(|r| r.status() == StatusCode::OK) {
            up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(up, "the server answers");
    let browser = Browser::new(format!("http://{bind}"));
    browser.login("eva@boras.se", "ett långt lösenord").await;

    // A new-password link from the command line works once; an unknown address is refused.
    let public_url = format!("http://{bind}");
    let link = parat(&data, &["user", "reset-link", "--email", "Eva@Boras.se", "--public-url", &public_url], None);
    assert!(link.status.success(), "{}", text(&link));
    let url = text(&link).split_whitespace().find(|w| w.starts_with("http")).expect("a link").to_owned();
    let path = url.trim_start_matches(&public_url).to_owned();
    let visitor = Browser::new(public_url.clone());
    let done =
        visitor.post(&path, &[("password", "ett nytt lösenord"), ("password_confirmation", "ett nytt lösenord")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER, "{url}");
    Browser::new(public_url.clone()).login("eva@boras.se", "ett nytt lösenord").await;
    let unknown = parat(&data, &["user", "reset-link", "--email", "ingen@boras.se"], None);
    assert!(!unknown.status.success() && text(&unknown).contains("no account"), "{}", text(&unknown));

    let backup = dir.path.join("backup.db");
    let copied = parat(&data, &["backup", backup.to_str().expect("utf-8")], None);
    assert!(copied.status.success(), "{}", text(&copied));
    let again = parat(&data, &["backup", backup.to_str().expect("utf-8")], None);
    assert!(!again.status.success(), "an existing backup is never overwritten");
    let _ = server.kill();
    let _ = server.wait();

    // The copy is a working database with the account in it.
    let restored = parat(
        backup.parent().and_then(|p| p.to_str()).expect("dir"),
        &["--database-url", &format!("sqlite://{}", backup.display()), "setup-link"],
        None,
    );
    assert!(text(&restored).contains("set up already"), "{}", text(&restored));

    let demo = parat(&data, &["demo", "--no-serve"], None);
    assert!(demo.status.success(), "{}", text(&demo));
    assert!(text(&demo).contains("samordnare@demo.parat.se") && text(&demo).contains("parat-demo-2026"));
    assert!(dir.path.join("demo.db").exists(), "the demo has its own database");
}
