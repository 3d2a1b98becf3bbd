//! The prerender, natively: every route renders from the published data with
//! its head, the same components draw the same content, and the head escapes
//! what the data says.

use std::path::PathBuf;
use std::sync::Once;

use kfkl_site::prerender::{configure, head_html, render, routes, Page};

/// Publishes the data build's files once into a temporary folder and points the prerender at it.
fn data() -> PathBuf {
    static SETUP: Once = Once::new();
    let dir = std::env::temp_dir().join(format!("kfkl-prerender-test-{}", std::process::id()));
    SETUP.call_once(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let build = kfkl_data::build(&root.join("data")).unwrap_or_else(|e| panic!("data build: {e:?}"));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes) in kfkl_data::publish::files(&build) {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        configure("/", Some("https://example.org/"), &dir).unwrap();
    });
    dir
}

#[test]
fn every_route_renders_with_its_data_a_title_and_a_description() {
    let routes = routes(&data()).unwrap();
    for expected in [
        "/",
        "/plan/2025",
        "/plan/2025/budget",
        "/rapport/2023",
        "/uppfoljning/ungas-uppvaxt",
        "/statistik/lupp",
        "/kommun/morbylanga",
        "/kommun/0840",
        "/embed/andts",
        "/embed/av-media-2023",
        "/embed/uppfoljning-etablering",
        "/embed/kommun-kalmar",
        "/embed/budget-intakter",
        "/sok",
    ] {
        assert!(routes.iter().any(|r| r == expected), "{expected} is prerendered");
    }
    for route in &routes {
        let page = render(route);
        assert_eq!(page.failures, Vec::<String>::new(), "{route}");
        assert!(
            !page.head.page.is_empty() && page.head.description.len() > 30,
            "{route}: {:?}",
            page.head
        );
        assert_eq!(page.body.matches("<main").count(), 1, "{route}");
        assert_eq!(page.body.matches("<h1").count(), 1, "{route}");
        assert!(
            !page.body.contains("<!>") && !page.body.contains("Laddar "),
            "{route}: no hydration markers, no loading state"
        );
    }
}

#[test]
fn pages_are_the_components_output_with_their_data() {
    data();
    let cases: &[(&str, &[&str])] = &[
        (
            "/plan/2025",
            &[
                "Kommunförbundet Kalmar län är en samverkansplattform",
                "class=\"commitment\"",
                "aria-current=\"page\"",
            ],
        ),
        ("/plan/2025/budget", &["34\u{a0}946\u{a0}tkr", "<svg"]),
        // Both drawings of the explorer; the stylesheet shows the one for the screen.
        (
            "/statistik/andts",
            &["class=\"svg-wide\"", "class=\"svg-narrow\"", ">Riket</th>"],
        ),
        ("/sok", &["<noscript>", "Sökningen behöver JavaScript"]),
        ("/sidan-finns-inte", &["Sidan finns inte"]),
    ];
    for (route, wanted) in cases {
        let page = render(route);
        for text in *wanted {
            assert!(page.body.contains(text), "{route}: {text}");
        }
    }
}

#[test]
fn the_head_names_the_page_and_its_canonical_url() {
    data();
    let head = head_html(&render("/kommun/0880"));
    assert!(
        head.contains("<title>Kalmar kommun – kommunrapport – Kommunförbundet Kalmar län</title>"),
        "{head}"
    );
    // By code or by name one page: search engines list it by name.
    // With the slash: hosts redirect "/kommun/kalmar" to it.
    assert!(
        head.contains("<link rel=\"canonical\" href=\"https://example.org/kommun/kalmar/\">"),
        "{head}"
    );
    assert!(head.contains("<meta property=\"og:url\" content=\"https://example.org/kommun/kalmar/\">"));
    assert!(head_html(&render("/")).contains("href=\"https://example.org/\""));
    let embed = head_html(&render("/embed/lupp"));
    assert!(embed.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(
        !head_html(&render("/sidan-finns-inte")).contains("canonical"),
        "the not-found page has no canonical URL"
    );
}

#[test]
fn the_head_escapes_what_the_data_says() {
    data();
    let mut page: Page = render("/");
    page.head.page = "<script>alert(1)</script>".into();
    page.head.description = "\"><img src=x onerror=alert(1)>".into();
    let head = head_html(&page);
    assert!(
        head.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; – Kommunförbundet Kalmar län</title>"),
        "{head}"
    );
    assert!(
        head.contains("<meta name=\"description\" content=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"),
        "{head}"
    );
    assert!(!head.contains("<img"), "{head}");
}
