//! Structured documents: `data/documents/*.md` → validated `Document`.
//!
//! The file is TOML front matter between `+++` lines, then a small Markdown-like
//! body (see the head of `data/documents/plan-2025.md`). Besides parsing, the
//! build proves two things: the body holds the source text word for word (only
//! the listed mends differ), and every table total equals the sum of its parts
//! unless the discrepancy is listed.

use std::path::Path;

use kfkl_core::document::{Block, Document, Heading, Mend, Tag};
use kfkl_core::model::{SourceDoc, SCHEMA_VERSION};
use serde::Deserialize;

use crate::diag::Diagnostic;
use crate::quote::normalize;

mod body;
mod checks;

use body::BodyParser;
pub use checks::totals;
use checks::{check_fidelity, check_tables};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Front {
    id: String,
    title: String,
    source: FrontSource,
    #[serde(default, rename = "mend")]
    mends: Vec<Mend>,
    #[serde(default)]
    tags: toml::Table,
    #[serde(default, rename = "note")]
    notes: Vec<FrontNote>,
    #[serde(default, rename = "discrepancy")]
    discrepancies: Vec<FrontDiscrepancy>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontSource {
    id: String,
    title: String,
    publisher: String,
    file: String,
    from_line: usize,
    /// Source lines that are page furniture (a page number left in the text).
    #[serde(default)]
    skip_lines: Vec<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontNote {
    table: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontDiscrepancy {
    table: String,
    row: String,
    column: String,
    note: String,
}

/// Reads and checks one document. `read_doc` returns a source text by its path
/// relative to the data folder.
pub fn load(
    path: &Path,
    text: &str,
    read_doc: &dyn Fn(&str) -> Result<String, String>,
) -> Result<Document, Vec<Diagnostic>> {
    let err = |line: usize, reason: String| Diagnostic {
        file: path.to_path_buf(),
        line,
        reason,
    };
    let Some(rest) = text.strip_prefix("+++\n") else {
        return Err(vec![err(
            1,
            "a document starts with TOML front matter between '+++' lines".into(),
        )]);
    };
    let Some(end) = rest.find("\n+++\n") else {
        return Err(vec![err(1, "the front matter has no closing '+++' line".into())]);
    };
    let front_text = &rest[..end + 1];
    let front: Front = toml::from_str(front_text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        vec![err(1 + line_of(front_text, offset), e.message().trim().to_string())]
    })?;
    // Line 1 is "+++", the front matter follows, then the closing "+++".
    let body_first_line = 1 + front_text.lines().count() + 2;
    let body = &rest[end + 5..];

    let mut errors = Vec::new();
    let tags: Vec<Tag> = front
        .tags
        .iter()
        .map(|(id, label)| Tag {
            id: id.clone(),
            label: label.as_str().unwrap_or_default().to_string(),
        })
        .collect();
    let mut parser = BodyParser::new(&tags, body_first_line);
    parser.parse(body);
    errors.extend(parser.errors.into_iter().map(|(line, reason)| err(line, reason)));

    let mut blocks = parser.blocks;
    let discrepancies = check_tables(
        &mut blocks,
        &front.notes,
        &front.discrepancies,
        &parser.table_lines,
        &mut |line, reason| errors.push(err(line, reason)),
    );

    match read_doc(&front.source.file) {
        Ok(source) => {
            if let Some(e) = check_fidelity(&source, &front.source, &front.mends, &parser.plain) {
                errors.push(err(e.0, e.1));
            }
        }
        Err(why) => errors.push(err(1, format!("cannot read source {}: {why}", front.source.file))),
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Document {
        schema_version: SCHEMA_VERSION,
        id: front.id,
        title: front.title,
        source: SourceDoc {
            id: front.source.id,
            title: front.source.title,
            publisher: front.source.publisher,
        },
        tags,
        mends: front.mends,
        blocks,
        discrepancies,
        see_also: Vec::new(),
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The headings (outermost first) above the first block whose text holds
/// `quote`, white space aside and the document's mends applied to the quote
/// (it is copied from the unmended source). `None` where the text is not found.
pub fn section_of(doc: &Document, quote: &str) -> Option<Vec<Heading>> {
    let mut needle = comparable(quote);
    for mend in &doc.mends {
        needle = needle.replace(&mend.from, &mend.to);
    }
    use kfkl_core::document::plain_text as text_of;
    fn holds(block: &Block, needle: &str) -> bool {
        let has = |t: &str| comparable(t).contains(needle);
        match block {
            Block::Paragraph { runs } | Block::Quote { runs } => has(&text_of(runs)),
            Block::List { items } => items.iter().any(|i| has(&text_of(i))),
            Block::Commitment(c) => has(&c.text) || c.body.iter().any(|b| holds(b, needle)),
            Block::Heading(_) | Block::Table(_) => false,
        }
    }
    let mut path: Vec<Heading> = Vec::new();
    for block in &doc.blocks {
        if let Block::Heading(h) = block {
            kfkl_core::document::enter(&mut path, h);
        } else if holds(block, &needle) {
            return Some(path);
        }
    }
    None
}

/// Text as the fidelity check compares it: white space collapsed, emphasis
/// stars dropped, bullets written "-".
fn comparable(text: &str) -> String {
    normalize(&text.replace('*', "").replace('•', "-"))
}

/// Counts of headings, paragraphs (quotes included) and bullets (commitments and list items).
pub fn counts(doc: &Document) -> (usize, usize, usize) {
    fn walk(blocks: &[Block], c: &mut (usize, usize, usize)) {
        for b in blocks {
            match b {
                Block::Heading(_) => c.0 += 1,
                Block::Paragraph { .. } | Block::Quote { .. } => c.1 += 1,
                Block::List { items } => c.2 += items.len(),
                Block::Commitment(cm) => {
                    c.2 += 1;
                    walk(&cm.body, c);
                }
                Block::Table(_) => {}
            }
        }
    }
    let mut c = (0, 0, 0);
    walk(&doc.blocks, &mut c);
    c
}
