//! The planning tools' pictures: the risk matrix, the milestone timeline, the goal tree, the
//! theory of change as a chain of columns, and the stakeholders' interest/influence grid.

use maud::{html, Markup};

use super::{fmt, wrap};

/// A risk matrix: likelihood 1–5 upwards, consequence 1–5 to the right, each cell coloured by
/// its band (`band_of(likelihood, consequence)` gives the class suffix) and showing how many
/// risks lie in it. The page lists the risks in a table as well.
pub fn risk_matrix(
    title: &str,
    description: &str,
    (likelihood_label, consequence_label): (&str, &str),
    counts: &[[usize; 5]; 5],
    band_of: impl Fn(u8, u8) -> &'static str,
) -> Markup {
    const CELL: f64 = 64.0;
    const LEFT: f64 = 70.0;
    const TOP: f64 = 16.0;
    html! {
        svg.chart.matrix xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {} {}", fmt(LEFT + 5.0 * CELL + 16.0), fmt(TOP + 5.0 * CELL + 56.0)))
            role="img" aria-labelledby="matrix-title matrix-desc" {
            title #matrix-title { (title) }
            desc #matrix-desc { (description) }
            @for l in 1..=5u8 {
                @let y = TOP + f64::from(5 - l) * CELL;
                text.axis x=(fmt(LEFT - 10.0)) y=(fmt(y + CELL / 2.0 + 5.0)) text-anchor="end" { (l) }
                @for c in 1..=5u8 {
                    @let x = LEFT + f64::from(c - 1) * CELL;
                    @let n = counts[usize::from(l - 1)][usize::from(c - 1)];
                    rect class=(format!("cell risk-{}", band_of(l, c))) x=(fmt(x)) y=(fmt(y)) width=(fmt(CELL)) height=(fmt(CELL)) {}
                    @if n > 0 {
                        text.count x=(fmt(x + CELL / 2.0)) y=(fmt(y + CELL / 2.0 + 7.0)) text-anchor="middle" { (n) }
                    }
                }
            }
            @for c in 1..=5u8 {
                text.axis x=(fmt(LEFT + (f64::from(c) - 0.5) * CELL)) y=(fmt(TOP + 5.0 * CELL + 18.0)) text-anchor="middle" { (c) }
            }
            text.axis-label x=(fmt(LEFT + 2.5 * CELL)) y=(fmt(TOP + 5.0 * CELL + 44.0)) text-anchor="middle" { (consequence_label) " →" }
            text.axis-label x="16" y=(fmt(TOP + 2.5 * CELL)) text-anchor="middle"
                transform=(format!("rotate(-90 16 {})", fmt(TOP + 2.5 * CELL))) { (likelihood_label) " →" }
        }
    }
}

/// One marker on a [`timeline`]: a date, a short label, and whether it is done.
pub struct TimelineMark<'a> {
    pub label: &'a str,
    pub on: time::Date,
    pub done: bool,
    pub late: bool,
}

/// A band on a [`timeline`] from one date to another, e.g. a phase.
pub struct TimelineBand<'a> {
    pub label: &'a str,
    pub from: time::Date,
    pub to: time::Date,
}

