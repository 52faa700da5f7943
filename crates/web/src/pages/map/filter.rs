//! The map page's filters: by the meetings' level and target group and by the actors' agency.
//! They choose what the pictures and tables show; the measures stay those of the whole map.

use std::collections::{BTreeSet, HashSet};

use super::*;
use parat_store::map::{Actor, Meeting};

/// The map page's query: a notice after a change, and the filters.
#[derive(Debug, Default, serde::Deserialize)]
pub struct MapQuery {
    pub notice: Option<String>,
    pub level: Option<String>,
    pub agency: Option<String>,
    pub target_group: Option<String>,
}

/// The filters chosen; a value that is not one of the choices (a hand-edited address) filters
/// nothing.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct MapFilter {
    pub level: Option<Level>,
    pub agency: Option<Agency>,
    pub target_group: Option<String>,
}

impl MapFilter {
    pub fn from_query(query: &MapQuery) -> MapFilter {
        let chosen = |raw: &Option<String>| raw.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        MapFilter {
            level: chosen(&query.level).and_then(|v| Level::parse(&v).ok()),
            agency: chosen(&query.agency).and_then(|v| Agency::parse(&v).ok()),
            target_group: chosen(&query.target_group),
        }
    }

    /// The filters as the form sends them, to ask for the same page again.
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(level) = self.level {
            pairs.push(("level", level.key().to_owned()));
        }
        if let Some(agency) = self.agency {
            pairs.push(("agency", agency.key().to_owned()));
        }
        if let Some(group) = &self.target_group {
            pairs.push(("target_group", group.clone()));
        }
        pairs
    }

    pub fn is_active(&self) -> bool {
        *self != MapFilter::default()
    }

    pub fn meetings<'m>(&self, meetings: &'m [Meeting]) -> Vec<&'m Meeting> {
        meetings
            .iter()
            .filter(|m| self.level.is_none_or(|level| m.level == level))
            .filter(|m| self.target_group.as_deref().is_none_or(|group| m.target_group == group))
            .collect()
    }

    /// The actors shown: of the chosen agency, and — when meetings are filtered — attending one
    /// of those shown.
    pub fn actors<'a>(&self, actors: &'a [Actor], shown: &[&Meeting]) -> Vec<&'a Actor> {
        let meetings_filtered = self.level.is_some() || self.target_group.is_some();
        let attending: HashSet<i64> = shown.iter().flat_map(|m| m.attendance.iter().map(|a| a.actor_id)).collect();
        actors
            .iter()
            .filter(|a| self.agency.is_none_or(|agency| a.agency == agency))
            .filter(|a| !meetings_filtered || attending.contains(&a.id))
            .collect()
    }
}

/// The ties among the shown actors through the shown meetings, heaviest first (hours a year
/// shared), at most `limit`: the core's weighting, on the selection.
pub fn ties_within(meetings: &[&Meeting], actors: &[&Actor], limit: usize) -> Vec<(i64, i64, f64)> {
    let shown: HashSet<i64> = actors.iter().map(|a| a.id).collect();
    let present: Vec<(f64, Vec<i64>)> = meetings
        .iter()
        .map(|m| {
            (m.hours_per_year(), m.attendance.iter().map(|a| a.actor_id).filter(|id| shown.contains(id)).collect())
        })
        .collect();
    parat_core::map::measures::heaviest_pairs(present.iter().map(|(hours, ids)| (*hours, ids.as_slice())), limit)
}

/// The filter form, a GET form that works without JavaScript.
pub fn filter_form(ctx: &Ctx, map: &Map, meetings: &[Meeting], filter: &MapFilter) -> Markup {
    let groups: BTreeSet<&str> = meetings.iter().map(|m| m.target_group.as_str()).filter(|g| !g.is_empty()).collect();
    let chosen_level = filter.level.map(Level::key).unwrap_or_default();
    let chosen_agency = filter.agency.map(Agency::key).unwrap_or_default();
    let chosen_group = filter.target_group.as_deref().unwrap_or_default();
    html! {
        form.filters method="get" action=(format!("/maps/{}#pictures", map.id)) {
            div.field {
                label for="filter-level" { (ctx.t("map-level")) }
                select #filter-level name="level" {
                    option value="" { (ctx.t("map-filter-all")) }
                    @for level in Level::ALL { option value=(level.key()) selected[level.key() == chosen_level] { (level_name(ctx, *level)) } }
                }
            }
            div.field {
                label for="filter-agency" { (ctx.t("map-agency")) }
                select #filter-agency name="agency" {
                    option value="" { (ctx.t("map-filter-all")) }
                    @for agency in Agency::ALL { option value=(agency.key()) selected[agency.key() == chosen_agency] { (agency_name(ctx, *agency)) } }
                }
            }
            @if !groups.is_empty() {
                div.field {
                    label for="filter-group" { (ctx.t("map-meeting-target-group")) }
                    select #filter-group name="target_group" {
                        option value="" { (ctx.t("map-filter-all")) }
                        @for group in &groups { option value=(group) selected[*group == chosen_group] { (group) } }
                    }
                }
            }
            div.actions {
                button type="submit" { (ctx.t("map-filter-show")) }
                @if filter.is_active() { a href=(format!("/maps/{}#pictures", map.id)) { (ctx.t("map-filter-clear")) } }
            }
        }
    }
}
