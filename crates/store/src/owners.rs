//! Owners of work (tasks, reflection questions, factors to follow up) as stored: a member's id
//! with their name, or the name typed instead.

use parat_core::owner::Owner;
use parat_core::Problem;

use crate::db::on_reader;
use crate::{Db, OrgScope, StoreError, StoreResult};

/// Checks that a chosen owner is a member of the scope's organisation; returns the columns to
/// store (`owner_id`, the name). `field` is the form field a non-member is blamed on.
pub(crate) async fn owner_columns(
    db: &Db,
    scope: &OrgScope,
    owner: Option<&Owner>,
    field: &'static str,
) -> StoreResult<(Option<i64>, String)> {
    match owner {
        None => Ok((None, String::new())),
        Some(Owner::Named(name)) => Ok((None, name.clone())),
        Some(Owner::Member(user_id)) => {
            let row: Option<(String,)> = on_reader!(db, |pool| sqlx::query_as(
                "SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.org_id = $1 AND m.user_id = $2"
            )
            .bind(scope.org_id())
            .bind(user_id)
            .fetch_optional(pool)
            .await?);
            let (name,) = row.ok_or_else(|| StoreError::field(field, Problem::UnknownChoice))?;
            Ok((Some(*user_id), name))
        }
    }
}

/// A stored owner pair (`owner_id`, the name) as the owner it was saved from.
pub fn owner_of(owner_id: Option<i64>, who: &str) -> Option<Owner> {
    match (owner_id, who.is_empty()) {
        (Some(id), _) => Some(Owner::Member(id)),
        (None, false) => Some(Owner::Named(who.to_owned())),
        (None, true) => None,
    }
}
