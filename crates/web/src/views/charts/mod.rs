//! Charts as SVG pictures, drawn on the server: a radar ("spider web") and a bar chart of
//! dimension scores on the 1–9 scale. Each has a title and description for screen readers;
//! the page shows the same figures in a table.

use maud::{html, Markup};

mod break_points;
mod map;
mod outcomes;
mod plan;
mod project;

pub use break_points::{break_points, PointMark};
pub use map::{actor_network, two_mode, ActorNode, MeetingNode};
pub use outcomes::{counts, course, CountColumn, CourseLabels, SessionTotals};
pub use plan::*;
pub use project::{indicator, IndicatorColumn};

/// One labelled value on the 1–9 scale.
pub struct Point<'a> {
    pub label: &'a str,
    pub value: f64,
    /// The value as the reader's language writes it, e.g. "4,17".
    pub shown: String,
}

const SCALE_MAX: f64 = 9.0;

/// A coordinate to a tenth. Through whole tenths, because `{:.1}` on an `f64` takes the exact
/// (and, in a profile of the results page, surprisingly costly) decimal expansion.
pub(super) fn fmt(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10)
}

/// The radar's geometry: spokes around a centre, a value's distance along its spoke.
struct Web {
    cx: f64,
    cy: f64,
    radius: f64,
    spokes: usize,
}

impl Web {
    /// The point of `value` (on the 1–9 scale) on spoke `i`, the first pointing up.
    fn at(&self, i: usize, value: f64) -> (f64, f64) {
        let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / self.spokes.max(3) as f64;
        let r = self.radius * (value / SCALE_MAX).clamp(0.0, 1.0);
        (self.cx + r * angle.cos(), self.cy + r * angle.sin())
    }

    /// An SVG `points` list through every spoke at the value `value_of` gives it.
    fn polygon(&self, value_of: &dyn Fn(usize) -> f64) -> String {
        (0..self.spokes)
            .map(|i| self.at(i, value_of(i)))
            .map(|(x, y)| format!("{},{}", fmt(x), fmt(y)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A radar chart: one spoke per dimension, rings at every level, the scores as a polygon.
pub fn radar(title: &str, description: &str, points: &[Point]) -> Markup {
    let (cx, cy) = (200.0, 190.0);
    let web = Web { cx, cy, radius: 140.0, spokes: points.len() };
    let at = |i: usize, value: f64| web.at(i, value);
    let polygon = |value_of: &dyn Fn(usize) -> f64| web.polygon(value_of);
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 390" role="img" aria-labelledby="radar-title radar-desc" {
            title #radar-title { (title) }
            desc #radar-desc { (description) }
            @for level in 1..=9u8 {
                polygon points=(polygon(&|_| f64::from(level))) fill="none" stroke=(if level % 3 == 0 { "#8a8a96" } else { "#d5d5dd" }) stroke-width="1" {}
            }
            @for (i, point) in points.iter().enumerate() {
                @let (x, y) = at(i, SCALE_MAX);
                @let (lx, ly) = at(i, SCALE_MAX + 1.6);
                line x1=(fmt(cx)) y1=(fmt(cy)) x2=(fmt(x)) y2=(fmt(y)) stroke="#8a8a96" stroke-width="1" {}
                text x=(fmt(lx)) y=(fmt(ly + 5.0)) text-anchor="middle" font-size="14" fill="#1b1b1f" { (point.label) }
            }
            polygon points=(polygon(&|i| points[i].value)) fill="#0b57a4" fill-opacity="0.25" stroke="#0b57a4" stroke-width="2.5" {}
            @for (i, point) in points.iter().enumerate() {
                @let (x, y) = at(i, point.value);
                circle cx=(fmt(x)) cy=(fmt(y)) r="4" fill="#0b57a4" {}
            }
            @for level in [3u8, 6, 9] {
                @let (x, y) = at(0, f64::from(level));
                text x=(fmt(x + 8.0)) y=(fmt(y + 12.0)) font-size="11" fill="#4a4a55" { (level) }
            }
        }
    }
}

/// The radar as a document prints it: each axis named ("A. Efforts"), on a wider canvas so that
/// the names fit beside the axes.
pub fn radar_named(title: &str, points: &[Point], names: &[String]) -> Markup {
    let (cx, cy) = (320.0, 200.0);
    let web = Web { cx, cy, radius: 140.0, spokes: points.len() };
    let at = |i: usize, value: f64| web.at(i, value);
    let polygon = |value_of: &dyn Fn(usize) -> f64| web.polygon(value_of);
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 410" role="img" {
            title { (title) }
            @for level in 1..=9u8 {
                polygon points=(polygon(&|_| f64::from(level))) fill="none" stroke=(if level % 3 == 0 { "#8a8a96" } else { "#d5d5dd" }) stroke-width="1" {}
            }
            @for (i, point) in points.iter().enumerate() {
                @let (x, y) = at(i, SCALE_MAX);
                @let (lx, ly) = at(i, SCALE_MAX + 1.3);
                // Names right of the centre start at the axis, left of it end there.
                @let anchor = if (lx - cx).abs() < 1.0 { "middle" } else if lx > cx { "start" } else { "end" };
                @let name = names.get(i).map(|n| format!("{}. {n}", point.label)).unwrap_or_else(|| point.label.to_owned());
                line x1=(fmt(cx)) y1=(fmt(cy)) x2=(fmt(x)) y2=(fmt(y)) stroke="#8a8a96" stroke-width="1" {}
                // Names above and below the chart keep clear of the axis they belong to.
                @let ty = if anchor != "middle" { ly + 5.0 } else if ly < cy { ly - 4.0 } else { ly + 16.0 };
                text x=(fmt(lx)) y=(fmt(ty)) text-anchor=(anchor) font-size="13" fill="#1b1b1f" { (name) " (" (point.shown) ")" }
            }
            polygon points=(polygon(&|i| points[i].value)) fill="#0b57a4" fill-opacity="0.25" stroke="#0b57a4" stroke-width="2.5" {}
            @for (i, point) in points.iter().enumerate() {
                @let (x, y) = at(i, point.value);
                circle cx=(fmt(x)) cy=(fmt(y)) r="4" fill="#0b57a4" {}
            }
        }
    }
}

