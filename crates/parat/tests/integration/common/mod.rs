//! The test harness: a real Parat server on a random port with a fresh database, and an HTTP
//! client with its own cookie jar, like one browser.
//!
//! The backend is SQLite in a temporary folder, or PostgreSQL (a new database per test) when
//! `PARAT_TEST_BACKEND=postgres`; `PARAT_TEST_POSTGRES_URL` points at the server
//! (default `postgres://postgres@127.0.0.1:5432/postgres`).

#![allow(dead_code)]

use std::path::PathBuf;

use parat::config::{Config, LogFormat};
use parat::server::{self, RunningServer};
use parat_core::account::{DisplayName, Email, NewPassword};
use parat_core::locale::Locale;
use parat_core::organisation::{OrgKind, OrganisationDraft, Role};
use parat_store::accounts::{self, NewUser};
use parat_store::{organisations, sessions, ConnectOptions, Db, OrgScope};
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};

pub const PASSWORD: &str = "correct horse battery";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_env() -> Backend {
        match std::env::var("PARAT_TEST_BACKEND").as_deref() {
            Ok("postgres") => Backend::Postgres,
            _ => Backend::Sqlite,
        }
    }
}

/// Where a test's database lives; removed when the test ends.
pub struct TestDatabase {
    pub url: String,
    _dir: Option<TempDir>,
    postgres_name: Option<String>,
}

pub fn postgres_server_url() -> String {
    std::env::var("PARAT_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn unique_name() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    format!("{}_{}_{}", std::process::id(), nanos % 1_000_000_000, COUNTER.fetch_add(1, Ordering::Relaxed))
}

impl TestDatabase {
    pub async fn new(backend: Backend) -> TestDatabase {
        match backend {
            Backend::Sqlite => {
                let dir = TempDir::new();
                let url = format!("sqlite://{}", dir.path.join("parat.db").display());
                TestDatabase { url, _dir: Some(dir), postgres_name: None }
            }
            Backend::Postgres => {
                use sqlx::Connection;
                let server = postgres_server_url();
                let name = format!("parat_test_{}", unique_name());
                let mut admin =
                    sqlx::PgConnection::connect(&server).await.expect("PostgreSQL reachable (PARAT_TEST_POSTGRES_URL)");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .await
                    .expect("create test database");
                let base = server.rsplit_once('/').map(|(base, _)| base.to_owned()).unwrap_or(server.clone());
                TestDatabase { url: format!("{base}/{name}"), _dir: None, postgres_name: Some(name) }
            }
        }
    }

    /// A database someone else made (its files stay).
    pub fn existing(url: String) -> TestDatabase {
        TestDatabase { url, _dir: None, postgres_name: None }
    }

    /// Drops a PostgreSQL test database (SQLite folders go with their `TempDir`).
    pub async fn drop_database(&self) {
        use sqlx::Connection;
        if let Some(name) = &self.postgres_name {
            if let Ok(mut admin) = sqlx::PgConnection::connect(&postgres_server_url()).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut admin).await;
            }
        }
    }
}

/// A temporary folder removed on drop.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    pub fn new() -> TempDir {
        let path = std::env::temp_dir().join(format!("parat-test-{}", unique_name()));
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

pub fn config(database_url: &str) -> Config {
    Config {
        bind: "127.0.0.1:0".into(),
        database_url: database_url.into(),
        public_url: "http://127.0.0.1".into(),
        trust_forwarded_for: false,
        max_connections: 4,
        max_body_bytes: 256 * 1024,
        log_format: LogFormat::Text,
        mail: None,
        answers_per_minute: parat_web::rate::DEFAULT_ANSWERS_PER_MINUTE,
        figures_wait: parat_store::map::DEFAULT_FIGURES_WAIT,
    }
}

