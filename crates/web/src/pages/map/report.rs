//! The map as a PDF report for the steering group: the network's measures with what they mean,
//! the meetings and actors, unmet needs, the questions worth raising, the break points and —
//! for a new wave — what changed since the one before. Built on the shared document model.

use std::collections::HashMap;

use parat_core::map::comparison::{compare, WaveMeeting};
use parat_reports::document::{Block, Document, Section};

use super::*;
use crate::pages::{blocking, download};

pub async fn report_pdf(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let (ctx, db, scope) = (&member.ctx, &state.db, &member.scope);
    let map = map::open(db, scope, id).await?;
    let actors = map::members(db, &map).await?;
    let meetings = map::meetings(db, &map).await?;
    let figures = map::figures(db, &map).await?;
    let points = map::break_points(db, &map).await?;
    let measures = &figures.measures;
    let decimal = |value: f64, places: usize| ctx.locale.format_decimal(value, places);
    let actor_labels: HashMap<String, String> = actors.iter().map(|a| (a.id.to_string(), a.label())).collect();
    let meeting_names: HashMap<String, String> = meetings.iter().map(|m| (m.id.to_string(), m.name.clone())).collect();
    let actor_label = |id: &str| actor_labels.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let meeting_name = |id: &str| meeting_names.get(id).cloned().unwrap_or_default();
    let t = |key: &str| ctx.t(key);
    let network = &measures.network;

    let network_rows = vec![
        vec![t("map-actors"), network.actors.to_string(), String::new()],
        vec![t("map-meetings"), network.meetings.to_string(), String::new()],
        vec![t("map-density"), decimal(network.density, 2), t("map-define-density")],
        vec![t("map-centralization"), decimal(network.centralization, 2), t("map-define-centralization")],
        vec![t("map-components"), network.components.to_string(), t("map-define-components")],
    ];
    let meeting_rows: Vec<Vec<String>> = meetings
        .iter()
        .zip(super::measures_by_id(&measures.meetings, |m| &m.id, &meetings, |m| m.id))
        .map(|(meeting, figures)| {
            vec![
                meeting.name.clone(),
                level_name(ctx, meeting.level),
                decimal(meeting.per_year, 1),
                decimal(meeting.hours, 1),
                figures.map_or(0, |f| f.attendees).to_string(),
                decimal(figures.map_or(0.0, |f| f.person_hours_per_year), 0),
                figures.and_then(|f| f.useful_mean).map_or("–".into(), |u| decimal(u, 2)),
            ]
        })
        .collect();
    let actor_rows: Vec<Vec<String>> = actors
        .iter()
        .zip(super::measures_by_id(&measures.actors, |a| &a.id, &actors, |a| a.id))
        .map(|(actor, figures)| {
            let brokerage = figures.map(|f| f.brokerage).map_or(String::new(), |b| {
                ctx.t_with(
                    "map-brokerage-counts",
                    &[
                        ("coordinator", (b.coordinator as f64).into()),
                        ("consultant", (b.consultant as f64).into()),
                        ("boundary", (b.boundary as f64).into()),
                        ("liaison", (b.liaison as f64).into()),
                    ],
                )
            });
            vec![
                actor.label(),
                agency_name(ctx, actor.agency),
                figures.map_or(0, |f| f.degree).to_string(),
                decimal(figures.map_or(0.0, |f| f.hours_per_year), 0),
                decimal(figures.map_or(0.0, |f| f.betweenness), 2),
                brokerage,
            ]
        })
        .collect();
    let unmet: Vec<String> =
        measures.unmet_needs.iter().map(|n| format!("{} → {}", actor_label(&n.from), actor_label(&n.to))).collect();
    let questions: Vec<String> =
        figures.suggestions.iter().map(|s| suggestion_text(ctx, s, &actor_label, &meeting_name)).collect();
    let point_rows: Vec<Vec<String>> = points
        .iter()
        .map(|p| {
            let covered_by: Vec<String> = p.meeting_ids.iter().map(|id| meeting_name(&id.to_string())).collect();
            vec![
                ctx.t(&format!("map-break-axis-{}", p.axis.key())),
                decimal(p.at_value, if p.at_value.fract() == 0.0 { 0 } else { 1 }),
                p.label.clone(),
                if covered_by.is_empty() { t("map-break-uncovered") } else { covered_by.join(", ") },
            ]
        })
        .collect();

    let mut sections = vec![
        Section::or_note(
            t("map-network"),
            Block::table_if_any(
                vec![t("map-compare-measure"), t("map-report-value"), t("map-report-meaning")],
                network_rows,
                2,
            ),
            String::new,
        ),
        Section::or_note(
            t("map-meetings"),
            Block::table_if_any(
                vec![
                    t("map-meeting-name"),
                    t("map-level"),
                    t("map-per-year"),
                    t("map-hours"),
                    t("map-attendees"),
                    t("map-person-hours"),
                    t("map-useful"),
                ],
                meeting_rows,
                0,
            ),
            || t("map-meetings-none"),
        ),
        Section::or_note(
            t("map-actors"),
            Block::table_if_any(
                vec![
                    t("map-actor"),
                    t("map-agency"),
                    t("map-degree"),
                    t("map-hours-per-year"),
                    t("map-betweenness"),
                    t("map-brokerage"),
                ],
                actor_rows,
                0,
            ),
            || t("map-actors-none"),
        ),
        Section::or_note(
            t("map-unmet-needs"),
            if unmet.is_empty() { vec![] } else { vec![Block::list(unmet)] },
            || t("map-unmet-needs-none"),
        ),
        Section::or_note(
            t("map-suggestions"),
            if questions.is_empty() {
                vec![]
            } else {
                vec![Block::note(t("map-suggestions-lead")), Block::list(questions)]
            },
            || t("map-suggestions-none"),
        ),
        Section::or_note(
            t("map-break-title"),
            Block::table_if_any(
                vec![t("map-break-axis"), t("map-break-at"), t("map-break-label"), t("map-break-cover")],
                point_rows,
                2,
            ),
            || t("map-break-none"),
        ),
    ];
    if let Some(earlier) = map::previous(db, scope, &map).await? {
        let before_meetings = map::meetings(db, &earlier).await?;
        let before = map::figures(db, &earlier).await?;
        let compared = compare(
            (&super::wave_meetings(&before_meetings), &before.measures),
            (&super::wave_meetings(&meetings), measures),
        );
        let rows: Vec<Vec<String>> = compared
            .network
            .iter()
            .map(|(key, change)| {
                let places = if matches!(*key, "density" | "centralization") { 2 } else { 0 };
                vec![t(&format!("map-{key}")), decimal(change.before, places), decimal(change.after, places)]
            })
            .collect();
        let mut blocks = vec![Block::paragraph(ctx.t_with(
            "map-compare-lead",
            &[("before", earlier.name.clone().into()), ("after", map.name.clone().into())],
        ))];
        blocks.extend(Block::table_if_any(
            vec![t("map-compare-measure"), t("map-compare-before"), t("map-compare-after")],
            rows,
            0,
        ));
        let names = |list: &[WaveMeeting]| {
            if list.is_empty() {
                t("map-compare-nothing")
            } else {
                list.iter().map(|m| m.name.clone()).collect::<Vec<_>>().join(", ")
            }
        };
        blocks.push(Block::paragraph(format!("{}: {}", t("map-compare-added"), names(&compared.added))));
        blocks.push(Block::paragraph(format!("{}: {}", t("map-compare-removed"), names(&compared.removed))));
        sections.push(Section { heading: t("map-compare-title"), blocks });
    }
    sections.push(Section {
        heading: t("map-definitions"),
        blocks: vec![Block::list(
            [
                "person-hours",
                "useful",
                "overlaps",
                "degree",
                "hours-per-year",
                "weighted-degree",
                "betweenness",
                "brokerage",
            ]
            .iter()
            .map(|key| format!("{}: {}", t(&format!("map-{key}")), t(&format!("map-define-{key}")))),
        )],
    });
    let document = Document {
        lang: ctx.locale.key().to_owned(),
        title: map.name.clone(),
        subtitle: ctx.t("map-report-subtitle"),
        facts: vec![
            [t("map-report-organisation"), member.user.current.as_ref().map(|o| o.name.clone()).unwrap_or_default()],
            [t("map-target-group"), map.target_group.clone()],
            [t("map-period"), super::period(ctx, &map)],
        ],
        sections,
        generated: crate::pages::generated(ctx),
    };
    let bytes = blocking(move || document.pdf()).await?;
    let name = ctx.t_with("map-report-file", &[("name", map.name.clone().into())]);
    Ok(download(bytes, "application/pdf", &format!("{name}.pdf")))
}