/// A horizontal bar chart with a mark for each level; `highlight` bars are drawn darker.
pub fn bars(title: &str, description: &str, points: &[Point], highlight: &[&str]) -> Markup {
    bars_to(title, description, points, highlight, SCALE_MAX)
}

/// A horizontal bar chart of values from 0 to `max`, with marks at round steps.
pub fn bars_to(title: &str, description: &str, points: &[Point], highlight: &[&str], max: f64) -> Markup {
    let (left, width, row) = (150.0, 320.0, 34.0);
    let height = 40.0 + row * points.len() as f64;
    let max = if max > 0.0 { max } else { 1.0 };
    let step = [1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0].into_iter().find(|s| max / s <= 10.0).unwrap_or(max / 5.0);
    let marks: Vec<f64> = (1..).map(|k| k as f64 * step).take_while(|m| *m <= max + 1e-9).collect();
    let share = |value: f64| (value / max).clamp(0.0, 1.0);
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 500 {}", fmt(height))) role="img" aria-labelledby="bars-title bars-desc" {
            title #bars-title { (title) }
            desc #bars-desc { (description) }
            @for mark in &marks {
                @let x = left + width * share(*mark);
                line x1=(fmt(x)) y1="10" x2=(fmt(x)) y2=(fmt(height - 20.0)) stroke="#d5d5dd" stroke-width="1" {}
                text x=(fmt(x)) y=(fmt(height - 5.0)) text-anchor="middle" font-size="11" fill="#4a4a55" { (mark) }
            }
            @for (i, point) in points.iter().enumerate() {
                @let y = 14.0 + row * i as f64;
                @let fill = if highlight.contains(&point.label) { "#b3261e" } else { "#0b57a4" };
                text x=(fmt(left - 8.0)) y=(fmt(y + 17.0)) text-anchor="end" font-size="13" fill="#1b1b1f" { (point.label) }
                rect x=(fmt(left)) y=(fmt(y)) width=(fmt(width * share(point.value))) height="24" fill=(fill) {}
                text x=(fmt(left + width * share(point.value) + 6.0)) y=(fmt(y + 17.0)) font-size="12" fill="#1b1b1f" { (point.shown) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn coordinates_are_written_to_a_tenth() {
        for (value, text) in
            [(0.0, "0.0"), (12.34, "12.3"), (12.36, "12.4"), (-0.04, "0.0"), (-3.25, "-3.3"), (250.0, "250.0")]
        {
            assert_eq!(super::fmt(value), text);
        }
    }

    use super::*;

    #[test]
    fn the_radar_puts_the_first_spoke_straight_up_and_scales_to_nine() {
        let point = |label, value: f64| Point { label, value, shown: value.to_string() };
        let points = [point("A", 9.0), point("B", 4.5), point("C", 0.0), point("D", 4.5)];
        let svg = radar("t", "d", &points).into_string();
        // A at full scale sits 140 above the centre (200,190); B halfway along the right spoke.
        assert!(svg.contains("200.0,50.0 270.0,190.0 200.0,190.0 130.0,190.0"), "{svg}");
        assert!(svg.contains("<title id=\"radar-title\">t</title>"));
    }

    #[test]
    fn bars_scale_and_highlight() {
        let points = [
            Point { label: "A", value: 4.5, shown: "4,50".into() },
            Point { label: "F", value: 2.8, shown: "2,80".into() },
        ];
        let svg = bars("t", "d", &points, &["F"]).into_string();
        assert!(svg.contains("width=\"160.0\""), "4.5 of 9 is half of 320");
        assert!(svg.contains("#b3261e"), "the lowest are marked");
        assert!(svg.contains(">4,50<") && svg.contains(">2,80<"), "values as the reader writes them");
    }
}

/// One tile of [`tile_columns`]: a named thing, the class that colours it (`state-<class>` in
/// the style sheet), a short mark that says the same as the colour, and a heavier outline.
pub struct Tile<'a> {
    pub label: &'a str,
    pub class: &'a str,
    pub mark: String,
    pub emphasised: bool,
}

/// A column of tiles under its label.
pub struct TileColumn<'a> {
    pub label: &'a str,
    pub tiles: Vec<Tile<'a>>,
}

