//! The ZIP container of Office Open XML files (.xlsx, .docx), written and
//! read by hand: a few hundred lines instead of a ZIP crate in the page's
//! WebAssembly. Deflate is `miniz_oxide`'s (already used for share links);
//! CRC-32 is here.
//!
//! The writer (`Zip`) stores deflated entries (or stored ones, when
//! deflate does not help) with a central directory, the same bytes every
//! time. The reader ([`Archive`]) finds entries through the central
//! directory and inflates stored and deflated ones, bounded and checked
//! against their CRC. Neither does ZIP64, encryption or multi-disk
//! archives: a document of tables stays far below 4 GB, and Word writes
//! protected documents in another container (see `crates/formats/src/docx/mod.rs`).

/// CRC-32 (IEEE, as ZIP uses it), table-driven.
pub fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    let mut crc = !0u32;
    for &b in data {
        crc = TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// A minimal ZIP writer: deflated entries, a central directory, the end
/// record. No ZIP64: a document of tables stays far below 4 GB.
#[derive(Default)]
pub(crate) struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

/// 1980-01-01 00:00, the earliest DOS date: the same bytes every time.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;

impl Zip {
    pub(crate) fn add(&mut self, name: &str, data: &[u8]) {
        let deflated = miniz_oxide::deflate::compress_to_vec(data, 6);
        let (method, body): (u16, &[u8]) = if deflated.len() < data.len() {
            (8, &deflated)
        } else {
            (0, data)
        };
        let crc = crc32(data);
        let offset = self.out.len() as u32;
        let head = |buf: &mut Vec<u8>| {
            put16(buf, 20); // version needed: 2.0 (deflate)
            put16(buf, 0x0800); // flags: names are UTF-8
            put16(buf, method);
            put16(buf, DOS_TIME);
            put16(buf, DOS_DATE);
            put32(buf, crc);
            put32(buf, body.len() as u32);
            put32(buf, data.len() as u32);
            put16(buf, name.len() as u16);
            put16(buf, 0); // extra field length
        };
        put32(&mut self.out, LOCAL);
        head(&mut self.out);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(body);

        put32(&mut self.central, CENTRAL);
        put16(&mut self.central, 20); // version made by
        head(&mut self.central);
        put16(&mut self.central, 0); // comment length
        put16(&mut self.central, 0); // disk number
        put16(&mut self.central, 0); // internal attributes
        put32(&mut self.central, 0); // external attributes
        put32(&mut self.central, offset);
        self.central.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    pub(crate) fn finish(mut self) -> Vec<u8> {
        let at = self.out.len() as u32;
        let size = self.central.len() as u32;
        self.out.append(&mut self.central);
        put32(&mut self.out, END);
        put16(&mut self.out, 0); // this disk
        put16(&mut self.out, 0); // disk with the directory
        put16(&mut self.out, self.entries);
        put16(&mut self.out, self.entries);
        put32(&mut self.out, size);
        put32(&mut self.out, at);
        put16(&mut self.out, 0); // comment length
        self.out
    }
}

fn put16(buf: &mut Vec<u8>, v: u16) {
    buf.extend_from_slice(&v.to_le_bytes());
}

fn put32(buf: &mut Vec<u8>, v: u32) {
    buf.extend_from_slice(&v.to_le_bytes());
}

/// Why an archive or one of its entries cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZipError {
    /// No end record: not a ZIP file, or cut short.
    NotZip,
    /// The central directory or an entry's header points outside the file.
    Truncated,
    /// No entry of that name.
    Missing,
    /// Encrypted, ZIP64 or compressed with a method other than deflate.
    Unsupported,
    /// The entry inflates to more than the limit.
    TooLarge,
    /// The entry does not inflate, or not to its size and checksum.
    Corrupt,
}

/// One entry of the central directory.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    flags: u16,
    method: u16,
    crc: u32,
    packed: usize,
    size: usize,
    offset: usize,
}

/// A ZIP archive being read: its central directory, over the file's bytes.
#[derive(Debug)]
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

