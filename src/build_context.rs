//! The build's state while the prerenderer renders (native only): where the
//! published data are, the site's configured URL, what the page being
//! rendered asked of its head, and the data files that failed. Pages, `api`
//! and `head` write here; `prerender` configures it and reads it back. No
//! module of the app imports `prerender`.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The data directory (`dist/data/` in Trunk's staging directory).
static DATA: OnceLock<PathBuf> = OnceLock::new();

/// The site's absolute URL without a trailing slash ("https://statistik.example.se/kfkl"),
/// where one is configured.
static SITE_URL: OnceLock<Option<String>> = OnceLock::new();

/// Sets the data directory and the site URL, once; a second, different call is a bug.
pub fn set(data: &Path, site_url: Option<String>) -> Result<(), String> {
    if DATA.get_or_init(|| data.to_path_buf()) != data {
        return Err(format!(
            "the data directory set twice: {} after {:?}",
            data.display(),
            DATA.get()
        ));
    }
    if SITE_URL.get_or_init(|| site_url.clone()) != &site_url {
        return Err(format!(
            "the site URL set twice: {site_url:?} after {:?}",
            SITE_URL.get()
        ));
    }
    Ok(())
}

pub fn data_dir() -> &'static Path {
    DATA.get()
        .expect("the prerender sets the data directory before rendering")
}

/// The configured site's URL without a trailing slash, if any.
pub fn site_url() -> Option<String> {
    SITE_URL.get().cloned().flatten()
}

/// The configured site's origin ("https://statistik.example.se"), or "".
pub fn origin() -> String {
    let Some(url) = site_url() else {
        return String::new();
    };
    let scheme = url.find("://").map_or(0, |i| i + 3);
    match url[scheme..].find('/') {
        Some(i) => url[..scheme + i].to_string(),
        None => url,
    }
}

/// What one rendered page asked of its head.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Head {
    /// The page's own title, without the site's name.
    pub page: String,
    pub description: String,
    /// A path without the base, where the page is not its own canonical page.
    pub canonical: Option<String>,
    pub no_index: bool,
}

thread_local! {
    static HEAD: RefCell<Head> = RefCell::default();
    static FAILED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

pub fn with_head(f: impl FnOnce(&mut Head)) {
    HEAD.with(|h| f(&mut h.borrow_mut()));
}

/// A data file that could not be read or decoded while rendering.
pub fn failed(what: &str) {
    FAILED.with(|f| f.borrow_mut().push(what.to_string()));
}

/// What the page rendered since the last call asked for, and what failed.
pub fn take() -> (Head, Vec<String>) {
    (HEAD.with(|h| h.take()), FAILED.with(|f| f.take()))
}
