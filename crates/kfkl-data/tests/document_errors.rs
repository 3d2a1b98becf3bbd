//! The document checks on tiny fixtures: each kind of bad input and its message.

use std::path::Path;

use kfkl_data::document::load;

const SOURCE: &str = "Titel\nRubrik\nEtt stycke med Läns-gemensam text.\n- ett åtagande\nBudget\t\nIntäkter\t10\nKostnader\t-4\nSUMMA\t6\n";

fn read(rel: &str) -> Result<String, String> {
    if rel == "s.txt" {
        Ok(SOURCE.to_string())
    } else {
        Err("saknas".into())
    }
}

fn doc(front_extra: &str, body: &str) -> String {
    format!(
        "+++\nid = \"d\"\ntitle = \"D\"\n[source]\nid = \"s\"\ntitle = \"S\"\npublisher = \"P\"\nfile = \"s.txt\"\nfrom_line = 2\n\n[[mend]]\nfrom = \"Läns-gemensam\"\nto = \"Länsgemensam\"\ncount = 1\nwhy = \"avstavning\"\n\n[tags]\nunga = \"Unga\"\n{front_extra}+++\n{body}"
    )
}

const BODY: &str = "## Rubrik\n\nEtt stycke med\nLänsgemensam text.\n\n+ ett åtagande {tags=unga}\n\n```table {#t}\nBudget\nIntäkter\t10\nKostnader\t-4\nSUMMA\t6\n```\n";

fn errors(text: &str) -> Vec<String> {
    match load(Path::new("d.md"), text, &read) {
        Ok(_) => vec![],
        Err(e) => e.iter().map(|d| d.to_string()).collect(),
    }
}

#[test]
fn a_faithful_document_loads() {
    let d = load(Path::new("d.md"), &doc("", BODY), &read).unwrap();
    assert_eq!(d.commitments().count(), 1);
    assert_eq!(d.commitments().next().unwrap().area, "rubrik");
}

#[test]
fn bad_documents_fail_with_line_and_reason() {
    // The body starts at line 20: heading 20, paragraph 22–23, commitment 25, table 27–32.
    let cases: &[(&str, String, &str)] = &[
        (
            "changed word",
            doc("", &BODY.replace("med\n", "utan\n")),
            "d.md:22: the text differs from s.txt",
        ),
        (
            "lost paragraph",
            doc("", &BODY.replace("Ett stycke med\nLänsgemensam text.\n\n", "")),
            "d.md:22: the text differs",
        ),
        (
            "unknown tag",
            doc("", &BODY.replace("tags=unga", "tags=vuxna")),
            "d.md:25: unknown tag 'vuxna'",
        ),
        (
            "no tag",
            doc("", &BODY.replace(" {tags=unga}", "")),
            "d.md:25: a commitment needs at least one tag",
        ),
        (
            "wrong total",
            doc("", &BODY.replace("SUMMA\t6", "SUMMA\t7")),
            "d.md:31: table 't': SUMMA  is 7 but its parts sum to 6",
        ),
        (
            "stale discrepancy",
            doc(
                "[[discrepancy]]\ntable = \"t\"\nrow = \"SUMMA\"\ncolumn = \"\"\nnote = \"n\"\n",
                BODY,
            ),
            "d.md:1: listed discrepancy t/SUMMA/ does not occur",
        ),
        (
            "mend count",
            doc("", BODY).replace("count = 1", "count = 2"),
            "d.md:1: mend 'Läns-gemensam' → 'Länsgemensam': expected 2 occurrence(s) in the source, found 1",
        ),
        (
            "heading level",
            doc("", &BODY.replace("## Rubrik", "# Rubrik")),
            "d.md:20: heading level 1 is outside 2–5",
        ),
        (
            "not a number",
            doc("", &BODY.replace("Intäkter\t10", "Intäkter\ttio")),
            "d.md:29: 'tio' is not a number",
        ),
        (
            "unknown field",
            doc("", BODY).replace("title = \"D\"\n", "title = \"D\"\ncolour = \"red\"\n"),
            "d.md:4: unknown field `colour`",
        ),
        (
            "no front matter",
            BODY.to_string(),
            "d.md:1: a document starts with TOML front matter",
        ),
    ];
    for (what, text, expected) in cases {
        let errors = errors(text);
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "{what}: expected {expected:?}, got {errors:?}"
        );
    }
}

#[test]
fn a_listed_discrepancy_is_published_with_both_numbers() {
    let front = "[[discrepancy]]\ntable = \"t\"\nrow = \"SUMMA\"\ncolumn = \"\"\nnote = \"Källan anger 7.\"\n";
    let d = load(
        Path::new("d.md"),
        &doc(front, &BODY.replace("SUMMA\t6", "SUMMA\t7")),
        &read,
    );
    // The source itself says 6, so the changed body also fails the fidelity check.
    let errors: Vec<String> = d.unwrap_err().iter().map(|e| e.to_string()).collect();
    assert!(errors.iter().all(|e| !e.contains("discrepancy")), "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("differs")), "{errors:?}");
}
