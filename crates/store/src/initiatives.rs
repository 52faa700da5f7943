//! Initiatives: what an organisation is implementing. Every query is scoped to one organisation.

use parat_core::initiative::{parse_date, InitiativeDraft, InitiativeStatus, Topic, TopicArea};
use parat_core::Problem;
use serde::Serialize;
use time::Date;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{contains_pattern, now, search_key, Db, OrgScope, StoreError, StoreResult};

#[derive(Debug, Clone, Serialize)]
pub struct PartnerRef {
    pub id: i64,
    pub name: String,
}

/// An initiative with everything its page shows.
#[derive(Debug, Clone, Serialize)]
pub struct Initiative {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub description: String,
    pub topic: TopicArea,
    pub custom_topic: Option<String>,
    pub target_group: String,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub status: InitiativeStatus,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub archived: bool,
    pub partners: Vec<PartnerRef>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// One row of the initiative list.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativeSummary {
    pub id: i64,
    pub name: String,
    pub topic: TopicArea,
    pub custom_topic: Option<String>,
    pub status: InitiativeStatus,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub owner_name: Option<String>,
    pub archived: bool,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    org_id: i64,
    name: String,
    description: String,
    topic: crate::Stored<TopicArea>,
    custom_topic: Option<String>,
    target_group: String,
    start_date: Option<String>,
    end_date: Option<String>,
    status: crate::Stored<InitiativeStatus>,
    owner_id: Option<i64>,
    owner_name: Option<String>,
    archived: bool,
    created_at: i64,
    updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    name: String,
    topic: crate::Stored<TopicArea>,
    custom_topic: Option<String>,
    status: crate::Stored<InitiativeStatus>,
    start_date: Option<String>,
    end_date: Option<String>,
    owner_name: Option<String>,
    archived: bool,
    total: i64,
}

fn stored_date(raw: Option<String>) -> Option<Date> {
    raw.and_then(|raw| parse_date(&raw).ok().flatten())
}

