//! Parat's persistence: one schema on SQLite (default, embedded) and PostgreSQL (for several
//! app servers), the same SQL text on both where it can be, and tenant scoping in every query
//! that touches an organisation's data.
//!
//! Every repository function that reads or writes an organisation's records takes an
//! [`OrgScope`], which only this crate can make, and only from a verified membership.

mod db;
mod error;
mod memo;
mod owners;
mod secret;
mod stored;

pub mod accounts;
pub mod audit;
pub mod campaign;
pub mod demo;
pub mod initiatives;
pub mod instruments;
pub mod landscape;
pub mod map;
pub mod organisations;
pub mod outcomes;
pub mod participants;
pub mod project;
pub mod questionnaire;
pub mod readiness;
pub mod sessions;
pub mod tokens;

pub use db::{Backend, ConnectOptions, Db, DbIdentity, DEFAULT_MAX_CONNECTIONS};
pub use error::{StoreError, StoreResult};
pub use secret::{constant_time_eq, Secret};
pub use stored::Stored;

use parat_core::organisation::Role;

/// Proof that a user acts inside one organisation with a given role. Only this crate builds
/// one, from a session or an API token whose membership it has just read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgScope {
    org_id: i64,
    user_id: i64,
    role: Role,
    actor_label: String,
}

impl OrgScope {
    pub fn org_id(&self) -> i64 {
        self.org_id
    }
    pub fn user_id(&self) -> i64 {
        self.user_id
    }
    pub fn role(&self) -> Role {
        self.role
    }
    /// The name written into the audit log for changes made in this scope.
    pub fn actor_label(&self) -> &str {
        &self.actor_label
    }
}

/// The current time as Unix seconds; the one clock the store reads.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Today's date in Scandinavian time.
pub fn now_date() -> time::Date {
    parat_core::locale::scandinavian_date(now())
}

/// Lower-cased text for case-insensitive search that behaves the same on both backends
/// (SQLite's `lower()` only folds ASCII, so `Å` would not match `å`).
pub(crate) fn search_key(text: &str) -> String {
    text.to_lowercase()
}

/// A `LIKE` pattern matching `needle` anywhere, with the wildcard characters escaped.
pub(crate) fn contains_pattern(needle: &str) -> String {
    let mut pattern = String::from("%");
    for c in search_key(needle.trim()).chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}
