//! Located diagnostics: a stable code, a file, a line and a column, and the named values the message
//! needs. The engine never words a message: `crate::i18n::diag` turns a [`Diagnostic`] into Russian or
//! English through the Fluent catalog (`assets/i18n/*/check.ftl`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

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
    /// `error` or `warning`: a stable key for scripts and for the catalog.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident => $text:literal,)*) => {
        /// What a finding is about. The strings are stable: scripts filter on them and the catalog
        /// names its messages `diag-<code>` and `diag-<code>-fix` after them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in declaration order (the tests check each has both messages).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable string, such as `unknown-node`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            /// The code with this stable string.
            pub fn from_str_code(s: &str) -> Option<Code> {
                match s {
                    $($text => Some(Code::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

codes! {
    /// The file or folder cannot be read at all (missing, no permission).
    Io => "io",
    /// The file is not UTF-8 text.
    Encoding => "encoding",
    /// The file is empty.
    EmptyFile => "empty-file",
    /// The file is not valid RON, or a field is missing, misspelt or of the wrong type.
    Syntax => "syntax",
    /// A value outside its allowed range.
    BadValue => "bad-value",
    /// An id with characters other than lowercase letters, digits and `_`.
    BadId => "bad-id",
    /// A case id that is not in the case catalog.
    UnknownCase => "unknown-case",
    /// Two things share an id.
    DuplicateId => "duplicate-id",
    /// A reference to a node that does not exist.
    UnknownNode => "unknown-node",
    /// A speaker that is not a character of the scenario.
    UnknownSpeaker => "unknown-speaker",
    /// A principle that is not in the catalog.
    UnknownPrinciple => "unknown-principle",
    /// A principle names a source that is not listed.
    UnknownSource => "unknown-source",
    /// A decision where some reachable state offers no choice.
    DeadEnd => "dead-end",
    /// A decision with fewer than 2 or more than 4 choices written.
    ChoiceCount => "choice-count",
    /// A label longer than the projector allows.
    LabelTooLong => "label-too-long",
    /// A text lacks one of the scenario's languages.
    MissingTranslation => "missing-translation",
    /// The scenario has no ending.
    NoEnding => "no-ending",
    /// A loop with no way out.
    NoWayOut => "no-way-out",
    /// A node no playthrough reaches.
    Unreachable => "unreachable",
    /// An ending no playthrough reaches.
    UnreachableEnding => "unreachable-ending",
    /// A choice that scores no principle.
    UntrainedChoice => "untrained-choice",
    /// A condition tests a flag or counter that nothing sets.
    UnsetFlag => "unset-flag",
    /// `{name}` in a text that is no character.
    BadPlaceholder => "bad-placeholder",
    /// More choices offered at once than the number keys.
    TooManyChoices => "too-many-choices",
    /// A scoring choice that can be repeated in a loop.
    RepeatableScore => "repeatable-score",
    /// The state exploration was cut short.
    TooComplex => "too-complex",
    /// A quiz question names no principle.
    NoPrinciple => "no-principle",
    /// A quiz question has fewer than 2 or more than 4 options.
    OptionCount => "option-count",
    /// A quiz question has no right answer, or more than one.
    RightAnswer => "right-answer",
    /// Two options of a quiz question read the same.
    DuplicateOption => "duplicate-option",
    /// Some principles have no hand-written quiz question.
    QuizCoverage => "quiz-coverage",
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Code::from_str_code(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown diagnostic code `{s}`")))
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named value of a message: a text (an id, a field name) or a number (which also picks plurals).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    /// A text, shown as written, or a selector key.
    Text(String),
    /// A whole number.
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Num(i64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u8> for Arg {
    fn from(n: u8) -> Self {
        Arg::Num(i64::from(n))
    }
}

/// A place in a source file. Lines and columns are 1-based; the column counts characters, not bytes,
/// so that a caret under a Russian line lands in the right place. Line 0 means "the whole file".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub col: usize,
}

impl Position {
    /// The start of a file.
    pub const START: Position = Position { line: 1, col: 1 };
}

/// One problem found in a file: what it is (a code and its values), and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code such as `unknown-node`, for scripts and the message catalog.
    pub code: Code,
    /// The file the problem is in.
    pub file: String,
    /// Where in the file.
    pub pos: Position,
    /// The values the message needs, by name (`node`, `choice`, `found`, …).
    pub args: BTreeMap<&'static str, Arg>,
    /// The source line, for the snippet.
    #[serde(skip)]
    pub snippet: String,
}

/// Snippets longer than this many characters are cut around the caret.
pub const SNIPPET_WIDTH: usize = 100;

impl Diagnostic {
    /// A diagnostic located at `pos` of `source`, without values yet; add them with [`Diagnostic::arg`].
    pub fn new(severity: Severity, code: Code, file: &str, source: &str, pos: Position) -> Self {
        let snippet = if pos.line == 0 {
            String::new()
        } else {
            source
                .split('\n')
                .nth(pos.line - 1)
                .unwrap_or("")
                .to_string()
        };
        Diagnostic {
            severity,
            code,
            file: file.to_string(),
            pos,
            args: BTreeMap::new(),
            snippet,
        }
    }

    /// Adds a named value.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.insert(name, value.into());
        self
    }

    /// The text value `name`, or an empty string.
    pub fn text(&self, name: &str) -> &str {
        match self.args.get(name) {
            Some(Arg::Text(s)) => s,
            _ => "",
        }
    }

    /// The source line with a caret under the column, or nothing when there is no line to show.
    /// Tabs would shift the caret, so both use spaces. A long line is cut to about
    /// [`SNIPPET_WIDTH`] characters around the caret, with `…` where text was left out.
    pub fn excerpt(&self) -> Option<(String, String)> {
        if self.pos.line == 0 || self.snippet.is_empty() {
            return None;
        }
        let chars: Vec<char> = self
            .snippet
            .chars()
            .map(|c| if c == '\t' || c.is_control() { ' ' } else { c })
            .collect();
        let col = self.pos.col.max(1) - 1;
        let half = SNIPPET_WIDTH / 2;
        let (from, to) = if chars.len() <= SNIPPET_WIDTH {
            (0, chars.len())
        } else {
            let from = col.saturating_sub(half).min(chars.len() - SNIPPET_WIDTH);
            (from, from + SNIPPET_WIDTH)
        };
        let mut shown: String = chars[from..to].iter().collect();
        let mut caret_at = col.saturating_sub(from);
        if from > 0 {
            shown.insert(0, '…');
            caret_at += 1;
        }
        if to < chars.len() {
            shown.push('…');
        }
        let caret = format!("{}^", " ".repeat(caret_at));
        Some((shown.trim_end().to_string(), caret))
    }

    /// Whether this is an error rather than a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The position of a byte offset in `source`, with the column in characters.
pub fn position_of_offset(source: &str, offset: usize) -> Position {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = source[line_start..offset].chars().count() + 1;
    Position { line, col }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "a\nпривет: \"x\"\n";
        let at = src.find("\"x\"").unwrap();
        assert_eq!(position_of_offset(src, at), Position { line: 2, col: 9 });
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}X{}", "a".repeat(5000), "b".repeat(5000));
        let d = Diagnostic::new(
            Severity::Error,
            Code::Syntax,
            "x.ron",
            &line,
            Position { line: 1, col: 5001 },
        );
        let (shown, caret) = d.excerpt().unwrap();
        assert!(shown.chars().count() <= SNIPPET_WIDTH + 2, "{shown}");
        assert_eq!(
            shown.chars().nth(caret.len() - 1),
            Some('X'),
            "{shown}\n{caret}"
        );
    }

    #[test]
    fn every_code_round_trips() {
        for c in Code::ALL {
            assert_eq!(Code::from_str_code(c.as_str()), Some(*c));
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), *c);
        }
        assert!(serde_json::from_str::<Code>("\"no-such-code\"").is_err());
    }
}
