//! A map's data to take elsewhere: XLSX with the elements and connections in the layout Kumu
//! imports (a `Label` and `Type` per element, `From`, `To` and `Type` per connection) and the
//! measures beside them; the attendance as CSV; and GraphML, which Gephi and yEd open, with the
//! actors and meetings as nodes and each attendance as an edge.

use std::fmt::Write;

use parat_reports::xlsx::{self, Cell};

use super::*;
use crate::pages::{blocking, download};

/// What every export holds: the map's actors and meetings as lists and pictures name them.
struct Data {
    map: Map,
    actors: Vec<map::Actor>,
    meetings: Vec<map::Meeting>,
    /// Each actor's name and agency by id, for the rows that refer to actors.
    by_id: std::collections::HashMap<i64, (String, parat_core::map::Agency)>,
}

async fn data(state: &AppState, member: &Member, id: i64) -> Result<Data, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    let actors = map::members(&state.db, &map).await?;
    let meetings = map::meetings(&state.db, &map).await?;
    let by_id = actors.iter().map(|a| (a.id, (a.label(), a.agency))).collect();
    Ok(Data { map, actors, meetings, by_id })
}

impl Data {
    fn actor_label(&self, id: i64) -> String {
        self.by_id.get(&id).map(|(label, _)| label.clone()).unwrap_or_default()
    }

    /// (actor, meeting, role) for every attendance.
    fn attendance(&self) -> impl Iterator<Item = (i64, &map::Meeting, map::Attendance)> {
        self.meetings.iter().flat_map(|m| m.attendance.iter().map(move |a| (a.actor_id, m, *a)))
    }

    fn file_name(&self, extension: &str) -> String {
        let stem: String =
            self.map.name.chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' }).collect();
        format!("{stem}.{extension}")
    }
}

fn role_name(ctx: &Ctx, role: parat_core::map::inventory::AttendanceRole) -> String {
    ctx.t(&format!("map-role-{}", role.key()))
}

pub async fn export_xlsx(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let data = data(&state, &member, id).await?;
    let figures = map::figures(&state.db, &data.map).await?;
    let ctx = &member.ctx;
    let t = |id: &str| ctx.t(id);
    let elements: Vec<Vec<Cell>> = data
        .actors
        .iter()
        .map(|a| {
            vec![
                Cell::Text(a.label()),
                Cell::Text(t("map-actor")),
                Cell::Text(agency_name(ctx, a.agency)),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]
        })
        .chain(data.meetings.iter().map(|m| {
            vec![
                Cell::Text(m.name.clone()),
                Cell::Text(t("map-meeting-name")),
                Cell::Empty,
                Cell::Text(level_name(ctx, m.level)),
                Cell::Number(m.per_year),
                Cell::Number(m.hours),
            ]
        }))
        .collect();
    let connections: Vec<Vec<Cell>> = data
        .attendance()
        .map(|(actor, meeting, a)| {
            vec![
                Cell::Text(data.actor_label(actor)),
                Cell::Text(meeting.name.clone()),
                Cell::Text(role_name(ctx, a.role)),
            ]
        })
        .collect();
    let actor_measures: Vec<Vec<Cell>> = figures
        .measures
        .actors
        .iter()
        .map(|m| {
            let label = m.id.parse().map(|id| data.actor_label(id)).unwrap_or_default();
            vec![
                Cell::Text(label),
                Cell::Number(m.degree as f64),
                Cell::Number(m.hours_per_year),
                Cell::Number(m.weighted_degree),
                Cell::Number(m.betweenness),
                Cell::Number(m.brokerage.coordinator as f64),
                Cell::Number(m.brokerage.consultant as f64),
                Cell::Number(m.brokerage.boundary as f64),
                Cell::Number(m.brokerage.liaison as f64),
            ]
        })
        .collect();
    let meeting_measures: Vec<Vec<Cell>> = figures
        .measures
        .meetings
        .iter()
        .map(|m| {
            let name =
                data.meetings.iter().find(|g| g.id.to_string() == m.id).map(|g| g.name.clone()).unwrap_or_default();
            vec![
                Cell::Text(name),
                Cell::Number(m.attendees as f64),
                Cell::Number(m.person_hours_per_year),
                m.useful_mean.map_or(Cell::Empty, Cell::Number),
            ]
        })
        .collect();
    let sheets = vec![
        xlsx::Sheet {
            name: "Elements".into(),
            headers: ["Label", "Type"]
                .map(String::from)
                .into_iter()
                .chain([t("map-agency"), t("map-level"), t("map-per-year"), t("map-hours")])
                .collect(),
            rows: elements,
        },
        xlsx::Sheet {
            name: "Connections".into(),
            headers: ["From", "To", "Type"].map(String::from).to_vec(),
            rows: connections,
        },
        xlsx::Sheet {
            name: t("map-actors"),
            headers: vec![
                t("map-actor"),
                t("map-degree"),
                t("map-hours-per-year"),
                t("map-weighted-degree"),
                t("map-betweenness"),
                "coordinator".into(),
                "consultant".into(),
                "boundary".into(),
                "liaison".into(),
            ],
            rows: actor_measures,
        },
        xlsx::Sheet {
            name: t("map-meetings"),
            headers: vec![t("map-meeting-name"), t("map-attendees"), t("map-person-hours"), t("map-useful")],
            rows: meeting_measures,
        },
    ];
    let bytes = blocking(move || xlsx::workbook(&sheets)).await?;
    Ok(download(bytes, crate::pages::XLSX, &data.file_name("xlsx")))
}

