//! Which kind of govcal file a TOML file is, when it is given where another
//! kind belongs: a facts file given as a rule pack (`check facts.toml`,
//! `--rules facts.toml`) or a rule pack given as a facts file
//! (`deadlines pack.toml`). One diagnostic saying so, with the command
//! that takes it, replaces a list of unknown keys (#18). It does not read
//! either kind.

use std::sync::Arc;

use toml::de::DeTable;

use crate::diag::{Diagnostic, SourceFile};
use crate::model::facts::STANDARD_FACTS;

/// The top-level keys of `table` with their spans.
fn keys<'a>(table: &'a DeTable<'_>) -> impl Iterator<Item = (&'a str, std::ops::Range<usize>)> {
    table.keys().map(|k| (k.get_ref().as_ref(), k.span()))
}

/// A diagnostic if `root`, read as a rule pack, is a facts file: it has no
/// `[pack]` but a `[facts]` or `[company]` table, or a fact's name as a
/// top-level key.
pub(crate) fn facts_file_as_pack(src: &Arc<SourceFile>, root: &DeTable<'_>) -> Option<Diagnostic> {
    if keys(root).any(|(k, _)| k == "pack") {
        return None;
    }
    let help = format!(
        "`govcal deadlines {}` computes its deadlines; `check`, `--rules`, `--only` and a company's `rules` take rule packs (with `[pack]` and `[[rule]]`)",
        src.name()
    );
    let table = |name: &str| keys(root).find(|(k, _)| *k == name);
    if let Some((name, span)) = table("facts").or_else(|| table("company")) {
        return Some(
            Diagnostic::error(
                src,
                span,
                format!("this is a facts file, not a rule pack: it has `[{name}]`"),
            )
            .with_help(help),
        );
    }
    let (name, span) = keys(root).find(|(k, _)| STANDARD_FACTS.iter().any(|(f, _)| f == k))?;
    Some(
        Diagnostic::error(
            src,
            span,
            format!("`{name}` is a fact: this looks like a facts file, not a rule pack"),
        )
        .with_help(format!(
            "a facts file puts its dates under `[facts]`; {help}"
        )),
    )
}

/// A diagnostic if `src`, read as a facts file, is a rule pack: it has a
/// `[pack]` table or `[[rule]]`s and neither `[facts]` nor `[company]`.
pub(crate) fn pack_as_facts_file(src: &Arc<SourceFile>) -> Option<Diagnostic> {
    let (root, _) = DeTable::parse_recoverable(src.text());
    let root = root.get_ref();
    if keys(root).any(|(k, _)| matches!(k, "facts" | "company")) {
        return None;
    }
    let (name, span) = keys(root).find(|(k, _)| matches!(*k, "pack" | "rule"))?;
    let table = if name == "rule" { "[[rule]]" } else { "[pack]" };
    Some(
        Diagnostic::error(
            src,
            span,
            format!("this is a rule pack, not a facts file: it has `{table}`"),
        )
        .with_help(format!(
            "`govcal check {0}` checks it; to use it for a meeting, give a facts file and `--rules {0}` (or list it in the facts file's `rules`)",
            src.name()
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_pack(text: &str) -> Option<String> {
        let src = SourceFile::new("f.toml", text);
        let (root, _) = DeTable::parse_recoverable(src.text());
        facts_file_as_pack(&src, root.get_ref()).map(|d| format!("{}: {}", d.location(), d.message))
    }

    fn as_facts(text: &str) -> Option<String> {
        let src = SourceFile::new("p.toml", text);
        pack_as_facts_file(&src).map(|d| format!("{}: {}", d.location(), d.message))
    }

    #[test]
    fn a_facts_file_is_not_a_pack() {
        assert_eq!(
            as_pack("# acme\n[facts]\nmeeting = 2026-05-14\n").as_deref(),
            Some("f.toml:2:2: this is a facts file, not a rule pack: it has `[facts]`")
        );
        assert_eq!(
            as_pack("meeting = 2026-05-14\n").as_deref(),
            Some("f.toml:1:1: `meeting` is a fact: this looks like a facts file, not a rule pack")
        );
        assert_eq!(as_pack("[pack]\nid = \"x\"\n[facts]\n"), None);
        assert_eq!(as_pack("[[rule]]\nid = \"x\"\n"), None);
    }

    #[test]
    fn a_pack_is_not_a_facts_file() {
        assert_eq!(
            as_facts("[pack]\nid = \"x\"\n").as_deref(),
            Some("p.toml:1:2: this is a rule pack, not a facts file: it has `[pack]`")
        );
        assert_eq!(as_facts("[facts]\n[pack]\n"), None);
        assert_eq!(as_facts("[companyy]\n"), None);
    }
}