/// A horizontal timeline of dated marks with bands behind them; months marked along the axis.
/// Marks are drawn one per row so that labels never overlap.
pub fn timeline(title: &str, description: &str, bands: &[TimelineBand], marks: &[TimelineMark]) -> Markup {
    const LEFT: f64 = 16.0;
    const WIDTH: f64 = 760.0;
    const BAND_ROW: f64 = 26.0;
    const ROW: f64 = 24.0;
    let dates: Vec<time::Date> = marks.iter().map(|m| m.on).chain(bands.iter().flat_map(|b| [b.from, b.to])).collect();
    let (Some(first), Some(last)) = (dates.iter().min().copied(), dates.iter().max().copied()) else {
        return html! {};
    };
    // A little room on each side, and at least a month.
    let start = first - time::Duration::days(14);
    let end = (last + time::Duration::days(14)).max(start + time::Duration::days(45));
    let span = (end - start).whole_days().max(1) as f64;
    let x = |d: time::Date| LEFT + (d - start).whole_days() as f64 / span * WIDTH;
    let bands_height = bands.len() as f64 * BAND_ROW;
    let axis_y = 20.0 + bands_height;
    let height = axis_y + 20.0 + marks.len() as f64 * ROW + 10.0;
    let months: Vec<time::Date> = {
        let mut month = time::Date::from_calendar_date(start.year(), start.month(), 1).unwrap_or(start);
        let mut list = Vec::new();
        while month <= end {
            if month >= start {
                list.push(month);
            }
            let (year, next) = if month.month() == time::Month::December {
                (month.year() + 1, time::Month::January)
            } else {
                (month.year(), month.month().next())
            };
            month = time::Date::from_calendar_date(year, next, 1).unwrap_or(end);
            if list.len() > 240 {
                break;
            }
        }
        list
    };
    // At most about eight month labels, so that they never run into each other.
    let every = months.len().div_ceil(8).max(1);
    html! {
        svg.chart.timeline xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {} {}", fmt(LEFT * 2.0 + WIDTH), fmt(height)))
            role="img" aria-labelledby="timeline-title timeline-desc" {
            title #timeline-title { (title) }
            desc #timeline-desc { (description) }
            @for (i, band) in bands.iter().enumerate() {
                @let y = 8.0 + i as f64 * BAND_ROW;
                rect class=(format!("band band-{}", i % 4)) x=(fmt(x(band.from))) y=(fmt(y)) width=(fmt((x(band.to) - x(band.from)).max(4.0))) height=(fmt(BAND_ROW - 4.0)) rx="3" {}
                @let near_end = x(band.from) > LEFT + WIDTH * 0.7;
                text.band-label x=(fmt(if near_end { x(band.to) - 6.0 } else { x(band.from) + 6.0 })) y=(fmt(y + 16.0))
                    text-anchor=(if near_end { "end" } else { "start" }) { (band.label) }
            }
            line.axis x1=(fmt(LEFT)) y1=(fmt(axis_y)) x2=(fmt(LEFT + WIDTH)) y2=(fmt(axis_y)) {}
            @for (_, month) in months.iter().enumerate().filter(|(i, _)| i % every == 0) {
                line.tick x1=(fmt(x(*month))) y1=(fmt(axis_y)) x2=(fmt(x(*month))) y2=(fmt(height - 4.0)) {}
                text.month x=(fmt(x(*month) + 3.0)) y=(fmt(axis_y + 14.0)) { (format!("{}-{:02}", month.year(), u8::from(month.month()))) }
            }
            @for (i, mark) in marks.iter().enumerate() {
                @let (cx, cy) = (x(mark.on), axis_y + 20.0 + (i as f64 + 0.5) * ROW);
                @let class = if mark.done { "mark done" } else if mark.late { "mark late" } else { "mark" };
                path class=(class) d=(format!("M {} {} l 7 7 l -7 7 l -7 -7 z", fmt(cx), fmt(cy - 7.0))) {}
                @let right = cx < LEFT + WIDTH * 0.6;
                text.mark-label x=(fmt(if right { cx + 12.0 } else { cx - 12.0 })) y=(fmt(cy + 5.0))
                    text-anchor=(if right { "start" } else { "end" }) { (mark.label) }
            }
        }
    }
}

/// One box of a [`goal_tree`], in the tree's order: its text, its depth (0 at the top) and the
/// class that tells its rung (`rung-<class>` in the style sheet).
pub struct TreeNode<'a> {
    pub label: &'a str,
    pub depth: usize,
    pub class: &'a str,
}

