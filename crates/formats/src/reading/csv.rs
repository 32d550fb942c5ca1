//! Comma-separated values, as Excel and WPS save a sheet as CSV.

/// Splits comma-separated values (RFC 4180: `"…"` quoting, `""` inside;
/// rows end with CR LF, LF or CR).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_breaks() {
        let rows = parse_csv("a,\"b,c\"\r\n\"say \"\"hi\"\"\",\n\"two\nlines\",x");
        assert_eq!(
            rows,
            vec![
                vec!["a".to_string(), "b,c".into()],
                vec!["say \"hi\"".into(), "".into()],
                vec!["two\nlines".into(), "x".into()],
            ]
        );
        assert_eq!(parse_csv(""), Vec::<Vec<String>>::new());
        assert_eq!(parse_csv("a\rb\r\n"), vec![vec!["a"], vec!["b"]]);
    }
}
