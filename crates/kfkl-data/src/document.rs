//! Structured documents: `data/documents/*.md` → validated `Document`.
//!
//! The file is TOML front matter between `+++` lines, then a small Markdown-like
//! body (see the head of `data/documents/plan-2025.md`). Besides parsing, the
//! build proves two things: the body holds the source text word for word (only
//! the listed mends differ), and every table total equals the sum of its parts
//! unless the discrepancy is listed.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use kfkl_core::document::{
    is_total, Block, Commitment, Discrepancy, Document, Heading, Mend, Run, Table, TableRow, Tag,
};
use kfkl_core::model::{slug, SourceDoc, SCHEMA_VERSION};
use serde::Deserialize;

use crate::diag::Diagnostic;
use crate::quote::normalize;

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

/// The body, line by line. Besides blocks it keeps `plain`: each line as the
/// source text has it (markup and attributes removed), for the fidelity check.
struct BodyParser<'a> {
    tags: &'a [Tag],
    first_line: usize,
    blocks: Vec<Block>,
    errors: Vec<(usize, String)>,
    plain: Vec<(usize, String)>,
    table_lines: BTreeMap<(String, String), usize>,
    ids: HashSet<String>,
    area: String,
    focus: String,
    open: Option<Commitment>,
}

enum Pending {
    None,
    Paragraph { quote: bool, lines: Vec<String> },
    List(Vec<Vec<Run>>),
}

impl<'a> BodyParser<'a> {
    fn new(tags: &'a [Tag], first_line: usize) -> Self {
        BodyParser {
            tags,
            first_line,
            blocks: Vec::new(),
            errors: Vec::new(),
            plain: Vec::new(),
            table_lines: BTreeMap::new(),
            ids: HashSet::new(),
            area: String::new(),
            focus: String::new(),
            open: None,
        }
    }

    fn parse(&mut self, body: &str) {
        let lines: Vec<&str> = body.lines().collect();
        let mut pending = Pending::None;
        let mut i = 0;
        while i < lines.len() {
            let line_no = self.first_line + i;
            let line = lines[i].trim_end();
            if line.is_empty() {
                self.flush(&mut pending);
            } else if let Some(rest) = line.strip_prefix("```table") {
                self.flush(&mut pending);
                self.close_commitment();
                let (_, attrs) = split_attrs(rest.trim());
                let end = lines[i + 1..]
                    .iter()
                    .position(|l| l.trim_end() == "```")
                    .map(|p| i + 1 + p);
                let Some(end) = end else {
                    self.errors.push((line_no, "a table has no closing ``` line".into()));
                    return;
                };
                self.table(&lines[i + 1..end], line_no + 1, attrs.id);
                i = end;
            } else if line.starts_with('#') {
                self.flush(&mut pending);
                self.heading(line, line_no);
            } else if let Some(item) = line.strip_prefix("+ ") {
                self.flush(&mut pending);
                self.commitment(item, line_no);
            } else if let Some(item) = line.strip_prefix("- ") {
                if !matches!(pending, Pending::List(_)) {
                    self.flush(&mut pending);
                    pending = Pending::List(Vec::new());
                }
                self.plain.push((line_no, line.to_string()));
                if let Pending::List(items) = &mut pending {
                    items.push(runs(item));
                }
            } else {
                let (quote, text) = match line.strip_prefix("> ") {
                    Some(t) => (true, t),
                    None => (false, line),
                };
                if matches!(pending, Pending::List(_)) {
                    self.flush(&mut pending);
                }
                self.plain.push((line_no, text.to_string()));
                match &mut pending {
                    Pending::Paragraph { lines, .. } => lines.push(text.to_string()),
                    _ => {
                        pending = Pending::Paragraph {
                            quote,
                            lines: vec![text.to_string()],
                        }
                    }
                }
            }
            i += 1;
        }
        self.flush(&mut pending);
        self.close_commitment();
    }

    /// Paragraphs and lists after a commitment belong to it.
    fn push(&mut self, block: Block) {
        match &mut self.open {
            Some(c) => c.body.push(block),
            None => self.blocks.push(block),
        }
    }

    fn flush(&mut self, pending: &mut Pending) {
        match std::mem::replace(pending, Pending::None) {
            Pending::None => {}
            Pending::Paragraph { quote, lines } => {
                let runs = runs(&lines.join(" "));
                self.push(if quote {
                    Block::Quote { runs }
                } else {
                    Block::Paragraph { runs }
                });
            }
            Pending::List(items) => self.push(Block::List { items }),
        }
    }

