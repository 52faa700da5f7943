//! Questionnaires in the store: rounds that send a questionnaire out (this file), the people
//! sent personal links (`respondents`), answering without an account (`answering`), and the
//! submitted answers for results (`results`).
//!
//! Anonymity is kept here: in an anonymous round a response has no reference to a respondent,
//! and the only trace of who answered is a respondent's `answered` flag, without a time.

mod answering;
mod own;
mod portfolio;
mod respondents;
mod results;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use parat_core::initiative::Period;
use parat_core::locale::Localized;
use parat_core::questionnaire::round::{self, ListEntry, RoundDraft};
use parat_core::questionnaire::{self, Definition, Lists, Threshold};
use parat_core::Problem;
use serde::Serialize;
use time::Date;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, Secret, StoreError, StoreResult};

pub(crate) use answering::stored_answers;
pub use answering::{enter_on_behalf, open, save, visit, Opened, Saved, Visit};
pub use own::{create_draft, key_taken, own, own_list, save_own, update_draft, Own};
pub use portfolio::{portfolio, PortfolioRound};
pub use respondents::{
    add_respondents, mark_mailed, new_personal_link, prepare_mailing, progress, respondents, Outgoing, Progress,
    Respondent,
};
pub use results::{pairs, submitted, submitted_by_respondent, Submitted};

/// A questionnaire round: one definition, as it was when the round was made, sent out.
#[derive(Debug, Clone, Serialize)]
pub struct Round {
    pub id: i64,
    pub org_id: i64,
    pub initiative_id: Option<i64>,
    pub initiative_name: Option<String>,
    /// The questionnaire it was made from: an embedded id, or `own:N`.
    pub questionnaire: String,
    #[serde(skip)]
    pub definition: Arc<Definition>,
    pub title: String,
    /// What `{issue}` in the questions stands for.
    pub issue: String,
    pub anonymous: bool,
    pub threshold: Threshold,
    pub has_open_link: bool,
    #[serde(skip)]
    pub period: Period,
    pub closed: bool,
    /// Whether respondents are asked for a code that pairs their answers with a follow-up's.
    pub pair_code: bool,
    /// The earlier round of the same questionnaire this one follows up.
    pub previous_round_id: Option<i64>,
    /// Entries of the lists its roster items ask about: their keys, for checking answers…
    #[serde(skip)]
    pub lists: Lists,
    /// …and their labels, for showing them.
    #[serde(skip)]
    pub entries: BTreeMap<String, Vec<ListEntry>>,
    pub created_at: i64,
}

impl Round {
    /// Whether it takes answers on `today`.
    pub fn is_open(&self, today: Date) -> bool {
        round::is_open(&self.period, self.closed, today)
    }

    /// Those who run the organisation's initiatives run its rounds.
    fn require_manage(scope: &OrgScope) -> StoreResult<()> {
        if scope.role().can_edit_initiatives() {
            Ok(())
        } else {
            Err(StoreError::Forbidden)
        }
    }
}

/// A questionnaire a round can be made from.
#[derive(Debug, Clone)]
pub struct Available {
    pub reference: String,
    pub name: Localized,
    pub definition: Arc<Definition>,
}

/// The embedded questionnaires, then the organisation's own.
pub async fn available(db: &Db, scope: &OrgScope) -> StoreResult<Vec<Available>> {
    let mut list: Vec<Available> = questionnaire::builtin()
        .iter()
        .map(|d| Available { reference: d.id.clone(), name: d.name.clone(), definition: Arc::new(d.clone()) })
        .collect();
    let own: Vec<(i64, String)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT id, source FROM questionnaires WHERE org_id = $1 ORDER BY id")
            .bind(scope.org_id())
            .fetch_all(pool)
            .await?);
    for (id, source) in own {
        if let Ok(definition) = parsed(&source) {
            list.push(Available { reference: format!("own:{id}"), name: definition.name.clone(), definition });
        }
    }
    Ok(list)
}

/// The TOML source a reference names, for the organisation.
pub async fn source_of(db: &Db, scope: &OrgScope, reference: &str) -> StoreResult<String> {
    if let Some(source) = questionnaire::builtin_source(reference) {
        return Ok(source.to_owned());
    }
    let unknown = || StoreError::field("questionnaire", Problem::UnknownChoice);
    let id: i64 = reference.strip_prefix("own:").and_then(|n| n.parse().ok()).ok_or_else(unknown)?;
    let row: Option<(String,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT source FROM questionnaires WHERE org_id = $1 AND id = $2")
            .bind(scope.org_id())
            .bind(id)
            .fetch_optional(pool)
            .await?);
    row.map(|(source,)| source).ok_or_else(unknown)
}

