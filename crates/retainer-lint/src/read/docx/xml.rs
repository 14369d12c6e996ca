//! A bounded, namespace-aware pull parser over one package part.
//!
//! Wraps quick-xml's `NsReader` so that every part is read the same careful way: DOCTYPEs and
//! unknown entities are refused (never expanded), nesting is capped, an element left open at
//! the end of the part is an error (a truncated file), and elements are identified by
//! namespace URI rather than by prefix (strict OOXML and `ns0:` prefixes read alike).

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use crate::error::{InputError, InputErrorKind};

/// The namespaces the reader acts on; every other namespace is [`Ns::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML main (transitional or strict).
    W,
    /// Office math (transitional or strict).
    Math,
    /// Markup compatibility (`mc:AlternateContent`).
    Mc,
    /// Anything else, including no namespace.
    Other,
}

fn classify(uri: &[u8]) -> Ns {
    match uri {
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
        b"http://schemas.openxmlformats.org/officeDocument/2006/math"
        | b"http://purl.oclc.org/ooxml/officeDocument/math" => Ns::Math,
        b"http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
        _ => Ns::Other,
    }
}

/// An element's start tag with its resolved namespace.
#[derive(Debug)]
pub(crate) struct Tag<'a> {
    pub ns: Ns,
    start: BytesStart<'a>,
    part: &'a str,
}

impl<'a> Tag<'a> {
    /// The local name (without prefix).
    pub fn local(&self) -> &[u8] {
        let name = self.start.name().into_inner();
        match name.iter().position(|&b| b == b':') {
            Some(i) => name.get(i + 1..).unwrap_or(name),
            None => name,
        }
    }

    /// The qualified name as written (`w:p`, `ns0:p`, `p`).
    pub fn qname(&self) -> &[u8] {
        self.start.name().into_inner()
    }

    /// True when the element is `w:<local>`.
    pub fn is_w(&self, local: &[u8]) -> bool {
        self.ns == Ns::W && self.local() == local
    }

    /// The unescaped value of the first attribute with this local name (any prefix).
    pub fn attr(&self, local: &[u8]) -> Result<Option<String>, InputError> {
        for attr in self.start.attributes() {
            let attr = attr.map_err(|e| malformed(self.part, &e.to_string()))?;
            if attr.key.local_name().as_ref() == local {
                let raw = std::str::from_utf8(&attr.value)
                    .map_err(|_| malformed(self.part, "an attribute is not valid UTF-8"))?;
                return unescape(raw, self.part).map(|v| Some(v.into_owned()));
            }
        }
        Ok(None)
    }
}

