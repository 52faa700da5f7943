//! A [`Document`](parat_reports::document::Document)'s sections as HTML, so that a report's page
//! shows what its PDF and Word document hold, from the same content; and its tables as a
//! workbook, numbers as numbers.

use maud::{html, Markup};
use parat_core::locale::Locale;
use parat_reports::document::{Block, Document, Section};
use parat_reports::xlsx::{Cell, Sheet};

/// The sections, each under an `h2`, tables scrolling in their own region.
pub fn sections(sections: &[Section]) -> Markup {
    html! {
        @for section in sections {
            section {
                h2 { (section.heading) }
                @for (k, block) in section.blocks.iter().enumerate() { (block_html(block, label_of(&section.heading, &section.blocks[..k]))) }
            }
        }
    }
}

/// What a table is named by for a screen reader: the last subheading before it, or its section.
fn label_of<'a>(heading: &'a str, before: &'a [Block]) -> &'a str {
    before
        .iter()
        .rev()
        .find_map(|b| if let Block::Subheading { text } = b { Some(text.as_str()) } else { None })
        .unwrap_or(heading)
}

fn block_html(block: &Block, heading: &str) -> Markup {
    match block {
        Block::Subheading { text } => html! { h3 { (text) } },
        Block::Paragraph { text } => html! { @for line in text.lines() { p { (line) } } },
        Block::Note { text } => html! { p.hint { (text) } },
        Block::List { items } => {
            html! { ul { @for item in items { li class=[(item.depth > 0).then_some("indented")] { (item.text) } } } }
        }
        Block::Table { headers, rows, .. } | Block::SignatureTable { headers, rows } => html! {
            div.table-wrap tabindex="0" role="region" aria-label=(heading) { table {
                thead { tr { @for header in headers { th scope="col" { (header) } } } }
                tbody { @for row in rows { tr {
                    @for (i, cell) in row.iter().enumerate() {
                        @if i == 0 { th scope="row" { (cell) } } @else { td { (cell) } }
                    }
                } } }
            } }
        },
    }
}

/// One sheet per table, named after its section; a cell that reads as a number in the
/// document's language is written as one.
pub fn workbook_sheets(document: &Document, locale: Locale) -> Vec<Sheet> {
    let mut sheets = Vec::new();
    for section in &document.sections {
        for block in &section.blocks {
            if let Block::Table { headers, rows, .. } = block {
                let rows = rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .map(|text| match parat_core::project::indicator::indicator_number(text, locale) {
                                Ok(n) if !text.trim().is_empty() && !text.contains(['-', '–']) => Cell::Number(n),
                                _ => Cell::Text(text.clone()),
                            })
                            .collect()
                    })
                    .collect();
                sheets.push(Sheet { name: section.heading.clone(), headers: headers.clone(), rows });
            }
        }
    }
    sheets
}
