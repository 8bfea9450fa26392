//! Reading a user's file within a size limit. Each kind of input (facts
//! file, rule pack, filing, calendar) has a most that govcal reads, far
//! above any real file of its kind, so that a wrong file (`/dev/zero`, a
//! disk image, a log) is refused with a message naming it instead of
//! filling memory. The limit holds while reading: at most the limit and one
//! byte more are ever read, whatever the file claims its size is.
//!
//! Text that is not UTF-8 is a problem at the line and column of its first
//! bad byte. What a file's text means is not decided here.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, SourceFile};
use crate::error::{Error, Result};

const MIB: u64 = 1 << 20;

/// A kind of input file, with the most govcal reads of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A facts file (a company and its meeting's dates): a few hundred
    /// bytes in practice.
    Facts,
    /// A rule pack, bylaw template or holiday calendar: the largest shipped
    /// pack is 60 KB.
    Pack,
    /// A filing for `extract`, `verify` and `--from-filing`: a proxy
    /// statement in HTML is 5 to 20 MB, a full submission with its
    /// exhibits more.
    Filing,
    /// An earlier calendar export for `--previous`.
    Calendar,
}

impl FileKind {
    /// Returns the most bytes govcal reads of this kind of file.
    pub const fn limit(self) -> u64 {
        match self {
            FileKind::Facts => 4 * MIB,
            FileKind::Pack => 16 * MIB,
            FileKind::Filing | FileKind::Calendar => 64 * MIB,
        }
    }

    /// Returns the kind's name, as a message says it: "a facts file".
    pub const fn noun(self) -> &'static str {
        match self {
            FileKind::Facts => "a facts file",
            FileKind::Pack => "a rule pack",
            FileKind::Filing => "a filing",
            FileKind::Calendar => "a `--previous` calendar",
        }
    }

    /// Returns the fix to suggest for a file over the limit.
    const fn help(self) -> &'static str {
        match self {
            FileKind::Facts => {
                "is this the right file? A facts file names one company and its meeting's dates in a few lines of TOML"
            }
            FileKind::Pack => {
                "is this the right file? If it really is one rule pack, split it into several packs"
            }
            FileKind::Filing => {
                "is this the filing's text? Give the proxy statement or 8-K document itself rather than the whole submission with its exhibits, or cut the file down to the pages about the meeting"
            }
            FileKind::Calendar => {
                "is this the calendar govcal wrote before? Split the companies across several calendars"
            }
        }
    }
}

/// Whether `path` is `-`, which names standard input wherever govcal reads
/// a file.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// For a relative path named inside what was read from standard input
/// (`where_`), where it was looked for: a note naming the working
/// directory, and a help line that offers `instead` (the file's own path)
/// in place of `-`.
pub fn relative_to_stdin_note(where_: &str, instead: &str) -> (String, String) {
    let cwd = std::env::current_dir().map_or_else(
        |_| "the working directory".to_owned(),
        |d| format!("the working directory, `{}`", d.display()),
    );
    (
        format!(
            "the path comes from {where_}, which has no folder of its own, so a relative path there is looked up from {cwd}"
        ),
        format!("run govcal from the file's folder, or give {instead}"),
    )
}

/// The name of the file at `path` in messages: as typed, or `<stdin>` for
/// `-`.
pub fn source_name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Standard input, read once (at most the largest limit and one byte) and
/// kept: a run may look at its input twice (`explain -` first asks whether
/// it is a rule pack).
fn stdin_bytes() -> std::io::Result<&'static [u8]> {
    static STDIN: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    if let Some(b) = STDIN.get() {
        return Ok(b);
    }
    let most = FileKind::Filing.limit().max(FileKind::Calendar.limit());
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(most.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(STDIN.get_or_init(|| bytes))
}

/// Reads at most `kind`'s limit of the file at `path` (standard input for
/// `-`).
///
/// # Errors
///
/// [`Error::Read`] if the file cannot be read; [`Error::TooLarge`] if it
/// holds more than [`FileKind::limit`] bytes (known from its size when it is
/// a regular file, found by reading one byte past the limit otherwise).
pub fn read_bytes(path: &Path, kind: FileKind) -> Result<Vec<u8>> {
    read_bytes_within(path, kind, kind.limit())
}

