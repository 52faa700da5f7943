//! The command line: `parat [serve]`, `demo`, `migrate`, `user add`, `backup`, `setup-link`,
//! `crm score`, `questionnaire list|show|score`, `map measures`, `outcomes summarize`.

use std::io::BufRead;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use parat_core::account::{DisplayName, Email, NewPassword};
use parat_core::locale::Locale;
use parat_core::readiness::scoring::{self, ScoreInput, ScoreOutput};
use parat_store::accounts::{self, NewUser};
use parat_store::demo::{self, DemoSize, DEMO_PASSWORD};

use crate::config::{
    default_public_url, sqlite_url, Config, FileConfig, LogFormat, MailConfig, DEFAULT_BIND, DEFAULT_DATA_DIR,
};
use crate::{questionnaire, server};

#[derive(Debug, Parser)]
#[command(
    name = "parat",
    version,
    about = "Parat: readiness, implementation, cooperation and follow-up for welfare organisations"
)]
pub struct Cli {
    /// TOML configuration file (flags and PARAT_* variables override it).
    #[arg(long, env = "PARAT_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// Folder for the embedded SQLite database.
    #[arg(long, env = "PARAT_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// postgres://… to use PostgreSQL, or sqlite://FILE; defaults to SQLite in the data folder.
    #[arg(long, env = "PARAT_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Log as text (default) or JSON lines.
    #[arg(long, env = "PARAT_LOG_FORMAT", global = true)]
    pub log_format: Option<LogFormat>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web app (the default).
    Serve(ServeArgs),
    /// Start on a fresh demo data set and print the demo logins.
    Demo(DemoArgs),
    /// Create or update the database schema, then exit.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Write a consistent copy of the SQLite database to FILE, also while the server runs.
    Backup { file: PathBuf },
    /// Print a new one-time link for creating the first administrator.
    SetupLink(ServeArgs),
    /// Community Readiness tools.
    #[command(subcommand)]
    Crm(CrmCommand),
    /// Questionnaire definitions and scoring.
    #[command(subcommand)]
    Questionnaire(QuestionnaireCommand),
    /// Cooperation map tools.
    #[command(subcommand)]
    Map(MapCommand),
    /// Outcome and session rating tools.
    #[command(subcommand)]
    Outcomes(OutcomesCommand),
}

