//! The audit log: who changed what, when, with the record before and after.
//!
//! Entries are written in the same transaction as the change they describe, so a change
//! without its entry cannot exist. Passwords, tokens and session ids are never recorded.

use serde::Serialize;
use serde_json::Value;

use crate::db::on_reader;
use crate::{Db, OrgScope, StoreError, StoreResult};

/// One change about to be recorded.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub org_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub actor_label: String,
    pub action: &'static str,
    pub entity: &'static str,
    pub entity_id: Option<i64>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl AuditEntry {
    /// An entry for a change made inside an organisation scope.
    pub fn scoped(scope: &OrgScope, action: &'static str, entity: &'static str, entity_id: i64) -> Self {
        AuditEntry {
            org_id: Some(scope.org_id),
            actor_id: Some(scope.user_id),
            actor_label: scope.actor_label.clone(),
            action,
            entity,
            entity_id: Some(entity_id),
            before: None,
            after: None,
        }
    }

    /// An entry for a change a person makes to their own account, outside any organisation.
    pub fn personal(user_id: i64, name: &str, action: &'static str, entity: &'static str) -> Self {
        AuditEntry {
            org_id: None,
            actor_id: Some(user_id),
            actor_label: name.to_owned(),
            action,
            entity,
            entity_id: Some(user_id),
            before: None,
            after: None,
        }
    }

    pub fn before(mut self, value: &impl Serialize) -> Self {
        self.before = serde_json::to_value(value).ok();
        self
    }

    pub fn after(mut self, value: &impl Serialize) -> Self {
        self.after = serde_json::to_value(value).ok();
        self
    }
}

pub(crate) const INSERT: &str = "INSERT INTO audit_log \
    (org_id, actor_id, actor_label, action, entity, entity_id, before, after, at) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// Appends an entry through the given executor (a transaction's connection).
macro_rules! record {
    ($executor:expr, $entry:expr) => {{
        let entry: &$crate::audit::AuditEntry = $entry;
        sqlx::query($crate::audit::INSERT)
            .bind(entry.org_id)
            .bind(entry.actor_id)
            .bind(&entry.actor_label)
            .bind(entry.action)
            .bind(entry.entity)
            .bind(entry.entity_id)
            .bind(entry.before.as_ref().map(|v| v.to_string()))
            .bind(entry.after.as_ref().map(|v| v.to_string()))
            .bind($crate::now())
            .execute($executor)
            .await
    }};
}
pub(crate) use record;

/// Logs a read of personal data before the data is shown. On PostgreSQL an insert of its own; on
/// SQLite, whose single writer would otherwise commit once per page view, the reads that arrive
/// together are written in one transaction (group commit) — each caller still waits until its
/// entry is committed, so nothing is shown whose read is not in the log.
pub(crate) async fn log_read(db: &Db, entry: AuditEntry) -> StoreResult<()> {
    match db {
        Db::Sqlite { reads_logged, .. } => reads_logged.log(entry).await,
        Db::Postgres(pool) => record!(pool, &entry).map(|_| ()).map_err(StoreError::from),
    }
}

type ReadJob = (AuditEntry, tokio::sync::oneshot::Sender<bool>);

/// The queue of reads to log on SQLite, written by one task per database that ends when the
/// last handle to the database is dropped.
#[derive(Clone)]
pub struct ReadLog(tokio::sync::mpsc::UnboundedSender<ReadJob>);

impl std::fmt::Debug for ReadLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReadLog")
    }
}

/// The most entries in one transaction: enough to carry a burst, small enough to commit quickly.
const READS_PER_COMMIT: usize = 256;

impl ReadLog {
    pub(crate) fn start(write: sqlx::SqlitePool) -> ReadLog {
        let (sender, mut jobs) = tokio::sync::mpsc::unbounded_channel::<ReadJob>();
        tokio::spawn(async move {
            while let Some(first) = jobs.recv().await {
                let mut batch = vec![first];
                while batch.len() < READS_PER_COMMIT {
                    match jobs.try_recv() {
                        Ok(job) => batch.push(job),
                        Err(_) => break,
                    }
                }
                let written: Result<(), sqlx::Error> = async {
                    let mut tx = write.begin().await?;
                    for (entry, _) in &batch {
                        record!(&mut *tx, entry)?;
                    }
                    tx.commit().await
                }
                .await;
                if let Err(error) = &written {
                    tracing::error!(%error, entries = batch.len(), "logging reads failed");
                }
                for (_, done) in batch {
                    let _ = done.send(written.is_ok());
                }
            }
        });
        ReadLog(sender)
    }

    async fn log(&self, entry: AuditEntry) -> StoreResult<()> {
        let (done, committed) = tokio::sync::oneshot::channel();
        let failed = || StoreError::Unsupported("the read could not be logged");
        self.0.send((entry, done)).map_err(|_| failed())?;
        match committed.await {
            Ok(true) => Ok(()),
            _ => Err(failed()),
        }
    }
}

/// A recorded entry as the audit page shows it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AuditRecord {
    pub id: i64,
    pub actor_label: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub at: i64,
}

