//! One sorting routine for everything the browser sorts. Each std sort call
//! compiles a sorting algorithm for its element type and comparator (2–5 KB
//! of wasm each, measured with twiggy); here every sort orders indices with
//! one comparator type, so the wasm carries the algorithm once. Ties keep
//! their original order, so these sorts are stable.

use std::cmp::Ordering;

/// The indices `0..n` in the order `cmp` gives them (equal ones as they came).
pub fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T: Clone>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order_by(v.len(), &|a, b| cmp(&v[a], &v[b]));
    *v = order.into_iter().map(|i| v[i].clone()).collect();
}

/// Sorts `v` ascending and drops repeated values: a set, in order.
pub fn sort_dedup<T: Ord + Clone>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
    v.dedup();
}

/// Names in Swedish alphabetical order: å, ä and ö after z (code-point order puts ä
/// before å), capitals with their small letters.
pub fn swedish_cmp(a: &str, b: &str) -> Ordering {
    fn key(c: char) -> (u32, bool) {
        let small = crate::search::fold(c);
        let place = match small {
            'å' => 'z' as u32 + 1,
            'ä' => 'z' as u32 + 2,
            'ö' => 'z' as u32 + 3,
            c => c as u32,
        };
        (place, small != c)
    }
    a.chars().map(key).cmp(b.chars().map(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_and_makes_sets() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut years = vec![2024_u16, 2019, 2024, 2021, 2019];
        sort_dedup(&mut years);
        assert_eq!(years, [2019, 2021, 2024]);
        assert_eq!(order_by(3, &|a, b| b.cmp(&a)), [2, 1, 0]);
        let mut names = vec![
            "Ödeshög",
            "Västervik",
            "Älmhult",
            "Åtvidaberg",
            "Vimmerby",
            "Högsby",
            "Hultsfred",
            "Borgholm",
        ];
        sort_by(&mut names, |a, b| swedish_cmp(a, b));
        assert_eq!(
            names,
            [
                "Borgholm",
                "Hultsfred",
                "Högsby",
                "Vimmerby",
                "Västervik",
                "Åtvidaberg",
                "Älmhult",
                "Ödeshög"
            ]
        );
        let mut empty: Vec<u32> = Vec::new();
        sort_dedup(&mut empty);
        assert!(empty.is_empty());
    }
}
