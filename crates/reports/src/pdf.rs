//! PDF documents from typst templates. The templates and fonts are embedded; data goes in as
//! `sys.inputs.data`, a JSON-like dictionary, so templates never see Rust types.

use std::sync::OnceLock;

use serde_json::Value as Json;
use typst::foundations::{Array, Dict, Str, Value};
use typst_as_lib::TypstEngine;

use crate::ReportError;

/// The readiness assessment report for a steering group.
pub const ASSESSMENT_REPORT: &str = include_str!("templates/assessment.typ");
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

    #[test]
    fn the_report_renders_with_nordic_letters() {
        let data = serde_json::json!({
            "lang": "sv",
            "title": "Beredskapsmätning: Borås stad",
            "subtitle": "Våld i nära relationer",
            "labels": { "summary": "Sammanfattning", "dimensions": "Dimensioner", "dimension": "Dimension", "score": "Poäng",
                        "stage": "Steg", "focus": "Fokus", "strategies": "Strategier", "agreement": "Samstämmighet",
                        "method": "Metod", "warnings": "Observera", "generated": "Skapad" },
            "summary": ["Sammanvägd poäng 3,87, steg 3: Vag medvetenhet."],
            "warnings": [],
            "chart": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"5\"/></svg>",
            "dimensions": [{ "key": "A", "name": "Insatser", "score": "4,00", "stage": 4, "stage_name": "Förplanering", "meaning": "Åtgärder planeras.", "focus": false }],
            "strategies": ["Träffa ledare personligen."],
            "agreement": [["Exakt", "67 %"]],
            "method": "Medelvärden; steget avkortas.",
            "generated": "2026-11-23"
        });
        let pdf = render(ASSESSMENT_REPORT, &data).expect("renders");
        assert!(pdf.starts_with(b"%PDF"));
        let guide = serde_json::json!({
            "lang": "da", "title": "Interviewguide", "subtitle": "Parathed", "intro": "Spørg om æ, ø og å.",
            "labels": { "informant": "Nøgleperson", "date": "Dato", "rating": "Vurdering 1–10" },
            "sections": [{ "heading": "A. Indsatser", "questions": [{ "number": 1, "text": "Hvordan?", "rating": true }] }]
        });
        assert!(render(INTERVIEW_GUIDE, &guide).expect("renders").starts_with(b"%PDF"));
    }
}
