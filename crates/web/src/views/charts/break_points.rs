//! Break points on an axis (age in years, or months): a mark for each point where one set of
//! rules hands over to another, with its label on a row of its own so that labels never run
//! into each other, and the meetings that cover it listed under it. A point no meeting covers
//! is drawn as a hollow, thick-edged diamond and says so in words — not by colour alone. The
//! page lists the same points in a table.

use maud::{html, Markup};

use super::fmt;

/// One point as the picture shows it; every text already in the reader's language.
pub struct PointMark<'a> {
    pub at: f64,
    /// The value as the reader's language writes it, e.g. "24,5".
    pub shown: String,
    pub label: &'a str,
    /// Who covers it, or that nobody does.
    pub note: String,
    /// The covering meetings' names, as a list in the reader's language; empty when none.
    pub meetings: String,
    pub covered: bool,
}

/// One axis: its name with the unit, its points in order.
pub fn break_points(id: &str, (title, description): (&str, &str), axis_name: &str, points: &[PointMark]) -> Markup {
    const LEFT: f64 = 30.0;
    const WIDTH: f64 = 740.0;
    const ROW: f64 = 52.0;
    /// Characters a line under a mark holds before it is cut short (the table has it all).
    const LINE: usize = 90;
    let (Some(first), Some(last)) =
        (points.iter().map(|p| p.at).min_by(f64::total_cmp), points.iter().map(|p| p.at).max_by(f64::total_cmp))
    else {
        return html! {};
    };
    // Whole steps around the points, with room on each side.
    let step = if last - first > 40.0 {
        10.0
    } else if last - first > 12.0 {
        5.0
    } else {
        1.0
    };
    let start = ((first - step) / step).floor() * step;
    let end = ((last + step) / step).ceil() * step;
    let x = |v: f64| LEFT + (v - start) / (end - start) * WIDTH;
    let axis_y = 40.0;
    let height = axis_y + 30.0 + points.len() as f64 * ROW;
    let ticks: Vec<f64> = (0..).map(|i| start + i as f64 * step).take_while(|v| *v <= end + 1e-9).collect();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    html! {
        svg.chart.break-points xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {} {}", fmt(LEFT * 2.0 + WIDTH), fmt(height)))
            role="img" aria-labelledby=(format!("{title_id} {desc_id}")) {
            title id=(title_id) { (title) }
            desc id=(desc_id) { (description) }
            text.axis-name x=(fmt(LEFT)) y="16" { (axis_name) }
            @for tick in &ticks {
                line.tick x1=(fmt(x(*tick))) y1=(fmt(axis_y - 6.0)) x2=(fmt(x(*tick))) y2=(fmt(height)) {}
                text.tick-label x=(fmt(x(*tick))) y=(fmt(axis_y - 10.0)) text-anchor="middle" { (tick) }
            }
            line.axis x1=(fmt(LEFT)) y1=(fmt(axis_y)) x2=(fmt(LEFT + WIDTH)) y2=(fmt(axis_y)) {}
            @for (i, point) in points.iter().enumerate() {
                @let px = x(point.at);
                @let row = axis_y + 30.0 + i as f64 * ROW;
                @let anchor = if px > LEFT + WIDTH * 0.6 { "end" } else { "start" };
                @let text_x = if anchor == "end" { px - 10.0 } else { px + 10.0 };
                g.point.covered[point.covered].uncovered[!point.covered] {
                    line.guide x1=(fmt(px)) y1=(fmt(axis_y)) x2=(fmt(px)) y2=(fmt(row)) {}
                    path.mark d=(format!("M{} {}l8 8l-8 8l-8 -8z", fmt(px), fmt(row - 8.0))) {}
                    text x=(fmt(text_x)) y=(fmt(row - 2.0)) text-anchor=(anchor) { tspan.value { (point.shown) } " " (point.label) }
                    text.note x=(fmt(text_x)) y=(fmt(row + 13.0)) text-anchor=(anchor) { (clip(&point.note, LINE)) }
                    @if !point.meetings.is_empty() {
                        text.note.meetings x=(fmt(text_x)) y=(fmt(row + 27.0)) text-anchor=(anchor) { (clip(&point.meetings, LINE)) }
                    }
                }
            }
        }
    }
}

/// `text` cut to at most `max` characters, ending in "…" when cut.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark<'a>(at: f64, label: &'a str, meetings: &str) -> PointMark<'a> {
        PointMark {
            at,
            shown: at.to_string(),
            label,
            note: if meetings.is_empty() { "Not covered".into() } else { "Covered".into() },
            meetings: meetings.into(),
            covered: !meetings.is_empty(),
        }
    }

    #[test]
    fn uncovered_points_differ_in_shape_class_and_words_and_the_picture_is_deterministic() {
        let points = [mark(25.0, "Youth guarantee ends", "Team, Network"), mark(30.0, "Compensation ends", "")];
        let draw = || break_points("age", ("Age", "Two points, one uncovered"), "Age (years)", &points).into_string();
        let svg = draw();
        assert_eq!(svg, draw(), "the same points draw the same picture");
        assert!(svg.contains("<title id=\"age-title\">Age</title>"));
        assert!(svg.contains("<desc id=\"age-desc\">Two points, one uncovered</desc>"));
        assert!(svg.contains("aria-labelledby=\"age-title age-desc\""));
        assert_eq!(svg.matches("<g class=\"point covered\">").count(), 1);
        assert_eq!(svg.matches("<g class=\"point uncovered\">").count(), 1);
        let uncovered = &svg[svg.find("point uncovered").expect("uncovered")..];
        assert!(uncovered.contains("Not covered") && !uncovered.contains("class=\"note meetings\""));
        let covered = &svg[svg.find("point covered").expect("covered")..svg.find("point uncovered").expect("end")];
        assert!(covered.contains("<text class=\"note meetings\"") && covered.contains("Team, Network"));
        // Ticks of 1 year around 25–30, from 24 to 31.
        assert!(svg.contains(">24</text>") && svg.contains(">31</text>") && !svg.contains(">23</text>"));
        assert_eq!(break_points("none", ("", ""), "", &[]).into_string(), "");
    }

    #[test]
    fn long_lines_are_cut_short() {
        assert_eq!(clip("Samverkansteam", 90), "Samverkansteam");
        assert_eq!(clip("ååååå", 3), "åå…");
    }
}
