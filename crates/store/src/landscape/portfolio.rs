//! A parent organisation's view of its member organisations' landscapes: per initiative, how
//! many factors are assessed and hinder (per level), how much of the checklist is settled, and
//! which milestones are late — counts only, never the notes, answers or names behind them.

use parat_core::landscape::{FactorState, QuestionStatus};

use super::*;
use crate::organisations::BELOW;

/// One initiative of a member organisation.
#[derive(Debug, Clone)]
pub struct LandscapeRow {
    pub org_name: String,
    pub initiative_name: String,
    pub topic: String,
    pub custom_topic: Option<String>,
    /// The framework it follows (its levels' names label the counts).
    pub framework: Arc<Framework>,
    pub assessed: usize,
    /// Hindering factors per level of its framework, in the framework's order.
    pub hindering: Vec<usize>,
    /// Questions settled or judged not relevant.
    pub settled: usize,
    pub milestones: i64,
    pub overdue_milestones: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    org_name: String,
    initiative_name: String,
    topic: String,
    custom_topic: Option<String>,
    framework: String,
    /// `factor:state` pairs of assessed factors, comma-separated.
    states: String,
    /// Statuses of recorded questions, comma-separated.
    statuses: String,
    milestones: i64,
    overdue_milestones: i64,
}

/// The initiatives (not archived) of every organisation below the scope's, of one topic when
/// given.
pub async fn portfolio(db: &Db, scope: &OrgScope, topic: Option<&str>) -> StoreResult<Vec<LandscapeRow>> {
    let today = crate::now_date().to_string();
    let rows: Vec<Row> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{BELOW} SELECT o.name AS org_name, i.name AS initiative_name, i.topic, i.custom_topic, i.framework, \
            COALESCE((SELECT string_agg(f.factor_key || ':' || f.state, ',') FROM landscape_factors f \
                      WHERE f.initiative_id = i.id AND f.state IS NOT NULL), '') AS states, \
            COALESCE((SELECT string_agg(q.status, ',') FROM landscape_questions q WHERE q.initiative_id = i.id), '') \
                AS statuses, \
            (SELECT COUNT(*) FROM landscape_milestones m WHERE m.initiative_id = i.id) AS milestones, \
            (SELECT COUNT(*) FROM landscape_milestones m WHERE m.initiative_id = i.id \
               AND m.status IN ('planned', 'in_progress') AND m.planned_on < $3) AS overdue_milestones \
         FROM initiatives i JOIN below b ON b.id = i.org_id JOIN organisations o ON o.id = i.org_id \
         WHERE i.archived = FALSE AND ($2 IS NULL OR i.topic = $2) \
         ORDER BY o.name_key, i.name_key, i.id"
    ))
    .bind(scope.org_id())
    .bind(topic)
    .bind(&today)
    .fetch_all(pool)
    .await?);
    let mut found = Vec::with_capacity(rows.len());
    for row in rows {
        let framework = member_framework(db, &row.framework).await?;
        let states: Vec<(&str, FactorState)> = row
            .states
            .split(',')
            .filter_map(|pair| pair.split_once(':'))
            .filter_map(|(key, state)| Some((key, FactorState::new(state.parse().ok()?).ok()?)))
            .collect();
        let hindering = framework
            .levels
            .iter()
            .map(|level| {
                states
                    .iter()
                    .filter(|(key, state)| state.hinders() && level.factors.iter().any(|f| f.key == *key))
                    .count()
            })
            .collect();
        let settled = row
            .statuses
            .split(',')
            .filter_map(|s| QuestionStatus::parse(s).ok())
            .filter(|s| matches!(s, QuestionStatus::Settled | QuestionStatus::NotRelevant))
            .count();
        found.push(LandscapeRow {
            org_name: row.org_name,
            initiative_name: row.initiative_name,
            topic: row.topic,
            custom_topic: row.custom_topic,
            assessed: states.len(),
            hindering,
            settled,
            milestones: row.milestones,
            overdue_milestones: row.overdue_milestones,
            framework,
        });
    }
    Ok(found)
}

/// The framework a member organisation's initiative follows: Parat's, or that organisation's
/// own (which only it can choose, so the key alone finds it).
async fn member_framework(db: &Db, key: &str) -> StoreResult<Arc<Framework>> {
    if key == BUILTIN_KEY {
        return Ok(builtin());
    }
    let id = key.strip_prefix("org-").and_then(|id| id.parse::<i64>().ok()).ok_or(StoreError::NotFound)?;
    own_framework(db, id).await
}
