//! What the data-build tests share: the repository's data folder, and its build,
//! made once per test binary (a build takes seconds in a debug test binary, and
//! most tests only read it).
// Each test file uses what it needs of this module, so some of it is unused in each.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use kfkl_data::Build;

pub fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"))
}

/// The repository's data, built once.
pub fn built() -> &'static Build {
    static BUILT: OnceLock<Build> = OnceLock::new();
    BUILT.get_or_init(|| kfkl_data::build(data_dir()).unwrap_or_else(|e| panic!("{e:#?}")))
}