    fn close_commitment(&mut self) {
        if let Some(c) = self.open.take() {
            self.blocks.push(Block::Commitment(c));
        }
    }

    fn claim_id(&mut self, id: &str, line: usize) {
        if !self.ids.insert(id.to_string()) {
            self.errors.push((
                line,
                format!("id '{id}' is used twice; give one of them an explicit {{#id}}"),
            ));
        }
    }

    fn heading(&mut self, line: &str, line_no: usize) {
        self.close_commitment();
        let level = line.chars().take_while(|&c| c == '#').count();
        let (text, attrs) = split_attrs(line[level..].trim());
        if !(2..=5).contains(&level) {
            self.errors
                .push((line_no, format!("heading level {level} is outside 2–5")));
        }
        let id = attrs.id.unwrap_or_else(|| slug(&text));
        self.claim_id(&id, line_no);
        if level == 2 {
            self.area = id.clone();
        }
        self.focus = id.clone();
        self.plain.push((line_no, text.clone()));
        self.blocks.push(Block::Heading(Heading {
            level: level as u8,
            id,
            text,
        }));
    }

    fn commitment(&mut self, item: &str, line_no: usize) {
        // A paragraph ending in ':' right before a commitment introduces the
        // commitments that follow ("… genom att:"); it does not explain the one before.
        let lead_in = self.open.as_mut().and_then(|c| match c.body.last() {
            Some(Block::Paragraph { runs }) if runs.last().is_some_and(|r| r.text.trim_end().ends_with(':')) => {
                c.body.pop()
            }
            _ => None,
        });
        self.close_commitment();
        self.blocks.extend(lead_in);
        let (text, attrs) = split_attrs(item);
        let id = attrs.id.unwrap_or_else(|| short_slug(&text));
        self.claim_id(&id, line_no);
        if attrs.tags.is_empty() {
            self.errors
                .push((line_no, "a commitment needs at least one tag: {tags=…}".into()));
        }
        for tag in &attrs.tags {
            if !self.tags.iter().any(|t| &t.id == tag) {
                self.errors
                    .push((line_no, format!("unknown tag '{tag}'; add it to [tags]")));
            }
        }
        self.plain.push((line_no, format!("- {text}")));
        self.open = Some(Commitment {
            id,
            text,
            tags: attrs.tags,
            area: self.area.clone(),
            focus: self.focus.clone(),
            body: Vec::new(),
        });
    }

    fn table(&mut self, lines: &[&str], first_line: usize, id: Option<String>) {
        let Some((caption, rows)) = lines.split_first() else {
            self.errors.push((first_line, "a table needs a caption line".into()));
            return;
        };
        let caption = caption.trim().to_string();
        let id = id.unwrap_or_else(|| slug(&caption));
        self.claim_id(&id, first_line);
        self.plain.push((first_line, caption.clone()));
        let mut columns = vec![String::new()];
        let mut out = Vec::new();
        for (k, row) in rows.iter().enumerate() {
            let line_no = first_line + 1 + k;
            self.plain.push((line_no, row.to_string()));
            let cells: Vec<&str> = row.trim_end_matches('\t').split('\t').collect();
            if cells[0].trim().is_empty() {
                columns = cells[1..].iter().map(|c| c.trim().to_string()).collect();
                continue;
            }
            let mut values = Vec::new();
            for cell in &cells[1..] {
                match parse_tkr(cell) {
                    Some(v) => values.push(v),
                    None => self
                        .errors
                        .push((line_no, format!("'{}' is not a number", cell.trim()))),
                }
            }
            if values.len() != columns.len() {
                self.errors.push((
                    line_no,
                    format!("row has {} values for {} columns", values.len(), columns.len()),
                ));
            }
            let label = cells[0].trim().to_string();
            for col in &columns {
                self.table_lines.insert((format!("{id}/{label}"), col.clone()), line_no);
            }
            out.push(TableRow { label, values });
        }
        self.blocks.push(Block::Table(Table {
            id,
            caption,
            columns,
            rows: out,
            note: None,
        }));
    }
}

struct Attrs {
    id: Option<String>,
    tags: Vec<String>,
}

/// "text {#id tags=a,b}" → ("text", attrs). Text without a trailing {…} has none.
fn split_attrs(text: &str) -> (String, Attrs) {
    let mut attrs = Attrs {
        id: None,
        tags: Vec::new(),
    };
    let Some(open) = text
        .rfind(" {")
        .filter(|_| text.ends_with('}'))
        .or_else(|| text.starts_with('{').then_some(0))
    else {
        return (text.to_string(), attrs);
    };
    let inner = text[open..].trim().trim_start_matches('{').trim_end_matches('}');
    for part in inner.split_whitespace() {
        if let Some(id) = part.strip_prefix('#') {
            attrs.id = Some(id.to_string());
        } else if let Some(tags) = part.strip_prefix("tags=") {
            attrs.tags = tags.split(',').filter(|t| !t.is_empty()).map(str::to_string).collect();
        }
    }
    (text[..open].trim().to_string(), attrs)
}

