//! The rulebook for counsel as one self-contained HTML page: inline CSS, no
//! script, no font, image or style sheet fetched from anywhere, and every
//! piece of the packs' text escaped. It prints on A4 and Letter.

use std::fmt::Write as _;

use crate::render::html::esc;

use super::counsel::{Counsel, INTRO, PackPart, RulePart, is_linkable, prose};

const CSS: &str = "body { font-family: Georgia, 'Times New Roman', serif; max-width: 50em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #111; }
h1, h2, h3, h4, nav { font-family: Helvetica, Arial, sans-serif; }
h2 { border-bottom: 2px solid #333; margin-top: 2.5em; }
h3 { border-bottom: 1px solid #999; margin-top: 2em; }
.provenance { font-size: 0.9em; color: #444; }
.intro { font-style: italic; }
nav ul { list-style: none; padding-left: 1em; }
dl { display: grid; grid-template-columns: 12em 1fr; gap: 0.3em 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
.badge { display: inline-block; padding: 0.1em 0.5em; border-radius: 0.3em; font-family: Helvetica, Arial, sans-serif; font-size: 0.85em; font-weight: bold; border: 1px solid; }
.badge.certain { background: #e8f3e8; border-color: #2d6a2d; color: #1d4d1d; }
.badge.uncertain { background: #fff1cc; border-color: #a86b00; color: #5c3b00; }
blockquote { margin: 0.5em 0; padding: 0.3em 1em; border-left: 4px solid #999; background: #f6f6f6; }
figcaption { font-size: 0.9em; color: #444; }
.none { color: #555; font-style: italic; }
.url { font-size: 0.85em; word-break: break-all; color: #444; }
@media print { body { margin: 0; max-width: none; } section.rule { break-inside: avoid-page; } a { color: inherit; } .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
";

/// Returns the rulebook as a standalone HTML page.
pub(super) fn write(book: &Counsel<'_>) -> String {
    let mut out = String::new();
    let title = esc(&book.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p class=\"provenance\">{}</p>\n<p class=\"intro\">{}</p>\n",
        prose_html(&book.provenance),
        esc(INTRO)
    );
    out.push_str("<nav>\n<h2>Contents</h2>\n<ul>\n");
    for p in &book.packs {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a>\n<ul>",
            esc(&p.anchor),
            esc(&prose(&p.pack.title))
        );
        for r in &p.rules {
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{}</a></li>",
                esc(&r.anchor),
                esc(&r.heading)
            );
        }
        out.push_str("</ul>\n</li>\n");
    }
    if !book.references.is_empty() {
        out.push_str("<li><a href=\"#references\">References</a></li>\n");
    }
    out.push_str("</ul>\n</nav>\n");
    for p in &book.packs {
        pack(&mut out, p);
    }
    if !book.references.is_empty() {
        out.push_str("<section id=\"references\">\n<h2>References</h2>\n<ol>\n");
        for r in &book.references {
            let _ = writeln!(
                out,
                "<li>{}<br><span class=\"url\">{}</span></li>",
                link(&r.label, &r.url),
                esc(&r.url)
            );
        }
        out.push_str("</ol>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn pack(out: &mut String, p: &PackPart<'_>) {
    let pack = p.pack;
    let _ = writeln!(
        out,
        "<section class=\"pack\" id=\"{}\">\n<h2>{}</h2>\n<dl>",
        esc(&p.anchor),
        esc(&prose(&pack.title))
    );
    row(out, "Pack id", &format!("<code>{}</code>", esc(&pack.id)));
    row(out, "Version", &esc(&pack.version));
    let source = match &pack.url {
        Some(u) => link(&pack.citation, u),
        None => esc(&prose(&pack.citation)),
    };
    row(out, "Source", &source);
    if let Some(a) = &pack.applies_to {
        row(out, "Applies to", &esc(&prose(&a.description)));
    }
    if let Some(n) = &pack.notes {
        row(out, "Notes", &prose_html(&prose(n)));
    }
    out.push_str("</dl>\n");
    for r in &p.rules {
        rule(out, r);
    }
    out.push_str("</section>\n");
}

fn rule(out: &mut String, r: &RulePart<'_>) {
    let rule = r.rule;
    let _ = writeln!(
        out,
        "<section class=\"rule\" id=\"{}\">\n<h3>{}</h3>",
        esc(&r.anchor),
        esc(&r.heading)
    );
    let mark = if r.badge.is_marked { "\u{26a0} " } else { "" };
    let _ = writeln!(
        out,
        "<p class=\"certainty\">Certainty: <span class=\"badge {}\">{mark}{}</span> {}</p>",
        r.badge.class,
        esc(r.badge.label),
        esc(r.badge.meaning)
    );
    out.push_str("<dl>\n");
    row(out, "Rule id", &format!("<code>{}</code>", esc(&r.full_id)));
    if let Some(w) = crate::render::rulebook::who_line(r.rule) {
        row(out, "Who", &esc(&w));
    }
    let citation = match &rule.url {
        Some(u) => link(&rule.citation, u),
        None => esc(&prose(&rule.citation)),
    };
    row(out, "Citation", &citation);
    row(
        out,
        "The pack\u{2019}s words",
        &prose_html(&prose(&rule.summary)),
    );
    row(
        out,
        "Generated from the expressions",
        &prose_html(&r.generated),
    );
    if let Some(n) = &rule.not_applicable {
        row(out, "Not applicable", &prose_html(&prose(n)));
    }
    if let Some(n) = &rule.notes {
        row(out, "Interpretation", &prose_html(&prose(n)));
    }
    out.push_str("</dl>\n<h4>The provision\u{2019}s text</h4>\n");
    match r.quote {
        Some(q) => {
            let _ = writeln!(
                out,
                "<figure class=\"quote\">\n<blockquote>{}</blockquote>\n<figcaption>\u{2014} {}</figcaption>\n</figure>",
                esc(&prose(&q.text)),
                esc(&prose(&q.source))
            );
        }
        None => out.push_str(
            "<p class=\"none\">The pack carries no text of the provision; read it at the citation.</p>\n",
        ),
    }
    if !r.cases.is_empty() {
        out.push_str("<h4>Conditional cases, tried in order</h4>\n<ol>\n");
        for c in &r.cases {
            let _ = writeln!(out, "<li>{}</li>", prose_html(c));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("<h4>Facts it needs</h4>\n<ul>\n");
    if r.facts.is_empty() && r.rule_refs.is_empty() {
        out.push_str("<li>none: the rule reads no fact of the meeting</li>\n");
    }
    for (name, phrase) in &r.facts {
        let _ = writeln!(out, "<li><code>{}</code>: {}</li>", esc(name), esc(phrase));
    }
    for id in &r.rule_refs {
        let _ = writeln!(out, "<li>the dates of rule <code>{}</code></li>", esc(id));
    }
    out.push_str("</ul>\n");
    if !r.worked.is_empty() {
        out.push_str("<h4>Worked cases</h4>\n<ol>\n");
        for c in &r.worked {
            let _ = writeln!(out, "<li>{}</li>", prose_html(c));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn row(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "<dt>{}</dt><dd>{value}</dd>", esc(label));
}

/// A link to `url`, or the label and the address as text when the address
/// is not one to follow.
fn link(label: &str, url: &str) -> String {
    let label = esc(&prose(label));
    if is_linkable(url) {
        format!("<a href=\"{}\">{label}</a>", esc(url))
    } else {
        format!("{label} ({})", esc(url))
    }
}

/// Escapes prose, setting paired `` `ids` `` in `<code>`; an unpaired
/// backtick stays a backtick.
fn prose_html(s: &str) -> String {
    if s.matches('`').count() % 2 == 1 {
        return esc(s);
    }
    s.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", esc(part))
            } else {
                esc(part)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc(r#"<b title="x">a & 'b'</b>"#),
            "&lt;b title=&quot;x&quot;&gt;a &amp; &#39;b&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn paired_backticks_are_code_and_a_lone_one_is_text() {
        assert_eq!(prose_html("`a<b` & c"), "<code>a&lt;b</code> &amp; c");
        assert_eq!(prose_html("a ` b"), "a ` b");
    }

    #[test]
    fn a_script_address_is_not_a_link() {
        assert_eq!(link("x", "javascript:alert(1)"), "x (javascript:alert(1))");
        assert_eq!(
            link("a&b", "https://x.test/?a=1&b=2"),
            "<a href=\"https://x.test/?a=1&amp;b=2\">a&amp;b</a>"
        );
    }
}
