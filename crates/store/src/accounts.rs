//! People: accounts, passwords, memberships in organisations, first-start setup and login throttling.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use parat_core::account::{DisplayName, Email, NewPassword};
use parat_core::locale::Locale;
use parat_core::organisation::{OrgKind, Role};
use parat_core::Problem;
use serde::Serialize;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, search_key, Db, OrgScope, Secret, StoreError, StoreResult};

/// Inserts the user row through `$executor` (the caller owns the transaction) and evaluates to
/// its id; a taken e-mail address returns a field error from the enclosing function.
macro_rules! insert_user {
    ($executor:expr, $user:expr, $hash:expr, $instance_admin:expr) => {{
        let user: &NewUser = $user;
        let result: Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO users (email, display_name, password_hash, locale, is_instance_admin, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(user.email.as_str())
        .bind(user.display_name.as_str())
        .bind($hash)
        .bind(user.locale.key())
        .bind($instance_admin)
        .bind(now())
        .fetch_one($executor)
        .await;
        match result {
            Ok((id,)) => id,
            Err(e) => return Err(StoreError::from_write(e)),
        }
    }};
}

/// Hashes a password with Argon2id on a blocking thread (it takes tens of milliseconds by design).
pub async fn hash_password(password: &NewPassword) -> StoreResult<String> {
    let password = password.expose().to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|_| StoreError::PasswordHash)
    })
    .await
    .map_err(|_| StoreError::PasswordHash)?
}

async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A hash of a password nobody knows, verified when the account does not exist so that a
/// login for a missing account takes as long as one for a real account.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Ck2QfpVHVbTeYr9WS8Cy7EnqZ0EmYhq2EjIXD6Qt4ME";

/// A new account to create.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub display_name: DisplayName,
    pub password: NewPassword,
    pub locale: Locale,
}

/// Creates an account and returns its id. A taken e-mail address is a field error.
pub async fn create_user(db: &Db, user: &NewUser, instance_admin: bool) -> StoreResult<i64> {
    let hash = hash_password(&user.password).await?;
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let id = insert_user!(&mut *tx, user, &hash, instance_admin);
        let entry = AuditEntry {
            org_id: None,
            actor_id: None,
            actor_label: "parat".into(),
            action: "create",
            entity: "user",
            entity_id: Some(id),
            before: None,
            after: Some(serde_json::json!({ "display_name": user.display_name.as_str() })),
        };
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

/// The account's id when the e-mail address and password match. Unknown addresses take as
/// long as wrong passwords.
pub async fn authenticate(db: &Db, email: &str, password: &str) -> StoreResult<Option<i64>> {
    let email = email.trim().to_lowercase();
    let row: Option<(i64, String)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT id, password_hash FROM users WHERE email = $1")
            .bind(&email)
            .fetch_optional(pool)
            .await?);
    let (id, hash) = match row {
        Some((id, hash)) => (Some(id), hash),
        None => (None, DUMMY_HASH.to_owned()),
    };
    let matches = verify_password(password.to_owned(), hash).await;
    Ok(id.filter(|_| matches))
}

