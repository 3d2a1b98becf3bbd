//! The search index (`sok.json`): every paragraph, list item, commitment,
//! heading and table caption of the documents, and every key figure, with the
//! heading it stands under. Built here so the browser only looks words up.

use kfkl_core::document::{plain_text as text_of, Block, Document};
use kfkl_core::format::format_figure;
use kfkl_core::model::{Dataset, Municipality, SCHEMA_VERSION};
use kfkl_core::publications::Index;
use kfkl_core::search::{Entry, SearchDoc, SearchIndex, Section};
use kfkl_core::stats::Survey;

/// Documents and datasets without a page are left out (and a test says which).
/// `dataset_routes`: (dataset id, page) for key-figure files that a survey
/// shows as its data; the others belong to the document the index names them for.
pub fn index(
    documents: &[Document],
    publications: &Index,
    dataset_routes: &[(String, String)],
    datasets: &[Dataset],
    surveys: &[Survey],
    municipalities: &[Municipality],
) -> SearchIndex {
    let mut b = Builder::default();
    // Each municipality leads to its report: a search for "Vimmerby" finds it by name.
    for m in municipalities {
        b.doc(
            &format!("Kommunrapport: {} kommun", m.name),
            &format!("/kommun/{}", m.slug),
        );
        b.section("", &format!("{} kommun", m.name));
        b.push(format!("{} kommun: kommunrapport med ungas levnadsvillkor och vanor jämförda med länet, och vad förbundets dokument säger om {}.", m.name, m.name), None);
    }
    // Newest first: at equal relevance, the newest document's hits come first.
    for p in publications.published() {
        let Some(doc) = documents.iter().find(|d| d.id == p.id) else {
            continue;
        };
        let path = p.path();
        b.doc(&doc.title, &path);
        b.path.clear();
        b.section("", &doc.title);
        for block in &doc.blocks {
            b.block(block, None);
        }
    }
    for ds in datasets {
        let Some(path) = route(publications, dataset_routes, &ds.id) else {
            continue;
        };
        let path = path.as_str();
        b.doc(&format!("Nyckeltal: {}", ds.title), path);
        b.section("", &ds.title);
        let top = b.sections.len() as u32 - 1;
        for f in &ds.figures {
            let text = format!("{}: {}", f.label, format_figure(f));
            // Figures quoted in a structured document link to their section there.
            let anchor = f.source.anchor.clone().filter(|_| path != "/statistik/av-play");
            b.entries.push(Entry {
                section: top,
                anchor,
                text,
            });
        }
    }
    // Indicators link to the explorer with the indicator chosen ("?indikator=…"):
    // an anchor starting with '?' is a query, not a fragment.
    for survey in surveys {
        b.doc(&format!("Statistik: {}", survey.title), &survey.route);
        let mut themes: Vec<&str> = Vec::new();
        for i in &survey.indicators {
            if !themes.contains(&i.theme.as_str()) {
                themes.push(&i.theme);
            }
        }
        for theme in themes {
            b.section("", theme);
            for i in survey.indicators.iter().filter(|i| i.theme == theme) {
                let text = match &i.question {
                    Some(q) if *q != i.label => format!("{}. {} {}", i.label, q, i.definition),
                    _ => format!("{}. {}", i.label, i.definition),
                };
                b.push(text, Some(&format!("?indikator={}", i.id)));
            }
        }
    }
    SearchIndex::build(SCHEMA_VERSION, b.docs, b.sections, b.entries)
}

/// A key-figure file's page: the survey that shows it, else the budget of the
/// plan that names it as its staff figures, else the report that shows it.
pub fn route(publications: &Index, dataset_routes: &[(String, String)], id: &str) -> Option<String> {
    if let Some((_, r)) = dataset_routes.iter().find(|(d, _)| d == id) {
        return Some(r.clone());
    }
    publications.published().into_iter().find_map(|p| {
        if p.personal.as_deref() == Some(id) {
            Some(format!("{}/budget", p.path()))
        } else {
            p.nyckeltal.iter().flatten().any(|n| n == id).then(|| p.path())
        }
    })
}

#[derive(Default)]
struct Builder {
    docs: Vec<SearchDoc>,
    sections: Vec<Section>,
    entries: Vec<Entry>,
    /// Open headings, so a hit names its whole place.
    path: Vec<kfkl_core::document::Heading>,
}

impl Builder {
    fn doc(&mut self, title: &str, path: &str) {
        self.docs.push(SearchDoc {
            title: title.to_string(),
            path: path.to_string(),
        });
    }

    fn section(&mut self, anchor: &str, title: &str) {
        let doc = self.docs.len() as u32 - 1;
        self.sections.push(Section {
            doc,
            anchor: anchor.to_string(),
            title: title.to_string(),
        });
    }

    fn push(&mut self, text: String, anchor: Option<&str>) {
        let section = self.sections.len() as u32 - 1;
        self.entries.push(Entry {
            section,
            anchor: anchor.map(str::to_string),
            text,
        });
    }

    fn block(&mut self, block: &Block, anchor: Option<&str>) {
        match block {
            Block::Heading(h) => {
                kfkl_core::document::enter(&mut self.path, h);
                let place: Vec<&str> = self.path.iter().map(|h| h.text.as_str()).collect();
                self.section(&h.id, &place.join(" › "));
                self.push(h.text.clone(), None);
            }
            Block::Paragraph { runs } | Block::Quote { runs } => self.push(text_of(runs), anchor),
            Block::List { items } => items.iter().for_each(|i| self.push(text_of(i), anchor)),
            Block::Commitment(c) => {
                self.push(c.text.clone(), Some(&c.id));
                c.body.iter().for_each(|b| self.block(b, Some(&c.id)));
            }
            Block::Table(t) => {
                let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
                self.push(format!("{}: {}", t.caption, labels.join(", ")), Some(&t.id));
            }
        }
    }
}
