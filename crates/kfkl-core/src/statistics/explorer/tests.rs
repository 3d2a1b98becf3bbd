//! The explorer's fixtures, which the chart and report tests share too, and
//! the tests of each part.

mod csv;
mod selection;
mod state;
mod summary;

use super::*;
use crate::compare::Difference;
use crate::model::{Approx, Status};
use crate::stats::{Area, Indicator, Rows, Survey};
use crate::stats::{Observation, StatTable, StatUnit};

/// Two indicators (a share and a three-answer distribution), three areas.
pub(crate) fn table() -> StatTable {
    let indicator = |id: &str, answers: &[&str]| Indicator {
        id: id.into(),
        label: id.to_uppercase(),
        theme: "T".into(),
        unit: StatUnit::Percent,
        question: None,
        answers: answers.iter().map(|a| a.to_string()).collect(),
        definition: "D".into(),
        source: "S".into(),
        breaks: Vec::new(),
    };
    let mut rows = Rows::default();
    let mut add = |indicator, year, area, gender, answer: Option<usize>, value: Option<f64>, n| {
        rows.push(&Observation {
            indicator,
            year,
            area,
            grade: 2,
            gender,
            answer,
            value,
            n,
            approx: None,
            example: area == 0,
            source: 0,
        })
    };
    add(0, 2021, 0, 0, None, Some(20.5), Some(120));
    add(0, 2023, 0, 0, None, Some(21.0), Some(118));
    add(0, 2023, 0, 1, None, None, Some(7));
    add(0, 2023, 0, 2, None, Some(18.0), Some(111));
    add(0, 2023, 1, 0, None, Some(19.0), Some(3000));
    add(0, 2023, 2, 0, None, Some(21.0), None);
    add(1, 2021, 1, 0, Some(0), Some(20.0), Some(40));
    add(1, 2021, 1, 0, Some(1), Some(50.0), Some(40));
    add(1, 2021, 1, 0, Some(2), Some(30.0), Some(40));
    add(1, 2023, 1, 0, Some(0), Some(10.0), Some(50));
    add(1, 2023, 1, 0, Some(1), Some(60.0), Some(50));
    add(1, 2023, 1, 0, Some(2), Some(30.0), Some(50));
    StatTable {
        schema_version: 1,
        survey: Survey {
            id: "andts".into(),
            title: "ANDTS".into(),
            publisher: "CAN".into(),
            route: "/statistik/andts".into(),
            method: "M".into(),
            method_source: "S".into(),
            grades: vec!["ak9".into(), "gy2".into()],
            indicators: vec![
                indicator("rokning", &[]),
                indicator("fritid", &["Mycket", "Lagom", "Lite"]),
            ],
            absent: Vec::new(),
        },
        threshold: 10,
        status: Status::Exempeldata,
        areas: vec![
            Area {
                code: "0880".into(),
                name: "Kalmar".into(),
            },
            Area {
                code: "08".into(),
                name: "Kalmar län".into(),
            },
            Area {
                code: "00".into(),
                name: "Riket".into(),
            },
        ],
        sources: vec!["Källa; med semikolon".into()],
        rows,
    }
}

/// AV-Play's shape: counts for the county only, one grade ("alla"), no genders, no n.
pub(crate) fn counts() -> StatTable {
    let mut t = table();
    t.survey.id = "av-play".into();
    t.survey.grades = vec!["alla".into()];
    t.survey.indicators = vec![Indicator {
        unit: StatUnit::Count,
        ..t.survey.indicators[0].clone()
    }];
    t.survey.indicators[0].id = "utlan".into();
    t.survey.indicators[0].label = "Utlån".into();
    t.rows = Rows::default();
    for (year, value, approx) in [(2022, 698.0, None), (2023, 16000.0, Some(Approx::Drygt))] {
        t.rows.push(&Observation {
            indicator: 0,
            year,
            area: 1,
            grade: 3,
            gender: 0,
            answer: None,
            value: Some(value),
            n: None,
            approx,
            example: false,
            source: 0,
        });
    }
    t.status = Status::Official;
    t
}

pub(crate) use crate::query::pairs_of as pairs;
