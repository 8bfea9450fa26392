//! The rulebook for counsel in `CommonMark`: explicit anchors (`<a id>`), so
//! that the contents' links resolve in any renderer, lists rather than
//! tables (tables are not `CommonMark`), and every character of the packs'
//! text that Markdown would read as markup escaped.

use std::fmt::Write as _;

use super::counsel::{Counsel, INTRO, PackPart, RulePart, is_linkable, prose};

/// Returns the rulebook as a `CommonMark` document.
pub(super) fn write(book: &Counsel<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&book.title));
    let _ = writeln!(out, "*{}*\n", md(&book.provenance));
    let _ = writeln!(out, "{}\n", md(INTRO));
    out.push_str("## Contents\n\n");
    for p in &book.packs {
        let _ = writeln!(out, "- [{}](#{})", md(&prose(&p.pack.title)), p.anchor);
        for r in &p.rules {
            let _ = writeln!(out, "  - [{}](#{})", md(&r.heading), r.anchor);
        }
    }
    if !book.references.is_empty() {
        out.push_str("- [References](#references)\n");
    }
    for p in &book.packs {
        pack(&mut out, p);
    }
    if !book.references.is_empty() {
        out.push_str("\n<a id=\"references\"></a>\n\n## References\n\n");
        for r in &book.references {
            let _ = writeln!(out, "- {}", link(&r.label, &r.url));
        }
    }
    out
}

fn pack(out: &mut String, p: &PackPart<'_>) {
    let pack = p.pack;
    let _ = writeln!(
        out,
        "\n<a id=\"{}\"></a>\n\n## {}\n",
        p.anchor,
        md(&prose(&pack.title))
    );
    let _ = writeln!(out, "- **Pack id:** `{}`", pack.id);
    let _ = writeln!(out, "- **Version:** {}", md(&pack.version));
    let source = match &pack.url {
        Some(u) => link(&pack.citation, u),
        None => md(&prose(&pack.citation)),
    };
    let _ = writeln!(out, "- **Source:** {source}");
    if let Some(a) = &pack.applies_to {
        let _ = writeln!(out, "- **Applies to:** {}", md(&prose(&a.description)));
    }
    if let Some(n) = &pack.notes {
        let _ = writeln!(out, "- **Notes:** {}", md(&prose(n)));
    }
    for r in &p.rules {
        rule(out, r);
    }
}

fn rule(out: &mut String, r: &RulePart<'_>) {
    let rule = r.rule;
    let _ = writeln!(
        out,
        "\n<a id=\"{}\"></a>\n\n### {}\n",
        r.anchor,
        md(&r.heading)
    );
    let mark = if r.badge.is_marked { "\u{26a0} " } else { "" };
    let _ = writeln!(
        out,
        "**Certainty: {mark}{}** ({})\n",
        md(r.badge.label),
        md(r.badge.meaning)
    );
    let _ = writeln!(out, "- **Rule id:** `{}`", r.full_id);
    if let Some(w) = crate::render::rulebook::who_line(r.rule) {
        let _ = writeln!(out, "- **Who:** {}", md(&w));
    }
    let citation = match &rule.url {
        Some(u) => link(&rule.citation, u),
        None => md(&prose(&rule.citation)),
    };
    let _ = writeln!(out, "- **Citation:** {citation}");
    let _ = writeln!(out, "- **The pack's words:** {}", md(&prose(&rule.summary)));
    let _ = writeln!(
        out,
        "- **Generated from the expressions:** {}",
        md(&r.generated)
    );
    if let Some(n) = &rule.not_applicable {
        let _ = writeln!(out, "- **Not applicable:** {}", md(&prose(n)));
    }
    if let Some(n) = &rule.notes {
        let _ = writeln!(out, "- **Interpretation:** {}", md(&prose(n)));
    }
    out.push_str("\n**The provision's text**\n\n");
    match r.quote {
        Some(q) => {
            let _ = writeln!(
                out,
                "> {}\n>\n> \u{2014} {}",
                md_line(&prose(&q.text)),
                md(&prose(&q.source))
            );
        }
        None => {
            out.push_str("The pack carries no text of the provision; read it at the citation.\n");
        }
    }
    if !r.cases.is_empty() {
        out.push_str("\n**Conditional cases, tried in order**\n\n");
        for (i, c) in r.cases.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, md(c));
        }
    }
    out.push_str("\n**Facts it needs**\n\n");
    if r.facts.is_empty() && r.rule_refs.is_empty() {
        out.push_str("- none: the rule reads no fact of the meeting\n");
    }
    for (name, phrase) in &r.facts {
        let _ = writeln!(out, "- `{name}`: {}", md(phrase));
    }
    for id in &r.rule_refs {
        let _ = writeln!(out, "- the dates of rule `{id}`");
    }
    if !r.worked.is_empty() {
        out.push_str("\n**Worked cases**\n\n");
        for (i, c) in r.worked.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, md(c));
        }
    }
}

/// `[label](<url>)`, or the label and the address as text when the
/// address is not one to follow.
fn link(label: &str, url: &str) -> String {
    let label = md(&prose(label));
    if is_linkable(url) {
        // A destination in `<…>` may hold anything but `<`, `>` and a line
        // break (CommonMark 0.31 §6.3); a space or backslash is encoded too.
        let dest: String = url
            .chars()
            .map(|c| match c {
                '<' => "%3C".to_owned(),
                '>' => "%3E".to_owned(),
                '\\' => "%5C".to_owned(),
                c if c.is_whitespace() => "%20".to_owned(),
                c => c.to_string(),
            })
            .collect();
        format!("[{label}](<{dest}>)")
    } else {
        format!("{label} ({})", md(url))
    }
}

/// Escapes the characters `CommonMark` would read as markup. Paired
/// backticks are kept as code spans (`` `us_federal` ``); an unpaired one
/// is escaped, so the text is never changed.
fn md(s: &str) -> String {
    let keep_code = s.matches('`').count() % 2 == 0;
    let mut out = String::with_capacity(s.len());
    let mut in_code = false;
    for c in s.chars() {
        if c == '`' && keep_code {
            in_code = !in_code;
            out.push(c);
            continue;
        }
        if !in_code
            && matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '~' | '!'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// As [`md`], for text that begins a line (after `> `): a leading `-`,
/// `+`, `=` or `1.` would start a list or a heading, so it is escaped too.
fn md_line(s: &str) -> String {
    let escaped = md(s);
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    match escaped[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &escaped[..digits], &escaped[digits..]),
        Some('-' | '+' | '=') if digits == 0 => format!("\\{escaped}"),
        _ => escaped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_paired_code_kept() {
        assert_eq!(md("a_b | *c* `x_y`"), r"a\_b \| \*c\* `x_y`");
        assert_eq!(md("a < b & c"), r"a \< b \& c");
        assert_eq!(md("one ` alone"), r"one \` alone");
        assert_eq!(md("[x](y)"), r"\[x\](y)");
    }

    #[test]
    fn a_line_start_that_would_be_a_list_is_escaped() {
        assert_eq!(md_line("1. first"), r"1\. first");
        assert_eq!(md_line("- item"), r"\- item");
        assert_eq!(md_line("2004 was a leap year"), "2004 was a leap year");
    }

    #[test]
    fn links_keep_their_destination_inside_angle_brackets() {
        assert_eq!(
            link("§ 2.14", "https://x.test/a b>c"),
            "[§ 2.14](<https://x.test/a%20b%3Ec>)"
        );
        assert_eq!(link("x", "javascript:alert(1)"), r"x (javascript:alert(1))");
    }
}
