//! Embeds every file under `rules/` into the binary, so that a new pack or
//! calendar is built in by adding its file: no list to keep in step.
//!
//! Writes `$OUT_DIR/builtin.rs` with two sorted tables of
//! `(name, include_str!(path))`: rule packs (`rules/<family>/<name>.toml`)
//! and holiday calendars (`rules/calendars/<name>.toml`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Families in the order `govcal rules list` shows them.
const FAMILY_ORDER: [&str; 4] = ["sec", "states", "exchanges", "bylaws"];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&rules, &mut files);
    let mut packs = Vec::new();
    let mut calendars = Vec::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path
            .strip_prefix(&rules)
            .expect("under rules/")
            .with_extension("");
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if let Some(cal) = name.strip_prefix("calendars/") {
            calendars.push((cal.to_owned(), path));
        } else {
            packs.push((name, path));
        }
    }
    let rank = |name: &str| {
        let family = name.split('/').next().unwrap_or_default();
        FAMILY_ORDER
            .iter()
            .position(|f| *f == family)
            .unwrap_or(FAMILY_ORDER.len())
    };
    packs.sort_by(|a, b| (rank(&a.0), &a.0).cmp(&(rank(&b.0), &b.0)));
    calendars.sort();
    let mut out = String::new();
    for (table, doc, items) in [
        (
            "BUILTIN_PACKS",
            "Every rule pack shipped in `rules/`, family by family.",
            &packs,
        ),
        (
            "BUILTIN_CALENDAR_FILES",
            "Every holiday calendar shipped in `rules/calendars/`.",
            &calendars,
        ),
    ] {
        writeln!(out, "/// {doc}").unwrap();
        writeln!(out, "pub const {table}: &[BuiltinPack] = &[").unwrap();
        for (name, path) in items {
            writeln!(
                out,
                "    BuiltinPack {{ name: {name:?}, text: include_str!({:?}) }},",
                path.display().to_string()
            )
            .unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("builtin.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}
