//! The code's shape, kept: no Rust file over 400 lines and no function over
//! 100 (components included), so that each can be read whole. What is longer
//! is split into named steps or modules, not exempted.

use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 400;
const MAX_FN_LINES: usize = 100;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each function's name, first line (1-based) and length in lines: from its
/// `fn` line to the closing brace at the same indentation, as rustfmt lays it out.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let indent = &line[..line.len() - code.len()];
        let after = ["pub(crate) ", "pub(super) ", "pub ", "const ", "async ", "unsafe "]
            .iter()
            .fold(code, |rest, prefix| rest.strip_prefix(prefix).unwrap_or(rest));
        let Some(signature) = after.strip_prefix("fn ") else {
            continue;
        };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let name: String = signature
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{indent}}}");
        let end = lines[i + 1..]
            .iter()
            .position(|l| l.trim_end() == close)
            .map_or(lines.len(), |j| i + 1 + j);
        found.push((name, i + 1, end - i + 1));
    }
    found
}

#[test]
fn no_file_over_400_lines_and_no_function_over_100() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("build.rs")];
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    rust_files(&root.join("crates"), &mut files);
    files.sort();
    assert!(files.len() > 100, "found the sources ({} files)", files.len());
    let mut long = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let shown = file.strip_prefix(root).unwrap().display().to_string();
        let n = text.lines().count();
        if n > MAX_FILE_LINES {
            long.push(format!(
                "{shown}: {n} lines (at most {MAX_FILE_LINES}): split it by meaning"
            ));
        }
        for (name, line, n) in functions(&text) {
            if n > MAX_FN_LINES {
                long.push(format!(
                    "{shown}:{line}: fn {name} has {n} lines (at most {MAX_FN_LINES}): name its steps"
                ));
            }
        }
    }
    assert!(long.is_empty(), "\n{}", long.join("\n"));
}

#[test]
fn a_function_runs_to_its_closing_brace() {
    let text = "fn a() {\n    let x = 1;\n}\n\n    pub(crate) fn b(\n        y: u8,\n    ) -> u8 {\n        y\n    }\nfn c();\n";
    assert_eq!(functions(text), [("a".to_string(), 1, 3), ("b".to_string(), 5, 5)]);
}
