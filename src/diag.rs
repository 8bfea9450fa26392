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
}

impl SourceFile {
    /// Returns a shared source file named `name` holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<Self> {
        Arc::new(SourceFile {
            name: name.into(),
            text: text.into(),
        })
    }

    /// Returns the name as the user typed it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns the 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
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
        format!("{}:{line}:{col}", self.source.name())
    }

    /// Returns the JSON form used by `--format json`: severity, file, line,
    /// column, byte span, message, help.
    pub fn to_json(&self) -> serde_json::Value {
        let (line, column) = self.line_col();
        serde_json::json!({
            "severity": self.severity,
            "file": self.source.name(),
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
    fn near_misses_get_a_suggestion() {
        let known = ["meeting", "prior_meeting", "announcement"];
        assert_eq!(
            did_you_mean("meting", known).as_deref(),
            Some("did you mean `meeting`?")
        );
        assert_eq!(did_you_mean("zzzzzz", known), None);
    }
}
