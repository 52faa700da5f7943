use parat_core::FieldErrors;

/// What can go wrong in the store. `NotFound` covers both a missing record and another
/// organisation's record: the caller cannot tell them apart, by design.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("not allowed for this role")]
    Forbidden,
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("password hashing failed")]
    PasswordHash,
    #[error("{0}")]
    Unsupported(&'static str),
    /// The record is closed to changes (a reported assessment); reopening it is a step of its own.
    #[error("closed to changes")]
    Closed,
    /// Input the domain refuses, with the reason in words (e.g. a broken instrument definition).
    #[error("{0}")]
    Refused(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    pub fn field(field: &'static str, problem: parat_core::Problem) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, problem);
        StoreError::Invalid(errors)
    }

    /// True when the database cannot be reached right now (down, restarting, out of
    /// connections): the request may succeed later, and nothing was written.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Database(error) => match error {
                sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_) => true,
                // PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P (shutting
                // down, starting up).
                sqlx::Error::Database(db) => {
                    db.code().is_some_and(|code| code.starts_with("08") || code.starts_with("57P"))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// True for a unique-constraint violation, which callers turn into a field error.
    pub(crate) fn is_unique_violation(error: &sqlx::Error) -> bool {
        matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
    }
}
