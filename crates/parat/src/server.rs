//! Starting and stopping the web server.

use std::net::SocketAddr;

use anyhow::Context;
use parat_store::{accounts, ConnectOptions, Db};
use parat_web::mail::Mailer;
use parat_web::{AppState, Settings};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::Config;

/// Opens (creating and migrating) the configured database.
pub async fn open_database(config: &Config) -> anyhow::Result<Db> {
    let options = ConnectOptions { max_connections: config.max_connections };
    Db::connect(&config.database_url, &options)
        .await
        .with_context(|| format!("opening the database ({})", redact(&config.database_url)))
}

/// A database URL without its password, fit for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            let user = credentials.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

/// A server running in the background.
pub struct RunningServer {
    pub address: SocketAddr,
    pub db: Db,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
    retention: JoinHandle<()>,
}

impl RunningServer {
    /// Stops accepting connections, lets requests in flight finish, and waits.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        self.retention.abort();
        self.task.await.context("server task")?.context("server")?;
        self.db.close().await;
        Ok(())
    }
}

/// Binds the address and serves Parat on `db` until [`RunningServer::stop`].
pub async fn start(config: &Config, db: Db) -> anyhow::Result<RunningServer> {
    let listener = TcpListener::bind(&config.bind).await.with_context(|| format!("binding {}", config.bind))?;
    let address = listener.local_addr()?;
    let mailer = match &config.mail {
        None => None,
        Some(mail) => Some(Mailer::from_url(&mail.smtp_url, &mail.from).context("setting up e-mail")?),
    };
    let settings = Settings {
        public_url: config.public_url.clone(),
        trust_forwarded_for: config.trust_forwarded_for,
        max_body_bytes: config.max_body_bytes,
        mailer,
        answers_per_minute: config.answers_per_minute,
        figures_wait: config.figures_wait,
    };
    let app = parat_web::router(AppState::new(db.clone(), settings));
    let (shutdown, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    let retention = tokio::spawn(retention_job(db.clone()));
    Ok(RunningServer { address, db, shutdown: Some(shutdown), task, retention })
}

/// Erases, once a day, the participants whose retention period has run out. Every app server
/// runs it; the erasure is idempotent (a participant already erased is not found again), so
/// several at once do no harm. Logs a count, never who.
async fn retention_job(db: Db) {
    let mut daily = tokio::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
    daily.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        daily.tick().await;
        match parat_store::participants::erase_expired(&db, parat_store::now_date()).await {
            Ok(0) => {}
            Ok(erased) => tracing::info!(erased, "participants past their retention period erased"),
            Err(error) => tracing::warn!(%error, "erasing participants past their retention period failed"),
        }
    }
}

/// When nobody can log in yet, a one-time link to create the first administrator.
pub async fn setup_link(config: &Config, db: &Db) -> anyhow::Result<Option<String>> {
    if !accounts::needs_setup(db).await? {
        return Ok(None);
    }
    let token = accounts::create_setup_token(db).await?;
    Ok(Some(format!("{}/setup/{}", config.public_url.trim_end_matches('/'), token.expose())))
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted_from_urls() {
        assert_eq!(redact("postgres://parat:secret@db:5432/parat"), "postgres://parat:***@db:5432/parat");
        assert_eq!(redact("sqlite://parat-data/parat.db"), "sqlite://parat-data/parat.db");
    }
}
