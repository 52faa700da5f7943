//! Organisations: municipalities, districts, regions, county boards, coordination associations…

use parat_core::organisation::{OrgKind, OrganisationDraft, Role};
use parat_core::Problem;
use serde::Serialize;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, search_key, Db, OrgScope, StoreError, StoreResult};

#[derive(Debug, Clone, Serialize)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub kind: OrgKind,
    pub parent_id: Option<i64>,
    pub parent_name: Option<String>,
}

/// An organisation the person belongs to, with their role there.
#[derive(Debug, Clone, Serialize)]
pub struct Membership {
    #[serde(flatten)]
    pub organisation: Organisation,
    pub role: Role,
}

#[derive(sqlx::FromRow)]
struct OrgRow {
    id: i64,
    name: String,
    kind: crate::Stored<OrgKind>,
    parent_id: Option<i64>,
    parent_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    id: i64,
    name: String,
    kind: crate::Stored<OrgKind>,
    parent_id: Option<i64>,
    parent_name: Option<String>,
    role: crate::Stored<Role>,
}

impl From<OrgRow> for Organisation {
    fn from(row: OrgRow) -> Self {
        Organisation {
            id: row.id,
            name: row.name,
            kind: row.kind.0,
            parent_id: row.parent_id,
            parent_name: row.parent_name,
        }
    }
}

const SELECT: &str = "SELECT o.id, o.name, o.kind, o.parent_id, p.name AS parent_name \
    FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id";

/// Inserts an organisation row through `$executor` (the caller owns the transaction) and
/// evaluates to its id; a taken name returns a field error from the enclosing function.
macro_rules! insert {
    ($executor:expr, $name:expr, $kind:expr, $parent_id:expr) => {{
        let name: &str = $name;
        let kind: parat_core::organisation::OrgKind = $kind;
        let result: Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO organisations (name, name_key, kind, parent_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(name)
        .bind($crate::search_key(name))
        .bind(kind.key())
        .bind($parent_id)
        .bind($crate::now())
        .fetch_one($executor)
        .await;
        match result {
            Ok((id,)) => id,
            Err(e) => return Err(StoreError::from_write(e)),
        }
    }};
}
pub(crate) use insert;

/// Creates an organisation; only instance administrators may. The creator becomes its
/// administrator, so that they can add its people.
pub async fn create(db: &Db, user_id: i64, draft: &OrganisationDraft) -> StoreResult<i64> {
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let admin: Option<(String,)> =
            sqlx::query_as("SELECT display_name FROM users WHERE id = $1 AND is_instance_admin = TRUE")
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((actor_label,)) = admin else {
            return Err(StoreError::Forbidden);
        };
        if let Some(parent) = draft.parent_id {
            let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM organisations WHERE id = $1")
                .bind(parent)
                .fetch_optional(&mut *tx)
                .await?;
            if exists.is_none() {
                return Err(StoreError::field("parent_id", Problem::UnknownChoice));
            }
        }
        let id = insert!(&mut *tx, &draft.name, draft.kind, draft.parent_id);
        sqlx::query("INSERT INTO memberships (user_id, org_id, role, created_at) VALUES ($1, $2, $3, $4)")
            .bind(user_id)
            .bind(id)
            .bind(Role::Admin.key())
            .bind(now())
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry {
            org_id: Some(id),
            actor_id: Some(user_id),
            actor_label,
            action: "create",
            entity: "organisation",
            entity_id: Some(id),
            before: None,
            after: Some(
                serde_json::json!({ "name": draft.name, "kind": draft.kind.key(), "parent_id": draft.parent_id }),
            ),
        };
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

/// Changes the scope's own organisation; administrators only. A parent may not be the
/// organisation itself or one below it.
pub async fn update(db: &Db, scope: &OrgScope, draft: &OrganisationDraft) -> StoreResult<()> {
    if !scope.role.can_administer() {
        return Err(StoreError::Forbidden);
    }
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let before: Option<OrgRow> =
            sqlx::query_as(&format!("{SELECT} WHERE o.id = $1")).bind(scope.org_id).fetch_optional(&mut *tx).await?;
        let before = Organisation::from(before.ok_or(StoreError::NotFound)?);
        // Walk up from the proposed parent: meeting ourselves would make a cycle.
        let mut ancestor = draft.parent_id;
        let mut steps = 0;
        while let Some(id) = ancestor {
            if id == scope.org_id || steps > 64 {
                return Err(StoreError::field("parent_id", Problem::UnknownChoice));
            }
            let row: Option<(Option<i64>,)> = sqlx::query_as("SELECT parent_id FROM organisations WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            let Some((next,)) = row else {
                return Err(StoreError::field("parent_id", Problem::UnknownChoice));
            };
            ancestor = next;
            steps += 1;
        }
        let result =
            sqlx::query("UPDATE organisations SET name = $1, name_key = $2, kind = $3, parent_id = $4 WHERE id = $5")
                .bind(&draft.name)
                .bind(search_key(&draft.name))
                .bind(draft.kind.key())
                .bind(draft.parent_id)
                .bind(scope.org_id)
                .execute(&mut *tx)
                .await;
        result.map_err(StoreError::from_write)?;
        let entry = AuditEntry::scoped(scope, "update", "organisation", scope.org_id)
            .before(&before)
            .after(&serde_json::json!({ "name": draft.name, "kind": draft.kind.key(), "parent_id": draft.parent_id }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

/// The organisations a person belongs to, by name.
pub async fn memberships(db: &Db, user_id: i64) -> StoreResult<Vec<Membership>> {
    let rows: Vec<MembershipRow> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT o.id, o.name, o.kind, o.parent_id, p.name AS parent_name, m.role FROM memberships m \
         JOIN organisations o ON o.id = m.org_id LEFT JOIN organisations p ON p.id = o.parent_id \
         WHERE m.user_id = $1 ORDER BY o.name_key, o.id"
    )
    .bind(user_id)
    .fetch_all(pool)
    .await?);
    Ok(rows
        .into_iter()
        .map(|row| Membership {
            role: row.role.0,
            organisation: OrgRow {
                id: row.id,
                name: row.name,
                kind: row.kind,
                parent_id: row.parent_id,
                parent_name: row.parent_name,
            }
            .into(),
        })
        .collect())
}

/// One organisation, if the person belongs to it. Otherwise `NotFound`, like a missing one.
pub async fn get_for_member(db: &Db, user_id: i64, org_id: i64) -> StoreResult<Membership> {
    memberships(db, user_id).await?.into_iter().find(|m| m.organisation.id == org_id).ok_or(StoreError::NotFound)
}

/// Every organisation's id, name and kind: the public directory used to pick partners and
/// parents. Holds no one's data.
pub async fn directory(db: &Db) -> StoreResult<Vec<Organisation>> {
    let rows = on_reader!(db, |pool| sqlx::query_as::<_, OrgRow>(&format!("{SELECT} ORDER BY o.name_key, o.id"))
        .fetch_all(pool)
        .await?);
    Ok(rows.into_iter().map(Organisation::from).collect())
}

/// Every organisation below `$1` (children, their children…), as a recursive query's head: what
/// a parent organisation's portfolio reads.
pub(crate) const BELOW: &str = "WITH RECURSIVE below (id) AS ( \
        SELECT id FROM organisations WHERE parent_id = $1 \
        UNION SELECT o.id FROM organisations o JOIN below b ON o.parent_id = b.id) ";
