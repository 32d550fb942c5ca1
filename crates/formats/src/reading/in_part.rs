//! Reading in part: the tables that can be read, and the ones left out.
//!
//! [`read_input`] and [`read_file`] take a text whole or refuse it. A text
//! of one cell per line (`crates/formats/src/cell_lines/`) may hold one
//! table whose cells do not line up among good ones; [`read_input_in_part`]
//! and [`read_file_in_part`] then give the good tables and name the one
//! left out, for a preview to show beside them. Every other input reads as
//! [`read_input`] and [`read_file`] read it.

use super::{
    decode_bytes, has_table_tag, is_word, read_file, read_input, unreadable, Found, Legacy, Origin,
    ReadError,
};
use crate::{cell_lines, limits};
use jixiao_domain::lang::{Bilingual, Text};

/// What was read, and what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub found: Found,
    /// The tables left out, each named with its lines and why
    /// (`第 136 行：第 3 张表「…」没有导入：…`).
    pub left_out: Vec<Text>,
}

impl Outcome {
    fn whole(found: Found) -> Outcome {
        Outcome {
            found,
            left_out: Vec::new(),
        }
    }
}

/// As [`read_input`], but a text of one cell per line with a table that
/// does not line up gives its other tables, and names the one left out.
pub fn read_input_in_part(
    text: &str,
    html: Option<&str>,
    name: Option<&str>,
) -> Result<Outcome, ReadError> {
    let whole = || read_input(text, html, name).map(Outcome::whole);
    let cells = !html.is_some_and(has_table_tag)
        && !has_table_tag(text)
        && !text.contains('\0')
        && cell_lines::fits(text);
    if !cells {
        return whole();
    }
    limits::check_text(text).map_err(ReadError::Limit)?;
    match cell_lines::read(text) {
        Ok(read) if !read.left_out.is_empty() => {
            limits::check_document(&read.document).map_err(ReadError::Limit)?;
            Ok(Outcome {
                found: Found::Tables {
                    from: Origin::Text,
                    tables: read.document.tables,
                },
                left_out: read.left_out.iter().map(Bilingual::text).collect(),
            })
        }
        // Whole, or refused: as `read_input` says it.
        _ => whole(),
    }
}

/// As [`read_file`], reading a text file as [`read_input_in_part`] does.
pub fn read_file_in_part(
    name: &str,
    bytes: &[u8],
    legacy: Option<Legacy>,
) -> Result<Outcome, ReadError> {
    if is_word(name, bytes) || unreadable(name).is_some() {
        return read_file(name, bytes, legacy).map(Outcome::whole);
    }
    read_input_in_part(&decode_bytes(bytes, legacy), None, Some(name))
}
