//! Where the report goes (standard output or a file written atomically) and how it looks.

use std::io::{self, Write};
use std::path::Path;

use crate::args::ColorChoice;
use crate::report::Style;

/// The drawing style for a stream: colours per `--color`, NO_COLOR and CLICOLOR_FORCE;
/// Unicode art only on a terminal (or when colour is asked for); the terminal's width on a
/// terminal, else a fixed 80 columns so that piped output is reproducible.
pub fn style(choice: ColorChoice, terminal: bool) -> Style {
    let env_set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty() && v != "0");
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if env_set("NO_COLOR") => false,
        ColorChoice::Auto if env_set("CLICOLOR_FORCE") => true,
        ColorChoice::Auto => terminal,
    };
    let width = if terminal {
        terminal_size::terminal_size()
            .map(|(w, _)| usize::from(w.0))
            .unwrap_or(80)
    } else {
        80
    };
    Style {
        color,
        unicode: terminal || color,
        width: width.clamp(40, 400),
    }
}

/// Write `bytes` to `path` atomically: a temporary file in the same directory, renamed over
/// the destination, so a reader never sees half a report.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".retainer-lint-")
        .suffix(".tmp")
        .tempfile_in(parent_dir(path))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Where a run's report is written as it is produced: standard output, or a temporary file
/// beside `-o FILE` that replaces it only when the report is complete (a failed or interrupted
/// run leaves the old report, never half of a new one).
#[derive(Debug)]
pub enum Report {
    /// Standard output; a closed pipe (`| head`) ends the output quietly.
    Stdout {
        /// Buffered standard output.
        out: io::BufWriter<io::Stdout>,
        /// The reader went away: the rest is discarded.
        closed: bool,
    },
    /// The temporary file and the destination it is renamed to.
    File {
        /// The temporary file, in the destination's directory.
        tmp: io::BufWriter<tempfile::NamedTempFile>,
        /// `-o FILE`.
        path: std::path::PathBuf,
    },
}

impl Report {
    /// Standard output, or a temporary file for `path`.
    pub fn open(path: Option<&Path>) -> io::Result<Self> {
        match path {
            None => Ok(Report::Stdout {
                out: io::BufWriter::new(io::stdout()),
                closed: false,
            }),
            Some(path) => {
                let tmp = tempfile::Builder::new()
                    .prefix(".retainer-lint-")
                    .suffix(".tmp")
                    .tempfile_in(parent_dir(path))?;
                Ok(Report::File {
                    tmp: io::BufWriter::new(tmp),
                    path: path.to_path_buf(),
                })
            }
        }
    }

    /// Flush standard output, or put the complete file in place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Report::Stdout { mut out, closed } => match out.flush() {
                Err(e) if closed || e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            },
            Report::File { tmp, path } => {
                let tmp = tmp.into_inner().map_err(|e| e.into_error())?;
                tmp.as_file().sync_all()?;
                tmp.persist(&path).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }
}

impl Write for Report {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Report::Stdout { closed: true, .. } => Ok(buf.len()),
            Report::Stdout { out, closed } => match out.write(buf) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(buf.len())
                }
                other => other,
            },
            Report::File { tmp, .. } => tmp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Report::Stdout { closed: true, .. } => Ok(()),
            Report::Stdout { out, closed } => match out.flush() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(())
                }
                other => other,
            },
            Report::File { tmp, .. } => tmp.flush(),
        }
    }
}

/// The directory a file is in (`.` for a bare name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Write `bytes` to standard output, treating a closed pipe (`| head`) as done.
pub fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("results.sarif");
        std::fs::write(&dest, "old").unwrap();
        write_atomic(&dest, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from("results.sarif")]);
    }

    #[test]
    fn atomic_write_into_a_missing_directory_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("no/such/dir/out.json");
        assert!(write_atomic(&dest, b"x").is_err());
    }

    #[test]
    fn never_and_always_override_the_terminal() {
        assert!(!style(ColorChoice::Never, true).color);
        assert!(style(ColorChoice::Always, false).color);
        assert!(style(ColorChoice::Always, false).unicode);
        let piped = style(ColorChoice::Never, false);
        assert!(!piped.unicode);
        assert_eq!(piped.width, 80);
    }
}