pub const PAGE_SIZE: i64 = 100;

/// Every action an entry can name: the audit page and the translations use this one list.
pub const ACTIONS: &[&str] = &[
    "create",
    "update",
    "delete",
    "archive",
    "restore",
    "setup",
    "read",
    "submit",
    "update_after_report",
    "reopen",
    "reset",
    "erase",
    "export",
    "mail",
    "approve",
    "assign",
    "grant",
    "withdraw",
    "feedback",
    "invoice",
    "share",
];

/// Every kind of record an entry can be about.
pub const ENTITIES: &[&str] = &[
    "user",
    "organisation",
    "membership",
    "initiative",
    "api_token",
    "assessment",
    "informant",
    "interview",
    "scores",
    "consensus",
    "action_item",
    "instrument",
    "password",
    "password_reset",
    "questionnaire",
    "round",
    "respondent",
    "outcome_link",
    "response",
    "landscape_factor",
    "landscape_question",
    "framework",
    "initiative_framework",
    "landscape_risk",
    "landscape_milestone",
    "map",
    "map_actor",
    "map_meeting",
    "map_attendance",
    "map_need",
    "map_rating",
    "map_interview",
    "map_survey",
    "map_break_point",
    "participant",
    "participant_list",
    "unit",
    "unit_member",
    "episode",
    "outcome_session",
    "outcome_sessions",
    "outcome_settings",
    "unit_report",
    "project_activity",
    "project_attendance",
    "project_budget_line",
    "project_cost",
    "project_costs",
    "project_evaluation",
    "project_event",
    "project_funder",
    "project_indicator",
    "project_participation",
    "project_participations",
    "project_person",
    "project_phase",
    "project_report",
    "project_reporting",
    "project_role",
    "campaign",
    "campaign_offer",
];

/// Which entries to show: by whom, about what kind of record, within which times (Unix
/// seconds, `until` exclusive), and older than an entry already shown (the next page).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor_id: Option<i64>,
    pub entity: Option<String>,
    pub from: Option<i64>,
    pub until: Option<i64>,
    pub before_id: Option<i64>,
}

/// The newest entries of the scope's organisation that match the filter, a page at a time.
pub async fn list(db: &Db, scope: &OrgScope, filter: &AuditFilter) -> StoreResult<Vec<AuditRecord>> {
    if !scope.role.can_administer() {
        return Err(StoreError::Forbidden);
    }
    const SQL: &str = "SELECT id, actor_label, action, entity, entity_id, before, after, at FROM audit_log \
        WHERE org_id = $1 AND ($2 IS NULL OR id < $2) AND ($3 IS NULL OR actor_id = $3) \
        AND ($4 IS NULL OR entity = $4) AND ($5 IS NULL OR at >= $5) AND ($6 IS NULL OR at < $6) \
        ORDER BY id DESC LIMIT $7";
    let rows = on_reader!(db, |pool| sqlx::query_as::<_, AuditRecord>(SQL)
        .bind(scope.org_id)
        .bind(filter.before_id)
        .bind(filter.actor_id)
        .bind(filter.entity.as_deref())
        .bind(filter.from)
        .bind(filter.until)
        .bind(PAGE_SIZE)
        .fetch_all(pool)
        .await?);
    Ok(rows)
}

/// The people who appear in the organisation's log, for the filter: id and latest name.
pub async fn actors(db: &Db, scope: &OrgScope) -> StoreResult<Vec<(i64, String)>> {
    if !scope.role.can_administer() {
        return Err(StoreError::Forbidden);
    }
    let rows: Vec<(i64, String)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT u.id, u.display_name FROM users u \
         WHERE EXISTS (SELECT 1 FROM audit_log l WHERE l.org_id = $1 AND l.actor_id = u.id) \
         ORDER BY u.display_name, u.id"
    )
    .bind(scope.org_id)
    .fetch_all(pool)
    .await?);
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::{ACTIONS, ENTITIES};

    fn sources(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("the crate's sources").flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }

    /// Every entry the store writes names an action and an entity the audit page translates: a
    /// new kind of change cannot show up there as a raw key.
    #[test]
    fn every_audited_action_and_entity_is_listed() {
        let mut files = Vec::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        let mut seen = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).expect("source");
            for call in ["AuditEntry::scoped(", "AuditEntry::personal("] {
                // Skips the quoted call names above.
                for (at, _) in text.match_indices(call).filter(|(at, _)| !text[..*at].ends_with('"')) {
                    let args = &text[at + call.len()..];
                    let args = &args[..args.find(')').unwrap_or(args.len())];
                    let quoted: Vec<&str> = args.split('"').skip(1).step_by(2).collect();
                    let [action, entity, ..] = quoted[..] else { continue };
                    assert!(ACTIONS.contains(&action), "{}: action {action:?} is not in ACTIONS", file.display());
                    assert!(ENTITIES.contains(&entity), "{}: entity {entity:?} is not in ENTITIES", file.display());
                    seen += 1;
                }
            }
        }
        assert!(seen > 100, "the scan found the store's entries ({seen})");
    }
}
