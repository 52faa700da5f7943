//! Text from an uploaded plain-text file, in whichever encoding a Nordic office saves it.

use crate::UploadError;

/// The text of a `.txt` upload.
///
/// A byte-order mark decides the encoding (UTF-8, UTF-16 little- or big-endian). Without one the
/// text must be UTF-8, or else Windows-1252, which older Windows editors still write for
/// Swedish and Danish. Anything else — control characters, bytes Windows-1252 leaves undefined,
/// a UTF-16 text without its mark (full of zero bytes), broken surrogates — is refused rather
/// than shown as mojibake.
pub fn decode(bytes: &[u8]) -> Result<String, UploadError> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        String::from_utf8(rest.to_vec()).map_err(|_| UploadError::NotText)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        match String::from_utf8(bytes.to_vec()) {
            Ok(text) => text,
            Err(e) => windows_1252(e.as_bytes())?,
        }
    };
    if text.chars().any(is_forbidden_control) {
        return Err(UploadError::NotText);
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, UploadError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(UploadError::NotText);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| UploadError::NotText)
}

/// Windows-1252: Latin-1 with printable characters where Latin-1 has C1 controls; the five
/// bytes it leaves undefined are refused.
fn windows_1252(bytes: &[u8]) -> Result<String, UploadError> {
    const HIGH: [Option<char>; 32] = [
        Some('€'),
        None,
        Some('‚'),
        Some('ƒ'),
        Some('„'),
        Some('…'),
        Some('†'),
        Some('‡'),
        Some('ˆ'),
        Some('‰'),
        Some('Š'),
        Some('‹'),
        Some('Œ'),
        None,
        Some('Ž'),
        None,
        None,
        Some('‘'),
        Some('’'),
        Some('“'),
        Some('”'),
        Some('•'),
        Some('–'),
        Some('—'),
        Some('˜'),
        Some('™'),
        Some('š'),
        Some('›'),
        Some('œ'),
        None,
        Some('ž'),
        Some('Ÿ'),
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)].ok_or(UploadError::NotText),
            _ => Ok(char::from(b)),
        })
        .collect()
}

/// Control characters no transcript contains: everything below space but tab, line feed,
/// carriage return and form feed, and DEL.
fn is_forbidden_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || c == '\x7f'
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "hej åäö æøÅ – “citat” €";

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        let mut bytes = if little_endian { vec![0xff, 0xfe] } else { vec![0xfe, 0xff] };
        for unit in text.encode_utf16() {
            bytes.extend(if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        bytes
    }

    #[test]
    fn utf16_with_either_byte_order_mark_is_decoded() {
        assert_eq!(decode(&utf16(TEXT, true)).as_deref(), Ok(TEXT));
        assert_eq!(decode(&utf16(TEXT, false)).as_deref(), Ok(TEXT));
        // The probe's file: "hej åäö" in UTF-16 LE was shown as "ÿþhej åäö".
        let probe = utf16("hej åäö", true);
        assert_eq!(decode(&probe).as_deref(), Ok("hej åäö"));
    }

    #[test]
    fn utf8_with_and_without_a_mark_and_windows_1252_are_decoded() {
        assert_eq!(decode(TEXT.as_bytes()).as_deref(), Ok(TEXT));
        let mut marked = vec![0xef, 0xbb, 0xbf];
        marked.extend(TEXT.as_bytes());
        assert_eq!(decode(&marked).as_deref(), Ok(TEXT));
        // "Så är det – 5 €" as Notepad saved it in Windows-1252.
        let ansi = b"S\xe5 \xe4r det \x96 5 \x80";
        assert_eq!(decode(ansi).as_deref(), Ok("Så är det – 5 €"));
    }

    #[test]
    fn line_endings_become_line_feeds() {
        assert_eq!(decode(b"a\r\nb\rc\n").as_deref(), Ok("a\nb\nc\n"));
    }

    #[test]
    fn undecodable_text_is_refused() {
        // UTF-16 without its mark: zero bytes everywhere.
        let unmarked: Vec<u8> = utf16("hej", true)[2..].to_vec();
        assert_eq!(decode(&unmarked), Err(UploadError::NotText));
        // An odd number of bytes after a UTF-16 mark, and a lone surrogate.
        assert_eq!(decode(&[0xff, 0xfe, b'a']), Err(UploadError::NotText));
        assert_eq!(decode(&[0xff, 0xfe, 0x00, 0xd8, b'a', 0]), Err(UploadError::NotText));
        // A byte Windows-1252 leaves undefined, in text that is not UTF-8.
        assert_eq!(decode(b"abc \x81 def"), Err(UploadError::NotText));
        // Binary data: a PNG signature.
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(UploadError::NotText));
        // A UTF-8 mark before bytes that are not UTF-8.
        assert_eq!(decode(&[0xef, 0xbb, 0xbf, 0xe5]), Err(UploadError::NotText));
    }

    mod hostile_bytes {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Any bytes: text without forbidden control characters, or a clear refusal.
            #[test]
            fn any_bytes_decode_to_clean_text_or_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
                match decode(&bytes) {
                    Ok(text) => prop_assert!(!text.chars().any(is_forbidden_control) && !text.contains('\r')),
                    Err(error) => prop_assert_eq!(error, UploadError::NotText),
                }
            }

            /// Any Unicode text survives each of the three encodings with its mark.
            #[test]
            fn text_round_trips_through_every_marked_encoding(text in "[^\\p{Cc}]{0,200}") {
                let mut utf8 = vec![0xef, 0xbb, 0xbf];
                utf8.extend(text.as_bytes());
                for bytes in [utf8, utf16(&text, true), utf16(&text, false)] {
                    let decoded = decode(&bytes);
                    prop_assert_eq!(decoded.as_deref(), Ok(text.as_str()));
                }
            }
        }
    }
}
