//! A parent organisation's view of its member organisations' readiness surveys: only rounds of
//! Parat's own readiness questionnaires (the same questions everywhere, so they compare), and
//! only anonymous rounds, whose answers carry no identity, and only for aggregates.

use parat_core::questionnaire::{Answers, Purpose};

use super::answering::stored_answers;
use super::*;
use crate::organisations::BELOW;

/// One member organisation's round, with its submitted answers.
#[derive(Debug, Clone)]
pub struct PortfolioRound {
    pub org_name: String,
    /// The topic area of the round's initiative, for the portfolio's filter.
    pub topic: Option<String>,
    pub round: Round,
    pub answers: Vec<Answers>,
}

/// The rounds of Parat's readiness questionnaires in every organisation below the scope's,
/// newest first within each organisation.
pub async fn portfolio(db: &Db, scope: &OrgScope) -> StoreResult<Vec<PortfolioRound>> {
    let readiness: Vec<String> =
        questionnaire::builtin().iter().filter(|d| d.purpose == Purpose::Readiness).map(|d| d.id.clone()).collect();
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        round: RoundRow,
        org_name: String,
        topic: Option<String>,
    }
    let rows: Vec<Row> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{BELOW} SELECT {}, o.name AS org_name, i.topic FROM questionnaire_rounds r \
         JOIN below b ON b.id = r.org_id JOIN organisations o ON o.id = r.org_id \
         LEFT JOIN initiatives i ON i.id = r.initiative_id WHERE r.anonymous \
         ORDER BY o.name_key, r.created_at DESC, r.id DESC",
        round_columns!()
    ))
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    let mut rounds = Vec::new();
    for row in rows.into_iter().filter(|row| readiness.contains(&row.round.questionnaire)) {
        let round = row.round.into_round(db).await?;
        let stored: Vec<(String,)> = on_reader!(db, |pool| sqlx::query_as(
            "SELECT answers FROM round_responses WHERE round_id = $1 AND submitted_at IS NOT NULL ORDER BY id"
        )
        .bind(round.id)
        .fetch_all(pool)
        .await?);
        let kinds = parat_core::questionnaire::StoredKinds::of(&round.definition);
        let answers = stored.iter().map(|(json,)| stored_answers(&kinds, json)).collect::<StoreResult<_>>()?;
        rounds.push(PortfolioRound { org_name: row.org_name, topic: row.topic, round, answers });
    }
    Ok(rounds)
}
