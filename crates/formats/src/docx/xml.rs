//! A small, tolerant XML reader for a Word document's `word/document.xml`:
//! start and end tags with their attributes, text with the five named and
//! the numeric character references, CDATA. Comments, processing
//! instructions and the document type are skipped; entities a document
//! type declares are not expanded (no entity bombs). Linear in the input;
//! never fails: what does not parse ends the document or is text.

use std::borrow::Cow;

/// One piece of the document.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Event<'a> {
    /// `<name attrs>` or, when `empty`, `<name attrs/>`.
    Start {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    End {
        name: &'a str,
    },
    Text(Cow<'a, str>),
}

/// The events of `src`, in order.
pub(super) struct Reader<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(src: &'a str) -> Reader<'a> {
        Reader { src, pos: 0 }
    }

    /// Moves past `end`, or to the end of the input.
    fn skip_past(&mut self, end: &str) {
        self.pos = match self.src[self.pos..].find(end) {
            Some(i) => self.pos + i + end.len(),
            None => self.src.len(),
        };
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let rest = &self.src[self.pos..];
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Some(Event::Text(unescape(&rest[..len])));
            }
            if rest.starts_with("<!--") {
                self.skip_past("-->");
                continue;
            }
            if let Some(data) = rest.strip_prefix("<![CDATA[") {
                let len = data.find("]]>").unwrap_or(data.len());
                self.skip_past("]]>");
                return Some(Event::Text(Cow::Borrowed(&data[..len])));
            }
            if rest.starts_with("<?") {
                self.skip_past("?>");
                continue;
            }
            if rest.starts_with("<!") {
                // A document type, perhaps with an internal subset.
                let close = rest.find('>').unwrap_or(rest.len());
                if rest[..close].contains('[') {
                    self.skip_past("]>");
                } else {
                    self.skip_past(">");
                }
                continue;
            }
            let Some(close) = tag_end(rest) else {
                self.pos = self.src.len();
                return None;
            };
            self.pos += close + 1;
            let inner = &rest[1..close];
            if let Some(name) = inner.strip_prefix('/') {
                return Some(Event::End { name: name.trim() });
            }
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(i) => (i, true),
                None => (inner, false),
            };
            let split = inner
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(inner.len());
            return Some(Event::Start {
                name: &inner[..split],
                attrs: &inner[split..],
                empty,
            });
        }
    }
}

/// Where the tag starting `rest` ends (its `>`), outside quoted values.
fn tag_end(rest: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in rest.bytes().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The attributes of a tag, as `(name, raw value)`.
pub(super) fn attributes(attrs: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = attrs;
    std::iter::from_fn(move || {
        let eq = rest.find('=')?;
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value = &after[1..];
        let end = value.find(q).unwrap_or(value.len());
        rest = value.get(end + 1..).unwrap_or("");
        Some((name, &value[..end]))
    })
}

/// The value of attribute `name`, unescaped.
pub(super) fn attribute<'a>(attrs: &'a str, name: &str) -> Option<Cow<'a, str>> {
    attributes(attrs)
        .find(|(n, _)| *n == name)
        .map(|(_, v)| unescape(v))
}

/// Text with its character references replaced; an unknown or broken
/// reference stays as written.
pub(super) fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest[1..]
            .find(';')
            .filter(|&n| n <= 10)
            .and_then(|n| Some((character(&rest[1..=n])?, n + 2)));
        match reference {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn character(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            return char::from_u32(code);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> Vec<Event<'_>> {
        Reader::new(xml).collect()
    }

    #[test]
    fn tags_text_and_references() {
        let e = events(
            "<?xml version=\"1.0\"?><!-- c --><w:p a=\"x>y\"><w:t xml:space='preserve'>a&amp;b&#x4E00;&#20108;&bad;</w:t><w:br/></w:p>",
        );
        assert_eq!(
            e,
            vec![
                Event::Start {
                    name: "w:p",
                    attrs: " a=\"x>y\"",
                    empty: false
                },
                Event::Start {
                    name: "w:t",
                    attrs: " xml:space='preserve'",
                    empty: false
                },
                Event::Text(Cow::Owned("a&b一二&bad;".into())),
                Event::End { name: "w:t" },
                Event::Start {
                    name: "w:br",
                    attrs: "",
                    empty: true
                },
                Event::End { name: "w:p" },
            ]
        );
    }

    #[test]
    fn doctype_and_cdata() {
        let e = events("<!DOCTYPE x [<!ENTITY a \"b\">]><t><![CDATA[<&>]]>&a;</t>");
        assert_eq!(e.len(), 4);
        assert_eq!(e[1], Event::Text(Cow::Borrowed("<&>")));
        assert_eq!(e[2], Event::Text(Cow::Borrowed("&a;")));
    }

    #[test]
    fn attributes_are_read_with_either_quote() {
        let attrs = " w:val=\"restart\" w:x='1 &amp; 2'";
        assert_eq!(attribute(attrs, "w:val").as_deref(), Some("restart"));
        assert_eq!(attribute(attrs, "w:x").as_deref(), Some("1 & 2"));
        assert_eq!(attribute(attrs, "w:y"), None);
    }

    #[test]
    fn a_cut_document_ends_quietly() {
        assert_eq!(events("<a><b x=\"").len(), 1);
        assert_eq!(events("<a><!-- never closed").len(), 1);
    }
}