pub async fn export_csv(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let data = data(&state, &member, id).await?;
    let ctx = &member.ctx;
    let header =
        [ctx.t("map-actor"), ctx.t("map-agency"), ctx.t("map-meeting-name"), ctx.t("map-level"), ctx.t("map-role")];
    let rows: Vec<Vec<String>> = data
        .attendance()
        .map(|(actor, meeting, a)| {
            let agency = data.by_id.get(&actor).map(|(_, agency)| agency_name(ctx, *agency)).unwrap_or_default();
            vec![
                data.actor_label(actor),
                agency,
                meeting.name.clone(),
                level_name(ctx, meeting.level),
                role_name(ctx, a.role),
            ]
        })
        .collect();
    let csv = parat_reports::csv::document(&header, rows);
    Ok(download(csv.into_bytes(), "text/csv; charset=utf-8", &data.file_name("csv")))
}

/// Text for XML, with the five characters XML reserves escaped.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

pub async fn export_graphml(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let data = data(&state, &member, id).await?;
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"agency\" for=\"node\" attr.name=\"agency\" attr.type=\"string\"/>\n",
        "  <key id=\"level\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n",
        "  <key id=\"per_year\" for=\"node\" attr.name=\"per_year\" attr.type=\"double\"/>\n",
        "  <key id=\"hours\" for=\"node\" attr.name=\"hours\" attr.type=\"double\"/>\n",
        "  <key id=\"role\" for=\"edge\" attr.name=\"role\" attr.type=\"string\"/>\n",
        "  <graph id=\"map\" edgedefault=\"undirected\">\n",
    ));
    for actor in &data.actors {
        let _ = writeln!(
            out,
            "    <node id=\"a{}\"><data key=\"label\">{}</data><data key=\"kind\">actor</data><data key=\"agency\">{}</data></node>",
            actor.id,
            xml(&actor.label()),
            actor.agency.key()
        );
    }
    for meeting in &data.meetings {
        let _ = writeln!(
            out,
            "    <node id=\"m{}\"><data key=\"label\">{}</data><data key=\"kind\">meeting</data><data key=\"level\">{}</data><data key=\"per_year\">{}</data><data key=\"hours\">{}</data></node>",
            meeting.id,
            xml(&meeting.name),
            meeting.level.key(),
            meeting.per_year,
            meeting.hours
        );
    }
    for (actor, meeting, a) in data.attendance() {
        let _ = writeln!(
            out,
            "    <edge source=\"a{actor}\" target=\"m{}\"><data key=\"role\">{}</data></edge>",
            meeting.id,
            a.role.key()
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    Ok(download(out.into_bytes(), "application/graphml+xml; charset=utf-8", &data.file_name("graphml")))
}
