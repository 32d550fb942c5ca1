//! The text of one cell or paragraph, with HTML's whitespace rules.

use super::super::grid::is_invisible;

/// Text of one cell or paragraph, with HTML whitespace rules: runs of
/// spaces and line breaks are one space, a source line break between
/// two CJK characters is nothing, `<p>`/`<br>` start a new line.
#[derive(Default)]
pub(super) struct TextBuf {
    lines: Vec<String>,
    line: String,
    /// Whitespace seen since the last character; `true` if it held a
    /// line break.
    pending: Option<bool>,
}

impl TextBuf {
    pub(super) fn push(&mut self, c: char) {
        match c {
            ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}' => {
                let newline = c == '\n' || c == '\r';
                self.pending = Some(self.pending.unwrap_or(false) || newline);
            }
            c if is_invisible(c) => {}
            _ => {
                if let Some(newline) = self.pending.take() {
                    let joined =
                        newline && self.line.chars().next_back().is_some_and(is_cjk) && is_cjk(c);
                    if !self.line.is_empty() && !joined {
                        self.line.push(' ');
                    }
                }
                self.line.push(c);
            }
        }
    }

    pub(super) fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push(c);
        }
    }

    pub(super) fn break_line(&mut self) {
        self.pending = None;
        let t = self.line.trim();
        if !t.is_empty() {
            self.lines.push(t.to_string());
        }
        self.line.clear();
    }

    pub(super) fn take(&mut self) -> String {
        self.break_line();
        let s = self.lines.join("\n");
        self.lines.clear();
        s
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{3ffff}')
}
