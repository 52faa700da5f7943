//! The contractor's access to an organisation's measurement: the board assigns two of the
//! contractor's people to an approved organisation (the method's two independent scorers); the
//! organisation sees who and consents, and can withdraw at once. While consent is in force they
//! are on the assessment's team, and each reaches that assessment — and nothing else of the organisation —
//! through a guest scope in the organisation's name (so the organisation's log shows what they did).
//! A questionnaire's round has no team: consent lets the people read its results (means above
//! the threshold, never single answers), to analyse them and hold the feedback meeting.

use parat_core::organisation::Role;
use parat_core::Problem;

use super::offers::{board_offer, own_offer};
use super::*;
use crate::audit::{self, AuditEntry};
use crate::now;

/// Takes the offer's contractor people off its assessment's team in the open transaction
/// `$tx` (a round has no team).
macro_rules! leave_team {
    ($tx:ident, $offer:expr) => {{
        let offer: &Offer = $offer;
        if let Some(assessment_id) = offer.assessment_id {
            for (person, _) in offer.contractor_team() {
                sqlx::query("DELETE FROM assessment_team WHERE assessment_id = $1 AND user_id = $2")
                    .bind(assessment_id)
                    .bind(person)
                    .execute(&mut *$tx)
                    .await?;
            }
        }
    }};
}

/// The contractor's people who may interview and score (all but its viewers), by name.
pub async fn contractor_people(db: &Db, campaign: &Campaign) -> StoreResult<Vec<(i64, String)>> {
    let Some((contractor, _)) = campaign.contractor else { return Ok(Vec::new()) };
    Ok(on_reader!(db, |pool| sqlx::query_as(
        "SELECT u.id, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.org_id = $1 AND m.role <> 'viewer' ORDER BY u.display_name, u.id"
    )
    .bind(contractor)
    .fetch_all(pool)
    .await?))
}

impl Offer {
    /// The contractor's people assigned to this organisation: the first, then the second scorer.
    pub fn contractor_team(&self) -> impl Iterator<Item = &(i64, String)> {
        self.contractor_person.iter().chain(self.second_scorer.iter())
    }
}

/// The board assigns the contractor's people to an approved organisation: one who interviews and
/// scores, and a second, the method's other independent scorer (who may be named later). New
/// people need the organisation's consent afresh: the previous ones' access ends.
pub async fn assign_contractor(
    db: &Db,
    scope: &OrgScope,
    offer_id: i64,
    user_id: i64,
    second: Option<i64>,
) -> StoreResult<()> {
    let (campaign, offer) = board_offer(db, scope, offer_id).await?;
    if offer.measurement().is_none() {
        return Err(StoreError::Closed);
    }
    let people = contractor_people(db, &campaign).await?;
    let known = |id: i64| people.iter().any(|(p, _)| *p == id);
    if !known(user_id) {
        return Err(StoreError::field("contractor_user_id", Problem::UnknownChoice));
    }
    match second {
        Some(second) if !known(second) => return Err(StoreError::field("second_user_id", Problem::UnknownChoice)),
        Some(second) if second == user_id => return Err(StoreError::field("second_user_id", Problem::TwoScorers)),
        _ => {}
    }
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        leave_team!(tx, &offer);
        sqlx::query(
            "UPDATE campaign_offers SET contractor_user_id = $1, second_user_id = $2, access_granted_at = NULL, \
             access_withdrawn_at = NULL WHERE id = $3",
        )
        .bind(user_id)
        .bind(second)
        .bind(offer.id)
        .execute(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "assign", "campaign_offer", offer.id)
            .before(&serde_json::json!({
                "contractor_user_id": offer.contractor_person.as_ref().map(|p| p.0),
                "second_user_id": offer.second_scorer.as_ref().map(|p| p.0),
            }))
            .after(&serde_json::json!({"contractor_user_id": user_id, "second_user_id": second}));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}

