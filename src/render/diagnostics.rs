//! Diagnostics for people: miette's graphical report of each problem,
//! with its location line first.

use std::fmt::Write as _;

use crate::diag::Diagnostic;

/// Renders diagnostics for people with miette's handler: no colour unless
/// `color` is set.
pub fn render_diagnostics(diags: &[Diagnostic], color: bool) -> String {
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for d in diags {
        let _ = writeln!(out, "{}", d.location());
        let _ = handler.render_report(&mut out, d);
    }
    out
}
