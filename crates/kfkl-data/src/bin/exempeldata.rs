//! `cargo run -p kfkl-data --bin exempeldata [DATA_DIR]`: writes the example
//! data files (see `kfkl_data::exempel`). Not real results.

use std::path::PathBuf;

use kfkl_data::exempel::{andts, lupp};

fn main() {
    let data_dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "data".into()));
    let catalogue = data_dir.join("statistik/lupp.toml");
    let text = std::fs::read_to_string(&catalogue).unwrap_or_else(|e| panic!("{}: {e}", catalogue.display()));
    let lupp_catalogue = kfkl_data::statistics::load(&catalogue, &text).unwrap_or_else(|e| panic!("{e:?}")).survey;
    let can = data_dir.join("sources/andts-public-figures.csv");
    let can = std::fs::read_to_string(&can).unwrap_or_else(|e| panic!("{}: {e}", can.display()));
    for (name, text) in [("exempel-andts.csv", andts(&can)), ("exempel-lupp.csv", lupp(&lupp_catalogue))] {
        let path = data_dir.join("statistik").join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("exempeldata: wrote {}", path.display());
    }
}

