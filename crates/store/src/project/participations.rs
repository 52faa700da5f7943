//! Participants in an initiative's individual-oriented activities: registered in and out, each
//! a participant of the organisation's registry. Reads of who took part are audited.

use parat_core::participant::ParticipantDraft;
use parat_core::project::{AgeBand, ExitReason, Gender, Income, JoinDraft, LeaveDraft, Occupation, ParticipationFacts};
use parat_core::Problem;
use serde::Serialize;
use time::Date;

use super::events::{check_initiative, require_editor};
use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, StoreError, StoreResult, Stored};

/// How a participation ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Leaving {
    pub left_on: Date,
    pub reason: ExitReason,
    pub income_after: Income,
    pub occupation_after: Occupation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participation {
    pub id: i64,
    pub initiative_id: i64,
    pub participant_id: i64,
    pub code: String,
    pub gender: Gender,
    pub age_band: AgeBand,
    pub joined_on: Date,
    pub consent: bool,
    pub income_before: Income,
    pub occupation_before: Occupation,
    pub leaving: Option<Leaving>,
}

impl Participation {
    /// What a period's figures need of it, without the code.
    pub fn facts(&self) -> ParticipationFacts {
        ParticipationFacts {
            gender: self.gender,
            joined_on: self.joined_on,
            left_on: self.leaving.as_ref().map(|l| l.left_on),
            before: (self.income_before, self.occupation_before),
            after: self.leaving.as_ref().map(|l| (l.income_after, l.occupation_after)),
        }
    }
}

#[derive(sqlx::FromRow)]
struct ParticipationRow {
    id: i64,
    initiative_id: i64,
    participant_id: i64,
    code: String,
    gender: Stored<Gender>,
    age_band: Stored<AgeBand>,
    joined_on: String,
    consent: bool,
    income_before: Stored<Income>,
    occupation_before: Stored<Occupation>,
    left_on: Option<String>,
    exit_reason: Option<Stored<ExitReason>>,
    income_after: Option<Stored<Income>>,
    occupation_after: Option<Stored<Occupation>>,
}

fn date(raw: &str) -> Option<Date> {
    parat_core::initiative::parse_date(raw).ok().flatten()
}

impl ParticipationRow {
    fn into_participation(self) -> Option<Participation> {
        let leaving = match (
            self.left_on.as_deref().and_then(date),
            self.exit_reason,
            self.income_after,
            self.occupation_after,
        ) {
            (Some(left_on), Some(reason), Some(income), Some(occupation)) => {
                Some(Leaving { left_on, reason: reason.0, income_after: income.0, occupation_after: occupation.0 })
            }
            _ => None,
        };
        Some(Participation {
            id: self.id,
            initiative_id: self.initiative_id,
            participant_id: self.participant_id,
            code: self.code,
            gender: self.gender.0,
            age_band: self.age_band.0,
            joined_on: date(&self.joined_on)?,
            consent: self.consent,
            income_before: self.income_before.0,
            occupation_before: self.occupation_before.0,
            leaving,
        })
    }

    fn facts(self) -> Option<ParticipationFacts> {
        self.into_participation().as_ref().map(Participation::facts)
    }
}

const SELECT: &str = "SELECT j.id, j.initiative_id, j.participant_id, p.code, j.gender, j.age_band, j.joined_on, \
     j.consent, j.income_before, j.occupation_before, j.left_on, j.exit_reason, j.income_after, j.occupation_after \
     FROM project_participations j JOIN participants p ON p.id = j.participant_id";

async fn rows_of(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<ParticipationRow>> {
    Ok(on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT} WHERE j.initiative_id = $1 AND j.org_id = $2 ORDER BY j.joined_on, j.id"
    ))
    .bind(initiative_id)
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?))
}

