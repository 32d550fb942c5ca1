//! The text of a chosen file, whatever program saved it: UTF-8 with or
//! without a byte order mark, UTF-16 with one (Excel's "Unicode text"), or
//! GB18030 (GBK, GB2312: what Chinese Windows writes as "ANSI").
//!
//! GB18030 needs large decoding tables. The command line has them from
//! encoding_rs (this crate's `gb18030` feature, [`gb18030`]); the page
//! passes the browser's `TextDecoder` instead, so its download stays small.
//! Either way the caller supplies it to [`decode_bytes`].

/// Decodes text in a legacy Chinese encoding (GB18030); `None` when it
/// cannot.
pub type Legacy<'a> = &'a dyn Fn(&[u8]) -> Option<String>;

/// The text of a file: UTF-8 (with or without BOM), UTF-16 LE or BE with
/// BOM, else `legacy` (GB18030); when there is no legacy decoder or it
/// gives up, UTF-8 with `U+FFFD` for what is not UTF-8.
pub fn decode_bytes(bytes: &[u8], legacy: Option<Legacy>) -> String {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => legacy
                .and_then(|decode| decode(bytes))
                .unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned()),
        },
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

/// GB18030 with encoding_rs, as a browser's `TextDecoder("gb18030")`
/// decodes it: what is not GB18030 becomes `U+FFFD`.
#[cfg(feature = "gb18030")]
pub fn gb18030(bytes: &[u8]) -> Option<String> {
    let (text, _had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    Some(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_choose_the_encoding() {
        assert_eq!(decode_bytes(&[0xEF, 0xBB, 0xBF, b'a'], None), "a");
        assert_eq!(decode_bytes(&[0xFF, 0xFE, 0x2D, 0x4E], None), "中");
        assert_eq!(decode_bytes(&[0xFE, 0xFF, 0x4E, 0x2D], None), "中");
        assert_eq!(decode_bytes("中文".as_bytes(), None), "中文");
        // A surrogate pair (𠀀, U+20000) in UTF-16 LE.
        assert_eq!(
            decode_bytes(&[0xFF, 0xFE, 0x40, 0xD8, 0x00, 0xDC], None),
            "\u{20000}"
        );
    }

    #[test]
    fn other_bytes_go_to_the_legacy_decoder() {
        // 中文 in GBK.
        let gbk = [0xD6, 0xD0, 0xCE, 0xC4];
        let asked = std::cell::Cell::new(false);
        let legacy = |b: &[u8]| {
            asked.set(true);
            (b == gbk).then(|| "中文".to_string())
        };
        assert_eq!(decode_bytes(&gbk, Some(&legacy)), "中文");
        assert!(asked.get());
        // UTF-8 never asks it.
        asked.set(false);
        assert_eq!(decode_bytes("中".as_bytes(), Some(&legacy)), "中");
        assert!(!asked.get());
        // Without one, or when it gives up: replacement characters.
        assert_eq!(decode_bytes(&gbk, None), "\u{fffd}".repeat(4));
        assert_eq!(decode_bytes(&[0xFF, b'a'], Some(&legacy)), "\u{fffd}a");
    }

    #[cfg(feature = "gb18030")]
    #[test]
    fn gb18030_natively() {
        assert_eq!(
            decode_bytes(&[0xD6, 0xD0, 0xCE, 0xC4], Some(&gb18030)),
            "中文"
        );
        // Four-byte GB18030: U+20000.
        assert_eq!(
            gb18030(&[0x95, 0x32, 0x82, 0x36]).as_deref(),
            Some("\u{20000}")
        );
    }
}
