//! Share links: one table inside a URL fragment.
//!
//! A link is the page's address with the table in its fragment:
//!
//! ```text
//! https://…/index.html#share=v1.eNrtWVtvE0cU…
//!                      └ PREFIX ┘└ encode() ┘
//! ```
//!
//! The payload [`encode`] returns is `v1.` followed by base64url (RFC 4648
//! §5, no padding) of the zlib stream (level 9, with its Adler-32 checksum)
//! of the exchange JSON ([`crate::exchange`]) of a document holding
//! exactly that one table, written compactly:
//! `{"format":"jixiao","version":1,"tables":[{…}]}`. The fragment never
//! reaches a server, so the table stays between the two people.
//!
//! [`decode`] takes the payload alone, `share=…`, `#share=…` or the whole
//! link, and ignores whitespace inside (chat tools wrap long links). It
//! refuses, each with its own [`ShareError`] and a message that says what to
//! do: a payload over [`MAX_LINK_CHARS`], an unknown or newer version tag,
//! characters outside base64url, a broken or incomplete zlib stream, a
//! checksum mismatch (the link was altered), content that inflates past
//! [`MAX_JSON_BYTES`] (a zip bomb), text that is not JSON, JSON that is not a
//! jixiao document, and a document with other than one table.

use std::fmt;

use serde::Serialize;

use super::exchange::{self, ExchangeError, FORMAT, VERSION};
use jixiao_domain::lang::{Bilingual, Text};
use jixiao_domain::table::Table;

/// What goes before the payload in a link: `<page>#share=v1.…`.
pub const PREFIX: &str = "#share=";

/// The version tag this build writes and reads.
pub const TAG: &str = "v1";

/// The longest payload [`encode`] writes and [`decode`] reads.
///
/// Browsers keep far longer addresses (Chrome about 2 MB, Firefox and
/// Safari tens of thousands of characters or more), but a link has to
/// survive being pasted into chat tools, mail and documents, which truncate,
/// wrap or refuse long ones. A typical table needs about 1 000 characters
/// (the eight tables of the sample: 947 to 1 167); one that needs more than
/// 32 000 is better sent as an exported JSON file.
pub const MAX_LINK_CHARS: usize = 32_000;

/// The most JSON a link may inflate to (2 MiB); real tables are a few KB,
/// and the cap stops a small crafted link from filling the memory.
pub const MAX_JSON_BYTES: usize = 2 * 1024 * 1024;

/// Why a table could not be put into, or read from, a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing to read.
    Empty,
    /// No `v<N>.` tag: not a link this program wrote.
    NotShareLink,
    /// A version tag this build does not read (`v2` from a newer build).
    UnsupportedVersion(String),
    /// Longer than [`MAX_LINK_CHARS`].
    TooLong { chars: usize, max: usize },
    /// Characters outside base64url, or a cut-off last group.
    BadEncoding,
    /// The compressed data is broken or incomplete.
    Damaged,
    /// The data does not match its checksum: the link was altered.
    Checksum,
    /// The content inflates past [`MAX_JSON_BYTES`].
    TooLarge { limit: usize },
    /// The content is not JSON text.
    NotJson,
    /// JSON, but not a jixiao document this build reads.
    Content(ExchangeError),
    /// A document with other than one table.
    TableCount(usize),
}

const REDO_ZH: &str = "请让对方重新复制完整的分享链接。";
const REDO_EN: &str = "Ask the sender to copy the whole share link again.";

impl ShareError {
    pub fn message_zh(&self) -> String {
        match self {
            ShareError::Empty => "没有可打开的内容：请粘贴完整的分享链接。".into(),
            ShareError::NotShareLink => {
                "这不是绩效目标表编制器的分享链接：链接中应有「#share=v1.」这一段。".into()
            }
            ShareError::UnsupportedVersion(tag) => match version_number(tag) {
                Some(n) if n > 1 => format!(
                    "此链接由更新版本的编制器生成（格式 v{n}），本版本只能打开 {TAG}：请使用新版本打开。"
                ),
                _ => format!("无法识别此链接的格式「{tag}」：{REDO_ZH}"),
            },
            ShareError::TooLong { chars, max } => format!(
                "链接过长（{chars} 个字符，上限 {max}）：过长的链接常被聊天工具或浏览器截断，请改用导出 JSON 文件分享。"
            ),
            ShareError::BadEncoding => format!("链接不完整或已损坏：{REDO_ZH}"),
            ShareError::Damaged => format!("链接不完整或已损坏（数据无法解压）：{REDO_ZH}"),
            ShareError::Checksum => {
                format!("链接内容校验失败，可能在复制或转发时被截断或改动：{REDO_ZH}")
            }
            ShareError::TooLarge { limit } => format!(
                "链接中的内容解压后超过 {} MB，已拒绝打开：绩效目标表不会这么大，此链接可能是恶意构造的。",
                limit / (1024 * 1024)
            ),
            ShareError::NotJson => format!("链接内容不是有效的数据：{REDO_ZH}"),
            ShareError::Content(e) => format!("链接内容无法读取：{}", e.message_zh()),
            ShareError::TableCount(n) => {
                format!("分享链接应包含一张绩效目标表，此链接包含 {n} 张。")
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ShareError::Empty => "There is nothing to open: paste the whole share link.".into(),
            ShareError::NotShareLink => {
                "This is not a jixiao share link: it should hold a part like \"#share=v1.\".".into()
            }
            ShareError::UnsupportedVersion(tag) => match version_number(tag) {
                Some(n) if n > 1 => format!(
                    "This link was made by a newer jixiao (format v{n}; this one opens {TAG}). Open it with a newer version."
                ),
                _ => format!("The link's format \"{tag}\" is unknown. {REDO_EN}"),
            },
            ShareError::TooLong { chars, max } => format!(
                "The link is too long ({chars} characters, the limit is {max}): chat tools and browsers cut long links. Share an exported JSON file instead."
            ),
            ShareError::BadEncoding => format!("The link is incomplete or damaged. {REDO_EN}"),
            ShareError::Damaged => format!(
                "The link is incomplete or damaged (its data cannot be unpacked). {REDO_EN}"
            ),
            ShareError::Checksum => format!(
                "The link's checksum does not match: it was cut or altered on the way. {REDO_EN}"
            ),
            ShareError::TooLarge { limit } => format!(
                "The link unpacks to more than {} MB and was refused: no table is that large, the link may be crafted.",
                limit / (1024 * 1024)
            ),
            ShareError::NotJson => format!("The link does not hold valid data. {REDO_EN}"),
            ShareError::Content(e) => format!("The link's content cannot be read: {}", e.message_en()),
            ShareError::TableCount(n) => {
                format!("A share link should hold one table; this one holds {n}.")
            }
        }
    }
}

impl Bilingual for ShareError {
    fn text(&self) -> Text {
        Text::owned(self.message_zh(), self.message_en())
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_zh())
    }
}

