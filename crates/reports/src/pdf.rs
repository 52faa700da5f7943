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
}
