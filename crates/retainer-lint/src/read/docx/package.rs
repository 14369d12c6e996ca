//! The zip package: bounded part reads, relationships, and finding the main document part.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::xml::{Node, Xml};
use crate::error::{InputError, InputErrorKind};
use crate::read::Limits;

/// Parts above this size are checked for an absurd compression ratio.
const RATIO_FLOOR: u64 = 1 << 20;

/// Bytes inflated between two checks of the size caps.
const CHUNK: u64 = 1 << 20;

/// An opened package. Every part read is bounded by the [`Limits`].
#[derive(Debug)]
pub(crate) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Lower-cased part name to zip index: OPC part names are case-insensitive.
    names: HashMap<String, usize>,
    limits: &'a Limits,
    /// Decompressed bytes read so far from all parts.
    total: u64,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self, InputError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_error(None, e))?;
        let mut names = HashMap::with_capacity(zip.len());
        for index in 0..zip.len() {
            if let Some(name) = zip.name_for_index(index) {
                let name = name.trim_start_matches('/').to_ascii_lowercase();
                names.entry(name).or_insert(index);
            }
        }
        Ok(Package {
            zip,
            names,
            limits,
            total: 0,
        })
    }

    /// Whether the package has a part of this name.
    pub fn has(&self, name: &str) -> bool {
        self.names.contains_key(&name.to_ascii_lowercase())
    }

    /// Read a whole part, or `None` when the package has no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, InputError> {
        let Some(&index) = self.names.get(&name.to_ascii_lowercase()) else {
            return Ok(None);
        };
        let limits = self.limits;
        let file = self
            .zip
            .by_index(index)
            .map_err(|e| zip_error(Some(name), e))?;
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        if declared > limits.max_part_bytes {
            return Err(too_large_part(name, declared, limits.max_part_bytes));
        }
        if declared > RATIO_FLOOR && declared / compressed > limits.max_compression_ratio {
            return Err(zip_bomb(name, declared, compressed));
        }
        if self.total.saturating_add(declared) > limits.max_total_bytes {
            return Err(too_large_total(limits.max_total_bytes));
        }
        // Never trust the declared size for more than a capacity hint below the cap.
        let mut out = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
        let mut limited = file.take(limits.max_part_bytes.saturating_add(1));
        // Inflate straight into `out`, a chunk at a time so that the caps are checked as the
        // part grows (a lying declared size cannot make it overshoot by more than a chunk).
        loop {
            match (&mut limited).take(CHUNK).read_to_end(&mut out) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(read_error(name, &e)),
            }
            let len = out.len() as u64;
            if len > limits.max_part_bytes {
                return Err(too_large_part(name, len, limits.max_part_bytes));
            }
            if len > RATIO_FLOOR && len / compressed > limits.max_compression_ratio {
                return Err(zip_bomb(name, len, compressed));
            }
            if self.total.saturating_add(len) > limits.max_total_bytes {
                return Err(too_large_total(limits.max_total_bytes));
            }
        }
        self.total = self.total.saturating_add(out.len() as u64);
        Ok(Some(out))
    }

    /// Relationships of `part` (from `dir/_rels/name.rels`), empty when there are none.
    pub fn relationships(&mut self, part: &str) -> Result<Relationships, InputError> {
        let rels_name = rels_path(part);
        let Some(bytes) = self.read(&rels_name)? else {
            return Ok(Relationships::default());
        };
        let mut xml = Xml::new(&bytes, &rels_name, self.limits.max_depth);
        let mut rels = Relationships::default();
        loop {
            match xml.next()? {
                Node::Start(tag) | Node::Empty(tag) if tag.local() == b"Relationship" => {
                    let (Some(id), Some(kind), Some(target)) =
                        (tag.attr(b"Id")?, tag.attr(b"Type")?, tag.attr(b"Target")?)
                    else {
                        continue;
                    };
                    let external = tag
                        .attr(b"TargetMode")?
                        .is_some_and(|m| m.eq_ignore_ascii_case("external"));
                    let target = if external {
                        target
                    } else {
                        resolve_target(part, &target)
                    };
                    rels.ids.entry(id).or_insert(rels.list.len());
                    rels.list.push(Relationship {
                        kind,
                        target,
                        external,
                    });
                }
                Node::Eof => break,
                _ => {}
            }
        }
        Ok(rels)
    }
}