impl std::error::Error for ShareError {}

fn version_number(tag: &str) -> Option<u64> {
    tag.strip_prefix('v')?.parse().ok()
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    tables: [&'a Table; 1],
}

/// The payload of a link to `table`: `v1.<base64url>`; put [`PREFIX`]
/// before it in the page's address.
pub fn encode(table: &Table) -> Result<String, ShareError> {
    let json = serde_json::to_string(&Envelope {
        format: FORMAT,
        version: VERSION,
        tables: [table],
    })
    .expect("a table always serializes");
    // A link that decode would refuse is never written.
    if json.len() > MAX_JSON_BYTES {
        return Err(ShareError::TooLarge {
            limit: MAX_JSON_BYTES,
        });
    }
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    let mut out = String::with_capacity(TAG.len() + 1 + packed.len().div_ceil(3) * 4);
    out.push_str(TAG);
    out.push('.');
    base64url_encode(&packed, &mut out);
    let chars = out.len();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            chars,
            max: MAX_LINK_CHARS,
        });
    }
    Ok(out)
}

/// `<base>#share=<payload>`: the whole link to `table` on the page at `base`
/// (any fragment of `base` is replaced).
pub fn link(base: &str, table: &Table) -> Result<String, ShareError> {
    let page = base.split('#').next().unwrap_or(base);
    Ok(format!("{page}{PREFIX}{}", encode(table)?))
}

/// Reads the table of a link, a fragment (`#share=v1.…`) or a payload.
pub fn decode(fragment: &str) -> Result<Table, ShareError> {
    let mut text = fragment.trim();
    if let Some(at) = text.find('#') {
        text = &text[at + 1..];
    }
    let text = text.trim_start();
    let text = text.strip_prefix(&PREFIX[1..]).unwrap_or(text);
    let payload: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    let chars = payload.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            chars,
            max: MAX_LINK_CHARS,
        });
    }
    let Some((tag, data)) = payload.split_once('.') else {
        return Err(ShareError::NotShareLink);
    };
    if version_number(tag).is_none() {
        return Err(ShareError::NotShareLink);
    }
    if tag != TAG {
        return Err(ShareError::UnsupportedVersion(tag.to_string()));
    }
    let packed = base64url_decode(data).ok_or(ShareError::BadEncoding)?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| {
            use miniz_oxide::inflate::TINFLStatus;
            match e.status {
                TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                    limit: MAX_JSON_BYTES,
                },
                TINFLStatus::Adler32Mismatch => ShareError::Checksum,
                _ => ShareError::Damaged,
            }
        })?;
    let json = String::from_utf8(json).map_err(|_| ShareError::NotJson)?;
    let doc = exchange::from_json(&json).map_err(|e| match e {
        ExchangeError::Broken { .. } => ShareError::NotJson,
        other => ShareError::Content(other),
    })?;
    let n = doc.tables.len();
    let mut tables = doc.tables.into_iter();
    match (tables.next(), n) {
        (Some(table), 1) => Ok(table),
        _ => Err(ShareError::TableCount(n)),
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
pub fn base64url_encode(data: &[u8], out: &mut String) {
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for k in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * k) & 63) as usize]));
        }
    }
}

/// Reads base64url without padding (a trailing `=` is tolerated). `None`
/// for a character outside the alphabet, a cut-off group, or stray bits in
/// the last character: any of them means the text was damaged.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for group in text.chunks(4) {
        let mut n = 0u32;
        for (k, &c) in group.iter().enumerate() {
            n |= value(c)? << (18 - 6 * k);
        }
        let bytes = group.len() - 1;
        let unused = n & ((1u32 << (24 - 8 * bytes)) - 1);
        if unused != 0 {
            return None;
        }
        out.extend_from_slice(&n.to_be_bytes()[1..=bytes]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"\xfb\xff\xbf", "-_-_"),
        ];
        for (raw, text) in cases {
            let mut s = String::new();
            base64url_encode(raw, &mut s);
            assert_eq!(s, text);
            assert_eq!(base64url_decode(text).as_deref(), Some(raw));
        }
        assert_eq!(base64url_decode("Zm9vYg=="), Some(b"foob".to_vec()));
        assert_eq!(base64url_decode("Zh"), None, "stray bits");
        assert_eq!(base64url_decode("Z"), None, "cut-off group");
        assert_eq!(base64url_decode("Zm+v"), None, "not base64url");
    }
}
