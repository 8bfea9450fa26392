//! Diagnostics: problems in a file the user wrote, each with its file, byte
//! span, message and optional help. Rendering belongs to miette and the CLI;
//! this module only records what is wrong and where.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use serde::Serialize;

/// A file's name as the user typed it and its text, shared by its diagnostics.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: String,
    /// How diagnostics name the file when that is not `name`: a built-in
    /// pack is `built-in pack bylaws/hemacare`, since `rules/…` exists
    /// only in govcal's own repository.
    shown: Option<String>,
}

impl SourceFile {
    /// Returns a shared source file named `name` holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<Self> {
        Arc::new(SourceFile {
            name: name.into(),
            text: text.into(),
            shown: None,
        })
    }

    /// Returns the source of the built-in pack `pack` (`bylaws/hemacare`):
    /// named `rules/bylaws/hemacare.toml`, as in govcal's repository, and
    /// shown in diagnostics as `built-in pack bylaws/hemacare`, which is
    /// true wherever govcal runs (the text is the one compiled in).
    pub fn builtin(pack: &str, text: impl Into<String>) -> Arc<Self> {
        Arc::new(SourceFile {
            name: format!("rules/{pack}.toml"),
            text: text.into(),
            shown: Some(format!("built-in pack {pack}")),
        })
    }

    /// Returns the name as the user typed it (for a built-in pack, its path
    /// under `rules/`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the name diagnostics give the file: the name as typed, or
    /// `built-in pack NAME` for a built-in pack.
    pub fn shown_name(&self) -> &str {
        self.shown.as_deref().unwrap_or(&self.name)
    }

    /// Returns the whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns the 1-based line and column (in characters) of byte `offset`.
    /// A line ends at `\n`, `\r\n` or a lone `\r` (old Mac files, some
    /// filings). Every location shown, in the location line and in the
    /// snippet's header, comes from here.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let bytes = self.text.as_bytes();
        let before = &self.text[..offset];
        // Counted with `matches`, which is fast on a large file: every LF,
        // and every CR not followed by LF (in the file, not just `before`).
        let mut line = 1 + before.matches('\n').count();
        if before.contains('\r') {
            line += before.matches('\r').count() - before.matches("\r\n").count();
            if before.ends_with('\r') && bytes.get(offset) == Some(&b'\n') {
                line -= 1;
            }
        }
        let start = line_start(bytes, offset);
        (line, self.text[start..offset].chars().count() + 1)
    }

    /// Returns what a diagnostic at `span` shows of this file: the line of
    /// its start with one line of context either side, each line cut to
    /// [`SNIPPET_WIDTH`] characters around the span's column (with `…`
    /// where cut), control characters shown as symbols, line breaks as
    /// `\n`; a span over more than [`SNIPPET_LINES`] lines is cut to them.
    pub fn excerpt(&self, span: &Range<usize>) -> Excerpt {
        let text = self.text.as_str();
        let bytes = text.as_bytes();
        let s = floor_char_boundary(text, span.start.min(text.len()));
        let e = floor_char_boundary(text, span.end.clamp(s, text.len()));
        let (line, col) = self.line_col(s);
        // The window of columns every line shows, so that lines align.
        let from = if col <= SNIPPET_WIDTH * 3 / 4 {
            0
        } else {
            col - 1 - SNIPPET_WIDTH / 2
        };
        let first = line_start(bytes, s);
        let mut starts = Vec::new();
        if first > 0 {
            starts.push(line_start(bytes, first - 1));
        }
        starts.push(first);
        // The span's lines (at most SNIPPET_LINES), then one more.
        let mut at = first;
        let mut span_lines = 1;
        loop {
            let end = line_end(bytes, at);
            let Some(next) = next_line(bytes, end) else {
                break;
            };
            starts.push(next);
            if next >= e || span_lines == SNIPPET_LINES {
                break;
            }
            span_lines += 1;
            at = next;
        }
        let mut out = String::new();
        let (mut mapped_s, mut mapped_e) = (None, None);
        for (n, &start) in starts.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            let end = line_end(bytes, start);
            let line_text = &text[start..end];
            if from > 0 && !line_text.is_empty() {
                out.push('…');
            }
            let mut shown_end = out.len();
            let mut cut = false;
            for (k, (i, c)) in line_text.char_indices().skip(from).enumerate() {
                if k == SNIPPET_WIDTH {
                    cut = true;
                    break;
                }
                if start + i == s {
                    mapped_s = Some(out.len());
                }
                if start + i == e && mapped_s.is_some() {
                    mapped_e = Some(out.len());
                }
                push_shown(&mut out, c);
                shown_end = out.len();
            }
            if mapped_s.is_none() && (start..=end).contains(&s) {
                // Past the window, or at the end of the line or the file.
                mapped_s = Some(shown_end);
            }
            if mapped_s.is_some() && mapped_e.is_none() && (start..=end).contains(&e) {
                mapped_e = Some(shown_end);
            }
            if cut {
                out.push('…');
            }
        }
        let start = mapped_s.unwrap_or(0);
        let end = mapped_e.unwrap_or(out.len()).max(start);
        if start == out.len() {
            // Something to point at when the span is at the very end.
            out.push(' ');
        }
        Excerpt {
            name: self.shown_name().to_owned(),
            text: out,
            first_line: self.line_col(starts[0]).0,
            span: start..end,
            line,
            col,
        }
    }
}