impl Row {
    fn into_initiative(self, partners: Vec<PartnerRef>) -> Initiative {
        Initiative {
            id: self.id,
            org_id: self.org_id,
            name: self.name,
            description: self.description,
            topic: self.topic.0,
            custom_topic: self.custom_topic,
            target_group: self.target_group,
            start_date: stored_date(self.start_date),
            end_date: stored_date(self.end_date),
            status: self.status.0,
            owner_id: self.owner_id,
            owner_name: self.owner_name,
            archived: self.archived,
            partners,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// What the list shows: a search text, filters and a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub query: Option<String>,
    pub topic: Option<TopicArea>,
    pub status: Option<InitiativeStatus>,
    pub owner_id: Option<i64>,
    pub include_archived: bool,
    /// Zero-based.
    pub page: u32,
}

pub const PAGE_SIZE: i64 = 50;

#[derive(Debug, Clone, Serialize)]
pub struct ListPage {
    pub items: Vec<InitiativeSummary>,
    pub total: i64,
    pub page: u32,
    pub page_size: i64,
}

/// One page of the scope's initiatives, archived ones last, then by name.
pub async fn list(db: &Db, scope: &OrgScope, filter: &ListFilter) -> StoreResult<ListPage> {
    const SQL: &str = "SELECT i.id, i.name, i.topic, i.custom_topic, i.status, i.start_date, i.end_date, \
            u.display_name AS owner_name, i.archived, COUNT(*) OVER () AS total \
        FROM initiatives i LEFT JOIN users u ON u.id = i.owner_id \
        WHERE i.org_id = $1 AND ($2 OR i.archived = FALSE) \
          AND ($3 IS NULL OR i.topic = $3) AND ($4 IS NULL OR i.status = $4) \
          AND ($5 IS NULL OR i.owner_id = $5) AND ($6 IS NULL OR i.search_text LIKE $6 ESCAPE '\\') \
        ORDER BY i.archived, i.name_key, i.id LIMIT $7 OFFSET $8";
    let pattern = filter.query.as_deref().filter(|q| !q.trim().is_empty()).map(contains_pattern);
    let offset = i64::from(filter.page) * PAGE_SIZE;
    let rows: Vec<SummaryRow> = on_reader!(db, |pool| sqlx::query_as(SQL)
        .bind(scope.org_id)
        .bind(filter.include_archived)
        .bind(filter.topic.map(|t| t.key()))
        .bind(filter.status.map(|s| s.key()))
        .bind(filter.owner_id)
        .bind(pattern.as_deref())
        .bind(PAGE_SIZE)
        .bind(offset)
        .fetch_all(pool)
        .await?);
    let total = match rows.first() {
        Some(row) => row.total,
        // An empty page past the end still needs the count for the pager.
        None if filter.page > 0 => {
            let first = ListFilter { page: 0, ..filter.clone() };
            return Box::pin(list(db, scope, &first)).await.map(|p| ListPage { items: vec![], page: filter.page, ..p });
        }
        None => 0,
    };
    let items = rows
        .into_iter()
        .map(|r| InitiativeSummary {
            id: r.id,
            name: r.name,
            topic: r.topic.0,
            custom_topic: r.custom_topic,
            status: r.status.0,
            start_date: stored_date(r.start_date),
            end_date: stored_date(r.end_date),
            owner_name: r.owner_name,
            archived: r.archived,
        })
        .collect();
    Ok(ListPage { items, total, page: filter.page, page_size: PAGE_SIZE })
}

const SELECT_ONE: &str = "SELECT i.id, i.org_id, i.name, i.description, i.topic, i.custom_topic, i.target_group, \
        i.start_date, i.end_date, i.status, i.owner_id, u.display_name AS owner_name, i.archived, \
        i.created_at, i.updated_at \
    FROM initiatives i LEFT JOIN users u ON u.id = i.owner_id WHERE i.org_id = $1 AND i.id = $2";

const SELECT_PARTNERS: &str = "SELECT o.id, o.name FROM initiative_partners p \
    JOIN organisations o ON o.id = p.org_id WHERE p.initiative_id = $1 ORDER BY o.name_key";

/// Reads one initiative of the scope's organisation, with its partners, through an executor.
macro_rules! fetch_one {
    ($conn:expr, $scope:expr, $id:expr) => {{
        let row: Option<Row> =
            sqlx::query_as(SELECT_ONE).bind($scope.org_id).bind($id).fetch_optional(&mut *$conn).await?;
        match row {
            None => None,
            Some(row) => {
                let partners: Vec<(i64, String)> =
                    sqlx::query_as(SELECT_PARTNERS).bind($id).fetch_all(&mut *$conn).await?;
                let partners = partners.into_iter().map(|(id, name)| PartnerRef { id, name }).collect();
                Some(row.into_initiative(partners))
            }
        }
    }};
}

/// One initiative of the scope's organisation; another organisation's is `NotFound`.
pub async fn get(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Initiative> {
    let found = on_reader!(db, |pool| {
        let mut conn = pool.acquire().await?;
        fetch_one!(conn, scope, id)
    });
    found.ok_or(StoreError::NotFound)
}

/// The organisation's initiatives that are not archived, by name, for a form's choice.
pub async fn choices(db: &Db, scope: &OrgScope) -> StoreResult<Vec<(i64, String)>> {
    Ok(on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, name FROM initiatives WHERE org_id = $1 AND archived = FALSE ORDER BY name, id"
    )
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?))
}

fn require_editor(scope: &OrgScope) -> StoreResult<()> {
    if scope.role.can_edit_initiatives() {
        Ok(())
    } else {
        Err(StoreError::Forbidden)
    }
}

pub(crate) fn search_text(draft: &InitiativeDraft) -> String {
    let topic = draft.topic.custom_name().unwrap_or_default();
    search_key(&format!("{}\n{}\n{}\n{}", draft.name, draft.target_group, topic, draft.description))
}

/// Refuses an owner who is not a member of the scope's organisation (before any write, so
/// that the foreign key never has to).
macro_rules! check_owner {
    ($conn:expr, $scope:expr, $draft:expr) => {{
        if let Some(owner) = $draft.owner_id {
            let member: Option<(i64,)> =
                sqlx::query_as("SELECT user_id FROM memberships WHERE org_id = $1 AND user_id = $2")
                    .bind($scope.org_id)
                    .bind(owner)
                    .fetch_optional(&mut *$conn)
                    .await?;
            if member.is_none() {
                return Err(StoreError::field("owner_id", Problem::UnknownChoice));
            }
        }
    }};
}

/// Replaces the partner rows, refusing unknown organisations. Runs inside the caller's
/// transaction, so a refusal rolls the whole change back.
macro_rules! write_partners {
    ($conn:expr, $scope:expr, $id:expr, $draft:expr) => {{
        sqlx::query("DELETE FROM initiative_partners WHERE initiative_id = $1").bind($id).execute(&mut *$conn).await?;
        for partner in $draft.partner_ids.iter().copied().filter(|p| *p != $scope.org_id) {
            let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM organisations WHERE id = $1")
                .bind(partner)
                .fetch_optional(&mut *$conn)
                .await?;
            if exists.is_none() {
                return Err(StoreError::field("partner_ids", Problem::UnknownChoice));
            }
            sqlx::query("INSERT INTO initiative_partners (initiative_id, org_id) VALUES ($1, $2)")
                .bind($id)
                .bind(partner)
                .execute(&mut *$conn)
                .await?;
        }
    }};
}

/// Binds a draft's fields as `$1`…`$11`, then the time as `$12` and the organisation as `$13`:
/// the one order both the INSERT and the UPDATE use.
macro_rules! bind_draft {
    ($query:expr, $draft:expr, $at:expr, $org_id:expr) => {
        $query
            .bind(&$draft.name)
            .bind(&$draft.description)
            .bind($draft.topic.area().key())
            .bind($draft.topic.custom_name())
            .bind(&$draft.target_group)
            .bind($draft.period.start().map(|d| d.to_string()))
            .bind($draft.period.end().map(|d| d.to_string()))
            .bind($draft.status.key())
            .bind($draft.owner_id)
            .bind($crate::search_key(&$draft.name))
            .bind($crate::initiatives::search_text($draft))
            .bind($at)
            .bind($org_id)
    };
}
pub(crate) use bind_draft;

/// Inserts an initiative of the organisation `$org_id` inside the caller's transaction, and
/// gives its id: an initiative's creation, and a campaign's approval, which makes one in the
/// offered organisation together with its assessment.
macro_rules! insert_initiative {
    ($tx:ident, $org_id:expr, $draft:expr) => {{
        let (id,): (i64,) = $crate::initiatives::bind_draft!(
            sqlx::query_as(
                "INSERT INTO initiatives (name, description, topic, custom_topic, target_group, start_date, end_date, \
                 status, owner_id, name_key, search_text, updated_at, org_id, created_at, archived) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12, FALSE) RETURNING id",
            ),
            $draft,
            $crate::now(),
            $org_id
        )
        .fetch_one(&mut *$tx)
        .await?;
        id
    }};
}
pub(crate) use insert_initiative;

/// Creates an initiative in the scope's organisation and returns it.
pub async fn create(db: &Db, scope: &OrgScope, draft: &InitiativeDraft) -> StoreResult<Initiative> {
    require_editor(scope)?;
    let created = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        check_owner!(tx, scope, draft);
        let id = insert_initiative!(tx, scope.org_id, draft);
        write_partners!(tx, scope, id, draft);
        let created = fetch_one!(tx, scope, id).ok_or(StoreError::NotFound)?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "initiative", id).after(&created))?;
        tx.commit().await?;
        created
    });
    Ok(created)
}

