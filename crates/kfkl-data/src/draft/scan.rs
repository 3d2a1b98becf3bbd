//! Reads the body of an extracted text into draft blocks: headings (from the
//! table of contents, or a short line standing alone), paragraphs, bullets,
//! commitments and budget tables, collecting the mends the text needs.

use super::mend::{self, Mend};
use super::table::{self, DraftTable};
use super::toc::Level;
use crate::quote::normalize;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `line` is 1-based; `toc` says whether the table of contents has it.
    Heading {
        text: String,
        level: Level,
        toc: bool,
        line: usize,
    },
    Paragraph {
        text: String,
        line: usize,
    },
    Item {
        text: String,
        line: usize,
        commitment: bool,
    },
    Table(DraftTable),
}

pub struct Scan {
    pub blocks: Vec<Block>,
    pub mends: Vec<Mend>,
    /// Tables with rows that could not be split, left as paragraphs.
    pub broken: Vec<DraftTable>,
}

/// "• text", "- text", "– text", "o text" → (bullet, text).
pub fn bullet(line: &str) -> Option<(char, &str)> {
    let t = line.trim_start();
    let mut chars = t.chars();
    let b = chars.next()?;
    let rest = chars.as_str();
    let spaced = rest.starts_with([' ', '\t']);
    match b {
        '•' | '\u{f0b7}' | '▪' | '●' => Some((b, rest.trim_start())),
        '-' | '–' if spaced => Some((b, rest.trim_start())),
        'o' if spaced && rest.trim_start().starts_with(char::is_uppercase) => Some((b, rest.trim_start())),
        _ => None,
    }
}

/// A short line that can be a heading: no sentence punctuation at its end, a capital first.
pub fn heading_like(line: &str) -> bool {
    let t = normalize(line);
    let words = t.split(' ').count();
    !t.is_empty()
        && words <= 12
        && t.chars().count() <= 90
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !t.ends_with(['.', ',', ':', ';', '!', '?', '-', '–'])
        && !t.contains('\t')
        && bullet(line).is_none()
        && !t.chars().all(|c| c.is_ascii_digit() || c == ' ')
}

/// A commitment or heading as compared: lower case, no final full stop.
fn fold(text: &str) -> String {
    normalize(text).trim_end_matches(['.', ' ']).to_lowercase()
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ':', ';'])
}

fn opens_commitments(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(':').trim_end();
    t.ends_with("genom att")
}

enum Pending {
    None,
    Paragraph(Vec<usize>),
    Item(Vec<usize>, bool),
}

struct Scanner<'a> {
    lines: Vec<String>,
    skip: &'a dyn Fn(usize) -> bool,
    toc: &'a dyn Fn(usize) -> Option<(usize, Level)>,
    out: Scan,
    pending: Pending,
    last_toc_level: Option<u8>,
    resultat_level: Option<u8>,
    commitments: bool,
    /// The commitments since the last table-of-contents heading, folded for comparison.
    promised: Vec<String>,
}

/// Scans `lines` from the 0-based line `from`. `skip` tells page furniture;
/// `toc` tells where a table-of-contents heading starts: its last line and level.
pub fn scan(
    lines: &[&str],
    from: usize,
    skip: &dyn Fn(usize) -> bool,
    toc: &dyn Fn(usize) -> Option<(usize, Level)>,
) -> Scan {
    let mut s = Scanner {
        lines: lines.iter().map(|l| l.to_string()).collect(),
        skip,
        toc,
        out: Scan {
            blocks: Vec::new(),
            mends: Vec::new(),
            broken: Vec::new(),
        },
        pending: Pending::None,
        last_toc_level: None,
        resultat_level: None,
        commitments: false,
        promised: Vec::new(),
    };
    let mut i = from;
    let mut after_break = true;
    while i < s.lines.len() {
        if (s.skip)(i) {
            i += 1;
            continue;
        }
        let blank = s.lines[i].trim().is_empty();
        i = if blank {
            s.flush();
            i + 1
        } else {
            s.line(i, from, after_break)
        };
        after_break =
            blank || matches!(s.out.blocks.last(), Some(Block::Heading { .. })) && matches!(s.pending, Pending::None);
    }
    s.flush();
    s.out
}

