//! The interface catalog: both languages hold the same messages with the same variables, and every
//! message id that the code names exists in both.

use client_first::engine::text::Lang;
use client_first::i18n;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Message (and `message.attribute`) ids of one language, each with the variables it uses.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (name, text) in i18n::files(lang) {
        let resource = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, e)| panic!("{}/{name} has syntax errors: {e:?}", lang.code()));
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    let mut avars = BTreeSet::new();
                    pattern_vars(&a.value, &mut avars);
                    out.insert(format!("{}.{}", m.id.name, a.id.name), avars);
                }
                let id = m.id.name.to_string();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{}/{name}: `{id}` is defined twice",
                    lang.code()
                );
            }
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr_vars(expression, vars);
        }
    }
}

fn expr_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_and_variables() {
    let ru = messages(Lang::Ru);
    let en = messages(Lang::En);
    let only_ru: Vec<_> = ru.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !ru.contains_key(*k)).collect();
    assert!(only_ru.is_empty(), "only in Russian: {only_ru:?}");
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
    for (id, vars) in &ru {
        assert_eq!(
            Some(vars),
            en.get(id),
            "`{id}` uses different variables in ru and en"
        );
    }
    assert!(ru.len() > 50, "the catalog has {} messages", ru.len());
}

/// Every string literal in `src/` that is passed as a message id: `Msg("…")`, `t("…")`,
/// `tr(lang, "…")`, `tra(lang, "…", …)`, `tr_attr(lang, "…", …)`.
fn ids_used_in_code() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                // The engine returns keys and enums, never words, so it names no message.
                if !path.ends_with("engine") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let whole = std::fs::read_to_string(&path).expect("source is UTF-8");
            // Unit tests may name ids that are missing on purpose.
            let text = whole.split("#[cfg(test)]").next().unwrap_or_default();
            for (pattern, skip_arg) in [
                ("Msg(\"", false),
                (" t(\"", false),
                ("(t(\"", false),
                ("[t(\"", false),
                ("tr(", true),
                ("tra(", true),
                ("tr_attr(", true),
            ] {
                let mut rest = text;
                while let Some(at) = rest.find(pattern) {
                    rest = &rest[at + pattern.len()..];
                    let lit = if skip_arg {
                        // The first argument is the language; the id is the literal after the comma.
                        let Some(comma) = rest.find(',') else { break };
                        let after = rest[comma + 1..].trim_start();
                        let Some(a) = after.strip_prefix('"') else {
                            continue;
                        };
                        a
                    } else {
                        rest
                    };
                    if let Some(end) = lit.find('"') {
                        let id = &lit[..end];
                        if !id.is_empty()
                            && id
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        {
                            out.insert((id.to_string(), path.display().to_string()));
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_names_exists_in_both_languages() {
    let used = ids_used_in_code();
    assert!(used.len() > 50, "found only {} ids in the code", used.len());
    let missing: Vec<_> = used
        .iter()
        .filter(|(id, _)| !i18n::has(Lang::Ru, id) || !i18n::has(Lang::En, id))
        .collect();
    assert!(missing.is_empty(), "missing messages: {missing:?}");
}
