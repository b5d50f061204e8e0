//! Input generation for the fuzz targets: RON-like byte soup, and structure-aware mutations of real
//! files. Seeded, so every input can be generated again from its seed and index.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A stable hash of a target's name, to give each target its own stream of inputs.
pub fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Pieces of scenario files: most generated inputs are built from these, so that they get past the
/// first character and into the parser's and validator's deeper paths.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "//",
    "/*",
    "*/",
    "\n",
    "\r",
    "\r\n",
    " ",
    "\t",
    "\u{feff}",
    "r#\"",
    "\"#",
    "\\",
    "\\u{",
    "#![enable(implicit_some)]",
    "Scenario(",
    "id: \"a\",",
    "id: \"A-b\",",
    "title: (ru: \"т\", en: \"t\"),",
    "(ru: \"x\")",
    "(en: \"{client}\")",
    "nodes: [",
    "Node(",
    "then: ",
    "Choices([",
    "Continue(\"a\")",
    "End(Ending(kind: Wow, title: (ru: \"a\", en: \"b\"), text: (ru: \"c\", en: \"d\")))",
    "Choice(",
    "label: (ru: \"л\", en: \"l\"),",
    "feedback: (ru: \"ф\", en: \"f\"),",
    "next: \"a\",",
    "scores: {\"fc.never_just_no\": 2},",
    "scores: {\"zz.none\": -1},",
    "when: [Flag(\"f\")],",
    "when: [MoodBelow(30), CounterAtLeast(\"c\", 2)],",
    "set: [\"f\"],",
    "add: {\"c\": -1},",
    "once: true,",
    "mood: 150,",
    "mood: -2147483648,",
    "difficulty: 9,",
    "languages: [],",
    "languages: [ru, en],",
    "cases: [\"where_is_order\"],",
    "start: \"a\",",
    "client: Client(id: \"client\", name: (ru: \"А\", en: \"A\"), mood: 40),",
    "0",
    "-1",
    "99999999999999999999",
    "1e400",
    "true",
    "none",
    "Some(",
    "Вау",
    "ё",
    "😊",
];

/// Values that a string or a number may be replaced with.
const STRINGS: &[&str] = &[
    "",
    "a",
    "Bad-Id",
    "start",
    "client",
    "you",
    "narrator",
    "{client}",
    "{nobody}",
    "fc.never_just_no",
    "x.y",
    "ока",
    "\\\"",
    "\\u{41}",
];
const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "3",
    "4",
    "100",
    "101",
    "150",
    "-150",
    "2147483647",
    "-2147483648",
    "99999999999",
    "1.5",
    "0x10",
];

/// A seeded generator of inputs.
pub struct Gen {
    rng: ChaCha8Rng,
}