/// A hierarchy drawn as indented boxes, each joined to the one it hangs under by an elbow line:
/// readable at any size, since it only ever grows downwards.
pub fn goal_tree(title: &str, description: &str, nodes: &[TreeNode]) -> Markup {
    const INDENT: f64 = 36.0;
    const WIDTH: f64 = 560.0;
    const LINE: f64 = 16.0;
    const GAP: f64 = 10.0;
    // Each box as tall as its wrapped text (at most three lines).
    let mut tops = Vec::with_capacity(nodes.len());
    let mut y = 8.0;
    let lines: Vec<Vec<String>> = nodes
        .iter()
        .map(|n| {
            let width = ((WIDTH - n.depth as f64 * INDENT - 20.0) / 7.2) as usize;
            let mut lines = wrap(n.label, width.max(20));
            if lines.len() > 3 {
                lines.truncate(3);
                if let Some(last) = lines.last_mut() {
                    last.push_str(" …");
                }
            }
            lines
        })
        .collect();
    for l in &lines {
        tops.push(y);
        y += l.len().max(1) as f64 * LINE + 12.0 + GAP;
    }
    let height = y;
    // Each box's parent: the nearest box above it one rung up.
    let parent = |i: usize| (0..i).rev().find(|&j| nodes[j].depth + 1 == nodes[i].depth);
    html! {
        svg.chart.goal-tree xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {} {}", fmt(WIDTH + 8.0), fmt(height)))
            role="img" aria-labelledby="tree-title tree-desc" {
            title #tree-title { (title) }
            desc #tree-desc { (description) }
            @for (i, node) in nodes.iter().enumerate() {
                @let x = 4.0 + node.depth as f64 * INDENT;
                @let box_height = lines[i].len().max(1) as f64 * LINE + 12.0;
                @if let Some(p) = parent(i) {
                    @let px = 4.0 + nodes[p].depth as f64 * INDENT + INDENT / 2.0;
                    @let py = tops[p] + lines[p].len().max(1) as f64 * LINE + 12.0;
                    path.link d=(format!("M {} {} V {} H {}", fmt(px), fmt(py), fmt(tops[i] + box_height / 2.0), fmt(x))) {}
                }
                rect class=(format!("node rung-{}", node.class)) x=(fmt(x)) y=(fmt(tops[i])) width=(fmt(WIDTH - x)) height=(fmt(box_height)) rx="4" {}
                @for (n, line) in lines[i].iter().enumerate() {
                    text x=(fmt(x + 10.0)) y=(fmt(tops[i] + 18.0 + n as f64 * LINE)) { (line) }
                }
            }
        }
    }
}

/// A column of a [`change_chain`]: its heading and its steps.
pub struct ChainColumn<'a> {
    pub label: &'a str,
    pub steps: Vec<&'a str>,
}