/// How many characters of each line a snippet shows.
pub const SNIPPET_WIDTH: usize = 120;

/// How many lines of a span a snippet shows.
pub const SNIPPET_LINES: usize = 5;

/// Whether byte `i` ends a line: `\n`, or a `\r` not followed by `\n`.
fn is_break(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => true,
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// The start of the line holding byte `at`.
fn line_start(bytes: &[u8], at: usize) -> usize {
    (0..at.min(bytes.len()))
        .rev()
        .find(|&i| is_break(bytes, i))
        .map_or(0, |i| i + 1)
}

/// The end of the text of the line starting at `start` (before its break).
fn line_end(bytes: &[u8], start: usize) -> usize {
    bytes[start..]
        .iter()
        .position(|b| matches!(b, b'\n' | b'\r'))
        .map_or(bytes.len(), |i| start + i)
}

/// The start of the line after the one whose text ends at `end`, if any.
fn next_line(bytes: &[u8], end: usize) -> Option<usize> {
    match bytes.get(end)? {
        b'\r' if bytes.get(end + 1) == Some(&b'\n') => Some(end + 2),
        _ => Some(end + 1),
    }
}

/// Pushes `c` as a snippet shows it: control characters as their symbols
/// (`␀` for NUL), so that a binary file cannot drive the terminal.
fn push_shown(out: &mut String, c: char) {
    let shown = match c {
        '\t' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    };
    out.push(shown);
}

/// What a diagnostic shows of its file (see [`SourceFile::excerpt`]): a
/// few short lines, with the real line numbers and the span's real line
/// and column.
#[derive(Debug)]
pub struct Excerpt {
    name: String,
    text: String,
    /// The line number of the first line of `text`.
    first_line: usize,
    /// The span, in `text`.
    span: Range<usize>,
    /// The span's line and column in the file.
    line: usize,
    col: usize,
}

impl Excerpt {
    /// Returns the span in the excerpt's text.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Returns the lines shown, joined by `\n`.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns the span's line and column in the file.
    pub fn line_col(&self) -> (usize, usize) {
        (self.line, self.col)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text.as_bytes();
        let offset = span.offset().min(text.len());
        let last = (offset + span.len()).min(text.len());
        // Where each line of the excerpt starts.
        let lines: Vec<usize> = std::iter::once(0)
            .chain(
                text.iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        let line_of = |at: usize| lines.partition_point(|&s| s <= at) - 1;
        let first = line_of(offset).saturating_sub(context_lines_before);
        let end_line = (line_of(last) + context_lines_after).min(lines.len() - 1);
        let start = lines[first];
        let end = lines.get(end_line + 1).map_or(text.len(), |&i| i);
        // The header's line and column are the file's, from
        // `SourceFile::line_col`, like the location line's.
        let column = if context_lines_before > 0 {
            0
        } else if offset == self.span.start {
            self.col - 1
        } else {
            self.text[lines[line_of(offset)]..offset].chars().count()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &text[start..end],
            (start, end - start).into(),
            self.first_line - 1 + first,
            column,
            end_line - first + 1,
        )))
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The whole file, for miette when a [`Diagnostic`] is rendered directly;
/// `render::diagnostics` shows an [`Excerpt`] instead. Lines and columns
/// are [`SourceFile::line_col`]'s.
impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let bytes = self.text.as_bytes();
        let offset = floor_char_boundary(&self.text, span.offset().min(bytes.len()));
        let last = (offset + span.len()).min(bytes.len());
        let mut start = line_start(bytes, offset);
        for _ in 0..context_lines_before {
            if start == 0 {
                break;
            }
            start = line_start(bytes, start - 1);
        }
        let mut end = line_end(bytes, line_start(bytes, last));
        for _ in 0..context_lines_after {
            match next_line(bytes, end) {
                Some(next) => end = line_end(bytes, next),
                None => break,
            }
        }
        let (line, col) = self.line_col(offset);
        let first_line = self.line_col(start).0;
        Ok(Box::new(MietteSpanContents::new_named(
            self.shown_name().to_owned(),
            &bytes[start..end],
            (start, end - start).into(),
            first_line - 1,
            if context_lines_before == 0 {
                col - 1
            } else {
                0
            },
            line - first_line + 1,
        )))
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file cannot be used as written.
    Error,
    /// The file works, but something should be looked at.
    Warning,
}

/// One problem in one user file: where, what, and how to fix it.
#[derive(Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the span points into.
    pub source: Arc<SourceFile>,
    /// Byte span of the offending text.
    pub span: Range<usize>,
    /// One lowercase line saying what was expected and what was found.
    pub message: String,
    /// A concrete fix, if one is known.
    pub help: Option<String>,
}

