//! The cooperation map as pictures: the two-mode map (actors as squares coloured by agency on an
//! outer ring, meetings as circles sized by person-hours on an inner ring, a line for each
//! attendance) and the actor–actor map (actors on a ring, a chord for each tie). The layout is
//! a fixed arrangement — actors grouped by agency, meetings by level — so the same data always
//! gives the same picture, and a reader can find an agency in the same place on every map. The
//! page has the same figures in tables beside the pictures.

use std::f64::consts::{FRAC_PI_2, TAU};
use std::fmt::Write;

use maud::{html, Markup};

const SIZE: f64 = 1000.0;
const CENTRE: f64 = SIZE / 2.0;
/// Room beside the ring for names, which stand outside it.
const MARGIN: f64 = 300.0;
/// A name longer than this is shortened in the picture (whole in its tooltip and the tables).
const LABEL_MAX: usize = 34;
const ACTOR_RING: f64 = 440.0;
const MEETING_RING: f64 = 260.0;
/// At most this many lines are drawn (the heaviest first), which keeps a national map's
/// picture under a megabyte; the caption says when some were left out.
const MAX_LINES: usize = 20_000;
/// Names are written beside the nodes up to this many actors; above it they are in each node's
/// tooltip and in the tables only.
const LABELLED_UP_TO: usize = 40;

/// An actor as the pictures show it.
pub struct ActorNode<'a> {
    pub label: &'a str,
    /// The agency's key, which names its colour (`agency-<key>`).
    pub agency: &'a str,
}

/// A meeting as the two-mode map shows it.
pub struct MeetingNode<'a> {
    pub label: &'a str,
    pub person_hours: f64,
}

/// Where the `i`th of `n` nodes sits on a ring of `radius`, the first at the top.
fn on_ring(i: usize, n: usize, radius: f64) -> (f64, f64) {
    let angle = -FRAC_PI_2 + i as f64 * TAU / n.max(1) as f64;
    (CENTRE + radius * angle.cos(), CENTRE + radius * angle.sin())
}

/// All lines as one path of whole-number coordinates: a tenth of the size of one element each.
fn lines_path(lines: impl Iterator<Item = ((f64, f64), (f64, f64))>) -> String {
    let mut d = String::new();
    for ((x1, y1), (x2, y2)) in lines {
        let _ = write!(d, "M{} {}L{} {}", x1.round() as i64, y1.round() as i64, x2.round() as i64, y2.round() as i64);
    }
    d
}

/// A name cut to [`LABEL_MAX`] characters, with an ellipsis where it was cut.
fn shortened(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX {
        label.to_owned()
    } else {
        let mut cut: String = label.chars().take(LABEL_MAX - 1).collect();
        cut.push('…');
        cut
    }
}

/// The picture's view box: the square of the rings, with room for names on either side.
fn view_box() -> String {
    format!("{} 0 {} {SIZE}", -MARGIN, SIZE + 2.0 * MARGIN)
}

fn actor_squares(actors: &[ActorNode], positions: &[(f64, f64)]) -> Markup {
    let labelled = actors.len() <= LABELLED_UP_TO;
    html! {
        @for (actor, (x, y)) in actors.iter().zip(positions) {
            rect class=(format!("actor agency-{}", actor.agency)) x=(((x - 7.0).round() as i64)) y=(((y - 7.0).round() as i64)) width="14" height="14" {
                title { (actor.label) }
            }
            @if labelled {
                @let (dx, anchor) = if *x < CENTRE { (-12.0, "end") } else { (12.0, "start") };
                text.node-label x=(((x + dx).round() as i64)) y=(((y + 5.0).round() as i64)) text-anchor=(anchor) { (shortened(actor.label)) }
            }
        }
    }
}

