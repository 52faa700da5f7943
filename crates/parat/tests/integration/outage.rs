//! A database outage survived: Parat on a private PostgreSQL cluster (initdb in a temporary
//! folder, its own port), the database killed under a load of writers, every request answered
//! quickly with a clear 503 while it is down, service back by itself within 5 s of the database,
//! and every write Parat acknowledged still there. Needs PostgreSQL's server binaries
//! (`/usr/lib/postgresql/*/bin`); with `PARAT_REQUIRE_POSTGRES=1` (as CI sets it) their absence
//! fails the test instead of skipping it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common;

use common::{TempDir, TestApp, TestDatabase};
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;

/// The longest a request may take while the database is down: the pool's wait for a
/// connection, plus slack for a slow machine.
const FAIL_FAST: Duration = Duration::from_secs(8);
/// How soon Parat must serve again once the database is back.
const RECOVERY: Duration = Duration::from_secs(5);

/// PostgreSQL's server binaries, newest version first.
fn postgres_bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    versions.sort();
    versions.pop()
}

/// A PostgreSQL cluster of the test's own, in a temporary folder; stopped on drop.
struct PrivateCluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    _dir: TempDir,
}

impl PrivateCluster {
    fn create(bin: PathBuf) -> PrivateCluster {
        let dir = TempDir::new();
        let data = dir.path.join("data");
        let port = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
            listener.local_addr().expect("address").port()
        };
        // PostgreSQL refuses to run as root; as root (CI), the cluster belongs to `postgres`.
        if is_root() {
            run(Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir.path));
        }
        let cluster = PrivateCluster { bin, data, port, _dir: dir };
        run(&mut cluster.command("initdb", &["-D", path(&cluster.data), "-A", "trust", "-U", "postgres", "--no-sync"]));
        cluster.start();
        cluster
    }

    fn command(&self, tool: &str, args: &[&str]) -> Command {
        let program = self.bin.join(tool);
        let mut command = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        command.args(args);
        command
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn start(&self) {
        let options = format!("-p {} -k {} -c listen_addresses=127.0.0.1", self.port, path(&self.data));
        let log = self.data.join("server.log");
        run(&mut self.command("pg_ctl", &["start", "-w", "-D", path(&self.data), "-l", path(&log), "-o", &options]));
    }

    /// Stops the server the hard way, as a crash or a killed container would.
    fn kill(&self) {
        run(&mut self.command("pg_ctl", &["stop", "-m", "immediate", "-D", path(&self.data)]));
    }
}

