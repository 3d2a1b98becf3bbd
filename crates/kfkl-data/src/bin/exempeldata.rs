//! `cargo run -p kfkl-data --bin exempeldata [DATA_DIR]`: writes the example
//! data files (see `kfkl_data::exempel`). Not real results.

use std::path::PathBuf;

use kfkl_data::exempel::{andts, lupp};

fn main() {
    let data_dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "data".into()));
    for (name, text) in [("exempel-andts.csv", andts()), ("exempel-lupp.csv", lupp())] {
        let path = data_dir.join("statistik").join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("exempeldata: wrote {}", path.display());
    }
}

