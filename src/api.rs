//! Fetching published JSON. The data build guaranteed its content, so the
//! browser only checks that the file arrived, parses, and has the schema
//! version this build of the site reads.
//!
//! Decoding uses miniserde, not serde_json: measured, serde's decoding code
//! was about 32 KB of the wasm's brotli size.

use std::fmt;

use kfkl_core::document::Document;
use kfkl_core::model::{from_json, Areas, Dataset, SCHEMA_VERSION};

use crate::base::data_url;

/// Why a data file could not be shown. Displayed to the reader in Swedish.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    Network { file: String },
    Status { file: String, status: u16 },
    Parse { file: String, detail: String },
    Schema { file: String, found: u32 },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { file } => write!(f, "Datafilen {file} kunde inte hämtas. Kontrollera uppkopplingen och ladda om sidan."),
            LoadError::Status { file, status } => write!(f, "Datafilen {file} kunde inte hämtas (servern svarade {status})."),
            LoadError::Parse { file, detail } => write!(f, "Datafilen {file} är skadad och kan inte visas ({detail})."),
            LoadError::Schema { file, found } => write!(
                f,
                "Datafilen {file} har formatversion {found}, men sidan läser version {SCHEMA_VERSION}. Ladda om sidan."
            ),
        }
    }
}

#[derive(miniserde::Deserialize)]
struct Probe {
    schema_version: u32,
}

/// Fetches a published file and decodes it with `decode` once its schema version is checked.
async fn fetch_json<T>(file: &str, decode: impl FnOnce(&str) -> Option<T>) -> Result<T, LoadError> {
    let name = file.to_string();
    let response = gloo_net::http::Request::get(&data_url(file))
        .send()
        .await
        .map_err(|_| LoadError::Network { file: name.clone() })?;
    if !response.ok() {
        return Err(LoadError::Status { file: name, status: response.status() });
    }
    let text = response.text().await.map_err(|_| LoadError::Network { file: name.clone() })?;
    let parse_error = |detail: &str| LoadError::Parse { file: name.clone(), detail: detail.to_string() };
    let probe: Probe = miniserde::json::from_str(&text).map_err(|_| parse_error("ogiltig JSON"))?;
    if probe.schema_version != SCHEMA_VERSION {
        return Err(LoadError::Schema { file: name, found: probe.schema_version });
    }
    decode(&text).ok_or_else(|| parse_error("oväntat innehåll"))
}

pub async fn dataset(id: &str) -> Result<Dataset, LoadError> {
    fetch_json(&format!("{id}.json"), from_json).await
}

pub async fn areas() -> Result<Areas, LoadError> {
    fetch_json("areas.json", from_json).await
}

pub async fn document(id: &str) -> Result<Document, LoadError> {
    fetch_json(&format!("{id}.json"), kfkl_core::document::from_json).await
}

pub async fn followup_index() -> Result<kfkl_core::followup::FollowUpIndex, LoadError> {
    fetch_json("uppfoljning.json", from_json).await
}

pub async fn topic(id: &str) -> Result<kfkl_core::followup::Topic, LoadError> {
    fetch_json(&format!("uppfoljning-{id}.json"), kfkl_core::followup::topic_from_json).await
}

pub async fn search_index() -> Result<kfkl_core::search::SearchIndex, LoadError> {
    fetch_json("sok.json", from_json).await
}

pub async fn stat_table(id: &str) -> Result<kfkl_core::stats::StatTable, LoadError> {
    fetch_json(&format!("statistik-{id}.json"), from_json).await
}