impl Drop for PrivateCluster {
    fn drop(&mut self) {
        let _ = self.command("pg_ctl", &["stop", "-m", "immediate", "-D", path(&self.data)]).output();
    }
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn run(command: &mut Command) {
    let output = command.output().expect("command runs");
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// What the writers saw.
#[derive(Default)]
struct Observed {
    acknowledged: Vec<String>,
    unavailable: usize,
    slowest_failure: Duration,
    unexpected: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_database_outage_gets_quick_503s_recovers_by_itself_and_loses_no_acknowledged_write() {
    let Some(bin) = postgres_bin_dir() else {
        assert_ne!(
            std::env::var("PARAT_REQUIRE_POSTGRES").as_deref(),
            Ok("1"),
            "PostgreSQL's server binaries are required (apt-get install postgresql)"
        );
        eprintln!("note: no PostgreSQL server binaries; the outage test did not run");
        return;
    };
    let cluster = PrivateCluster::create(bin);
    let app = TestApp::spawn_on(TestDatabase::existing(cluster.url())).await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let browser = app.logged_in(org, "sara@boras.se", "Sara", Role::Coordinator).await;
    let token = browser.api_token("last").await;

    // Eight writers create initiatives over the API for as long as `running` is set.
    let observed = Arc::new(Mutex::new(Observed::default()));
    let running = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let mut writers = tokio::task::JoinSet::new();
    for writer in 0..8 {
        let (observed, running, token) = (observed.clone(), running.clone(), token.clone());
        let url = app.url("/api/v1/initiatives");
        writers.spawn(async move {
            let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().expect("client");
            let mut n = 0;
            while running.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                let name = format!("Insats {writer}-{n}");
                let started = Instant::now();
                let sent = client
                    .post(&url)
                    .bearer_auth(&token)
                    .json(&serde_json::json!({"name": name, "topic": "integration"}))
                    .send()
                    .await;
                let took = started.elapsed();
                {
                    let mut seen = observed.lock().expect("lock");
                    match sent.map(|r| r.status()) {
                        Ok(StatusCode::CREATED) => seen.acknowledged.push(name),
                        Ok(StatusCode::SERVICE_UNAVAILABLE) => {
                            seen.unavailable += 1;
                            seen.slowest_failure = seen.slowest_failure.max(took);
                        }
                        other => seen.unexpected.push(format!("{other:?} after {took:?}")),
                    }
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        });
    }

    tokio::time::sleep(Duration::from_millis(800)).await;
    let before_outage = observed.lock().expect("lock").acknowledged.len();
    assert!(before_outage > 0, "the writers write while the database is up");
    cluster.kill();

    // While it is down: pages, the API and the health check answer 503, quickly and clearly.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let started = Instant::now();
    let (status, body) = browser.page("/initiatives").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("Tillfälligt otillgänglig") && body.contains("<html"), "a page that says why: {body}");
    assert!(started.elapsed() < FAIL_FAST, "the page took {:?}", started.elapsed());
    let api =
        reqwest::Client::new().get(app.url("/api/v1/organisations")).bearer_auth(&token).send().await.expect("api");
    assert_eq!(api.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(api.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("5"));
    let error: serde_json::Value = api.json().await.expect("a JSON error");
    assert_eq!(error["error"]["code"], "unavailable");
    assert_eq!(browser.page("/healthz").await.0, StatusCode::SERVICE_UNAVAILABLE);
    tokio::time::sleep(Duration::from_secs(2)).await;

    // The database comes back; Parat serves again by itself.
    cluster.start();
    let back = Instant::now();
    loop {
        let api = reqwest::Client::new().get(app.url("/api/v1/organisations")).bearer_auth(&token).send().await;
        if api.is_ok_and(|r| r.status() == StatusCode::OK) && browser.page("/healthz").await.0 == StatusCode::OK {
            break;
        }
        assert!(back.elapsed() < RECOVERY, "Parat did not serve again within {RECOVERY:?} of the database");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let acknowledged_at_recovery = observed.lock().expect("lock").acknowledged.len();
    tokio::time::sleep(Duration::from_secs(1)).await;
    running.store(false, std::sync::atomic::Ordering::Relaxed);
    writers.join_all().await;

    let seen = std::mem::take(&mut *observed.lock().expect("lock"));
    assert!(seen.unexpected.is_empty(), "only 201 or 503: {:?}", seen.unexpected);
    assert!(seen.unavailable > 0, "the outage was felt");
    assert!(seen.slowest_failure < FAIL_FAST, "a request hung for {:?}", seen.slowest_failure);
    assert!(seen.acknowledged.len() > acknowledged_at_recovery, "writes go through again after recovery");

    // Every write Parat acknowledged is there, the ones just before the crash included.
    use sqlx::Connection;
    let mut connection = sqlx::PgConnection::connect(&cluster.url()).await.expect("database back");
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT name FROM initiatives").fetch_all(&mut connection).await.expect("names");
    let stored: std::collections::HashSet<String> = stored.into_iter().collect();
    let lost: Vec<&String> = seen.acknowledged.iter().filter(|name| !stored.contains(*name)).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    eprintln!(
        "outage: {} writes acknowledged ({before_outage} before the crash), {} answered 503, slowest {:?}",
        seen.acknowledged.len(),
        seen.unavailable,
        seen.slowest_failure
    );
    connection.close().await.expect("close");
    app.stop().await;
}
