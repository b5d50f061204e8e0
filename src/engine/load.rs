//! Parsing RON files into the model, turning ron's errors into located diagnostics with a fix.

use super::diag::{Diagnostic, Position, Severity};
use super::model::{CaseCatalog, Catalog, Scenario};
use ron::error::{Error as RonError, SpannedError};
use serde::de::DeserializeOwned;

/// Parses a scenario file. `file` is the name used in messages.
pub fn parse_scenario(file: &str, source: &str) -> Result<Scenario, Box<Diagnostic>> {
    parse(file, source)
}

/// Parses the principles catalog.
pub fn parse_catalog(file: &str, source: &str) -> Result<Catalog, Box<Diagnostic>> {
    parse(file, source)
}

/// Parses the case catalog.
pub fn parse_cases(file: &str, source: &str) -> Result<CaseCatalog, Box<Diagnostic>> {
    parse(file, source)
}

/// Parses the hand-written quiz questions, `quiz.ron`.
pub fn parse_quiz(file: &str, source: &str) -> Result<super::quiz::QuizFile, Box<Diagnostic>> {
    parse(file, source)
}

fn parse<T: DeserializeOwned>(file: &str, source: &str) -> Result<T, Box<Diagnostic>> {
    ron::Options::default()
        .from_str::<T>(source)
        .map_err(|e| Box::new(diagnostic_from_ron(file, source, &e)))
}

/// Turns a ron error into a diagnostic with a plain-language message and a fix.
fn diagnostic_from_ron(file: &str, source: &str, err: &SpannedError) -> Diagnostic {
    // ron reports where it stopped reading, which for most errors is the start of the offending token.
    let pos = Position {
        line: err.span.start.line.max(1),
        col: err.span.start.col.max(1),
    };
    let (message, help) = explain(&err.code);
    Diagnostic::new(Severity::Error, "syntax", file, source, pos, message, help)
}

fn explain(code: &RonError) -> (String, String) {
    use RonError as E;
    let generic = "check the brackets, quotes and commas just before this place".to_string();
    match code {
        E::ExpectedComma => (
            "a comma is missing".into(),
            "put a `,` between two fields or two items of a list".into(),
        ),
        E::ExpectedString | E::ExpectedStringEnd => (
            "a text in double quotes was expected here".into(),
            "write texts as \"…\"; inside a text use «» or “” instead of a plain double quote, or escape it as \\\"".into(),
        ),
        E::ExpectedStructLikeEnd => (
            "a closing `)` was expected".into(),
            "a `(` opened earlier is not closed, or a comma is missing between fields".into(),
        ),
        E::ExpectedArrayEnd => (
            "a closing `]` was expected".into(),
            "a list opened with `[` is not closed, or a comma is missing between its items".into(),
        ),
        E::ExpectedMapEnd | E::ExpectedMapColon | E::ExpectedMap => (
            "a map such as {\"principle.id\": 2} was expected".into(),
            "write scores as {\"fc.never_just_no\": 2, \"st.polite\": 1}".into(),
        ),
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => (
            "a whole number was expected".into(),
            "write a number such as 10 or -5, without quotes".into(),
        ),
        E::ExpectedBoolean => (
            "`true` or `false` was expected".into(),
            "write true or false, without quotes".into(),
        ),
        E::Eof => (
            "the file ends too early".into(),
            "a bracket or quote opened earlier is never closed".into(),
        ),
        E::TrailingCharacters => (
            "there is text after the end of the scenario".into(),
            "the whole file must be one `Scenario( … )`; remove what follows its closing `)`".into(),
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let place = outer.as_deref().unwrap_or("this item");
            let hint = match closest(found, expected) {
                Some(s) => format!("did you mean `{s}`? "),
                None => String::new(),
            };
            (
                format!("`{found}` is not a field of {place}"),
                format!("{hint}the fields of {place} are: {}", expected.join(", ")),
            )
        }
        E::MissingStructField { field, outer } => {
            let place = outer.as_deref().unwrap_or("this item");
            (
                format!("{place} has no `{field}`"),
                format!("add `{field}: …` to {place}; see docs/scenario-format.md for its meaning"),
            )
        }
        E::DuplicateStructField { field, outer } => {
            let place = outer.as_deref().unwrap_or("this item");
            (
                format!("`{field}` is written twice in {place}"),
                "keep one of the two".into(),
            )
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let place = outer.as_deref().unwrap_or("this value");
            let hint = match closest(found, expected) {
                Some(s) => format!("did you mean `{s}`? "),
                None => String::new(),
            };
            (
                format!("`{found}` is not a valid {place}"),
                format!("{hint}use one of: {}", expected.join(", ")),
            )
        }
        E::InvalidValueForType { expected, found } => (
            format!("expected {expected}, found {found}"),
            generic,
        ),
        E::UnexpectedChar(c) => (format!("unexpected character `{c}`"), generic),
        E::ExpectedNamedStructLike(name) => (
            format!("`{name}( … )` was expected here"),
            format!("write `{name}(` and the fields, then `)`"),
        ),
        E::UnclosedBlockComment | E::UnclosedLineComment => (
            "a comment is not closed".into(),
            "close `/*` with `*/`".into(),
        ),
        other => (other.to_string(), generic),
    }
}

/// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_in_a_field_suggests_the_right_name() {
        let src = "Text(ru: \"а\", eng: \"b\")";
        let err = parse::<super::super::text::Text>("t.ron", src).unwrap_err();
        assert_eq!(err.pos.line, 1);
        assert!(err.message.contains("`eng`"), "{}", err.message);
        assert!(err.help.contains("did you mean `en`"), "{}", err.help);
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
    }
}
