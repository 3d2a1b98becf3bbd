//! The association's publications as data (`data/dokument.toml`): which plans
//! and reports there are, which is current, which report follows up which
//! plan, and the roles of a plan's budget tables. Everything in the site that
//! names a document asks this index; no year or document id is written in code.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The index as the data build checked it and the site embeds it. Field
/// names are the file's own Swedish ones, so the site reads the TOML as JSON.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Index {
    pub dokument: Vec<Publication>,
    /// Follow-up pairs; a data folder may have none.
    pub uppfoljning: Option<Vec<Pair>>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Publication {
    pub id: String,
    /// "plan" or "rapport".
    pub typ: String,
    pub ar: u16,
    pub titel: String,
    /// The structured document, relative to `data/`.
    pub fil: String,
    /// "gällande", "tidigare" or "utkast".
    pub status: String,
    /// The decision date, ÅÅÅÅ-MM-DD, where it is known.
    pub datum: Option<String>,
    /// (A plan) the key-figure file of staff per area.
    pub personal: Option<String>,
    /// (A report) key-figure files shown under its sections.
    pub nyckeltal: Option<Vec<String>>,
    /// Earlier embed ids of the budget charts: old id → chart name ("omraden").
    pub inbaddningar: Option<BTreeMap<String, String>>,
    /// (A plan) the roles of its budget tables.
    pub budget: Option<BudgetRoles>,
}

/// Which of a plan's tables is which: the charts are built from these.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct BudgetRoles {
    /// The section's heading text, as source lines cite it: "Budget 2025".
    pub avsnitt: String,
    /// The association's whole budget: "SUMMA INTÄKTER", agreed and other income.
    pub helhet: String,
    /// The budget excluding transfers, one column a year.
    pub jamforelse: String,
    /// Where the transfers go, for the totals sentence: "i projekten SIA och OPIS".
    pub transfereringar: Option<String>,
    pub omraden: Vec<BudgetArea>,
    /// The staff figure of the whole association, in `personal`.
    pub personal_totalt: Option<String>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct BudgetArea {
    pub tabell: String,
    pub namn: String,
    /// The name on a chart's axis.
    pub kort: String,
    /// Its staff figure, in the plan's `personal` file.
    pub personal: Option<String>,
}

/// A report and the plan it is read against in `/uppfoljning`.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Pair {
    pub rapport: String,
    pub plan: String,
    pub fil: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Plan,
    Rapport,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Plan, Kind::Rapport];

    /// The word in addresses and in the index: "plan", "rapport".
    pub fn word(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Rapport => "rapport",
        }
    }

    /// "verksamhetsplan", "verksamhetsberättelse", as a sentence names one.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Plan => "verksamhetsplan",
            Kind::Rapport => "verksamhetsberättelse",
        }
    }

    /// "verksamhetsplanen", "verksamhetsberättelsen": the one a sentence names.
    pub fn definite(self) -> &'static str {
        match self {
            Kind::Plan => "verksamhetsplanen",
            Kind::Rapport => "verksamhetsberättelsen",
        }
    }

    pub fn parse(word: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.word() == word)
    }
}

pub const DRAFT: &str = "utkast";
pub const CURRENT: &str = "gällande";
pub const EARLIER: &str = "tidigare";

/// The budget charts, by the name their ids end in: `budget-<år>-<namn>`.
pub const BUDGET_CHARTS: [&str; 4] = ["omraden", "jamforelse", "intakter", "personal"];

impl Publication {
    pub fn kind(&self) -> Option<Kind> {
        Kind::parse(&self.typ)
    }

    /// Its page: "/plan/2025".
    pub fn path(&self) -> String {
        format!("/{}/{}", self.typ, self.ar)
    }

    /// The file the site fetches: "plan-2025.json".
    pub fn json(&self) -> String {
        format!("{}.json", self.id)
    }

    /// A budget chart's id: "budget-2025-omraden".
    pub fn chart_id(&self, name: &str) -> String {
        format!("budget-{}-{name}", self.ar)
    }
}

impl Index {
    /// What the site shows: every document but drafts, newest first.
    pub fn published(&self) -> Vec<&Publication> {
        let mut docs: Vec<&Publication> = self
            .dokument
            .iter()
            .filter(|d| d.status != DRAFT && d.kind().is_some())
            .collect();
        docs.sort_by(|a, b| b.ar.cmp(&a.ar).then_with(|| a.typ.cmp(&b.typ)));
        docs
    }

    pub fn of_kind(&self, kind: Kind) -> Vec<&Publication> {
        self.published()
            .into_iter()
            .filter(|d| d.kind() == Some(kind))
            .collect()
    }

    /// The newest published document of a kind: the one `/plan` shows and the menu names.
    pub fn latest(&self, kind: Kind) -> Option<&Publication> {
        self.of_kind(kind).into_iter().next()
    }

    pub fn find(&self, kind: Kind, year: u16) -> Option<&Publication> {
        self.of_kind(kind).into_iter().find(|d| d.ar == year)
    }

    pub fn by_id(&self, id: &str) -> Option<&Publication> {
        self.published().into_iter().find(|d| d.id == id)
    }

    /// The document a page at `/plan/<year>` shows; `None` for the latest.
    pub fn shown(&self, kind: Kind, year: Option<&str>) -> Option<&Publication> {
        match year {
            None => self.latest(kind),
            Some(y) => y.parse().ok().and_then(|y| self.find(kind, y)),
        }
    }

