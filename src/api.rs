//! Fetching published JSON. The data build guaranteed its content, so the
//! browser only checks that the file arrived, parses, and has the schema
//! version this build of the site reads. At build time the prerenderer reads
//! the same files from disk and decodes them with the same decoders.
//!
//! Decoding uses miniserde, not serde_json: measured, serde's decoding code
//! was about 32 KB of the wasm's brotli size.

use std::fmt;
use std::sync::Arc;

use kfkl_core::model::SCHEMA_VERSION;

/// Why a data file could not be shown. Displayed to the reader in Swedish.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    Network {
        file: String,
    },
    // Only the browser gets an HTTP status.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Status {
        file: String,
        status: u16,
    },
    Parse {
        file: String,
        detail: String,
    },
    Schema {
        file: String,
        found: u32,
    },
    /// A valid file without a single row: nothing to draw.
    Empty {
        file: String,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { file } => write!(
                f,
                "Datafilen {file} kunde inte hämtas. Kontrollera uppkopplingen och ladda om sidan."
            ),
            LoadError::Status { file, status } => {
                write!(f, "Datafilen {file} kunde inte hämtas (servern svarade {status}).")
            }
            LoadError::Parse { file, detail } => write!(f, "Datafilen {file} är skadad och kan inte visas ({detail})."),
            LoadError::Schema { file, found } => write!(
                f,
                "Datafilen {file} har formatversion {found}, men sidan läser version {SCHEMA_VERSION}. Ladda om sidan."
            ),
            LoadError::Empty { file } => write!(
                f,
                "Datafilen {file} innehåller inga uppgifter, så det finns inget diagram eller någon tabell att visa."
            ),
        }
    }
}

#[derive(miniserde::Deserialize)]
struct Probe {
    schema_version: u32,
}

/// What a view fetched (or read): each file's text, or why it could not be had.
#[derive(Clone)]
pub struct Fetched(Arc<Vec<(String, Result<String, LoadError>)>>);

impl Fetched {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// File `i` (in the order asked for), schema-checked and decoded by `decode`.
    pub fn decode<T>(&self, i: usize, decode: fn(&str) -> Option<T>) -> Result<T, LoadError> {
        let (file, text) = &self.0[i];
        let text = text.as_ref().map_err(LoadError::clone)?;
        let parse_error = |detail: &str| LoadError::Parse {
            file: file.clone(),
            detail: detail.to_string(),
        };
        let probe: Probe = miniserde::json::from_str(text).map_err(|_| parse_error("ogiltig JSON"))?;
        if probe.schema_version != SCHEMA_VERSION {
            return Err(LoadError::Schema {
                file: file.clone(),
                found: probe.schema_version,
            });
        }
        decode(text).ok_or_else(|| parse_error("oväntat innehåll"))
    }

    /// File `i` as a survey's results, which must have at least one row to show.
    pub fn stat_table(&self, i: usize) -> Result<kfkl_core::stats::StatTable, LoadError> {
        let table: kfkl_core::stats::StatTable = self.decode(i, json)?;
        if table.rows.is_empty() || table.survey.indicators.is_empty() || table.areas.is_empty() {
            return Err(LoadError::Empty {
                file: self.0[i].0.clone(),
            });
        }
        Ok(table)
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{fetch, Files};
#[cfg(not(target_arch = "wasm32"))]
pub use build::{fetch, Files};

/// In the browser: fetched over HTTP.
#[cfg(target_arch = "wasm32")]
mod browser {
    use std::sync::Arc;

    use leptos::prelude::LocalResource;

    use super::{Fetched, LoadError};
    use crate::base::data_url;

    /// The files one view shows, fetched at once. Every page uses this one
    /// resource type: measured, each distinct `LocalResource<T>` compiled about
    /// 10 KB of wasm (async machinery per type), so pages fetch text here and
    /// decode it in their render function.
    pub type Files = LocalResource<Fetched>;

    /// A resource of published files, by name ("plan-2025.json"); `files` may read
    /// signals (route parameters), and the files are fetched anew when they change.
    pub fn fetch(files: impl Fn() -> Vec<String> + Send + Sync + 'static) -> Files {
        fetch_dyn(Arc::new(files))
    }

    /// Not generic, so that the resource's code is compiled once.
    fn fetch_dyn(files: Arc<dyn Fn() -> Vec<String> + Send + Sync>) -> Files {
        LocalResource::new(move || fetch_all(files()))
    }

    async fn fetch_all(files: Vec<String>) -> Fetched {
        let texts = futures::future::join_all(files.iter().map(|f| fetch_text(f))).await;
        Fetched(Arc::new(files.into_iter().zip(texts).collect()))
    }

    async fn fetch_text(file: &str) -> Result<String, LoadError> {
        let name = file.to_string();
        let response = gloo_net::http::Request::get(&data_url(file))
            .send()
            .await
            .map_err(|_| LoadError::Network { file: name.clone() })?;
        if !response.ok() {
            return Err(LoadError::Status {
                file: name,
                status: response.status(),
            });
        }
        response.text().await.map_err(|_| LoadError::Network { file: name })
    }
}

/// At build time: read from the data directory the prerenderer names, as the
/// view renders, so that the page renders with its data in one pass.
#[cfg(not(target_arch = "wasm32"))]
mod build {
    use std::sync::Arc;

    use super::{Fetched, LoadError};

    /// The files a view shows, read when it renders.
    #[derive(Clone)]
    pub struct Files(Arc<dyn Fn() -> Vec<String> + Send + Sync>);

    pub fn fetch(files: impl Fn() -> Vec<String> + Send + Sync + 'static) -> Files {
        Files(Arc::new(files))
    }

    impl Files {
        pub fn read(&self) -> Fetched {
            let dir = crate::build_context::data_dir();
            let texts = (self.0)()
                .into_iter()
                .map(|file| {
                    let path = dir.join(&file);
                    let text = std::fs::read_to_string(&path).map_err(|e| {
                        // The page shows the browser's message; the build says what really failed.
                        crate::build_context::failed(&format!("{}: {e}", path.display()));
                        LoadError::Network { file: file.clone() }
                    });
                    (file, text)
                })
                .collect();
            Fetched(Arc::new(texts))
        }
    }
}

/// The decoders of the published files, for `Fetched::decode`.
pub use kfkl_core::document::from_json as document;
pub use kfkl_core::followup::topic_from_json as topic;
pub use kfkl_core::model::from_json as json;
