//! `jixiao-worker`: the page's formats worker (`src/worker.rs`), built by
//! Trunk for wasm32 as a Web Worker beside the page. Natively this binary
//! does nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    jixiao::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