/// A theory of change: columns side by side with arrows from each to the next, and the
/// assumptions beneath them all. A column without steps shows an empty, dashed box.
pub fn change_chain(title: &str, description: &str, columns: &[ChainColumn], assumptions: &ChainColumn) -> Markup {
    const COLUMN: f64 = 150.0;
    const ARROW: f64 = 26.0;
    const LINE: f64 = 14.0;
    const HEADER: f64 = 40.0;
    let boxes = |steps: &[&str]| -> Vec<Vec<String>> {
        steps
            .iter()
            .map(|s| {
                let mut lines = wrap(s, 20);
                lines.truncate(4);
                lines
            })
            .collect()
    };
    let laid: Vec<Vec<Vec<String>>> = columns.iter().map(|c| boxes(&c.steps)).collect();
    let column_height =
        |column: &[Vec<String>]| column.iter().map(|lines| lines.len().max(1) as f64 * LINE + 14.0 + 8.0).sum::<f64>();
    let tallest = laid.iter().map(|c| column_height(c)).fold(44.0, f64::max);
    let width = columns.len() as f64 * (COLUMN + ARROW) - ARROW + 8.0;
    let under = HEADER + tallest + 16.0;
    let assumption_lines: Vec<String> = assumptions.steps.iter().flat_map(|a| wrap(&format!("• {a}"), 110)).collect();
    let height = under + 28.0 + assumption_lines.len().max(1) as f64 * 16.0 + 10.0;
    html! {
        svg.chart.chain xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {} {}", fmt(width), fmt(height)))
            role="img" aria-labelledby="chain-title chain-desc" {
            title #chain-title { (title) }
            desc #chain-desc { (description) }
            defs { marker #chain-arrow viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto" { path d="M 0 0 L 10 5 L 0 10 z" {} } }
            @for (c, column) in columns.iter().enumerate() {
                @let x = 4.0 + c as f64 * (COLUMN + ARROW);
                @for (n, line) in wrap(column.label, 20).iter().take(2).enumerate() {
                    text.column-label x=(fmt(x + COLUMN / 2.0)) y=(fmt(16.0 + n as f64 * 15.0)) text-anchor="middle" { (line) }
                }
                @if c + 1 < columns.len() {
                    line.arrow x1=(fmt(x + COLUMN + 3.0)) y1=(fmt(HEADER + tallest / 2.0)) x2=(fmt(x + COLUMN + ARROW - 3.0)) y2=(fmt(HEADER + tallest / 2.0)) marker-end="url(#chain-arrow)" {}
                }
                @if laid[c].is_empty() {
                    rect.step.empty x=(fmt(x)) y=(fmt(HEADER)) width=(fmt(COLUMN)) height="44" rx="4" {}
                }
                @let mut y = HEADER;
                @for lines in &laid[c] {
                    @let box_height = lines.len().max(1) as f64 * LINE + 14.0;
                    rect class=(format!("step stage-{c}")) x=(fmt(x)) y=(fmt(y)) width=(fmt(COLUMN)) height=(fmt(box_height)) rx="4" {}
                    @for (n, line) in lines.iter().enumerate() {
                        text x=(fmt(x + 7.0)) y=(fmt(y + 17.0 + n as f64 * LINE)) { (line) }
                    }
                    ({ y += box_height + 8.0; "" })
                }
            }
            rect.assumptions x="4" y=(fmt(under)) width=(fmt(width - 8.0)) height=(fmt(height - under - 4.0)) rx="4" {}
            text.column-label x="14" y=(fmt(under + 20.0)) { (assumptions.label) }
            @for (n, line) in assumption_lines.iter().enumerate() {
                text x="14" y=(fmt(under + 40.0 + n as f64 * 16.0)) { (line) }
            }
        }
    }
}

/// A point on an [`interest_grid`]: its number in the page's table, where it lies (1–4 each way)
/// and the class that colours it (`attitude-<class>`).
pub struct GridPoint<'a> {
    pub number: usize,
    pub interest: u8,
    pub influence: u8,
    pub class: &'a str,
}