pub async fn set_locale(db: &Db, user_id: i64, locale: Locale) -> StoreResult<()> {
    on_writer!(db, |pool| sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale.key())
        .bind(user_id)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

/// Changes one's own password after checking the current one. The account's other sessions end
/// (someone who knew the old password is logged out); this one stays.
pub async fn change_password(
    db: &Db,
    user_id: i64,
    this_session: &Secret,
    current: &str,
    new: &NewPassword,
) -> StoreResult<()> {
    let (hash, name): (String, String) =
        on_reader!(db, |pool| sqlx::query_as("SELECT password_hash, display_name FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_one(pool)
            .await?);
    if !verify_password(current.to_owned(), hash).await {
        return Err(StoreError::field("current_password", Problem::WrongPassword));
    }
    let new_hash = hash_password(new).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(&new_hash)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(this_session.hash())
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry::personal(user_id, &name, "update", "password");
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

/// How long a link for choosing a new password stays valid.
pub const RESET_LINK_SECONDS: i64 = 24 * 3600;

/// Who may be given a new-password link by an organisation's administrator: a member of that
/// organisation only. Someone who also belongs elsewhere (a consultant) gets one from the
/// command line, so that no single organisation's administrator can take over an account that
/// reaches other organisations' data.
pub async fn can_get_reset_link(db: &Db, scope: &OrgScope, user_id: i64) -> StoreResult<bool> {
    if !scope.role.can_administer() {
        return Ok(false);
    }
    let (here, everywhere): (i64, i64) = on_reader!(db, |pool| sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM memberships WHERE user_id = $1 AND org_id = $2), \
                (SELECT COUNT(*) FROM memberships WHERE user_id = $1)"
    )
    .bind(user_id)
    .bind(scope.org_id)
    .fetch_one(pool)
    .await?);
    Ok(here == 1 && everywhere == 1 && user_id != scope.user_id)
}

/// A one-time link token for a member to choose a new password, made by an administrator of
/// their only organisation; replaces any earlier one.
pub async fn create_reset_token(db: &Db, scope: &OrgScope, user_id: i64) -> StoreResult<Secret> {
    if !can_get_reset_link(db, scope, user_id).await? {
        return Err(StoreError::Forbidden);
    }
    let entry = AuditEntry::scoped(scope, "create", "password_reset", user_id);
    insert_reset_token(db, user_id, Some(scope.user_id), entry).await
}

/// A one-time link token for the account with this e-mail address, from the command line.
pub async fn create_reset_token_for_email(db: &Db, email: &Email) -> StoreResult<Secret> {
    let row: Option<(i64,)> = on_reader!(db, |pool| sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(pool)
        .await?);
    let (user_id,) = row.ok_or(StoreError::NotFound)?;
    let entry = AuditEntry {
        org_id: None,
        actor_id: None,
        actor_label: "parat".into(),
        action: "create",
        entity: "password_reset",
        entity_id: Some(user_id),
        before: None,
        after: None,
    };
    insert_reset_token(db, user_id, None, entry).await
}

async fn insert_reset_token(db: &Db, user_id: i64, by: Option<i64>, entry: AuditEntry) -> StoreResult<Secret> {
    let token = Secret::generate();
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM password_resets WHERE user_id = $1 OR expires_at < $2")
            .bind(user_id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token.hash())
        .bind(user_id)
        .bind(by)
        .bind(at)
        .bind(at + RESET_LINK_SECONDS)
        .execute(&mut *tx)
        .await?;
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(token)
}

/// The name of the person a valid, unused new-password link is for.
pub async fn reset_token_user(db: &Db, token: &Secret) -> StoreResult<Option<String>> {
    let row: Option<(String,)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT u.display_name FROM password_resets r JOIN users u ON u.id = r.user_id \
         WHERE r.token_hash = $1 AND r.expires_at > $2"
    )
    .bind(token.hash())
    .bind(now())
    .fetch_optional(pool)
    .await?);
    Ok(row.map(|(name,)| name))
}

/// Sets a new password through a one-time link: the link is used up, every session of the
/// account ends, and the account's failed-login count is cleared. `NotFound` for an unknown,
/// used or expired link.
pub async fn reset_password(db: &Db, token: &Secret, new: &NewPassword) -> StoreResult<()> {
    let hash = hash_password(new).await?;
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let row: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT r.user_id, u.email, u.display_name FROM password_resets r JOIN users u ON u.id = r.user_id \
             WHERE r.token_hash = $1 AND r.expires_at > $2",
        )
        .bind(token.hash())
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        let (user_id, email, name) = row.ok_or(StoreError::NotFound)?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(&hash)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM password_resets WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM login_failures WHERE account = $1").bind(search_key(&email)).execute(&mut *tx).await?;
        let entry = AuditEntry::personal(user_id, &name, "reset", "password");
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

/// True until the first account exists.
pub async fn needs_setup(db: &Db) -> StoreResult<bool> {
    let (count,): (i64,) = on_reader!(db, |pool| sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(pool).await?);
    Ok(count == 0)
}

/// How long a first-start setup link stays valid.
const SETUP_LINK_SECONDS: i64 = 24 * 3600;

/// Makes a new one-time setup link token, replacing any earlier one.
pub async fn create_setup_token(db: &Db) -> StoreResult<Secret> {
    let token = Secret::generate();
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM setup_tokens").execute(&mut *tx).await?;
        sqlx::query("INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES ($1, $2, $3)")
            .bind(token.hash())
            .bind(at)
            .bind(at + SETUP_LINK_SECONDS)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    });
    Ok(token)
}

