//! Fetching published JSON. The data build guaranteed its content, so the
//! browser only checks that the file arrived, parses, and has the schema
//! version this build of the site reads.

use std::fmt;

use kfkl_core::document::Document;
use kfkl_core::model::{Areas, Dataset, SCHEMA_VERSION};
use serde::de::DeserializeOwned;
use serde::Deserialize;

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

#[derive(Deserialize)]
struct Probe {
    schema_version: u32,
}

async fn fetch_json<T: DeserializeOwned>(file: &str) -> Result<T, LoadError> {
    let name = file.to_string();
    let response = gloo_net::http::Request::get(&data_url(file))
        .send()
        .await
        .map_err(|_| LoadError::Network { file: name.clone() })?;
    if !response.ok() {
        return Err(LoadError::Status { file: name, status: response.status() });
    }
    let text = response.text().await.map_err(|_| LoadError::Network { file: name.clone() })?;
    let parse_error = |e: serde_json::Error| LoadError::Parse { file: name.clone(), detail: e.to_string() };
    let probe: Probe = serde_json::from_str(&text).map_err(parse_error)?;
    if probe.schema_version != SCHEMA_VERSION {
        return Err(LoadError::Schema { file: name, found: probe.schema_version });
    }
    serde_json::from_str(&text).map_err(parse_error)
}

pub async fn dataset(id: &str) -> Result<Dataset, LoadError> {
    fetch_json(&format!("{id}.json")).await
}

pub async fn areas() -> Result<Areas, LoadError> {
    fetch_json("areas.json").await
}

pub async fn document(id: &str) -> Result<Document, LoadError> {
    fetch_json(&format!("{id}.json")).await
}
