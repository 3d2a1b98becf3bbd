//! The body of a document, line by line: the Markdown-like lines → blocks (headings,
//! commitments, paragraphs, lists, tables), and each line's plain text for the fidelity check.

use std::collections::{BTreeMap, HashSet};

use kfkl_core::document::{Block, Commitment, Heading, Run, Table, TableRow, Tag};
use kfkl_core::model::slug;

/// The body, line by line. Besides blocks it keeps `plain`: each line as the
/// source text has it (markup and attributes removed), for the fidelity check.
pub(super) struct BodyParser<'a> {
    tags: &'a [Tag],
    first_line: usize,
    pub(super) blocks: Vec<Block>,
    pub(super) errors: Vec<(usize, String)>,
    pub(super) plain: Vec<(usize, String)>,
    pub(super) table_lines: BTreeMap<(String, String), usize>,
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
    pub(super) fn new(tags: &'a [Tag], first_line: usize) -> Self {
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

    pub(super) fn parse(&mut self, body: &str) {
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

#[cfg(test)]
mod tests;
