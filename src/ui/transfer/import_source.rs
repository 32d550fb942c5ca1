//! What the import dialog was given: pasted or typed text (with the
//! clipboard's HTML), or the text of a chosen or dropped file.

use crate::domain::{Bilingual, Text};
use std::sync::Arc;

use crate::formats::{limits, reading};

/// What the import dialog was given.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    pub text: String,
    /// The clipboard's `text/html`, when it holds a table.
    pub html: Option<String>,
    /// The file's name, when a file was chosen.
    pub file: Option<String>,
    /// A Word document's bytes (read as a document, not as text).
    pub word: Option<Arc<[u8]>>,
}

impl Source {
    /// Text typed, dropped or pasted without a table in the clipboard.
    pub fn typed(text: String) -> Source {
        Source {
            text,
            html: None,
            file: None,
            word: None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.html.is_none() && self.word.is_none()
    }
}

/// Why `file` is refused before it is read: a kind that is not text (and
/// what to do instead), or too large. The text's own limit is checked
/// after reading, with the rest of what was given.
pub fn refused(file: &web_sys::File) -> Option<Text> {
    let name = file.name();
    if let Some(why) = unreadable(&name) {
        return Some(why);
    }
    // Text is refused at twice its limit here (its own check follows the
    // reading); a Word document's limit is on the file.
    let (max_bytes, said) = if reading::extension(&name) == "docx" {
        (limits::MAX_WORD_BYTES, limits::MAX_WORD_BYTES)
    } else {
        (2 * limits::MAX_IMPORT_BYTES, limits::MAX_IMPORT_BYTES)
    };
    if file.size() > max_bytes as f64 {
        let t = (file.size() * 10.0 / 1_048_576.0 + 0.5) as u64;
        let mb = format!("{}.{}", t / 10, t % 10);
        let max = said / 1_048_576;
        return Some(Text::owned(
            format!("文件「{name}」过大（{mb} MB）：一次最多导入 {max} MB。"),
            format!("The file “{name}” is too large ({mb} MB): one import takes at most {max} MB."),
        ));
    }
    None
}

/// The text of `file`, in whichever encoding it was saved
/// ([`decode_bytes`]); a Word document's bytes as they are.
pub async fn read(file: web_sys::File) -> Result<Source, Text> {
    let name = file.name();
    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => {
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            if reading::is_word(&name, &bytes) {
                return Ok(Source {
                    text: String::new(),
                    html: None,
                    file: Some(name),
                    word: Some(bytes.into()),
                });
            }
            Ok(Source {
                text: decode_bytes(&bytes),
                html: None,
                file: Some(name),
                word: None,
            })
        }
        Err(_) => Err(Text::owned(
            format!("无法读取文件「{name}」。"),
            format!("The file “{name}” cannot be read."),
        )),
    }
}

/// Why a file of this name is not read (a kind that is not text, and what
/// to do instead).
pub fn unreadable(name: &str) -> Option<Text> {
    reading::unreadable(name).map(|e| e.text())
}

/// The text of a file: UTF-8 (with or without BOM), UTF-16 with BOM
/// (Excel's "Unicode text"), else GB18030 through the browser's decoder.
pub fn decode_bytes(bytes: &[u8]) -> String {
    reading::decode_bytes(bytes, Some(&crate::encoding::gb18030))
}
