//! The implementation plan as one document: PDF to print for a steering group, Word to go on
//! editing. Summary, need, readiness, landscape, open reflection questions, goals, theory of
//! change, stakeholders, milestones, risks and the readiness action plan — the same content in
//! both, built once here.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use crate::pages::{blocking, download};
use parat_core::landscape::goals::GoalLevel;
use parat_core::landscape::theory::ChangeStage;
use parat_reports::document::{Block, Document, ListItem, Section};
use parat_store::landscape::{ChangeStep, Goal, Milestone, Risk, Stakeholder};

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

pub async fn plan_pdf(State(state): State<AppState>, member: Member, PathId(id): PathId) -> Result<Response, AppError> {
    let (document, name) = plan_document(&state, &member, id).await?;
    let bytes = blocking(move || document.pdf()).await?;
    Ok(download(bytes, "application/pdf", &format!("{name}.pdf")))
}

pub async fn plan_docx(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let (document, name) = plan_document(&state, &member, id).await?;
    let bytes = blocking(move || document.docx()).await?;
    Ok(download(bytes, DOCX, &format!("{name}.docx")))
}

fn or_dash(text: &str) -> String {
    dash(text).to_owned()
}

async fn plan_document(state: &AppState, member: &Member, id: i64) -> Result<(Document, String), AppError> {
    let (ctx, db, scope) = (&member.ctx, &state.db, &member.scope);
    let landscape = landscape::open(db, scope, id).await?;
    let initiative = parat_store::initiatives::get(db, scope, id).await?;
    let framework = landscape.framework();
    let factors = by_key(landscape::factors(db, &landscape).await?, |f| &f.key);
    let questions = by_key(landscape::questions(db, &landscape).await?, |q| &q.key);
    let readings = landscape::readings(db, scope, &landscape).await?;
    let goals = landscape::items::<Goal>(db, &landscape).await?;
    let steps = landscape::items::<ChangeStep>(db, &landscape).await?;
    let stakeholders = landscape::items::<Stakeholder>(db, &landscape).await?;
    let milestones = landscape::items::<Milestone>(db, &landscape).await?;
    let risks = landscape::items::<Risk>(db, &landscape).await?;
    let actions = readiness_actions(state, member, id).await?;
    let today = today();
    let date = |d: Option<time::Date>| d.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| "–".into());
    let none = |key: &str| ctx.t(key);

    let mut facts = vec![
        [
            ctx.t("field-topic"),
            super::super::initiatives::topic_label(ctx, initiative.topic, initiative.custom_topic.as_deref()),
        ],
        [ctx.t("field-status"), ctx.t(&format!("status-{}", initiative.status.key()))],
        [ctx.t("field-period"), format!("{} – {}", date(initiative.start_date), date(initiative.end_date))],
    ];
    if let Some(owner) = &initiative.owner_name {
        facts.push([ctx.t("field-owner"), owner.clone()]);
    }
    facts.push([ctx.t("land-framework"), framework.name.get(ctx.locale).to_owned()]);

    // Summary: the description and target group, and where the landscape and checklist stand.
    let assessed = factors.values().filter(|f| f.state.is_some()).count();
    let hindering = factors.values().filter(|f| f.state.is_some_and(FactorState::hinders)).count();
    let progress = Progress::of(framework.questions().map(|(_, q)| status_of(&questions, &q.key)));
    let mut summary = Vec::new();
    if !initiative.description.is_empty() {
        summary.push(Block::paragraph(initiative.description.clone()));
    }
    if !initiative.target_group.is_empty() {
        summary.push(Block::paragraph(format!("{}: {}", ctx.t("field-target-group"), initiative.target_group)));
    }
    summary.push(Block::paragraph(format!(
        "{} {}",
        ctx.t_with(
            "land-summary",
            &[
                ("assessed", (assessed as f64).into()),
                ("factors", (framework.factors().count() as f64).into()),
                ("hindering", (hindering as f64).into()),
            ],
        ),
        ctx.t_with(
            "land-progress",
            &[("done", (progress.done as f64).into()), ("total", (progress.total as f64).into())]
        )
    )));

    let need: Vec<String> = steps.iter().filter(|s| s.stage == ChangeStage::Need).map(|s| s.text.clone()).collect();
    // The intended gains: the outcomes the theory of change expects, short and long term.
    let gains: Vec<String> = steps
        .iter()
        .filter(|s| matches!(s.stage, ChangeStage::ShortTerm | ChangeStage::LongTerm))
        .map(|s| format!("{}: {}", ctx.t(&format!("land-stage-{}", s.stage.key())), s.text))
        .collect();
    let mut need_blocks = Vec::new();
    if !need.is_empty() {
        need_blocks.push(Block::list(need));
    }
    if !gains.is_empty() {
        need_blocks.push(Block::paragraph(ctx.t("land-plan-gains")));
        need_blocks.push(Block::list(gains));
    }
    let readiness_rows: Vec<Vec<String>> = readings
        .iter()
        .map(|r| {
            let levels: Vec<&str> = framework.levels_showing(&r.reference).map(|l| l.name.get(ctx.locale)).collect();
            let lowest = r.figure.is_lowest();
            let figure = super::readiness::figure_text(ctx, &r.figure);
            let figure = if lowest { format!("{figure} · {}", ctx.t("land-readiness-lowest")) } else { figure };
            vec![r.name.get(ctx.locale).to_owned(), levels.join(", "), figure]
        })
        .collect();
    let factor_rows: Vec<Vec<String>> = framework
        .factors()
        .map(|(level, factor)| {
            let entry = factors.get(&factor.key);
            let state = entry.and_then(|e| e.state);
            vec![
                level.name.get(ctx.locale).to_owned(),
                factor.name.get(ctx.locale).to_owned(),
                format!("{} {}", state_sign(state), state_name(ctx, state)),
                if entry.is_some_and(|e| e.in_focus) { ctx.t("yes") } else { "–".into() },
                entry.map_or_else(|| "–".into(), |e| or_dash(&e.note)),
                entry.map_or_else(|| "–".into(), |e| or_dash(&e.follow_up)),
            ]
        })
        .collect();
    let open_questions: Vec<String> = framework
        .questions()
        .filter(|(_, q)| matches!(status_of(&questions, &q.key), QuestionStatus::Open | QuestionStatus::NotSettled))
        .map(|(_, q)| {
            let entry = questions.get(&q.key);
            let mut line = q.text.get(ctx.locale).to_owned();
            if let Some(e) = entry.filter(|e| !e.who.is_empty() || e.due_on.is_some()) {
                line.push_str(&format!(" ({}, {} {})", dash(&e.who), ctx.t("land-due"), date(e.due_on)));
                if e.is_overdue(today) {
                    line.push_str(&format!(" – {}", ctx.t("plan-overdue")));
                }
            }
            line
        })
        .collect();
    let goal_items: Vec<ListItem> = Goal::in_tree_order(&goals)
        .into_iter()
        .map(|(g, depth)| {
            let level = ctx.t(&format!("land-goal-level-{}", g.level.key()));
            let measure = if g.measure.is_empty() { String::new() } else { format!(" – {}", g.measure) };
            ListItem { text: format!("{level}: {}{measure}", g.text), depth }
        })
        .collect();
    let step_rows: Vec<Vec<String>> =
        steps.iter().map(|s| vec![ctx.t(&format!("land-stage-{}", s.stage.key())), s.text.clone()]).collect();
    let stakeholder_rows: Vec<Vec<String>> = stakeholders
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                format!("{} / {}", s.interest, s.influence),
                ctx.t(&format!("land-quadrant-{}", s.quadrant().key())),
                ctx.t(&format!("land-attitude-{}", s.attitude.key())),
                or_dash(&s.involvement),
                or_dash(&s.who),
            ]
        })
        .collect();
    let milestone_rows: Vec<Vec<String>> = milestones
        .iter()
        .map(|m| {
            let phase = m.phase.as_deref().and_then(|k| framework.phases.iter().find(|p| p.key == k));
            let status = ctx.t(&format!("land-milestone-status-{}", m.status.key()));
            let status = if m.is_overdue(today) { format!("{status} – {}", ctx.t("plan-overdue")) } else { status };
            vec![
                m.name.clone(),
                phase.map_or_else(|| "–".into(), |p| p.name.get(ctx.locale).to_owned()),
                date(Some(m.planned_on)),
                date(m.reached_on),
                status,
                or_dash(&m.who),
            ]
        })
        .collect();
    let risk_rows: Vec<Vec<String>> = risks
        .iter()
        .map(|r| {
            vec![
                r.what.clone(),
                format!(
                    "{} × {} = {} ({})",
                    r.likelihood,
                    r.consequence,
                    r.score(),
                    ctx.t(&format!("land-risk-level-{}", r.level().key()))
                ),
                or_dash(&r.mitigation),
                or_dash(&r.who),
            ]
        })
        .collect();
    let action_rows: Vec<Vec<String>> = actions
        .iter()
        .map(|a| {
            vec![a.what.clone(), or_dash(&a.who), date(a.due_on), ctx.t(&format!("plan-status-{}", a.status.key()))]
        })
        .collect();
    let purpose_first = goals.iter().any(|g| g.level == GoalLevel::Purpose);

    let t = |key: &str| ctx.t(key);
    let sections = vec![
        Section::or_note(t("land-plan-summary"), summary, String::new),
        Section::or_note(t("land-plan-need"), need_blocks, || none("land-plan-need-none")),
        Section::or_note(
            t("land-readiness-title"),
            Block::table_if_any(
                vec![t("land-plan-result"), t("land-plan-level"), t("land-plan-figure")],
                readiness_rows,
                2,
            ),
            || none("land-plan-readiness-none"),
        ),
        Section::or_note(
            t("land-title"),
            Block::table_if_any(
                vec![
                    t("land-plan-level"),
                    t("land-factor"),
                    t("land-state"),
                    t("land-in-focus"),
                    t("land-note"),
                    t("land-follow-up"),
                ],
                factor_rows,
                4,
            ),
            String::new,
        ),
        Section::or_note(
            t("land-plan-open-questions"),
            if open_questions.is_empty() { Vec::new() } else { vec![Block::list(open_questions)] },
            || none("land-plan-open-none"),
        ),
        Section::or_note(
            t("land-goals-title"),
            if goal_items.is_empty() {
                Vec::new()
            } else {
                let mut blocks = vec![Block::List { items: goal_items }];
                if !purpose_first {
                    blocks.push(Block::note(t("land-plan-no-purpose")));
                }
                blocks
            },
            || none("land-goals-none"),
        ),
        Section::or_note(
            t("land-theory-title"),
            Block::table_if_any(vec![t("land-step-stage"), t("land-step-text")], step_rows, 1),
            || none("land-theory-none"),
        ),
        Section::or_note(
            t("land-stakeholders-title"),
            Block::table_if_any(
                vec![
                    t("land-stakeholder-name"),
                    format!("{} / {}", t("land-stakeholder-interest"), t("land-stakeholder-influence")),
                    t("land-stakeholder-quadrant"),
                    t("land-stakeholder-attitude"),
                    t("land-stakeholder-involvement"),
                    t("land-stakeholder-contact"),
                ],
                stakeholder_rows,
                4,
            ),
            || none("land-stakeholders-none"),
        ),
        Section::or_note(
            t("land-milestones-title"),
            Block::table_if_any(
                vec![
                    t("land-milestone-name"),
                    t("land-milestone-phase"),
                    t("land-milestone-planned"),
                    t("land-milestone-reached"),
                    t("land-milestone-status"),
                    t("land-owner"),
                ],
                milestone_rows,
                0,
            ),
            || none("land-milestones-none"),
        ),
        Section::or_note(
            t("land-risks-title"),
            Block::table_if_any(
                vec![t("land-risk-what"), t("land-risk-score"), t("land-risk-mitigation"), t("land-owner")],
                risk_rows,
                2,
            ),
            || none("land-risks-none"),
        ),
        Section::or_note(
            t("plan-title"),
            Block::table_if_any(vec![t("plan-what"), t("plan-who"), t("plan-due"), t("plan-status")], action_rows, 0),
            || none("land-plan-actions-none"),
        ),
    ];
    let document = Document {
        lang: ctx.locale.key().to_owned(),
        title: ctx.t_with("land-plan-title", &[("name", initiative.name.clone().into())]),
        subtitle: member.user.current.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
        facts,
        sections,
        generated: crate::pages::generated(ctx),
    };
    let name = ctx.t_with("file-land-plan", &[("name", initiative.name.into())]);
    Ok((document, name))
}

/// The action plan of the initiative's latest reported readiness assessment, if any.
async fn readiness_actions(
    state: &AppState,
    member: &Member,
    id: i64,
) -> Result<Vec<parat_store::readiness::ActionItem>, AppError> {
    let (db, scope) = (&state.db, &member.scope);
    let reported = parat_store::readiness::list_for_initiative(db, scope, id)
        .await?
        .into_iter()
        .find(|a| a.status == parat_core::readiness::assessment::AssessmentStatus::Reported.key());
    let Some(summary) = reported else { return Ok(Vec::new()) };
    let (assessment, _) = parat_store::readiness::get(db, scope, summary.id).await?;
    Ok(parat_store::readiness::actions(db, scope, &assessment).await?)
}