fn get16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn get32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> Archive<'a> {
    /// Reads the central directory (found from the end record, which may
    /// be followed by a comment of up to 64 KB).
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ZipError> {
        let earliest = bytes.len().saturating_sub(22 + 0xFFFF);
        let end = (earliest..=bytes.len().saturating_sub(22))
            .rev()
            .find(|&i| get32(bytes, i) == Some(END))
            .ok_or(ZipError::NotZip)?;
        let count = usize::from(get16(bytes, end + 10).ok_or(ZipError::NotZip)?);
        let dir = get32(bytes, end + 16).ok_or(ZipError::NotZip)?;
        if dir == u32::MAX || count == usize::from(u16::MAX) {
            return Err(ZipError::Unsupported);
        }
        let mut at = dir as usize;
        let mut entries = Vec::with_capacity(count.min(1024));
        for _ in 0..count {
            let entry = Self::central_entry(bytes, &mut at).ok_or(ZipError::Truncated)?;
            entries.push(entry);
        }
        Ok(Archive { bytes, entries })
    }

    fn central_entry(b: &[u8], at: &mut usize) -> Option<Entry> {
        let i = *at;
        if get32(b, i)? != CENTRAL {
            return None;
        }
        let name_len = usize::from(get16(b, i + 28)?);
        let extra_len = usize::from(get16(b, i + 30)?);
        let comment_len = usize::from(get16(b, i + 32)?);
        let name = b.get(i + 46..i + 46 + name_len)?;
        *at = i + 46 + name_len + extra_len + comment_len;
        Some(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            flags: get16(b, i + 8)?,
            method: get16(b, i + 10)?,
            crc: get32(b, i + 16)?,
            packed: get32(b, i + 20)? as usize,
            size: get32(b, i + 24)? as usize,
            offset: get32(b, i + 42)? as usize,
        })
    }

    /// Whether the archive has an entry of that name (ASCII case ignored,
    /// as in OPC part names).
    pub fn has(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    fn find(&self, name: &str) -> Option<&Entry> {
        let name = name.trim_start_matches('/');
        self.entries
            .iter()
            .find(|e| e.name.trim_start_matches('/').eq_ignore_ascii_case(name))
    }

    /// The content of entry `name`, inflated to at most `limit` bytes and
    /// checked against its size and CRC.
    pub fn read(&self, name: &str, limit: usize) -> Result<Vec<u8>, ZipError> {
        let e = self.find(name).ok_or(ZipError::Missing)?;
        if e.flags & 1 != 0 || e.size == u32::MAX as usize || e.packed == u32::MAX as usize {
            return Err(ZipError::Unsupported);
        }
        if e.size > limit {
            return Err(ZipError::TooLarge);
        }
        let b = self.bytes;
        let o = e.offset;
        if get32(b, o) != Some(LOCAL) {
            return Err(ZipError::Truncated);
        }
        let name_len = usize::from(get16(b, o + 26).ok_or(ZipError::Truncated)?);
        let extra_len = usize::from(get16(b, o + 28).ok_or(ZipError::Truncated)?);
        let start = o + 30 + name_len + extra_len;
        let body = b.get(start..start + e.packed).ok_or(ZipError::Truncated)?;
        let data = match e.method {
            0 => body.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(body, limit).map_err(|d| {
                if d.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                    ZipError::TooLarge
                } else {
                    ZipError::Corrupt
                }
            })?,
            _ => return Err(ZipError::Unsupported),
        };
        if data.len() != e.size || crc32(&data) != e.crc {
            return Err(ZipError::Corrupt);
        }
        Ok(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    fn sample() -> Vec<u8> {
        let mut zip = Zip::default();
        zip.add("a.xml", "<a>重复重复重复重复重复重复重复</a>".as_bytes());
        zip.add("b", b"x");
        zip.finish()
    }

    #[test]
    fn what_is_written_reads_back() {
        let bytes = sample();
        let archive = Archive::open(&bytes).unwrap();
        assert!(archive.has("A.XML") && archive.has("/b"));
        assert_eq!(
            archive.read("a.xml", 1000).unwrap(),
            "<a>重复重复重复重复重复重复重复</a>".as_bytes()
        );
        assert_eq!(archive.read("b", 1).unwrap(), b"x");
        assert_eq!(archive.read("c", 1).unwrap_err(), ZipError::Missing);
        assert_eq!(archive.read("a.xml", 10).unwrap_err(), ZipError::TooLarge);
        // A comment after the end record is allowed.
        let mut commented = bytes.clone();
        let n = commented.len();
        commented[n - 2..].copy_from_slice(&3u16.to_le_bytes());
        commented.extend_from_slice(b"hey");
        assert!(Archive::open(&commented).unwrap().has("b"));
    }

    #[test]
    fn damage_is_found() {
        let bytes = sample();
        assert_eq!(Archive::open(b"PK").unwrap_err(), ZipError::NotZip);
        assert_eq!(
            Archive::open(&bytes[..bytes.len() - 30]).unwrap_err(),
            ZipError::NotZip
        );
        // Flip a byte of the first entry's deflated data.
        let mut bad = bytes.clone();
        bad[30 + 5 + 3] ^= 0x55;
        let archive = Archive::open(&bad).unwrap();
        assert_eq!(archive.read("a.xml", 1000).unwrap_err(), ZipError::Corrupt);
        // Cut in the middle: the end record is gone.
        assert!(Archive::open(&bytes[..bytes.len() / 2]).is_err());
    }
}
