//! Who a campaign's e-mail reaches — each offered organisation's administrators and
//! coordinators, in their own language — and when each offer was mailed and last reminded.

use parat_core::locale::Locale;

use super::*;
use crate::audit::{self, AuditEntry};
use crate::now;

/// One person an offer's e-mail goes to.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OfferRecipient {
    pub offer_id: i64,
    pub org_name: String,
    pub email: String,
    pub locale: Stored<Locale>,
    /// The offer was mailed before: this one is a reminder.
    pub mailed: bool,
}

/// The people the board's e-mail about a campaign reaches, by organisation: for every offer, or
/// (`unanswered_only`) for those not yet answered. The board's administrators and coordinators
/// only.
pub async fn mail_recipients(
    db: &Db,
    scope: &OrgScope,
    campaign_id: i64,
    unanswered_only: bool,
) -> StoreResult<(Campaign, Vec<OfferRecipient>)> {
    let found = super::campaign(db, scope, campaign_id).await?;
    require_manager(scope)?;
    let people = on_reader!(db, |pool| sqlx::query_as(
        "SELECT f.id AS offer_id, o.name AS org_name, u.email, u.locale, f.mailed_at IS NOT NULL AS mailed \
         FROM campaign_offers f JOIN organisations o ON o.id = f.org_id \
         JOIN memberships m ON m.org_id = f.org_id AND m.role IN ('admin', 'coordinator') \
         JOIN users u ON u.id = m.user_id \
         WHERE f.campaign_id = $1 AND (NOT $2 OR f.response = 'offered') ORDER BY o.name_key, f.id, u.email"
    )
    .bind(campaign_id)
    .bind(unanswered_only)
    .fetch_all(pool)
    .await?);
    Ok((found, people))
}

/// Records that these offers were e-mailed now: the first time as the offer, after that as a
/// reminder. The board's log says how many.
pub async fn mark_mailed(db: &Db, scope: &OrgScope, campaign_id: i64, offer_ids: &[i64]) -> StoreResult<()> {
    if offer_ids.is_empty() {
        return Ok(());
    }
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        for id in offer_ids {
            sqlx::query(
                "UPDATE campaign_offers SET reminded_at = CASE WHEN mailed_at IS NULL THEN NULL ELSE $1 END, \
                 mailed_at = COALESCE(mailed_at, $1) WHERE campaign_id = $2 AND id = $3",
            )
            .bind(at)
            .bind(campaign_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        let entry = AuditEntry::scoped(scope, "mail", "campaign", campaign_id)
            .after(&serde_json::json!({ "offers": offer_ids }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}
