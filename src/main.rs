//! The wasm entry point Trunk builds (`kfkl-site`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    kfkl_site::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("kfkl-site runs in the browser: build it with trunk. `cargo run --bin prerender` renders the pages.");
}
