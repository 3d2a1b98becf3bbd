//! CSV as every download of the site writes it: two flavours (Excel in
//! Swedish settings wants ';' and a decimal comma; others ',' and '.'),
//! cells quoted only where they must be, header names in lower case with
//! their Swedish letters (Excel reads UTF-8 with the byte-order mark).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvFlavour {
    SwedishExcel,
    Standard,
}

impl CsvFlavour {
    pub fn separator(self) -> char {
        match self {
            CsvFlavour::SwedishExcel => ';',
            CsvFlavour::Standard => ',',
        }
    }

    /// What the flavour adds to a file's name: Excel's is the plain one.
    pub fn suffix(self) -> &'static str {
        match self {
            CsvFlavour::SwedishExcel => "",
            CsvFlavour::Standard => "-standard",
        }
    }

    /// A number without thousands separators: "20,5" for Excel, "20.5" otherwise.
    pub fn number(self, v: f64) -> String {
        let text = format!("{v}");
        match self {
            CsvFlavour::SwedishExcel => text.replace('.', ","),
            CsvFlavour::Standard => text,
        }
    }

    pub fn cell(self, text: &str) -> String {
        if text.contains(self.separator()) || text.contains('"') || text.contains('\n') {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_string()
        }
    }

    /// One line, ended.
    pub fn line(self, cells: &[String]) -> String {
        let cells: Vec<String> = cells.iter().map(|c| self.cell(c)).collect();
        format!("{}\n", cells.join(&self.separator().to_string()))
    }
}

/// A column name from a heading, in lower case with its Swedish letters:
/// "Verksamhetsområde" → "verksamhetsområde"; words joined by "_".
pub fn header_name(heading: &str) -> String {
    heading
        .chars()
        .map(crate::search::fold)
        .map(|c| if c == ' ' { '_' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_numbers_and_names_in_both_flavours() {
        let (excel, standard) = (CsvFlavour::SwedishExcel, CsvFlavour::Standard);
        // (flavour, cells, line)
        let cases = [
            (excel, vec!["a;b", "20,5"], "\"a;b\";20,5\n"),
            (standard, vec!["a;b", "20,5"], "a;b,\"20,5\"\n"),
            (standard, vec!["säger \"ja\"", ""], "\"säger \"\"ja\"\"\",\n"),
        ];
        for (flavour, cells, line) in cases {
            let cells: Vec<String> = cells.into_iter().map(String::from).collect();
            assert_eq!(flavour.line(&cells), line);
        }
        assert_eq!(
            (excel.number(20.5), standard.number(20.5), excel.number(-16758.0)),
            ("20,5".into(), "20.5".into(), "-16758".into())
        );
        assert_eq!(header_name("Verksamhetsområde"), "verksamhetsområde");
        assert_eq!(header_name("År"), "år");
        assert_eq!(header_name("Kostnad per år"), "kostnad_per_år");
    }
}
