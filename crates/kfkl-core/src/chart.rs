//! Charts in named stages: a `ChartDef` over published figures becomes a
//! `BarChart` (values, labels, summary, source line; no pixels), which
//! `render_svg` draws with plotters. Rendering only draws what it is given.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::format::{format_change, format_figure, format_in_unit, format_percent};
use crate::model::{ChartDef, ChartKind, Dataset, KeyFigure, Unit};
use crate::palette::{INK, SERIES};

/// A chart ready to draw and to read: every string is final Swedish text.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub id: String,
    pub title: String,
    pub kind: ChartKind,
    pub unit: Unit,
    pub bars: Vec<Bar>,
    /// One sentence that says what the chart shows, for screen readers and print.
    pub summary: String,
    /// "Källa: …", shown under the chart.
    pub source_line: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as the source states it ("drygt 100").
    pub display: String,
}

/// Resolves a chart's figures. Bars whose figure is missing are left out
/// (the data build rejects such charts, so this only guards the renderer).
pub fn bar_chart(dataset: &Dataset, def: &ChartDef) -> BarChart {
    let figures: Vec<(&str, &KeyFigure)> = def
        .bars
        .iter()
        .filter_map(|b| dataset.figure(&b.figure).map(|f| (b.label.as_str(), f)))
        .collect();
    let unit = figures.first().map_or(Unit::Count, |(_, f)| f.unit);
    let bars: Vec<Bar> = figures
        .iter()
        .map(|(label, f)| Bar { label: label.to_string(), value: f.value, display: format_figure(f) })
        .collect();
    let mut cited: Vec<String> = Vec::new();
    for (_, f) in &figures {
        let cite = dataset.cite(&f.source);
        if !cited.contains(&cite) {
            cited.push(cite);
        }
    }
    BarChart {
        id: def.id.clone(),
        title: def.title.clone(),
        kind: def.kind,
        unit,
        summary: summary(&def.title, def.kind, unit, &bars),
        source_line: format!("Källa: {}.", cited.join("; ")),
        bars,
    }
}

/// "Utlån av utrustning ökade från 698 år 2022 till 722 år 2023 (+24, +3,4 %)."
pub fn summary(title: &str, kind: ChartKind, unit: Unit, bars: &[Bar]) -> String {
    let [first, second] = bars else {
        let listed: Vec<String> = bars.iter().map(|b| format!("{} {}", b.label, b.display)).collect();
        return format!("{}: {}.", title, listed.join(", "));
    };
    let delta = second.value - first.value;
    let relative = if first.value != 0.0 {
        format!(", {}", format_change_percent(100.0 * delta / first.value))
    } else {
        String::new()
    };
    let change = format!("({}{relative})", format_change(delta, unit));
    match kind {
        ChartKind::Change => {
            let verb = match delta.partial_cmp(&0.0) {
                Some(std::cmp::Ordering::Greater) => "ökade",
                Some(std::cmp::Ordering::Less) => "minskade",
                _ => "var oförändrat",
            };
            format!(
                "{title} {verb} från {} år {} till {} år {} {change}.",
                first.display, first.label, second.display, second.label
            )
        }
        ChartKind::GoalOutcome => {
            format!("{title}: utfallet blev {} mot målet {} {change}.", second.display, first.display)
        }
    }
}

fn format_change_percent(pct: f64) -> String {
    let rounded = (pct * 10.0).round() / 10.0;
    let sign = if rounded > 0.0 { "+" } else { "" };
    format!("{sign}{}", format_percent(rounded))
}

/// Draws the chart as a standalone SVG document. Each bar carries its value, as
/// the source states it, as a direct label and its category on the axis, so colour is never the only
/// cue; in a goal/outcome chart the goal is drawn hollow.
pub fn render_svg(chart: &BarChart, width: u32, height: u32) -> String {
    let mut svg = String::new();
    // Drawing into a String cannot fail for I/O reasons; a plotting error
    // (e.g. a degenerate range) leaves a blank chart while the table still shows.
    let _ = draw(chart, &mut svg, (width, height));
    svg
}

fn draw(chart: &BarChart, out: &mut String, size: (u32, u32)) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(out, size).into_drawing_area();
    root.fill(&WHITE)?;
    let max = chart.bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    // Head room for the value labels above the bars.
    let top = if max > 0.0 { max * 1.18 } else { 1.0 };
    let n = chart.bars.len().max(1);
    let ink = rgb(INK);
    let font = |px: u32| ("sans-serif", px).into_font().color(&ink);

    let mut ctx = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(72)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..top)?;
    let unit = chart.unit;
    let labels: Vec<&str> = chart.bars.iter().map(|b| b.label.as_str()).collect();
    ctx.configure_mesh()
        .disable_x_mesh()
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .light_line_style(TRANSPARENT)
        .axis_style(ink)
        .y_labels(4)
        .x_label_style(font(21))
        .y_label_style(font(19))
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => labels.get(*i).map_or(String::new(), |s| s.to_string()),
            _ => String::new(),
        })
        .y_label_formatter(&|v| format_in_unit(*v, unit))
        .draw()?;

    let colour = rgb(SERIES[0]);
    let hollow_first = chart.kind == ChartKind::GoalOutcome;
    ctx.draw_series(chart.bars.iter().enumerate().map(|(i, bar)| {
        let style = if hollow_first && i == 0 {
            ShapeStyle { color: colour.to_rgba(), filled: false, stroke_width: 3 }
        } else {
            colour.filled()
        };
        let mut rect = Rectangle::new([(SegmentValue::Exact(i), 0.0), (SegmentValue::Exact(i + 1), bar.value)], style);
        rect.set_margin(0, 0, 14, 14);
        rect
    }))?;
    let label_style = font(21).pos(Pos::new(HPos::Center, VPos::Bottom));
    ctx.draw_series(chart.bars.iter().enumerate().map(|(i, bar)| {
        Text::new(bar.display.clone(), (SegmentValue::CenterOf(i), bar.value + top * 0.02), label_style.clone())
    }))?;
    root.present()?;
    Ok(())
}

