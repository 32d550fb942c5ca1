//! `jixiao-web`: the web page entry point, built by Trunk for wasm32.
//! Natively this binary does nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    jixiao::ui::crash::install();
    jixiao::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
