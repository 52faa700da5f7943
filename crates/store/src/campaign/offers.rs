//! An offered organisation's answer — interest in one of the campaign's topics with a contact
//! person, or no thanks — and the board's approval, which makes the initiative and the planned
//! assessment (or, by questionnaire, the round) in the organisation's own name, the board its
//! partner.

use parat_core::campaign::{FeedbackDraft, InterestDraft, Method, Response};
use parat_core::initiative::{InitiativeDraft, InitiativeStatus, Period, Topic};
use parat_core::questionnaire::round::RoundDraft;
use parat_core::readiness::assessment::AssessmentDraft;
use parat_core::Problem;

use super::campaigns::visible_campaign;
use super::*;
use crate::audit::{self, AuditEntry};
use crate::now;

/// An organisation's interest as registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interest {
    pub topic: TopicArea,
    pub contact_name: String,
    pub contact_email: String,
    pub informant_roles: String,
    pub preferred_weeks: String,
}

/// The campaigns offered to the scope's organisation with its own offer, the newest first.
pub async fn offers_to(db: &Db, scope: &OrgScope) -> StoreResult<Vec<(Campaign, Offer)>> {
    let rows: Vec<OfferRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT_OFFER} WHERE f.org_id = $1 ORDER BY f.created_at DESC, f.id DESC"
    ))
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    let mut offers = Vec::with_capacity(rows.len());
    for row in rows {
        let offer = row.into_offer();
        offers.push((visible_campaign(db, scope, offer.campaign_id).await?, offer));
    }
    Ok(offers)
}

/// One offer, read by the organisation it is made to or by the board that runs the campaign.
pub async fn offer(db: &Db, scope: &OrgScope, offer_id: i64) -> StoreResult<(Campaign, Offer)> {
    let row: Option<OfferRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT_OFFER} WHERE f.id = $1 AND (f.org_id = $2 OR EXISTS \
         (SELECT 1 FROM campaigns c WHERE c.id = f.campaign_id AND c.org_id = $2))"
    ))
    .bind(offer_id)
    .bind(scope.org_id())
    .fetch_optional(pool)
    .await?);
    let offer = row.ok_or(StoreError::NotFound)?.into_offer();
    Ok((visible_campaign(db, scope, offer.campaign_id).await?, offer))
}

/// The offer of a campaign to an organisation, as the scope may read it (`NotFound` otherwise).
pub async fn offer_in(db: &Db, scope: &OrgScope, campaign_id: i64, org_id: i64) -> StoreResult<(Campaign, Offer)> {
    let id: Option<(i64,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT id FROM campaign_offers WHERE campaign_id = $1 AND org_id = $2")
            .bind(campaign_id)
            .bind(org_id)
            .fetch_optional(pool)
            .await?);
    offer(db, scope, id.ok_or(StoreError::NotFound)?.0).await
}

/// The scope's own offer, to answer: its administrators and coordinators only.
pub(super) async fn own_offer(db: &Db, scope: &OrgScope, offer_id: i64) -> StoreResult<(Campaign, Offer)> {
    let (campaign, offer) = offer(db, scope, offer_id).await?;
    if offer.org_id != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    require_manager(scope)?;
    Ok((campaign, offer))
}

/// Records the organisation's answer while the board has not approved it: an approved offer
/// is `Closed` (its assessment exists; the organisation withdraws from it there).
async fn answer(
    db: &Db,
    scope: &OrgScope,
    offer: &Offer,
    response: Response,
    interest: Option<&InterestDraft>,
) -> StoreResult<()> {
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE campaign_offers SET response = $1, topic = $2, contact_name = $3, contact_email = $4, \
             informant_roles = $5, preferred_weeks = $6, responded_at = $7 WHERE id = $8 AND response <> 'approved'",
        )
        .bind(response.key())
        .bind(interest.map(|i| i.topic.key()))
        .bind(interest.map(|i| i.contact_name.as_str()))
        .bind(interest.map(|i| i.contact_email.as_str()))
        .bind(interest.map(|i| i.informant_roles.as_str()))
        .bind(interest.map(|i| i.preferred_weeks.as_str()))
        .bind(at)
        .bind(offer.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::Closed);
        }
        let entry = AuditEntry::scoped(scope, response.key(), "campaign_offer", offer.id)
            .before(&serde_json::json!({"response": offer.response}))
            .after(&serde_json::json!({"response": response, "topic": interest.map(|i| i.topic)}));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}

/// The organisation is interested in one of the campaign's topics, with a contact person.
pub async fn register_interest(db: &Db, scope: &OrgScope, offer_id: i64, draft: &InterestDraft) -> StoreResult<()> {
    let (campaign, offer) = own_offer(db, scope, offer_id).await?;
    if !campaign.topics.contains(&draft.topic) {
        return Err(StoreError::field("topic", Problem::UnknownChoice));
    }
    answer(db, scope, &offer, Response::Interested, Some(draft)).await
}

