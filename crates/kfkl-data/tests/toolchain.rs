//! The tool pins must agree, or Trunk (offline) refuses to build on a fresh machine.

use std::path::Path;

fn repo_file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn lockfile_version(krate: &str) -> String {
    let lock: toml::Table = toml::from_str(&repo_file("Cargo.lock")).unwrap();
    let packages = lock["package"].as_array().unwrap();
    let found: Vec<&str> = packages
        .iter()
        .filter(|p| p["name"].as_str() == Some(krate))
        .map(|p| p["version"].as_str().unwrap())
        .collect();
    assert_eq!(found.len(), 1, "{krate} must resolve to one version, found {found:?}");
    found[0].to_string()
}

#[test]
fn trunk_pins_the_lockfiles_wasm_bindgen() {
    let trunk: toml::Table = toml::from_str(&repo_file("Trunk.toml")).unwrap();
    let pinned = trunk["tools"]["wasm_bindgen"].as_str().unwrap();
    assert_eq!(
        pinned,
        lockfile_version("wasm-bindgen"),
        "update Trunk.toml [tools] wasm_bindgen"
    );
}

#[test]
fn trunk_runs_offline_with_the_npm_wasm_opt() {
    let trunk: toml::Table = toml::from_str(&repo_file("Trunk.toml")).unwrap();
    assert_eq!(trunk["build"]["offline"].as_bool(), Some(true));
    assert_eq!(trunk["tools"]["wasm_opt"].as_str(), Some("version_132"));
    assert!(repo_file("package.json").contains("\"binaryen\": \"132.0.0\""));
}
