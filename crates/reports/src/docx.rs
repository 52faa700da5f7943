//! Word documents (.docx): plain text read from one, for transcripts uploaded by interviewers;
//! and a [`Document`](crate::document::Document) written as one.

use std::io::{Cursor, Read};

use roxmltree::ParsingOptions;

use crate::UploadError;

/// The most text a document may unpack to: protects against archives that expand enormously.
const MAX_XML_BYTES: u64 = 16 * 1024 * 1024;
/// The most XML nodes a document may have; a 16 MB document of real text has far fewer.
const MAX_NODES: u32 = 2_000_000;
/// The deepest element nesting accepted. Word writes body → table → row → cell → paragraph →
/// run → text, a few levels more per nested table; hostile files nest paragraphs thousands deep.
pub const MAX_DEPTH: usize = 256;

const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The document's text, one line per paragraph; tabs and line breaks kept.
///
/// One pass over the XML in document order, so the work grows linearly with the file; a
/// paragraph nested in another (which Word never writes) becomes a line of its own.
pub fn text(bytes: &[u8]) -> Result<String, UploadError> {
    let unreadable = |e: &dyn std::fmt::Display| UploadError::Unreadable(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|e| unreadable(&e))?
        .take(MAX_XML_BYTES + 1)
        .read_to_string(&mut xml)
        .map_err(|e| unreadable(&e))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(UploadError::TooLarge);
    }
    let options = ParsingOptions { nodes_limit: MAX_NODES, ..ParsingOptions::default() };
    let document = roxmltree::Document::parse_with_options(&xml, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => UploadError::TooComplex,
        other => unreadable(&other),
    })?;
    let is_word = |node: &roxmltree::Node, name: &str| {
        node.tag_name().name() == name && node.tag_name().namespace() == Some(WORD_NS)
    };
    // An explicit stack rather than recursion (no stack overflow, however deep), and each node
    // is visited twice — on the way in and on the way out — so the walk is linear.
    let mut walk = vec![(document.root_element(), false)];
    let mut depth = 0usize;
    // The paragraphs open at this point of the walk, innermost last.
    let mut open: Vec<String> = Vec::new();
    let mut paragraphs = Vec::new();
    while let Some((node, leaving)) = walk.pop() {
        if leaving {
            depth -= 1;
            if is_word(&node, "p") {
                paragraphs.extend(open.pop());
            }
            continue;
        }
        if node.is_text() {
            let in_text_element = node.parent().is_some_and(|parent| is_word(&parent, "t"));
            if let (true, Some(line)) = (in_text_element, open.last_mut()) {
                line.push_str(node.text().unwrap_or(""));
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        depth += 1;
        if depth > MAX_DEPTH {
            return Err(UploadError::TooComplex);
        }
        if is_word(&node, "p") {
            open.push(String::new());
        } else if let Some(line) = open.last_mut() {
            if is_word(&node, "tab") {
                line.push('\t');
            } else if is_word(&node, "br") || is_word(&node, "cr") {
                line.push('\n');
            }
        }
        walk.push((node, true));
        let first = walk.len();
        walk.extend(node.children().map(|child| (child, false)));
        walk[first..].reverse();
    }
    Ok(paragraphs.join("\n").trim().to_owned())
}

/// Writes a [`Document`](crate::document::Document) as a Word document: headings with Word's own
/// heading styles (so that the navigation pane and a table of contents find them), lists as
/// indented paragraphs, tables with a bold header row.
pub fn write(document: &crate::document::Document) -> Result<Vec<u8>, crate::ReportError> {
    use crate::document::Block;
    use docx_rs::{Docx, Paragraph, Run, Style, StyleType, Table, TableCell, TableRow};

    let text = |t: &str| Run::new().add_text(t);
    let styled = |t: &str, style: &str| Paragraph::new().add_run(text(t)).style(style);
    let mut docx = Docx::new()
        .add_style(Style::new("Title", StyleType::Paragraph).name("Title").size(40).bold())
        .add_style(Style::new("Heading1", StyleType::Paragraph).name("Heading 1").size(28).bold())
        .add_style(Style::new("Heading2", StyleType::Paragraph).name("Heading 2").size(24).bold())
        .add_style(Style::new("Subtitle", StyleType::Paragraph).name("Subtitle").size(24).color("595959"))
        .add_paragraph(styled(&document.title, "Title"))
        .add_paragraph(styled(&document.subtitle, "Subtitle"));
    for [label, value] in &document.facts {
        docx = docx.add_paragraph(Paragraph::new().add_run(text(label).bold()).add_run(text(&format!(": {value}"))));
    }
    for section in &document.sections {
        docx = docx.add_paragraph(styled(&section.heading, "Heading1"));
        for block in &section.blocks {
            docx = match block {
                Block::Subheading { text: t } => docx.add_paragraph(styled(t, "Heading2")),
                Block::Paragraph { text: t } => docx.add_paragraph(Paragraph::new().add_run(text(t))),
                Block::Note { text: t } => {
                    docx.add_paragraph(Paragraph::new().add_run(text(t).size(18).color("595959")))
                }
                Block::List { items } => items.iter().fold(docx, |docx, item| {
                    // 360 twips (a quarter inch) per level.
                    let indent = 360 * (item.depth as i32 + 1);
                    docx.add_paragraph(Paragraph::new().add_run(text(&format!("• {}", item.text))).indent(
                        Some(indent),
                        None,
                        None,
                        None,
                    ))
                }),
                Block::Table { headers, rows, .. } | Block::SignatureTable { headers, rows } => {
                    let cell = |t: &str, bold: bool| {
                        let run = if bold { text(t).bold() } else { text(t) };
                        TableCell::new().add_paragraph(Paragraph::new().add_run(run))
                    };
                    let header = TableRow::new(headers.iter().map(|h| cell(h, true)).collect());
                    let body = rows.iter().map(|row| TableRow::new(row.iter().map(|c| cell(c, false)).collect()));
                    docx.add_table(Table::new(std::iter::once(header).chain(body).collect()))
                        .add_paragraph(Paragraph::new())
                }
            };
        }
    }
    docx = docx.add_paragraph(Paragraph::new().add_run(text(&document.generated).size(16).color("595959")));
    let mut bytes = Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(|e| crate::ReportError::Word(e.to_string()))?;
    Ok(bytes.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(document_xml: &str) -> Vec<u8> {
        let mut buffer = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).expect("entry");
        zip.write_all(document_xml.as_bytes()).expect("write");
        zip.finish().expect("finish");
        buffer.into_inner()
    }

    #[test]
    fn paragraphs_runs_tabs_and_breaks_become_text() {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="{WORD_NS}"><w:body>
            <w:p><w:r><w:t>Intervjuare: Hur </w:t></w:r><w:r><w:t>arbetar ni?</w:t></w:r></w:p>
            <w:p><w:r><w:t>Svar:</w:t><w:tab/><w:t>Vi har en rutin</w:t><w:br/><w:t>sedan 2024 – åäö æø.</w:t></w:r></w:p>
            </w:body></w:document>"#
        );
        assert_eq!(
            text(&docx(&xml)).expect("text"),
            "Intervjuare: Hur arbetar ni?\nSvar:\tVi har en rutin\nsedan 2024 – åäö æø."
        );
    }

    #[test]
    fn other_files_are_refused() {
        assert!(matches!(text(b"not a zip"), Err(UploadError::Unreadable(_))));
        assert!(matches!(text(&docx("<not-closed")), Err(UploadError::Unreadable(_))));
    }

    fn nested_paragraphs(depth: usize) -> String {
        format!(
            r#"<w:document xmlns:w="{WORD_NS}"><w:body>{}<w:r><w:t>x</w:t></w:r>{}</w:body></w:document>"#,
            "<w:p>".repeat(depth),
            "</w:p>".repeat(depth)
        )
    }

    /// The probe's file: paragraphs nested 200 000 deep, a few kilobytes compressed. It took
    /// 24 s of CPU when each paragraph walked all of its descendants; now it is refused at once.
    #[test]
    fn deeply_nested_paragraphs_are_refused_quickly() {
        let file = docx(&nested_paragraphs(200_000));
        assert!(file.len() < 64 * 1024, "a small upload: {} bytes", file.len());
        let started = std::time::Instant::now();
        assert!(matches!(text(&file), Err(UploadError::TooComplex)));
        // Generous for a debug build on a busy machine; the release build takes milliseconds.
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    }

    #[test]
    fn nesting_up_to_the_limit_is_read_and_each_paragraph_once() {
        // document, body and MAX_DEPTH - 4 paragraphs, a run and its text element.
        let depth = MAX_DEPTH - 4;
        assert_eq!(text(&docx(&nested_paragraphs(depth))).expect("text"), "x");
        assert!(matches!(text(&docx(&nested_paragraphs(MAX_DEPTH))), Err(UploadError::TooComplex)));
    }

    #[test]
    fn a_document_that_unpacks_past_the_limit_is_too_large() {
        let padding = " ".repeat(MAX_XML_BYTES as usize);
        let xml = format!(r#"<w:document xmlns:w="{WORD_NS}">{padding}</w:document>"#);
        assert!(matches!(text(&docx(&xml)), Err(UploadError::TooLarge)));
    }

    #[test]
    fn too_many_nodes_are_refused() {
        let xml = format!(r#"<w:document xmlns:w="{WORD_NS}">{}</w:document>"#, "<a/>".repeat(MAX_NODES as usize));
        assert!(matches!(text(&docx(&xml)), Err(UploadError::TooComplex)));
    }

    /// Hostile structures: random trees of Word and other elements, nested up to twice the
    /// limit, and random bytes. Each is read or refused, never a panic, and quickly.
    mod hostile_documents {
        use super::*;
        use proptest::prelude::*;

        #[derive(Debug, Clone)]
        enum Part {
            Text(String),
            Element(&'static str, Vec<Part>),
        }

        fn render(part: &Part, out: &mut String) {
            match part {
                Part::Text(text) => out.push_str(&text.replace('&', "&amp;").replace('<', "&lt;")),
                Part::Element(name, children) => {
                    out.push_str(&format!("<{name}>"));
                    for child in children {
                        render(child, out);
                    }
                    out.push_str(&format!("</{name}>"));
                }
            }
        }

        fn tree() -> impl Strategy<Value = Part> {
            // Characters XML allows, so that every tree is well-formed and is read or refused only
            // for its shape.
            let leaf = prop_oneof![
                "[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x{fffe}\\x{ffff}]{0,12}".prop_map(Part::Text),
                Just(Part::Element("w:tab", vec![]))
            ];
            leaf.prop_recursive(12, 200, 6, |inner| {
                (
                    prop_oneof![Just("w:p"), Just("w:r"), Just("w:t"), Just("w:tbl"), Just("w:br"), Just("x:y")],
                    proptest::collection::vec(inner, 0..6),
                )
                    .prop_map(|(name, children)| Part::Element(name, children))
            })
        }

        fn document(body: &str) -> Vec<u8> {
            docx(&format!(r#"<w:document xmlns:w="{WORD_NS}" xmlns:x="urn:x"><w:body>{body}</w:body></w:document>"#))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn random_trees_are_read_or_refused(part in tree()) {
                let mut body = String::new();
                render(&part, &mut body);
                match text(&document(&body)) {
                    Ok(_) | Err(UploadError::TooComplex) => {}
                    Err(other) => prop_assert!(false, "{other}"),
                }
            }

            #[test]
            fn any_nesting_depth_is_read_or_refused_quickly(depth in 0usize..(2 * MAX_DEPTH), element in prop_oneof![Just("w:p"), Just("w:r"), Just("x:y")]) {
                let body = format!("{}<w:t>x</w:t>{}", format!("<{element}>").repeat(depth), format!("</{element}>").repeat(depth));
                let started = std::time::Instant::now();
                let result = text(&document(&body));
                prop_assert!(started.elapsed() < std::time::Duration::from_secs(2));
                prop_assert_eq!(result.is_ok(), depth + 3 <= MAX_DEPTH, "depth {}", depth);
            }

            #[test]
            fn random_bytes_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
                prop_assert!(text(&bytes).is_err());
            }
        }
    }
}
