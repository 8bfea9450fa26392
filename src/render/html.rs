//! Escaping for the HTML govcal writes (the timeline pages, the rulebook,
//! the drafted proxy section): one function, so that every page escapes
//! the same characters.

/// Escapes `s` for HTML text and attribute values (double or single
/// quoted): `&`, `<`, `>`, `"` and `'`; a control character other than a
/// line break or tab, which HTML does not allow in text, becomes U+FFFD.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}