/// A definition parsed once per process: rounds keep their TOML, and every answering page
/// needs it parsed.
fn parsed(source: &str) -> StoreResult<Arc<Definition>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Definition>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().ok().and_then(|c| c.get(source).cloned()) {
        return Ok(found);
    }
    let definition = Arc::new(Definition::from_toml(source).map_err(|e| StoreError::Refused(e.to_string()))?);
    if let Ok(mut cache) = cache.lock() {
        // A bound against a flood of distinct uploads; real installations have a few dozen.
        if cache.len() >= 512 {
            cache.clear();
        }
        cache.insert(source.to_owned(), definition.clone());
    }
    Ok(definition)
}

#[derive(sqlx::FromRow)]
struct RoundRow {
    id: i64,
    org_id: i64,
    initiative_id: Option<i64>,
    initiative_name: Option<String>,
    questionnaire: String,
    title: String,
    issue: String,
    anonymous: bool,
    threshold: i64,
    has_open_link: bool,
    opens_on: Option<String>,
    closes_on: Option<String>,
    closed: bool,
    created_at: i64,
    definition_hash: String,
    pair_code: bool,
    previous_round_id: Option<i64>,
}

/// A round's columns, without its definition's text: that is read once per process (a
/// round's definition never changes) and kept parsed, see [`round_definition`].
macro_rules! round_columns {
    () => {
        "r.id, r.org_id, r.initiative_id, i.name AS initiative_name, r.questionnaire, r.title, r.issue, \
         r.anonymous, r.threshold, r.open_link_hash IS NOT NULL AS has_open_link, r.opens_on, r.closes_on, \
         r.closed_at IS NOT NULL AS closed, r.created_at, r.definition_hash, r.pair_code, r.previous_round_id"
    };
}
use round_columns;

const SELECT_ROUND: &str = concat!(
    "SELECT ",
    round_columns!(),
    " FROM questionnaire_rounds r LEFT JOIN initiatives i ON i.id = r.initiative_id"
);

/// A round's definition, parsed once per process and kept by the SHA-256 of its text: every
/// answering page and every submission needs it, and its text never changes.
async fn round_definition(db: &Db, round_id: i64, hash: &str) -> StoreResult<Arc<Definition>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Definition>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().ok().and_then(|c| c.get(hash).cloned()) {
        return Ok(found);
    }
    let (source,): (String,) =
        on_reader!(db, |pool| sqlx::query_as("SELECT definition FROM questionnaire_rounds WHERE id = $1")
            .bind(round_id)
            .fetch_one(pool)
            .await?);
    let definition = Arc::new(Definition::from_toml(&source).map_err(|e| StoreError::Refused(e.to_string()))?);
    if let Ok(mut cache) = cache.lock() {
        // A bound against a flood of distinct definitions; real installations have a few dozen.
        if cache.len() >= 1024 {
            cache.clear();
        }
        cache.insert(hash.to_owned(), definition.clone());
    }
    Ok(definition)
}

impl RoundRow {
    /// The round with its definition and, when it has rosters, the entries of their lists.
    async fn into_round(self, db: &Db) -> StoreResult<Round> {
        let definition = round_definition(db, self.id, &self.definition_hash).await?;
        let mut lists = Lists::new();
        let mut entries: BTreeMap<String, Vec<ListEntry>> = BTreeMap::new();
        if definition.items().any(|i| matches!(i.kind, questionnaire::ItemKind::Roster { .. })) {
            let rows: Vec<(String, String, String)> = on_reader!(db, |pool| sqlx::query_as(
                "SELECT list, key, label FROM round_entries WHERE round_id = $1 ORDER BY list, position"
            )
            .bind(self.id)
            .fetch_all(pool)
            .await?);
            for (list, key, label) in rows {
                lists.entry(list.clone()).or_default().push(key.clone());
                entries.entry(list).or_default().push(ListEntry { key, label });
            }
        }
        let date =
            |raw: &Option<String>| raw.as_deref().and_then(|d| parat_core::initiative::parse_date(d).ok().flatten());
        Ok(Round {
            id: self.id,
            org_id: self.org_id,
            initiative_id: self.initiative_id,
            initiative_name: self.initiative_name,
            questionnaire: self.questionnaire,
            definition,
            title: self.title,
            issue: self.issue,
            anonymous: self.anonymous,
            threshold: Threshold::new(self.threshold).unwrap_or_default(),
            has_open_link: self.has_open_link,
            period: Period::new(date(&self.opens_on), date(&self.closes_on)).unwrap_or_default(),
            closed: self.closed,
            pair_code: self.pair_code,
            previous_round_id: self.previous_round_id,
            lists,
            entries,
            created_at: self.created_at,
        })
    }
}