    /// A newer document of the same kind, for the notice on an older one.
    pub fn newer(&self, doc: &Publication) -> Option<&Publication> {
        self.latest(doc.kind()?).filter(|l| l.ar > doc.ar)
    }

    /// Follow-up pairs whose two documents are published, newest report first.
    pub fn pairs(&self) -> Vec<&Pair> {
        let year = |p: &Pair| self.by_id(&p.rapport).map_or(0, |d| d.ar);
        let mut pairs: Vec<&Pair> = self
            .uppfoljning
            .iter()
            .flatten()
            .filter(|p| self.by_id(&p.rapport).is_some() && self.by_id(&p.plan).is_some())
            .collect();
        pairs.sort_by_key(|p| std::cmp::Reverse(year(p)));
        pairs
    }

    /// The pair a follow-up page shows: by its report's year, or the newest.
    pub fn pair(&self, report_year: Option<u16>) -> Option<&Pair> {
        let pairs = self.pairs();
        match report_year {
            None => pairs.first().copied(),
            Some(y) => pairs
                .into_iter()
                .find(|p| self.by_id(&p.rapport).is_some_and(|d| d.ar == y)),
        }
    }

    /// A budget chart by its embed id, today's ("budget-2025-intakter") or an
    /// earlier one the index keeps ("budget-intakter"): its plan and name.
    pub fn budget_chart(&self, id: &str) -> Option<(&Publication, &'static str)> {
        let name = |n: &str| BUDGET_CHARTS.into_iter().find(|c| *c == n);
        self.of_kind(Kind::Plan).into_iter().find_map(|p| {
            let alias = p.inbaddningar.as_ref().and_then(|a| a.get(id)).and_then(|n| name(n));
            let own = id.strip_prefix(&format!("budget-{}-", p.ar)).and_then(name);
            own.or(alias).map(|n| (p, n))
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn doc(typ: &str, ar: u16, status: &str) -> Publication {
        Publication {
            id: format!("{typ}-{ar}"),
            typ: typ.into(),
            ar,
            titel: format!("{typ} {ar}"),
            fil: format!("documents/{typ}-{ar}.md"),
            status: status.into(),
            datum: None,
            personal: None,
            nyckeltal: None,
            inbaddningar: None,
            budget: None,
        }
    }

    fn index() -> Index {
        let mut plan = doc("plan", 2025, EARLIER);
        plan.inbaddningar = Some(BTreeMap::from([(
            "budget-intakter".to_string(),
            "intakter".to_string(),
        )]));
        Index {
            dokument: vec![
                plan,
                doc("plan", 2026, CURRENT),
                doc("plan", 2027, DRAFT),
                doc("rapport", 2023, EARLIER),
                doc("rapport", 2024, CURRENT),
            ],
            uppfoljning: Some(vec![
                Pair {
                    rapport: "rapport-2023".into(),
                    plan: "plan-2025".into(),
                    fil: "a.toml".into(),
                },
                Pair {
                    rapport: "rapport-2024".into(),
                    plan: "plan-2026".into(),
                    fil: "b.toml".into(),
                },
            ]),
        }
    }

    #[test]
    fn the_latest_is_the_newest_published_and_a_draft_is_never_shown() {
        let i = index();
        let ids = |docs: Vec<&Publication>| docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(i.published()),
            ["plan-2026", "plan-2025", "rapport-2024", "rapport-2023"]
        );
        assert_eq!(i.latest(Kind::Plan).map(|d| d.path()), Some("/plan/2026".into()));
        let cases: &[(Kind, Option<&str>, Option<&str>)] = &[
            (Kind::Plan, None, Some("plan-2026")),
            (Kind::Plan, Some("2025"), Some("plan-2025")),
            (Kind::Plan, Some("2027"), None),
            (Kind::Plan, Some("tjugo"), None),
            (Kind::Rapport, Some("2023"), Some("rapport-2023")),
        ];
        for (kind, year, want) in cases {
            assert_eq!(i.shown(*kind, *year).map(|d| d.id.as_str()), *want, "{kind:?} {year:?}");
        }
        let old = i.find(Kind::Plan, 2025).unwrap();
        assert_eq!(i.newer(old).map(|d| d.ar), Some(2026));
        assert_eq!(i.newer(i.latest(Kind::Plan).unwrap()), None);
    }

    #[test]
    fn follow_up_pairs_come_newest_first_and_by_their_reports_year() {
        let i = index();
        assert_eq!(
            i.pairs().iter().map(|p| p.rapport.as_str()).collect::<Vec<_>>(),
            ["rapport-2024", "rapport-2023"]
        );
        assert_eq!(i.pair(None).map(|p| p.plan.as_str()), Some("plan-2026"));
        assert_eq!(i.pair(Some(2023)).map(|p| p.plan.as_str()), Some("plan-2025"));
        assert_eq!(i.pair(Some(2020)), None);
    }

    #[test]
    fn a_budget_chart_answers_to_its_id_and_to_the_earlier_ids_the_index_keeps() {
        let i = index();
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("budget-2026-omraden", Some(("plan-2026", "omraden"))),
            ("budget-2025-personal", Some(("plan-2025", "personal"))),
            ("budget-intakter", Some(("plan-2025", "intakter"))),
            ("budget-2026-finns-inte", None),
            ("budget-2027-omraden", None),
            ("budget-omraden", None),
        ];
        for (id, want) in cases {
            assert_eq!(i.budget_chart(id).map(|(p, n)| (p.id.as_str(), n)), *want, "{id}");
        }
    }
}
