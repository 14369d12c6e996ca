//! A bounded, namespace-aware pull parser over one package part.
//!
//! Wraps quick-xml's borrowed `Reader` over the part's bytes so that every part is read the
//! same careful way: DOCTYPEs and unknown entities are refused (never expanded), nesting is
//! capped, an element left open at the end of the part is an error (a truncated file), and
//! elements are identified by namespace URI rather than by prefix (strict OOXML and `ns0:`
//! prefixes read alike).
//!
//! Namespaces are resolved here, not by quick-xml's `NsReader`: that one walks every start
//! tag's attributes looking for declarations, which measured about a tenth of the whole
//! DOCX read. Here only a tag whose raw attributes contain `xmlns` is looked at, and each
//! element's prefix is resolved through a small table of the bindings in scope.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

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

/// The namespace the `xml` prefix is bound to by definition.
const XML_NS: &[u8] = b"http://www.w3.org/XML/1998/namespace";
/// The namespace of `xmlns` attributes themselves; no prefix may be bound to it.
const XMLNS_NS: &[u8] = b"http://www.w3.org/2000/xmlns/";

/// Most namespace declarations accepted on one element (as quick-xml's own resolver): with
/// the depth cap, this bounds the bindings in scope.
const MAX_DECLARATIONS: usize = 256;

/// One `xmlns` / `xmlns:prefix` declaration in scope.
#[derive(Debug)]
struct Binding {
    /// The prefix; empty for the default namespace.
    prefix: Box<[u8]>,
    ns: Ns,
    /// Depth of the element that declared it: leaving that element ends it.
    depth: usize,
}

/// An element's start tag with its resolved namespace.
#[derive(Debug)]
pub(crate) struct Tag<'a> {
    pub ns: Ns,
    start: BytesStart<'a>,
    /// Where the local name starts in the qualified name (after `prefix:`).
    local_at: usize,
    part: &'a str,
}

impl<'a> Tag<'a> {
    /// The local name (without prefix).
    pub fn local(&self) -> &[u8] {
        let name = self.start.name().into_inner();
        name.get(self.local_at..).unwrap_or(name)
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
        let mut attributes = Attributes::new(self.start.attributes_raw());
        while let Some((key, value)) = attributes.next_raw(self.part)? {
            let key_local = match key.iter().position(|&b| b == b':') {
                Some(i) => key.get(i + 1..).unwrap_or_default(),
                None => key,
            };
            if key_local == local {
                let raw = std::str::from_utf8(value)
                    .map_err(|_| malformed(self.part, "an attribute is not valid UTF-8"))?;
                return unescape(raw, self.part).map(|v| Some(v.into_owned()));
            }
        }
        Ok(None)
    }
}

/// An attribute's name and raw (still escaped) value.
type RawAttribute<'r> = (&'r [u8], &'r [u8]);

/// The `name="value"` pairs of a start tag, read straight from its bytes: quick-xml's
/// attribute iterator measured several hundred instructions per attribute, and relationship
/// parts and root elements are little else.
struct Attributes<'r> {
    raw: &'r [u8],
    at: usize,
}

impl<'r> Attributes<'r> {
    fn new(raw: &'r [u8]) -> Self {
        Attributes { raw, at: 0 }
    }

    /// The next attribute's name and raw (still escaped) value.
    fn next_raw(&mut self, part: &str) -> Result<Option<RawAttribute<'r>>, InputError> {
        let raw = self.raw;
        let skip_space = |mut i: usize| {
            while raw.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            i
        };
        let start = skip_space(self.at);
        if start >= raw.len() {
            self.at = start;
            return Ok(None);
        }
        let bad = || malformed(part, "an attribute is not written name=\"value\"");
        let mut end = start;
        while raw
            .get(end)
            .is_some_and(|&b| b != b'=' && !b.is_ascii_whitespace())
        {
            end += 1;
        }
        let name = raw
            .get(start..end)
            .filter(|n| !n.is_empty())
            .ok_or_else(bad)?;
        let eq = skip_space(end);
        if raw.get(eq) != Some(&b'=') {
            return Err(bad());
        }
        let open = skip_space(eq + 1);
        let quote = match raw.get(open) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => return Err(bad()),
        };
        let rest = raw.get(open + 1..).unwrap_or_default();
        let len = rest.iter().position(|&b| b == quote).ok_or_else(bad)?;
        self.at = open + 1 + len + 1;
        Ok(Some((name, rest.get(..len).unwrap_or_default())))
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
    /// A predefined entity reference, resolved to its text.
    Entity(&'static str),
    /// A character reference, resolved to its character.
    Char(char),
    /// End of the part (every element was closed).
    Eof,
}

/// Pull parser over one part's bytes.
#[derive(Debug)]
pub(crate) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    /// Bytes before what the reader sees (a byte-order mark).
    base: usize,
    part: &'a str,
    depth: usize,
    max_depth: usize,
    seen_root: bool,
    /// Namespace declarations in scope, innermost last.
    bindings: Vec<Binding>,
    /// The binding that resolved the last element: consecutive elements nearly always share
    /// one prefix (`w:`). Cleared whenever the bindings change.
    last: Option<usize>,
}

