//! The `Cli` harness: a temporary working directory, files written into
//! it, and the `govcal` binary run there with a cleared environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A temporary directory in which `govcal` runs.
pub(crate) struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    /// A fresh, empty temporary directory.
    pub(crate) fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("create a temporary directory"),
        }
    }

    /// The temporary directory.
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `text` to `path` (relative to the temporary directory), after
    /// stripping one leading newline and the indent common to all non-blank
    /// lines, so files can be written inline in the tests.
    pub(crate) fn file(&self, path: &str, text: &str) -> &Self {
        let target = self.path().join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).expect("create parent directory");
        }
        std::fs::write(&target, dedent(text)).expect("write file");
        self
    }

    /// Copies a file of the repository (path relative to the crate root)
    /// into the temporary directory, under its file name.
    pub(crate) fn copy(&self, repo_path: &str) -> &Self {
        let from = manifest_path(repo_path);
        let name = from.file_name().expect("a file name");
        std::fs::copy(&from, self.path().join(name)).expect("copy file");
        self
    }

    /// `govcal ARGS` in the temporary directory, with an environment that
    /// holds only `NO_COLOR=1`, `TZ=UTC` and `PATH`.
    pub(crate) fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_govcal"));
        cmd.args(args)
            .current_dir(self.path())
            .env_clear()
            .env("NO_COLOR", "1")
            .env("TZ", "UTC");
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        cmd
    }

    /// A temporary directory holding every shipped example (facts files
    /// and the bylaw packs they name).
    pub(crate) fn with_examples() -> Self {
        let cli = Cli::new();
        for f in std::fs::read_dir(manifest_path("examples")).unwrap() {
            let name = f.unwrap().file_name().into_string().unwrap();
            cli.copy(&format!("examples/{name}"));
        }
        cli
    }

    /// Runs `govcal ARGS`; returns (exit code, stdout bytes, stderr).
    /// Fails the test if the program was killed by a signal or panicked.
    pub(crate) fn run_bytes(&self, args: &[&str]) -> (i32, Vec<u8>, String) {
        let Output {
            status,
            stdout,
            stderr,
        } = self.cmd(args).output().expect("run govcal");
        let stderr = String::from_utf8(stderr).expect("stderr is UTF-8");
        let code = status
            .code()
            .unwrap_or_else(|| panic!("govcal {args:?} was killed: {status}\n{stderr}"));
        assert!(
            !stderr.contains("panicked"),
            "govcal {args:?} panicked:\n{stderr}"
        );
        (code, stdout, stderr)
    }

    /// Runs `govcal ARGS`; returns (exit code, stdout, stderr).
    pub(crate) fn run(&self, args: &[&str]) -> (i32, String, String) {
        let (code, stdout, stderr) = self.run_bytes(args);
        let stdout = String::from_utf8(stdout).expect("stdout is UTF-8");
        (code, stdout, stderr)
    }

    /// Runs `govcal ARGS`, expects exit 0 and returns stdout.
    pub(crate) fn ok(&self, args: &[&str]) -> String {
        let (code, stdout, stderr) = self.run(args);
        assert_eq!(code, 0, "govcal {args:?} failed:\n{stderr}");
        stdout
    }

    /// Runs `govcal ARGS` (which must include `--format json`), expects
    /// exit 0 and parses stdout.
    pub(crate) fn json(&self, args: &[&str]) -> Value {
        let stdout = self.ok(args);
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
    }
}

/// A path in the repository (the crate root).
pub(crate) fn manifest_path(repo_path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(repo_path)
}

/// Strips one leading newline and the indent common to all non-blank
/// lines.
pub(crate) fn dedent(text: &str) -> String {
    let text = text.strip_prefix('\n').unwrap_or(text);
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            out.push_str(line.trim_start_matches(' '));
        } else {
            out.push_str(&line[indent..]);
        }
    }
    out
}

/// The deadline of `pack`/`rule` in a `deadlines --format json` document.
pub(crate) fn deadline<'a>(doc: &'a Value, pack: &str, rule: &str) -> &'a Value {
    doc["deadlines"]
        .as_array()
        .expect("`deadlines` is an array")
        .iter()
        .find(|d| d["pack"] == pack && d["rule"] == rule)
        .unwrap_or_else(|| panic!("no deadline {pack}/{rule} in {doc:#}"))
}

/// A deadline's `status`.
pub(crate) fn status<'a>(doc: &'a Value, pack: &str, rule: &str) -> &'a str {
    deadline(doc, pack, rule)["status"]
        .as_str()
        .expect("status is a string")
}

/// A deadline's `closes.date` (panics if it has none).
pub(crate) fn closes<'a>(doc: &'a Value, pack: &str, rule: &str) -> &'a str {
    deadline(doc, pack, rule)["closes"]["date"]
        .as_str()
        .unwrap_or_else(|| panic!("{pack}/{rule} has no closing date"))
}

/// A deadline's `opens.date` (panics if it has none).
pub(crate) fn opens<'a>(doc: &'a Value, pack: &str, rule: &str) -> &'a str {
    deadline(doc, pack, rule)["opens"]["date"]
        .as_str()
        .unwrap_or_else(|| panic!("{pack}/{rule} has no opening date"))
}

/// Asserts that a diagnostic on stderr is introduced by exactly the line
/// `location` (`path:line:col`) and that stderr contains each of `texts`.
pub(crate) fn assert_diagnostic(stderr: &str, location: &str, texts: &[&str]) {
    assert!(
        stderr.lines().any(|l| l == location),
        "no location line `{location}` in stderr:\n{stderr}"
    );
    for t in texts {
        assert!(stderr.contains(t), "stderr lacks `{t}`:\n{stderr}");
    }
}

#[test]
fn dedent_strips_leading_newline_and_common_indent() {
    assert_eq!(
        dedent("\n    a = 1\n\n      b = 2\n    "),
        "a = 1\n\n  b = 2\n"
    );
}
