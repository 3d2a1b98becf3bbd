//! Subresource integrity for the built HTML (native only, at build time):
//! every script, module preload and stylesheet the template names gets the
//! `sha384` of its file, and the loader's `data-js` and `data-wasm` get
//! theirs (`data-js-integrity`, `data-wasm-integrity`), which `loader.js`
//! hands to the browser when it fetches them. A changed file then fails to
//! load instead of running.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha384};

/// `html` with integrity where it names a file of `dir` (the staging
/// directory) at a path under `public_url` ("/" or "/kfkl/").
pub fn add(html: &str, dir: &Path, public_url: &str) -> Result<String, String> {
    let hash = |url: &str| -> Result<String, String> {
        let file = url.strip_prefix(public_url).unwrap_or(url).trim_start_matches('/');
        let bytes = std::fs::read(dir.join(file)).map_err(|e| format!("{file}: {e} (named in index.html)"))?;
        Ok(format!(
            "sha384-{}",
            base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes))
        ))
    };
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        rest = &rest[end..];
        let name = tag[1..].split([' ', '>', '/']).next().unwrap_or("");
        let linked = match name {
            "script" => attribute(tag, "src"),
            "link" if matches!(attribute(tag, "rel"), Some("stylesheet" | "modulepreload")) => attribute(tag, "href"),
            _ => None,
        };
        let mut extra = String::new();
        if let Some(url) = linked.filter(|_| attribute(tag, "integrity").is_none()) {
            extra.push_str(&format!(" integrity=\"{}\"", hash(url)?));
        }
        for data in ["data-js", "data-wasm"] {
            if let Some(url) = attribute(tag, data) {
                extra.push_str(&format!(" {data}-integrity=\"{}\"", hash(url)?));
            }
        }
        // A void element's "/>" (as Trunk writes a stylesheet link) is HTML's ">":
        // the trailing slash means nothing, and the Nu checker warns of it.
        let close = if tag.ends_with("/>") {
            tag.len() - 2
        } else {
            tag.len() - 1
        };
        out.push_str(tag[..close].trim_end());
        out.push_str(&extra);
        out.push('>');
    }
    out.push_str(rest);
    Ok(out)
}

/// The value of `name="…"` in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_preload_and_stylesheet_gets_the_hash_of_its_file() {
        let dir = std::env::temp_dir().join(format!("kfkl-integrity-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in [("a.js", "abc"), ("s.css", ""), ("app.wasm", "wasm")] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        // sha384 of "abc", of "" and of "wasm".
        let (abc, empty) = (
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn",
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb",
        );
        // (html, with integrity)
        let cases = [
            (
                "<script type=\"module\" src=\"/kfkl/a.js\"></script>".to_string(),
                format!("<script type=\"module\" src=\"/kfkl/a.js\" integrity=\"{abc}\"></script>"),
            ),
            (
                "<link rel=\"stylesheet\" href=\"/kfkl/s.css\"/>".into(),
                format!("<link rel=\"stylesheet\" href=\"/kfkl/s.css\" integrity=\"{empty}\">"),
            ),
            (
                "<link rel=\"icon\" href=\"favicon.svg\">".into(),
                "<link rel=\"icon\" href=\"favicon.svg\">".into(),
            ),
            (
                format!("<link rel=\"stylesheet\" href=\"/kfkl/s.css\" integrity=\"{empty}\"/>"),
                format!("<link rel=\"stylesheet\" href=\"/kfkl/s.css\" integrity=\"{empty}\">"),
            ),
        ];
        for (html, expected) in cases {
            assert_eq!(add(&html, &dir, "/kfkl/").unwrap(), expected);
        }
        let loader = add(
            "<p>x</p><script src=\"/kfkl/a.js\" data-js=\"/kfkl/a.js\" data-wasm=\"/kfkl/app.wasm\"></script>",
            &dir,
            "/kfkl/",
        )
        .unwrap();
        assert!(loader.starts_with("<p>x</p><script src=\"/kfkl/a.js\" data-js=\"/kfkl/a.js\" data-wasm=\"/kfkl/app.wasm\" integrity=\"sha384-"), "{loader}");
        assert!(
            loader.contains(&format!("data-js-integrity=\"{abc}\""))
                && loader.contains("data-wasm-integrity=\"sha384-"),
            "{loader}"
        );
        assert!(add("<script src=\"/kfkl/missing.js\"></script>", &dir, "/kfkl/")
            .unwrap_err()
            .contains("missing.js"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
