//! Turning the command line's paths, directories, globs and `-` into a list of letters.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};
use retainer_lint::{InputError, InputErrorKind};

/// The extensions picked up when walking a directory or expanding a glob.
const LETTER_EXTENSIONS: &[&str] = &["md", "markdown", "docx", "txt"];

/// Where a letter comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// A path argument that named nothing usable (missing file, glob without matches).
    Missing(InputError),
}

/// One letter to lint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The name shown in reports: the path as given, or relative to the walked directory.
    pub name: String,
    /// Where to read it from.
    pub source: Source,
}

/// Expand the path arguments, in the order given; walked directories and globs in sorted path
/// order. No arguments means the current directory.
pub fn collect(args: &[String], stdin_name: Option<&str>) -> Vec<Input> {
    let mut inputs = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |input: Input, inputs: &mut Vec<Input>| {
        // The same file reached twice (an argument and a walked directory) is linted once.
        let key = match &input.source {
            Source::File(p) => normalise(p),
            _ => PathBuf::from(format!("\0{}", input.name)),
        };
        if seen.insert(key) {
            inputs.push(input);
        }
    };
    if args.is_empty() {
        for input in walk(Path::new("."), true) {
            push(input, &mut inputs);
        }
        return inputs;
    }
    for arg in args {
        if arg == "-" {
            push(
                Input {
                    name: stdin_name.unwrap_or("<stdin>").to_string(),
                    source: Source::Stdin,
                },
                &mut inputs,
            );
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            for input in walk(path, arg == "." || arg == "./") {
                push(input, &mut inputs);
            }
        } else if path.exists() {
            push(
                Input {
                    name: arg.clone(),
                    source: Source::File(path.to_path_buf()),
                },
                &mut inputs,
            );
        } else if is_glob(arg) {
            let matched = glob(arg);
            if matched.is_empty() {
                push(missing(arg, "no letter matches this pattern"), &mut inputs);
            }
            for input in matched {
                push(input, &mut inputs);
            }
        } else {
            push(missing(arg, "no such file or directory"), &mut inputs);
        }
    }
    inputs
}

fn missing(arg: &str, why: &str) -> Input {
    Input {
        name: arg.to_string(),
        source: Source::Missing(InputError::new(InputErrorKind::Io, why)),
    }
}

fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '[', '{'])
}

/// Letters under `dir`: .gitignore (and .ignore) honoured even outside a git repository,
/// hidden files and Word lock files skipped, sorted by path.
fn walk(dir: &Path, strip_dot: bool) -> Vec<Input> {
    let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .require_git(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|p| is_letter(p))
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|path| Input {
            name: display_name(&path, strip_dot),
            source: Source::File(path),
        })
        .collect()
}

/// Letters matching a glob: the walk starts at the pattern's literal prefix.
fn glob(pattern: &str) -> Vec<Input> {
    // `*` stays within one directory; `**` crosses directories.
    let matcher: GlobMatcher = match GlobBuilder::new(pattern).literal_separator(true).build() {
        Ok(g) => g.compile_matcher(),
        Err(_) => return Vec::new(),
    };
    let base: PathBuf = Path::new(pattern)
        .components()
        .take_while(|c| !is_glob(&c.as_os_str().to_string_lossy()))
        .collect();
    let (root, strip) = if base.as_os_str().is_empty() {
        (PathBuf::from("."), true)
    } else {
        (base, false)
    };
    walk(&root, strip)
        .into_iter()
        .filter(|input| match &input.source {
            Source::File(p) => matcher.is_match(p) || matcher.is_match(&input.name),
            _ => false,
        })
        .collect()
}

/// A repository's own documentation, found beside templates but never a letter. Named on the
/// command line, such a file is still linted.
const REPOSITORY_DOCS: &[&str] = &[
    "readme",
    "changelog",
    "contributing",
    "license",
    "licence",
    "code_of_conduct",
    "security",
];

/// A letter by extension, not a Word lock file (`~$letter.docx`) nor a repository document
/// (`README.md`, `CHANGELOG.md`…).
fn is_letter(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.starts_with("~$") {
        return false;
    }
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if REPOSITORY_DOCS.contains(&stem.as_str()) {
        return false;
    }
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| LETTER_EXTENSIONS.contains(&e.as_str()))
}

/// The walked path as the user would type it, with `/` separators and no leading `./`.
fn display_name(path: &Path, strip_dot: bool) -> String {
    let mut parts = Vec::new();
    for (i, c) in path.components().enumerate() {
        match c {
            Component::CurDir if strip_dot && i == 0 => {}
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    // A root component already ends with a separator.
    joined.replacen("//", "/", 1)
}

fn normalise(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(inputs: &[Input]) -> Vec<&str> {
        inputs.iter().map(|i| i.name.as_str()).collect()
    }

    #[test]
    fn lock_files_and_other_extensions_are_not_letters() {
        assert!(is_letter(Path::new("a/letter.docx")));
        assert!(is_letter(Path::new("a/LETTER.MD")));
        assert!(is_letter(Path::new("notes.markdown")));
        assert!(is_letter(Path::new("notes.txt")));
        assert!(!is_letter(Path::new("a/~$letter.docx")));
        assert!(!is_letter(Path::new("a/letter.doc")));
        assert!(!is_letter(Path::new("a/letter.pdf")));
        assert!(!is_letter(Path::new("Makefile")));
        assert!(!is_letter(Path::new("templates/README.md")));
        assert!(!is_letter(Path::new("CHANGELOG.md")));
        assert!(is_letter(Path::new("readme-letter.md")));
    }

    #[test]
    fn walking_respects_gitignore_hidden_and_sorts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/nested")).unwrap();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::create_dir_all(root.join(".hidden")).unwrap();
        fs::create_dir_all(root.join("drafts")).unwrap();
        for f in [
            "b/nested/z.md",
            "b/y.docx",
            "a/x.txt",
            "a/~$x.docx",
            "a/readme.pdf",
            ".hidden/secret.md",
            ".dot.md",
            "drafts/old.md",
        ] {
            fs::write(root.join(f), "x").unwrap();
        }
        fs::write(root.join(".gitignore"), "drafts/\n").unwrap();
        let inputs = walk(root, false);
        let rel: Vec<String> = inputs
            .iter()
            .map(|i| match &i.source {
                Source::File(p) => p.strip_prefix(root).unwrap().display().to_string(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(rel, ["a/x.txt", "b/nested/z.md", "b/y.docx"]);
    }

    #[test]
    fn missing_paths_and_empty_globs_become_missing_inputs() {
        let inputs = collect(&["no/such/letter.md".into(), "no/such/*.md".into()], None);
        assert_eq!(names(&inputs), ["no/such/letter.md", "no/such/*.md"]);
        assert!(inputs
            .iter()
            .all(|i| matches!(&i.source, Source::Missing(e) if e.code() == "input.io")));
    }

    #[test]
    fn stdin_takes_its_name_and_duplicates_collapse() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("l.md");
        fs::write(&f, "x").unwrap();
        let f = f.display().to_string();
        let inputs = collect(&["-".into(), f.clone(), f.clone()], Some("letter.md"));
        assert_eq!(names(&inputs), ["letter.md", f.as_str()]);
        assert_eq!(inputs[0].source, Source::Stdin);
    }

    #[test]
    fn display_names_drop_a_leading_dot() {
        assert_eq!(display_name(Path::new("./a/b.md"), true), "a/b.md");
        assert_eq!(display_name(Path::new("./a/b.md"), false), "./a/b.md");
        assert_eq!(
            display_name(Path::new("letters/a.md"), false),
            "letters/a.md"
        );
    }
}
