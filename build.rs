//! Embeds every file of `scenarios/` and every Fluent file of `assets/i18n/` in the binary, so that
//! the game runs from any directory.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=scenarios");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("scenarios");
    let mut files: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from(
        "/// Every file of `scenarios/`, as (file name, contents).\npub const BUILTIN: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed=scenarios/{f}");
        let path = dir.join(f);
        out.push_str(&format!(
            "    ({f:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("builtin.rs"), out).expect("OUT_DIR is writable");
    fs::write(Path::new(&out_dir).join("i18n_files.rs"), i18n_files())
        .expect("OUT_DIR is writable");
}

/// `FTL_RU` and `FTL_EN`: every `.ftl` file of `assets/i18n/<lang>/`, as (file name, contents).
/// Adding a file is enough to add its messages to the catalog.
fn i18n_files() -> String {
    println!("cargo:rerun-if-changed=assets/i18n");
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("assets/i18n");
    let mut out = String::new();
    for lang in ["ru", "en"] {
        let dir = root.join(lang);
        println!("cargo:rerun-if-changed=assets/i18n/{lang}");
        let mut files: Vec<String> = fs::read_dir(&dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".ftl"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        out.push_str(&format!(
            "/// Every Fluent file of `assets/i18n/{lang}/`, as (file name, contents).\npub const FTL_{}: &[(&str, &str)] = &[\n",
            lang.to_uppercase()
        ));
        for f in &files {
            println!("cargo:rerun-if-changed=assets/i18n/{lang}/{f}");
            out.push_str(&format!(
                "    ({f:?}, include_str!({:?})),\n",
                dir.join(f).display().to_string()
            ));
        }
        out.push_str("];\n");
    }
    out
}
