//! Personal access tokens for API clients. Each is bound to one person and one organisation.

use parat_core::organisation::Role;
use parat_core::validation::required_text;
use serde::Serialize;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, Secret, StoreError, StoreResult};

/// A token's last use is written at most this often, so API reads stay reads.
const LAST_USED_RESOLUTION_SECONDS: i64 = 3600;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct TokenInfo {
    pub id: i64,
    pub name: String,
    pub org_name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// Creates a token for the scope's person and organisation; the secret is shown once.
pub async fn create(db: &Db, scope: &OrgScope, raw_name: &str) -> StoreResult<Secret> {
    let name = required_text(raw_name, 80).map_err(|p| StoreError::field("name", p))?;
    let token = Secret::generate();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO api_tokens (token_hash, user_id, org_id, name, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(token.hash())
        .bind(scope.user_id)
        .bind(scope.org_id)
        .bind(&name)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", "api_token", id).after(&serde_json::json!({ "name": name }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(token)
}

/// The person's tokens that are still valid, in every organisation.
pub async fn list(db: &Db, user_id: i64) -> StoreResult<Vec<TokenInfo>> {
    let rows = on_reader!(db, |pool| {
        sqlx::query_as::<_, TokenInfo>(
            "SELECT t.id, t.name, o.name AS org_name, t.created_at, t.last_used_at FROM api_tokens t \
         JOIN organisations o ON o.id = t.org_id WHERE t.user_id = $1 AND t.revoked_at IS NULL ORDER BY t.id",
        )
        .bind(user_id)
        .fetch_all(pool)
        .await?
    });
    Ok(rows)
}

pub async fn revoke(db: &Db, user_id: i64, token_id: i64) -> StoreResult<()> {
    let updated = on_writer!(db, |pool| {
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
            .bind(now())
            .bind(token_id)
            .bind(user_id)
            .execute(pool)
            .await?
            .rows_affected()
    });
    if updated == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

/// The scope a presented token grants, if it is valid and its owner is still a member.
pub async fn authenticate(db: &Db, token: &Secret) -> StoreResult<Option<OrgScope>> {
    let row: Option<(i64, i64, i64, String, String, Option<i64>)> = on_reader!(db, |pool| {
        sqlx::query_as(
            "SELECT t.id, t.user_id, t.org_id, m.role, u.display_name, t.last_used_at FROM api_tokens t \
         JOIN memberships m ON m.user_id = t.user_id AND m.org_id = t.org_id \
         JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
        )
        .bind(token.hash())
        .fetch_optional(pool)
        .await?
    });
    let Some((id, user_id, org_id, role, display_name, last_used)) = row else {
        return Ok(None);
    };
    let at = now();
    if last_used.is_none_or(|t| at - t > LAST_USED_RESOLUTION_SECONDS) {
        on_writer!(db, |pool| sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(at)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected());
    }
    let Ok(role) = Role::parse(&role) else {
        return Ok(None);
    };
    Ok(Some(OrgScope { org_id, user_id, role, actor_label: format!("{display_name} (API)") }))
}
