//! `money`: amounts of money. `check = "currency"`: an amount that is clearly money (a rate,
//! a fee, a deposit) has no currency marker, or a marker other than the firm's `currency`.
//! `check = "words-figures"`: an amount in words and figures whose values disagree.

use serde::Deserialize;

use crate::config::ConfigError;
use crate::extract::{find_money, find_words_and_figures, Currency};
use crate::rules::{fmt_num, Check, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum MoneyCheck {
    Currency,
    WordsFigures,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    check: MoneyCheck,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    wrong_currency_message: Option<String>,
}

/// A compiled `money` rule.
#[derive(Debug)]
pub struct Money {
    check: MoneyCheck,
    currency: Option<String>,
    wrong_currency_message: Option<String>,
}

impl Money {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        Ok(Money {
            check: p.check,
            currency: p
                .currency
                .or_else(|| cx.policy.currency.clone())
                .map(|c| c.to_ascii_uppercase()),
            wrong_currency_message: p.wrong_currency_message,
        })
    }
}

fn dollar_code(code: &str) -> bool {
    matches!(code, "CAD" | "USD" | "AUD" | "NZD")
}

impl Check for Money {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        for (b, block) in scan.doc.prose() {
            match self.check {
                MoneyCheck::Currency => {
                    for m in find_money(&block.text) {
                        let quoted = scan.quote(b, &m.span);
                        match (m.currency, &self.currency) {
                            (None, _) => {
                                let mut f = Finding::new(
                                    b,
                                    m.span.clone(),
                                    text.message(&[("match", &quoted)]),
                                );
                                f.label = Some("no currency".to_string());
                                if let Some(c) = &self.currency {
                                    f.suggestions = vec![format!("{c} {quoted}")];
                                }
                                out.push(f);
                            }
                            (Some(Currency::Dollar), Some(want)) if dollar_code(want) => {}
                            (Some(found), Some(want))
                                if found.code() != want.as_str() && m.marker.is_some() =>
                            {
                                let msg = self.wrong_currency_message.clone().unwrap_or_else(|| {
                                    "\"{match}\" is in {found}, but the firm bills in {currency}".to_string()
                                });
                                let t = RuleText {
                                    message: msg,
                                    values: text.values.clone(),
                                };
                                let mut f = Finding::new(
                                    b,
                                    m.span.clone(),
                                    t.message(&[
                                        ("match", &quoted),
                                        ("found", found.code()),
                                        ("currency", want),
                                    ]),
                                );
                                f.label = Some(format!("{} amount", found.code()));
                                out.push(f);
                            }
                            _ => {}
                        }
                    }
                }
                MoneyCheck::WordsFigures => {
                    for wf in find_words_and_figures(&block.text) {
                        if (wf.words_value - wf.figure_value).abs() < 0.005 {
                            continue;
                        }
                        let words = scan.quote(b, &wf.words);
                        let figure = scan.quote(b, &wf.figure);
                        let range =
                            wf.words.start.min(wf.figure.start)..wf.words.end.max(wf.figure.end);
                        let mut f = Finding::new(
                            b,
                            range,
                            text.message(&[
                                ("words", &words),
                                ("figure", &figure),
                                ("words_value", &fmt_num(wf.words_value)),
                                ("figure_value", &fmt_num(wf.figure_value)),
                            ]),
                        );
                        f.label = Some("these disagree".to_string());
                        f.labels = vec![
                            (
                                b,
                                wf.words.clone(),
                                format!("the words say {}", fmt_num(wf.words_value)),
                            ),
                            (
                                b,
                                wf.figure.clone(),
                                format!("the figure says {}", fmt_num(wf.figure_value)),
                            ),
                        ];
                        out.push(f);
                    }
                }
            }
        }
    }
}