/// Replaces an initiative's fields; records the before and after in the audit log.
pub async fn update(db: &Db, scope: &OrgScope, id: i64, draft: &InitiativeDraft) -> StoreResult<Initiative> {
    require_editor(scope)?;
    let updated = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let before = fetch_one!(tx, scope, id).ok_or(StoreError::NotFound)?;
        check_owner!(tx, scope, draft);
        bind_draft!(
            sqlx::query(
                "UPDATE initiatives SET name = $1, description = $2, topic = $3, custom_topic = $4, target_group = $5, \
                 start_date = $6, end_date = $7, status = $8, owner_id = $9, name_key = $10, search_text = $11, \
                 updated_at = $12 WHERE org_id = $13 AND id = $14",
            ),
            draft,
            now(),
            scope.org_id
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        write_partners!(tx, scope, id, draft);
        let after = fetch_one!(tx, scope, id).ok_or(StoreError::NotFound)?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "update", "initiative", id).before(&before).after(&after))?;
        tx.commit().await?;
        after
    });
    Ok(updated)
}

/// Archives or restores an initiative. Archived initiatives leave the default list but keep everything.
pub async fn set_archived(db: &Db, scope: &OrgScope, id: i64, archived: bool) -> StoreResult<Initiative> {
    require_editor(scope)?;
    let action = if archived { "archive" } else { "restore" };
    let updated = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let before = fetch_one!(tx, scope, id).ok_or(StoreError::NotFound)?;
        sqlx::query("UPDATE initiatives SET archived = $1, updated_at = $2 WHERE org_id = $3 AND id = $4")
            .bind(archived)
            .bind(now())
            .bind(scope.org_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let after = fetch_one!(tx, scope, id).ok_or(StoreError::NotFound)?;
        if before.archived != archived {
            let entry = AuditEntry::scoped(scope, action, "initiative", id)
                .before(&serde_json::json!({ "archived": before.archived }))
                .after(&serde_json::json!({ "archived": archived }));
            audit::record!(&mut *tx, &entry)?;
        }
        tx.commit().await?;
        after
    });
    Ok(updated)
}

/// Rebuilds a draft from a stored initiative, for forms that edit it.
pub fn topic_of(initiative: &Initiative) -> Topic {
    Topic::from_parts(initiative.topic, initiative.custom_topic.clone())
}
