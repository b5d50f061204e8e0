//! The one catalog of interface texts, in Russian and English, read from Fluent files.
//!
//! Every surface that shows words to a person (the game's screens, the command line, the phone page
//! and the reports) looks them up here, so that a text exists once per language and Russian plurals
//! come from Fluent's plural rules. The files live in `assets/i18n/<lang>/*.ftl` and are compiled
//! into the binary by `build.rs`, so the game runs from any folder. Scenario texts are not here: they
//! stay inline in the scenario files.

pub mod diag;

use crate::engine::text::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::LazyLock;

pub mod labels;

include!(concat!(env!("OUT_DIR"), "/i18n_files.rs"));

/// The Fluent files of one language, as (file name, contents), in file-name order.
pub fn files(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Ru => FTL_RU,
        Lang::En => FTL_EN,
    }
}

/// Both languages' bundles, built once on first use.
struct Catalog {
    ru: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog {
    ru: bundle(Lang::Ru),
    en: bundle(Lang::En),
});

/// Builds the bundle of one language from its embedded files.
///
/// The files are part of the binary and a test parses every one of them, so a syntax error here is a
/// build defect; it is logged and the broken entries are skipped rather than crashing a training room.
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The isolation marks U+2068/U+2069 leak into logs, terminal output and test comparisons.
    bundle.set_use_isolating(false);
    for (name, text) in files(lang) {
        let resource = match FluentResource::try_new((*text).to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                eprintln!("i18n: {}/{name}: {errors:?}", lang.code());
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            eprintln!("i18n: {}/{name}: {errors:?}", lang.code());
        }
    }
    bundle
}

fn bundle_for(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Ru => &CATALOG.ru,
        Lang::En => &CATALOG.en,
    }
}

/// Arguments of a message: a small builder over Fluent's own type.
///
/// ```ignore
/// tra(lang, "points", &Args::new().num("n", 5))
/// ```
#[derive(Default)]
pub struct Args<'a>(FluentArgs<'a>);

impl<'a> Args<'a> {
    /// No arguments yet.
    pub fn new() -> Self {
        Self(FluentArgs::new())
    }

    /// Adds a number, which also chooses plural forms.
    pub fn num(mut self, name: &'a str, value: impl Into<f64>) -> Self {
        self.0.set(name, FluentValue::from(value.into()));
        self
    }

    /// Adds a text, or a selector key such as a gender.
    pub fn str(mut self, name: &'a str, value: impl Into<Cow<'a, str>>) -> Self {
        self.0.set(name, FluentValue::String(value.into()));
        self
    }
}

/// A handle to one message of the catalog, so that code names texts by id and a test can find
/// every id used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Msg(pub &'static str);

impl Msg {
    /// The message in `lang`.
    pub fn get(self, lang: Lang) -> String {
        tr(lang, self.0)
    }

    /// The message in `lang` with its one variable `$n` set to `n` (a number or a text).
    pub fn with<'a>(self, lang: Lang, n: impl Into<FluentValue<'a>>) -> String {
        let mut args = FluentArgs::new();
        args.set("n", n);
        format(lang, self.0, Some(&args))
    }
}

/// The message `id` in `lang`, with no arguments.
pub fn tr(lang: Lang, id: &str) -> String {
    format(lang, id, None)
}

/// The message `id` in `lang`, with arguments.
pub fn tra(lang: Lang, id: &str, args: &Args) -> String {
    format(lang, id, Some(&args.0))
}

/// The attribute `attr` of message `id` (for example a button's `.hint`).
pub fn tr_attr(lang: Lang, id: &str, attr: &str, args: Option<&Args>) -> String {
    let bundle = bundle_for(lang);
    let Some(pattern) = bundle
        .get_message(id)
        .and_then(|m| m.get_attribute(attr))
        .map(|a| a.value())
    else {
        return missing(lang, &format!("{id}.{attr}"));
    };
    let mut errors = vec![];
    let out = bundle.format_pattern(pattern, args.map(|a| &a.0), &mut errors);
    report(lang, id, &errors);
    out.into_owned()
}

/// Whether the catalog has message `id` in `lang` (the tests use this to find gaps).
pub fn has(lang: Lang, id: &str) -> bool {
    bundle_for(lang).has_message(id)
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle_for(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return missing(lang, id);
    };
    let mut errors = vec![];
    let out = bundle.format_pattern(pattern, args, &mut errors);
    report(lang, id, &errors);
    out.into_owned()
}

/// A missing message shows its id, so the gap is visible but never a crash; a test keeps it from
/// reaching a user.
fn missing(lang: Lang, id: &str) -> String {
    eprintln!("i18n: no message `{id}` in {}", lang.code());
    id.to_string()
}

fn report(lang: Lang, id: &str, errors: &[fluent_bundle::FluentError]) {
    if !errors.is_empty() {
        eprintln!("i18n: `{id}` in {}: {errors:?}", lang.code());
    }
}

/// "+2 балла" / "+2 points": a signed score with its plural.
pub fn points(lang: Lang, n: i32) -> String {
    let sign = if n < 0 { "-" } else { "+" };
    tra(
        lang,
        "points-signed",
        &Args::new().str("sign", sign).num("n", n.unsigned_abs()),
    )
}

/// "5 минут" / "5 min".
pub fn minutes(lang: Lang, n: u32) -> String {
    tra(lang, "minutes", &Args::new().num("n", n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals_come_from_fluent() {
        let words: Vec<String> = [1, 2, 5, 11, 12, 21, 22, 25, 111, 104]
            .iter()
            .map(|n| tra(Lang::Ru, "points", &Args::new().num("n", *n)))
            .collect();
        assert_eq!(
            words,
            [
                "1 балл",
                "2 балла",
                "5 баллов",
                "11 баллов",
                "12 баллов",
                "21 балл",
                "22 балла",
                "25 баллов",
                "111 баллов",
                "104 балла"
            ]
        );
        assert_eq!(points(Lang::En, -1), "-1 point");
        assert_eq!(points(Lang::Ru, 3), "+3 балла");
        assert_eq!(minutes(Lang::Ru, 21), "21 минута");
        assert_eq!(minutes(Lang::En, 5), "5 min");
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        assert_eq!(tr(Lang::En, "no-such-message-here"), "no-such-message-here");
        assert!(!has(Lang::Ru, "no-such-message-here"));
    }
}
