//! `readability`: the Flesch–Kincaid grade of the letter's body text exceeds `max_grade`
//! (firm parameter, default 12). Reported once, at the title or first heading.

use serde::Deserialize;

use crate::config::ConfigError;
use crate::document::BlockKind;
use crate::rules::kinds::sentence_length::word_count;
use crate::rules::{fmt_num, Check, Compiler, Finding, RuleText, Scan};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    #[serde(default)]
    max_grade: Option<f64>,
    #[serde(default = "default_min_words")]
    min_words: usize,
}

fn default_min_words() -> usize {
    100
}

/// A compiled `readability` rule.
#[derive(Debug)]
pub struct Readability {
    max_grade: f64,
    min_words: usize,
}

impl Readability {
    /// Compile from the rule's parameters.
    pub fn compile(cx: &mut Compiler<'_>) -> Result<Self, ConfigError> {
        let p: Params = cx.params()?;
        Ok(Readability {
            max_grade: p.max_grade.or(cx.policy.max_grade).unwrap_or(12.0),
            min_words: p.min_words,
        })
    }
}

/// Syllables in a word, by vowel groups (the usual approximation).
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if w.is_empty() {
        return 0;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    // A silent final "e" ("rate"), but not "-le" ("settle").
    if w.len() > 2 && w[w.len() - 1] == 'e' && !vowel(w[w.len() - 2]) && w[w.len() - 2] != 'l' {
        count -= 1;
    }
    count.max(1)
}

/// The Flesch–Kincaid grade of sentences given as (words, syllables) totals.
pub fn grade(sentences: usize, words: usize, syllables: usize) -> f64 {
    if sentences == 0 || words == 0 {
        return 0.0;
    }
    0.39 * (words as f64 / sentences as f64) + 11.8 * (syllables as f64 / words as f64) - 15.59
}

impl Check for Readability {
    fn check(&self, text: &RuleText, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let (mut s, mut w, mut y) = (0, 0, 0);
        for (b, block) in scan.doc.blocks.iter().enumerate() {
            if !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::ListItem { .. }
            ) {
                continue;
            }
            for r in scan.sentences(b) {
                let sentence = block.text.get(r.clone()).unwrap_or("");
                let n = word_count(sentence);
                // Address lines and signatures are not prose.
                if n < 4 {
                    continue;
                }
                s += 1;
                w += n;
                y += sentence.split_whitespace().map(syllables).sum::<usize>();
            }
        }
        if w < self.min_words {
            return;
        }
        let g = grade(s, w, y);
        if g <= self.max_grade {
            return;
        }
        let Some((block, range)) = scan.anchor(&[]) else {
            return;
        };
        let mut f = Finding::new(
            block,
            range,
            text.message(&[
                ("grade", &fmt_num((g * 10.0).round() / 10.0)),
                ("max", &fmt_num(self.max_grade)),
            ]),
        );
        f.label = Some(format!("grade {:.1} over {w} words", g));
        out.push(f);
    }
}
