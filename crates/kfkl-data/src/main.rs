//! `kfkl-data [DATA_DIR [OUT_DIR]]`: builds the published JSON (defaults: `data`, `public/data`).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let data_dir = PathBuf::from(args.next().unwrap_or_else(|| "data".into()));
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
    for (name, bytes) in kfkl_data::publish::files(&build) {
        match kfkl_data::publish::write_if_changed(&out_dir.join(&name), &bytes) {
            Ok(true) => written += 1,
            Ok(false) => unchanged += 1,
            Err(e) => {
                eprintln!("{}: cannot write: {e}", out_dir.join(&name).display());
                return ExitCode::FAILURE;
            }
        }
    }
    println!("data build: {} file(s), {written} written, {unchanged} unchanged, in {}", written + unchanged, out_dir.display());
    ExitCode::SUCCESS
}
