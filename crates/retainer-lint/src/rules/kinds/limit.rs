//! `limit`: a stated duration, in a sentence matching `context` (a reply or response
//! commitment), must not exceed `max_business_days` (firm parameter, default 2). Hours are
//! clock time (24 hours = 1 business day); calendar days and weeks convert at 5 business
//! days per 7, rounded up.

use serde::Deserialize;

use crate::config::ConfigError;
use crate::extract::find_durations;
use crate::rules::{fmt_num, Check, ClauseId, ClauseSpec, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    context: Vec<ClauseSpec>,
    #[serde(default)]
    max_business_days: Option<f64>,
    #[serde(default)]
    label: Option<String>,
}

/// A compiled `limit` rule.
#[derive(Debug)]
pub struct Limit {
    context: Vec<ClauseId>,
    max: f64,
    label: Option<String>,
}

impl Limit {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        let max = p
            .max_business_days
            .or(cx.policy.max_business_days)
            .unwrap_or(2.0);
        if max.is_nan() || max < 0.0 {
            return Err(cx.error("`max_business_days` must be zero or more"));
        }
        Ok(Limit {
            context: cx.clauses(&p.context)?,
            max,
            label: p.label,
        })
    }
}

/// "You reported it on April 28, three days after the collapse": a duration placing one event
/// after or before another is no wait for a reply, unless it bounds one ("within two days after
/// the hearing") or follows the client's message ("two days after your call").
fn relates_events(previous: &str, after: &str) -> bool {
    let bounded = matches!(
        previous,
        "within" | "in" | "inside" | "by" | "than" | "later"
    );
    let mut words = after.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    });
    let (Some(relation), Some(article), Some(event)) = (words.next(), words.next(), words.next())
    else {
        return false;
    };
    let reply_trigger = matches!(
        event.trim_end_matches('s'),
        "call"
            | "email"
            | "e-mail"
            | "message"
            | "request"
            | "enquiry"
            | "inquiry"
            | "voicemail"
            | "letter"
            | "question"
            | "instruction"
            | "receipt"
            | "text"
    );
    !bounded
        && matches!(relation.as_str(), "after" | "before")
        && matches!(
            article.as_str(),
            "the" | "your" | "its" | "their" | "his" | "her" | "this" | "that" | "a" | "an"
        )
        && !reply_trigger
}

impl Check for Limit {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for hit in scan.all(&self.context) {
            let Some(block) = scan.doc.blocks.get(hit.block) else {
                continue;
            };
            let Some(sentence) = block.text.get(hit.unit.clone()) else {
                continue;
            };
            for d in find_durations(sentence) {
                // "You will hear from us at least every 30 days" is a cadence, and "we will
                // answer follow-up questions for 30 days after delivery" a period of service,
                // not a wait.
                let before = sentence.get(..d.span.start).unwrap_or("").trim_end();
                let previous = before
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if matches!(
                    previous.as_str(),
                    "every" | "each" | "per" | "for" | "during" | "throughout"
                ) || relates_events(&previous, sentence.get(d.span.end..).unwrap_or(""))
                {
                    continue;
                }
                let start = hit.unit.start + d.span.start;
                if seen.contains(&(hit.block, start)) {
                    continue;
                }
                seen.push((hit.block, start));
                let days = d.business_days();
                if days <= self.max {
                    continue;
                }
                let range = start..hit.unit.start + d.span.end;
                let quoted = scan.quote(hit.block, &range);
                let mut f = Finding::new(
                    hit.block,
                    range,
                    text.message(&[
                        ("match", &quoted),
                        ("days", &fmt_num(days)),
                        ("max", &fmt_num(self.max)),
                    ]),
                );
                f.label = Some(
                    self.label
                        .clone()
                        .unwrap_or_else(|| format!("{} business days", fmt_num(days))),
                );
                f.suggestions = vec![format!("{} business days", fmt_num(self.max))];
                out.push(f);
            }
        }
    }
}