/// A slug of at most about 60 characters, cut between words.
fn short_slug(text: &str) -> String {
    let full = slug(text);
    if full.len() <= 60 {
        return full;
    }
    let cut = full[..60].rfind('-').unwrap_or(60);
    full[..cut].to_string()
}

/// "*Socialtjänst i samverkan*" → an emphasised run. A lone '*' stays as text.
fn runs(text: &str) -> Vec<Run> {
    let stars = text.matches('*').count();
    if stars < 2 {
        return vec![Run::plain(text)];
    }
    let mut out = Vec::new();
    let pairs = stars / 2 * 2;
    let mut seen = 0;
    let mut em = false;
    let mut current = String::new();
    for c in text.chars() {
        if c == '*' && seen < pairs {
            seen += 1;
            if !current.is_empty() {
                out.push(Run {
                    text: std::mem::take(&mut current),
                    em,
                });
            }
            em = !em;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(Run { text: current, em });
    }
    out
}

/// "21 701" → 21701, "-16 758" → −16758.
fn parse_tkr(cell: &str) -> Option<f64> {
    let cleaned: String = cell
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace('\u{2212}', "-")
        .replace(',', ".");
    if cleaned.is_empty() {
        return None;
    }
    cleaned.parse().ok()
}

/// Checks each total against its parts, attaches notes and returns the
/// discrepancies the file lists. Reports unlisted ones and listed ones that are gone.
fn check_tables(
    blocks: &mut [Block],
    notes: &[FrontNote],
    listed: &[FrontDiscrepancy],
    lines: &BTreeMap<(String, String), usize>,
    report: &mut dyn FnMut(usize, String),
) -> Vec<Discrepancy> {
    let mut found = Vec::new();
    for block in blocks.iter_mut() {
        let Block::Table(table) = block else { continue };
        table.note = notes.iter().find(|n| n.table == table.id).map(|n| n.text.clone());
        for (col, column) in table.columns.iter().enumerate() {
            for (row, computed) in totals(table, col) {
                let stated = table.rows[row].values.get(col).copied().unwrap_or(f64::NAN);
                if (stated - computed).abs() < 0.5 {
                    continue;
                }
                let label = &table.rows[row].label;
                match listed
                    .iter()
                    .find(|d| d.table == table.id && &d.row == label && &d.column == column)
                {
                    Some(d) => found.push(Discrepancy {
                        table: table.id.clone(),
                        row: label.clone(),
                        column: column.clone(),
                        stated,
                        computed,
                        note: d.note.clone(),
                    }),
                    None => {
                        let line = lines
                            .get(&(format!("{}/{label}", table.id), column.clone()))
                            .copied()
                            .unwrap_or(1);
                        report(line, format!(
                            "table '{}': {label} {column} is {stated} but its parts sum to {computed}; if the source has it so, list it as a [[discrepancy]]",
                            table.id
                        ));
                    }
                }
            }
        }
    }
    for d in listed {
        if !found
            .iter()
            .any(|f| f.table == d.table && f.row == d.row && f.column == d.column)
        {
            report(
                1,
                format!(
                    "listed discrepancy {}/{}/{} does not occur: remove it",
                    d.table, d.row, d.column
                ),
            );
        }
    }
    for n in notes {
        if !blocks.iter().any(|b| matches!(b, Block::Table(t) if t.id == n.table)) {
            report(1, format!("note for unknown table '{}'", n.table));
        }
    }
    found
}

/// (row index, what its parts sum to) for each total row of one column:
/// SUMMA INTÄKTER = the income rows, SUMMA KOSTNADER = the cost rows,
/// TOTALT = the two sums as stated (each level checks its immediate parts),
/// SUMMA = every row that is not a total.
pub fn totals(table: &Table, col: usize) -> Vec<(usize, f64)> {
    let value = |r: &TableRow| r.values.get(col).copied().unwrap_or(0.0);
    let is_total = |r: &TableRow| is_total(&r.label);
    let parts = |word: &str| -> f64 {
        table
            .rows
            .iter()
            .filter(|r| !is_total(r) && r.label.to_lowercase().contains(word))
            .map(value)
            .sum()
    };
    let stated = |label: &str, fallback: &str| -> f64 {
        table
            .rows
            .iter()
            .find(|r| r.label.to_lowercase() == label)
            .map_or_else(|| parts(fallback), value)
    };
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let label = row.label.to_lowercase();
        let computed = match label.as_str() {
            "summa intäkter" => parts("intäkter"),
            "summa kostnader" => parts("kostnader"),
            "totalt" => stated("summa intäkter", "intäkter") + stated("summa kostnader", "kostnader"),
            "summa" => table.rows.iter().filter(|r| !is_total(r)).map(value).sum(),
            _ => continue,
        };
        out.push((i, computed));
    }
    out
}