/// The organisation says no thanks (it may still change its mind until approved).
pub async fn decline(db: &Db, scope: &OrgScope, offer_id: i64) -> StoreResult<()> {
    let (_, offer) = own_offer(db, scope, offer_id).await?;
    answer(db, scope, &offer, Response::Declined, None).await
}

/// The board approves an interested organisation: in one transaction, an initiative in the
/// organisation's name (the board its partner) and the measurement of `issue` in it — a planned
/// assessment with the campaign's edition, or an anonymous round of its questionnaire over the
/// campaign's period, which the organisation sends to its people. Gives the measurement. An
/// offer without interest, or approved already, is `Closed`.
pub async fn approve(db: &Db, scope: &OrgScope, offer_id: i64, issue: &str) -> StoreResult<MeasurementRef> {
    let (campaign, offer) = offer(db, scope, offer_id).await?;
    if campaign.org_id != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    require_manager(scope)?;
    let (Response::Interested, Some(interest)) = (offer.response, &offer.interest) else {
        return Err(StoreError::Closed);
    };
    let unknown = || StoreError::Refused(format!("unknown instrument {}", campaign.instrument_id));
    let method = Method::of(&campaign.instrument_id).ok_or_else(unknown)?;
    let period = Period::new(Some(campaign.starts_on), Some(campaign.ends_on)).unwrap_or_default();
    let initiative = InitiativeDraft {
        name: campaign.name.clone(),
        description: String::new(),
        topic: Topic::Known(interest.topic),
        target_group: String::new(),
        period,
        status: InitiativeStatus::Planned,
        owner_id: None,
        partner_ids: vec![campaign.org_id],
    };
    // What the board makes is the organisation's own: its log shows it, in its name.
    let in_organisation = OrgScope {
        org_id: offer.org_id,
        user_id: scope.user_id(),
        role: scope.role(),
        actor_label: scope.actor_label().to_owned(),
    };
    let measure = match method {
        Method::Interviews => {
            let edition = crate::readiness::builtin_shared(&campaign.instrument_id)
                .and_then(|i| i.scoring_edition().ok())
                .ok_or_else(unknown)?;
            Measure::Assessment(
                AssessmentDraft {
                    instrument_id: campaign.instrument_id.clone(),
                    measured: offer.org_name.chars().take(parat_core::readiness::assessment::MEASURED_MAX).collect(),
                    issue: issue.chars().take(parat_core::readiness::assessment::ISSUE_MAX).collect(),
                    half_points: false,
                    interviewers: Vec::new(),
                    scorers: Vec::new(),
                },
                edition,
            )
        }
        Method::Questionnaire(definition) => {
            let draft = RoundDraft {
                questionnaire: definition.id.clone(),
                title: campaign.name.chars().take(parat_core::questionnaire::round::TITLE_MAX).collect(),
                issue: issue.chars().take(parat_core::questionnaire::round::ISSUE_MAX).collect(),
                // The county report shows means only: the answers carry no identity.
                anonymous: true,
                open_link: false,
                threshold: parat_core::questionnaire::Threshold::DEFAULT,
                period,
                pair_code: false,
                previous_round: None,
                lists: Default::default(),
            };
            let (source, needed) = crate::questionnaire::prepare_round(db, &in_organisation, &draft).await?;
            Measure::Round(draft, source, needed)
        }
    };
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let initiative_id = crate::initiatives::insert_initiative!(tx, offer.org_id, &initiative);
        sqlx::query("INSERT INTO initiative_partners (initiative_id, org_id) VALUES ($1, $2)")
            .bind(initiative_id)
            .bind(campaign.org_id)
            .execute(&mut *tx)
            .await?;
        let made = match &measure {
            Measure::Assessment(assessment, edition) => {
                let id = crate::readiness::insert_assessment!(tx, offer.org_id, initiative_id, assessment, *edition);
                let mut entry = AuditEntry::scoped(scope, "create", "assessment", id)
                    .after(&serde_json::json!({"campaign_id": campaign.id, "offer_id": offer.id}));
                entry.org_id = Some(offer.org_id);
                audit::record!(&mut *tx, &entry)?;
                MeasurementRef::Assessment(id)
            }
            Measure::Round(draft, source, needed) => {
                let no_link = None;
                let id = crate::questionnaire::insert_round!(
                    tx,
                    &in_organisation,
                    Some(initiative_id),
                    draft,
                    source,
                    &no_link,
                    needed
                );
                MeasurementRef::Round(id)
            }
        };
        let (assessment_id, round_id) = match made {
            MeasurementRef::Assessment(id) => (Some(id), None),
            MeasurementRef::Round(id) => (None, Some(id)),
        };
        let approved = sqlx::query(
            "UPDATE campaign_offers SET response = 'approved', approved_at = $1, assessment_id = $2, round_id = $3 \
             WHERE id = $4 AND response = 'interested'",
        )
        .bind(at)
        .bind(assessment_id)
        .bind(round_id)
        .bind(offer.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if approved == 0 {
            return Err(StoreError::Closed);
        }
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "approve", "campaign_offer", offer.id))?;
        let mut entry = AuditEntry::scoped(scope, "create", "initiative", initiative_id)
            .after(&serde_json::json!({"campaign_id": campaign.id, "offer_id": offer.id}));
        entry.org_id = Some(offer.org_id);
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<MeasurementRef, StoreError>(made)
    })
}

