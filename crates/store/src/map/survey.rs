//! The map's roster survey in the store: a questionnaire round whose personal links go to the
//! map's actors, its answers read back per actor, and the process leader's choices about what
//! the answers would change (`parat_core::map::survey`), written in one go.

use std::collections::HashSet;

use parat_core::map::inventory::Source;
use parat_core::map::survey::{
    entry_key, Choice, Held, Proposal, RosterAnswer, SurveyDraft, MEETINGS_LIST, SURVEY_MEETINGS_MAX, SURVEY_ROLE,
};
use parat_core::questionnaire::round::{ListEntry, RoundDraft};
use parat_core::questionnaire::{self as engine, Threshold};

use super::*;
use crate::questionnaire::{self, Round};
use crate::Secret;

/// A survey of the map, with how far it has come.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Survey {
    pub round_id: i64,
    pub title: String,
    pub closed: bool,
    pub created_at: i64,
    pub respondents: i64,
    pub answered: i64,
}

/// The map's surveys, newest first.
pub async fn surveys(db: &Db, map: &Map) -> StoreResult<Vec<Survey>> {
    Ok(on_reader!(db, |pool| sqlx::query_as(
        "SELECT s.round_id, r.title, r.closed_at IS NOT NULL AS closed, s.created_at, \
         (SELECT COUNT(*) FROM round_respondents p WHERE p.round_id = s.round_id) AS respondents, \
         (SELECT COUNT(*) FROM round_respondents p WHERE p.round_id = s.round_id AND p.answered) AS answered \
         FROM map_surveys s JOIN questionnaire_rounds r ON r.id = s.round_id \
         WHERE s.map_id = $1 ORDER BY s.created_at DESC, s.round_id DESC"
    )
    .bind(map.id)
    .fetch_all(pool)
    .await?))
}

/// An actor's personal link, shown once when the survey is sent.
#[derive(Debug)]
pub struct SurveyLink {
    pub actor_id: i64,
    pub label: String,
    pub link: Secret,
}

/// Sends the map's meetings to every actor taking part in it: a round of the map's roster
/// survey with a personal link per actor, returned once.
pub async fn start_survey(
    db: &Db,
    scope: &OrgScope,
    map: &Map,
    draft: &SurveyDraft,
) -> StoreResult<(Round, Vec<SurveyLink>)> {
    map.require_edit()?;
    let meetings = super::meetings(db, map).await?;
    let actors = super::members(db, map).await?;
    if meetings.is_empty() || actors.is_empty() {
        return Err(StoreError::field("meetings", parat_core::Problem::Required));
    }
    if meetings.len() > SURVEY_MEETINGS_MAX {
        return Err(StoreError::field("meetings", parat_core::Problem::TooLong { max: SURVEY_MEETINGS_MAX }));
    }
    let entries: Vec<ListEntry> =
        meetings.iter().map(|m| ListEntry { key: entry_key(m.id), label: m.name.clone() }).collect();
    let round_draft = RoundDraft {
        questionnaire: engine::MAP_ROSTER.to_owned(),
        title: draft.title.clone(),
        issue: map.target_group.clone(),
        anonymous: false,
        open_link: false,
        threshold: Threshold::default(),
        period: parat_core::initiative::Period::new(Some(crate::now_date()), draft.closes_on)
            .map_err(|problem| StoreError::field("closes_on", problem))?,
        pair_code: false,
        previous_round: None,
        lists: [(MEETINGS_LIST.to_owned(), entries)].into(),
    };
    let (round, _) = questionnaire::create(db, scope, None, &round_draft).await?;
    let people: Vec<_> = actors
        .iter()
        .map(|a| parat_core::questionnaire::round::RespondentDraft { label: a.label(), email: None, group: None })
        .collect();
    let linked = async {
        let added = questionnaire::add_respondents(db, scope, &round, &people).await?;
        on_writer!(db, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("INSERT INTO map_surveys (round_id, map_id, created_at) VALUES ($1, $2, $3)")
                .bind(round.id)
                .bind(map.id)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            for ((respondent, _), actor) in added.iter().zip(&actors) {
                sqlx::query(
                    "INSERT INTO map_survey_respondents (respondent_id, round_id, actor_id) VALUES ($1, $2, $3)",
                )
                .bind(respondent.id)
                .bind(round.id)
                .bind(actor.id)
                .execute(&mut *tx)
                .await?;
            }
            let after = serde_json::json!({ "map": map.id, "round": round.id, "actors": actors.len() });
            audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "map_survey", round.id).after(&after))?;
            tx.commit().await?;
        });
        StoreResult::Ok(added)
    }
    .await;
    match linked {
        Ok(added) => {
            let links = added
                .into_iter()
                .zip(&actors)
                .map(|((_, link), actor)| SurveyLink { actor_id: actor.id, label: actor.label(), link })
                .collect();
            Ok((round, links))
        }
        Err(error) => {
            // Nothing half made: a round without its links to the actors is taken away again.
            let cleared: StoreResult<()> = async {
                on_writer!(db, |pool| {
                    sqlx::query("DELETE FROM questionnaire_rounds WHERE id = $1").bind(round.id).execute(pool).await?;
                });
                Ok(())
            }
            .await;
            if let Err(also) = cleared {
                tracing::warn!(round = round.id, "a survey round could not be taken away: {also}");
            }
            Err(error)
        }
    }
}

