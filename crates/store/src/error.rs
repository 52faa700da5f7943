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
    /// Someone else saved the record since this change was begun: nothing was written.
    #[error("changed by someone else in between")]
    Stale,
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

    /// A database error as the store reports it: a unique-constraint violation on a column a
    /// form field stands for becomes that field's "taken" problem, by the constraint's table and
    /// column (so a violation of another constraint is never blamed on the wrong field).
    pub(crate) fn from_write(error: sqlx::Error) -> StoreError {
        if let sqlx::Error::Database(db) = &error {
            if db.is_unique_violation() {
                let column = unique_column(db.message(), db.constraint(), db.table());
                if let Some((_, field)) = UNIQUE_FIELDS.iter().find(|(c, _)| Some(*c) == column.as_deref()) {
                    return StoreError::field(field, parat_core::Problem::Taken);
                }
            }
        }
        StoreError::Database(error)
    }
}

/// Unique columns that a form field stands for: `table.column` → field.
const UNIQUE_FIELDS: &[(&str, &str)] = &[("users.email", "email"), ("organisations.name_key", "name")];

/// The `table.column` a unique violation concerns: from SQLite's message ("UNIQUE constraint
/// failed: users.email"), or from PostgreSQL's constraint name (`users_email_key`, the name
/// PostgreSQL gives a column's UNIQUE) and table.
fn unique_column(message: &str, constraint: Option<&str>, table: Option<&str>) -> Option<String> {
    if let Some(column) = message.strip_prefix("UNIQUE constraint failed: ") {
        return Some(column.split(',').next().unwrap_or(column).trim().to_owned());
    }
    let (constraint, table) = (constraint?, table?);
    let column = constraint.strip_prefix(&format!("{table}_"))?.strip_suffix("_key")?;
    Some(format!("{table}.{column}"))
}

#[cfg(test)]
mod tests {
    use super::unique_column;

    #[test]
    fn unique_violations_name_their_table_and_column_on_both_backends() {
        assert_eq!(unique_column("UNIQUE constraint failed: users.email", None, None).as_deref(), Some("users.email"));
        assert_eq!(
            unique_column(
                "duplicate key value violates unique constraint",
                Some("organisations_name_key_key"),
                Some("organisations")
            )
            .as_deref(),
            Some("organisations.name_key")
        );
        assert_eq!(
            unique_column("duplicate key", Some("sessions_pkey"), Some("sessions")),
            None,
            "a primary key is no field"
        );
    }
}
