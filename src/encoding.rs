//! Text encodings the browser decodes for the formats crate, in the page
//! and in its formats worker: GB18030 (GBK, GB2312), through the
//! browser's `TextDecoder`, so no decoding tables are downloaded.

/// `bytes` decoded as GB18030, or `None` when the browser cannot.
pub fn gb18030(bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label("gb18030").ok()?;
    let array = js_sys::Uint8Array::from(bytes);
    decoder.decode_with_js_u8_array(&array).ok()
}