/// Whether a start tag may declare namespaces (conservative: any `xmlns` in its attributes).
/// Runs on every element, so it looks for the letter `x` eight bytes at a time.
fn declares_namespaces(start: &BytesStart<'_>) -> bool {
    let raw = start.attributes_raw();
    let mut from = 0;
    while let Some(at) = raw.get(from..).and_then(find_x) {
        let at = from + at;
        if raw.get(at..).is_some_and(|rest| rest.starts_with(b"xmlns")) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Position of the first `x` (SWAR: a zero byte in `word ^ "xxxxxxxx"`).
fn find_x(bytes: &[u8]) -> Option<usize> {
    const X: u64 = u64::from_ne_bytes([b'x'; 8]);
    const LOW: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_ne_bytes(word) ^ X;
        if v.wrapping_sub(LOW) & !v & HIGH != 0 {
            return chunk.iter().position(|&b| b == b'x').map(|i| offset + i);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'x')
        .map(|i| offset + i)
}

impl<'a> Xml<'a> {
    pub fn new(bytes: &'a [u8], part: &'a str, max_depth: usize) -> Self {
        // quick-xml skips a byte-order mark without counting it: strip it here and add its
        // length back so positions stay byte offsets in the part.
        let (bytes, base) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => (rest, 3),
            None => (bytes, 0),
        };
        let mut reader = Reader::from_reader(bytes);
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
            bindings: Vec::new(),
            last: None,
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
                        self.declare(&start, self.depth)?;
                    }
                    Node::Start(self.tag(start))
                }
                Event::Empty(start) => {
                    self.seen_root = true;
                    // An empty element's own declarations apply to it alone.
                    if declares_namespaces(&start) {
                        let depth = self.depth + 1;
                        self.declare(&start, depth)?;
                        let tag = self.tag(start);
                        self.end_scope(depth);
                        Node::Empty(tag)
                    } else {
                        Node::Empty(self.tag(start))
                    }
                }
                Event::End(_) => {
                    self.end_scope(self.depth);
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
                        Node::Char(c)
                    } else {
                        let name = reference.into_inner();
                        Node::Entity(predefined(&name).ok_or_else(|| {
                            unknown_entity(self.part, &String::from_utf8_lossy(&name))
                        })?)
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
                Node::Entity(e) => out.push_str(e),
                Node::Char(c) => out.push(c),
                Node::Eof => break,
                _ => {}
            }
        }
        Ok(out)
    }

    /// Bring the namespace declarations of an element at `depth` into scope.
    fn declare(&mut self, start: &BytesStart<'_>, depth: usize) -> Result<(), InputError> {
        let mut count = 0;
        let mut attributes = Attributes::new(start.attributes_raw());
        while let Some((key, value)) = attributes.next_raw(self.part)? {
            let prefix: &[u8] = match key.strip_prefix(b"xmlns") {
                Some([]) => b"",
                Some([b':', prefix @ ..]) => prefix,
                _ => continue,
            };
            count += 1;
            if count > MAX_DECLARATIONS {
                return Err(malformed(
                    self.part,
                    &format!("an element declares more than {MAX_DECLARATIONS} namespaces"),
                ));
            }
            let raw = std::str::from_utf8(value)
                .map_err(|_| malformed(self.part, "an attribute is not valid UTF-8"))?;
            let uri = unescape(raw, self.part)?;
            let uri = uri.as_bytes();
            // The reserved prefixes and namespaces (Namespaces in XML 1.0, section 3).
            let reserved = match prefix {
                b"xml" => uri != XML_NS,
                b"xmlns" => true,
                _ => uri == XML_NS || uri == XMLNS_NS,
            };
            if reserved {
                return Err(malformed(
                    self.part,
                    "a reserved namespace prefix or name is re-declared",
                ));
            }
            self.bindings.push(Binding {
                prefix: prefix.into(),
                ns: classify(uri),
                depth,
            });
            self.last = None;
        }
        Ok(())
    }

    /// Leave the scope of the element at `depth`: its declarations end.
    fn end_scope(&mut self, depth: usize) {
        if self.bindings.last().is_some_and(|b| b.depth >= depth) {
            while self.bindings.last().is_some_and(|b| b.depth >= depth) {
                self.bindings.pop();
            }
            self.last = None;
        }
    }

    fn tag(&mut self, start: BytesStart<'a>) -> Tag<'a> {
        // Names are short: a plain loop beats a vectorised search for the colon here.
        let name = start.name().into_inner();
        let colon = name.iter().position(|&b| b == b':');
        let local_at = colon.map_or(0, |i| i + 1);
        let ns = {
            let prefix = colon.and_then(|i| name.get(..i)).unwrap_or_default();
            match self.last.and_then(|i| self.bindings.get(i)) {
                Some(last) if *last.prefix == *prefix => last.ns,
                // `xml:` is never rebound; unbound prefixes and no namespace at all alike are
                // not ours.
                _ if prefix == b"xml" => Ns::Other,
                _ => match self.bindings.iter().rposition(|b| *b.prefix == *prefix) {
                    Some(i) => {
                        self.last = Some(i);
                        self.bindings.get(i).map_or(Ns::Other, |b| b.ns)
                    }
                    None => Ns::Other,
                },
            }
        };
        Tag {
            ns,
            start,
            local_at,
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

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const STRICT_W: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /// Every element's qualified name and namespace, in document order.
    fn resolved(xml: &str) -> Result<Vec<(String, Ns)>, InputError> {
        let mut reader = Xml::new(xml.as_bytes(), "test.xml", 256);
        let mut out = Vec::new();
        loop {
            match reader.next()? {
                Node::Start(tag) | Node::Empty(tag) => out.push((
                    String::from_utf8_lossy(tag.start.name().into_inner()).into_owned(),
                    tag.ns,
                )),
                Node::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    #[test]
    fn prefixes_resolve_by_uri_within_their_scope() {
        let xml = format!(
            r#"<a:doc xmlns:a="{W}"><a:p/><b:x xmlns:b="{MC}"/><b:y/><n:q xmlns:n="{STRICT_W}" xmlns:a="urn:other"><a:p/><n:t/></n:q><a:p/><t xmlns="{W}"/><t/><xml:z/></a:doc>"#
        );
        let names: Vec<(&str, Ns)> = vec![
            ("a:doc", Ns::W),
            ("a:p", Ns::W),
            // Declared on an empty element: for that element only.
            ("b:x", Ns::Mc),
            ("b:y", Ns::Other),
            ("n:q", Ns::W),
            // Rebound inside `n:q`, restored after it.
            ("a:p", Ns::Other),
            ("n:t", Ns::W),
            ("a:p", Ns::W),
            ("t", Ns::W),
            ("t", Ns::Other),
            ("xml:z", Ns::Other),
        ];
        let got = resolved(&xml).unwrap();
        let got: Vec<(&str, Ns)> = got.iter().map(|(n, ns)| (n.as_str(), *ns)).collect();
        assert_eq!(got, names);
    }

    #[test]
    fn namespace_declarations_are_found_anywhere_in_a_tag() {
        for (attrs, expected) in [
            ("", false),
            (r#" w:val="x""#, false),
            (r#" a="xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxmlnx""#, false),
            (r#" xmlns:w="u""#, true),
            (r#" a="12345678" b="1234567" xmlns="u""#, true),
            (r#" a="123456789abcdefxmlns""#, true),
        ] {
            let xml = format!("<r{attrs}/>");
            let mut reader = Reader::from_reader(xml.as_bytes());
            let Ok(Event::Empty(start)) = reader.read_event() else {
                panic!("{xml}");
            };
            assert_eq!(declares_namespaces(&start), expected, "{xml}");
        }
    }

    #[test]
    fn attributes_by_local_name_unescaped_once() {
        let xml = r#"<r a:val = 'x&amp;amp;y' b="2"   c:val="3" bad=x/>"#;
        let mut reader = Reader::from_reader(xml.as_bytes());
        let Ok(Event::Empty(start)) = reader.read_event() else {
            panic!("{xml}");
        };
        let tag = Tag {
            ns: Ns::Other,
            start,
            local_at: 0,
            part: "test.xml",
        };
        assert_eq!(tag.attr(b"val").unwrap().as_deref(), Some("x&amp;y"));
        assert_eq!(tag.attr(b"b").unwrap().as_deref(), Some("2"));
        // A broken attribute is reached only when looked for past the good ones
        // (`a` is a prefix here, not a name).
        assert_eq!(tag.attr(b"nope").unwrap_err().code(), "input.malformed-xml");
        for broken in [r#"<r a/>"#, r#"<r a=b/>"#, r#"<r ="b"/>"#, r#"<r a="b/>"#] {
            let mut attributes =
                Attributes::new(broken.get(2..broken.len() - 2).unwrap().as_bytes());
            assert!(attributes.next_raw("t").is_err(), "{broken}");
        }
    }

    #[test]
    fn reserved_prefixes_cannot_be_rebound() {
        for decl in [
            r#"xmlns:xml="urn:x""#,
            r#"xmlns:xmlns="urn:x""#,
            r#"xmlns:p="http://www.w3.org/2000/xmlns/""#,
        ] {
            let err = resolved(&format!("<r {decl}/>")).unwrap_err();
            assert_eq!(err.code(), "input.malformed-xml", "{decl}");
        }
        let ok = format!(
            r#"<r xmlns:xml="{}"/>"#,
            std::str::from_utf8(XML_NS).unwrap()
        );
        assert_eq!(resolved(&ok).unwrap(), vec![("r".to_owned(), Ns::Other)]);
    }
}
