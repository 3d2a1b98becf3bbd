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