/// One of the map's surveys; a round that is not the map's is `NotFound`.
pub async fn survey_round(db: &Db, scope: &OrgScope, map: &Map, round_id: i64) -> StoreResult<Round> {
    let found: Option<(i64,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT round_id FROM map_surveys WHERE map_id = $1 AND round_id = $2")
            .bind(map.id)
            .bind(round_id)
            .fetch_optional(pool)
            .await?);
    found.ok_or(StoreError::NotFound)?;
    questionnaire::get(db, scope, round_id).await
}

/// The survey's submitted answers, each read as the actor whose link it came through.
pub async fn survey_answers(db: &Db, scope: &OrgScope, round: &Round) -> StoreResult<Vec<RosterAnswer>> {
    let actors: Vec<(i64, i64)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT respondent_id, actor_id FROM map_survey_respondents WHERE round_id = $1"
    )
    .bind(round.id)
    .fetch_all(pool)
    .await?);
    let actor_of: std::collections::HashMap<i64, i64> = actors.into_iter().collect();
    let submitted = questionnaire::submitted_by_respondent(db, scope, round).await?;
    Ok(submitted
        .iter()
        .filter_map(|(respondent, answers)| actor_of.get(respondent).map(|actor| RosterAnswer::read(*actor, answers)))
        .collect())
}

/// What the map holds that a survey's answers are read against.
pub async fn held(db: &Db, map: &Map) -> StoreResult<Held> {
    let meetings = super::meetings(db, map).await?;
    let ratings = super::ratings(db, map).await?;
    let mut held = Held::default();
    for meeting in &meetings {
        held.meetings.insert(meeting.id);
        held.meeting_names.insert(meeting.name.to_lowercase());
        held.attendance.extend(meeting.attendance.iter().map(|a| (a.actor_id, meeting.id)));
    }
    // Entry before interview: the order the network reads them in.
    for rating in ratings
        .iter()
        .filter(|r| r.source == Source::Interview)
        .chain(ratings.iter().filter(|r| r.source == Source::Entry))
    {
        held.own_ratings.insert((rating.actor_id, rating.meeting_id), (rating.useful_own, rating.useful_group));
    }
    for rating in ratings.iter().filter(|r| r.source == Source::Survey) {
        held.survey_ratings.insert((rating.actor_id, rating.meeting_id), (rating.useful_own, rating.useful_group));
    }
    Ok(held)
}

/// The proposals already decided in a survey, by key.
pub async fn decided(db: &Db, round: &Round) -> StoreResult<HashSet<String>> {
    let rows: Vec<(String,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT proposal FROM map_survey_choices WHERE round_id = $1")
            .bind(round.id)
            .fetch_all(pool)
            .await?);
    Ok(rows.into_iter().map(|(key,)| key).collect())
}

/// The proposals still to decide that a survey's `answers` (read once, as a logged read) make.
pub async fn open_proposals(db: &Db, map: &Map, round: &Round, answers: &[RosterAnswer]) -> StoreResult<Vec<Proposal>> {
    let held = held(db, map).await?;
    let decided = decided(db, round).await?;
    Ok(parat_core::map::survey::proposals(answers, &held, &decided))
}

