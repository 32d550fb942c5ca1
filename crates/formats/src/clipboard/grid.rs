//! The cell grid every form of a copied table ends in (and a Word
//! document's tables, `crates/formats/src/docx/body.rs`): rows of cell
//! texts, merged cells laid out on it (a merged cell's text in its top-left
//! slot, the slots it covers blank).

/// One row of the grid.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) cells: Vec<String>,
    /// Which `<table>` (or run of paragraphs between tables) the row is from.
    pub(crate) block: usize,
    /// The row is laid out on its table's grid (HTML): cell k is column k.
    pub(crate) aligned: bool,
}

impl Row {
    /// A row of cells as typed (TSV, CSV, a caller's grid): not laid out on
    /// a table's grid, one block.
    pub(super) fn typed(cells: &[String]) -> Row {
        Row {
            cells: cells.iter().map(|c| clean_cell(c)).collect(),
            block: 0,
            aligned: false,
        }
    }
}

/// A cell as typed: lines trimmed, blank lines and invisible characters dropped.
pub(crate) fn clean_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split(['\n', '\r']) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.extend(line.chars().filter(|c| !is_invisible(*c)));
    }
    out
}

pub(super) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// Most slots that merged cells may cover in one paste (real tables
/// have a few hundred); past it, spans count as 1×1.
pub(crate) const SPAN_BUDGET: usize = 200_000;
/// The HTML limit for `colspan`.
pub(crate) const MAX_COLSPAN: usize = 1000;

/// A cell as the HTML gives it: its text and how far it spans.
pub(super) struct RawCell {
    pub(super) text: String,
    pub(super) rowspan: usize,
    pub(super) colspan: usize,
}

/// Lays a table's cells out on a grid: each cell's text in its top-left
/// slot, the slots it covers blank.
pub(super) fn place(rows: Vec<Vec<RawCell>>, budget: &mut usize) -> Vec<Vec<String>> {
    let n = rows.len();
    let mut grid: Vec<Vec<Option<String>>> = (0..n).map(|_| Vec::new()).collect();
    for (r, cells) in rows.into_iter().enumerate() {
        let mut c = 0;
        for cell in cells {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let rs = cell.rowspan.clamp(1, n - r);
            let cs = cell.colspan.clamp(1, MAX_COLSPAN);
            let area = rs * cs;
            let (rs, cs) = if area > 1 && area <= *budget {
                *budget -= area;
                (rs, cs)
            } else {
                (1, 1)
            };
            for row in &mut grid[r..r + rs] {
                if row.len() < c + cs {
                    row.resize(c + cs, None);
                }
                for slot in &mut row[c..c + cs] {
                    if slot.is_none() {
                        *slot = Some(String::new());
                    }
                }
            }
            grid[r][c] = Some(cell.text);
            c += cs;
        }
    }
    grid.into_iter()
        .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str, rowspan: usize, colspan: usize) -> RawCell {
        RawCell {
            text: text.into(),
            rowspan,
            colspan,
        }
    }

    #[test]
    fn merged_cells_cover_their_slots() {
        let mut budget = SPAN_BUDGET;
        let g = place(
            vec![
                vec![raw("A", 2, 1), raw("B", 1, 2)],
                vec![raw("C", 1, 1), raw("D", 1, 1)],
            ],
            &mut budget,
        );
        assert_eq!(g, vec![vec!["A", "B", ""], vec!["", "C", "D"]]);
        assert_eq!(budget, SPAN_BUDGET - 4);
        // A span past the last row stops there.
        let g = place(vec![vec![raw("x", 9, 1)]], &mut budget);
        assert_eq!(g, vec![vec!["x"]]);
    }

    #[test]
    fn cells_lose_invisible_characters_and_blank_lines() {
        assert_eq!(clean_cell("  a\u{200b}b \r\n\n  c  "), "ab\nc");
    }
}