/// One relationship of a part.
#[derive(Debug, Clone)]
pub(crate) struct Relationship {
    /// The relationship type URI (transitional or strict).
    pub kind: String,
    /// A part name (resolved against the source part) or, when external, the URL as written.
    pub target: String,
    pub external: bool,
}

/// The relationships of one part.
#[derive(Debug, Clone, Default)]
pub(crate) struct Relationships {
    list: Vec<Relationship>,
    /// Index in `list` by id: a document may hold many thousands of hyperlinks.
    ids: HashMap<String, usize>,
}

impl Relationships {
    pub fn by_id(&self, id: &str) -> Option<&Relationship> {
        self.list.get(*self.ids.get(id)?)
    }

    /// The first internal target whose type ends with `/suffix` (matches transitional and
    /// strict type URIs alike).
    pub fn target_of_type(&self, suffix: &str) -> Option<&str> {
        self.list
            .iter()
            .find(|r| !r.external && type_is(&r.kind, suffix))
            .map(|r| r.target.as_str())
    }
}

fn type_is(kind: &str, suffix: &str) -> bool {
    kind.rsplit('/').next() == Some(suffix)
}

/// `word/document.xml` -> `word/_rels/document.xml.rels`; `` (the package) -> `_rels/.rels`.
pub(crate) fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Resolve a relationship target against the part that holds the relationship.
pub(crate) fn resolve_target(source: &str, target: &str) -> String {
    let target = target.split('#').next().unwrap_or(target);
    let mut segments: Vec<&str> = Vec::new();
    if !target.starts_with('/') {
        if let Some((dir, _)) = source.rsplit_once('/') {
            segments.extend(dir.split('/').filter(|s| !s.is_empty()));
        }
    }
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

fn zip_error(part: Option<&str>, e: ZipError) -> InputError {
    let what = part.map_or_else(String::new, |p| format!(" (part {p})"));
    match e {
        ZipError::UnsupportedArchive(msg) if msg == ZipError::PASSWORD_REQUIRED => InputError::new(
            InputErrorKind::LegacyDoc,
            "the document is encrypted (password-protected); remove the password and save it again",
        ),
        ZipError::UnsupportedArchive(_) | ZipError::CompressionMethodNotSupported(_) => {
            InputError::new(
                InputErrorKind::CorruptZip,
                format!("the document is packed in a way retainer-lint cannot unpack{what}; open it in Word and save it again"),
            )
        }
        ZipError::Io(io) => read_error(part.unwrap_or("the package"), &io),
        other => InputError::new(
            InputErrorKind::CorruptZip,
            format!("the document is damaged: its zip container is truncated or corrupt{what} ({other})"),
        ),
    }
}

fn read_error(part: &str, e: &std::io::Error) -> InputError {
    let text = e.to_string();
    let detail = if text.to_ascii_lowercase().contains("checksum") {
        format!("the document is damaged: {part} fails its checksum (CRC)")
    } else {
        format!("the document is damaged: {part} cannot be unpacked ({text})")
    };
    InputError::new(InputErrorKind::CorruptZip, detail)
}

fn too_large_part(part: &str, size: u64, limit: u64) -> InputError {
    InputError::new(
        InputErrorKind::TooLarge,
        format!("the document is too large: {part} unpacks to {size} bytes or more, over the limit of {limit} bytes"),
    )
}

fn too_large_total(limit: u64) -> InputError {
    InputError::new(
        InputErrorKind::TooLarge,
        format!("the document is too large: its parts unpack to more than the limit of {limit} bytes in total"),
    )
}

fn zip_bomb(part: &str, size: u64, compressed: u64) -> InputError {
    InputError::new(
        InputErrorKind::ZipBomb,
        format!(
            "the document is not a genuine letter: {part} unpacks from {compressed} to {size} bytes, \
             a compression ratio no real document has"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_part() {
        assert_eq!(
            resolve_target("word/document.xml", "header1.xml"),
            "word/header1.xml"
        );
        assert_eq!(
            resolve_target("word/document.xml", "../customXml/a.xml"),
            "customXml/a.xml"
        );
        assert_eq!(
            resolve_target("word/document.xml", "/word/x.xml"),
            "word/x.xml"
        );
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
        assert_eq!(
            rels_path("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
        assert_eq!(rels_path(""), "_rels/.rels");
    }
}
