//! Located diagnostics: a file, a line and a column, rendered with a snippet and a caret.

use serde::Serialize;
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The content cannot be used as it is.
    Error,
    /// The content works, but something is probably a mistake.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as messages print it.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A place in a source file. Lines and columns are 1-based; the column counts characters, not bytes,
/// so that a caret under a Russian line lands in the right place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub col: usize,
}

/// One problem found in a file, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable short code such as `unknown-node`, for filtering and tests.
    pub code: &'static str,
    /// The file the problem is in.
    pub file: String,
    /// Where in the file.
    pub pos: Position,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// The source line, for the snippet.
    #[serde(skip)]
    pub snippet: String,
}

impl Diagnostic {
    /// Builds a diagnostic located at `pos` of `source`.
    pub fn new(
        severity: Severity,
        code: &'static str,
        file: &str,
        source: &str,
        pos: Position,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        let snippet = source
            .lines()
            .nth(pos.line.saturating_sub(1))
            .unwrap_or("")
            .to_string();
        Diagnostic {
            severity,
            code,
            file: file.to_string(),
            pos,
            message: message.into(),
            help: help.into(),
            snippet,
        }
    }

    /// The source line with a caret under the column, or nothing when there is no line to show.
    /// Tabs would shift the caret, so both the line and the caret padding use spaces.
    pub fn excerpt(&self) -> Option<(String, String)> {
        if self.pos.line == 0 || self.snippet.is_empty() {
            return None;
        }
        let shown = self.snippet.replace('\t', " ");
        let caret = format!("{}^", " ".repeat(self.pos.col.saturating_sub(1)));
        Some((shown, caret))
    }

    /// Whether this is an error rather than a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// Renders in the style of a compiler message:
    ///
    /// ```text
    /// error[unknown-node]: choice `a` goes to node `nowhere`, which does not exist
    ///   --> scenarios/x.ron:12:19
    ///    |
    /// 12 |             next: "nowhere",
    ///    |                   ^
    ///    = help: …
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}[{}]: {}",
            self.severity.label(),
            self.code,
            self.message
        )?;
        writeln!(f, "  --> {}:{}:{}", self.file, self.pos.line, self.pos.col)?;
        if let Some((shown, caret)) = self.excerpt() {
            let num = self.pos.line.to_string();
            let pad = " ".repeat(num.len());
            writeln!(f, "{pad} |")?;
            writeln!(f, "{num} | {shown}")?;
            writeln!(f, "{pad} | {caret}")?;
        }
        if !self.help.is_empty() {
            writeln!(f, "   = help: {}", self.help)?;
        }
        Ok(())
    }
}

/// The position of a byte offset in `source`, with the column in characters.
pub fn position_of_offset(source: &str, offset: usize) -> Position {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = source[line_start..offset].chars().count() + 1;
    Position { line, col }
}

/// Finds where `needle` first occurs in `source` at or after `from` (a byte offset).
///
/// ron keeps no positions for values once parsed, so the validator finds its own: it looks for the
/// id's text. Falls back to the start of the file when the text is not there.
pub fn locate(source: &str, needle: &str, from: usize) -> (Position, usize) {
    let from = from.min(source.len());
    match source[from..].find(needle) {
        Some(i) => (position_of_offset(source, from + i), from + i),
        None => (Position { line: 1, col: 1 }, 0),
    }
}

/// Where `key: "value"` occurs, allowing any spacing around the colon. Returns the position of the value.
pub fn locate_field(
    source: &str,
    key: &str,
    value: &str,
    from: usize,
) -> Option<(Position, usize)> {
    let quoted = format!("\"{value}\"");
    let mut search = from.min(source.len());
    while let Some(i) = source[search..].find(&quoted) {
        let at = search + i;
        let before = source[..at].trim_end();
        if let Some(rest) = before.strip_suffix(':')
            && rest.trim_end().ends_with(key)
        {
            return Some((position_of_offset(source, at), at));
        }
        search = at + quoted.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "a\nпривет: \"x\"\n";
        let (pos, _) = locate(src, "\"x\"", 0);
        assert_eq!(pos, Position { line: 2, col: 9 });
    }

    #[test]
    fn locates_fields_with_any_spacing() {
        let src = "id: \"a\",\nnext :  \"a\",";
        let (pos, _) = locate_field(src, "next", "a", 0).unwrap();
        assert_eq!(pos, Position { line: 2, col: 9 });
        assert!(locate_field(src, "start", "a", 0).is_none());
    }

    #[test]
    fn renders_snippet_and_caret() {
        let src = "line one\n  next: \"nowhere\",\n";
        let d = Diagnostic::new(
            Severity::Error,
            "unknown-node",
            "x.ron",
            src,
            Position { line: 2, col: 9 },
            "no such node",
            "fix it",
        );
        let text = d.to_string();
        assert!(text.contains("--> x.ron:2:9"), "{text}");
        assert!(text.contains("2 |   next: \"nowhere\","), "{text}");
        assert!(text.contains("  |         ^"), "{text}");
        assert!(text.contains("help: fix it"), "{text}");
    }
}