/// One round of the scope's organisation, for anyone in it.
pub async fn get(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Round> {
    let row: Option<RoundRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT_ROUND} WHERE r.id = $1 AND r.org_id = $2"))
            .bind(id)
            .bind(scope.org_id())
            .fetch_optional(pool)
            .await?);
    row.ok_or(StoreError::NotFound)?.into_round(db).await
}

/// Inserts a round in an open transaction `$tx` and answers its id: the round with its list
/// entries and its audit entry. A module that links a round to its own records (a project's
/// evaluations) calls it inside its own transaction, so that the round and the link are written
/// together or not at all.
macro_rules! insert_round {
    ($tx:ident, $scope:expr, $initiative_id:expr, $draft:expr, $source:expr, $open_link:expr, $needed:expr) => {{
        let (scope, initiative_id, draft, source, open_link, needed): (
            &$crate::OrgScope,
            Option<i64>,
            &parat_core::questionnaire::round::RoundDraft,
            &str,
            &Option<$crate::Secret>,
            &[String],
        ) = ($scope, $initiative_id, $draft, $source, $open_link, $needed);
        let at = $crate::now();
        if let Some(initiative) = initiative_id {
            let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM initiatives WHERE org_id = $1 AND id = $2")
                .bind(scope.org_id())
                .bind(initiative)
                .fetch_optional(&mut *$tx)
                .await?;
            if found.is_none() {
                return Err($crate::StoreError::NotFound);
            }
        }
        // A follow-up compares with a round of the same questionnaire in the same organisation.
        if let Some(previous) = draft.previous_round {
            let found: Option<(String,)> =
                sqlx::query_as("SELECT questionnaire FROM questionnaire_rounds WHERE org_id = $1 AND id = $2")
                    .bind(scope.org_id())
                    .bind(previous)
                    .fetch_optional(&mut *$tx)
                    .await?;
            if found.is_none_or(|(questionnaire,)| questionnaire != draft.questionnaire) {
                return Err($crate::StoreError::field("previous_round", parat_core::Problem::UnknownChoice));
            }
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO questionnaire_rounds (org_id, initiative_id, questionnaire, definition, title, issue, anonymous, \
             threshold, open_link_hash, opens_on, closes_on, created_by, created_at, updated_at, definition_hash, \
             pair_code, previous_round_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16) RETURNING id",
        )
        .bind(scope.org_id())
        .bind(initiative_id)
        .bind(&draft.questionnaire)
        .bind(source)
        .bind(&draft.title)
        .bind(&draft.issue)
        .bind(draft.anonymous)
        .bind(i64::from(draft.threshold.get()))
        .bind(open_link.as_ref().map($crate::Secret::hash))
        .bind(draft.period.start().map(|d| d.to_string()))
        .bind(draft.period.end().map(|d| d.to_string()))
        .bind(scope.user_id())
        .bind(at)
        .bind(crate::secret::sha256_hex(source))
        .bind(draft.pair_code)
        .bind(draft.previous_round)
        .fetch_one(&mut *$tx)
        .await?;
        for (list, entries) in draft.lists.iter().filter(|(list, _)| needed.contains(list)) {
            for (position, entry) in entries.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO round_entries (round_id, list, key, label, position) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(list)
                .bind(&entry.key)
                .bind(&entry.label)
                .bind(position as i64)
                .execute(&mut *$tx)
                .await?;
            }
        }
        let entry = $crate::audit::AuditEntry::scoped(scope, "create", "round", id).after(&serde_json::json!({
            "title": draft.title,
            "questionnaire": draft.questionnaire,
            "anonymous": draft.anonymous,
            "threshold": draft.threshold.get(),
        }));
        $crate::audit::record!(&mut *$tx, &entry)?;
        id
    }};
}
pub(crate) use insert_round;

