//! Drafts a structured document (`data/documents/<typ>-<år>.md`) from the
//! extracted text of a new plan or report, for the association's editors: the
//! draft passes the build's word-for-word check at once, and what the text
//! could not tell (heading levels, sums, mends) is listed for a person to review.

pub mod mend;
pub mod review;
pub mod scan;
pub mod table;
pub mod toc;
pub mod write;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

pub use kfkl_core::publications::Kind;

pub fn title(kind: Kind, year: u16) -> String {
    match kind {
        Kind::Plan => format!("Verksamhetsplan och budget {year}"),
        Kind::Rapport => format!("Verksamhetsberättelse {year}"),
    }
}

/// As the existing documents name their sources: "vp2025", "vb2023".
fn source_id(kind: Kind, year: u16) -> String {
    match kind {
        Kind::Plan => format!("vp{year}"),
        Kind::Rapport => format!("vb{year}"),
    }
}

pub struct Options {
    pub kind: Kind,
    pub year: u16,
    pub input: PathBuf,
    pub data: PathBuf,
}

/// What the command did: the review to print, or the check's complaints
/// (the files are written all the same, for a person to fix).
pub struct Outcome {
    pub review: String,
    pub errors: Vec<Diagnostic>,
}

/// The draft's text and the review, from the extracted text alone.
pub struct Draft {
    pub md: String,
    pub review: String,
}

/// Runs the whole command. `Err` is a refusal: nothing was written.
pub fn run(o: &Options) -> Result<Outcome, String> {
    let text = std::fs::read_to_string(&o.input).map_err(|e| format!("kan inte läsa {}: {e}", o.input.display()))?;
    let id = format!("{}-{}", o.kind.word(), o.year);
    let source_rel = format!("sources/{id}.txt");
    let md_rel = format!("documents/{id}.md");
    let (source_path, md_path, index_path) = (
        o.data.join(&source_rel),
        o.data.join(&md_rel),
        o.data.join("dokument.toml"),
    );
    if md_path.exists() {
        return Err(format!(
            "{} finns redan; ta bort den först om ett nytt utkast ska skrivas",
            md_path.display()
        ));
    }
    if source_path.exists() && std::fs::read(&source_path).map_err(|e| e.to_string())? != text.as_bytes() {
        return Err(format!(
            "{} finns redan med annat innehåll; skriver inte över den",
            source_path.display()
        ));
    }
    let index_text =
        std::fs::read_to_string(&index_path).map_err(|e| format!("kan inte läsa {}: {e}", index_path.display()))?;
    let index: toml::Table =
        toml::from_str(&index_text).map_err(|e| format!("{}: {}", index_path.display(), e.message()))?;
    let entries = index
        .get("dokument")
        .and_then(|d| d.as_array())
        .cloned()
        .unwrap_or_default();
    let field = |e: &toml::Value, k: &str| e.get(k).and_then(|v| v.as_str()).map(str::to_string);
    if entries.iter().any(|e| field(e, "id").as_deref() == Some(id.as_str())) {
        return Err(format!("{id} står redan i {}", index_path.display()));
    }
    let current = entries.iter().find(|e| {
        field(e, "typ").as_deref() == Some(o.kind.word())
            && field(e, "status").as_deref() == Some(kfkl_core::publications::CURRENT)
    });
    let previous = current.and_then(|e| field(e, "id"));
    let tags = current
        .and_then(|e| field(e, "fil"))
        .map(|f| tags_of(&o.data.join(f)))
        .unwrap_or_default();

    let draft = build(
        &text,
        o.kind,
        o.year,
        &source_rel,
        &tags,
        previous.as_deref(),
        &md_path.display().to_string(),
    );
    if !source_path.exists() {
        std::fs::write(&source_path, &text).map_err(|e| format!("kan inte skriva {}: {e}", source_path.display()))?;
    }
    std::fs::write(&md_path, &draft.md).map_err(|e| format!("kan inte skriva {}: {e}", md_path.display()))?;
    let read_doc = |rel: &str| std::fs::read_to_string(o.data.join(rel)).map_err(|e| e.to_string());
    if let Err(errors) = crate::document::load(&md_path, &draft.md, &read_doc) {
        return Ok(Outcome {
            review: draft.review,
            errors,
        });
    }
    let entry = format!(
        "\n[[dokument]]\nid = \"{id}\"\ntyp = \"{}\"\nar = {}\ntitel = \"{}\"\nfil = \"{md_rel}\"\nstatus = \"utkast\"\n",
        o.kind.word(),
        o.year,
        title(o.kind, o.year)
    );
    let sep = if index_text.ends_with('\n') { "" } else { "\n" };
    std::fs::write(&index_path, format!("{index_text}{sep}{entry}"))
        .map_err(|e| format!("kan inte skriva {}: {e}", index_path.display()))?;
    Ok(Outcome {
        review: draft.review,
        errors: Vec::new(),
    })
}