/// A running server on a fresh database.
pub struct TestApp {
    pub server: RunningServer,
    pub db: Db,
    pub database: TestDatabase,
    pub config: Config,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        let database = TestDatabase::new(Backend::from_env()).await;
        TestApp::spawn_on(database).await
    }

    pub async fn spawn_on(database: TestDatabase) -> TestApp {
        let config = config(&database.url);
        TestApp::spawn_with(database, config).await
    }

    pub async fn spawn_with(database: TestDatabase, config: Config) -> TestApp {
        let db = Db::connect(&database.url, &ConnectOptions { max_connections: 4 }).await.expect("database opens");
        let server = server::start(&config, db.clone()).await.expect("server starts");
        TestApp { server, db, database, config }
    }

    /// The server stopped and started again on the same database, as after a deployment.
    pub async fn restart(self) -> TestApp {
        let TestApp { server, database, config, .. } = self;
        server.stop().await.expect("server stops");
        TestApp::spawn_with(database, config).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.server.address)
    }

    pub fn browser(&self) -> Browser {
        Browser::new(self.url(""))
    }

    /// Runs one statement with one text parameter on whichever backend the test uses — for what
    /// only time passing or another process would do; returns the rows it changed.
    pub async fn execute(&self, sql: &str, bind: &str) -> u64 {
        let done = match &self.db {
            parat_store::Db::Sqlite { write, .. } => {
                sqlx::query(sql).bind(bind).execute(write).await.map(|r| r.rows_affected())
            }
            parat_store::Db::Postgres(pool) => {
                sqlx::query(sql).bind(bind).execute(pool).await.map(|r| r.rows_affected())
            }
        };
        done.expect("statement")
    }

    /// The text the query's first row holds in its first column, if there is a row.
    pub async fn text(&self, sql: &str) -> Option<String> {
        let row: Option<(String,)> = match &self.db {
            parat_store::Db::Sqlite { write, .. } => sqlx::query_as(sql).fetch_optional(write).await,
            parat_store::Db::Postgres(pool) => sqlx::query_as(sql).fetch_optional(pool).await,
        }
        .expect("query");
        row.map(|(text,)| text)
    }

    pub async fn stop(self) {
        self.server.stop().await.expect("server stops");
        self.db.close().await;
        self.database.drop_database().await;
    }

    /// Creates an organisation directly in the store (through its instance administrator).
    pub async fn organisation(&self, name: &str, kind: OrgKind, parent: Option<i64>) -> i64 {
        let admin = self.instance_admin().await;
        organisations::create(&self.db, admin, &OrganisationDraft { name: name.into(), kind, parent_id: parent })
            .await
            .expect("organisation created")
    }

    /// The instance administrator (made on first use), who creates organisations in tests.
    pub async fn instance_admin(&self) -> i64 {
        match accounts::authenticate(&self.db, "root@test.parat.se", PASSWORD).await.expect("query") {
            Some(id) => id,
            None => self.user_with("root@test.parat.se", "Instansadministratör", true).await,
        }
    }

    pub async fn user(&self, email: &str, name: &str) -> i64 {
        self.user_with(email, name, false).await
    }

    async fn user_with(&self, email: &str, name: &str, instance_admin: bool) -> i64 {
        let user = NewUser {
            email: Email::parse(email).expect("email"),
            display_name: DisplayName::parse(name).expect("name"),
            password: NewPassword::parse(PASSWORD).expect("password"),
            locale: Locale::Sv,
        };
        accounts::create_user(&self.db, &user, instance_admin).await.expect("user created")
    }

    /// An administrator's scope in `org_id`, for setting up data through the store.
    pub async fn admin_scope(&self, org_id: i64) -> OrgScope {
        let admin = self.instance_admin().await;
        let token = sessions::create(&self.db, admin).await.expect("session");
        sessions::switch_org(&self.db, &token, admin, org_id).await.expect("admin is member of the orgs it made");
        sessions::lookup(&self.db, &token).await.expect("lookup").and_then(|u| u.scope()).expect("scope")
    }

    /// A new account's scope in `org_id` with `role`, for setting up data through the store.
    pub async fn scope_of(&self, org_id: i64, email: &str, role: Role) -> OrgScope {
        let user = self.user(email, email).await;
        self.member(org_id, email, role).await;
        let token = sessions::create(&self.db, user).await.expect("session");
        sessions::switch_org(&self.db, &token, user, org_id).await.expect("a member");
        sessions::lookup(&self.db, &token).await.expect("lookup").and_then(|u| u.scope()).expect("scope")
    }

    /// Adds an existing account to an organisation with a role.
    pub async fn member(&self, org_id: i64, email: &str, role: Role) {
        let scope = self.admin_scope(org_id).await;
        accounts::add_member(&self.db, &scope, &Email::parse(email).expect("email"), role, None)
            .await
            .expect("member added");
    }

    /// A new account that belongs to `org_id` with `role`, logged in in its own browser.
    pub async fn logged_in(&self, org_id: i64, email: &str, name: &str, role: Role) -> Browser {
        self.user(email, name).await;
        self.member(org_id, email, role).await;
        let browser = self.browser();
        browser.login(email, PASSWORD).await;
        browser
    }
}

/// One browser: a cookie jar, no automatic redirects, and the CSRF token of the last page.
pub struct Browser {
    pub client: Client,
    base: String,
}

