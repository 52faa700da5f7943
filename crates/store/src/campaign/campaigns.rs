//! The campaign: made by a parent organisation's administrators and coordinators, offered to
//! every organisation under it or to those chosen; its board reads every offer.

use parat_core::campaign::{Audience, CampaignDraft, Response};
use parat_core::organisation::OrgKind;
use parat_core::Problem;

use super::*;
use crate::audit::{self, AuditEntry};
use crate::now;
use crate::organisations::BELOW;

/// The organisations under the scope's, by name, with their kind: whom a campaign may be
/// offered to.
pub async fn member_choices(db: &Db, scope: &OrgScope) -> StoreResult<Vec<(i64, String, OrgKind)>> {
    let rows: Vec<(i64, String, Stored<OrgKind>)> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{BELOW} SELECT o.id, o.name, o.kind FROM organisations o JOIN below b ON b.id = o.id ORDER BY o.name_key, o.id"
    ))
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().map(|(id, name, kind)| (id, name, kind.0)).collect())
}

/// The organisations that may carry out a campaign's measurements: any but the board itself
/// and those under it (a consultancy, a university, another authority).
pub async fn contractor_choices(db: &Db, scope: &OrgScope) -> StoreResult<Vec<(i64, String)>> {
    Ok(on_reader!(db, |pool| sqlx::query_as(&format!(
        "{BELOW} SELECT o.id, o.name FROM organisations o WHERE o.id <> $1 \
         AND o.id NOT IN (SELECT id FROM below) ORDER BY o.name_key, o.id"
    ))
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?))
}

/// Makes a campaign with one offer per organisation it is offered to, in one transaction.
pub async fn create_campaign(db: &Db, scope: &OrgScope, draft: &CampaignDraft) -> StoreResult<i64> {
    require_manager(scope)?;
    let members = member_choices(db, scope).await?;
    let offered: Vec<i64> = match draft.audience {
        Audience::All => members.iter().map(|(id, ..)| *id).collect(),
        Audience::Chosen => {
            if draft.offered.iter().any(|id| !members.iter().any(|(m, ..)| m == id)) {
                return Err(StoreError::field("offered", Problem::UnknownChoice));
            }
            draft.offered.clone()
        }
    };
    if offered.is_empty() {
        return Err(StoreError::field("audience", Problem::NotChosen));
    }
    if let Some(contractor) = draft.contractor_id {
        if !contractor_choices(db, scope).await?.iter().any(|(id, _)| *id == contractor) {
            return Err(StoreError::field("contractor_id", Problem::UnknownChoice));
        }
    }
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO campaigns (org_id, name, instrument_id, starts_on, ends_on, answer_by, offer_text, reference, \
             price, board_share, contractor_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
        )
        .bind(scope.org_id())
        .bind(&draft.name)
        .bind(&draft.instrument_id)
        .bind(draft.starts_on.to_string())
        .bind(draft.ends_on.to_string())
        .bind(draft.answer_by.map(|d| d.to_string()))
        .bind(&draft.offer_text)
        .bind(&draft.reference)
        .bind(draft.price.ore())
        .bind(i64::from(draft.board_share.hundredths()))
        .bind(draft.contractor_id)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        for (position, topic) in draft.topics.iter().enumerate() {
            sqlx::query("INSERT INTO campaign_topics (campaign_id, topic, position) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(topic.key())
                .bind(i64::try_from(position).unwrap_or(i64::MAX))
                .execute(&mut *tx)
                .await?;
        }
        for org_id in &offered {
            sqlx::query(
                "INSERT INTO campaign_offers (campaign_id, org_id, response, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(org_id)
            .bind(Response::Offered.key())
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        let entry = AuditEntry::scoped(scope, "create", "campaign", id).after(&serde_json::json!({
            "name": draft.name, "topics": draft.topics.iter().map(|t| t.key()).collect::<Vec<_>>(),
            "instrument_id": draft.instrument_id, "price": draft.price, "board_share": draft.board_share,
            "contractor_id": draft.contractor_id, "offered": offered,
        }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<i64, StoreError>(id)
    })
}

/// One line of the board's list of campaigns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CampaignLine {
    pub id: i64,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub offered: i64,
    pub answered: i64,
    pub approved: i64,
}

/// The campaigns the scope's organisation runs, the newest first.
pub async fn campaigns_of(db: &Db, scope: &OrgScope) -> StoreResult<Vec<CampaignLine>> {
    Ok(on_reader!(db, |pool| sqlx::query_as(
        "SELECT c.id, c.name, c.starts_on, c.ends_on, COUNT(f.id) AS offered, \
         CAST(SUM(CASE WHEN f.response <> 'offered' THEN 1 ELSE 0 END) AS BIGINT) AS answered, \
         CAST(SUM(CASE WHEN f.response = 'approved' THEN 1 ELSE 0 END) AS BIGINT) AS approved \
         FROM campaigns c LEFT JOIN campaign_offers f ON f.campaign_id = c.id WHERE c.org_id = $1 \
         GROUP BY c.id, c.name, c.starts_on, c.ends_on ORDER BY c.starts_on DESC, c.id DESC"
    )
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?))
}

/// A campaign as the organisation that runs it, or one it is offered to, reads it.
pub(super) async fn visible_campaign(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Campaign> {
    let row: Option<CampaignRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT_CAMPAIGN} WHERE c.id = $1 AND (c.org_id = $2 OR EXISTS \
         (SELECT 1 FROM campaign_offers f WHERE f.campaign_id = c.id AND f.org_id = $2))"
    ))
    .bind(id)
    .bind(scope.org_id())
    .fetch_optional(pool)
    .await?);
    row.and_then(CampaignRow::into_campaign).ok_or(StoreError::NotFound)
}

/// A campaign of the scope's organisation; another's is `NotFound`.
pub async fn campaign(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Campaign> {
    let found = visible_campaign(db, scope, id).await?;
    match found.org_id == scope.org_id() {
        true => Ok(found),
        false => Err(StoreError::NotFound),
    }
}

/// The campaign with every offered organisation's line, by name: the board's view.
pub async fn board(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<(Campaign, Vec<Offer>)> {
    let found = campaign(db, scope, id).await?;
    let rows: Vec<OfferRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT_OFFER} WHERE f.campaign_id = $1 ORDER BY o.name_key, o.id"
    ))
    .bind(id)
    .fetch_all(pool)
    .await?);
    Ok((found, rows.into_iter().map(OfferRow::into_offer).collect()))
}

/// A campaign as the scope's organisation sees it: the board every offer, an offered
/// organisation its own only.
pub async fn campaign_for(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<(Campaign, Vec<Offer>)> {
    let found = visible_campaign(db, scope, id).await?;
    if found.org_id == scope.org_id() {
        return board(db, scope, id).await;
    }
    let (_, own) = super::offers::offer_in(db, scope, id, scope.org_id()).await?;
    Ok((found, vec![own]))
}

/// Every campaign the scope's organisation runs or is offered, as [`campaign_for`] shows each:
/// its own first, newest first.
pub async fn campaigns_for(db: &Db, scope: &OrgScope) -> StoreResult<Vec<(Campaign, Vec<Offer>)>> {
    let mut all = Vec::new();
    for line in campaigns_of(db, scope).await? {
        all.push(board(db, scope, line.id).await?);
    }
    for (campaign, offer) in super::offers::offers_to(db, scope).await? {
        all.push((campaign, vec![offer]));
    }
    Ok(all)
}
