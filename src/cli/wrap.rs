//! Text for people wrapped to the terminal's width, when standard output
//! is a terminal; never in a pipe or a file, where a line is one line
//! whatever its length (a program, `grep` or a diff reads it whole).

use std::io::IsTerminal;

use textwrap::wrap_algorithms::wrap_first_fit;

use crate::render::rulebook::{Word, as_width};

/// Fewer columns than this are not worth wrapping to (a terminal that
/// says it has 0 columns, a `COLUMNS` typed wrong).
const NARROWEST: usize = 20;

/// The width to wrap standard output to: `None` unless it is a terminal.
pub(crate) fn stdout_width() -> Option<usize> {
    let terminal = std::io::stdout().is_terminal();
    let columns = std::env::var("COLUMNS").ok();
    let size = terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0));
    width(terminal, columns.as_deref(), size)
}

/// The width to wrap standard error to (diagnostics): `None` unless it is a
/// terminal, judged on standard error itself (`2>&1 | cat` is a pipe).
pub(crate) fn stderr_width() -> Option<usize> {
    let terminal = std::io::stderr().is_terminal();
    let columns = std::env::var("COLUMNS").ok();
    let size = terminal_size::terminal_size_of(std::io::stderr()).map(|(w, _)| usize::from(w.0));
    width(terminal, columns.as_deref(), size)
}

/// The width for a stdout that is a `terminal` or not, with `COLUMNS` as
/// set (it wins, as in `ls`) and the terminal's own size.
fn width(terminal: bool, columns: Option<&str>, size: Option<usize>) -> Option<usize> {
    if !terminal {
        return None;
    }
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .or(size)
        .filter(|w| *w >= NARROWEST)
}

/// `text` with each line longer than `width` characters broken between
/// words; a broken line goes on indented four more than it began. A word
/// longer than a line is not broken, nor is a table's row.
pub(crate) fn wrap_text(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let indent = &body[..body.len() - body.trim_start().len()];
        // A row of a table (columns apart by two spaces or more) is left
        // whole: broken, its columns would no longer line up.
        if body.chars().count() <= width || body.trim().contains("  ") {
            out.push_str(line);
            continue;
        }
        let rest = format!("{indent}    ");
        let words: Vec<Word<'_>> = body.split_whitespace().map(Word).collect();
        let room = |i: &str| as_width(width.saturating_sub(i.chars().count()).max(1));
        let widths = [room(indent), room(&rest)];
        for (i, piece) in wrap_first_fit(&words, &widths).iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(if i == 0 { indent } else { &rest });
            let words: Vec<&str> = piece.iter().map(|w| w.0).collect();
            out.push_str(&words.join(" "));
        }
        out.push_str(end);
    }
    out
}

/// `text` wrapped for standard output: as it is unless stdout is a
/// terminal.
pub(crate) fn for_stdout(text: String) -> String {
    match stdout_width() {
        Some(w) => wrap_text(&text, w),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_terminal_is_wrapped() {
        assert_eq!(width(false, Some("80"), Some(100)), None);
        assert_eq!(width(true, None, Some(100)), Some(100));
        assert_eq!(width(true, Some("72"), Some(100)), Some(72));
        assert_eq!(width(true, Some("x"), Some(100)), Some(100));
        assert_eq!(width(true, None, Some(0)), None);
        assert_eq!(width(true, None, None), None);
    }

    #[test]
    fn long_lines_break_between_words_with_a_hanging_indent() {
        let long = format!("  {}", "word ".repeat(20).trim_end());
        let text = format!("short\n{long}\nlast");
        let out = wrap_text(&text, 30);
        for line in out.lines() {
            assert!(line.chars().count() <= 30, "{line:?}");
        }
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "short");
        assert!(lines[1].starts_with("  word"));
        assert!(lines[2].starts_with("      word"));
        assert_eq!(*lines.last().unwrap(), "last");
        assert!(!out.ends_with('\n'));
        assert_eq!(out.split_whitespace().filter(|w| *w == "word").count(), 20);
        assert_eq!(wrap_text("a b\n", 30), "a b\n");
    }

    #[test]
    fn table_rows_keep_their_columns() {
        let row = format!("DATE{}TIME  BOUND  {}", " ".repeat(20), "x ".repeat(40));
        assert_eq!(wrap_text(&format!("{row}\n"), 30), format!("{row}\n"));
    }
}
