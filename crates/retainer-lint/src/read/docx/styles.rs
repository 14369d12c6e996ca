//! Paragraph styles from `styles.xml`: which style makes a heading (by name, by `basedOn`
//! chain, by outline level) and which carries list numbering.

use std::borrow::Cow;
use std::collections::HashMap;

use super::xml::{Node, Xml};
use crate::error::InputError;

/// Longest `basedOn` chain followed; Word allows far fewer, and cycles must end.
const MAX_CHAIN: usize = 32;

/// What a paragraph style makes of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadingKind {
    Title,
    Level(u8),
}

/// List numbering a style gives: `num_id` "0" means "numbering switched off".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct NumPr {
    pub num_id: Option<String>,
    pub ilvl: Option<u8>,
}

#[derive(Debug, Clone, Default)]
struct StyleDef {
    name: Option<String>,
    based_on: Option<String>,
    outline: Option<u8>,
    num: NumPr,
}

/// The resolved paragraph styles of one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Styles {
    defs: HashMap<String, StyleDef>,
    default_paragraph: Option<String>,
    /// Every defined style resolved once, so paragraphs cost one lookup.
    resolved: HashMap<String, ParagraphStyle>,
}

/// A style's effect on one paragraph, after following its `basedOn` chain.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ParagraphStyle {
    pub heading: Option<HeadingKind>,
    pub num: NumPr,
}

impl Styles {
    pub fn parse(bytes: &[u8], part: &str, max_depth: usize) -> Result<Self, InputError> {
        let mut xml = Xml::new(bytes, part, max_depth);
        let mut styles = Styles::default();
        // The paragraph style being read and the depth of its `w:style` element.
        let mut current: Option<(String, StyleDef, usize)> = None;
        loop {
            let node = xml.next()?;
            let (tag, is_start) = match node {
                Node::Start(tag) => (tag, true),
                Node::Empty(tag) => (tag, false),
                Node::End { .. } => {
                    if current.as_ref().is_some_and(|c| xml.depth() < c.2) {
                        if let Some((id, def, _)) = current.take() {
                            styles.defs.entry(id).or_insert(def);
                        }
                    }
                    continue;
                }
                Node::Eof => break,
                _ => continue,
            };
            if tag.is_w(b"style") {
                let paragraph = tag.attr(b"type")?.is_none_or(|t| t == "paragraph");
                if paragraph && is_start {
                    let id = tag.attr(b"styleId")?.unwrap_or_default();
                    if tag.attr(b"default")?.is_some_and(|d| on(&d)) {
                        styles.default_paragraph.get_or_insert_with(|| id.clone());
                    }
                    current = Some((id, StyleDef::default(), xml.depth()));
                } else if is_start {
                    xml.skip_element()?;
                }
                continue;
            }
            let Some((_, def, _)) = current.as_mut() else {
                continue;
            };
            if is_start && tag.local().ends_with(b"Change") {
                // The old properties of a tracked property change are not the style's own.
                xml.skip_element()?;
                continue;
            }
            if tag.is_w(b"name") {
                def.name = tag.attr(b"val")?;
            } else if tag.is_w(b"basedOn") {
                def.based_on = tag.attr(b"val")?;
            } else if tag.is_w(b"outlineLvl") {
                def.outline = tag.attr(b"val")?.and_then(|v| v.trim().parse().ok());
            } else if tag.is_w(b"numId") {
                def.num.num_id = tag.attr(b"val")?;
            } else if tag.is_w(b"ilvl") {
                def.num.ilvl = tag.attr(b"val")?.and_then(|v| v.trim().parse().ok());
            }
        }
        let resolved = styles
            .defs
            .keys()
            .map(|id| (id.clone(), styles.resolve(Some(id))))
            .collect();
        styles.resolved = resolved;
        Ok(styles)
    }

