//! Turning a file's bytes into text the parser can read, whatever editor wrote it.
//!
//! Trainers save scenarios with Windows Notepad (a byte-order mark, CRLF line ends), old Mac editors
//! (CR only) or web forms. All of these are accepted; bytes that are not UTF-8 are an error of that
//! file, placed at the line and column of the first bad byte.

use super::diag::{Code, Diagnostic, Position, Severity};

/// The UTF-8 byte-order mark that Windows Notepad writes at the start of a file.
const BOM: &str = "\u{feff}";

/// Normalises text: drops a leading byte-order mark and turns CRLF and lone CR line ends into LF,
/// so that line numbers are right for every editor's files.
pub fn normalise(text: &str) -> String {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if !text.contains('\r') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Decodes a file's bytes as UTF-8 and normalises it; `file` names it in the error.
///
/// Invalid UTF-8 is reported at the first bad byte: its line, and its column counted in characters
/// of the valid text before it on that line.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, Box<Diagnostic>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(normalise(text)),
        Err(e) => {
            let valid = e.valid_up_to();
            // The prefix before the first bad byte is valid by construction.
            let before = normalise(std::str::from_utf8(&bytes[..valid]).unwrap_or(""));
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let col = before[line_start..].chars().count() + 1;
            let shown: String = before[line_start..].to_string();
            let byte = bytes.get(valid).copied().unwrap_or(0);
            let mut d = Diagnostic::new(
                Severity::Error,
                Code::Encoding,
                file,
                "",
                Position { line, col },
            )
            .arg("byte", format!("0x{byte:02X}"));
            d.snippet = shown;
            Err(Box::new(d))
        }
    }
}

/// Reads a file as bytes and decodes it. An unreadable file gives an `io` diagnostic at line 0 with
/// the system's reason.
pub fn read(path: &std::path::Path) -> Result<String, Box<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| io_error(&name, &e))?;
    decode(&name, &bytes)
}

/// The diagnostic of a path that cannot be read.
pub fn io_error(file: &str, e: &std::io::Error) -> Box<Diagnostic> {
    let reason = match e.kind() {
        std::io::ErrorKind::NotFound => "not-found",
        std::io::ErrorKind::PermissionDenied => "permission",
        _ => "other",
    };
    Box::new(
        Diagnostic::new(
            Severity::Error,
            Code::Io,
            file,
            "",
            Position { line: 0, col: 0 },
        )
        .arg("reason", reason)
        .arg("detail", e.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_of_every_editor_become_lf() {
        assert_eq!(normalise("\u{feff}a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(normalise("a\r\r\nb"), "a\n\nb");
    }

    #[test]
    fn bad_bytes_are_placed_at_their_line_and_column() {
        let err = decode("x.ron", b"ab\r\n\xd0\xbf\xff").unwrap_err();
        assert_eq!(err.code, Code::Encoding);
        assert_eq!(err.pos, Position { line: 2, col: 2 });
        assert_eq!(err.text("byte"), "0xFF");
    }
}
