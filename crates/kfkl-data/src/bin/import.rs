//! `cargo run -p kfkl-data --bin import -- svar <svarsfil> --kodbok <kodbok> [--dry-run] [--ut <fil>] [--data <mapp>]`
//!
//! Reads a respondent file (personal data about pupils: it is read from where
//! it lies and never copied), counts it by the codebook, applies disclosure
//! control and writes only the aggregated rows, in the import format, to
//! `data/statistik/` (or `--ut`). `--dry-run` prints what would be written
//! and writes nothing; so does any error. Words are Swedish: editors run it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kfkl_data::respondents::{codebook, import, read};

const USAGE: &str =
    "användning: import svar <svarsfil> --kodbok <kodbok.toml> [--dry-run] [--ut <fil.csv>] [--data <datamapp>]";

struct Args {
    file: PathBuf,
    codebook: PathBuf,
    dry_run: bool,
    out: Option<PathBuf>,
    data: PathBuf,
}

fn args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    if it.next().as_deref() != Some("svar") {
        return Err(USAGE.into());
    }
    let (mut file, mut codebook, mut dry_run, mut out, mut data) = (None, None, false, None, PathBuf::from("data"));
    while let Some(a) = it.next() {
        match a.as_str() {
            "--kodbok" => codebook = it.next().map(PathBuf::from),
            "--dry-run" | "--provkor" => dry_run = true,
            "--ut" => out = it.next().map(PathBuf::from),
            "--data" => data = it.next().map(PathBuf::from).ok_or(USAGE)?,
            other if !other.starts_with("--") && file.is_none() => file = Some(PathBuf::from(other)),
            other => return Err(format!("okänt argument '{other}'\n{USAGE}")),
        }
    }
    Ok(Args {
        file: file.ok_or(USAGE)?,
        codebook: codebook.ok_or(USAGE)?,
        dry_run,
        out,
        data,
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("import: {} fel; inget skrevs.", errors.len());
            ExitCode::FAILURE
        }
    }
}

/// `import tidtagning <elever> <frågor>`: the import of a synthetic file of that
/// size, timed (read, count, disclosure control, rows written), for `./scripts/bench`.
fn timing(pupils: usize, questions: usize) -> Result<(), Vec<String>> {
    let (survey, book_text, csv) = kfkl_data::exempel::timing_file(pupils, questions);
    let book = codebook::load(Path::new("tidtagning.toml"), &book_text, &survey)
        .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let areas_text = std::fs::read_to_string("data/sources/municipalities.csv")
        .map_err(|e| vec![format!("data/sources/municipalities.csv: {e}")])?;
    let areas = kfkl_data::areas::load(Path::new("municipalities.csv"), &areas_text)
        .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let started = std::time::Instant::now();
    let grid = read::csv_text(&csv).map_err(|e| vec![e])?;
    let imported = import(&grid, "tidtagning", &book, &survey, 10, &areas)?;
    let rows = imported.to_csv(&survey, &book).lines().count();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "import: {pupils} elever × {questions} frågor ({:.1} MB) → {rows} rader på {seconds:.2} s",
        csv.len() as f64 / 1e6
    );
    Ok(())
}

fn run() -> Result<(), Vec<String>> {
    let mut raw = std::env::args().skip(1);
    if raw.next().as_deref() == Some("tidtagning") {
        let number = |v: Option<String>, default: usize| v.and_then(|v| v.parse().ok()).unwrap_or(default);
        return timing(number(raw.next(), 20_000), number(raw.next(), 80));
    }
    let args = args().map_err(|e| vec![e])?;
    let read_text =
        |p: &Path| std::fs::read_to_string(p).map_err(|e| vec![format!("{}:1: kan inte läsas: {e}", p.display())]);
    let book_text = read_text(&args.codebook)?;
    let survey_id = toml::from_str::<toml::Table>(&book_text)
        .ok()
        .and_then(|t| t.get("enkat").and_then(|v| v.as_str()).map(str::to_string))
        .ok_or_else(|| {
            vec![format!(
                "{}:1: enkat saknas (enkätens id, t.ex. \"lupp\")",
                args.codebook.display()
            )]
        })?;
    // The survey's catalogue, by its id, among data/statistik/*.toml.
    let stats = args.data.join("statistik");
    let mut catalogue = None;
    for entry in std::fs::read_dir(&stats).map_err(|e| vec![format!("{}: {e}", stats.display())])? {
        let path = entry.map_err(|e| vec![e.to_string()])?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            let sf = kfkl_data::statistics::load(&path, &read_text(&path)?)
                .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>())?;
            if sf.survey.id == survey_id {
                catalogue = Some(sf);
            }
        }
    }
    let sf = catalogue.ok_or_else(|| {
        vec![format!(
            "{}:1: ingen enkät '{survey_id}' i {}",
            args.codebook.display(),
            stats.display()
        )]
    })?;
    let book = codebook::load(&args.codebook, &book_text, &sf.survey)
        .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    // The source every row will name must be in the catalogue, or the build would refuse the file later.
    let sources_path = args.data.join(kfkl_data::sources::FILE);
    let sources = kfkl_data::sources::load(&sources_path, &read_text(&sources_path)?)
        .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    if sources.resolve(&book.source).is_none() {
        let line = book_text
            .lines()
            .position(|l| l.trim_start().starts_with("kalla"))
            .map_or(1, |i| i + 1);
        return Err(vec![format!(
            "{}:{line}: kalla '{}' finns inte i {}",
            args.codebook.display(),
            book.source,
            sources_path.display()
        )]);
    }
    let areas_path = args.data.join("sources/municipalities.csv");
    let areas = kfkl_data::areas::load(&areas_path, &read_text(&areas_path)?)
        .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let shown = args.file.display().to_string();
    let grid = read::file(&args.file).map_err(|e| vec![format!("{shown}:1: {e}")])?;
    let imported = import(&grid, &shown, &book, &sf.survey, sf.threshold, &areas)?;
    print!("{}", imported.report(&sf.survey, &areas));
    let mut years: Vec<u16> = imported.counted.cells.keys().map(|k| k.0).collect();
    years.dedup();
    let name = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a == b => format!("{survey_id}-{a}.csv"),
        (Some(a), Some(b)) => format!("{survey_id}-{a}-{b}.csv"),
        _ => format!("{survey_id}.csv"),
    };
    let out = args.out.unwrap_or_else(|| stats.join(&name));
    let csv = imported.to_csv(&sf.survey, &book);
    let rows = csv.lines().filter(|l| !l.starts_with('#')).count() - 1;
    if args.dry_run {
        println!(
            "\nProvkörning: {rows} rader skulle skrivas till {}. Inget skrevs.",
            out.display()
        );
        return Ok(());
    }
    std::fs::write(&out, csv).map_err(|e| vec![format!("{}: kan inte skrivas: {e}", out.display())])?;
    let relative = out.strip_prefix(&args.data).unwrap_or(&out).display().to_string();
    println!("\nSkrev {rows} rader till {}.", out.display());
    println!("Lägg till filen i {}.toml (och ta bort exempeldata för samma grupper):\n\n[[data]]\nfile = \"{relative}\"\nformat = \"import\"\nstatus = \"official\"", stats.join(&survey_id).display());
    Ok(())
}
