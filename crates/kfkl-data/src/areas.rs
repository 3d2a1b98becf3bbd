//! `sources/municipalities.csv` → `Areas`: the 12 municipalities and their SCB codes.

use std::path::Path;

use kfkl_core::model::{slug, Areas, Municipality, SCHEMA_VERSION};

use crate::diag::Diagnostic;

pub const SOURCE: &str = "SCB:s kommunkoder (sources/municipalities.csv)";

/// Reads `code,name` rows; `#` lines are comments. Codes are four digits and unique.
pub fn load(path: &Path, text: &str) -> Result<Areas, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut municipalities: Vec<Municipality> = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let error = |line: u64, reason: String| Diagnostic {
        file: path.to_path_buf(),
        line: line as usize,
        reason,
    };
    match reader.headers() {
        Ok(h) if h.iter().collect::<Vec<_>>() == ["code", "name"] => {}
        Ok(h) => errors.push(error(
            h.position().map_or(1, |p| p.line()),
            format!(
                "expected the header 'code,name', found '{}'",
                h.iter().collect::<Vec<_>>().join(",")
            ),
        )),
        Err(e) => errors.push(error(e.position().map_or(1, |p| p.line()), e.to_string())),
    }
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(error(e.position().map_or(1, |p| p.line()), e.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line());
        let (code, name) = (record[0].trim(), record[1].trim());
        if code.len() != 4 || !code.chars().all(|c| c.is_ascii_digit()) {
            errors.push(error(line, format!("municipality code '{code}' is not four digits")));
        } else if municipalities.iter().any(|m| m.code == code) {
            errors.push(error(line, format!("municipality code '{code}' is listed twice")));
        }
        if name.is_empty() {
            errors.push(error(line, "municipality name is empty".into()));
        }
        municipalities.push(Municipality {
            code: code.into(),
            name: name.into(),
            slug: slug(name),
        });
    }
    if errors.is_empty() {
        Ok(Areas {
            schema_version: SCHEMA_VERSION,
            source: SOURCE.into(),
            municipalities,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        load(Path::new("m.csv"), text)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn reads_codes_names_and_slugs() {
        let areas = load(
            Path::new("m.csv"),
            "# comment\ncode,name\n0840,Mörbylånga\n0880,Kalmar\n",
        )
        .unwrap();
        let slugs: Vec<&str> = areas.municipalities.iter().map(|m| m.slug.as_str()).collect();
        assert_eq!(slugs, ["morbylanga", "kalmar"]);
    }

    #[test]
    fn bad_rows_fail_with_their_line() {
        let cases = [
            (
                "code,name\n880,Kalmar\n",
                "m.csv:2: municipality code '880' is not four digits",
            ),
            (
                "code,name\n0880,Kalmar\n0880,Kalmar\n",
                "m.csv:3: municipality code '0880' is listed twice",
            ),
            ("code,name\n0880,\n", "m.csv:2: municipality name is empty"),
            (
                "kod,namn\n0880,Kalmar\n",
                "m.csv:1: expected the header 'code,name', found 'kod,namn'",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(errors(text), vec![expected.to_string()], "{text:?}");
        }
        assert!(errors("code,name\n0880,Kalmar,extra\n")[0].starts_with("m.csv:2: "));
    }
}
