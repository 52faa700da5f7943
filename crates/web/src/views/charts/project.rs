//! Project follow-up's pictures: an indicator's value per period against its target.

use maud::{html, Markup};

use super::fmt;

/// One period's column: its label, its value (none while nothing is known), the value as the
/// reader's language writes it, and its status's class suffix and mark (`✓`, `!`, `✗`), so
/// that colour is never the only signal.
pub struct IndicatorColumn<'a> {
    pub label: &'a str,
    pub value: Option<f64>,
    pub shown: String,
    pub status: Option<(&'static str, &'static str)>,
}

/// Columns of an indicator's values per period, a dashed line at the target and a dotted one at
/// the baseline; the page lists the same figures in a table.
pub fn indicator(
    (title, description): (&str, &str),
    columns: &[IndicatorColumn],
    (target, target_label): (f64, &str),
    (baseline, baseline_label): (f64, &str),
) -> Markup {
    const LEFT: f64 = 56.0;
    const TOP: f64 = 24.0;
    const HEIGHT: f64 = 200.0;
    let width = (columns.len().max(1) as f64 * 56.0).max(360.0);
    let values = columns.iter().filter_map(|c| c.value);
    let high = values.clone().chain([target, baseline, 0.0]).fold(f64::MIN, f64::max);
    let low = values.chain([target, baseline, 0.0]).fold(f64::MAX, f64::min);
    let span = if high > low { high - low } else { 1.0 };
    let y = |v: f64| TOP + HEIGHT * (high - v) / span;
    let slot = width / columns.len().max(1) as f64;
    html! {
        // Drawn at its own size (a long series scrolls in its region rather than shrinking).
        svg.chart.indicator xmlns="http://www.w3.org/2000/svg" width=(fmt(LEFT + width + 90.0))
            viewBox=(format!("0 0 {} {}", fmt(LEFT + width + 90.0), fmt(TOP + HEIGHT + 48.0)))
            role="img" aria-labelledby="indicator-title indicator-desc" {
            title #indicator-title { (title) }
            desc #indicator-desc { (description) }
            line x1=(fmt(LEFT)) y1=(fmt(y(0.0))) x2=(fmt(LEFT + width)) y2=(fmt(y(0.0))) stroke="#4a4a55" stroke-width="1" {}
            @for (i, column) in columns.iter().enumerate() {
                @let x = LEFT + slot * i as f64 + slot * 0.2;
                @if let Some(value) = column.value {
                    @let (top, bottom) = (y(value.max(0.0)), y(value.min(0.0)));
                    rect class=(format!("bar status-{}", column.status.map_or("none", |s| s.0)))
                        x=(fmt(x)) y=(fmt(top)) width=(fmt(slot * 0.6)) height=(fmt((bottom - top).max(1.0))) {}
                    text x=(fmt(x + slot * 0.3)) y=(fmt(top - 6.0)) text-anchor="middle" font-size="13" fill="#1b1b1f" {
                        (column.shown) @if let Some((_, mark)) = column.status { " " (mark) }
                    }
                }
                text x=(fmt(x + slot * 0.3)) y=(fmt(TOP + HEIGHT + 20.0)) text-anchor="middle" font-size="12" fill="#4a4a55" { (column.label) }
            }
            line x1=(fmt(LEFT)) y1=(fmt(y(target))) x2=(fmt(LEFT + width)) y2=(fmt(y(target))) stroke="#1e6b34" stroke-width="2" stroke-dasharray="6 4" {}
            text x=(fmt(LEFT + width + 6.0)) y=(fmt(y(target) + 4.0)) font-size="12" fill="#1e6b34" { (target_label) }
            @if baseline != target {
                line x1=(fmt(LEFT)) y1=(fmt(y(baseline))) x2=(fmt(LEFT + width)) y2=(fmt(y(baseline))) stroke="#4a4a55" stroke-width="1.5" stroke-dasharray="2 3" {}
                text x=(fmt(LEFT + width + 6.0)) y=(fmt(y(baseline) + 4.0)) font-size="12" fill="#4a4a55" { (baseline_label) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_rise_from_zero_to_their_value_with_the_target_drawn_across() {
        let columns = [
            IndicatorColumn { label: "T1", value: Some(20.0), shown: "20".into(), status: Some(("off_track", "✗")) },
            IndicatorColumn { label: "T2", value: Some(40.0), shown: "40".into(), status: Some(("on_track", "✓")) },
            IndicatorColumn { label: "T3", value: None, shown: String::new(), status: None },
        ];
        let svg = indicator(("t", "d"), &columns, (40.0, "Mål 40"), (0.0, "Utgångsläge 0")).into_string();
        // The scale runs from 0 (y 224) to 40 (y 24): 20 is halfway, 100 high; three periods
        // share the least width, 360, so a column is 0.6 of 120 wide.
        assert!(svg.contains("y=\"124.0\" width=\"72.0\" height=\"100.0\""), "{svg}");
        assert!(svg.contains("class=\"bar status-on_track\"") && svg.contains(">40 ✓<"), "{svg}");
        assert!(svg.contains("y1=\"24.0\"") && svg.contains(">Mål 40<"), "target line at the top");
        assert_eq!(svg.matches("<rect").count(), 2, "no column for a period without a value");
    }
}
