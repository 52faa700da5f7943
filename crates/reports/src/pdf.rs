//! PDF documents from typst templates. The templates and fonts are embedded; data goes in as
//! `sys.inputs.data`, a JSON-like dictionary, so templates never see Rust types.

use std::sync::OnceLock;

use serde_json::Value as Json;
use typst::foundations::{Array, Dict, Str, Value};
use typst_as_lib::TypstEngine;

use crate::ReportError;

/// The readiness assessment report for a steering group; its data is an [`AssessmentReport`].
pub const ASSESSMENT_REPORT: &str = include_str!("templates/assessment.typ");

/// Everything the steering-group report prints, already in the reader's language. A typed
/// struct, so that the page and the template cannot disagree about what the report holds.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AssessmentReport {
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    pub labels: ReportLabels,
    pub summary: Vec<String>,
    pub warnings: Vec<String>,
    /// The radar chart as SVG.
    pub chart: String,
    pub dimensions: Vec<ReportDimension>,
    pub strategies: Vec<String>,
    pub plan: Vec<ReportTask>,
    /// Rows of two cells: a measure of agreement and its value.
    pub agreement: Vec<[String; 2]>,
    pub method: String,
    pub generated: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ReportLabels {
    pub summary: String,
    pub dimensions: String,
    pub dimension: String,
    pub score: String,
    pub stage: String,
    pub focus: String,
    pub strategies: String,
    pub agreement: String,
    pub method: String,
    pub warnings: String,
    pub generated: String,
    /// The heading of the change column, when there is a previous assessment to compare with.
    pub change: Option<String>,
    pub plan: String,
    pub what: String,
    pub who: String,
    pub due: String,
    pub status: String,
    pub plan_empty: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ReportDimension {
    pub key: String,
    pub name: String,
    pub score: String,
    pub stage: u8,
    pub stage_name: String,
    pub meaning: String,
    pub focus: bool,
    /// The change since the previous assessment, e.g. "+0,80"; empty without one.
    pub change: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ReportTask {
    pub what: String,
    pub who: String,
    pub due: String,
    pub status: String,
}

/// Renders the steering-group report.
pub fn assessment_report(report: &AssessmentReport) -> Result<Vec<u8>, ReportError> {
    let data = serde_json::to_value(report).map_err(|e| ReportError::Template(e.to_string()))?;
    render(ASSESSMENT_REPORT, &data)
}
/// A questionnaire round's results for a steering group; its data is a [`RoundReport`].
pub const ROUND_REPORT: &str = include_str!("templates/questionnaire.typ");

/// A round's results as printed: facts, the scales' chart and table, and each question's
/// answers — every text already in the reader's language, every figure already thresholded.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RoundReport {
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    /// Rows of two cells: what, and its value (responses, response rate, anonymity).
    pub facts: Vec<[String; 2]>,
    /// The scales' bar chart as SVG; empty without one.
    pub chart: String,
    /// The scales' table, and the comparison with an earlier round when there is one.
    pub tables: Vec<RoundTable>,
    /// The anonymity note under the figures; empty when the round is not anonymous.
    pub note: String,
    pub items_heading: String,
    /// The headings of a question's distribution: answer, count, share.
    pub answer_headers: [String; 3],
    pub items: Vec<RoundItem>,
    pub generated: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct RoundTable {
    pub heading: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct RoundItem {
    pub text: String,
    /// "12 answers".
    pub count: String,
    /// Answer, count, share — for scales and choices.
    pub options: Vec<[String; 3]>,
    /// "Mean: 3,40" for numbers; empty otherwise.
    pub mean: String,
    /// Free-text answers.
    pub texts: Vec<String>,
}

/// Renders a round's results.
pub fn round_report(report: &RoundReport) -> Result<Vec<u8>, ReportError> {
    let data = serde_json::to_value(report).map_err(|e| ReportError::Template(e.to_string()))?;
    render(ROUND_REPORT, &data)
}

/// The interview guide, printable for phone interviews.
pub const INTERVIEW_GUIDE: &str = include_str!("templates/guide.typ");

fn fonts() -> &'static [&'static [u8]] {
    static FONTS: OnceLock<Vec<&'static [u8]>> = OnceLock::new();
    FONTS.get_or_init(|| typst_assets::fonts().collect())
}

/// Converts JSON into typst values: objects become dictionaries, arrays arrays.
fn to_typst(json: &Json) -> Value {
    match json {
        Json::Null => Value::None,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::Str(Str::from(s.as_str())),
        Json::Array(items) => Value::Array(items.iter().map(to_typst).collect::<Array>()),
        Json::Object(map) => {
            let mut dict = Dict::new();
            for (key, value) in map {
                dict.insert(Str::from(key.as_str()), to_typst(value));
            }
            Value::Dict(dict)
        }
    }
}

/// Renders `template` with `data` to PDF bytes. Takes tens of milliseconds: call it from a
/// blocking thread.
pub fn render(template: &'static str, data: &Json) -> Result<Vec<u8>, ReportError> {
    let engine = TypstEngine::builder().main_file(template).fonts(fonts().iter().copied()).build();
    let mut inputs = Dict::new();
    inputs.insert("data".into(), to_typst(data));
    let document = engine.compile_with_input(inputs).output.map_err(|e| ReportError::Template(format!("{e:?}")))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|e| ReportError::Pdf(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(previous: bool, plan: bool) -> AssessmentReport {
        let text = |s: &str| s.to_owned();
        AssessmentReport {
            lang: text("sv"),
            title: text("Beredskapsmätning: Borås stad"),
            subtitle: text("Våld i nära relationer"),
            labels: ReportLabels {
                summary: text("Sammanfattning"),
                dimensions: text("Dimensioner"),
                dimension: text("Dimension"),
                score: text("Poäng"),
                stage: text("Steg"),
                focus: text("Fokus"),
                strategies: text("Strategier"),
                agreement: text("Samstämmighet"),
                method: text("Metod"),
                warnings: text("Observera"),
                generated: text("Skapad"),
                change: previous.then(|| text("Förändring sedan 2026-01-02")),
                plan: text("Handlingsplan"),
                what: text("Vad"),
                who: text("Vem"),
                due: text("Klart senast"),
                status: text("Status"),
                plan_empty: text("Handlingsplanen är tom."),
            },
            summary: vec![text("Sammanvägd poäng 3,87, steg 3: Vag medvetenhet.")],
            warnings: vec![text("Färre än fyra intervjuer.")],
            chart: text("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"5\"/></svg>"),
            dimensions: vec![ReportDimension {
                key: text("A"),
                name: text("Insatser"),
                score: text("4,00"),
                stage: 4,
                stage_name: text("Förplanering"),
                meaning: text("Åtgärder planeras."),
                focus: true,
                change: text("+0,80"),
            }],
            strategies: vec![text("Träffa ledare personligen.")],
            plan: if plan {
                vec![ReportTask { what: text("Informera nämnden"), who: text("Förvaltningschefen"), due: text("2027-02-15"), status: text("Pågår") }]
            } else {
                Vec::new()
            },
            agreement: vec![[text("Exakt"), text("67 %")]],
            method: text("Medelvärden; steget avkortas."),
            generated: text("2026-11-23"),
        }
    }

    /// Every combination of the optional parts renders (a template branch not taken is not
    /// checked by typst until it is).
    #[test]
    fn the_report_renders_with_nordic_letters_and_every_optional_part() {
        for (previous, plan) in [(false, false), (true, false), (false, true), (true, true)] {
            let pdf = assessment_report(&report(previous, plan)).expect("renders");
            assert!(pdf.starts_with(b"%PDF"), "previous {previous}, plan {plan}");
        }
        let guide = serde_json::json!({
            "lang": "da", "title": "Interviewguide", "subtitle": "Parathed", "intro": "Spørg om æ, ø og å.",
            "labels": { "informant": "Nøgleperson", "date": "Dato", "rating": "Vurdering 1–10" },
            "sections": [{ "heading": "A. Indsatser", "questions": [{ "number": 1, "text": "Hvordan?", "rating": true }] }]
        });
        assert!(render(INTERVIEW_GUIDE, &guide).expect("renders").starts_with(b"%PDF"));
    }

    /// A round's summary renders with and without scales, chart, groups and free texts.
    #[test]
    fn the_round_summary_renders_with_and_without_its_optional_parts() {
        let text = |s: &str| s.to_owned();
        for full in [false, true] {
            let report = RoundReport {
                lang: text("da"),
                title: text("Resultater: Personaleundersøgelse"),
                subtitle: text("ORIC · IPS"),
                facts: vec![[text("Svar"), text("12")]],
                chart: if full {
                    text("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"5\"/></svg>")
                } else {
                    String::new()
                },
                tables: if full {
                    vec![
                        RoundTable {
                            heading: text("Skalaer"),
                            headers: vec![text("Skala"), text("Alle"), text("Skole")],
                            rows: vec![vec![text("Vilje"), text("3,40 (n = 12)"), text("– (n = 2)")]],
                        },
                        RoundTable {
                            heading: text("De samme personer før og efter"),
                            headers: vec![text("Skala"), text("Par"), text("Før"), text("Efter"), text("Ændring")],
                            rows: vec![vec![text("Vilje"), text("12"), text("3,60"), text("3,97"), text("+0,37")]],
                        },
                    ]
                } else {
                    Vec::new()
                },
                note: if full { text("Ingen tal for færre end 5.") } else { String::new() },
                items_heading: text("Spørgsmål"),
                answer_headers: [text("Svar"), text("Antal"), text("Andel")],
                items: vec![RoundItem {
                    text: text("Vi vil #virkelig* få det til at fungere [sic]."),
                    count: text("12 svar"),
                    options: if full { vec![[text("1 Helt uenig"), text("3"), text("25 %")]] } else { Vec::new() },
                    mean: if full { text("Gennemsnit: 3,40") } else { String::new() },
                    texts: if full { vec![text("Mere tid, tak – og $penge$.")] } else { Vec::new() },
                }],
                generated: text("Oprettet 2026-11-28"),
            };
            assert!(round_report(&report).expect("renders").starts_with(b"%PDF"), "full {full}");
        }
    }
}
