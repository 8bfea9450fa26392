//! The layers of `ARCHITECTURE.md`, checked against the code: every
//! top-level module of `src/` may import only modules of a lower layer
//! (and itself). Test code (a `#[cfg(test)]` module at the end of a file,
//! or a file `tests.rs` declared `#[cfg(test)] mod tests;`) is not
//! counted: a test may load the library or put a result into words.

use std::collections::BTreeSet;
use std::path::Path;

/// The top-level modules of `src/`, bottom up. A module may import only a
/// module with a smaller number; two modules with the same number may not
/// import each other.
const LAYERS: &[(&str, u8)] = &[
    ("diag", 0),
    ("model", 1),
    ("error", 2),
    ("pack", 3),
    ("extract", 3),
    ("eval", 4),
    ("analyse", 5),
    ("ics", 5),
    ("render", 6),
    ("batch", 7),
    ("cli", 8),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The top-level module a file under `src/` belongs to: `src/eval/mod.rs`
/// and `src/eval/cases.rs` to `eval`, `src/diag.rs` to `diag`.
fn module_of(relative: &str) -> Option<&str> {
    let rest = relative.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then_some(name)
}

/// The code of a file without comments and without its trailing test
/// module.
fn code(text: &str) -> String {
    let body = text.find("\n#[cfg(test)]").map_or(text, |at| &text[..at]);
    body.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module named by a `crate::` path in `code`, including
/// each item of a `crate::{a::x, b}` group.
fn imported(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        // `govcal_crate::` or `my_crate::` are not this crate's root.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        rest = &group[i..];
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        let name: String = group[i..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        out.insert(name);
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// The imports of one file that break the layering, as messages.
fn violations(relative: &str, text: &str) -> Vec<String> {
    let Some(module) = module_of(relative) else {
        return Vec::new();
    };
    if relative.ends_with("/tests.rs") {
        return Vec::new();
    }
    let Some(own) = layer(module) else {
        return vec![format!(
            "{relative}: module `{module}` has no layer; add it to LAYERS and ARCHITECTURE.md"
        )];
    };
    imported(&code(text))
        .into_iter()
        .filter(|m| m != module && m != "Error" && m != "Result")
        .filter_map(|m| match layer(&m) {
            Some(l) if l < own => None,
            Some(l) => Some(format!(
                "{relative}: `{module}` (layer {own}) imports `{m}` (layer {l}), which is not below it"
            )),
            None => None,
        })
        .collect()
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_module_imports_only_layers_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    assert!(files.len() > 20, "found the sources");
    let mut problems = Vec::new();
    for f in files {
        let relative = f
            .strip_prefix(root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&f).expect("read a source file");
        problems.extend(violations(&relative, &text));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_model_file_importing_evaluation_is_refused() {
    let text = "use std::fmt;\nuse crate::eval::Deadline;\n";
    assert_eq!(
        violations("src/model/facts.rs", text),
        ["src/model/facts.rs: `model` (layer 1) imports `eval` (layer 4), which is not below it"]
    );
}

#[test]
fn grouped_and_inline_paths_are_seen() {
    let text = "use crate::{diag::Diagnostic, render::report};\nfn f() { crate::cli::run(); }\n";
    let v = violations("src/eval/mod.rs", text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v[0].contains("imports `cli`") && v[1].contains("imports `render`"));
}

#[test]
fn siblings_of_one_layer_may_not_import_each_other() {
    let v = violations("src/extract/mod.rs", "use crate::pack::load::Library;");
    assert_eq!(v.len(), 1, "{v:?}");
}

#[test]
fn comments_and_test_modules_do_not_count() {
    let text = "//! See `crate::cli`.\nuse crate::diag::Diagnostic; // not crate::cli\n\n#[cfg(test)]\nmod tests {\n    use crate::cli::run;\n}\n";
    assert!(violations("src/model/facts.rs", text).is_empty());
}

#[test]
fn a_new_top_level_module_must_be_placed() {
    let v = violations("src/timeline/mod.rs", "");
    assert_eq!(v.len(), 1);
    assert!(v[0].contains("has no layer"));
}

/// One job per file: no source file grows past 1,000 lines (split it by
/// responsibility when one does).
#[test]
fn no_source_file_is_over_1000_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).expect("read").lines().count();
            (n > 1000).then(|| format!("{} has {n} lines", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}
