//! The editor's import, run as the editor runs it: the synthetic respondent
//! file through `import svar … --dry-run`, and the mistakes it must refuse
//! with their place, writing nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn data_dir() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data")).to_path_buf()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kfkl-import-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn import(file: &Path, codebook: &Path, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_import"))
        .arg("svar")
        .arg(file)
        .arg("--kodbok")
        .arg(codebook)
        .arg("--data")
        .arg(data_dir())
        .arg("--ut")
        .arg(out)
        .arg("--dry-run")
        .output()
        .unwrap()
}

/// The synthetic respondent file the example generator writes, once per test.
fn respondents(dir: &Path) -> PathBuf {
    let file = dir.join("svar.csv");
    let made = Command::new(env!("CARGO_BIN_EXE_exempeldata"))
        .current_dir(data_dir().join(".."))
        .arg("svarsfil")
        .arg(&file)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    file
}

fn codebook() -> PathBuf {
    data_dir().join("statistik/kodbocker/exempel-lupp.toml")
}

#[test]
fn a_dry_run_reports_the_respondents_and_what_is_hidden_and_writes_nothing() {
    let dir = scratch("dry");
    let out = dir.join("lupp.csv");
    let run = import(&respondents(&dir), &codebook(), &out);
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    for expected in [
        "svarande i filen.",
        "Svarande per kommun, årskurs och kön:",
        "Kalmar         ak8",
        "Provkörning:",
        "Inget skrevs.",
    ] {
        assert!(said.contains(expected), "the dry run says '{expected}':\n{said}");
    }
    assert!(!out.exists(), "a dry run writes nothing");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn mistakes_stop_the_import_with_their_place_and_nothing_is_written() {
    let dir = scratch("bad");
    let good = std::fs::read_to_string(codebook()).unwrap();
    let file = respondents(&dir);
    // One answer that matches no code: the pupil's row and the question's column.
    let text = std::fs::read_to_string(&file).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let mut cells: Vec<String> = lines[2].split(',').map(String::from).collect();
    cells[5] = "7".into(); // 9 is the codebook's "no answer"
    lines[2] = cells.join(",");
    let odd = dir.join("udda.csv");
    std::fs::write(&odd, lines.join("\n")).unwrap();
    let unknown_source = dir.join("kodbok.toml");
    std::fs::write(
        &unknown_source,
        good.replacen("kalla = \"", "kalla = \"Ingen sådan källa ", 1),
    )
    .unwrap();
    let line = good.lines().position(|l| l.starts_with("kalla")).unwrap() + 1;
    let cases = [
        (
            &odd,
            &codebook(),
            format!("{}:3:f01: '7' is not a code of", odd.display()),
        ),
        (
            &file,
            &unknown_source,
            format!("{}:{line}: kalla 'Ingen sådan källa ", unknown_source.display()),
        ),
    ];
    for (file, book, expected) in cases {
        let out = dir.join("ut.csv");
        let run = import(file, book, &out);
        let said = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "refused: {expected}");
        assert!(
            said.contains(&expected),
            "the error names its place, '{expected}':\n{said}"
        );
        assert!(!out.exists());
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn an_spss_file_written_by_pspp_imports_as_its_csv_does() {
    let dir = scratch("sav");
    let csv = respondents(&dir);
    // PSPP, not our code, writes the .sav: every column a number (so municipality codes lose their leading zero), 9 user-missing.
    let header = std::fs::read_to_string(&csv)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    let variables: Vec<String> = header
        .split(',')
        .map(|c| {
            if c == "lopnr" {
                format!("{c} A20")
            } else {
                format!("{c} F4.0")
            }
        })
        .collect();
    let sav = dir.join("svar.sav");
    let syntax = format!(
        "GET DATA /TYPE=TXT /FILE='{}' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=','\n  /VARIABLES={}.\nMISSING VALUES f01 TO f14 (9).\nVALUE LABELS kon 1 'Flicka' 2 'Pojke' 3 'Annat' 4 'Vill inte svara'.\nSAVE OUTFILE='{}'.\n",
        csv.display(),
        variables.join(" "),
        sav.display()
    );
    let script = dir.join("skriv.sps");
    std::fs::write(&script, syntax).unwrap();
    let pspp = Command::new("pspp")
        .arg(&script)
        .output()
        .expect("PSPP writes the test's .sav file: apt install pspp (./scripts/test does)");
    assert!(
        pspp.status.success() && sav.exists(),
        "{}",
        String::from_utf8_lossy(&pspp.stdout)
    );
    let out = dir.join("ut.csv");
    let from_csv = import(&csv, &codebook(), &out);
    let from_sav = import(&sav, &codebook(), &out);
    assert!(
        from_sav.status.success(),
        "{}",
        String::from_utf8_lossy(&from_sav.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&from_sav.stdout),
        String::from_utf8_lossy(&from_csv.stdout),
        "the same respondents, the same rows, the same hidden values"
    );
    std::fs::remove_dir_all(dir).ok();
}
