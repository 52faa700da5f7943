//! The connection to one of the two backends, chosen from the database URL at run time.

use std::any::Any;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use crate::{StoreError, StoreResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A handle to the database. Cheap to clone.
///
/// SQLite gets a pool of readers and a single writer: SQLite allows one writer at a time, and
/// queueing writes in-process avoids `SQLITE_BUSY` where a read transaction upgrades to a write.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite { read: SqlitePool, write: SqlitePool, reads_logged: crate::audit::ReadLog },
    Postgres(PgPool),
}

/// The identity of an open database ([`Db::identity`]): the pool's own options, compared by
/// address. Holding them keeps the address from being reused by a database opened later.
#[derive(Clone)]
pub struct DbIdentity(Arc<dyn Any + Send + Sync>);

impl DbIdentity {
    fn address(&self) -> *const () {
        Arc::as_ptr(&self.0).cast()
    }
}

impl PartialEq for DbIdentity {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.address(), other.address())
    }
}

impl Eq for DbIdentity {}

impl std::hash::Hash for DbIdentity {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.address() as usize).hash(state);
    }
}

impl std::fmt::Debug for DbIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DbIdentity({:p})", self.address())
    }
}

/// Runs the same code on whichever backend this is, with `$pool` bound to a pool for reading.
macro_rules! on_reader {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::Db::Sqlite { read: $pool, .. } => $body,
            $crate::Db::Postgres($pool) => $body,
        }
    };
}

/// Runs the same code on whichever backend this is, with `$pool` bound to the pool for writing.
macro_rules! on_writer {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::Db::Sqlite { write: $pool, .. } => $body,
            $crate::Db::Postgres($pool) => $body,
        }
    };
}

pub(crate) use {on_reader, on_writer};

/// How long a request waits for a PostgreSQL connection before it is told the database is
/// unavailable.
pub const POSTGRES_ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

/// Options for opening the database.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// Connections for reading (SQLite) or in all (PostgreSQL).
    pub max_connections: u32,
}

/// Database connections when the configuration names none.
pub const DEFAULT_MAX_CONNECTIONS: u32 = 8;

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions { max_connections: DEFAULT_MAX_CONNECTIONS }
    }
}

impl Db {
    /// Opens (and for SQLite creates) the database at `url`: `sqlite://path` or `postgres://…`.
    /// Runs pending migrations.
    pub async fn connect(url: &str, options: &ConnectOptions) -> StoreResult<Db> {
        let db = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(options.max_connections)
                // While the database is down a request waits this long, then gets a 503; sqlx
                // keeps trying to connect until then, so Parat recovers by itself.
                .acquire_timeout(POSTGRES_ACQUIRE_TIMEOUT)
                .connect(url)
                .await?;
            Db::Postgres(pool)
        } else {
            let connect = sqlite_options(url)?;
            // An embedded database has no connection that a network or server restart could
            // break, so no ping before each use: it cost a thread hand-off per query.
            let write = SqlitePoolOptions::new()
                .test_before_acquire(false)
                .max_connections(1)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(connect.clone())
                .await?;
            let read = SqlitePoolOptions::new()
                .test_before_acquire(false)
                .max_connections(options.max_connections)
                .min_connections(1)
                .connect_with(connect)
                .await?;
            let reads_logged = crate::audit::ReadLog::start(write.clone());
            Db::Sqlite { read, write, reads_logged }
        };
        db.migrate().await?;
        Ok(db)
    }

    /// Which open database this handle is: clones share it, a database opened again gets another.
    /// Results kept per process are keyed by it, since one process may open several databases
    /// whose ids coincide (the tests do).
    pub fn identity(&self) -> DbIdentity {
        match self {
            Db::Sqlite { read, .. } => DbIdentity(read.connect_options()),
            Db::Postgres(pool) => DbIdentity(pool.connect_options()),
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    async fn migrate(&self) -> StoreResult<()> {
        match self {
            Db::Sqlite { write, .. } => sqlx::migrate!("../../migrations/sqlite").run(write).await?,
            Db::Postgres(pool) => sqlx::migrate!("../../migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// True when the database answers a trivial query.
    pub async fn is_healthy(&self) -> bool {
        on_reader!(self, |pool| sqlx::query("SELECT 1").execute(pool).await.is_ok())
    }

    /// A consistent copy of a running SQLite database (`VACUUM INTO`), safe while the server
    /// writes. PostgreSQL has its own tools for this.
    pub async fn backup(&self, target: &Path) -> StoreResult<()> {
        let Db::Sqlite { read, .. } = self else {
            return Err(StoreError::Unsupported("backup copies SQLite databases; use pg_dump for PostgreSQL"));
        };
        if target.exists() {
            return Err(StoreError::Unsupported("the backup file exists already; choose a new name"));
        }
        let target = target.to_str().ok_or(StoreError::Unsupported("the backup path is not valid UTF-8"))?;
        sqlx::query("VACUUM INTO $1").bind(target).execute(read).await?;
        Ok(())
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { read, write, .. } => {
                read.close().await;
                write.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

/// WAL for concurrent readers; `synchronous = FULL` so that a commit the server acknowledged
/// survives power loss as well as a killed process; foreign keys on; waits rather than fails on locks.
fn sqlite_options(url: &str) -> StoreResult<SqliteConnectOptions> {
    let options = SqliteConnectOptions::from_str(url)?;
    if let Some(parent) = options.get_filename().parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
        }
    }
    Ok(options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10)))
}
