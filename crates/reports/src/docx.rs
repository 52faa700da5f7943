//! Plain text from a Word document (.docx), for transcripts uploaded by interviewers.

use std::io::{Cursor, Read};

use crate::ReportError;

/// The most text a document may unpack to: protects against archives that expand enormously.
const MAX_XML_BYTES: u64 = 16 * 1024 * 1024;

const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The document's text, one line per paragraph; tabs and line breaks kept.
pub fn text(bytes: &[u8]) -> Result<String, ReportError> {
    let unreadable = |e: &dyn std::fmt::Display| ReportError::Unreadable(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|e| unreadable(&e))?
        .take(MAX_XML_BYTES)
        .read_to_string(&mut xml)
        .map_err(|e| unreadable(&e))?;
    let document = roxmltree::Document::parse(&xml).map_err(|e| unreadable(&e))?;
    let is = |node: &roxmltree::Node, name: &str| {
        node.tag_name().name() == name && node.tag_name().namespace() == Some(WORD_NS)
    };
    let mut paragraphs = Vec::new();
    for paragraph in document.descendants().filter(|n| is(n, "p")) {
        let mut line = String::new();
        for node in paragraph.descendants() {
            if is(&node, "t") {
                line.push_str(node.text().unwrap_or(""));
            } else if is(&node, "tab") {
                line.push('\t');
            } else if is(&node, "br") || is(&node, "cr") {
                line.push('\n');
            }
        }
        paragraphs.push(line);
    }
    Ok(paragraphs.join("\n").trim().to_owned())
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
        assert!(matches!(text(b"not a zip"), Err(ReportError::Unreadable(_))));
        assert!(matches!(text(&docx("<not-closed")), Err(ReportError::Unreadable(_))));
    }
}