/// Compares the source (from `from_line`, skipped lines left out, mends applied)
/// with the body's plain text. White space, emphasis stars and the bullet sign
/// ("•" or "-") do not count. Returns the body line where they first differ.
fn check_fidelity(
    source: &str,
    front: &FrontSource,
    mends: &[Mend],
    plain: &[(usize, String)],
) -> Option<(usize, String)> {
    let file = &front.file;
    let kept: Vec<&str> = source
        .lines()
        .enumerate()
        .skip(front.from_line.saturating_sub(1))
        .filter(|(i, _)| !front.skip_lines.contains(&(i + 1)))
        .map(|(_, l)| l)
        .collect();
    let mut expected = comparable(&kept.join("\n"));
    // Mends are written as the text reads once line breaks are gone: "HR- chefsnätverk".
    for mend in mends {
        let found = expected.matches(&mend.from).count();
        if found != mend.count as usize {
            return Some((
                1,
                format!(
                    "mend '{}' → '{}': expected {} occurrence(s) in the source, found {found}",
                    mend.from, mend.to, mend.count
                ),
            ));
        }
        expected = expected.replace(&mend.from, &mend.to);
    }
    // The body's text, normalized, with the line each stretch starts at.
    let mut actual = String::new();
    let mut starts = Vec::new();
    for (line, text) in plain {
        let piece = comparable(text);
        if piece.is_empty() {
            continue;
        }
        if !actual.is_empty() {
            actual.push(' ');
        }
        starts.push((actual.len(), *line));
        actual.push_str(&piece);
    }
    if actual == expected {
        return None;
    }
    let at = actual.bytes().zip(expected.bytes()).take_while(|(a, b)| a == b).count();
    let line = starts
        .iter()
        .rev()
        .find(|(offset, _)| *offset <= at)
        .map_or(1, |(_, l)| *l);
    let context = |s: &str| -> String {
        let start = s.floor_char_boundary(at.saturating_sub(20));
        let end = s.ceil_char_boundary((at + 40).min(s.len()));
        s[start..end].to_string()
    };
    Some((
        line,
        format!(
            "the text differs from {file} (mends applied): file has «{}», source has «{}»",
            context(&actual),
            context(&expected)
        ),
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_needs_a_pair_of_stars() {
        assert_eq!(
            runs("a *b* c"),
            vec![
                Run::plain("a "),
                Run {
                    text: "b".into(),
                    em: true
                },
                Run::plain(" c")
            ]
        );
        assert_eq!(runs("*Fotnot utan slut."), vec![Run::plain("*Fotnot utan slut.")]);
    }

    #[test]
    fn attributes_are_split_from_text() {
        let (text, attrs) = split_attrs("Fokusområden {#fokus-a}");
        assert_eq!((text.as_str(), attrs.id.as_deref()), ("Fokusområden", Some("fokus-a")));
        let (text, attrs) = split_attrs("film för undervisning {tags=skola,unga}");
        assert_eq!(
            (text.as_str(), attrs.tags),
            ("film för undervisning", vec!["skola".to_string(), "unga".to_string()])
        );
        assert_eq!(split_attrs("ingen {klammer} här").0, "ingen {klammer} här");
    }

    #[test]
    fn table_cells_read_swedish_thousands() {
        for (cell, value) in [
            ("21 701", Some(21701.0)),
            ("-16 758", Some(-16758.0)),
            ("0", Some(0.0)),
            ("x", None),
            ("", None),
        ] {
            assert_eq!(parse_tkr(cell), value, "{cell:?}");
        }
    }

    #[test]
    fn long_commitment_ids_are_cut_between_words() {
        let id = short_slug(
            "samverka med Länsstyrelsen Kalmar län och Region Kalmar län i frågor som rör våld i nära relation",
        );
        assert!(id.len() <= 60 && !id.ends_with('-'), "{id}");
        assert_eq!(id, "samverka-med-lansstyrelsen-kalmar-lan-och-region-kalmar-lan");
    }
}
