//! Where a command's output goes (`--output`, `-o`): standard output, a
//! file replaced atomically, or a device or pipe written in place.
//!
//! * `-` (and `/dev/stdout`, `/dev/fd/1`) is standard output, written
//!   through govcal's own, so a pipe or `>>` behave as the shell set them up.
//! * A path that is not a regular file (a device such as `/dev/null`, a
//!   FIFO, a socket) is opened and written in place, never renamed over; so
//!   is any path under `/dev` or `/proc`. A write error there (`/dev/full`:
//!   no space left) is an error like any other.
//! * Anything else is written to a temporary file `.NAME.PID.tmp` in the
//!   folder of the file it finally names (symbolic links followed, so the
//!   link stays a link and the file it points to is replaced), then renamed
//!   over it. The temporary file takes the replaced file's permissions.
//!
//! A temporary file is registered while it exists: on SIGINT or SIGTERM a
//! handler removes the registered files and exits 130 or 143. A run killed
//! outright (SIGKILL) cannot clean up, so each run removes the temporary
//! files of its target that belong to a process that is no longer alive.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use crate::error::{Error, Result};

/// Whether `path` names standard output: `-`, `/dev/stdout`, `/dev/fd/1`.
pub(crate) fn is_stdout(path: &Path) -> bool {
    path.to_str()
        .is_some_and(|p| matches!(p, "-" | "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1"))
}

/// The temporary files being written, for the signal handler to remove.
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temps() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Installs, once, a handler for SIGINT and SIGTERM that removes the
/// temporary files being written and exits 130 or 143 (128 and the
/// signal, as a shell reports a process the signal killed).
///
/// The handler is a thread that waits for the signals (signal-hook's
/// iterator), not code run inside the signal: removing files and exiting
/// there would not be safe. The thread holds the list of temporary files
/// locked from the signal to the exit, so a file cannot be created after
/// the list was emptied.
fn install_handler() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGINT, SIGTERM};
            if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) {
                let _ = std::thread::Builder::new()
                    .name("signals".to_owned())
                    .spawn(move || {
                        if let Some(signal) = signals.forever().next() {
                            let list = temps();
                            for tmp in list.iter() {
                                let _ = fs::remove_file(tmp);
                            }
                            std::process::exit(128 + signal);
                        }
                    });
            }
        }
    });
}

/// Creates the temporary file `tmp` and registers it, under the lock the
/// signal handler takes.
fn create_temp(tmp: &Path, permissions: Option<fs::Permissions>) -> io::Result<File> {
    install_handler();
    let mut list = temps();
    let file = File::create(tmp)?;
    list.push(tmp.to_owned());
    drop(list);
    if let Some(p) = permissions {
        // The replaced file's mode, so that replacing does not change who
        // may read it. Not fatal: the content matters more.
        let _ = file.set_permissions(p);
    }
    Ok(file)
}

/// Removes the temporary file `tmp` and forgets it.
fn remove_temp(tmp: &Path) {
    let mut list = temps();
    let _ = fs::remove_file(tmp);
    list.retain(|t| t != tmp);
}

/// Renames the temporary file `tmp` over `target` and forgets it.
fn rename_temp(tmp: &Path, target: &Path) -> io::Result<()> {
    let mut list = temps();
    let renamed = fs::rename(tmp, target);
    if renamed.is_err() {
        let _ = fs::remove_file(tmp);
    }
    list.retain(|t| t != tmp);
    renamed
}

/// Opens a scratch file at `path` for reading and writing, and removes its
/// name at once (where the system allows), so that nothing is left behind
/// however the run ends. The signal handler cannot run between the two.
pub(crate) fn scratch_file(path: &Path) -> io::Result<File> {
    install_handler();
    let list = temps();
    let file = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    #[cfg(unix)]
    let _ = fs::remove_file(path);
    drop(list);
    Ok(file)
}

/// How a path is written.
enum Plan {
    /// Opened and written where it is (a device, a FIFO, a path in `/dev`).
    InPlace { create: bool },
    /// Written beside `target` (the file the path names once links are
    /// followed), then renamed over it.
    Atomic {
        target: PathBuf,
        permissions: Option<fs::Permissions>,
    },
}