/// The two-mode map. `attendance` pairs an actor's position with a meeting's; `left_out` says
/// how many lines were not drawn.
pub fn two_mode(
    (title, description): (&str, &str),
    actors: &[ActorNode],
    meetings: &[MeetingNode],
    attendance: &[(usize, usize)],
) -> Markup {
    let actor_at: Vec<(f64, f64)> = (0..actors.len()).map(|i| on_ring(i, actors.len(), ACTOR_RING)).collect();
    let meeting_at: Vec<(f64, f64)> = (0..meetings.len()).map(|i| on_ring(i, meetings.len(), MEETING_RING)).collect();
    let most = meetings.iter().map(|m| m.person_hours).fold(0.0, f64::max);
    // Area in proportion to person-hours, between a dot and a coin.
    let radius = |hours: f64| if most > 0.0 { 4.0 + 16.0 * (hours / most).sqrt() } else { 6.0 };
    let path = lines_path(attendance.iter().take(MAX_LINES).map(|&(a, m)| (actor_at[a], meeting_at[m])));
    let labelled = meetings.len() <= LABELLED_UP_TO;
    html! {
        svg.chart.map xmlns="http://www.w3.org/2000/svg" viewBox=(view_box()) role="img" aria-labelledby="two-mode-title two-mode-desc" {
            title #two-mode-title { (title) }
            desc #two-mode-desc { (description) }
            path.ties d=(path) {}
            @for (meeting, (x, y)) in meetings.iter().zip(&meeting_at) {
                circle.meeting cx=((x.round() as i64)) cy=((y.round() as i64)) r=(super::fmt(radius(meeting.person_hours))) {
                    title { (meeting.label) }
                }
                @if labelled {
                    text.node-label.meeting-label x=((x.round() as i64)) y=(((y + radius(meeting.person_hours) + 14.0).round() as i64)) text-anchor="middle" { (shortened(meeting.label)) }
                }
            }
            (actor_squares(actors, &actor_at))
        }
    }
}

/// The actor–actor map: a chord for each tie, the heaviest drawn last (on top).
pub fn actor_network((title, description): (&str, &str), actors: &[ActorNode], ties: &[(usize, usize)]) -> Markup {
    let actor_at: Vec<(f64, f64)> = (0..actors.len()).map(|i| on_ring(i, actors.len(), ACTOR_RING)).collect();
    let path = lines_path(ties.iter().take(MAX_LINES).map(|&(a, b)| (actor_at[a], actor_at[b])));
    html! {
        svg.chart.map xmlns="http://www.w3.org/2000/svg" viewBox=(view_box()) role="img" aria-labelledby="actor-map-title actor-map-desc" {
            title #actor-map-title { (title) }
            desc #actor-map-desc { (description) }
            path.ties d=(path) {}
            (actor_squares(actors, &actor_at))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actors() -> Vec<ActorNode<'static>> {
        vec![
            ActorNode { label: "Borås stad", agency: "municipality" },
            ActorNode { label: "Arbetsförmedlingen", agency: "employment_service" },
            ActorNode { label: "Försäkringskassan", agency: "social_insurance" },
        ]
    }

    /// The lines' path.
    fn path_of(svg: &str) -> &str {
        let start = svg.find(" d=\"").expect("a path") + 4;
        &svg[start..start + svg[start..].find('"').expect("its end")]
    }

    #[test]
    fn the_same_data_draws_the_same_picture_with_a_node_each() {
        let meetings =
            [MeetingNode { label: "Team", person_hours: 30.0 }, MeetingNode { label: "Råd", person_hours: 0.0 }];
        let draw = || two_mode(("Karta", "Beskrivning"), &actors(), &meetings, &[(0, 0), (1, 0), (2, 1)]).into_string();
        let svg = draw();
        assert_eq!(svg, draw(), "deterministic");
        assert_eq!(svg.matches("<rect class=\"actor agency-").count(), 3);
        assert_eq!(svg.matches("<circle class=\"meeting\"").count(), 2);
        // Three lines in one path; the first actor sits at the top of the outer ring (500, 60)
        // and the first meeting at the top of the inner ring (500, 240).
        assert_eq!(path_of(&svg).matches('M').count(), 3, "{svg}");
        assert!(path_of(&svg).starts_with("M500 60L500 240"), "{svg}");
        // The largest meeting is 20 across, one without person-hours a dot of 4.
        assert!(svg.contains("r=\"20.0\"") && svg.contains("r=\"4.0\""));
        assert!(svg.contains("<title>Borås stad</title>") && svg.contains(">Borås stad</text>"), "named");
    }

    #[test]
    fn a_large_map_leaves_names_to_the_tooltips_and_tables() {
        let many: Vec<ActorNode> = (0..200).map(|_| ActorNode { label: "Aktör", agency: "other" }).collect();
        let ties: Vec<(usize, usize)> = (0..199).map(|i| (i, i + 1)).collect();
        let svg = actor_network(("Karta", "Beskrivning"), &many, &ties).into_string();
        assert_eq!(svg.matches("<rect").count(), 200);
        assert!(!svg.contains("node-label"));
        assert_eq!(path_of(&svg).matches('L').count(), 199);
    }
}