/// The `[tags]` of a document's front matter, to offer them to the draft's commitments.
fn tags_of(path: &Path) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let front = text
        .strip_prefix("+++\n")
        .and_then(|r| r.find("\n+++\n").map(|end| r[..end + 1].to_string()));
    let Some(table) = front.and_then(|f| toml::from_str::<toml::Table>(&f).ok()) else {
        return Vec::new();
    };
    let Some(tags) = table.get("tags").and_then(|t| t.as_table()) else {
        return Vec::new();
    };
    tags.iter()
        .filter_map(|(k, v)| v.as_str().map(|l| (k.clone(), l.to_string())))
        .collect()
}

/// Builds the draft from the extracted text.
pub fn build(
    text: &str,
    kind: Kind,
    year: u16,
    source_rel: &str,
    tags: &[(String, String)],
    previous: Option<&str>,
    md_shown: &str,
) -> Draft {
    let lines: Vec<&str> = text.lines().collect();
    let (entries, from_line) = toc::find(&lines).unwrap_or_else(|| {
        (
            Vec::new(),
            lines.iter().position(|l| !l.trim().is_empty()).map_or(1, |i| i + 1),
        )
    });
    let levels = toc::levels(&entries);
    let skip: HashSet<usize> = (from_line - 1..lines.len())
        .filter(|&i| toc::is_page_number(lines[i]))
        .collect();
    let is_skipped = |i: usize| skip.contains(&i);
    let found = toc::locate(&entries, &lines, from_line - 1, &is_skipped);
    let toc_at = |i: usize| {
        found
            .iter()
            .zip(&levels)
            .find_map(|(f, l)| f.filter(|f| f.0 == i).map(|f| (f.1, *l)))
    };
    let scanned = scan::scan(&lines, from_line - 1, &is_skipped, &toc_at);

    let kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .skip(from_line - 1)
        .filter(|(i, _)| !skip.contains(i))
        .map(|(_, l)| *l)
        .collect();
    let kept_text = kept.join("\n");
    let mut candidates = scanned.mends.clone();
    for (from, to) in mend::inline_hyphens(&kept_text) {
        let at: Vec<usize> = (from_line - 1..lines.len())
            .filter(|&i| !skip.contains(&i) && lines[i].contains(&from))
            .map(|i| i + 1)
            .collect();
        candidates.push(mend::Mend {
            from,
            to,
            count: 0,
            why: mend::WHY_HYPHEN.into(),
            lines: at,
        });
    }
    let mends = mend::finalize(&kept_text, candidates);

    let mut skip_lines: Vec<usize> = skip.iter().map(|i| i + 1).collect();
    skip_lines.sort();
    let id = format!("{}-{year}", kind.word());
    let title = title(kind, year);
    let source_id = source_id(kind, year);
    let front = write::Front {
        id: &id,
        title: &title,
        source_id: &source_id,
        source_file: source_rel,
        from_line,
        skip_lines: &skip_lines,
        mends: &mends,
        tags,
    };
    let (body, discrepancies) = write::body(&scanned.blocks, &mends);
    let md = format!("{}\n{body}", write::front_matter(&front, &discrepancies));

    let missing: Vec<(String, usize)> = entries
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_none())
        .map(|(e, _)| (e.text.clone(), e.line))
        .collect();
    let skipped: Vec<(usize, String)> = skip_lines
        .iter()
        .map(|&l| (l, lines[l - 1].trim().to_string()))
        .collect();
    let review = review::text(&review::Review {
        id: &id,
        md: md_shown,
        blocks: &scanned.blocks,
        missing: &missing,
        broken: &scanned.broken,
        mends: &mends,
        skipped: &skipped,
        previous,
    });
    Draft { md, review }
}
