//! `cargo run -p kfkl-data --bin exempeldata [DATA_DIR]`: writes the example
//! data files (see `kfkl_data::exempel`). Not real results.
//!
//! `… --bin exempeldata -- svarsfil <fil.csv>` writes the synthetic LUPP
//! respondent file instead, outside the repository, to try the import on.

use std::path::PathBuf;

use kfkl_data::exempel::{andts, lupp_respondents};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (respondent_file, data_dir) = match args.as_slice() {
        [cmd, file, rest @ ..] if cmd == "svarsfil" => (Some(PathBuf::from(file)), rest.first().cloned()),
        [dir, ..] => (None, Some(dir.clone())),
        [] => (None, None),
    };
    let data_dir = PathBuf::from(data_dir.unwrap_or_else(|| "data".into()));
    let catalogue = data_dir.join("statistik/lupp.toml");
    let text = std::fs::read_to_string(&catalogue).unwrap_or_else(|e| panic!("{}: {e}", catalogue.display()));
    let lupp_catalogue = kfkl_data::statistics::load(&catalogue, &text)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .survey;
    let can = data_dir.join("sources/andts-public-figures.csv");
    let can = std::fs::read_to_string(&can).unwrap_or_else(|e| panic!("{}: {e}", can.display()));
    let press = data_dir.join("statistik/andts-press.csv");
    let press = std::fs::read_to_string(&press).unwrap_or_else(|e| panic!("{}: {e}", press.display()));
    // The synthetic respondent file itself is made by the data build, in memory: only its codebook is a file.
    let (respondents, codebook) = lupp_respondents(&lupp_catalogue);
    if let Some(path) = respondent_file {
        std::fs::write(&path, respondents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("exempeldata: wrote the synthetic respondent file {} (codebook: data/statistik/kodbocker/exempel-lupp.toml)", path.display());
        return;
    }
    for (name, text) in [
        ("exempel-andts.csv", andts(&can, &press)),
        ("kodbocker/exempel-lupp.toml", codebook),
    ] {
        let path = data_dir.join("statistik").join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("exempeldata: wrote {}", path.display());
    }
}