/// The interest/influence grid: interest 1–4 to the right, influence 1–4 upwards, the four
/// quarters named, each stakeholder a numbered dot (the number leads to the table's row, so
/// that names never overlap). `quadrants` names the quarters top left, top right, bottom left,
/// bottom right.
pub fn interest_grid(
    title: &str,
    description: &str,
    (interest_label, influence_label): (&str, &str),
    quadrants: [&str; 4],
    points: &[GridPoint],
) -> Markup {
    const CELL: f64 = 80.0;
    const LEFT: f64 = 60.0;
    const TOP: f64 = 12.0;
    let side = 4.0 * CELL;
    // Dots sharing a cell sit side by side in rows of four.
    let mut taken: std::collections::HashMap<(u8, u8), usize> = std::collections::HashMap::new();
    let placed: Vec<(f64, f64, &GridPoint)> = points
        .iter()
        .map(|p| {
            let slot = taken.entry((p.interest, p.influence)).or_insert(0);
            let (col, row) = ((*slot % 4) as f64, (*slot / 4) as f64);
            *slot += 1;
            let x = LEFT + f64::from(p.interest.clamp(1, 4) - 1) * CELL + 14.0 + col * 17.0;
            let y = TOP + f64::from(4 - p.influence.clamp(1, 4)) * CELL + 44.0 + row * 17.0;
            (x, y, p)
        })
        .collect();
    let quarter = |i: usize| (LEFT + (i % 2) as f64 * 2.0 * CELL, TOP + (i / 2) as f64 * 2.0 * CELL);
    html! {
        svg.chart.grid xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {} {}", fmt(LEFT + side + 12.0), fmt(TOP + side + 52.0)))
            role="img" aria-labelledby="grid-title grid-desc" {
            title #grid-title { (title) }
            desc #grid-desc { (description) }
            @for i in 0..4 {
                @let (x, y) = quarter(i);
                rect class=(format!("quarter quarter-{i}")) x=(fmt(x)) y=(fmt(y)) width=(fmt(2.0 * CELL)) height=(fmt(2.0 * CELL)) {}
            }
            @for n in 1..4u8 {
                line.cell x1=(fmt(LEFT + f64::from(n) * CELL)) y1=(fmt(TOP)) x2=(fmt(LEFT + f64::from(n) * CELL)) y2=(fmt(TOP + side)) {}
                line.cell x1=(fmt(LEFT)) y1=(fmt(TOP + f64::from(n) * CELL)) x2=(fmt(LEFT + side)) y2=(fmt(TOP + f64::from(n) * CELL)) {}
            }
            @for (i, name) in quadrants.iter().enumerate() {
                @let (x, y) = quarter(i);
                text.quarter-label x=(fmt(x + CELL)) y=(fmt(y + 18.0)) text-anchor="middle" { (name) }
            }
            @for n in 1..=4u8 {
                text.axis x=(fmt(LEFT + (f64::from(n) - 0.5) * CELL)) y=(fmt(TOP + side + 18.0)) text-anchor="middle" { (n) }
                text.axis x=(fmt(LEFT - 10.0)) y=(fmt(TOP + (4.5 - f64::from(n)) * CELL + 5.0)) text-anchor="end" { (n) }
            }
            text.axis-label x=(fmt(LEFT + side / 2.0)) y=(fmt(TOP + side + 42.0)) text-anchor="middle" { (interest_label) " →" }
            text.axis-label x="16" y=(fmt(TOP + side / 2.0)) text-anchor="middle"
                transform=(format!("rotate(-90 16 {})", fmt(TOP + side / 2.0))) { (influence_label) " →" }
            @for (x, y, point) in &placed {
                circle class=(format!("dot attitude-{}", point.class)) cx=(fmt(*x)) cy=(fmt(*y)) r="8" {}
                text.dot-number x=(fmt(*x)) y=(fmt(*y + 4.0)) text-anchor="middle" { (point.number) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_joins_each_box_to_the_nearest_one_a_rung_up() {
        let nodes = [
            TreeNode { label: "Syfte", depth: 0, class: "purpose" },
            TreeNode { label: "Mål A", depth: 1, class: "goal" },
            TreeNode { label: "Delmål A1", depth: 2, class: "sub_goal" },
            TreeNode { label: "Mål B", depth: 1, class: "goal" },
        ];
        let svg = goal_tree("Mål", "Målhierarkin", &nodes).into_string();
        assert_eq!(svg.matches("<rect").count(), 4);
        assert_eq!(svg.matches("class=\"link\"").count(), 3, "every box but the top is joined");
        assert!(svg.contains("rung-sub_goal") && svg.contains(">Delmål A1<"));
    }

    #[test]
    fn dots_in_the_same_cell_do_not_cover_each_other() {
        let points: Vec<GridPoint> =
            (1..=3).map(|number| GridPoint { number, interest: 4, influence: 4, class: "neutral" }).collect();
        let svg =
            interest_grid("Intressenter", "", ("Intresse", "Inflytande"), ["a", "b", "c", "d"], &points).into_string();
        let centres: std::collections::HashSet<&str> =
            svg.split("cx=\"").skip(1).map(|rest| rest.split('"').next().unwrap_or_default()).collect();
        assert_eq!(centres.len(), 3, "three dots, three places: {svg}");
    }

    #[test]
    fn an_empty_column_of_the_chain_is_drawn_as_a_gap() {
        let columns = [
            ChainColumn { label: "Behov", steps: vec!["Långa väntetider"] },
            ChainColumn { label: "Aktiviteter", steps: vec![] },
        ];
        let svg = change_chain("Förändringsteori", "", &columns, &ChainColumn { label: "Antaganden", steps: vec![] })
            .into_string();
        assert!(svg.contains("step empty"));
        assert_eq!(svg.matches("class=\"arrow\"").count(), 1);
    }
}
