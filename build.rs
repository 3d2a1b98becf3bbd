//! Embeds the publications index, `data/dokument.toml`, in the site as JSON
//! (`publications.rs` reads it): the menu, the routes and the prerender need
//! to know the documents before anything is fetched. The data build, which
//! Trunk runs first, has checked the file; this only converts it.
//! `KFKL_DATA_DIR` builds the site from another data folder (the two-year test).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=KFKL_DATA_DIR");
    let data = std::env::var_os("KFKL_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("data"));
    let path = data.join("dokument.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e} (cargo run -p kfkl-data says where)", path.display()));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("dokument.json");
    std::fs::write(
        &out,
        serde_json::to_string(&value).expect("TOML values are JSON values"),
    )
    .expect("OUT_DIR is writable");
}