/// True when the token is the current, unexpired setup token and nobody has set up yet.
pub async fn setup_token_is_valid(db: &Db, token: &Secret) -> StoreResult<bool> {
    let row: Option<(i64,)> = on_reader!(db, |pool| {
        sqlx::query_as("SELECT expires_at FROM setup_tokens WHERE token_hash = $1 AND NOT EXISTS (SELECT 1 FROM users)")
            .bind(token.hash())
            .fetch_optional(pool)
            .await?
    });
    Ok(row.is_some_and(|(expires,)| expires > now()))
}

/// The first administrator and their organisation.
#[derive(Debug, Clone)]
pub struct FirstAdmin {
    pub user: NewUser,
    pub org_name: String,
    pub org_kind: OrgKind,
}

/// Uses the setup token once: creates the instance administrator, their organisation and
/// their admin membership, all or nothing. Returns the new user's and organisation's ids.
pub async fn complete_setup(db: &Db, token: &Secret, first: &FirstAdmin) -> StoreResult<(i64, i64)> {
    let hash = hash_password(&first.user.password).await?;
    let ids = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let deleted = sqlx::query(
            "DELETE FROM setup_tokens WHERE token_hash = $1 AND expires_at > $2 AND NOT EXISTS (SELECT 1 FROM users)",
        )
        .bind(token.hash())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if deleted.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        let user_id = insert_user!(&mut *tx, &first.user, &hash, true);
        let org_id = crate::organisations::insert!(&mut *tx, &first.org_name, first.org_kind, None::<i64>);
        sqlx::query("INSERT INTO memberships (user_id, org_id, role, created_at) VALUES ($1, $2, $3, $4)")
            .bind(user_id)
            .bind(org_id)
            .bind(Role::Admin.key())
            .bind(now())
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry {
            org_id: Some(org_id),
            actor_id: Some(user_id),
            actor_label: first.user.display_name.as_str().to_owned(),
            action: "setup",
            entity: "organisation",
            entity_id: Some(org_id),
            before: None,
            after: Some(serde_json::json!({ "name": first.org_name, "kind": first.org_kind.key() })),
        };
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        (user_id, org_id)
    });
    Ok(ids)
}

/// One person's membership in the scope's organisation.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    /// Belongs to this organisation only (so its administrators may give a new-password link).
    pub only_here: bool,
}

/// Everyone in the scope's organisation, by name.
pub async fn members(db: &Db, scope: &OrgScope) -> StoreResult<Vec<Member>> {
    let rows: Vec<(i64, String, String, crate::Stored<Role>, i64)> = on_reader!(db, |pool| {
        sqlx::query_as(
            "SELECT u.id, u.display_name, u.email, m.role, \
                (SELECT COUNT(*) FROM memberships o WHERE o.user_id = u.id) \
             FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.org_id = $1 ORDER BY lower(u.display_name), u.id",
        )
        .bind(scope.org_id)
        .fetch_all(pool)
        .await?
    });
    Ok(rows
        .into_iter()
        .map(|(user_id, display_name, email, role, memberships)| Member {
            user_id,
            display_name,
            email,
            role: role.0,
            only_here: memberships == 1,
        })
        .collect())
}

/// Adds a person to the scope's organisation: an existing account by e-mail address, or a new
/// account when `new_account` is given. Only administrators may.
pub async fn add_member(
    db: &Db,
    scope: &OrgScope,
    email: &Email,
    role: Role,
    new_account: Option<(DisplayName, NewPassword)>,
) -> StoreResult<i64> {
    if !scope.role.can_administer() {
        return Err(StoreError::Forbidden);
    }
    let hash = match &new_account {
        Some((_, password)) => Some(hash_password(password).await?),
        None => None,
    };
    let user_id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        let user_id = match (existing, &new_account, &hash) {
            (Some((id,)), _, _) => id,
            (None, Some((display_name, password)), Some(hash)) => {
                let user = NewUser {
                    email: email.clone(),
                    display_name: display_name.clone(),
                    password: password.clone(),
                    locale: Locale::default(),
                };
                insert_user!(&mut *tx, &user, hash, false)
            }
            (None, _, _) => return Err(StoreError::field("email", Problem::Required)),
        };
        let inserted = sqlx::query(
            "INSERT INTO memberships (user_id, org_id, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(user_id)
        .bind(scope.org_id)
        .bind(role.key())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Err(StoreError::field("email", Problem::Taken));
        }
        let entry = AuditEntry::scoped(scope, "create", "membership", user_id)
            .after(&serde_json::json!({ "user_id": user_id, "role": role.key() }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        user_id
    });
    Ok(user_id)
}