impl Browser {
    pub fn new(base: String) -> Browser {
        let client = Client::builder().cookie_store(true).redirect(Policy::none()).build().expect("client");
        Browser { client, base }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The same browser (same cookie jar) pointed at another server. Cookies are not bound to
    /// ports, so a session cookie from one instance is sent to another on the same host.
    pub fn at(&self, base: String) -> Browser {
        Browser { client: self.client.clone(), base }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("request")
    }

    /// GET and return status and body.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    /// The CSRF token the site puts into this browser's forms.
    pub async fn csrf(&self) -> String {
        let (_, body) = self.page("/login").await;
        let body = if body.contains("name=\"csrf\"") { body } else { self.page("/account").await.1 };
        csrf_in(&body).expect("a form with a csrf field")
    }

    /// POST a form with this browser's CSRF token added.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf().await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &token));
        self.client.post(self.url(path)).form(&form).send().await.expect("request")
    }

    /// POST a form with the session's token: status and the page answered.
    pub async fn post_page(&self, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
        let response = self.post(path, fields).await;
        (response.status(), response.text().await.expect("body"))
    }

    /// POST a multipart form with one file and this browser's CSRF token.
    pub async fn upload(&self, path: &str, fields: &[(&str, &str)], file_name: &str, bytes: Vec<u8>) -> Response {
        let mut form = reqwest::multipart::Form::new().text("csrf", self.csrf().await);
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        let form = form.part("file", reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()));
        self.client.post(self.url(path)).multipart(form).send().await.expect("upload")
    }

    /// POST a form exactly as given (no token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client.post(self.url(path)).form(fields).send().await.expect("request")
    }

    pub async fn login(&self, email: &str, password: &str) {
        let response = self.post("/login", &[("email", email), ("password", password)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "login as {email} should succeed");
    }

    /// A new personal access token, made on the account page as a person would.
    pub async fn api_token(&self, name: &str) -> String {
        let response = self.post("/account/tokens", &[("name", name)]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.text().await.expect("body");
        let start = body.find("<code class=\"token\">").expect("token shown once") + "<code class=\"token\">".len();
        body[start..start + 64].to_owned()
    }

    /// An API GET with a bearer token (no cookies): status and JSON body.
    pub async fn api_get(&self, token: &str, path: &str) -> (StatusCode, serde_json::Value) {
        let response = Client::new().get(self.url(path)).bearer_auth(token).send().await.expect("request");
        let status = response.status();
        (status, response.json().await.expect("a JSON body"))
    }

    /// An API POST of a JSON body with a bearer token (no cookies): status and JSON body.
    pub async fn api_post(&self, token: &str, path: &str, body: &serde_json::Value) -> (StatusCode, serde_json::Value) {
        let response = Client::new().post(self.url(path)).bearer_auth(token).json(body).send().await.expect("request");
        let status = response.status();
        (status, response.json().await.expect("a JSON body"))
    }

    /// An API POST answered without a body (204): the status.
    pub async fn api_post_status(&self, token: &str, path: &str, body: &serde_json::Value) -> StatusCode {
        self.api_send(reqwest::Method::POST, token, path, Some(body)).await
    }

    /// An API PUT or DELETE (a JSON body where given) with a bearer token: the status.
    pub async fn api_send(
        &self,
        method: reqwest::Method,
        token: &str,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> StatusCode {
        let request = Client::new().request(method, self.url(path)).bearer_auth(token);
        let request = match body {
            Some(body) => request.json(body),
            None => request,
        };
        request.send().await.expect("request").status()
    }
}

pub fn csrf_in(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

pub fn location(response: &Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned()
}

/// The record id in a `/{kind}/{id}…` location (`/initiatives/3?notice=…`, `/questionnaires/3/edit`).
pub fn id_from_location(location: &str) -> i64 {
    location
        .split(['?', '/'])
        .filter(|s| !s.is_empty())
        .nth(1)
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id in {location}"))
}

/// Escapes text the way the pages do, to find user input in them.
pub fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The `dimensions` of a readiness results document (as the API and `parat crm score` write
/// it): key, unrounded score and stage of each.
pub fn dimension_results(results: &serde_json::Value) -> Vec<(String, f64, u64)> {
    results["dimensions"]
        .as_array()
        .expect("dimensions")
        .iter()
        .map(|d| {
            (
                d["key"].as_str().unwrap_or("").to_owned(),
                d["score"].as_f64().unwrap_or(-1.0),
                d["stage"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

/// Runs the `parat` binary as a person would, with arguments and, if given, standard input.
pub fn run_parat(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_parat"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("parat runs");
    // Dropping standard input closes it, so a command reading it sees the end.
    let mut input = child.stdin.take().expect("stdin");
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).expect("write stdin");
    }
    drop(input);
    child.wait_with_output().expect("parat finishes")
}

/// Runs an independent computation, `tests/independent/<script>` under python3, on `input` and
/// reads its JSON answer; `None` when Python (or the module `needs`) is missing and the
/// environment variable `required_by` is not `1` (CI sets it, so there the check cannot be
/// skipped).
pub fn independent(
    script: &str,
    input: &serde_json::Value,
    needs: Option<&str>,
    required_by: &str,
) -> Option<serde_json::Value> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let path = format!("{}/tests/independent/{script}", env!("CARGO_MANIFEST_DIR"));
    let required = std::env::var(required_by).is_ok_and(|v| v == "1");
    let child =
        Command::new("python3").arg(path).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) => {
            assert!(!required, "{required_by}=1 but python3 cannot start: {error}");
            eprintln!("skipped: python3 cannot start ({error})");
            return None;
        }
    };
    child.stdin.take().expect("stdin").write_all(input.to_string().as_bytes()).expect("write stdin");
    let output = child.wait_with_output().expect("python3 ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if let Some(module) = needs.filter(|module| stderr.contains(&format!("No module named '{module}'"))) {
        assert!(!required, "{required_by}=1 but {module} is not installed (pip install {module})");
        eprintln!("skipped: {module} is not installed");
        return None;
    }
    assert!(output.status.success(), "{script} failed: {stderr}");
    Some(serde_json::from_slice(&output.stdout).expect("the script's JSON"))
}

/// A real SMTP listener for tests: it speaks enough SMTP for a mail client (greeting, EHLO,
/// MAIL, RCPT, DATA, QUIT) and keeps each message as received, with its recipients.
pub struct SmtpSink {
    pub port: u16,
    received: std::sync::Arc<std::sync::Mutex<Vec<ReceivedMail>>>,
}

#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub to: Vec<String>,
    /// The message's body as a reader sees it (quoted-printable decoded).
    pub body: String,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind smtp");
        let port = listener.local_addr().expect("address").port();
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let store = received.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                    let mut to = Vec::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let upper = line.to_ascii_uppercase();
                        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                            b"250-sink\r\n250 8BITMIME\r\n"
                        } else if upper.starts_with("RCPT TO:") {
                            to.push(line[8..].trim().trim_matches(|c| c == '<' || c == '>').to_owned());
                            b"250 OK\r\n"
                        } else if upper == "DATA" {
                            let _ = write.write_all(b"354 go on\r\n").await;
                            let mut data = Vec::new();
                            while let Ok(Some(line)) = lines.next_line().await {
                                if line == "." {
                                    break;
                                }
                                // Dot-stuffing: a line that began with a dot was sent with two.
                                data.push(
                                    line.strip_prefix('.')
                                        .filter(|_| line.starts_with(".."))
                                        .map(str::to_owned)
                                        .unwrap_or(line),
                                );
                            }
                            let message = data.join("\r\n");
                            let body = message.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or_default();
                            let mail =
                                ReceivedMail { to: std::mem::take(&mut to), body: quoted_printable_decode(body) };
                            store.lock().expect("sink").push(mail);
                            b"250 queued\r\n"
                        } else if upper == "QUIT" {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        } else {
                            b"250 OK\r\n"
                        };
                        let _ = write.write_all(reply).await;
                    }
                });
            }
        });
        SmtpSink { port, received }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The messages received so far, taking them out.
    pub fn take(&self) -> Vec<ReceivedMail> {
        std::mem::take(&mut *self.received.lock().expect("sink"))
    }
}

/// Quoted-printable (RFC 2045) decoded, written here so the test does not trust the mail
/// library that encoded it.
fn quoted_printable_decode(text: &str) -> String {
    let joined = text.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).replace("\r\n", "\n")
}

/// The text of a PDF as poppler's `pdftotext` reads it, with runs of white space as one space;
/// `None` when pdftotext is not installed.
pub fn pdf_text(bytes: &[u8]) -> Option<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child =
        Command::new("pdftotext").args(["-", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().ok()?;
    child.stdin.take()?.write_all(bytes).ok()?;
    let output = child.wait_with_output().ok()?;
    assert!(output.status.success(), "pdftotext could not read the PDF");
    Some(String::from_utf8_lossy(&output.stdout).split_whitespace().collect::<Vec<_>>().join(" "))
}
