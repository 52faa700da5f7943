//! Sessions with their ratings. Marks are kept in tenths, so that what was entered is what is
//! read back, exactly; a total from paper is kept without items.

use std::collections::HashMap;

use parat_core::outcomes::{Marks, Ratings, Tenths};
use time::Date;

use super::episodes::Episode;
use super::*;
use crate::stored::date_of;

/// How a session's ratings came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionSource {
    Tablet,
    Phone,
    Paper,
    Api,
}

impl SessionSource {
    pub fn key(self) -> &'static str {
        match self {
            SessionSource::Tablet => "tablet",
            SessionSource::Phone => "phone",
            SessionSource::Paper => "paper",
            SessionSource::Api => "api",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionDraft {
    pub held_on: Date,
    pub group_session: bool,
    pub ratings: Ratings,
    pub source: SessionSource,
    /// The form's one-time key: the same form submitted twice stores one session.
    pub submission: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    pub held_on: Date,
    pub group_session: bool,
    pub ratings: Ratings,
}

/// The columns of one rating: four items (or none) and the total.
pub(super) fn columns(marks: Option<&Marks>) -> ([Option<i64>; 4], Option<i64>) {
    match marks {
        None => ([None; 4], None),
        Some(marks) => (
            marks.item_marks().map_or([None; 4], |items| items.map(|t| Some(t.tenths()))),
            Some(marks.total().tenths()),
        ),
    }
}

fn marks_of(items: [Option<i64>; 4], total: Option<i64>) -> Option<Marks> {
    match items {
        [Some(a), Some(b), Some(c), Some(d)] => Marks::items(&[a, b, c, d].map(Tenths::from_tenths)).ok(),
        _ => Marks::total_only(Tenths::from_tenths(total?)).ok(),
    }
}

/// Inserts a session unless its submission key is stored for the episode already; the new
/// row's id, or none. A macro, because each backend's transaction is its own type.
macro_rules! insert_session {
    ($tx:expr, $episode_id:expr, $draft:expr) => {{
        let draft: &SessionDraft = $draft;
        let (ors, ors_total) = $crate::outcomes::sessions::columns(draft.ratings.outcome());
        let (srs, srs_total) = $crate::outcomes::sessions::columns(draft.ratings.session());
        let row: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO outcome_sessions (episode_id, held_on, group_session, ors_1, ors_2, ors_3, ors_4, ors_total, \
             srs_1, srs_2, srs_3, srs_4, srs_total, source, submission, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
             ON CONFLICT (episode_id, submission) DO NOTHING RETURNING id",
        )
        .bind($episode_id)
        .bind(draft.held_on.to_string())
        .bind(draft.group_session)
        .bind(ors[0])
        .bind(ors[1])
        .bind(ors[2])
        .bind(ors[3])
        .bind(ors_total)
        .bind(srs[0])
        .bind(srs[1])
        .bind(srs[2])
        .bind(srs[3])
        .bind(srs_total)
        .bind(draft.source.key())
        .bind(&draft.submission)
        .bind(now())
        .fetch_optional($tx)
        .await?;
        row.map(|(id,)| id)
    }};
}
pub(super) use insert_session;

/// Records a session of an episode the scope sees and may record for (its practitioner, its
/// unit's manager, an administrator): on or after the episode's start, by its end, not in the
/// future. A submission already stored returns the session it stored, `false` for not new.
pub async fn record_session(
    db: &Db,
    scope: &OrgScope,
    episode_id: i64,
    draft: &SessionDraft,
    today: Date,
) -> StoreResult<(i64, bool)> {
    let episode = super::episodes::find(db, scope, episode_id).await?;
    let invalid = |problem| StoreError::Invalid(parat_core::FieldErrors::single("held_on", problem));
    if draft.held_on > today {
        return Err(invalid(parat_core::Problem::DateInFuture));
    }
    if draft.held_on < episode.starts_on || episode.ended.is_some_and(|(end, _)| draft.held_on > end) {
        return Err(invalid(parat_core::Problem::OutOfRange { min: 0, max: 0 }));
    }
    let (_, ors_total) = columns(draft.ratings.outcome());
    let (_, srs_total) = columns(draft.ratings.session());
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let row = insert_session!(&mut *tx, episode_id, draft);
        let Some(id) = row else {
            // Submitted before for this episode: the session it stored.
            let (id,): (i64,) =
                sqlx::query_as("SELECT id FROM outcome_sessions WHERE submission = $1 AND episode_id = $2")
                    .bind(&draft.submission)
                    .bind(episode_id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(StoreError::NotFound)?;
            return Ok((id, false));
        };
        let entry = AuditEntry::scoped(scope, "create", "outcome_session", id).after(&serde_json::json!({
            "episode_id": episode_id, "held_on": draft.held_on.to_string(), "source": draft.source.key(),
            "ors_total": ors_total, "srs_total": srs_total,
        }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(i64, bool), StoreError>((id, true))
    })
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    episode_id: i64,
    held_on: String,
    group_session: bool,
    ors_1: Option<i64>,
    ors_2: Option<i64>,
    ors_3: Option<i64>,
    ors_4: Option<i64>,
    ors_total: Option<i64>,
    srs_1: Option<i64>,
    srs_2: Option<i64>,
    srs_3: Option<i64>,
    srs_4: Option<i64>,
    srs_total: Option<i64>,
}

impl SessionRow {
    fn into_session(self) -> Option<(i64, Session)> {
        let outcome = marks_of([self.ors_1, self.ors_2, self.ors_3, self.ors_4], self.ors_total);
        let session = marks_of([self.srs_1, self.srs_2, self.srs_3, self.srs_4], self.srs_total);
        let ratings = Ratings::new(outcome, session).ok()?;
        Some((
            self.episode_id,
            Session { id: self.id, held_on: date_of(Some(self.held_on))?, group_session: self.group_session, ratings },
        ))
    }
}

const SELECT: &str = "SELECT s.id, s.episode_id, s.held_on, s.group_session, s.ors_1, s.ors_2, s.ors_3, s.ors_4, \
    s.ors_total, s.srs_1, s.srs_2, s.srs_3, s.srs_4, s.srs_total FROM outcome_sessions s";

/// An episode's sessions in date order (then as entered); the read is audited.
pub async fn sessions_of(db: &Db, scope: &OrgScope, episode_id: i64) -> StoreResult<Vec<Session>> {
    super::episodes::find(db, scope, episode_id).await?;
    let sessions = unlogged_sessions_of(db, episode_id).await?;
    audit::log_read(db, AuditEntry::scoped(scope, "read", "outcome_sessions", episode_id)).await?;
    Ok(sessions)
}

/// The sessions of an episode the caller was given by a scoped read (so seen by its scope), for
/// the participant's page, whose read of the participant is logged already
/// (`participants::open`): one entry per look at a participant, not one per table.
pub async fn sessions_of_opened(db: &Db, episode: &Episode) -> StoreResult<Vec<Session>> {
    unlogged_sessions_of(db, episode.id).await
}

/// How many sessions an episode the scope sees has: a count, not a read of ratings, so not
/// audited (a page waiting for a rating from a phone asks every few seconds).
pub async fn session_count(db: &Db, scope: &OrgScope, episode_id: i64) -> StoreResult<usize> {
    super::episodes::find(db, scope, episode_id).await?;
    let (count,): (i64,) =
        on_reader!(db, |pool| sqlx::query_as("SELECT COUNT(*) FROM outcome_sessions WHERE episode_id = $1")
            .bind(episode_id)
            .fetch_one(pool)
            .await?);
    Ok(usize::try_from(count).unwrap_or_default())
}

/// An episode's sessions for a read already checked and logged by the caller.
pub(super) async fn unlogged_sessions_of(db: &Db, episode_id: i64) -> StoreResult<Vec<Session>> {
    let rows: Vec<SessionRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT} WHERE s.episode_id = $1 ORDER BY s.held_on, s.id"))
            .bind(episode_id)
            .fetch_all(pool)
            .await?);
    Ok(rows.into_iter().filter_map(SessionRow::into_session).map(|(_, s)| s).collect())
}

/// Every session's ratings of a unit, per episode in date order.
pub(super) async fn ratings_of_unit(db: &Db, unit_id: i64) -> StoreResult<HashMap<i64, Vec<(Date, Ratings)>>> {
    ratings_by_episode(db, "e.unit_id = $1", unit_id).await
}

/// The ratings of every episode the scope sees (`VISIBLE`), for its list of participants.
pub(super) async fn ratings_of_visible(db: &Db, scope: &OrgScope) -> StoreResult<HashMap<i64, Vec<(Date, Ratings)>>> {
    let rows: Vec<SessionRow> = on_reader!(db, |pool| {
        sqlx::query_as(&format!(
            "{SELECT} JOIN outcome_episodes e ON e.id = s.episode_id WHERE {} ORDER BY s.episode_id, s.held_on, s.id",
            super::episodes::VISIBLE
        ))
        .bind(scope.org_id())
        .bind(scope.user_id())
        .bind(scope.role().can_administer())
        .fetch_all(pool)
        .await?
    });
    Ok(by_episode(rows))
}

/// The ratings of the organisation's closed episodes, for its own expected progress.
pub(super) async fn ratings_of_closed(db: &Db, org_id: i64) -> StoreResult<HashMap<i64, Vec<(Date, Ratings)>>> {
    ratings_by_episode(db, "e.org_id = $1 AND e.ends_on IS NOT NULL", org_id).await
}

/// Sessions' ratings per episode, in date order, of the episodes `e` where `condition` holds
/// for `$1`.
pub(super) async fn ratings_by_episode(
    db: &Db,
    condition: &str,
    id: i64,
) -> StoreResult<HashMap<i64, Vec<(Date, Ratings)>>> {
    let rows: Vec<SessionRow> = on_reader!(db, |pool| {
        sqlx::query_as(&format!(
            "{SELECT} JOIN outcome_episodes e ON e.id = s.episode_id WHERE {condition} ORDER BY s.episode_id, s.held_on, s.id"
        ))
        .bind(id)
        .fetch_all(pool)
        .await?
    });
    Ok(by_episode(rows))
}

fn by_episode(rows: Vec<SessionRow>) -> HashMap<i64, Vec<(Date, Ratings)>> {
    let mut by_episode: HashMap<i64, Vec<(Date, Ratings)>> = HashMap::new();
    for (episode_id, session) in rows.into_iter().filter_map(SessionRow::into_session) {
        by_episode.entry(episode_id).or_default().push((session.held_on, session.ratings));
    }
    by_episode
}