/// One step of the parse.
#[derive(Debug)]
pub(crate) enum Node<'a> {
    /// An element with content opened.
    Start(Tag<'a>),
    /// A self-closing element.
    Empty(Tag<'a>),
    /// The innermost open element closed; `at` is the byte offset of its `</`.
    End { at: usize },
    /// Character data: `text` is exactly the part's bytes at `range` (no entities inside).
    Text { text: &'a str },
    /// An entity or character reference, already resolved to its text.
    Entity(Cow<'static, str>),
    /// End of the part (every element was closed).
    Eof,
}

/// Pull parser over one part's bytes.
#[derive(Debug)]
pub(crate) struct Xml<'a> {
    reader: NsReader<&'a [u8]>,
    /// Bytes before what the reader sees (a byte-order mark).
    base: usize,
    part: &'a str,
    depth: usize,
    max_depth: usize,
    seen_root: bool,
    /// Namespace of each element prefix seen in the current declaration scope: resolving
    /// through the reader for every element was a measured hot spot.
    ns_cache: Vec<(Vec<u8>, Ns)>,
    /// Depths of open elements that declare namespaces; leaving one ends a scope.
    scopes: Vec<usize>,
}

/// Most prefixes cached; more only means slower lookups through the reader.
const NS_CACHE: usize = 32;

/// Whether a start tag may declare namespaces (conservative: any `xmlns` in its attributes).
fn declares_namespaces(start: &BytesStart<'_>) -> bool {
    start.attributes_raw().windows(5).any(|w| w == b"xmlns")
}

impl<'a> Xml<'a> {
    pub fn new(bytes: &'a [u8], part: &'a str, max_depth: usize) -> Self {
        // quick-xml skips a byte-order mark without counting it: strip it here and add its
        // length back so positions stay byte offsets in the part.
        let (bytes, base) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => (rest, 3),
            None => (bytes, 0),
        };
        let mut reader = NsReader::from_reader(bytes);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.trim_text(false);
        config.expand_empty_elements = false;
        Xml {
            reader,
            base,
            part,
            depth: 0,
            max_depth,
            seen_root: false,
            ns_cache: Vec::new(),
            scopes: Vec::new(),
        }
    }

    /// Byte offset just past the last event read.
    pub fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position())
            .unwrap_or(usize::MAX)
            .saturating_add(self.base)
    }

    /// Nesting depth of the element last opened.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The next event that matters to a reader (declarations, comments and processing
    /// instructions are skipped).
    pub fn next(&mut self) -> Result<Node<'a>, InputError> {
        loop {
            let before = self.position();
            let event = self
                .reader
                .read_event()
                .map_err(|e| self.syntax_error(&e))?;
            return Ok(match event {
                Event::Start(start) => {
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(InputError::new(
                            InputErrorKind::TooDeep,
                            format!(
                                "the document is nested too deeply: {} has elements more than {} levels deep",
                                self.part, self.max_depth
                            ),
                        ));
                    }
                    self.seen_root = true;
                    if declares_namespaces(&start) {
                        self.ns_cache.clear();
                        self.scopes.push(self.depth);
                    }
                    Node::Start(self.tag(start, true))
                }
                Event::Empty(start) => {
                    self.seen_root = true;
                    // An empty element's own declarations end with it: do not cache them.
                    let cache = !declares_namespaces(&start);
                    Node::Empty(self.tag(start, cache))
                }
                Event::End(_) => {
                    if self.scopes.last() == Some(&self.depth) {
                        self.scopes.pop();
                        self.ns_cache.clear();
                    }
                    self.depth = self.depth.saturating_sub(1);
                    Node::End { at: before }
                }
                Event::Text(text) => {
                    let text = match text.into_inner() {
                        Cow::Borrowed(b) => std::str::from_utf8(b)
                            .map_err(|_| malformed(self.part, "the text is not valid UTF-8"))?,
                        // A slice reader always borrows; anything else is unexpected.
                        Cow::Owned(_) => {
                            return Err(malformed(self.part, "unexpected owned text"));
                        }
                    };
                    Node::Text { text }
                }
                Event::CData(data) => {
                    let text = match data.into_inner() {
                        Cow::Borrowed(b) => std::str::from_utf8(b)
                            .map_err(|_| malformed(self.part, "the text is not valid UTF-8"))?,
                        Cow::Owned(_) => {
                            return Err(malformed(self.part, "unexpected owned text"));
                        }
                    };
                    Node::Text { text }
                }
                Event::GeneralRef(reference) => {
                    if let Some(c) = reference
                        .resolve_char_ref()
                        .map_err(|e| malformed(self.part, &e.to_string()))?
                    {
                        Node::Entity(Cow::Owned(c.to_string()))
                    } else {
                        let name = reference.into_inner();
                        Node::Entity(Cow::Borrowed(predefined(&name).ok_or_else(|| {
                            unknown_entity(self.part, &String::from_utf8_lossy(&name))
                        })?))
                    }
                }
                Event::DocType(_) => {
                    return Err(InputError::new(
                        InputErrorKind::DtdForbidden,
                        format!(
                            "the document contains a document type declaration in {}, which Word never writes; \
                             it is refused because such declarations can hide entity expansions",
                            self.part
                        ),
                    ))
                }
                Event::Eof => {
                    if self.depth != 0 {
                        return Err(InputError::new(
                            InputErrorKind::MalformedXml,
                            format!(
                                "the document is damaged: {} ends in the middle of its content (the file looks cut off)",
                                self.part
                            ),
                        ));
                    }
                    if !self.seen_root {
                        return Err(malformed(self.part, "the part is empty"));
                    }
                    Node::Eof
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => continue,
            });
        }
    }

    /// Skip the rest of the element just opened (after a [`Node::Start`]).
    pub fn skip_element(&mut self) -> Result<(), InputError> {
        let target = self.depth.saturating_sub(1);
        while self.depth > target {
            if let Node::Eof = self.next()? {
                break;
            }
        }
        Ok(())
    }

    /// The text content of the element just opened, entities resolved; child elements'
    /// text is included.
    pub fn text_content(&mut self) -> Result<String, InputError> {
        let target = self.depth.saturating_sub(1);
        let mut out = String::new();
        while self.depth > target {
            match self.next()? {
                Node::Text { text } => out.push_str(text),
                Node::Entity(e) => out.push_str(&e),
                Node::Eof => break,
                _ => {}
            }
        }
        Ok(out)
    }

    fn tag(&mut self, start: BytesStart<'a>, cache: bool) -> Tag<'a> {
        let name = start.name();
        let prefix = name.prefix().map_or(&b""[..], |p| p.into_inner());
        let cached = self
            .ns_cache
            .iter()
            .find(|(p, _)| p.as_slice() == prefix)
            .map(|(_, ns)| *ns);
        let ns = match cached {
            Some(ns) if cache => ns,
            _ => {
                let ns = match self.reader.resolver().resolve_element(name).0 {
                    ResolveResult::Bound(ns) => classify(ns.into_inner()),
                    _ => Ns::Other,
                };
                if cache && self.ns_cache.len() < NS_CACHE {
                    self.ns_cache.push((prefix.to_vec(), ns));
                }
                ns
            }
        };
        Tag {
            ns,
            start,
            part: self.part,
        }
    }

    fn syntax_error(&self, e: &quick_xml::Error) -> InputError {
        let at = self.reader.error_position();
        match e {
            quick_xml::Error::Syntax(_)
            | quick_xml::Error::IllFormed(quick_xml::errors::IllFormedError::MissingEndTag(_)) => {
                InputError::new(
                    InputErrorKind::MalformedXml,
                    format!(
                        "the document is damaged: {} is cut off or broken near byte {at} ({e})",
                        self.part
                    ),
                )
            }
            _ => malformed(self.part, &format!("near byte {at}: {e}")),
        }
    }
}

fn predefined(name: &[u8]) -> Option<&'static str> {
    Some(match name {
        b"amp" => "&",
        b"lt" => "<",
        b"gt" => ">",
        b"quot" => "\"",
        b"apos" => "'",
        _ => return None,
    })
}

/// Unescape an attribute value: predefined and character references only.
pub(crate) fn unescape<'s>(raw: &'s str, part: &str) -> Result<Cow<'s, str>, InputError> {
    quick_xml::escape::unescape(raw).map_err(|e| match e {
        quick_xml::escape::EscapeError::UnrecognizedEntity(_, name) => unknown_entity(part, &name),
        other => malformed(part, &other.to_string()),
    })
}

fn unknown_entity(part: &str, name: &str) -> InputError {
    InputError::new(
        InputErrorKind::DtdForbidden,
        format!(
            "the document refers to an undefined entity `&{name};` in {part}; \
             entity definitions are refused and never expanded"
        ),
    )
}

pub(crate) fn malformed(part: &str, detail: &str) -> InputError {
    InputError::new(
        InputErrorKind::MalformedXml,
        format!("the document is damaged: {part} is not well-formed XML ({detail})"),
    )
}
