//! Amounts in words, as letters write them: "two thousand five hundred".

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// English words for `n` (below one billion).
pub fn number_in_words(n: u64) -> String {
    if n < 20 {
        return ONES[n as usize].to_string();
    }
    if n < 100 {
        let (t, o) = (n / 10, n % 10);
        return if o == 0 {
            TENS[t as usize].to_string()
        } else {
            format!("{}-{}", TENS[t as usize], ONES[o as usize])
        };
    }
    if n < 1000 {
        let (h, rest) = (n / 100, n % 100);
        return if rest == 0 {
            format!("{} hundred", ONES[h as usize])
        } else {
            format!("{} hundred {}", ONES[h as usize], number_in_words(rest))
        };
    }
    let (scale, name) = if n < 1_000_000 {
        (1000, "thousand")
    } else {
        (1_000_000, "million")
    };
    let (high, rest) = (n / scale, n % scale);
    if rest == 0 {
        format!("{} {name}", number_in_words(high))
    } else {
        format!("{} {name} {}", number_in_words(high), number_in_words(rest))
    }
}

/// `2500` → `2,500`.
pub fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_lawyers_write_them() {
        assert_eq!(number_in_words(2500), "two thousand five hundred");
        assert_eq!(number_in_words(5050), "five thousand fifty");
        assert_eq!(number_in_words(48), "forty-eight");
        assert_eq!(number_in_words(12_000), "twelve thousand");
        assert_eq!(with_commas(1_234_567), "1,234,567");
        assert_eq!(with_commas(350), "350");
    }
}
