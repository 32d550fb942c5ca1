//! The `text/plain` form of a copied table: tab-separated cells, rows by
//! line, Excel's `"…"` quoting for cells that hold line breaks.

/// Splits tab-separated text into rows of cells. A cell that starts with `"`
/// and whose closing `"` is followed by a tab, a line end or the end of the
/// text is a quoted cell (`""` inside is one `"`); any other cell is taken
/// as written, quotes and all.
pub(super) fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let b = text.as_bytes();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut i = 0;
    loop {
        // One cell from i.
        let mut cell = None;
        if b.get(i) == Some(&b'"') {
            if let Some((value, end)) = quoted_cell(text, i) {
                cell = Some(value);
                i = end;
            }
        }
        let cell = match cell {
            Some(c) => c,
            None => {
                let start = i;
                while i < b.len() && !matches!(b[i], b'\t' | b'\n' | b'\r') {
                    i += 1;
                }
                text[start..i].to_string()
            }
        };
        row.push(cell);
        match b.get(i) {
            Some(b'\t') => i += 1,
            Some(b'\r') | Some(b'\n') => {
                if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
                rows.push(std::mem::take(&mut row));
                if i >= b.len() {
                    break;
                }
            }
            _ => {
                // End of text (a quoted cell ends only at a delimiter).
                rows.push(std::mem::take(&mut row));
                break;
            }
        }
    }
    rows
}

/// A quoted cell starting at `start` (a `"`): its value and where it ends.
fn quoted_cell(text: &str, start: usize) -> Option<(String, usize)> {
    let b = text.as_bytes();
    let mut value = String::new();
    let mut from = start + 1;
    loop {
        let q = from + text[from..].find('"')?;
        value.push_str(&text[from..q]);
        match b.get(q + 1) {
            Some(b'"') => {
                value.push('"');
                from = q + 2;
            }
            None | Some(b'\t') | Some(b'\n') | Some(b'\r') => return Some((value, q + 1)),
            Some(_) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_quoting() {
        assert_eq!(
            parse_tsv("a\t\"b\nc\"\td\r\ne\t\"x\"\"y\"\r\n"),
            vec![vec!["a", "b\nc", "d"], vec!["e", "x\"y"]]
        );
        // A quote inside an unquoted cell is text.
        assert_eq!(
            parse_tsv("\"科技\"活动\t2\n"),
            vec![vec!["\"科技\"活动", "2"]]
        );
        // An unclosed quote is text to the end of its line.
        assert_eq!(parse_tsv("\"abc\tdef"), vec![vec!["\"abc", "def"]]);
        assert_eq!(parse_tsv("a\t"), vec![vec!["a", ""]]);
    }
}
