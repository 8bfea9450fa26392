//! Content-line helpers for RFC 5545 output: TEXT escaping, octet folding
//! and the post-processing of the `ical` crate's `Emitter` output.
//!
//! Why this exists: `ical` 0.11's generator does not escape TEXT values and
//! folds lines by *characters* (so lines holding "§" or "—" exceed 75
//! octets). We therefore escape values before handing them to `ical`, then
//! unfold its output and re-fold it by octets here.

/// Maximum octets of a physical line, excluding the CRLF (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// Normalises free text before it is escaped (a sanitising, lossy step).
///
/// * CRLF and lone CR become LF, so every line break is later written as
///   `\n` (RFC 5545 §3.3.11).
/// * Other CONTROL characters (U+0000–U+001F except HTAB, and U+007F) are
///   dropped: RFC 5545 §3.3.11 `TSAFE-CHAR` excludes them.
/// * Trailing whitespace (other than line breaks, which survive as `\n`) is
///   trimmed: it would end a physical line, and conforming readers (the
///   `ical` crate among them) strip trailing whitespace of physical lines.
pub(crate) fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    let keep = out
        .trim_end_matches(|c: char| c.is_whitespace() && c != '\n')
        .len();
    out.truncate(keep);
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11, `ESCAPED-CHAR`).
///
/// `\` → `\\`, `;` → `\;`, `,` → `\,`, line breaks (LF, CRLF, lone CR) →
/// `\n`. `:` and `"` are *not* escaped (they are legal `TEXT` characters).
/// The result never contains CR or LF, which makes [`unfold`] exact.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape_text`] (`\N` is accepted as a newline, RFC 5545
/// §3.3.11; an unknown escape keeps the character after the backslash).
pub(crate) fn unescape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Folds one logical content line (without its CRLF) into physical lines
/// joined by CRLF + SPACE (RFC 5545 §3.1).
///
/// * Every physical line is at most 75 octets excluding the CRLF; the
///   leading space of a continuation line counts towards the 75.
/// * Breaks fall only on UTF-8 character boundaries ("multi-octet
///   characters MUST remain contiguous").
/// * A break is never placed right after whitespace (readers such as the
///   `ical` crate `trim_end` physical lines and would lose it), nor inside
///   a backslash escape pair such as `\,` (some clients mis-read those).
///   These two preferences are best-effort: when no such break exists in a
///   window (a run of more than 70-odd whitespace characters), the line is
///   still broken at the octet limit, because the limit is mandatory.
///
/// The result has no trailing CRLF.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 32 * 3);
    // (byte index, char, is this char an escape-introducing backslash)
    let mut chars: Vec<(usize, char, bool)> = Vec::with_capacity(line.len());
    let mut pending_escape = false;
    for (i, c) in line.char_indices() {
        let introduces = c == '\\' && !pending_escape;
        pending_escape = introduces;
        chars.push((i, c, introduces));
    }

    let mut start_char = 0; // index into `chars`
    let mut first = true;
    while start_char < chars.len() {
        let start_byte = chars[start_char].0;
        let budget = if first {
            MAX_LINE_OCTETS
        } else {
            MAX_LINE_OCTETS - 1
        };
        if line.len() - start_byte <= budget {
            if !first {
                out.push_str("\r\n ");
            }
            out.push_str(&line[start_byte..]);
            break;
        }
        // Candidate end positions (exclusive char indices) that fit the budget.
        let mut best_any = None;
        let mut best_no_ws = None;
        let mut best = None;
        for end in (start_char + 1)..chars.len() {
            if chars[end].0 - start_byte > budget {
                break;
            }
            let (_, prev, prev_escape) = chars[end - 1];
            best_any = Some(end);
            if !prev.is_whitespace() {
                best_no_ws = Some(end);
                if !prev_escape {
                    best = Some(end);
                }
            }
        }
        // A single char is at most 4 octets, so `best_any` is always set;
        // the `start_char + 1` fallback only guards against a logic slip.
        let end = best.or(best_no_ws).or(best_any).unwrap_or(start_char + 1);
        let end_byte = chars.get(end).map_or(line.len(), |&(i, _, _)| i);
        if !first {
            out.push_str("\r\n ");
        }
        out.push_str(&line[start_byte..end_byte]);
        start_char = end;
        first = false;
    }
    out
}

/// Unfolds content lines: removes every CRLF immediately followed by one
/// SPACE or HTAB (RFC 5545 §3.1). Exact for our output because escaped
/// values never contain CR or LF.
pub(crate) fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

