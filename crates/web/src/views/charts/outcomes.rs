//! A participant's course: the outcome and session totals per session on the 0–40 scale, the
//! outcome cut-off as a dashed line, and, where the organisation's own data allow, the range
//! reliably improved participants with a similar intake were in (the middle half) as a band.
//! Lines differ by dash and marker as well as colour.

use maud::{html, Markup};

use super::fmt;

/// One session's totals, as drawn.
pub struct SessionTotals {
    pub outcome: Option<f64>,
    pub session: Option<f64>,
}

/// The labels the picture writes.
pub struct CourseLabels<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub outcome: &'a str,
    pub session: &'a str,
    pub cutoff: &'a str,
    pub expected: &'a str,
    pub session_axis: &'a str,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 70.0;

pub fn course(labels: &CourseLabels, sessions: &[SessionTotals], cutoff: f64, expected: &[(f64, f64)]) -> Markup {
    let count = sessions.len().max(expected.len()).max(2);
    let x = |i: usize| LEFT + (WIDTH - LEFT - RIGHT) * i as f64 / (count - 1) as f64;
    let y = |v: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - v.clamp(0.0, 40.0) / 40.0);
    let line = |values: &dyn Fn(&SessionTotals) -> Option<f64>| {
        sessions
            .iter()
            .enumerate()
            .filter_map(|(i, s)| values(s).map(|v| format!("{},{}", fmt(x(i)), fmt(y(v)))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let band: String = expected
        .iter()
        .enumerate()
        .map(|(i, (_, high))| format!("{},{}", fmt(x(i)), fmt(y(*high))))
        .chain(expected.iter().enumerate().rev().map(|(i, (low, _))| format!("{},{}", fmt(x(i)), fmt(y(*low)))))
        .collect::<Vec<_>>()
        .join(" ");
    let legend_y = HEIGHT - 22.0;
    html! {
        svg.chart.course xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {HEIGHT}")) role="img" aria-labelledby="course-title course-desc" {
            title #course-title { (labels.title) }
            desc #course-desc { (labels.description) }
            @for level in [0u8, 10, 20, 30, 40] {
                line x1=(fmt(LEFT)) x2=(fmt(WIDTH - RIGHT)) y1=(fmt(y(f64::from(level)))) y2=(fmt(y(f64::from(level)))) stroke="#d5d5dd" stroke-width="1" {}
                text x=(fmt(LEFT - 6.0)) y=(fmt(y(f64::from(level)) + 4.0)) text-anchor="end" font-size="12" fill="#4a4a55" { (level) }
            }
            @for i in 0..count {
                text x=(fmt(x(i))) y=(fmt(HEIGHT - BOTTOM + 16.0)) text-anchor="middle" font-size="12" fill="#4a4a55" { (i + 1) }
            }
            text x=(fmt(WIDTH / 2.0)) y=(fmt(HEIGHT - BOTTOM + 32.0)) text-anchor="middle" font-size="12" fill="#4a4a55" { (labels.session_axis) }
            @if expected.len() >= 2 {
                polygon points=(band) fill="#0b57a4" fill-opacity="0.12" stroke="none" {}
            }
            line x1=(fmt(LEFT)) x2=(fmt(WIDTH - RIGHT)) y1=(fmt(y(cutoff))) y2=(fmt(y(cutoff))) stroke="#a4262c" stroke-width="1.5" stroke-dasharray="6 4" {}
            polyline points=(line(&|s| s.outcome)) fill="none" stroke="#0b57a4" stroke-width="2.5" {}
            polyline points=(line(&|s| s.session)) fill="none" stroke="#1d6b3a" stroke-width="2" stroke-dasharray="3 3" {}
            @for (i, s) in sessions.iter().enumerate() {
                @if let Some(v) = s.outcome { circle cx=(fmt(x(i))) cy=(fmt(y(v))) r="4.5" fill="#0b57a4" {} }
                @if let Some(v) = s.session { rect x=(fmt(x(i) - 4.0)) y=(fmt(y(v) - 4.0)) width="8" height="8" fill="#1d6b3a" {} }
            }
            // The legend, in one row under the axis.
            circle cx=(fmt(LEFT)) cy=(fmt(legend_y)) r="4.5" fill="#0b57a4" {}
            text x=(fmt(LEFT + 10.0)) y=(fmt(legend_y + 4.0)) font-size="12" fill="#1b1b1f" { (labels.outcome) }
            rect x=(fmt(LEFT + 150.0)) y=(fmt(legend_y - 4.0)) width="8" height="8" fill="#1d6b3a" {}
            text x=(fmt(LEFT + 164.0)) y=(fmt(legend_y + 4.0)) font-size="12" fill="#1b1b1f" { (labels.session) }
            line x1=(fmt(LEFT + 300.0)) x2=(fmt(LEFT + 324.0)) y1=(fmt(legend_y)) y2=(fmt(legend_y)) stroke="#a4262c" stroke-width="1.5" stroke-dasharray="6 4" {}
            text x=(fmt(LEFT + 330.0)) y=(fmt(legend_y + 4.0)) font-size="12" fill="#1b1b1f" { (labels.cutoff) }
            @if expected.len() >= 2 {
                rect x=(fmt(LEFT + 440.0)) y=(fmt(legend_y - 6.0)) width="16" height="12" fill="#0b57a4" fill-opacity="0.12" {}
                text x=(fmt(LEFT + 462.0)) y=(fmt(legend_y + 4.0)) font-size="12" fill="#1b1b1f" { (labels.expected) }
            }
        }
    }
}

/// One column of a count per period.
pub struct CountColumn {
    pub label: String,
    pub count: usize,
}

/// Counts per period as columns (sessions per month), each labelled with its count.
pub fn counts(title: &str, description: &str, columns: &[CountColumn]) -> Markup {
    let max = columns.iter().map(|c| c.count).max().unwrap_or(0).max(1) as f64;
    let slot = (WIDTH - LEFT - RIGHT) / columns.len().max(1) as f64;
    let base = HEIGHT - 50.0;
    let scale = base - TOP - 16.0;
    html! {
        svg.chart.course xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {HEIGHT}")) role="img" aria-labelledby="counts-title counts-desc" {
            title #counts-title { (title) }
            desc #counts-desc { (description) }
            line x1=(fmt(LEFT)) x2=(fmt(WIDTH - RIGHT)) y1=(fmt(base)) y2=(fmt(base)) stroke="#8a8a96" stroke-width="1" {}
            @for (i, column) in columns.iter().enumerate() {
                @let height = scale * column.count as f64 / max;
                @let x = LEFT + slot * i as f64 + slot * 0.15;
                rect x=(fmt(x)) y=(fmt(base - height)) width=(fmt(slot * 0.7)) height=(fmt(height)) fill="#0b57a4" {}
                text x=(fmt(x + slot * 0.35)) y=(fmt(base - height - 4.0)) text-anchor="middle" font-size="12" fill="#1b1b1f" { (column.count) }
                text x=(fmt(x + slot * 0.35)) y=(fmt(base + 16.0)) text-anchor="middle" font-size="12" fill="#4a4a55" { (column.label) }
            }
        }
    }
}
