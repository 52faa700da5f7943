//! A document made of sections of paragraphs, lists and tables, written as PDF (typst) or as a
//! Word document (.docx) from the same content — for what people print and for what they go on
//! editing (the implementation plan, later the final report). Every text is already in the
//! reader's language.

use serde::Serialize;

use crate::ReportError;

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The language's code (`sv`, `da`, `en`), for hyphenation and the document's metadata.
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    /// Label and value pairs under the title (organisation, period, owner …).
    pub facts: Vec<[String; 2]>,
    pub sections: Vec<Section>,
    /// When and by what it was made, printed last.
    pub generated: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A heading within a section (an event's list within the appendix of attendance lists).
    Subheading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// Smaller, greyed text: a note on what is missing or how a figure was made.
    Note {
        text: String,
    },
    /// A list; `depth` indents an item under the one before (a goal under its purpose).
    List {
        items: Vec<ListItem>,
    },
    /// A table; the column `wide` (the one with running text) is two and a half times as wide as
    /// the others.
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        wide: Option<usize>,
    },
    /// A list to sign on paper: a table whose rows are tall enough to write a signature in, the
    /// last column the widest.
    SignatureTable {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    pub text: String,
    pub depth: usize,
}

impl Block {
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph { text: text.into() }
    }

    pub fn subheading(text: impl Into<String>) -> Block {
        Block::Subheading { text: text.into() }
    }

    pub fn note(text: impl Into<String>) -> Block {
        Block::Note { text: text.into() }
    }

    /// A flat list.
    pub fn list(items: impl IntoIterator<Item = String>) -> Block {
        Block::List { items: items.into_iter().map(|text| ListItem { text, depth: 0 }).collect() }
    }

    /// A table whose column `wide` holds running text, or nothing when it has no rows.
    pub fn table_if_any(headers: Vec<String>, rows: Vec<Vec<String>>, wide: usize) -> Vec<Block> {
        if rows.is_empty() {
            Vec::new()
        } else {
            vec![Block::Table { headers, rows, wide: Some(wide) }]
        }
    }
}

impl Section {
    /// A section of `blocks`, or of a note that it is empty.
    pub fn or_note(heading: String, blocks: Vec<Block>, empty: impl FnOnce() -> String) -> Section {
        let blocks = if blocks.is_empty() { vec![Block::note(empty())] } else { blocks };
        Section { heading, blocks }
    }
}

const TEMPLATE: &str = include_str!("templates/document.typ");

impl Document {
    /// The document as PDF. Takes tens of milliseconds: call it from a blocking thread.
    pub fn pdf(&self) -> Result<Vec<u8>, ReportError> {
        let data = serde_json::to_value(self).map_err(|e| ReportError::Template(e.to_string()))?;
        crate::pdf::render(TEMPLATE, &data)
    }

    /// The document as a Word document.
    pub fn docx(&self) -> Result<Vec<u8>, ReportError> {
        crate::docx::write(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Document {
        let text = |s: &str| s.to_owned();
        Document {
            lang: text("sv"),
            title: text("Implementeringsplan: IPS"),
            subtitle: text("Borås stad"),
            facts: vec![[text("Status"), text("Pågår")]],
            sections: vec![
                Section {
                    heading: text("Mål"),
                    blocks: vec![Block::List {
                        items: vec![
                            ListItem { text: text("Syfte: fler i arbete"), depth: 0 },
                            ListItem { text: text("Mål: kortare väg"), depth: 1 },
                        ],
                    }],
                },
                Section {
                    heading: text("Risker"),
                    blocks: vec![
                        Block::Table {
                            headers: vec![text("Risk"), text("Värde")],
                            rows: vec![vec![text("Handledarna slutar & <byts> \"ut\""), text("20")]],
                            wide: Some(0),
                        },
                        Block::note("Värdet är sannolikhet × konsekvens."),
                        Block::paragraph("#set text(red) — skrivs som text, inte som kod"),
                    ],
                },
            ],
            generated: text("Skapad 2026-11-28"),
        }
    }

    #[test]
    fn the_same_content_renders_as_pdf_and_reads_back_from_word() {
        let document = example();
        assert!(document.pdf().expect("renders").starts_with(b"%PDF"));
        let text = crate::docx::text(&document.docx().expect("writes")).expect("reads back");
        for expected in [
            "Implementeringsplan: IPS",
            "Syfte: fler i arbete",
            "Mål: kortare väg",
            "Handledarna slutar & <byts> \"ut\"",
            "Värdet är sannolikhet × konsekvens.",
            "#set text(red) — skrivs som text, inte som kod",
            "Skapad 2026-11-28",
        ] {
            assert!(text.contains(expected), "{expected:?} in {text}");
        }
    }
}
