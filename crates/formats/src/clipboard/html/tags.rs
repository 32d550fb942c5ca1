//! The markup side of the HTML reader: tags, attributes (only `rowspan`
//! and `colspan` matter), comments, Windows' CF_HTML header. Linear in the
//! input, whatever the input.

use super::tree::{is_raw_text, Parser};

/// Windows' CF_HTML puts `Version:1.0 StartHTML:… ` lines before the
/// HTML; they are not part of the page.
pub(super) fn strip_cf_header(html: &str) -> &str {
    let t = html.trim_start_matches('\u{feff}');
    if t.trim_start().starts_with("Version:") {
        match t.find('<') {
            Some(at) => &t[at..],
            None => "",
        }
    } else {
        t
    }
}

/// Reads the markup at `i` (a `<`) and returns where the text goes on.
pub(super) fn markup(src: &str, i: usize, p: &mut Parser, no_close: &mut [bool; 2]) -> usize {
    let b = src.as_bytes();
    let rest = &b[i..];
    if rest.starts_with(b"<!--") {
        // Comments, including `<!--[if gte mso 9]>…<![endif]-->`. A
        // downlevel-revealed `<!--[if !supportLists]-->` ends at once:
        // what follows it is shown.
        return src[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
    }
    if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
        return find_byte(b, i + 2, b'>').map_or(b.len(), |e| e + 1);
    }
    if rest.starts_with(b"</") && rest.get(2).is_some_and(u8::is_ascii_alphabetic) {
        let (name, j) = read_name(b, i + 2);
        p.end_tag(&name);
        return find_byte(b, j, b'>').map_or(b.len(), |e| e + 1);
    }
    if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
        let (name, j) = read_name(b, i + 1);
        let (rowspan, colspan, end) = read_attrs(b, j, no_close);
        p.start_tag(&name, rowspan, colspan);
        if is_raw_text(&name) {
            return find_end_tag(src, end, &name).unwrap_or(b.len());
        }
        return end;
    }
    p.char('<');
    i + 1
}

fn find_byte(b: &[u8], from: usize, byte: u8) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&x| x == byte)
        .map(|k| from + k)
}

/// Where `</name` starts, from `from` on, in any letter case.
fn find_end_tag(src: &str, from: usize, name: &str) -> Option<usize> {
    let b = src.as_bytes();
    let mut at = from;
    while let Some(k) = src.get(at..)?.find("</") {
        let pos = at + k;
        let after = &b[pos + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(pos);
        }
        at = pos + 2;
    }
    None
}

fn read_name(b: &[u8], from: usize) -> (String, usize) {
    let mut j = from;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || matches!(b[j], b':' | b'-' | b'_' | b'.'))
    {
        j += 1;
    }
    let name = String::from_utf8_lossy(&b[from..j]).to_ascii_lowercase();
    (name, j)
}

/// Reads a start tag's attributes from `from` to its `>`; returns
/// rowspan, colspan and where the tag ends. A quote that is never
/// closed is taken as a plain character (and, for the rest of the
/// input, so is every later one of its kind: this keeps reading linear).
fn read_attrs(b: &[u8], from: usize, no_close: &mut [bool; 2]) -> (usize, usize, usize) {
    let (mut rowspan, mut colspan) = (1, 1);
    let mut k = from;
    loop {
        while k < b.len() && (b[k].is_ascii_whitespace() || b[k] == b'/') {
            k += 1;
        }
        if k >= b.len() {
            return (rowspan, colspan, b.len());
        }
        if b[k] == b'>' {
            return (rowspan, colspan, k + 1);
        }
        let name_start = k;
        while k < b.len() && !b[k].is_ascii_whitespace() && !matches!(b[k], b'=' | b'>' | b'/') {
            k += 1;
        }
        if k == name_start {
            k += 1;
            continue;
        }
        let name = &b[name_start..k];
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        let mut value: &[u8] = &[];
        if b.get(k) == Some(&b'=') {
            k += 1;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            let mut quoted = false;
            if let Some(&q) = b.get(k) {
                if q == b'"' || q == b'\'' {
                    let which = usize::from(q == b'"');
                    if !no_close[which] {
                        match find_byte(b, k + 1, q) {
                            Some(e) => {
                                value = &b[k + 1..e];
                                k = e + 1;
                                quoted = true;
                            }
                            None => no_close[which] = true,
                        }
                    }
                }
            }
            if !quoted {
                let vs = k;
                while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'>' {
                    k += 1;
                }
                value = &b[vs..k];
            }
        }
        if name.eq_ignore_ascii_case(b"rowspan") {
            rowspan = span(value);
        } else if name.eq_ignore_ascii_case(b"colspan") {
            colspan = span(value);
        }
    }
}

fn span(value: &[u8]) -> usize {
    let digits: Vec<u8> = value
        .iter()
        .copied()
        .skip_while(u8::is_ascii_whitespace)
        .take_while(u8::is_ascii_digit)
        .take(7)
        .collect();
    let n = digits
        .iter()
        .fold(0usize, |n, d| n * 10 + usize::from(d - b'0'));
    n.max(1)
}
