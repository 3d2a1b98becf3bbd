//! Embeds the publications index, `data/dokument.toml`, in the site as JSON
//! (`publications.rs` reads it): the menu, the routes and the prerender need
//! to know the documents before anything is fetched. The data build, which
//! Trunk runs first, has checked the file; this only converts it.
//! Also the key-figure file each survey names as its data (AV-Play's cards),
//! so that no file name with a year is written in the site's code.
//! `KFKL_DATA_DIR` builds the site from another data folder (the two-year test).

use std::path::{Path, PathBuf};

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
    let figures = survey_figures(&data);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("nyckeltal.json");
    std::fs::write(&out, serde_json::to_string(&figures).expect("strings")).expect("OUT_DIR is writable");
}

/// Survey id → the dataset id of the last `key-figures` file its catalogue lists.
fn survey_figures(data: &Path) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    let dir = data.join("statistik");
    println!("cargo:rerun-if-changed={}", dir.display());
    let read = |path: &Path| -> Option<toml::Value> {
        println!("cargo:rerun-if-changed={}", path.display());
        toml::from_str(&std::fs::read_to_string(path).ok()?).ok()
    };
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let Some(catalogue) = read(&path) else { continue };
        let Some(survey) = catalogue
            .get("survey")
            .and_then(|s| s.get("id"))
            .and_then(|i| i.as_str())
        else {
            continue;
        };
        let files = catalogue.get("data").and_then(|d| d.as_array()).into_iter().flatten();
        let key_figures = files.filter(|d| d.get("format").and_then(|f| f.as_str()) == Some("key-figures"));
        let mut ids = key_figures.filter_map(|d| {
            read(&data.join(d.get("file")?.as_str()?))?
                .get("dataset")?
                .get("id")?
                .as_str()
                .map(String::from)
        });
        if let Some(id) = ids.next_back() {
            out.insert(survey.to_string(), id);
        }
    }
    out
}