/// What a round of a questionnaire needs before it is inserted: its source, and the lists its
/// rosters ask about (which the draft must give).
pub(crate) async fn prepare_round(db: &Db, scope: &OrgScope, draft: &RoundDraft) -> StoreResult<(String, Vec<String>)> {
    let source = source_of(db, scope, &draft.questionnaire).await?;
    // Each roster asks about a list, which the round must give.
    let definition = parsed(&source)?;
    let needed: Vec<String> = definition
        .items()
        .filter_map(|i| match &i.kind {
            questionnaire::ItemKind::Roster { list, .. } => Some(list.clone()),
            _ => None,
        })
        .collect();
    if needed.iter().any(|list| !draft.lists.contains_key(list)) {
        return Err(StoreError::field("lists", Problem::Required));
    }
    Ok((source, needed))
}

/// Makes a round of the organisation, for one of its initiatives or on its own; with an open
/// link, its secret is returned once (only its hash is kept).
pub async fn create(
    db: &Db,
    scope: &OrgScope,
    initiative_id: Option<i64>,
    draft: &RoundDraft,
) -> StoreResult<(Round, Option<Secret>)> {
    Round::require_manage(scope)?;
    let (source, needed) = prepare_round(db, scope, draft).await?;
    let open_link = draft.open_link.then(Secret::generate);
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let id = insert_round!(tx, scope, initiative_id, draft, &source, &open_link, &needed);
        tx.commit().await?;
        id
    });
    Ok((get(db, scope, id).await?, open_link))
}

/// One round in a list, with how far it has come.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct RoundSummary {
    pub id: i64,
    pub title: String,
    pub questionnaire: String,
    pub anonymous: bool,
    pub closed: bool,
    pub respondents: i64,
    pub answered: i64,
    pub responses: i64,
    pub created_at: i64,
}

/// The organisation's rounds, newest first; of one initiative when given.
pub async fn list(db: &Db, scope: &OrgScope, initiative_id: Option<i64>) -> StoreResult<Vec<RoundSummary>> {
    let rows = on_reader!(db, |pool| sqlx::query_as(
        "SELECT r.id, r.title, r.questionnaire, r.anonymous, r.closed_at IS NOT NULL AS closed, \
         (SELECT COUNT(*) FROM round_respondents p WHERE p.round_id = r.id) AS respondents, \
         (SELECT COUNT(*) FROM round_respondents p WHERE p.round_id = r.id AND p.answered) AS answered, \
         (SELECT COUNT(*) FROM round_responses s WHERE s.round_id = r.id AND s.submitted_at IS NOT NULL) AS responses, \
         r.created_at FROM questionnaire_rounds r \
         WHERE r.org_id = $1 AND ($2 IS NULL OR r.initiative_id = $2) ORDER BY r.created_at DESC, r.id DESC"
    )
    .bind(scope.org_id())
    .bind(initiative_id)
    .fetch_all(pool)
    .await?);
    Ok(rows)
}

/// Closes a round to answers now, or opens it again (its dates still apply).
pub async fn set_closed(db: &Db, scope: &OrgScope, round: &Round, closed: bool) -> StoreResult<Round> {
    Round::require_manage(scope)?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE questionnaire_rounds SET closed_at = $1, updated_at = $2 WHERE org_id = $3 AND id = $4")
            .bind(closed.then(now))
            .bind(now())
            .bind(scope.org_id())
            .bind(round.id)
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry::scoped(scope, "update", "round", round.id)
            .before(&serde_json::json!({ "closed": round.closed }))
            .after(&serde_json::json!({ "closed": closed }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    get(db, scope, round.id).await
}

/// Makes a new open link for the round; one made before stops working.
pub async fn new_open_link(db: &Db, scope: &OrgScope, round: &Round) -> StoreResult<Secret> {
    Round::require_manage(scope)?;
    let link = Secret::generate();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE questionnaire_rounds SET open_link_hash = $1, updated_at = $2 WHERE org_id = $3 AND id = $4",
        )
        .bind(link.hash())
        .bind(now())
        .bind(scope.org_id())
        .bind(round.id)
        .execute(&mut *tx)
        .await?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "reset", "round", round.id))?;
        tx.commit().await?;
    });
    Ok(link)
}
