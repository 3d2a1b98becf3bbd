//! The CSV download in both flavours.

use super::*;

#[test]
fn csv_comes_in_two_flavours_with_bom_status_and_source() {
    let t = table();
    let s = ExplorerState::parse(&pairs("?omrade=0880&kon=jamfor"), &t).state;
    let rows = select(&t, &s);
    let excel = to_csv(&t, &s, &rows, CsvFlavour::SwedishExcel);
    let lines: Vec<&str> = excel.lines().collect();
    assert!(lines[0].starts_with("\u{feff}# EXEMPELDATA"));
    // Only example rows: no publisher is named for them.
    assert!(lines[2].starts_with("# Ingen utgivare"), "{}", lines[2]);
    assert_eq!(
        lines[3],
        "indikator;år;område;områdeskod;årskurs;kön;svar;värde;ungefär;enhet;n;exempeldata;källa"
    );
    assert_eq!(
        lines[4],
        "rokning;2023;Kalmar;0880;gy2;flickor;;..;;procent;7;ja;\"Källa; med semikolon\""
    );
    assert_eq!(
        lines[5],
        "rokning;2023;Kalmar;0880;gy2;pojkar;;18;;procent;111;ja;\"Källa; med semikolon\""
    );
    let s = ExplorerState::parse(&pairs("?omrade=0880"), &t).state;
    let standard = to_csv(&t, &s, &select(&t, &s), CsvFlavour::Standard);
    assert!(standard
        .lines()
        .any(|l| l == "rokning,2021,Kalmar,0880,gy2,alla,,20.5,,procent,120,ja,Källa; med semikolon"));
    let excel = to_csv(&t, &s, &select(&t, &s), CsvFlavour::SwedishExcel);
    assert!(excel.lines().any(|l| l.contains(";20,5;")));
    assert_eq!(file_name(&t, &s, "csv"), "andts-rokning-gy2-0880.csv");
}