/// The measurement an approval makes, prepared before its transaction.
enum Measure {
    Assessment(AssessmentDraft, parat_core::readiness::Edition),
    Round(RoundDraft, String, Vec<String>),
}

/// An offer of the scope's own campaign, to manage: its administrators and coordinators only.
pub(super) async fn board_offer(db: &Db, scope: &OrgScope, offer_id: i64) -> StoreResult<(Campaign, Offer)> {
    let (campaign, offer) = offer(db, scope, offer_id).await?;
    if campaign.org_id != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    require_manager(scope)?;
    Ok((campaign, offer))
}

/// Records the feedback meeting of an approved organisation's measurement, once: the decided
/// actions become tasks of the assessment's action plan — or, after a questionnaire, milestones
/// of the initiative's plan a quarter after the meeting, for the organisation to date — in the
/// same transaction, and the organisation's own log shows them. Not approved, or recorded
/// already, is `Closed`.
pub async fn record_feedback(db: &Db, scope: &OrgScope, offer_id: i64, draft: &FeedbackDraft) -> StoreResult<()> {
    let (_, offer) = board_offer(db, scope, offer_id).await?;
    let (Some(measurement), None) = (offer.measurement(), &offer.feedback) else {
        return Err(StoreError::Closed);
    };
    let planned_on = (draft.held_on + time::Duration::days(91)).to_string();
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO campaign_feedback (offer_id, held_on, attended, strengths, concerns, resources, actions, \
             recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(offer.id)
        .bind(draft.held_on.to_string())
        .bind(&draft.attended)
        .bind(&draft.strengths)
        .bind(&draft.concerns)
        .bind(&draft.resources)
        .bind(draft.actions.join("\n"))
        .bind(at)
        .execute(&mut *tx)
        .await?;
        audit::record!(
            &mut *tx,
            &AuditEntry::scoped(scope, "feedback", "campaign_offer", offer.id)
                .after(&serde_json::json!({"held_on": draft.held_on.to_string(), "actions": draft.actions.len()}))
        )?;
        for what in &draft.actions {
            let (entity, (task,)): (&str, (i64,)) = match measurement {
                MeasurementRef::Assessment(assessment_id) => (
                    "action_item",
                    sqlx::query_as(
                        "INSERT INTO action_items (assessment_id, what, who, status, created_at, updated_at) \
                         VALUES ($1, $2, '', 'open', $3, $3) RETURNING id",
                    )
                    .bind(assessment_id)
                    .bind(what)
                    .bind(at)
                    .fetch_one(&mut *tx)
                    .await?,
                ),
                MeasurementRef::Round(round_id) => (
                    "landscape_milestone",
                    sqlx::query_as(
                        "INSERT INTO landscape_milestones (initiative_id, name, planned_on, source, created_at, \
                         updated_at) SELECT q.initiative_id, $1, $2, $3, $4, $4 FROM questionnaire_rounds q \
                         WHERE q.id = $5 AND q.initiative_id IS NOT NULL RETURNING id",
                    )
                    .bind(what)
                    .bind(&planned_on)
                    .bind(format!("round:{round_id}"))
                    .bind(at)
                    .bind(round_id)
                    .fetch_one(&mut *tx)
                    .await?,
                ),
            };
            let mut entry = AuditEntry::scoped(scope, "create", entity, task)
                .after(&serde_json::json!({"what": what, "offer_id": offer.id}));
            entry.org_id = Some(offer.org_id);
            audit::record!(&mut *tx, &entry)?;
        }
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}

/// Marks an approved organisation's share invoiced on a day, or not invoiced (`None`).
pub async fn set_invoiced(db: &Db, scope: &OrgScope, offer_id: i64, on: Option<time::Date>) -> StoreResult<()> {
    let (_, offer) = board_offer(db, scope, offer_id).await?;
    if offer.response != Response::Approved {
        return Err(StoreError::Closed);
    }
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE campaign_offers SET invoiced_on = $1 WHERE id = $2")
            .bind(on.map(|d| d.to_string()))
            .bind(offer.id)
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry::scoped(scope, "invoice", "campaign_offer", offer.id)
            .before(&serde_json::json!({"invoiced_on": offer.invoiced_on.map(|d| d.to_string())}))
            .after(&serde_json::json!({"invoiced_on": on.map(|d| d.to_string())}));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}
