//! Content-line helpers for RFC 5545 output: TEXT escaping, octet folding,
//! and [`Lines`], which writes a calendar's content lines straight into a
//! buffer, cleaning, escaping and folding each value in one pass.
//!
//! The calendar is written here rather than through the `ical` crate's
//! generator: that generator does not escape TEXT values and folds lines by
//! *characters* (so lines holding "§" or "—" exceed 75 octets), and undoing
//! and redoing its output cost more than writing it. `ical` still reads
//! calendars back (`previous`) and checks the output in tests.

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
#[cfg(test)]
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
#[cfg(test)]
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
#[cfg(test)]
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 32 * 3);
    fold_into(&mut out, line);
    out
}

/// Unfolds content lines: removes every CRLF immediately followed by one
/// SPACE or HTAB (RFC 5545 §3.1). Exact for our output because escaped
/// values never contain CR or LF.
#[cfg(test)]
pub(crate) fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

/// Appends `text` to `out` as a TEXT value: [`clean_text`] then
/// [`escape_text`], in one pass and without allocating.
pub(crate) fn push_text(out: &mut String, text: &str) {
    // Trailing whitespace and dropped controls go (clean_text trims after
    // dropping); a line break, CR or LF, ends the trim.
    let keep = text
        .trim_end_matches(|c: char| {
            c != '\n' && c != '\r' && (c.is_whitespace() || c.is_ascii_control())
        })
        .len();
    let bytes = &text.as_bytes()[..keep];
    let mut run = 0; // start of the run of bytes copied as they are
    let mut i = 0;
    while i < bytes.len() {
        // Most text has nothing to escape: skip to the next byte that does.
        match bytes[i..].iter().position(|&b| SPECIAL[usize::from(b)]) {
            Some(k) => i += k,
            None => break,
        }
        out.push_str(&text[run..i]);
        match bytes[i] {
            b'\\' => out.push_str("\\\\"),
            b';' => out.push_str("\\;"),
            b',' => out.push_str("\\,"),
            b'\n' => out.push_str("\\n"),
            b'\r' => {
                out.push_str("\\n");
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => {} // another control character: dropped
        }
        i += 1;
        run = i;
    }
    out.push_str(&text[run..keep]);
}

/// The bytes [`push_text`] does not copy as they are: the TEXT specials
/// and the control characters other than HTAB.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != 0x09;
        b += 1;
    }
    t[0x7f] = true;
    t[b'\\' as usize] = true;
    t[b';' as usize] = true;
    t[b',' as usize] = true;
    t
};

/// Appends the logical content line `line` to `out`, folded as [`fold`]
/// folds it, with no trailing CRLF. Works on octets: the common case, a
/// line that fits, is one copy.
pub(crate) fn fold_into(out: &mut String, line: &str) {
    let mut start = 0;
    let mut budget = MAX_LINE_OCTETS;
    loop {
        if line.len() - start <= budget {
            out.push_str(&line[start..]);
            return;
        }
        let end = break_at(line, start, start + budget);
        out.push_str(&line[start..end]);
        out.push_str("\r\n ");
        start = end;
        budget = MAX_LINE_OCTETS - 1;
    }
}

/// Where to end a physical line that starts at `start` and may run to
/// `limit` (exclusive, `limit < line.len()`): the last character boundary
/// in `start + 1..=limit` not just after whitespace nor after a backslash
/// that opens an escape pair; failing that, the last not after whitespace;
/// failing that, the last boundary.
fn break_at(line: &str, start: usize, limit: usize) -> usize {
    let mut last = limit;
    while !line.is_char_boundary(last) {
        last -= 1;
    }
    let mut not_after_space = None;
    let mut end = last;
    while end > start {
        let mut prev = end - 1;
        while !line.is_char_boundary(prev) {
            prev -= 1;
        }
        let c = line[prev..end].chars().next().unwrap_or(' ');
        if !c.is_whitespace() {
            not_after_space.get_or_insert(end);
            if !(c == '\\' && opens_escape(line, prev)) {
                return end;
            }
        }
        end = prev;
    }
    not_after_space.unwrap_or(last)
}

/// Whether the backslash at `at` opens an escape pair: it does when the run
/// of backslashes ending at it is of odd length.
fn opens_escape(line: &str, at: usize) -> bool {
    let run = line.as_bytes()[..=at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    run % 2 == 1
}

/// Writes content lines (RFC 5545 §3.1) into a buffer: each line is built
/// in a scratch buffer and then folded into the output with its CRLF.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    /// The text written so far.
    pub(crate) out: String,
    line: String,
}

impl Lines {
    /// A writer with room for about `capacity` octets.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Lines {
            out: String::with_capacity(capacity),
            line: String::with_capacity(256),
        }
    }

    /// A line written as it is (a fixed line such as `BEGIN:VEVENT`).
    pub(crate) fn raw(&mut self, line: &str) {
        fold_into(&mut self.out, line);
        self.out.push_str("\r\n");
    }

    /// `NAME:value`, where `name` may carry parameters
    /// (`DTSTART;VALUE=DATE`) and `value` appends the value.
    pub(crate) fn prop(&mut self, name: &str, value: impl FnOnce(&mut String)) {
        self.prop_if(name, |s| {
            value(s);
            true
        });
    }

    /// As [`Lines::prop`], but `value` may decline (return false) and then
    /// no line is written.
    pub(crate) fn prop_if(&mut self, name: &str, value: impl FnOnce(&mut String) -> bool) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        if value(&mut self.line) {
            fold_into(&mut self.out, &self.line);
            self.out.push_str("\r\n");
        }
    }

    /// `NAME;PARAM=value:...` with one parameter of fixed ASCII (a zone
    /// name, never user text).
    pub(crate) fn prop_param(
        &mut self,
        name: &str,
        (param, param_value): (&str, &str),
        value: impl FnOnce(&mut String),
    ) {
        self.line.clear();
        for part in [name, ";", param, "=", param_value, ":"] {
            self.line.push_str(part);
        }
        value(&mut self.line);
        fold_into(&mut self.out, &self.line);
        self.out.push_str("\r\n");
    }

    /// `NAME:` and `text` as an escaped TEXT value; none when the cleaned
    /// value is empty and `skip_empty` is set.
    pub(crate) fn text(&mut self, name: &str, text: &str, skip_empty: bool) {
        self.prop_if(name, |s| {
            let before = s.len();
            push_text(s, text);
            !skip_empty || s.len() > before
        });
    }
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
    fn reference_fold(line: &str) -> String {
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
        fn one_pass_folding_agrees_with_the_reference(s in "[ -~§—\\\\ \u{a0}\u{3000}]{0,400}") {
            prop_assert_eq!(fold(&s), reference_fold(&s));
        }

        #[test]
        fn one_pass_folding_agrees_on_any_string(s in any::<String>()) {
            let line: String = s.chars().filter(|c| *c != '\r' && *c != '\n').collect();
            prop_assert_eq!(fold(&line), reference_fold(&line));
        }

        #[test]
        fn push_text_is_clean_then_escape(s in any::<String>()) {
            let mut out = String::from("X:");
            push_text(&mut out, &s);
            prop_assert_eq!(&out[2..], escape_text(&clean_text(&s)));
        }

        #[test]
        fn push_text_on_text_with_line_breaks(s in "[a \t\r\n,;\\\\\u{1}\u{7f}\u{85}§]{0,60}") {
            let mut out = String::new();
            push_text(&mut out, &s);
            prop_assert_eq!(out, escape_text(&clean_text(&s)));
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
