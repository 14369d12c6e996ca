//! `docx-artifacts`: what a Word review leaves behind: unaccepted tracked changes
//! (`check = "tracked-changes"`) and reviewer comments (`check = "comments"`; suppression
//! directives are not counted).

use serde::Deserialize;

use crate::config::ConfigError;
use crate::document::{BlockKind, ChangeKind, Format};
use crate::rules::suppress::is_directive;
use crate::rules::{Check, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Artifact {
    TrackedChanges,
    Comments,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    check: Artifact,
}

/// A compiled `docx-artifacts` rule.
#[derive(Debug)]
pub struct DocxArtifacts {
    check: Artifact,
}

impl DocxArtifacts {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        Ok(DocxArtifacts { check: p.check })
    }
}

impl Check for DocxArtifacts {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let doc = scan.doc;
        if doc.format != Format::Docx {
            return;
        }
        match self.check {
            Artifact::TrackedChanges => {
                for change in &doc.tracked_changes {
                    let what = match change.kind {
                        ChangeKind::Insertion => "an insertion",
                        ChangeKind::Deletion => "a deletion",
                        ChangeKind::Other => "a change",
                    };
                    let by = change
                        .author
                        .as_deref()
                        .map(|a| format!(" by {a}"))
                        .unwrap_or_default();
                    let b = change.at.start.block;
                    let end = if change.at.end.block == b {
                        change.at.end.offset
                    } else {
                        doc.blocks.get(b).map_or(0, |bl| bl.text.len())
                    };
                    let range = change.at.start.offset..end.max(change.at.start.offset);
                    let mut f =
                        Finding::new(b, range, text.message(&[("what", what), ("author", &by)]));
                    f.label = Some(format!("{what}{by}"));
                    out.push(f);
                }
            }
            Artifact::Comments => {
                for (i, block) in doc.blocks.iter().enumerate() {
                    if block.kind != BlockKind::Comment || is_directive(&block.text) {
                        continue;
                    }
                    let by = block
                        .comment
                        .as_ref()
                        .and_then(|c| c.author.as_deref())
                        .map(|a| format!(" by {a}"))
                        .unwrap_or_default();
                    let quoted = scan.quote(i, &(0..block.text.len()));
                    // Point at the commented words when the anchor is known.
                    let (b, range) = match block.comment.as_ref().and_then(|c| c.anchor.clone()) {
                        Some(a) if a.start.block == a.end.block => {
                            (a.start.block, a.start.offset..a.end.offset)
                        }
                        Some(a) => (
                            a.start.block,
                            a.start.offset
                                ..doc.blocks.get(a.start.block).map_or(0, |bl| bl.text.len()),
                        ),
                        None => (i, 0..block.text.len()),
                    };
                    let mut f = Finding::new(
                        b,
                        range,
                        text.message(&[("match", &quoted), ("author", &by)]),
                    );
                    f.label = Some(format!("comment{by}"));
                    out.push(f);
                }
            }
        }
    }
}