/// Writes the process leader's choices, all in one transaction, and remembers each. A
/// proposal taken in comes in marked as from the survey; a conflict taken in replaces the
/// map's own value.
pub async fn take_in(
    db: &Db,
    scope: &OrgScope,
    map: &Map,
    round: &Round,
    choices: &[(Proposal, Choice)],
) -> StoreResult<usize> {
    map.require_edit()?;
    let source = Source::Survey.key();
    let at = now();
    let user = scope.user_id();
    let taken = choices.iter().filter(|(_, choice)| *choice == Choice::TakeIn).count();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        for (proposal, choice) in choices {
            if *choice == Choice::TakeIn {
                match proposal {
                    Proposal::Attends { actor_id, meeting_id } => {
                        sqlx::query(
                            "INSERT INTO map_attendance (meeting_id, actor_id, role, source) VALUES ($1, $2, $3, $4) \
                             ON CONFLICT (meeting_id, actor_id) DO NOTHING",
                        )
                        .bind(meeting_id)
                        .bind(actor_id)
                        .bind(SURVEY_ROLE.key())
                        .bind(source)
                        .execute(&mut *tx)
                        .await?;
                        join!(&mut *tx, map.id, *actor_id);
                    }
                    Proposal::DoesNotAttend { actor_id, meeting_id } => {
                        sqlx::query("DELETE FROM map_attendance WHERE meeting_id = $1 AND actor_id = $2")
                            .bind(meeting_id)
                            .bind(actor_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    Proposal::Rating { actor_id, meeting_id, rating, held } => {
                        rate!(&mut *tx, meeting_id, rating, source, at);
                        if held.is_some() {
                            // Chosen over the map's own: the entry says what the survey said (a
                            // step the survey left out stays as it was).
                            sqlx::query(
                                "UPDATE map_ratings SET useful_own = COALESCE($1, useful_own), \
                                 useful_group = COALESCE($2, useful_group) \
                                 WHERE meeting_id = $3 AND actor_id = $4 AND source <> $5",
                            )
                            .bind(rating.useful_own.map(i64::from))
                            .bind(rating.useful_group.map(i64::from))
                            .bind(meeting_id)
                            .bind(actor_id)
                            .bind(source)
                            .execute(&mut *tx)
                            .await?;
                        }
                    }
                    Proposal::NewMeeting { actor_id, meeting } => {
                        // The survey does not ask a meeting's level: operational until the
                        // process leader says otherwise.
                        let (id,): (i64,) = sqlx::query_as(
                            "INSERT INTO map_meetings (map_id, name, purpose, level, per_year, hours, convener_id, \
                             basis, target_group, source, created_at, updated_at) \
                             VALUES ($1, $2, $3, 'operational', $4, $5, NULL, '', '', $6, $7, $7) RETURNING id",
                        )
                        .bind(map.id)
                        .bind(&meeting.name)
                        .bind(&meeting.with)
                        .bind(meeting.per_year.unwrap_or(0.0))
                        .bind(meeting.hours.unwrap_or(0.0))
                        .bind(source)
                        .bind(at)
                        .fetch_one(&mut *tx)
                        .await?;
                        sqlx::query(
                            "INSERT INTO map_attendance (meeting_id, actor_id, role, source) VALUES ($1, $2, $3, $4)",
                        )
                        .bind(id)
                        .bind(actor_id)
                        .bind(SURVEY_ROLE.key())
                        .bind(source)
                        .execute(&mut *tx)
                        .await?;
                    }
                }
            }
            sqlx::query(
                "INSERT INTO map_survey_choices (round_id, proposal, choice, decided_by, decided_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (round_id, proposal) DO NOTHING",
            )
            .bind(round.id)
            .bind(proposal.key())
            .bind(choice.key())
            .bind(user)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        touch!(&mut *tx, map.id);
        let after = serde_json::json!({
            "map": map.id,
            "choices": choices.iter().map(|(p, c)| (p.key(), c.key())).collect::<std::collections::BTreeMap<_, _>>(),
        });
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "update", "map_survey", round.id).after(&after))?;
        tx.commit().await?;
    });
    refresh(db, map.org_id, map.id);
    Ok(taken)
}