/// Changes a member's role, or removes them with `None`. The last administrator stays.
pub async fn change_member(db: &Db, scope: &OrgScope, user_id: i64, role: Option<Role>) -> StoreResult<()> {
    if !scope.role.can_administer() {
        return Err(StoreError::Forbidden);
    }
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let current: Option<(String,)> =
            sqlx::query_as("SELECT role FROM memberships WHERE org_id = $1 AND user_id = $2")
                .bind(scope.org_id)
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((current,)) = current else {
            return Err(StoreError::NotFound);
        };
        let (admins,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND role = $2")
            .bind(scope.org_id)
            .bind(Role::Admin.key())
            .fetch_one(&mut *tx)
            .await?;
        let loses_admin = current == Role::Admin.key() && role != Some(Role::Admin);
        if loses_admin && admins <= 1 {
            return Err(StoreError::field("role", Problem::Required));
        }
        match role {
            Some(role) => {
                sqlx::query("UPDATE memberships SET role = $1 WHERE org_id = $2 AND user_id = $3")
                    .bind(role.key())
                    .bind(scope.org_id)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
            }
            None => {
                sqlx::query("DELETE FROM memberships WHERE org_id = $1 AND user_id = $2")
                    .bind(scope.org_id)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND org_id = $2")
                    .bind(user_id)
                    .bind(scope.org_id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        let entry = AuditEntry::scoped(scope, if role.is_some() { "update" } else { "delete" }, "membership", user_id)
            .before(&serde_json::json!({ "role": current }))
            .after(&role.map(|r| serde_json::json!({ "role": r.key() })));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

/// Failed logins allowed per account, and per client address, within the window.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 30;
pub const THROTTLE_WINDOW_SECONDS: i64 = 15 * 60;

/// What a login attempt may do, decided before the password is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginAttempt {
    /// The attempt is counted as a failure already; a correct password clears it.
    Allowed,
    /// Too many failures for this account or from this address within the window.
    Throttled,
}

/// Checks the failure counts and records this attempt in one serialised step, so that parallel
/// attempts cannot all pass a check made before any of them was recorded. The attempt counts as
/// a failure until [`clear_login_failures`] is called after a correct password.
///
/// SQLite has one writing connection, and the transaction starts with a write, so attempts queue
/// there; PostgreSQL takes transaction-scoped advisory locks on the account and then the address
/// (always in that order, so two attempts cannot deadlock).
pub async fn begin_login_attempt(db: &Db, account: &str, address: &str) -> StoreResult<LoginAttempt> {
    let at = now();
    let account = search_key(account.trim());
    let postgres = db.backend() == crate::Backend::Postgres;
    let attempt = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        if postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(1, hashtext($1))").bind(&account).execute(&mut *tx).await?;
            sqlx::query("SELECT pg_advisory_xact_lock(2, hashtext($1))").bind(address).execute(&mut *tx).await?;
        }
        sqlx::query("DELETE FROM login_failures WHERE at <= $1")
            .bind(at - THROTTLE_WINDOW_SECONDS)
            .execute(&mut *tx)
            .await?;
        let (by_account, by_address): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM login_failures WHERE account = $1), \
                    (SELECT COUNT(*) FROM login_failures WHERE address = $2)",
        )
        .bind(&account)
        .bind(address)
        .fetch_one(&mut *tx)
        .await?;
        let attempt = if by_account >= MAX_FAILURES_PER_ACCOUNT || by_address >= MAX_FAILURES_PER_ADDRESS {
            LoginAttempt::Throttled
        } else {
            sqlx::query("INSERT INTO login_failures (account, address, at) VALUES ($1, $2, $3)")
                .bind(&account)
                .bind(address)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            LoginAttempt::Allowed
        };
        tx.commit().await?;
        attempt
    });
    Ok(attempt)
}

pub async fn clear_login_failures(db: &Db, account: &str) -> StoreResult<()> {
    on_writer!(db, |pool| sqlx::query("DELETE FROM login_failures WHERE account = $1")
        .bind(search_key(account.trim()))
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}
