//! Parsing RON files into the model, turning ron's errors into located diagnostics with a fix.

use super::diag::{Code, Diagnostic, Position, Severity};
use super::model::{CaseCatalog, Catalog, Scenario};
use ron::error::{Error as RonError, SpannedError};
use serde::de::DeserializeOwned;

/// Parses a scenario file. `file` is the name used in messages; `source` is already normalised
/// (see [`super::source`]).
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

/// Parses any RON file into `T`, with an empty file and ron's errors turned into diagnostics.
pub fn parse<T: DeserializeOwned>(file: &str, source: &str) -> Result<T, Box<Diagnostic>> {
    if is_blank(source) {
        return Err(Box::new(Diagnostic::new(
            Severity::Error,
            Code::EmptyFile,
            file,
            source,
            Position { line: 0, col: 0 },
        )));
    }
    ron::Options::default()
        .from_str::<T>(source)
        .map_err(|e| Box::new(ron_diagnostic(file, source, &e)))
}

/// Whether a file holds nothing but white space and comments.
fn is_blank(source: &str) -> bool {
    source
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//"))
}

/// Turns a ron error into a located `syntax` diagnostic. Its `kind` value selects the message; the
/// other values (`found`, `expected`, `field`, `place`, `hint`) fill it in.
pub fn ron_diagnostic(file: &str, source: &str, err: &SpannedError) -> Diagnostic {
    // ron reports where it stopped reading, which for most errors is the start of the offending token.
    let pos = Position {
        line: err.span.start.line.max(1),
        col: err.span.start.col.max(1),
    };
    let d = Diagnostic::new(Severity::Error, Code::Syntax, file, source, pos);
    explain(d, &err.code)
}

fn explain(d: Diagnostic, code: &RonError) -> Diagnostic {
    use RonError as E;
    let place = |outer: &Option<String>| outer.clone().unwrap_or_default();
    let hint = |found: &str, expected: &[&str]| closest(found, expected).unwrap_or("").to_string();
    match code {
        E::ExpectedComma => d.arg("kind", "comma"),
        E::ExpectedString | E::ExpectedStringEnd => d.arg("kind", "string"),
        E::ExpectedStructLikeEnd => d.arg("kind", "struct-end"),
        E::ExpectedArrayEnd => d.arg("kind", "list-end"),
        E::ExpectedMapEnd | E::ExpectedMapColon | E::ExpectedMap => d.arg("kind", "map"),
        E::ExpectedInteger | E::InvalidIntegerDigit { .. } => d.arg("kind", "integer"),
        E::IntegerOutOfBounds => d.arg("kind", "number-range"),
        E::ExpectedIdentifier => d.arg("kind", "ident"),
        E::ExpectedBoolean => d.arg("kind", "boolean"),
        E::Eof => d.arg("kind", "eof"),
        E::TrailingCharacters => d.arg("kind", "trailing"),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => d
            .arg("kind", "no-field")
            .arg("found", found.as_str())
            .arg("place", place(outer))
            .arg("expected", expected.join(", "))
            .arg("hint", hint(found, expected)),
        E::MissingStructField { field, outer } => d
            .arg("kind", "missing-field")
            .arg("field", *field)
            .arg("place", place(outer)),
        E::DuplicateStructField { field, outer } => d
            .arg("kind", "duplicate-field")
            .arg("field", *field)
            .arg("place", place(outer)),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => d
            .arg("kind", "no-variant")
            .arg("found", found.as_str())
            .arg("place", place(outer))
            .arg("expected", expected.join(", "))
            .arg("hint", hint(found, expected)),
        E::InvalidValueForType { expected, found } => d
            .arg("kind", "wrong-type")
            .arg("expected", expected.as_str())
            .arg("found", found.as_str()),
        E::UnexpectedChar(c) => d.arg("kind", "char").arg("found", c.to_string()),
        E::ExpectedNamedStructLike(name) => d.arg("kind", "named").arg("place", *name),
        E::UnclosedBlockComment | E::UnclosedLineComment => d.arg("kind", "comment"),
        E::ExceededRecursionLimit => d.arg("kind", "too-deep"),
        other => d.arg("kind", "other").arg("found", other.to_string()),
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
        assert_eq!(err.text("found"), "eng");
        assert_eq!(err.text("hint"), "en");
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
    }
}