impl Scanner<'_> {
    /// Reads the block that starts or goes on at line `i`; returns the next line to read.
    fn line(&mut self, i: usize, from: usize, after_break: bool) -> usize {
        if let Some((end, level)) = (self.toc)(i) {
            self.flush();
            let text = normalize(&self.lines[i..=end].join(" "));
            self.last_toc_level = Some(level.level);
            self.resultat_level = None;
            self.promised.clear();
            self.heading(text, level, true, i, end);
            return end + 1;
        }
        let starts_block = matches!(self.pending, Pending::None);
        if starts_block {
            if let Some(end) = self.table(i) {
                return end;
            }
        }
        if let Some(end) = self.echo(i, starts_block && after_break) {
            return end;
        }
        let text = self.lines[i].clone();
        let next_blank = i + 1 < self.lines.len() && ((self.skip)(i + 1) || self.lines[i + 1].trim().is_empty());
        let alone = after_break
            && starts_block
            && heading_like(&text)
            && (next_blank || i == from || normalize(&text) == "Resultat");
        // A lead-in to a list ("… genom att") is not a heading; a short name over one may be.
        let leads_list = self.next_kept(i).is_some_and(|j| bullet(&self.lines[j]).is_some())
            && (opens_commitments(&text) || text.split_whitespace().count() > 5);
        if alone && !leads_list && self.next_kept(i).is_some() {
            let text = normalize(&text);
            let level = if text == "Resultat" {
                let l = self.last_toc_level.map_or(2, |l| l + 1).min(5);
                self.resultat_level = Some(l);
                l
            } else {
                self.resultat_level.or(self.last_toc_level).map_or(2, |l| l + 1).min(5)
            };
            self.heading(text, Level { level, guessed: true }, false, i, i);
            return i + 1;
        }
        if let Some((b, rest)) = bullet(&text) {
            self.flush();
            if b != '•' && b != '-' {
                let rest = normalize(rest);
                self.out.mends.push(Mend {
                    from: format!("{b} {rest}"),
                    to: format!("- {rest}"),
                    count: 0,
                    why: mend::WHY_BULLET.into(),
                    lines: vec![i + 1],
                });
            }
            self.lines[i] = rest.to_string();
            self.pending = Pending::Item(vec![i], self.commitments);
            return i + 1;
        }
        self.text_line(i);
        i + 1
    }

    /// A line of running text: goes on the open block, or on the paragraph a
    /// page break cut (it starts in lower case), or opens a paragraph.
    fn text_line(&mut self, i: usize) {
        let reopen = matches!(self.pending, Pending::None)
            && self.lines[i].trim_start().starts_with(char::is_lowercase)
            && matches!(self.out.blocks.last(), Some(Block::Paragraph { text, .. }) if !ends_sentence(text));
        if reopen {
            if let Some(Block::Paragraph { line, .. }) = self.out.blocks.pop() {
                self.pending = Pending::Paragraph(self.reopened(line - 1, i));
            }
        }
        match &mut self.pending {
            Pending::Paragraph(lines) | Pending::Item(lines, _) => {
                let prev = *lines.last().unwrap_or(&i);
                if let Some((from, to)) = mend::line_break(&self.lines[prev], &self.lines[i]) {
                    self.out.mends.push(Mend {
                        from,
                        to,
                        count: 0,
                        why: mend::WHY_HYPHEN.into(),
                        lines: vec![prev + 1],
                    });
                }
                lines.push(i);
            }
            Pending::None => self.pending = Pending::Paragraph(vec![i]),
        }
    }

    /// The kept, non-blank lines of a paragraph from its first line to before `until`.
    fn reopened(&self, first: usize, until: usize) -> Vec<usize> {
        (first..until)
            .filter(|&k| !(self.skip)(k) && !self.lines[k].trim().is_empty())
            .collect()
    }

    /// In a "Resultat" section, a block that repeats one of the section's
    /// commitments is the report's sub-heading for it, however long.
    fn echo(&mut self, i: usize, block_start: bool) -> Option<usize> {
        let level = self.resultat_level?.saturating_add(1).min(5);
        if !block_start || self.promised.is_empty() {
            return None;
        }
        let end = (i..self.lines.len())
            .find(|&j| (self.skip)(j) || self.lines[j].trim().is_empty())
            .unwrap_or(self.lines.len());
        let text = normalize(&self.lines[i..end].join(" "));
        if bullet(&text).is_some() || !self.promised.contains(&fold(&text)) {
            return None;
        }
        self.heading(text, Level { level, guessed: true }, false, i, end - 1);
        Some(end)
    }

    fn next_kept(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !(self.skip)(j) && !self.lines[j].trim().is_empty())
    }

    fn heading(&mut self, text: String, level: Level, toc: bool, first: usize, last: usize) {
        self.commitments = false;
        // A heading repeated at the head of the next line ("Miljö och livsmedel Miljösamverkan …").
        if let Some(j) = self.next_kept(last) {
            let next = normalize(&self.lines[j]);
            if let Some(rest) = next.strip_prefix(&format!("{text} ")) {
                let word = rest.split(' ').next().unwrap_or_default().to_string();
                self.out.mends.push(Mend {
                    from: format!("{text} {word}"),
                    to: word,
                    count: 0,
                    why: mend::WHY_HEADING.into(),
                    lines: vec![j + 1],
                });
                self.lines[j] = rest.to_string();
            }
        }
        self.out.blocks.push(Block::Heading {
            text,
            level,
            toc,
            line: first + 1,
        });
    }

    /// A budget table starting at line `i`: returns the line after it.
    fn table(&mut self, i: usize) -> Option<usize> {
        let end = (i..self.lines.len())
            .find(|&j| (self.skip)(j) || self.lines[j].trim().is_empty())
            .unwrap_or(self.lines.len());
        let run: Vec<&str> = self.lines[i..end].iter().map(String::as_str).collect();
        if run.len() < 3 || run[1..].iter().filter(|l| table::looks_like_row(l)).count() < 2 {
            return None;
        }
        let t = table::parse(&run, i + 1)?;
        if t.unsplit.is_empty() {
            self.out.blocks.push(Block::Table(t));
        } else {
            for (k, line) in run.iter().enumerate() {
                self.out.blocks.push(Block::Paragraph {
                    text: normalize(line),
                    line: i + k + 1,
                });
            }
            self.out.broken.push(t);
        }
        Some(end)
    }

    fn flush(&mut self) {
        match std::mem::replace(&mut self.pending, Pending::None) {
            Pending::None => {}
            Pending::Paragraph(lines) => {
                let text = lines
                    .iter()
                    .map(|&k| self.lines[k].as_str())
                    .collect::<Vec<_>>()
                    .join("\n");
                // Bullets after "… genom att:" are commitments, up to the next heading.
                if opens_commitments(&text) {
                    self.commitments = true;
                }
                self.out.blocks.push(Block::Paragraph {
                    text,
                    line: lines[0] + 1,
                });
            }
            Pending::Item(lines, commitment) => {
                let text = lines
                    .iter()
                    .map(|&k| self.lines[k].as_str())
                    .collect::<Vec<_>>()
                    .join("\n");
                // A list a paragraph introduces ("… tjänsterna är:") explains a commitment; it is not one.
                let introduced = matches!(self.out.blocks.last(), Some(Block::Paragraph { text, .. }) if text.trim_end().ends_with(':') && !opens_commitments(text))
                    || matches!(self.out.blocks.last(), Some(Block::Item { commitment: false, .. }));
                if commitment && !introduced {
                    self.promised.push(fold(&text));
                }
                self.out.blocks.push(Block::Item {
                    text,
                    line: lines[0] + 1,
                    commitment: commitment && !introduced,
                });
            }
        }
    }
}
