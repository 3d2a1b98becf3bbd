//! Query strings as pages receive them, for the canonical-form checks of the
//! URL-state structs (`PlanFilter`, `ExplorerState`).

/// Pairs written back as "?k=v&k=v" in their order; "" for none.
pub fn query_of(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("?{}", joined.join("&"))
}

/// A query string as the pairs the router gives ("?a=1&b=" → [("a", "1"), ("b", "")]), for tests.
#[cfg(test)]
pub(crate) fn pairs_of(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}
