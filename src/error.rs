//! The crate's one public error type, [`Error`], and its [`Result`] alias.
//!
//! An [`Error`] means an operation could not proceed. Problems in a file the
//! user wrote are [`Diagnostic`]s and travel together in [`Error::Invalid`].

use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::model::calendar::CalendarError;

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why an operation failed. Problems in user files travel in [`Error::Invalid`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("failed to read `{}`", .path.display())]
    Read {
        /// The path as the user gave it.
        path: PathBuf,
        /// The cause; the reporter prints it after `: `.
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("failed to write `{}`", .path.display())]
    Write {
        /// The path as the user gave it.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file holds more than govcal reads of its kind of input.
    #[error(
        "`{}` is {}larger than {what} may be (at most {})",
        .path.display(),
        .size.map(|n| format!("{}, ", size_text(n))).unwrap_or_default(),
        size_text(*.limit)
    )]
    TooLarge {
        /// The path as the user gave it.
        path: PathBuf,
        /// What it was read as: "a facts file", "a filing".
        what: &'static str,
        /// Its size when the system knows it (a regular file), in bytes.
        size: Option<u64>,
        /// The most govcal reads of such a file, in bytes.
        limit: u64,
        /// What to do about it.
        help: &'static str,
    },
    /// Input files are wrong; nothing was computed.
    #[error("found {}", plural(.diagnostics.len(), "problem", "problems"))]
    Invalid {
        /// Every problem found, in file order.
        diagnostics: Vec<Diagnostic>,
    },
    /// A value given on the command line is wrong.
    #[error("{message}")]
    Usage {
        /// What is wrong, in the style of a diagnostic message.
        message: String,
        /// A concrete fix, if one is known.
        help: Option<String>,
    },
    /// A rule could not be evaluated.
    #[error("rule `{rule}`: {source}")]
    Rule {
        /// The rule's full id, `<pack>/<rule>`.
        rule: String,
        /// The cause.
        source: Box<Error>,
    },
    /// Holiday calendar data is missing for a date, or date arithmetic overflowed.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// Date arithmetic left the range chrono can represent.
    #[error("date arithmetic left the supported range")]
    OutOfRange,
}

impl Error {
    /// Returns an [`Error::Usage`] with `message` and an optional fix.
    pub fn usage(message: impl Into<String>, help: Option<String>) -> Self {
        Error::Usage {
            message: message.into(),
            help,
        }
    }
}

/// Returns a size in bytes as people read it: "64 MiB", "70.5 MiB", "900 bytes".
pub(crate) fn size_text(bytes: u64) -> String {
    const MIB: u64 = 1 << 20;
    if bytes < MIB {
        format!("{bytes} bytes")
    } else if bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else {
        // Tenths of a MiB, rounded up: a file one byte over a limit never
        // reads as equal to it.
        let tenths = (bytes * 10).div_ceil(MIB);
        format!("{}.{} MiB", tenths / 10, tenths % 10)
    }
}

/// Returns "1 problem" or "3 problems".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}
