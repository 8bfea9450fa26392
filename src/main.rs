//! The `govcal` binary: everything happens in [`govcal::cli::run`].

fn main() -> std::process::ExitCode {
    govcal::cli::run(std::env::args_os())
}