fn plan(path: &Path) -> io::Result<Plan> {
    if let Ok(m) = fs::metadata(path) {
        if m.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "it is a folder; give a file name",
            ));
        }
        if !m.is_file() {
            return Ok(Plan::InPlace { create: false });
        }
    }
    if path.starts_with("/dev") || path.starts_with("/proc") {
        // No temporary file in `/dev`.
        return Ok(Plan::InPlace { create: true });
    }
    // Follow symbolic links to the file they name, which may not exist yet
    // (a link to a file still to be written).
    let mut target = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&target) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&target)?;
                target = match target.parent() {
                    Some(dir) => dir.join(link),
                    None => link,
                };
            }
            Ok(m) => {
                return Ok(Plan::Atomic {
                    target,
                    permissions: Some(m.permissions()),
                });
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Plan::Atomic {
                    target,
                    permissions: None,
                });
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The temporary file for writing `target` atomically: `.NAME.PID.tmp` in
/// its folder.
pub(crate) fn temp_beside(target: &Path) -> PathBuf {
    let dir = folder_of(target);
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The process id in the name of a temporary file govcal writes for a file
/// named `name` (`.NAME.PID.tmp`, or `.NAME.PID.events.tmp` for a merged
/// calendar's events), or for any calendar (`*.ics`) when `name` is `None`.
fn temp_owner(file: &str, name: Option<&str>) -> Option<u32> {
    let inner = file.strip_prefix('.')?.strip_suffix(".tmp")?;
    let inner = inner.strip_suffix(".events").unwrap_or(inner);
    let (of, pid) = inner.rsplit_once('.')?;
    let ours = match name {
        Some(n) => of == n,
        // The calendars govcal names itself (`COMPANY.CYCLE.ics`).
        None => of
            .strip_suffix("ics")
            .is_some_and(|stem| stem.len() > 1 && stem.ends_with('.')),
    };
    (ours && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        .then(|| pid.parse().ok())
        .flatten()
}

/// Whether process `pid` is running. Without `/proc` this cannot be told
/// cheaply, and every process counts as running.
fn is_alive(pid: u32) -> bool {
    !Path::new("/proc/self").exists() || Path::new(&format!("/proc/{pid}")).exists()
}

/// Removes from `dir` the temporary files govcal left writing `name` (or
/// any calendar, for `None`) in a run that was killed: those whose process
/// is no longer running.
pub(crate) fn sweep_stale(dir: &Path, name: Option<&str>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file.to_str().and_then(|f| temp_owner(f, name)) else {
            continue;
        };
        if pid != me && !is_alive(pid) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// An output file being written.
pub(crate) struct OutFile {
    file: BufWriter<File>,
    /// The path as the user gave it, for messages.
    path: PathBuf,
    /// For an atomic write: the temporary file and the file it replaces.
    atomic: Option<(PathBuf, PathBuf)>,
}

impl OutFile {
    /// Opens `path` for writing, first removing the temporary files that
    /// killed runs left for it.
    ///
    /// # Errors
    ///
    /// [`Error::Write`] if it cannot be opened (or is a folder).
    pub(crate) fn create(path: &Path) -> Result<OutFile> {
        Self::open(path, true)
    }

    /// As [`OutFile::create`], in a folder already swept with
    /// [`sweep_stale`] (one sweep for the thousands of files of
    /// `--output-dir`, not one for each).
    pub(crate) fn create_swept(path: &Path) -> Result<OutFile> {
        Self::open(path, false)
    }

    fn open(path: &Path, sweep: bool) -> Result<OutFile> {
        let err = |source| Error::Write {
            path: path.to_owned(),
            source,
        };
        let (file, atomic) = match plan(path).map_err(err)? {
            Plan::InPlace { create } => {
                let file = File::options()
                    .write(true)
                    .create(create)
                    .truncate(create)
                    .open(path)
                    .map_err(err)?;
                (file, None)
            }
            Plan::Atomic {
                target,
                permissions,
            } => {
                if sweep && let Some(name) = target.file_name().and_then(|n| n.to_str()) {
                    sweep_stale(folder_of(&target), Some(name));
                }
                let tmp = temp_beside(&target);
                let file = create_temp(&tmp, permissions).map_err(err)?;
                (file, Some((tmp, target)))
            }
        };
        Ok(OutFile {
            file: BufWriter::with_capacity(1 << 16, file),
            path: path.to_owned(),
            atomic,
        })
    }

    /// The path as the user gave it.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The folder scratch files for this output go in: the folder of the
    /// file it replaces, or none for a device.
    pub(crate) fn scratch_dir(&self) -> Option<&Path> {
        self.atomic.as_ref().map(|(tmp, _)| folder_of(tmp))
    }

    /// Flushes, and for an atomic write puts the file in place.
    ///
    /// # Errors
    ///
    /// [`Error::Write`] if writing, syncing or renaming fails; the
    /// temporary file is then removed.
    pub(crate) fn finish(mut self) -> Result<()> {
        let path = self.path.clone();
        let err = |source| Error::Write {
            path: path.clone(),
            source,
        };
        let atomic = self.atomic.take();
        let flushed = self.file.flush();
        let result = match &atomic {
            None => flushed,
            Some((tmp, target)) => flushed
                .and_then(|()| self.file.get_ref().sync_all())
                .and_then(|()| rename_temp(tmp, target)),
        };
        if let (Err(_), Some((tmp, _))) = (&result, &atomic) {
            remove_temp(tmp);
        }
        result.map_err(err)
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for OutFile {
    /// An output given up (an error, a panic) leaves no temporary file.
    fn drop(&mut self) {
        if let Some((tmp, _)) = self.atomic.take() {
            remove_temp(&tmp);
        }
    }
}

/// A command's output: standard output or a file.
pub(crate) enum Output {
    /// Standard output (no `--output`, or `-o -`).
    Stdout(BufWriter<io::Stdout>),
    /// A file.
    File(OutFile),
}

impl Output {
    /// Standard output for `None` and `-`, else the file.
    ///
    /// # Errors
    ///
    /// [`Error::Write`] if the file cannot be opened.
    pub(crate) fn open(path: Option<&Path>) -> Result<Output> {
        match path.filter(|p| !is_stdout(p)) {
            None => Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            ))),
            Some(p) => OutFile::create(p).map(Output::File),
        }
    }

    /// Whether this is standard output.
    pub(crate) fn is_stdout(&self) -> bool {
        matches!(self, Output::Stdout(_))
    }

    /// The output's name in messages.
    pub(crate) fn name(&self) -> PathBuf {
        match self {
            Output::Stdout(_) => "<stdout>".into(),
            Output::File(f) => f.path.clone(),
        }
    }

    /// See [`OutFile::scratch_dir`]; none for standard output.
    pub(crate) fn scratch_dir(&self) -> Option<&Path> {
        match self {
            Output::Stdout(_) => None,
            Output::File(f) => f.scratch_dir(),
        }
    }

    /// Flushes and puts a file in place. A closed pipe on standard output
    /// is not an error.
    ///
    /// # Errors
    ///
    /// [`Error::Write`] if it cannot be written.
    pub(crate) fn finish(self) -> Result<()> {
        match self {
            Output::Stdout(mut out) => match out.flush() {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Write {
                    path: "<stdout>".into(),
                    source: e,
                }),
                _ => Ok(()),
            },
            Output::File(f) => f.finish(),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File(f) => f.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.write_all(buf),
            Output::File(f) => f.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File(f) => f.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_files_are_recognised_by_name_and_process() {
        assert_eq!(temp_owner(".out.ics.123.tmp", Some("out.ics")), Some(123));
        assert_eq!(
            temp_owner(".out.ics.123.events.tmp", Some("out.ics")),
            Some(123)
        );
        assert_eq!(temp_owner(".out.ics.123.tmp", Some("other.ics")), None);
        assert_eq!(temp_owner(".out.ics.12a.tmp", Some("out.ics")), None);
        assert_eq!(temp_owner(".out.ics..tmp", Some("out.ics")), None);
        assert_eq!(temp_owner("out.ics.123.tmp", Some("out.ics")), None);
        assert_eq!(temp_owner(".acme.2026.ics.9.tmp", None), Some(9));
        assert_eq!(temp_owner(".notes.txt.9.tmp", None), None);
    }

    #[test]
    fn standard_output_has_several_names() {
        for p in ["-", "/dev/stdout", "/dev/fd/1"] {
            assert!(is_stdout(Path::new(p)), "{p}");
        }
        assert!(!is_stdout(Path::new("./-x")));
    }

    #[test]
    fn this_process_is_alive() {
        assert!(is_alive(std::process::id()));
    }
}
