//! `money`: amounts of money. `check = "currency"`: an amount that is clearly money (a rate,
//! a fee, a deposit) has no currency marker, or a marker other than the firm's `currency`; in a
//! table, a cell holding only a figure in a column of amounts with markers counts as money.
//! `check = "words-figures"`: an amount in words and figures whose values disagree.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use serde::Deserialize;

use crate::config::ConfigError;
use crate::document::{BlockKind, Document};
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

/// Table cells that hold nothing but a figure ("175") in a column whose other cells are money
/// with a currency marker ("$450"): a rate table with one currency left out.
fn bare_figures_in_money_columns(doc: &Document) -> HashSet<usize> {
    let mut out = HashSet::new();
    // One table: its cells as (block, row, col), in order.
    let mut table: Vec<(usize, u32, u32)> = Vec::new();
    let mut flush = |table: &mut Vec<(usize, u32, u32)>| {
        let money_cols: HashSet<u32> = table
            .iter()
            .filter(|&&(b, row, _)| {
                row > 0
                    && doc
                        .blocks
                        .get(b)
                        .is_some_and(|bl| find_money(&bl.text).iter().any(|m| m.currency.is_some()))
            })
            .map(|&(_, _, col)| col)
            .collect();
        for &(b, row, col) in table.iter() {
            let Some(block) = doc.blocks.get(b) else {
                continue;
            };
            if row > 0 && money_cols.contains(&col) && is_bare_figure(&block.text) {
                out.insert(b);
            }
        }
        table.clear();
    };
    for (b, block) in doc.blocks.iter().enumerate() {
        match block.kind {
            BlockKind::TableCell { row, col } => {
                // A new table starts when the row count goes back.
                if table.last().is_some_and(|&(_, last_row, _)| row < last_row) {
                    flush(&mut table);
                }
                table.push((b, row, col));
            }
            _ => flush(&mut table),
        }
    }
    flush(&mut table);
    out
}

/// A cell's text is a bare amount: "175", "1,200", "95.00".
fn is_bare_figure(text: &str) -> bool {
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,3}(?:,\d{3})+|\d{1,6})(?:\.\d{2})?$")
            .unwrap_or_else(|_| unreachable!("static regex"))
    });
    BARE.is_match(text.trim())
}

/// The figure within a bare cell, without surrounding spaces.
fn bare_cell_span(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start().len();
    start..text.trim_end().len()
}

fn dollar_code(code: &str) -> bool {
    matches!(code, "CAD" | "USD" | "AUD" | "NZD")
}

impl Check for Money {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let money_columns = if self.check == MoneyCheck::Currency {
            bare_figures_in_money_columns(scan.doc)
        } else {
            HashSet::new()
        };
        for (b, block) in scan.doc.prose() {
            match self.check {
                MoneyCheck::Currency => {
                    let bare_cell = money_columns.contains(&b);
                    let found = find_money(&block.text);
                    let bare = bare_cell.then(|| crate::extract::Money {
                        span: bare_cell_span(&block.text),
                        amount: 0.0,
                        currency: None,
                        marker: None,
                    });
                    for m in found.into_iter().chain(bare) {
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
