//! Embeds every file under `rules/` into the binary, so that a new pack or
//! calendar is built in by adding its file: no list to keep in step.
//!
//! Writes `$OUT_DIR/builtin.rs` with two sorted tables of
//! `(name, include_str!(path))`: rule packs (`rules/<family>/<name>.toml`)
//! and holiday calendars (`rules/calendars/<name>.toml`).
//!
//! Each pack and calendar also gets a lean copy,
//! `$OUT_DIR/lean/<family>/<name>.toml`: the same TOML without comments,
//! `notes` and worked cases, which nothing but `explain`, `check` and
//! `rules show` reads. `deadlines` and `batch`
//! load the lean copies: reading the TOML is most of a single query's time,
//! and the lean text is about a third as long.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Families in the order `govcal rules list` shows them.
const FAMILY_ORDER: [&str; 5] = ["sec", "states", "countries", "exchanges", "bylaws"];

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
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
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
            let lean_path = {
                let text = std::fs::read_to_string(path).expect("a readable rules file");
                let lean_path = if table == "BUILTIN_PACKS" {
                    out_dir.join("lean").join(format!("{name}.toml"))
                } else {
                    out_dir.join("lean/calendars").join(format!("{name}.toml"))
                };
                std::fs::create_dir_all(lean_path.parent().expect("a parent"))
                    .expect("OUT_DIR is writable");
                std::fs::write(&lean_path, lean(&text)).expect("OUT_DIR is writable");
                lean_path
            };
            writeln!(
                out,
                "    BuiltinPack {{ name: {name:?}, text: include_str!({:?}), lean: include_str!({:?}) }},",
                path.display().to_string(),
                lean_path.display().to_string()
            )
            .unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let dest = out_dir.join("builtin.rs");
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

/// The pack without what only people read: comment lines, `notes` (one
/// line or a `"""` block) and worked-case tables (`[[rule.case]]`,
/// `[[use.case]]`). A template (with `[params]`) is kept whole, since its
/// placeholders are filled in on the text. Line by line, knowing when a
/// line is inside a multi-line string so that nothing in one is taken for
/// a key or a table.
fn lean(text: &str) -> String {
    if text.lines().any(|l| l.trim() == "[params]") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() / 2);
    // Inside a `"""` or `'''` string: its delimiter; and whether the
    // string's lines are kept.
    let mut open: Option<(&str, bool)> = None;
    // Inside a worked-case table, until the next table header.
    let mut in_case = false;
    for line in text.lines() {
        if let Some((delim, keep)) = open {
            if keep {
                out.push_str(line);
                out.push('\n');
            }
            if line.contains(delim) {
                open = None;
            }
            continue;
        }
        let t = line.trim_start();
        if t.starts_with('[') {
            in_case = t.starts_with("[[rule.case]]") || t.starts_with("[[use.case]]");
        }
        if t.starts_with('#') || t.is_empty() {
            continue;
        }
        let drop = in_case || t.starts_with("notes =") || t.starts_with("why =");
        // A multi-line string opened on this line and not closed on it.
        for delim in ["\"\"\"", "\'\'\'"] {
            if let Some(at) = line.find(delim)
                && !line[at + 3..].contains(delim)
            {
                open = Some((delim, !drop));
                break;
            }
        }
        if !drop {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