impl Diagnostic {
    /// Returns an error at `span` in `source`.
    pub fn error(source: &Arc<SourceFile>, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            source: Arc::clone(source),
            span,
            message: message.into(),
            help: None,
        }
    }

    /// Returns a warning at `span` in `source`.
    pub fn warning(
        source: &Arc<SourceFile>,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(source, span, message)
        }
    }

    /// Adds a help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a help line if there is one.
    #[must_use]
    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    /// Returns the 1-based line and column where the span starts.
    pub fn line_col(&self) -> (usize, usize) {
        self.source.line_col(self.span.start)
    }

    /// Returns `path:line:col`.
    pub fn location(&self) -> String {
        let (line, col) = self.line_col();
        format!("{}:{line}:{col}", self.source.shown_name())
    }

    /// Returns the JSON form used by `--format json`: severity, file (for a
    /// built-in pack, its path in govcal's source tree, with the pack's
    /// name in `built_in_pack`; `null` for any other file), line, column,
    /// byte span, message, help.
    pub fn to_json(&self) -> serde_json::Value {
        let (line, column) = self.line_col();
        let built_in = self
            .source
            .shown
            .as_deref()
            .and_then(|s| s.strip_prefix("built-in pack "));
        serde_json::json!({
            "severity": self.severity,
            "file": self.source.name(),
            "built_in_pack": built_in,
            "line": line,
            "column": column,
            "span": { "start": self.span.start, "end": self.span.end },
            "message": self.message,
            "help": self.help,
        })
    }
}