/// As [`read_bytes`] with another limit, so that tests can use a small one.
fn read_bytes_within(path: &Path, kind: FileKind, limit: u64) -> Result<Vec<u8>> {
    let read_err = |source| Error::Read {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| Error::TooLarge {
        path: path.to_owned(),
        what: kind.noun(),
        size,
        limit,
        help: kind.help(),
    };
    if is_stdin(path) {
        let bytes = stdin_bytes().map_err(read_err)?;
        if bytes.len() as u64 > limit {
            return Err(too_large(None));
        }
        return Ok(bytes.to_vec());
    }
    let file = std::fs::File::open(path).map_err(read_err)?;
    // A regular file says its size: refuse it without reading. Devices,
    // pipes and files that grow are held to the limit while reading.
    let size = file
        .metadata()
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len());
    if let Some(n) = size
        && n > limit
    {
        return Err(too_large(Some(n)));
    }
    let expected = size.unwrap_or(64 * 1024).min(limit) + 1;
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(None));
    }
    Ok(bytes)
}

/// Reads the text of the file at `path`, within `kind`'s limit, as a
/// source named as the user typed it.
///
/// # Errors
///
/// As [`read_bytes`]; [`Error::Invalid`] for text that is not UTF-8, at the
/// line and column of its first bad byte.
pub fn read_text(path: &Path, kind: FileKind) -> Result<Arc<SourceFile>> {
    let bytes = read_bytes(path, kind)?;
    text_of(&source_name(path), bytes, kind).map_err(|d| Error::Invalid {
        diagnostics: vec![d],
    })
}

/// Returns `bytes` as a source, or the problem at the first byte that is
/// not UTF-8.
fn text_of(
    name: &str,
    bytes: Vec<u8>,
    kind: FileKind,
) -> std::result::Result<Arc<SourceFile>, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bad = e.as_bytes()[at];
            // The text before the bad byte is unchanged by the lossy
            // conversion, so `at` is the bad byte's place in both, and the
            // replacement character there is 3 bytes long.
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let source = SourceFile::new(name, text);
            Err(Diagnostic::error(
                &source,
                at..at + '\u{fffd}'.len_utf8(),
                format!(
                    "not UTF-8 text (byte 0x{bad:02X}): {} must be UTF-8",
                    kind.noun()
                ),
            )
            .with_help(
                "save the file as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\")",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.toml");
        std::fs::write(&path, bytes).unwrap();
        (dir, path)
    }

    #[test]
    fn a_file_at_the_limit_is_read_and_one_byte_more_is_refused_with_its_size() {
        let (_dir, path) = file_with(&[b'a'; 100]);
        assert_eq!(
            read_bytes_within(&path, FileKind::Facts, 100)
                .unwrap()
                .len(),
            100
        );
        match read_bytes_within(&path, FileKind::Facts, 99) {
            Err(Error::TooLarge {
                size, limit, what, ..
            }) => {
                assert_eq!((size, limit, what), (Some(100), 99, "a facts file"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_endless_stream_is_read_only_to_the_limit() {
        // `/dev/zero` never ends: reading it all would never return.
        match read_bytes_within(Path::new("/dev/zero"), FileKind::Calendar, 1000) {
            Err(Error::TooLarge { size: None, .. }) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sizes_read_as_mib_rounded_up() {
        use crate::error::size_text;
        assert_eq!(size_text(64 * MIB), "64 MiB");
        assert_eq!(size_text(64 * MIB + 1), "64.1 MiB");
        assert_eq!(size_text(900), "900 bytes");
    }

    #[test]
    fn the_limits_leave_room_for_real_files() {
        assert!(
            FileKind::Filing.limit() >= 50 * MIB,
            "a big proxy statement"
        );
        assert!(FileKind::Facts.limit() >= MIB);
        assert!(FileKind::Pack.limit() >= FileKind::Facts.limit());
    }

    #[test]
    fn text_that_is_not_utf8_is_located_at_its_first_bad_byte() {
        let d = text_of(
            "f.toml",
            b"[company]\nname = \"Caf\xe9\"\n".to_vec(),
            FileKind::Facts,
        )
        .unwrap_err();
        assert_eq!(d.location(), "f.toml:2:12");
        assert!(d.message.contains("byte 0xE9"), "{}", d.message);
        assert_eq!(&d.source.text()[d.span.clone()], "\u{fffd}");
    }
}