/// Breaks a label into lines of at most `width` characters at spaces (a word longer than that
/// gets a line of its own).
pub(super) fn wrap(label: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// Columns of coloured tiles side by side, e.g. the landscape's levels with their factors
/// coloured from clearly hindering to clearly supporting. Colour is never the only signal: each
/// tile carries its mark, and the page lists the same in a table.
pub fn tile_columns(title: &str, description: &str, columns: &[TileColumn]) -> Markup {
    const COLUMN_WIDTH: f64 = 200.0;
    const GAP: f64 = 12.0;
    const TILE_HEIGHT: f64 = 46.0;
    const HEADER: f64 = 44.0;
    let rows = columns.iter().map(|c| c.tiles.len()).max().unwrap_or(0) as f64;
    let width = columns.len().max(1) as f64 * (COLUMN_WIDTH + GAP) + GAP;
    let height = HEADER + rows * (TILE_HEIGHT + 6.0) + GAP;
    html! {
        svg.chart.tiles xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {} {}", fmt(width), fmt(height)))
            role="img" aria-labelledby="tiles-title tiles-desc" {
            title #tiles-title { (title) }
            desc #tiles-desc { (description) }
            @for (c, column) in columns.iter().enumerate() {
                @let x = GAP + c as f64 * (COLUMN_WIDTH + GAP);
                g {
                    rect.column x=(fmt(x - 4.0)) y="4" width=(fmt(COLUMN_WIDTH + 8.0)) height=(fmt(height - 8.0)) rx="6" {}
                    @for (i, line) in wrap(column.label, 26).iter().take(2).enumerate() {
                        text.column-label x=(fmt(x + COLUMN_WIDTH / 2.0)) y=(fmt(20.0 + i as f64 * 15.0)) text-anchor="middle" { (line) }
                    }
                    @for (r, tile) in column.tiles.iter().enumerate() {
                        @let y = HEADER + r as f64 * (TILE_HEIGHT + 6.0);
                        rect class=(format!("tile state-{}{}", tile.class, if tile.emphasised { " emphasised" } else { "" }))
                            x=(fmt(x)) y=(fmt(y)) width=(fmt(COLUMN_WIDTH)) height=(fmt(TILE_HEIGHT)) rx="4" {}
                        @let lines = wrap(tile.label, 24);
                        @let first = if lines.len() > 1 { y + 19.0 } else { y + 27.0 };
                        @for (i, line) in lines.iter().take(2).enumerate() {
                            text.tile-label x=(fmt(x + 8.0)) y=(fmt(first + i as f64 * 15.0)) { (line) }
                        }
                        text.tile-mark x=(fmt(x + COLUMN_WIDTH - 8.0)) y=(fmt(y + 28.0)) text-anchor="end" { (tile.mark) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tile_tests {
    use super::*;

    #[test]
    fn labels_wrap_at_spaces_within_the_width() {
        assert_eq!(wrap("Samarbete och kommunikation", 24), ["Samarbete och", "kommunikation"]);
        assert_eq!(wrap("Storlek", 24), ["Storlek"]);
        assert_eq!(wrap("Ansvarsfördelningsöverenskommelser", 10), ["Ansvarsfördelningsöverenskommelser"]);
    }
}