impl fmt::Debug for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&*self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let len = self.span.end.saturating_sub(self.span.start);
        Some(Box::new(std::iter::once(miette::LabeledSpan::new(
            Some("here".to_owned()),
            self.span.start,
            len,
        ))))
    }
}

/// Returns `text` whole if it has at most `max` characters, else its first
/// `max - 1` characters and `…`: for user text quoted in a message.
pub fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max.saturating_sub(1)) {
        Some((end, _)) if text[end..].chars().nth(1).is_some() => {
            format!("{}…", &text[..end]).into()
        }
        _ => text.into(),
    }
}

/// Returns "did you mean `x`?" for the closest of `known` to `name`, if any is close.
pub fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1);
    known
        .into_iter()
        .map(|k| (strsim::levenshtein(name, k), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| format!("did you mean `{k}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let src = SourceFile::new("a.toml", "ab\n§cd\n");
        assert_eq!(src.line_col(0), (1, 1));
        assert_eq!(src.line_col(3), (2, 1));
        // `§` is two bytes but one column.
        assert_eq!(src.line_col(5), (2, 2));
    }

    #[test]
    fn a_lone_cr_ends_a_line_and_crlf_is_one_break() {
        let src = SourceFile::new("a.txt", "a\rb\r\nc\n\rd");
        assert_eq!(src.line_col(2), (2, 1));
        assert_eq!(src.line_col(5), (3, 1));
        assert_eq!(src.line_col(8), (5, 1));
        // Between the CR and the LF of a CRLF: still the line the CR ends.
        assert_eq!(src.line_col(4), (2, 3));
        for (i, _) in src.text().char_indices() {
            let bytes = src.text().as_bytes();
            let slow = 1 + (0..i).filter(|&j| is_break(bytes, j)).count();
            assert_eq!(src.line_col(i).0, slow, "at {i}");
        }
    }

    #[test]
    fn an_excerpt_of_a_long_line_is_a_window_around_the_span() {
        let text = format!("{}here{}\nnext", "x".repeat(10_000), "y".repeat(10_000));
        let src = SourceFile::new("a.toml", text);
        let ex = src.excerpt(&(10_000..10_004));
        assert_eq!(ex.line_col(), (1, 10_001));
        assert_eq!(&ex.text()[ex.span()], "here");
        let first = ex.text().lines().next().unwrap();
        assert!(first.starts_with('…') && first.ends_with('…'), "{first}");
        assert_eq!(first.chars().count(), SNIPPET_WIDTH + 2);
        // The next line ends before the window: only `…` says it is there.
        assert_eq!(ex.text().lines().nth(1), Some("…"));
    }

    #[test]
    fn an_excerpt_shows_control_characters_as_symbols() {
        let src = SourceFile::new("a.bin", "\0\x1b[31m\x7f");
        let ex = src.excerpt(&(0..1));
        assert_eq!(ex.text(), "\u{2400}\u{241b}[31m\u{2421}");
        assert_eq!(&ex.text()[ex.span()], "\u{2400}");
    }

    #[test]
    fn an_excerpt_of_a_span_over_many_lines_keeps_a_few() {
        let text = "l\n".repeat(100);
        let src = SourceFile::new("a.toml", text);
        let ex = src.excerpt(&(2..150));
        // One line before, SNIPPET_LINES of the span, one after.
        assert_eq!(ex.text().lines().count(), SNIPPET_LINES + 2);
    }

    #[test]
    fn clip_cuts_long_text_with_an_ellipsis() {
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcd", 3), "ab…");
    }

    #[test]
    fn near_misses_get_a_suggestion() {
        let known = ["meeting", "prior_meeting", "announcement"];
        assert_eq!(
            did_you_mean("meting", known).as_deref(),
            Some("did you mean `meeting`?")
        );
        assert_eq!(did_you_mean("zzzzzz", known), None);
    }
}