#[derive(Debug, Subcommand)]
pub enum OutcomesCommand {
    /// Summarize episodes of outcome and session ratings (a JSON file, or `-` for standard
    /// input) as JSON: each episode's intake, latest, change, reliable change, recovery and
    /// alerts, and the aggregate — what the pages show.
    Summarize { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum MapCommand {
    /// Compute a map's network measures from its actors, meetings and attendance (a JSON file,
    /// or `-` for standard input) and print them as JSON: per actor, per meeting, for the
    /// network, and the needs for contact no meeting meets.
    Measures { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum QuestionnaireCommand {
    /// The embedded questionnaires, one per line: id, a tab, and the name.
    List {
        /// Language of the names: sv, da or en.
        #[arg(long, default_value = "sv")]
        lang: String,
    },
    /// One questionnaire (an embedded id, or a definition file) as an outline, or as JSON.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
        /// Language of the outline: sv, da or en.
        #[arg(long, default_value = "sv")]
        lang: String,
    },
    /// Score a file of answers (JSON, or - for standard input) against a questionnaire (an
    /// embedded id, or a definition file): each respondent's scale scores, and summaries overall
    /// and per group with means only for groups of at least `threshold` respondents.
    Score { id: String, answers: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum CrmCommand {
    /// Compute an assessment's results from its scores (JSON file, or - for standard input) and
    /// print them as JSON: dimension and overall scores, stages, lowest dimensions, agreement.
    Score { file: PathBuf },
}

#[derive(Debug, Args, Default, Clone)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "PARAT_BIND")]
    pub bind: Option<String>,
    /// The address people use to reach Parat (for links; https:// also makes cookies Secure).
    #[arg(long, env = "PARAT_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Take the client address from X-Forwarded-For (only behind a proxy you run).
    #[arg(long, env = "PARAT_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
    /// Database connections (readers for SQLite).
    #[arg(long, env = "PARAT_MAX_CONNECTIONS")]
    pub max_connections: Option<u32>,
    /// SMTP server for questionnaire invitations and reminders, e.g.
    /// smtps://user:password@mail.example.se (without one, links are shown to copy).
    #[arg(long, env = "PARAT_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The address e-mail comes from, e.g. "Parat <parat@example.se>".
    #[arg(long, env = "PARAT_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// Answers one network address may send through questionnaire links per minute, per server
    /// (0 turns the limit off).
    #[arg(long, env = "PARAT_ANSWERS_PER_MINUTE")]
    pub answers_per_minute: Option<u32>,
    /// How long, in milliseconds, a map page waits for the figures being computed after a change
    /// before it shows the earlier ones, marked as being updated (default 400).
    #[arg(long, env = "PARAT_FIGURES_WAIT_MS")]
    pub figures_wait_ms: Option<u64>,
    /// Start on the small demo data set (same as `parat demo`).
    #[arg(long)]
    pub demo: bool,
}

#[derive(Debug, Args, Clone)]
pub struct DemoArgs {
    /// How much data: a small county to try Parat, or larger generated sets for benchmarks.
    #[arg(long, value_enum, default_value_t = Size::Small)]
    pub size: Size,
    /// Generate the data and exit without serving.
    #[arg(long)]
    pub no_serve: bool,
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Size {
    Small,
    County,
    National,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Make the person an instance administrator (may create organisations).
        #[arg(long)]
        instance_admin: bool,
        /// Language: sv, da or en.
        #[arg(long, default_value = "sv")]
        locale: String,
    },
    /// Print a one-time link (valid a day) for the account to choose a new password, e.g. for
    /// someone who belongs to several organisations.
    ResetLink {
        #[arg(long)]
        email: String,
        #[command(flatten)]
        serve: ServeArgs,
    },
}

impl Cli {
    /// Resolves the configuration for serving, from flags, environment, file and defaults.
    pub fn config(&self, serve: &ServeArgs, database_file: &str) -> anyhow::Result<Config> {
        let file = FileConfig::load(self.config.as_deref())?;
        let data_dir = self.data_dir.clone().or(file.data_dir).unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
        let bind = serve.bind.clone().or(file.bind).unwrap_or_else(|| DEFAULT_BIND.to_owned());
        let public_url = serve.public_url.clone().or(file.public_url).unwrap_or_else(|| default_public_url(&bind));
        Ok(Config {
            database_url: self
                .database_url
                .clone()
                .or(file.database_url)
                .unwrap_or_else(|| sqlite_url(&data_dir, database_file)),
            public_url,
            bind,
            trust_forwarded_for: serve.trust_forwarded_for || file.trust_forwarded_for.unwrap_or(false),
            max_connections: serve
                .max_connections
                .or(file.max_connections)
                .unwrap_or(parat_store::DEFAULT_MAX_CONNECTIONS)
                .max(1),
            max_body_bytes: file.max_body_bytes.unwrap_or(parat_web::DEFAULT_MAX_BODY_BYTES),
            log_format: self.log_format.or(file.log_format).unwrap_or(LogFormat::Text),
            mail: MailConfig::resolve(
                serve.smtp_url.clone().or(file.smtp_url),
                serve.mail_from.clone().or(file.mail_from),
            )?,
            answers_per_minute: serve
                .answers_per_minute
                .or(file.answers_per_minute)
                .unwrap_or(parat_web::rate::DEFAULT_ANSWERS_PER_MINUTE),
            figures_wait: serve
                .figures_wait_ms
                .or(file.figures_wait_ms)
                .map_or(parat_store::map::DEFAULT_FIGURES_WAIT, std::time::Duration::from_millis),
        })
    }
}

/// Prints a line to standard output, ignoring a closed pipe (`parat demo | head`) instead of
/// panicking like `println!`.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

pub const DATABASE_FILE: &str = "parat.db";
pub const DEMO_DATABASE_FILE: &str = "demo.db";

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match &cli.command {
        None => serve(&cli, &ServeArgs::default()).await,
        Some(Command::Serve(args)) if args.demo => {
            let demo = DemoArgs { size: Size::Small, no_serve: false, serve: args.clone() };
            run_demo(&cli, &demo).await
        }
        Some(Command::Serve(args)) => serve(&cli, args).await,
        Some(Command::Demo(args)) => run_demo(&cli, args).await,
        Some(Command::Migrate) => {
            let config = cli.config(&ServeArgs::default(), DATABASE_FILE)?;
            server::open_database(&config).await?.close().await;
            say!("The database is up to date.");
            Ok(())
        }
        Some(Command::User(UserCommand::Add { email, name, instance_admin, locale })) => {
            let config = cli.config(&ServeArgs::default(), DATABASE_FILE)?;
            let password = read_password()?;
            let user = NewUser {
                email: Email::parse(email).map_err(|p| anyhow::anyhow!("e-mail address: {}", p.code()))?,
                display_name: DisplayName::parse(name).map_err(|p| anyhow::anyhow!("name: {}", p.code()))?,
                password: NewPassword::parse(&password).map_err(|p| {
                    anyhow::anyhow!("password: {} (at least {} characters)", p.code(), NewPassword::MIN)
                })?,
                locale: parse_locale(locale)?,
            };
            let db = server::open_database(&config).await?;
            let id = accounts::create_user(&db, &user, *instance_admin).await.context("creating the account")?;
            db.close().await;
            say!("Created account {id} for {}.", user.email);
            Ok(())
        }
        Some(Command::User(UserCommand::ResetLink { email, serve })) => {
            let config = cli.config(serve, DATABASE_FILE)?;
            let email = Email::parse(email).map_err(|p| anyhow::anyhow!("e-mail address: {}", p.code()))?;
            let db = server::open_database(&config).await?;
            let token = match accounts::create_reset_token_for_email(&db, &email).await {
                Err(parat_store::StoreError::NotFound) => anyhow::bail!("no account has the address {email}"),
                other => other.context("making the link")?,
            };
            db.close().await;
            let link = format!("{}/reset/{}", config.public_url.trim_end_matches('/'), token.expose());
            say!("Give this link to {email}; it works once, within a day:\n\n    {link}\n");
            Ok(())
        }
        Some(Command::Backup { file }) => {
            let config = cli.config(&ServeArgs::default(), DATABASE_FILE)?;
            let db = server::open_database(&config).await?;
            db.backup(file).await.context("writing the backup")?;
            db.close().await;
            say!("Backup written to {}.", file.display());
            Ok(())
        }
        Some(Command::Crm(CrmCommand::Score { file })) => {
            say!("{}", crm_score(&read_input(file, "scores")?)?);
            Ok(())
        }
        Some(Command::Map(MapCommand::Measures { file })) => {
            say!("{}", map_measures(&read_input(file, "the map")?)?);
            Ok(())
        }
        Some(Command::Outcomes(OutcomesCommand::Summarize { file })) => {
            say!("{}", outcomes_summarize(&read_input(file, "the episodes")?)?);
            Ok(())
        }
        Some(Command::Questionnaire(QuestionnaireCommand::List { lang })) => {
            say!("{}", questionnaire::list(parse_locale(lang)?).trim_end());
            Ok(())
        }
        Some(Command::Questionnaire(QuestionnaireCommand::Show { id, json, lang })) => {
            let definition = questionnaire::definition(id)?;
            match json {
                true => say!("{}", questionnaire::show_json(&definition)?),
                false => say!("{}", questionnaire::show_text(&definition, parse_locale(lang)?).trim_end()),
            }
            Ok(())
        }
        Some(Command::Questionnaire(QuestionnaireCommand::Score { id, answers })) => {
            let definition = questionnaire::definition(id)?;
            say!("{}", questionnaire::score(&definition, &read_input(answers, "answers")?)?);
            Ok(())
        }
        Some(Command::SetupLink(args)) => {
            let config = cli.config(args, DATABASE_FILE)?;
            let db = server::open_database(&config).await?;
            match server::setup_link(&config, &db).await? {
                Some(link) => {
                    say!("Open this link to create the first administrator:\n\n    {link}\n")
                }
                None => say!("Parat is set up already: log in with an existing account."),
            }
            db.close().await;
            Ok(())
        }
    }
}

/// Scores as JSON in, results as pretty JSON out — the same computation as the pages and the API.
pub fn crm_score(input: &str) -> anyhow::Result<String> {
    let input: ScoreInput = serde_json::from_str(input).context("the scores are not in the expected JSON shape")?;
    let scores = input.parse()?;
    let output = ScoreOutput::from(&scoring::results(&scores));
    Ok(serde_json::to_string_pretty(&output)?)
}

/// A map's network as JSON in, its measures as pretty JSON out — the same computation as the
/// pages and the API.
pub fn map_measures(input: &str) -> anyhow::Result<String> {
    let input: parat_core::map::NetworkInput =
        serde_json::from_str(input).context("the map is not in the expected JSON shape")?;
    let network = input.parse()?;
    Ok(serde_json::to_string_pretty(&parat_core::map::measures(&network)?)?)
}

/// Episodes of ratings as JSON in, their summary as pretty JSON out — the same computation as
/// the pages and the API.
pub fn outcomes_summarize(input: &str) -> anyhow::Result<String> {
    use parat_core::outcomes::{summarize, SummaryInput};
    let input: SummaryInput = serde_json::from_str(input).context("the episodes are not in the expected JSON shape")?;
    let (settings, episodes) = input.parse()?;
    Ok(serde_json::to_string_pretty(&summarize(&settings, &episodes))?)
}

/// A file's text, or standard input's for `-`.
fn read_input(file: &std::path::Path, what: &str) -> anyhow::Result<String> {
    if file.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).with_context(|| format!("reading {what} from standard input"))
    } else {
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))
    }
}