/// Post-processes `Emitter` output into the final RFC 5545 text.
///
/// Normalises every line end to CRLF (RFC 5545 §3.1), undoes `ical`'s
/// character-based folding, drops empty lines and re-folds every content
/// line by octets with [`fold`]. The result ends with CRLF.
pub(crate) fn finish(emitted: &str) -> String {
    let crlf = emitted
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n");
    let unfolded = unfold(&crlf);
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 16);
    for logical in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        out.push_str(&fold(logical));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn physical_lines(folded: &str) -> Vec<&str> {
        folded.split("\r\n").collect()
    }

    #[test]
    fn escapes_specials_in_order() {
        assert_eq!(
            escape_text("Deadline, nominations; notice\\ok"),
            "Deadline\\, nominations\\; notice\\\\ok"
        );
        assert_eq!(escape_text("a\nb\r\nc\rd"), "a\\nb\\nc\\nd");
        assert_eq!(
            escape_text("Rule 14a-8: \"proposal\""),
            "Rule 14a-8: \"proposal\""
        );
        assert_eq!(escape_text("\\n"), "\\\\n");
    }

    #[test]
    fn unescape_reverses_escape() {
        let s = "a\\b;c,d\ne:f \\n §—";
        assert_eq!(unescape_text(&escape_text(s)), s);
    }

    #[test]
    fn clean_text_normalises() {
        assert_eq!(
            clean_text("a\r\nb\rc\u{0}d\u{7f}e\tf  \n "),
            "a\nb\ncde\tf  \n"
        );
        assert_eq!(clean_text("   "), "");
        assert_eq!(clean_text("§ — ok"), "§ — ok");
    }

    #[test]
    fn short_line_is_unchanged() {
        assert_eq!(fold("SUMMARY:short"), "SUMMARY:short");
        assert_eq!(fold(""), "");
        let exactly = "X".repeat(75);
        assert_eq!(fold(&exactly), exactly);
    }

    #[test]
    fn folds_ascii_at_75_then_74() {
        let line = "A".repeat(75 + 74 + 10);
        let folded = fold(&line);
        let lines = physical_lines(&folded);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[1].len(), 75);
        assert!(lines[1].starts_with(' '));
        assert_eq!(lines[2], format!(" {}", "A".repeat(10)));
        assert_eq!(unfold(&folded), line);
    }

    #[test]
    fn folds_by_octets_not_chars() {
        // 40 × "§" = 80 octets; 30 × "—" = 90 octets.
        let line = format!("DESCRIPTION:{}{}", "§".repeat(40), "—".repeat(30));
        let folded = fold(&line);
        for l in physical_lines(&folded) {
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        }
        assert_eq!(unfold(&folded), line);
    }

    #[test]
    fn never_breaks_after_whitespace_or_inside_escape() {
        // Position 74/75 is a space, then an escape pair straddles the limit.
        let line = format!("{}  \\,x{}", "B".repeat(72), "C".repeat(100));
        let folded = fold(&line);
        for l in physical_lines(&folded) {
            assert!(l.len() <= 75);
            assert!(!l.ends_with(char::is_whitespace), "{l:?}");
            assert!(!l.ends_with('\\'), "{l:?}");
        }
        assert_eq!(unfold(&folded), line);
        let line = format!("{}\\\\{}", "D".repeat(73), "E".repeat(10));
        let folded = fold(&line);
        assert!(
            physical_lines(&folded)[0].ends_with("\\\\")
                || physical_lines(&folded)[0].ends_with('D')
        );
        assert_eq!(unfold(&folded), line);
    }

    #[test]
    fn long_whitespace_run_still_respects_limit() {
        let line = format!("SUMMARY:a{}b", " ".repeat(200));
        let folded = fold(&line);
        for l in physical_lines(&folded) {
            assert!(l.len() <= 75);
        }
        assert_eq!(unfold(&folded), line);
    }

    #[test]
    fn finish_refolds_emitter_output() {
        // `ical` folds at 75 *characters*: this would be > 75 octets.
        let logical = format!("SUMMARY:{}", "§".repeat(70));
        let emitted = format!(
            "BEGIN:VEVENT\r\n{}\r\n {}\r\nEND:VEVENT\n",
            logical.chars().take(75).collect::<String>(),
            logical.chars().skip(75).collect::<String>()
        );
        let out = finish(&emitted);
        assert!(out.ends_with("END:VEVENT\r\n"));
        for l in out.split_terminator("\r\n") {
            assert!(l.len() <= 75);
            assert!(!l.contains('\n') && !l.contains('\r'));
        }
        assert_eq!(
            unfold(&out),
            format!("BEGIN:VEVENT\r\n{logical}\r\nEND:VEVENT\r\n")
        );
    }

    proptest! {
        #[test]
        fn fold_unfold_is_lossless(s in "\\PC*") {
            // No CR/LF inside a content line (escaped values never have them).
            let line: String = s.chars().filter(|c| *c != '\r' && *c != '\n').collect();
            let folded = fold(&line);
            for l in physical_lines(&folded) {
                prop_assert!(l.len() <= 75);
            }
            prop_assert_eq!(unfold(&folded), line);
        }

        #[test]
        fn fold_unfold_any_string(s in any::<String>()) {
            let line: String = s.chars().filter(|c| *c != '\r' && *c != '\n').collect();
            let folded = fold(&line);
            for l in physical_lines(&folded) {
                prop_assert!(l.len() <= 75);
            }
            prop_assert_eq!(unfold(&folded), line);
        }

        #[test]
        fn escape_roundtrip(s in any::<String>()) {
            let escaped = escape_text(&s);
            prop_assert!(!escaped.contains('\r') && !escaped.contains('\n'));
            let expected = s.replace("\r\n", "\n").replace('\r', "\n");
            prop_assert_eq!(unescape_text(&escaped), expected);
        }
    }
}
