//! `cargo run -p kfkl-data --bin utkast -- plan 2026 <extraherad text> [--data <datamapp>]`
//! (or `rapport 2024 …`)
//!
//! Turns the extracted text of a new plan or report (`pdftotext fil.pdf ut.txt`)
//! into a draft document that the data build accepts, adds it to
//! `dokument.toml` as "utkast" and prints what a person must review. Words
//! are Swedish: editors run it.

use std::path::PathBuf;
use std::process::ExitCode;

use kfkl_data::draft::{run, Kind, Options};

const USAGE: &str = "användning: utkast plan|rapport <år> <extraherad text> [--data <datamapp>]";

fn args() -> Result<Options, String> {
    let mut it = std::env::args().skip(1);
    let kind = it.next().as_deref().and_then(Kind::parse).ok_or(USAGE)?;
    let year = it
        .next()
        .and_then(|y| y.parse::<u16>().ok())
        .filter(|y| (2000..=2100).contains(y))
        .ok_or(USAGE)?;
    let (mut input, mut data) = (None, PathBuf::from("data"));
    while let Some(a) = it.next() {
        match a.as_str() {
            "--data" => data = it.next().map(PathBuf::from).ok_or(USAGE)?,
            other if !other.starts_with("--") && input.is_none() => input = Some(PathBuf::from(other)),
            other => return Err(format!("okänt argument '{other}'\n{USAGE}")),
        }
    }
    Ok(Options {
        kind,
        year,
        input: input.ok_or(USAGE)?,
        data,
    })
}

fn main() -> ExitCode {
    let options = match args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Err(why) => {
            eprintln!("utkast: {why}");
            ExitCode::FAILURE
        }
        Ok(outcome) if !outcome.errors.is_empty() => {
            eprintln!("Utkastet är skrivet men klarar inte kontrollen; dokument.toml är orörd:");
            for e in &outcome.errors {
                eprintln!("{e}");
            }
            ExitCode::FAILURE
        }
        Ok(outcome) => {
            print!("{}", outcome.review);
            ExitCode::SUCCESS
        }
    }
}
