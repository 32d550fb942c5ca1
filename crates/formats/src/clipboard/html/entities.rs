//! Character references: `&#8805;`, `&#x2265;` and the named ones a word
//! processor writes (`&nbsp;`, `&ge;` …).

/// A character reference at the start of `b` (a `&`): the character and
/// how many bytes it takes. `None`: a plain `&`.
pub(super) fn entity(b: &[u8]) -> Option<(char, usize)> {
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let radix = if hex { 16 } else { 10 };
        let mut k = start;
        let mut n: u32 = 0;
        while let Some(d) = b.get(k).and_then(|&x| char::from(x).to_digit(radix)) {
            n = n.saturating_mul(radix).saturating_add(d);
            k += 1;
        }
        if k == start {
            return None;
        }
        if b.get(k) == Some(&b';') {
            k += 1;
        }
        let c = match n {
            0 => '\u{fffd}',
            n => char::from_u32(n).unwrap_or('\u{fffd}'),
        };
        return Some((c, k));
    }
    let mut k = 1;
    while k < b.len() && k <= 10 && b[k].is_ascii_alphanumeric() {
        k += 1;
    }
    let name = &b[1..k];
    let c = named_entity(name)?;
    if b.get(k) == Some(&b';') {
        Some((c, k + 1))
    } else if matches!(name, b"nbsp" | b"amp" | b"lt" | b"gt" | b"quot") {
        Some((c, k))
    } else {
        None
    }
}

fn named_entity(name: &[u8]) -> Option<char> {
    Some(match name {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        b"nbsp" => '\u{a0}',
        b"ge" => '≥',
        b"le" => '≤',
        b"ne" => '≠',
        b"plusmn" => '±',
        b"times" => '×',
        b"divide" => '÷',
        b"minus" => '−',
        b"deg" => '°',
        b"middot" => '·',
        b"hellip" => '…',
        b"mdash" => '—',
        b"ndash" => '–',
        b"lsquo" => '‘',
        b"rsquo" => '’',
        b"ldquo" => '“',
        b"rdquo" => '”',
        b"laquo" => '«',
        b"raquo" => '»',
        b"bull" => '•',
        b"yen" => '¥',
        b"cent" => '¢',
        b"pound" => '£',
        b"euro" => '€',
        b"copy" => '©',
        b"reg" => '®',
        b"trade" => '™',
        b"sect" => '§',
        b"para" => '¶',
        b"permil" => '‰',
        b"micro" => 'µ',
        b"sup1" => '¹',
        b"sup2" => '²',
        b"sup3" => '³',
        b"frac12" => '½',
        b"frac14" => '¼',
        b"frac34" => '¾',
        b"larr" => '←',
        b"rarr" => '→',
        b"uarr" => '↑',
        b"darr" => '↓',
        b"ensp" => '\u{2002}',
        b"emsp" => '\u{2003}',
        b"thinsp" => '\u{2009}',
        b"shy" => '\u{ad}',
        b"zwj" => '\u{200d}',
        b"zwnj" => '\u{200c}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(entity(b"&ge;95"), Some(('≥', 4)));
        assert_eq!(entity(b"&#8805;"), Some(('≥', 7)));
        assert_eq!(entity(b"&#x2265;"), Some(('≥', 8)));
        assert_eq!(entity(b"&nbsp x"), Some(('\u{a0}', 5)));
        assert_eq!(entity(b"&ge x"), None);
        assert_eq!(entity(b"&bogus;"), None);
        assert_eq!(entity(b"&#;"), None);
        assert_eq!(entity(b"&#99999999999;"), Some(('\u{fffd}', 14)));
        assert_eq!(entity(b"&#0;"), Some(('\u{fffd}', 4)));
    }
}
