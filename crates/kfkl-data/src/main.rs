//! `kfkl-data [DATA_DIR [OUT_DIR]]`: builds the published JSON (defaults: `data`, `public/data`).
//! `KFKL_DATA_DIR`, when set, replaces DATA_DIR: Trunk's hook names `data`, and
//! the two-year test builds the whole site from a copy (the site's build.rs reads it too).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let named = args.next().unwrap_or_else(|| "data".into());
    let data_dir = std::env::var_os("KFKL_DATA_DIR").map_or_else(|| PathBuf::from(named), PathBuf::from);
    let out_dir = PathBuf::from(args.next().unwrap_or_else(|| "public/data".into()));
    let build = match kfkl_data::build(&data_dir) {
        Ok(build) => build,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("data build: {} error(s); nothing was written", errors.len());
            return ExitCode::FAILURE;
        }
    };
    let (mut written, mut unchanged) = (0, 0);
    let files = kfkl_data::publish::files(&build);
    // The folder holds only what this build publishes: a file of an earlier build
    // (a renamed topic, a removed year) would otherwise be served on.
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    for stale in std::fs::read_dir(&out_dir).into_iter().flatten().flatten() {
        let name = stale.file_name().to_string_lossy().to_string();
        if stale.path().is_file() && !names.contains(&name.as_str()) {
            if let Err(e) = std::fs::remove_file(stale.path()) {
                eprintln!("{}: cannot remove: {e}", stale.path().display());
                return ExitCode::FAILURE;
            }
            println!("data build: removed {name}, which this build no longer publishes");
        }
    }
    for (name, bytes) in files {
        match kfkl_data::publish::write_if_changed(&out_dir.join(&name), &bytes) {
            Ok(true) => written += 1,
            Ok(false) => unchanged += 1,
            Err(e) => {
                eprintln!("{}: cannot write: {e}", out_dir.join(&name).display());
                return ExitCode::FAILURE;
            }
        }
    }
    println!(
        "data build: {} file(s), {written} written, {unchanged} unchanged, in {}",
        written + unchanged,
        out_dir.display()
    );
    ExitCode::SUCCESS
}