/// The organisation consents to the assigned people's access: on an assessment the first joins
/// its team as interviewer and scorer, the second as scorer; on a round both may read its results.
pub async fn grant_access(db: &Db, scope: &OrgScope, offer_id: i64) -> StoreResult<()> {
    let (_, offer) = own_offer(db, scope, offer_id).await?;
    let (Some(measurement), Some((user_id, _))) = (offer.measurement(), &offer.contractor_person) else {
        return Err(StoreError::Closed);
    };
    let mut tasks = Vec::new();
    if let MeasurementRef::Assessment(assessment_id) = measurement {
        tasks.extend([(assessment_id, *user_id, "interviewer"), (assessment_id, *user_id, "scorer")]);
        if let Some((second, _)) = &offer.second_scorer {
            tasks.push((assessment_id, *second, "scorer"));
        }
    }
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE campaign_offers SET access_granted_at = $1, access_withdrawn_at = NULL WHERE id = $2")
            .bind(now())
            .bind(offer.id)
            .execute(&mut *tx)
            .await?;
        for (assessment_id, person, task) in &tasks {
            sqlx::query(
                "INSERT INTO assessment_team (assessment_id, user_id, task) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(assessment_id)
            .bind(person)
            .bind(task)
            .execute(&mut *tx)
            .await?;
        }
        let entry = AuditEntry::scoped(scope, "grant", "campaign_offer", offer.id).after(&serde_json::json!({
            "user_id": user_id, "second_user_id": offer.second_scorer.as_ref().map(|p| p.0),
            "measurement": measurement,
        }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}

/// The organisation withdraws its consent: the people leave the team and lose access at once.
pub async fn withdraw_access(db: &Db, scope: &OrgScope, offer_id: i64) -> StoreResult<()> {
    let (_, offer) = own_offer(db, scope, offer_id).await?;
    let (Some(measurement), true) = (offer.measurement(), offer.access_granted) else {
        return Err(StoreError::Closed);
    };
    let people: Vec<i64> = offer.contractor_team().map(|(id, _)| *id).collect();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE campaign_offers SET access_withdrawn_at = $1 WHERE id = $2")
            .bind(now())
            .bind(offer.id)
            .execute(&mut *tx)
            .await?;
        leave_team!(tx, &offer);
        let entry = AuditEntry::scoped(scope, "withdraw", "campaign_offer", offer.id)
            .after(&serde_json::json!({"people": people, "measurement": measurement}));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}

/// The scope a contractor's person works in on one assessment of another organisation: that
/// organisation's, as a scorer (never managing), while the person is assigned to it through
/// their own organisation's campaign contract and the organisation's consent is in force.
pub async fn guest_scope(db: &Db, scope: &OrgScope, assessment_id: i64) -> StoreResult<Option<OrgScope>> {
    let row: Option<(i64,)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT f.org_id FROM campaign_offers f JOIN campaigns c ON c.id = f.campaign_id \
         WHERE f.assessment_id = $1 AND $2 IN (f.contractor_user_id, f.second_user_id) AND c.contractor_id = $3 \
         AND f.access_granted_at IS NOT NULL AND f.access_withdrawn_at IS NULL"
    )
    .bind(assessment_id)
    .bind(scope.user_id())
    .bind(scope.org_id())
    .fetch_optional(pool)
    .await?);
    Ok(row.map(|(org_id,)| OrgScope {
        org_id,
        user_id: scope.user_id(),
        role: Role::Scorer,
        actor_label: scope.actor_label().to_owned(),
    }))
}

/// The scope a contractor's person reads one round's results in — the round's organisation's,
/// as a viewer, on the same terms as [`guest_scope`] — with that organisation's name (the
/// campaign's rounds share one title).
pub async fn guest_round_scope(db: &Db, scope: &OrgScope, round_id: i64) -> StoreResult<Option<(OrgScope, String)>> {
    let row: Option<(i64, String)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT f.org_id, o.name FROM campaign_offers f JOIN campaigns c ON c.id = f.campaign_id \
         JOIN organisations o ON o.id = f.org_id \
         WHERE f.round_id = $1 AND $2 IN (f.contractor_user_id, f.second_user_id) AND c.contractor_id = $3 \
         AND f.access_granted_at IS NOT NULL AND f.access_withdrawn_at IS NULL"
    )
    .bind(round_id)
    .bind(scope.user_id())
    .bind(scope.org_id())
    .fetch_optional(pool)
    .await?);
    Ok(row.map(|(org_id, name)| {
        let scope = OrgScope {
            org_id,
            user_id: scope.user_id(),
            role: Role::Viewer,
            actor_label: scope.actor_label().to_owned(),
        };
        (scope, name)
    }))
}

/// The measurements the scope's person is assigned to as the contractor's, with consent in
/// force, by organisation.
pub async fn assignments(db: &Db, scope: &OrgScope) -> StoreResult<Vec<(String, MeasurementRef)>> {
    let rows: Vec<(String, Option<i64>, Option<i64>)> = on_reader!(db, |pool| {
        sqlx::query_as(
        "SELECT o.name, f.assessment_id, f.round_id FROM campaign_offers f JOIN campaigns c ON c.id = f.campaign_id \
         JOIN organisations o ON o.id = f.org_id WHERE $1 IN (f.contractor_user_id, f.second_user_id) AND c.contractor_id = $2 \
         AND f.access_granted_at IS NOT NULL AND f.access_withdrawn_at IS NULL \
         AND (f.assessment_id IS NOT NULL OR f.round_id IS NOT NULL) ORDER BY o.name_key, f.id"
    )
    .bind(scope.user_id())
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?
    });
    Ok(rows
        .into_iter()
        .filter_map(|(name, assessment, round)| {
            let measurement = assessment.map(MeasurementRef::Assessment).or(round.map(MeasurementRef::Round))?;
            Some((name, measurement))
        })
        .collect())
}