impl Gen {
    /// A generator whose inputs depend only on `seed`.
    pub fn new(seed: u64) -> Gen {
        Gen {
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.rng.random_range(0..n)
        }
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// Up to 512 bytes of tokens, slices of real files and raw noise.
    pub fn bytes(&mut self, corpus: &[Vec<u8>]) -> Vec<u8> {
        let mut out = Vec::new();
        let parts = self.below(64);
        for _ in 0..parts {
            match self.below(10) {
                0 => out.push(self.rng.random::<u8>()),
                1 => {
                    let src = &corpus[self.below(corpus.len())];
                    let from = self.below(src.len());
                    let len = self.below(200).min(src.len() - from);
                    out.extend_from_slice(&src[from..from + len]);
                }
                _ => {
                    let t = self.pick(TOKENS);
                    out.extend_from_slice(t.as_bytes());
                }
            }
            if out.len() > 512 {
                break;
            }
        }
        out
    }

    /// One to four structure-aware mutations of a real file.
    pub fn mutate(&mut self, original: &[u8]) -> Vec<u8> {
        let mut v = original.to_vec();
        let n = 1 + self.below(4);
        for _ in 0..n {
            self.mutate_once(&mut v);
            // Duplications could otherwise grow an input without bound.
            v.truncate(original.len() * 3 + 1024);
        }
        v
    }

    fn mutate_once(&mut self, v: &mut Vec<u8>) {
        let len = v.len();
        match self.below(14) {
            // Cut a span.
            0 => {
                let a = self.below(len + 1);
                let b = (a + 1 + self.below(60)).min(len);
                v.drain(a..b);
            }
            // Duplicate a span.
            1 => {
                let a = self.below(len + 1);
                let b = (a + self.below(300)).min(len);
                let piece = v[a..b].to_vec();
                let at = self.below(len + 1);
                v.splice(at..at, piece);
            }
            // Replace the contents of a quoted string with another string of the file, or a value.
            2..=4 => {
                let strings = quoted(v);
                if strings.is_empty() {
                    return;
                }
                let (a, b) = strings[self.below(strings.len())];
                let new: Vec<u8> = if self.below(2) == 0 {
                    let (c, d) = strings[self.below(strings.len())];
                    v[c..d].to_vec()
                } else {
                    self.pick(STRINGS).as_bytes().to_vec()
                };
                v.splice(a..b, new);
            }
            // Replace a number.
            5 | 6 => {
                let numbers = numbers(v);
                if numbers.is_empty() {
                    return;
                }
                let (a, b) = numbers[self.below(numbers.len())];
                let new = self.pick(NUMBERS).as_bytes().to_vec();
                v.splice(a..b, new);
            }
            // Insert a token.
            7 | 8 => {
                let at = self.below(len + 1);
                let t = self.pick(TOKENS).as_bytes().to_vec();
                v.splice(at..at, t);
            }
            // Line ends of another editor, and a byte-order mark.
            9 => {
                let cr = self.below(2) == 0;
                let mut out = Vec::with_capacity(v.len() + 3);
                if self.below(2) == 0 {
                    out.extend_from_slice("\u{feff}".as_bytes());
                }
                for b in v.iter() {
                    if *b == b'\n' {
                        out.extend_from_slice(if cr { b"\r" } else { b"\r\n" });
                    } else {
                        out.push(*b);
                    }
                }
                *v = out;
            }
            // A byte that is not UTF-8.
            10 => {
                let at = self.below(len + 1);
                let b = [0xFF, 0xC0, 0x80, 0xE0, 0xED][self.below(5)];
                v.insert(at, b);
            }
            // Truncate.
            11 => {
                let at = self.below(len + 1);
                v.truncate(at);
            }
            // Swap two lines.
            12 => {
                let text = String::from_utf8_lossy(v).into_owned();
                let mut lines: Vec<&str> = text.split('\n').collect();
                if lines.len() > 2 {
                    let a = self.below(lines.len());
                    let b = self.below(lines.len());
                    lines.swap(a, b);
                    *v = lines.join("\n").into_bytes();
                }
            }
            // Delete one whole line (often one field).
            _ => {
                let text = String::from_utf8_lossy(v).into_owned();
                let mut lines: Vec<&str> = text.split('\n').collect();
                if !lines.is_empty() {
                    let a = self.below(lines.len());
                    lines.remove(a);
                    *v = lines.join("\n").into_bytes();
                }
            }
        }
    }
}

/// The byte ranges of the contents of simple quoted strings (no escapes inside).
fn quoted(v: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < v.len() && v[j] != b'"' && v[j] != b'\\' && v[j] != b'\n' {
                j += 1;
            }
            if j < v.len() && v[j] == b'"' {
                out.push((start, j));
                i = j + 1;
                continue;
            }
            i = j;
        }
        i += 1;
    }
    out
}

/// The byte ranges of numbers outside strings (roughly: digits after `: ` or `(`).
fn numbers(v: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v[i].is_ascii_digit() && i > 0 && matches!(v[i - 1], b' ' | b'(' | b'-' | b':') {
            let start = if v[i - 1] == b'-' { i - 1 } else { i };
            let mut j = i;
            while j < v.len() && v[j].is_ascii_digit() {
                j += 1;
            }
            out.push((start, j));
            i = j;
        }
        i += 1;
    }
    out
}
