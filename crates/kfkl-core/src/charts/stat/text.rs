//! Text in a drawing without measuring it: lines wrapped to a width, and
//! labels spread apart where they would overlap.

/// About how many characters of a sans-serif font fit across the drawing.
pub(crate) fn chars_per_line(width: u32, font: u32) -> usize {
    ((width - 24) as f64 / (f64::from(font) * 0.56)) as usize
}

/// Splits text into lines of at most `max` characters at spaces (a longer word stays whole).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Positions as near the wanted ones as possible, at least `gap` apart, in
/// the same order (labels beside line ends). Keeps the group centred on the
/// wanted positions' centre where labels had to move.
pub fn spread(wanted: &[f64], gap: f64) -> Vec<f64> {
    let order = crate::sort::order_by(wanted.len(), &|a, b| wanted[a].total_cmp(&wanted[b]));
    // Clusters of labels that touch, each placed around its members' mean.
    let mut clusters: Vec<(Vec<usize>, f64)> = Vec::new();
    for i in order {
        clusters.push((vec![i], wanted[i]));
        while clusters.len() > 1 {
            let (b_items, b_top) = &clusters[clusters.len() - 1];
            let (a_items, a_top) = &clusters[clusters.len() - 2];
            if a_top + gap * a_items.len() as f64 <= *b_top {
                break;
            }
            let mut items = a_items.clone();
            items.extend(b_items);
            let mean = items.iter().map(|&i| wanted[i]).sum::<f64>() / items.len() as f64;
            let top = mean - gap * (items.len() - 1) as f64 / 2.0;
            clusters.truncate(clusters.len() - 2);
            clusters.push((items, top));
        }
    }
    let mut out = vec![0.0; wanted.len()];
    for (items, top) in clusters {
        for (k, i) in items.into_iter().enumerate() {
            out[i] = top + gap * k as f64;
        }
    }
    out
}
