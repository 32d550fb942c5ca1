//! Word documents (.docx) in and out.
//!
//! In: [`read`] takes a .docx file's bytes, finds the main document part
//! in its ZIP container ([`crate::zip`]), reads its body (`body`, with the
//! tolerant XML reader `xml`) into the same cell grid a copied table gives
//! and hands it to the clipboard importer's recogniser
//! ([`crate::clipboard`]), so labels, merged 一级/二级 cells, the title
//! `N.<项目名称>绩效目标表` and the unit line `331202某某单位 单位：万元`
//! before each table are read exactly as in a paste. Many tables give one
//! `Table` each. An old binary .doc, a password-protected document (both
//! are OLE compound files), a damaged ZIP and a document without a table
//! each get a message that says what to do ([`DocxError`]).
//! `crates/formats/src/reading/mod.rs` routes chosen files here.
//!
//! Out: [`document`] writes the tables in the official layout of the
//! print view ([`crate::print::grid`]), one per page (`write`).

mod body;
mod write;
mod xml;

use std::fmt;

pub use write::document;

use crate::clipboard;
use crate::limits::{self, LimitError};
use crate::reading::decode_bytes;
use crate::zip::{Archive, ZipError};
use jixiao_domain::lang::{Bilingual, Text};
use jixiao_domain::table::Document;

/// The media type of a .docx, for downloads.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The first bytes of an OLE compound file: an old .doc (or .xls, .wps),
/// or a password-protected .docx.
pub const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether `bytes` start like a ZIP file (a .docx, .xlsx, .odt …).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Whether `bytes` are an OLE compound file ([`OLE_MAGIC`]).
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&OLE_MAGIC)
}

/// Where a .docx is damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// No ZIP directory: not a .docx, or cut short.
    NotZip,
    /// The ZIP directory or an entry is cut short, or does not inflate to
    /// its checksum.
    Broken,
    /// ZIP64 or a compression Word does not use.
    Unsupported,
    /// No main document part (`word/document.xml`).
    NoDocument,
}

impl Damage {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Damage::NotZip => (
                "不是 ZIP 格式，或文件不完整",
                "not a ZIP file, or cut short",
            ),
            Damage::Broken => ("压缩内容损坏", "its compressed content is broken"),
            Damage::Unsupported => ("使用了不支持的压缩方式", "compressed in an unsupported way"),
            Damage::NoDocument => (
                "缺少正文 word/document.xml",
                "word/document.xml, the text, is missing",
            ),
        }
    }
}

/// Why a .docx gives no table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// An old binary Word document (.doc): save it as .docx.
    OldWord,
    /// A document protected by a password (encrypted, in an OLE file).
    Protected,
    /// Not a whole .docx.
    Damaged(Damage),
    /// The document holds no table.
    NoTable,
    /// Its tables are not performance target tables.
    NotTargetTable,
    /// Over one of the [`limits`].
    Limit(LimitError),
}

const OLD_WORD: Text = Text::new(
    "这是旧版 Word 文档（.doc），不能直接读取：请在 Word 或 WPS 中打开它，“另存为”Word 文档（*.docx）后再选择新文件。",
    "This is an old Word document (.doc), which cannot be read directly: open it in Word or WPS, use Save As → Word Document (*.docx), and choose the new file.",
);

const PROTECTED: Text = Text::new(
    "这个 Word 文档设置了密码（已加密），不能读取：请在 Word 或 WPS 中打开它，取消密码后另存为 .docx 再选择。",
    "This Word document is protected by a password (encrypted) and cannot be read: open it in Word or WPS, remove the password, save it as .docx and choose that file.",
);

const NO_TABLE: Text = Text::new(
    "Word 文档中没有表格：绩效目标表应是 Word 表格。如果表格是图片或扫描件，请改用可编辑的原文档。",
    "The Word document holds no table: a performance target table must be a Word table. If the table is a picture or a scan, use the editable original.",
);

const NOT_TARGET_TABLE: Text = Text::new(
    "Word 文档中的表格不像绩效目标表：没有找到「项目名称」或「一级指标」等栏目。",
    "The tables of the Word document do not look like performance target tables: no 项目名称 or 一级指标 cell was found.",
);

impl Bilingual for DocxError {
    fn text(&self) -> Text {
        match self {
            DocxError::OldWord => OLD_WORD,
            DocxError::Protected => PROTECTED,
            DocxError::Damaged(d) => {
                let (zh, en) = d.words();
                Text::owned(
                    format!("这个 .docx 文件已损坏或不完整（{zh}）：请在 Word 或 WPS 中打开并重新保存为 .docx，或重新下载后再选择。"),
                    format!("This .docx file is damaged or incomplete ({en}): open it in Word or WPS and save it again as .docx, or download it again, then choose it."),
                )
            }
            DocxError::NoTable => NO_TABLE,
            DocxError::NotTargetTable => NOT_TARGET_TABLE,
            DocxError::Limit(e) => e.text(),
        }
    }
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().zh)
    }
}

impl std::error::Error for DocxError {}

fn damaged(e: ZipError) -> DocxError {
    match e {
        ZipError::NotZip => DocxError::Damaged(Damage::NotZip),
        ZipError::Truncated | ZipError::Corrupt => DocxError::Damaged(Damage::Broken),
        ZipError::Unsupported => DocxError::Damaged(Damage::Unsupported),
        ZipError::Missing => DocxError::Damaged(Damage::NoDocument),
        ZipError::TooLarge => DocxError::Limit(limits::word_too_large()),
    }
}

/// Reads every performance target table of a .docx file.
pub fn read(bytes: &[u8]) -> Result<Document, DocxError> {
    if is_ole(bytes) {
        return Err(if is_encrypted_package(bytes) {
            DocxError::Protected
        } else {
            DocxError::OldWord
        });
    }
    limits::check_word_file(bytes.len()).map_err(DocxError::Limit)?;
    let archive = Archive::open(bytes).map_err(damaged)?;
    let part = main_part(&archive);
    let xml = archive
        .read(&part, limits::MAX_WORD_XML_BYTES)
        .map_err(damaged)?;
    let xml = decode_bytes(&xml, None);
    if !body::is_wordprocessing(&xml) {
        return Err(DocxError::Damaged(Damage::NoDocument));
    }
    let body = body::read(&xml);
    if body.tables == 0 {
        return Err(DocxError::NoTable);
    }
    let doc = clipboard::import_rows(body.rows).map_err(|_| DocxError::NotTargetTable)?;
    limits::check_document(&doc).map_err(DocxError::Limit)?;
    Ok(doc)
}

/// The main document part: the target of the package's `officeDocument`
/// relationship, else `word/document.xml`.
fn main_part(archive: &Archive) -> String {
    let fallback = "word/document.xml".to_string();
    let Ok(rels) = archive.read("_rels/.rels", 1 << 20) else {
        return fallback;
    };
    let rels = decode_bytes(&rels, None);
    for event in xml::Reader::new(&rels) {
        if let xml::Event::Start { name, attrs, .. } = event {
            let is_main = name.ends_with("Relationship")
                && xml::attribute(attrs, "Type").is_some_and(|t| t.ends_with("/officeDocument"));
            if let Some(target) = is_main.then(|| xml::attribute(attrs, "Target")).flatten() {
                let target = target.trim_start_matches('/').to_string();
                if archive.has(&target) {
                    return target;
                }
            }
        }
    }
    fallback
}

/// Whether an OLE file holds an encrypted Office Open XML package (its
/// directory names the stream `EncryptedPackage`, in UTF-16).
fn is_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}
