//! Diagnostics for people: miette's graphical report of each problem,
//! with its location line first.
//!
//! Each report shows an [`Excerpt`] of its file, not the file: a few lines
//! cut to a window around the problem, so that a 20 MB line (a binary file,
//! a minified document) prints a few hundred characters, not the file
//! twice (#18). The location line and the snippet's header both come from
//! [`crate::diag::SourceFile::line_col`].

use std::fmt::{self, Write as _};

use crate::diag::{Diagnostic, Excerpt, Severity, clip};

/// The longest message or help line shown, in characters; the rest is cut
/// with `…`.
const MAX_MESSAGE: usize = 1000;

/// Renders diagnostics for people with miette's handler: no colour unless
/// `color` is set, and no line broken (as for a pipe or a file). They come
/// in the order of their files, and within a file by position (the order
/// given is kept between files and for equal positions).
pub fn render_diagnostics(diags: &[Diagnostic], color: bool) -> String {
    render_diagnostics_to(diags, color, None)
}

/// As [`render_diagnostics`], with messages and help wrapped to `width`
/// columns when it is given (a terminal's width); with `None`, a line is
/// never broken, so that a program or `grep` reads each whole.
pub fn render_diagnostics_to(diags: &[Diagnostic], color: bool, width: Option<usize>) -> String {
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme);
    let handler = match width {
        Some(w) => handler.with_width(w),
        None => handler.with_wrap_lines(false),
    };
    let mut out = String::new();
    for d in in_file_order(diags) {
        let _ = writeln!(out, "{}", d.location());
        let shown = Shown::new(d);
        let _ = handler.render_report(&mut out, &shown);
    }
    out
}

/// `diags` grouped by file in the order each file first appears, and by
/// position within each file; a stable sort, so that problems at one place
/// keep their order.
pub fn in_file_order(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut files: Vec<&str> = Vec::new();
    for d in diags {
        if !files.contains(&d.source.name()) {
            files.push(d.source.name());
        }
    }
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort_by_key(|d| {
        (
            files.iter().position(|f| *f == d.source.name()),
            d.span.start,
        )
    });
    sorted
}

/// A diagnostic as shown: its excerpt instead of its file.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    excerpt: Excerpt,
    message: String,
    help: Option<String>,
}

impl<'a> Shown<'a> {
    fn new(diagnostic: &'a Diagnostic) -> Self {
        Shown {
            excerpt: diagnostic.source.excerpt(&diagnostic.span),
            message: clip(&diagnostic.message, MAX_MESSAGE).into_owned(),
            help: diagnostic
                .help
                .as_deref()
                .map(|h| clip(h, MAX_MESSAGE).into_owned()),
            diagnostic,
        }
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'b>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.excerpt)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.excerpt.span();
        Some(Box::new(std::iter::once(miette::LabeledSpan::new(
            Some("here".to_owned()),
            span.start,
            span.end - span.start,
        ))))
    }
}