    /// What the paragraph style `id` (or the default paragraph style) makes of a paragraph.
    /// Borrowed for every defined style: this runs once per paragraph.
    pub fn paragraph(&self, id: Option<&str>) -> Cow<'_, ParagraphStyle> {
        match id.or(self.default_paragraph.as_deref()) {
            Some(id) => match self.resolved.get(id) {
                Some(style) => Cow::Borrowed(style),
                None => Cow::Owned(self.resolve(Some(id))),
            },
            None => Cow::Owned(ParagraphStyle::default()),
        }
    }

    fn resolve(&self, id: Option<&str>) -> ParagraphStyle {
        let mut out = ParagraphStyle::default();
        let Some(mut id) = id.or(self.default_paragraph.as_deref()) else {
            return out;
        };
        let mut heading_done = false;
        let mut num_done = false;
        for _ in 0..MAX_CHAIN {
            let Some(def) = self.defs.get(id) else {
                // A style id with no definition: recognise the built-in ids by name.
                if !heading_done {
                    out.heading = heading_by_name(id);
                }
                break;
            };
            if !heading_done {
                let by_name = def
                    .name
                    .as_deref()
                    .and_then(heading_by_name)
                    .or_else(|| heading_by_name(id));
                if let Some(kind) = by_name {
                    out.heading = Some(kind);
                    heading_done = true;
                } else if let Some(level) = def.outline {
                    // Outline level 9 is "body text": explicitly not a heading.
                    out.heading = (level < 9).then(|| HeadingKind::Level(level + 1));
                    heading_done = true;
                }
            }
            if !num_done && def.num.num_id.is_some() {
                out.num = def.num.clone();
                num_done = true;
            }
            if heading_done && num_done {
                break;
            }
            match def.based_on.as_deref() {
                Some(next) if next != id => id = next,
                _ => break,
            }
        }
        out
    }
}

/// "Title", "heading 2", "Heading2" (any case, spaces ignored).
fn heading_by_name(name: &str) -> Option<HeadingKind> {
    let norm: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if norm == "title" {
        return Some(HeadingKind::Title);
    }
    let level: u8 = norm.strip_prefix("heading")?.parse().ok()?;
    (1..=9)
        .contains(&level)
        .then_some(HeadingKind::Level(level))
}

/// An OOXML on/off value.
fn on(v: &str) -> bool {
    matches!(v, "1" | "true" | "on")
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<?xml version="1.0"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="H2"><w:name w:val="HEADING 2"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Fees"><w:name w:val="Fees heading"/><w:basedOn w:val="H2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Custom"/>
    <w:pPr><w:outlineLvl w:val="1"/><w:pPrChange><w:pPr><w:outlineLvl w:val="5"/></w:pPr></w:pPrChange></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop2"/><w:basedOn w:val="Loop"/></w:style>
  <w:style w:type="paragraph" w:styleId="Bullet"><w:name w:val="List Bullet"/>
    <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
  <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>
</w:styles>"#;

    #[test]
    fn headings_by_name_chain_and_outline_level() {
        let styles = Styles::parse(STYLES.as_bytes(), "word/styles.xml", 256).unwrap();
        let h = |id| styles.paragraph(Some(id)).heading;
        assert_eq!(h("H2"), Some(HeadingKind::Level(2)));
        assert_eq!(h("Fees"), Some(HeadingKind::Level(2)));
        assert_eq!(h("Outline"), Some(HeadingKind::Level(2)));
        assert_eq!(h("Body"), None);
        assert_eq!(h("Loop"), None);
        assert_eq!(h("Title"), Some(HeadingKind::Title));
        assert_eq!(h("Heading3"), Some(HeadingKind::Level(3)));
        assert_eq!(styles.paragraph(None).heading, None);
        let bullet = styles.paragraph(Some("Bullet")).into_owned().num;
        assert_eq!(bullet.num_id.as_deref(), Some("7"));
        assert_eq!(bullet.ilvl, Some(1));
    }
}
