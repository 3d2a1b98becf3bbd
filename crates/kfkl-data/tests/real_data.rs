//! The repository's own data: it builds, deterministically, and holds the
//! AV-Media figures of Verksamhetsberättelse 2023 exactly as the report states them.

mod common;

use kfkl_core::format::format_figure;
use kfkl_core::model::{Dataset, Status};

fn av_media() -> Dataset {
    common::built()
        .datasets
        .iter()
        .find(|d| d.id == "av-media-2023")
        .expect("av-media-2023")
        .clone()
}

#[test]
fn every_av_media_figure_is_as_the_report_states_it() {
    let ds = av_media();
    assert_eq!(ds.status, Status::Official);
    let expected: &[(&str, &str)] = &[
        ("avplay-filmer", "drygt 16 000"),
        ("avplay-poddar", "5 000"),
        ("avplay-anvandare", "cirka 16 000"),
        ("avplay-strommar", "nära 270 000"),
        ("avplay-strommar-per-dag", "1 500–2 000"),
        ("utlan-2022", "698"),
        ("utlan-2023", "722"),
        ("nya-filmer", "drygt 100"),
        ("nya-kunskapsklipp", "90"),
        ("uppskjutna-titlar", "ca 100"),
        ("nya-ipads", "50"),
        ("aktiviteter-mal", "110"),
        ("aktiviteter-utfall", "115"),
        ("kommuner-med-aktiviteter", "12"),
        ("nadda-pedagoger", "cirka 1 000"),
        ("nadda-elever", "cirka 1 800"),
        ("skolriksdagen-deltagare", "84"),
        ("nyhetsbrev-utskick", "9"),
        ("nyhetsbrev-prenumeranter", "3 529"),
        ("nyhetsbrev-oppningsgrad", "cirka 33 %"),
        ("facebook-foljare", "ungefär 5 000"),
    ];
    for (id, shown) in expected {
        let figure = ds.figure(id).unwrap_or_else(|| panic!("missing {id}"));
        assert_eq!(format_figure(figure).replace('\u{a0}', " "), *shown, "{id}");
        assert!(figure.source.section.contains("AV-Media"), "{id}");
    }
    assert_eq!(ds.figures.len(), expected.len(), "a figure was added: list it here");
    assert!(ds.chart("av-media-utlan").is_some() && ds.chart("av-media-aktiviteter").is_some());
}

#[test]
fn the_build_is_deterministic() {
    let render = || kfkl_data::publish::render(&av_media());
    assert_eq!(render(), render());
}

#[test]
fn published_json_reads_back_as_the_model() {
    let (_, json) = kfkl_data::publish::render(&av_media());
    let back: Dataset = serde_json::from_str(&json).unwrap();
    assert_eq!(back, av_media());
}

/// The browser reads with miniserde, not serde: every published file must
/// come back unchanged through the browser's decoders.
#[test]
fn every_published_file_reads_back_through_the_browsers_decoder() {
    let build = common::built();
    for ds in &build.datasets {
        let (_, json) = kfkl_data::publish::render(ds);
        assert_eq!(
            kfkl_core::model::from_json::<Dataset>(&json).as_ref(),
            Some(ds),
            "{}",
            ds.id
        );
    }
    let areas = serde_json::to_string(&build.areas).unwrap();
    assert_eq!(kfkl_core::model::from_json(&areas), Some(build.areas.clone()));
    for doc in &build.documents {
        let json = serde_json::to_string(doc).unwrap();
        assert_eq!(kfkl_core::document::from_json(&json).as_ref(), Some(doc), "{}", doc.id);
    }
    let followup = build.followups.first().expect("uppfoljning.toml");
    let pairs = kfkl_core::followup::FollowUpIndex {
        schema_version: 1,
        pairs: vec![followup.summary.clone()],
    };
    let index = serde_json::to_string(&pairs).unwrap();
    assert_eq!(kfkl_core::model::from_json(&index).as_ref(), Some(&pairs));
    for topic in &followup.topics {
        let json = serde_json::to_string(topic).unwrap();
        assert_eq!(
            kfkl_core::followup::topic_from_json(&json).as_ref(),
            Some(topic),
            "{}",
            topic.id
        );
    }
    let search = serde_json::to_string(&build.search).unwrap();
    assert_eq!(kfkl_core::model::from_json(&search).as_ref(), Some(&build.search));
    let map = serde_json::to_string(&build.map).unwrap();
    assert_eq!(kfkl_core::model::from_json(&map).as_ref(), build.map.as_ref());
    assert_eq!(kfkl_core::document::from_json(r#"{"schema_version":1}"#), None);
    assert_eq!(kfkl_core::model::from_json::<Dataset>("{"), None);
}

/// Regression: ids were compared only between neighbouring datasets, and not
/// with documents, though all are published into one folder.
#[test]
fn a_dataset_whose_id_clashes_with_a_document_fails_the_build() {
    let dir = std::env::temp_dir().join(format!("kfkl-clash-{}", std::process::id()));
    for sub in ["figures", "documents", "sources"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    for entry in std::fs::read_dir(common::data_dir().join("sources")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join("sources").join(entry.file_name())).unwrap();
    }
    std::fs::copy(
        common::data_dir().join("documents/plan-2025.md"),
        dir.join("documents/plan-2025.md"),
    )
    .unwrap();
    let index = "[[dokument]]\nid = \"plan-2025\"\ntyp = \"plan\"\nar = 2025\ntitel = \"P\"\nfil = \"documents/plan-2025.md\"\nstatus = \"gällande\"\n";
    std::fs::write(dir.join("dokument.toml"), index).unwrap();
    let figures = std::fs::read_to_string(common::data_dir().join("figures/plan-2025-personal.toml")).unwrap();
    std::fs::write(
        dir.join("figures/clash.toml"),
        figures.replace("id = \"plan-2025-personal\"", "id = \"plan-2025\""),
    )
    .unwrap();
    let errors: Vec<String> = kfkl_data::build(&dir)
        .err()
        .unwrap_or_default()
        .iter()
        .map(|e| e.reason.clone())
        .collect();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(errors, ["id 'plan-2025' is used by two published files"]);
}