fn rgb(c: crate::palette::Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Approx, BarDef, SourceDoc, SourceRef, Status, SCHEMA_VERSION};

    fn figure(id: &str, value: f64, approx: Option<Approx>) -> KeyFigure {
        KeyFigure {
            id: id.into(),
            label: id.into(),
            value,
            value_high: None,
            unit: Unit::Count,
            year: 2023,
            approx,
            source: SourceRef { doc: "vb".into(), section: "AV-Media".into(), quote: "…".into() },
        }
    }

    fn dataset(figures: Vec<KeyFigure>, kind: ChartKind, bar_labels: [&str; 2]) -> Dataset {
        let bars = figures.iter().zip(bar_labels).map(|(f, l)| BarDef { label: l.into(), figure: f.id.clone() }).collect();
        Dataset {
            schema_version: SCHEMA_VERSION,
            id: "t".into(),
            title: "t".into(),
            status: Status::Official,
            sources: vec![SourceDoc { id: "vb".into(), title: "Verksamhetsberättelse 2023".into(), publisher: "KFKL".into() }],
            figures,
            charts: vec![ChartDef { id: "c".into(), title: "Utlån av utrustning".into(), kind, bars }],
        }
    }

    fn check_summary(a: KeyFigure, b: KeyFigure, kind: ChartKind, labels: [&str; 2], expected: &str) {
        let ds = dataset(vec![a, b], kind, labels);
        let chart = bar_chart(&ds, &ds.charts[0]);
        assert_eq!(chart.summary.replace(['\u{a0}'], " ").replace('\u{2212}', "-"), expected);
    }

    #[test]
    fn summaries_say_direction_size_and_hedges() {
        check_summary(figure("a", 698.0, None), figure("b", 722.0, None), ChartKind::Change, ["2022", "2023"],
            "Utlån av utrustning ökade från 698 år 2022 till 722 år 2023 (+24, +3,4 %).");
        check_summary(figure("a", 800.0, None), figure("b", 722.0, None), ChartKind::Change, ["2022", "2023"],
            "Utlån av utrustning minskade från 800 år 2022 till 722 år 2023 (-78, -9,8 %).");
        check_summary(figure("a", 5.0, None), figure("b", 5.0, None), ChartKind::Change, ["2022", "2023"],
            "Utlån av utrustning var oförändrat från 5 år 2022 till 5 år 2023 (0, 0 %).");
        check_summary(figure("a", 110.0, None), figure("b", 115.0, Some(Approx::Drygt)), ChartKind::GoalOutcome, ["Mål", "Utfall"],
            "Utlån av utrustning: utfallet blev drygt 115 mot målet 110 (+5, +4,5 %).");
        check_summary(figure("a", 0.0, None), figure("b", 3.0, None), ChartKind::Change, ["2022", "2023"],
            "Utlån av utrustning ökade från 0 år 2022 till 3 år 2023 (+3).");
    }

    #[test]
    fn source_line_cites_document_and_section_once() {
        let ds = dataset(vec![figure("a", 1.0, None), figure("b", 2.0, None)], ChartKind::Change, ["x", "y"]);
        let chart = bar_chart(&ds, &ds.charts[0]);
        assert_eq!(chart.source_line, "Källa: KFKL, Verksamhetsberättelse 2023, avsnitt AV-Media.");
    }

    #[test]
    fn svg_has_bars_labels_and_escapes_text_from_data() {
        let evil = "<img src=x onerror=alert(1)>";
        let ds = dataset(vec![figure("a", 698.0, None), figure("b", 722.0, None)], ChartKind::GoalOutcome, [evil, "2023"]);
        let svg = render_svg(&bar_chart(&ds, &ds.charts[0]), 480, 300);
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("722") && svg.contains("698"));
        assert!(!svg.contains("<img"), "unescaped label in {svg}");
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(svg.contains("fill=\"none\""), "goal bar should be hollow");
        let hedged = dataset(vec![figure("a", 100.0, Some(Approx::Drygt)), figure("b", 90.0, None)], ChartKind::Change, ["x", "y"]);
        assert!(render_svg(&bar_chart(&hedged, &hedged.charts[0]), 480, 300).contains("drygt 100"), "bar labels keep the hedge word");
    }

    #[test]
    fn svg_survives_empty_and_zero_charts() {
        for values in [vec![], vec![0.0, 0.0]] {
            let figures: Vec<KeyFigure> = values.iter().enumerate().map(|(i, v)| figure(&i.to_string(), *v, None)).collect();
            let ds = dataset(figures, ChartKind::Change, ["a", "b"]);
            let _ = render_svg(&bar_chart(&ds, &ds.charts[0]), 300, 200);
        }
    }
}
