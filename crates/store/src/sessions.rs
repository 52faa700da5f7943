//! Server-side sessions, kept in the database so that any app server can serve any request.

use parat_core::locale::Locale;
use parat_core::organisation::Role;

use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, Secret, StoreError, StoreResult};

/// A session ends after this long without use.
pub const IDLE_SECONDS: i64 = 8 * 3600;
/// Its expiry is pushed forward only when less than this remains, so reads stay reads.
const RENEW_BELOW_SECONDS: i64 = IDLE_SECONDS - 15 * 60;

/// A logged-in person as one request sees them, read in a single query.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub locale: Locale,
    pub is_instance_admin: bool,
    pub csrf_token: String,
    /// The organisation the person works in now, with their role there.
    pub current: Option<CurrentOrg>,
    pub membership_count: i64,
    expires_at: i64,
}

#[derive(Debug, Clone)]
pub struct CurrentOrg {
    pub org_id: i64,
    pub name: String,
    pub role: Role,
    /// Other organisations belong to this one (a county board's municipalities): it has a
    /// portfolio of their readiness.
    pub has_member_orgs: bool,
}

impl SessionUser {
    /// The scope for reading and writing the current organisation's data.
    pub fn scope(&self) -> Option<OrgScope> {
        self.current.as_ref().map(|current| OrgScope {
            org_id: current.org_id,
            user_id: self.user_id,
            role: current.role,
            actor_label: self.display_name.clone(),
        })
    }
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    user_id: i64,
    email: String,
    display_name: String,
    locale: crate::Stored<Locale>,
    is_instance_admin: bool,
    csrf_token: String,
    expires_at: i64,
    org_id: Option<i64>,
    org_name: Option<String>,
    role: Option<String>,
    membership_count: i64,
    has_member_orgs: bool,
}

/// Starts a session for a user in their first organisation (by name) and returns its token.
pub async fn create(db: &Db, user_id: i64) -> StoreResult<Secret> {
    let token = Secret::generate();
    let csrf = Secret::generate();
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(at).execute(&mut *tx).await?;
        let first_org: Option<(i64,)> = sqlx::query_as(
            "SELECT m.org_id FROM memberships m JOIN organisations o ON o.id = m.org_id \
             WHERE m.user_id = $1 ORDER BY o.name_key, o.id LIMIT 1",
        )
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, org_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token.hash())
        .bind(user_id)
        .bind(first_org.map(|(id,)| id))
        .bind(csrf.expose())
        .bind(at)
        .bind(at + IDLE_SECONDS)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
    });
    Ok(token)
}

/// The session's user, or `None` for an unknown or expired token.
pub async fn lookup(db: &Db, token: &Secret) -> StoreResult<Option<SessionUser>> {
    const SQL: &str = "SELECT s.user_id, u.email, u.display_name, u.locale, u.is_instance_admin, s.csrf_token, \
            s.expires_at, m.org_id, o.name AS org_name, m.role, \
            (SELECT COUNT(*) FROM memberships c WHERE c.user_id = s.user_id) AS membership_count, \
            EXISTS (SELECT 1 FROM organisations c WHERE c.parent_id = m.org_id) AS has_member_orgs \
        FROM sessions s JOIN users u ON u.id = s.user_id \
        LEFT JOIN memberships m ON m.user_id = s.user_id AND m.org_id = s.org_id \
        LEFT JOIN organisations o ON o.id = m.org_id \
        WHERE s.token_hash = $1 AND s.expires_at > $2";
    let at = now();
    let hash = token.hash();
    let row: Option<SessionRow> =
        on_reader!(db, |pool| sqlx::query_as(SQL).bind(&hash).bind(at).fetch_optional(pool).await?);
    let Some(row) = row else { return Ok(None) };
    if row.expires_at - at < RENEW_BELOW_SECONDS {
        on_writer!(db, |pool| sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2")
            .bind(at + IDLE_SECONDS)
            .bind(&hash)
            .execute(pool)
            .await?
            .rows_affected());
    }
    let current = match (row.org_id, row.org_name, row.role.as_deref().map(Role::parse)) {
        (Some(org_id), Some(name), Some(Ok(role))) => {
            Some(CurrentOrg { org_id, name, role, has_member_orgs: row.has_member_orgs })
        }
        _ => None,
    };
    Ok(Some(SessionUser {
        user_id: row.user_id,
        email: row.email,
        display_name: row.display_name,
        locale: row.locale.0,
        is_instance_admin: row.is_instance_admin,
        csrf_token: row.csrf_token,
        current,
        membership_count: row.membership_count,
        expires_at: row.expires_at,
    }))
}

impl SessionUser {
    pub fn expires_at(&self) -> i64 {
        self.expires_at
    }
}

/// Makes another of the user's organisations the current one. Not a member: `NotFound`.
pub async fn switch_org(db: &Db, token: &Secret, user_id: i64, org_id: i64) -> StoreResult<()> {
    let updated = on_writer!(db, |pool| sqlx::query(
        "UPDATE sessions SET org_id = $1 WHERE token_hash = $2 AND user_id = $3 \
         AND EXISTS (SELECT 1 FROM memberships WHERE user_id = $3 AND org_id = $1)"
    )
    .bind(org_id)
    .bind(token.hash())
    .bind(user_id)
    .execute(pool)
    .await?
    .rows_affected());
    if updated == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

pub async fn delete(db: &Db, token: &Secret) -> StoreResult<()> {
    on_writer!(db, |pool| sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token.hash())
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}