fn parse_locale(lang: &str) -> anyhow::Result<Locale> {
    Locale::parse(lang).map_err(|_| anyhow::anyhow!("language: use sv, da or en"))
}

/// The password for `user add`: one line from standard input.
fn read_password() -> anyhow::Result<String> {
    eprintln!("Password (at least {} characters), then Enter:", NewPassword::MIN);
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).context("reading the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

async fn serve(cli: &Cli, args: &ServeArgs) -> anyhow::Result<()> {
    let config = cli.config(args, DATABASE_FILE)?;
    let db = server::open_database(&config).await?;
    serve_until_signal(&config, db).await
}

async fn serve_until_signal(config: &Config, db: parat_store::Db) -> anyhow::Result<()> {
    let link = server::setup_link(config, &db).await?;
    let running = server::start(config, db).await?;
    tracing::info!(address = %running.address, backend = ?running.db.backend(), "parat is serving");
    say!("Parat is running at {}  (Ctrl-C stops it)", config.public_url);
    if let Some(link) = link {
        say!("\nNobody can log in yet. Open this one-time link to create the first administrator:\n\n    {link}\n");
    }
    server::shutdown_signal().await;
    say!("Stopping…");
    running.stop().await
}

async fn run_demo(cli: &Cli, args: &DemoArgs) -> anyhow::Result<()> {
    let config = cli.config(&args.serve, DEMO_DATABASE_FILE)?;
    let is_sqlite_file = cli.database_url.is_none();
    if is_sqlite_file {
        // The demo always starts fresh: remove the previous demo database and its WAL files.
        let path = config.database_url.trim_start_matches("sqlite://").to_owned();
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
    let db = server::open_database(&config).await?;
    let size = match args.size {
        Size::Small => DemoSize::Small,
        Size::County => DemoSize::County,
        Size::National => DemoSize::National,
    };
    let started = std::time::Instant::now();
    let logins = demo::generate(&db, size).await.context("generating demo data")?;
    say!(
        "Demo data ready in {:.1} s ({}).",
        started.elapsed().as_secs_f64(),
        crate::server::redact(&config.database_url)
    );
    say!("\nDemo logins (password for all: {DEMO_PASSWORD}):");
    for login in &logins {
        say!("    {:<28} {}", login.email, login.description);
    }
    say!();
    if args.no_serve {
        db.close().await;
        return Ok(());
    }
    serve_until_signal(&config, db).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_subcommand_means_serve_on_sqlite_in_the_data_folder() {
        let cli = Cli::try_parse_from(["parat"]).expect("parses");
        assert!(cli.command.is_none());
        let config = cli.config(&ServeArgs::default(), DATABASE_FILE).expect("config");
        assert_eq!(config.bind, "127.0.0.1:8080");
        assert!(config.database_url.starts_with("sqlite://"));
        assert!(config.database_url.ends_with("parat-data/parat.db"));
    }

    #[test]
    fn flags_override_defaults() {
        let cli = Cli::try_parse_from([
            "parat",
            "--database-url",
            "postgres://localhost/p",
            "serve",
            "--bind",
            "0.0.0.0:9999",
        ])
        .expect("parses");
        let Some(Command::Serve(args)) = &cli.command else { panic!("serve expected") };
        let config = cli.config(args, DATABASE_FILE).expect("config");
        assert_eq!(config.bind, "0.0.0.0:9999");
        assert_eq!(config.public_url, "http://127.0.0.1:9999");
        assert_eq!(config.database_url, "postgres://localhost/p");
    }
}