/// The initiative's participations, by when they began; the read is audited.
pub async fn participations_of(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Participation>> {
    check_initiative(db, scope, initiative_id).await?;
    let rows = rows_of(db, scope, initiative_id).await?;
    if !rows.is_empty() {
        audit::log_read(db, AuditEntry::scoped(scope, "read", "project_participations", initiative_id)).await?;
    }
    Ok(rows.into_iter().filter_map(ParticipationRow::into_participation).collect())
}

/// The facts of the participations in initiatives of the organisations `funded` (a CTE that
/// binds `$1`) with an indicator counting those who reached work or studies, by initiative: for
/// the view across projects, in one query.
pub(super) async fn facts_for_indicators(
    db: &Db,
    funded: &str,
    org: i64,
) -> StoreResult<std::collections::HashMap<i64, Vec<ParticipationFacts>>> {
    let rows: Vec<ParticipationRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{funded} {SELECT} JOIN funded f ON f.id = j.org_id WHERE EXISTS (SELECT 1 FROM project_indicators x \
         WHERE x.initiative_id = j.initiative_id AND x.source = 'reached_work_or_studies')"
    ))
    .bind(org)
    .fetch_all(pool)
    .await?);
    let mut by_initiative: std::collections::HashMap<i64, Vec<ParticipationFacts>> = Default::default();
    for row in rows {
        let initiative = row.initiative_id;
        if let Some(facts) = row.facts() {
            by_initiative.entry(initiative).or_default().push(facts);
        }
    }
    Ok(by_initiative)
}

/// What a period's figures need, without codes (and so without an audited read).
pub(super) async fn participation_facts_unchecked(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
) -> StoreResult<Vec<ParticipationFacts>> {
    Ok(rows_of(db, scope, initiative_id).await?.into_iter().filter_map(ParticipationRow::facts).collect())
}

/// One participation; the read is audited.
pub async fn participation(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Participation> {
    let row: Option<ParticipationRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT} WHERE j.id = $1 AND j.org_id = $2"))
            .bind(id)
            .bind(scope.org_id())
            .fetch_optional(pool)
            .await?);
    let participation = row.and_then(ParticipationRow::into_participation).ok_or(StoreError::NotFound)?;
    audit::log_read(db, AuditEntry::scoped(scope, "read", "project_participation", id)).await?;
    Ok(participation)
}

/// Registers a participant in: the registry's participant under the code, made when the code is
/// new (with consent recorded, or none for an anonymous participant). A participant already in
/// the initiative and not yet out is refused.
pub async fn join(db: &Db, scope: &OrgScope, initiative_id: i64, draft: &JoinDraft) -> StoreResult<i64> {
    require_editor(scope)?;
    check_initiative(db, scope, initiative_id).await?;
    let existing: Option<(i64,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT id FROM participants WHERE org_id = $1 AND code = $2")
            .bind(scope.org_id())
            .bind(&draft.code)
            .fetch_optional(pool)
            .await?);
    let participant_id = match existing {
        Some((id,)) => id,
        None => {
            let consent = draft.consent.then(|| (draft.joined_on, "Uppföljning av insatsens deltagare".to_owned()));
            let participant = ParticipantDraft {
                code: draft.code.clone(),
                age_group: draft.age_band.age_group(),
                consent,
                identity: None,
            };
            crate::participants::create(db, scope, &participant).await?
        }
    };
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let open: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM project_participations WHERE initiative_id = $1 AND participant_id = $2 AND left_on IS NULL",
        )
        .bind(initiative_id)
        .bind(participant_id)
        .fetch_optional(&mut *tx)
        .await?;
        if open.is_some() {
            return Err(StoreError::field("code", Problem::Taken));
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO project_participations (org_id, initiative_id, participant_id, gender, age_band, joined_on, \
             consent, income_before, occupation_before, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             RETURNING id",
        )
        .bind(scope.org_id())
        .bind(initiative_id)
        .bind(participant_id)
        .bind(draft.gender.key())
        .bind(draft.age_band.key())
        .bind(draft.joined_on.to_string())
        .bind(draft.consent)
        .bind(draft.income_before.key())
        .bind(draft.occupation_before.key())
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        // The code stays out of the log: the participant's id says who.
        let after = serde_json::json!({"participant_id": participant_id, "joined_on": draft.joined_on.to_string()});
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "project_participation", id).after(&after))?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Registers a participant out, with why and their income and occupation after.
pub async fn leave(db: &Db, scope: &OrgScope, id: i64, draft: &LeaveDraft) -> StoreResult<()> {
    require_editor(scope)?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE project_participations SET left_on = $1, exit_reason = $2, income_after = $3, occupation_after = $4 \
             WHERE id = $5 AND org_id = $6",
        )
        .bind(draft.left_on.to_string())
        .bind(draft.reason.key())
        .bind(draft.income_after.key())
        .bind(draft.occupation_after.key())
        .bind(id)
        .bind(scope.org_id())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        let after = serde_json::json!({"left_on": draft.left_on.to_string(), "reason": draft.reason.key()});
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "update", "project_participation", id).after(&after))?;
        tx.commit().await?;
        Ok(())
    })
}
