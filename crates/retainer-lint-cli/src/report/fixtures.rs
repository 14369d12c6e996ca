//! A fixed run for the reporters' tests: built by hand, so it does not move when the rules do.

use std::sync::Arc;

use retainer_lint::document::OffsetMap;
use retainer_lint::{
    Block, BlockKind, Diagnostic, Document, Example, Format, InputError, InputErrorKind, Report,
    RuleInfo, Severity,
};

use crate::check::Checked;

const MARKDOWN: &str =
    "# Retainer letter\n\n## Communication\n\nWe will respond promptly to your emails.\n";
const DOCX_VIEW: &str =
    "Retainer letter\nCommunication\nWe will respond promptly to your emails.\nFees: our usual rates, 50% up front, see \"terms\".\n";

fn block(kind: BlockKind, view: &str, start: usize, len: usize) -> Block {
    let mut map = OffsetMap::new();
    map.push_copy(0, start, len);
    Block::new(kind, view[start..start + len].to_string(), map)
}

fn finding(rule: &str, severity: Severity, text: &str, words: &str, message: &str) -> Diagnostic {
    let start = text.find(words).unwrap();
    Diagnostic {
        rule: Arc::from(rule),
        severity,
        message: message.to_string(),
        help: Some("State a time, e.g. \"within 2 business days\"".to_string()),
        span: start..start + words.len(),
        label: Some("no time the client can hold you to".to_string()),
        labels: Vec::new(),
        suggestions: vec!["within 2 business days".to_string()],
        fix: None,
        block: None,
        paragraph: None,
        section: None,
    }
}

/// A Markdown letter with one warning.
pub fn markdown() -> Checked {
    let blocks = vec![
        block(BlockKind::Title, MARKDOWN, 2, 15),
        block(BlockKind::Heading { level: 2 }, MARKDOWN, 22, 13),
        block(BlockKind::Paragraph, MARKDOWN, 37, 40),
    ];
    let document = Document::new(Format::Markdown, Arc::from(MARKDOWN), blocks);
    let mut d = finding(
        "response.vague",
        Severity::Warning,
        MARKDOWN,
        "promptly",
        "\"promptly\" gives the client no time to hold you to",
    );
    d.block = Some(2);
    Checked {
        name: "letters/smith.md".into(),
        format: Some(Format::Markdown),
        outcome: Ok(Report {
            name: "letters/smith.md".into(),
            document: Arc::new(document),
            diagnostics: vec![d],
        }),
    }
}

/// A DOCX letter (as its text view) with a warning, an error and an info.
pub fn docx() -> Checked {
    let v = DOCX_VIEW;
    let p3 = v.find("We will").unwrap();
    let p4 = v.find("Fees:").unwrap();
    let blocks = vec![
        block(BlockKind::Title, v, 0, 15),
        block(BlockKind::Heading { level: 1 }, v, 16, 13),
        block(BlockKind::Paragraph, v, p3, 40),
        block(BlockKind::Paragraph, v, p4, v.len() - 1 - p4),
    ];
    let document = Document::new(Format::Docx, Arc::from(v), blocks);
    let mut vague = finding(
        "response.vague",
        Severity::Warning,
        v,
        "promptly",
        "\"promptly\" gives the client no time to hold you to",
    );
    vague.block = Some(2);
    vague.paragraph = Some(3);
    let mut basis = finding(
        "fees.basis",
        Severity::Error,
        v,
        "our usual rates",
        "\"our usual rates\" does not tell the client what the work will cost",
    );
    basis.help = Some("State the rate, e.g. \"$350 per hour\", or a flat fee".into());
    basis.suggestions.clear();
    basis.label = None;
    basis.block = Some(3);
    basis.paragraph = Some(4);
    basis.section = Some("Communication".into());
    // Commas, colons, percent signs and quotes: what the GitHub escaping must survive.
    let mut odd = finding(
        "plain.legalese",
        Severity::Info,
        v,
        "50% up front",
        "\"50% up front\", per terms: say when, and how much",
    );
    odd.help = None;
    odd.suggestions.clear();
    // Neither block nor section set: the reporters find the section from the span.
    odd.block = None;
    Checked {
        name: "letters/smith, final:v2.docx".into(),
        format: Some(Format::Docx),
        outcome: Ok(Report {
            name: "letters/smith, final:v2.docx".into(),
            document: Arc::new(document),
            diagnostics: vec![vague, basis, odd],
        }),
    }
}

/// An unreadable letter.
pub fn unreadable() -> Checked {
    Checked {
        name: "letters/old.doc".into(),
        format: None,
        outcome: Err(InputError::new(
            InputErrorKind::LegacyDoc,
            "this is a legacy Word 97-2003 file or an encrypted document; save it as .docx",
        )),
    }
}

/// The three together.
pub fn run() -> Vec<Checked> {
    vec![markdown(), docx(), unreadable()]
}

/// The rules in force.
pub fn rules() -> Vec<RuleInfo> {
    let rule = |id: &str, severity, summary: &str| RuleInfo {
        id: id.into(),
        pack: "core".into(),
        kind: "existence".into(),
        severity,
        summary: summary.into(),
        rationale: format!("Why {id} matters to a client."),
        sources: vec!["Law Society guidance".into()],
        examples: vec![Example {
            bad: Some("we will respond promptly".into()),
            good: Some("within 2 business days".into()),
        }],
    };
    vec![
        rule(
            "fees.basis",
            Severity::Error,
            "The basis of the fee is stated",
        ),
        rule(
            "response.vague",
            Severity::Warning,
            "Vague timing words about replies",
        ),
    ]
}

/// The output of a reporter over [`run`], with no driver rules.
pub fn render(
    write: impl Fn(&super::Run<'_>, &mut dyn std::io::Write) -> std::io::Result<()>,
) -> String {
    let checked = run();
    let mut out = Vec::new();
    write(
        &super::Run {
            checked: &checked,
            rules: &[],
        },
        &mut out,
    )
    .expect("writing to memory cannot fail");
    String::from_utf8(out).expect("reporters write UTF-8")
}
