//! Where each value of a RON file starts, so that a finding points at the value it concerns.
//!
//! ron 0.12 keeps no positions once a value is parsed. Searching the text for a word finds the wrong
//! place (a comment, another node with the same id), so this module reads the file's structure a
//! second time, only to record where every value begins. It runs on files ron has already accepted
//! and gives up (returns `None`) on anything it does not understand, never panicking.

/// One value of the file and where it starts (a byte offset).
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned {
    /// Byte offset of the value's first character.
    pub start: usize,
    /// What the value is.
    pub kind: Kind,
}

/// The shape of a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `Name( … )` or `( … )`: named fields, or positional items (then the name is `None`).
    Struct(Vec<(Option<String>, Spanned)>),
    /// `[ … ]`.
    List(Vec<Spanned>),
    /// `{ key: value, … }`.
    Map(Vec<(Spanned, Spanned)>),
    /// A string, decoded.
    Str(String),
    /// A number, a bare identifier, a character or a boolean.
    Atom,
}

impl Spanned {
    /// The field `name` of a struct.
    pub fn field(&self, name: &str) -> Option<&Spanned> {
        match &self.kind {
            Kind::Struct(fields) => fields
                .iter()
                .find(|(n, _)| n.as_deref() == Some(name))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The item `i` of a list, or the positional item `i` of a tuple such as `Choices([…])`.
    pub fn item(&self, i: usize) -> Option<&Spanned> {
        match &self.kind {
            Kind::List(items) => items.get(i),
            Kind::Struct(fields) => fields.get(i).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value of the map entry whose key is the string `key`.
    pub fn key(&self, key: &str) -> Option<(&Spanned, &Spanned)> {
        match &self.kind {
            Kind::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(&k.kind, Kind::Str(s) if s == key))
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The value inside a tuple variant such as `Continue("x")`, `End(…)` or `Flag("f")`.
    pub fn inner(&self) -> Option<&Spanned> {
        self.item(0)
    }
}

/// The deepest nesting read; ron's own default limit is lower, so accepted files never reach it.
const MAX_DEPTH: usize = 256;

/// Reads the structure of `source`, or `None` when it is not RON this reader understands.
pub fn parse(source: &str) -> Option<Spanned> {
    let mut p = Reader {
        s: source.as_bytes(),
        src: source,
        at: 0,
    };
    p.skip_attributes()?;
    let v = p.value(0)?;
    p.blank();
    (p.at == p.s.len()).then_some(v)
}

struct Reader<'a> {
    s: &'a [u8],
    src: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    /// Skips white space and comments (`//` to the end of the line, nested `/* */`).
    fn blank(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.at += 1,
                Some(b'/') if self.s.get(self.at + 1) == Some(&b'/') => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.at += 1;
                    }
                }
                Some(b'/') if self.s.get(self.at + 1) == Some(&b'*') => {
                    self.at += 2;
                    let mut depth = 1;
                    while depth > 0 {
                        match (self.peek()?, self.s.get(self.at + 1)) {
                            (b'*', Some(b'/')) => {
                                depth -= 1;
                                self.at += 2;
                            }
                            (b'/', Some(b'*')) => {
                                depth += 1;
                                self.at += 2;
                            }
                            _ => self.at += 1,
                        }
                    }
                }
                _ => {
                    // Unicode white space is also blank to ron.
                    let rest = self.src.get(self.at..)?;
                    match rest.chars().next() {
                        Some(c) if c.is_whitespace() => self.at += c.len_utf8(),
                        _ => return Some(()),
                    }
                }
            }
        }
    }

    /// Skips `#![enable(…)]` lines at the top of a file.
    fn skip_attributes(&mut self) -> Option<()> {
        loop {
            self.blank()?;
            if self.s.get(self.at..self.at + 2) != Some(b"#!") {
                return Some(());
            }
            while self.peek()? != b']' {
                self.at += 1;
            }
            self.at += 1;
        }
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.at;
        // Raw identifiers `r#name`.
        if self.s.get(self.at..self.at + 2) == Some(b"r#") {
            self.at += 2;
        }
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.at += 1;
            } else {
                break;
            }
        }
        (self.at > start).then(|| {
            self.src
                .get(start..self.at)
                .unwrap_or("")
                .trim_start_matches("r#")
                .to_string()
        })
    }

    fn value(&mut self, depth: usize) -> Option<Spanned> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.blank()?;
        let start = self.at;
        let kind = match self.peek()? {
            b'(' => self.group(depth)?,
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.blank()?;
                    if self.peek()? == b']' {
                        self.at += 1;
                        break;
                    }
                    items.push(self.value(depth + 1)?);
                    if !self.comma_or(b']')? {
                        break;
                    }
                }
                Kind::List(items)
            }
            b'{' => {
                self.at += 1;
                let mut entries = Vec::new();
                loop {
                    self.blank()?;
                    if self.peek()? == b'}' {
                        self.at += 1;
                        break;
                    }
                    let k = self.value(depth + 1)?;
                    self.blank()?;
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.at += 1;
                    let v = self.value(depth + 1)?;
                    entries.push((k, v));
                    if !self.comma_or(b'}')? {
                        break;
                    }
                }
                Kind::Map(entries)
            }
            b'"' => Kind::Str(self.string()?),
            b'r' if matches!(self.s.get(self.at + 1), Some(b'"' | b'#'))
                && !self.raw_ident_ahead() =>
            {
                Kind::Str(self.raw_string()?)
            }
            b'b' if self.s.get(self.at + 1) == Some(&b'"') => {
                self.at += 1;
                Kind::Str(self.string()?)
            }
            b'\'' => {
                self.at += 1;
                loop {
                    match self.peek()? {
                        b'\\' => self.at += 2,
                        b'\'' => {
                            self.at += 1;
                            break;
                        }
                        _ => self.at += 1,
                    }
                }
                Kind::Atom
            }
            c if c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.') => {
                self.at += 1;
                while let Some(c) = self.peek() {
                    if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'+' | b'-') {
                        self.at += 1;
                    } else {
                        break;
                    }
                }
                Kind::Atom
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                self.ident()?;
                self.blank()?;
                if self.peek() == Some(b'(') {
                    self.group(depth)?
                } else {
                    Kind::Atom
                }
            }
            _ => return None,
        };
        Some(Spanned { start, kind })
    }

    /// Whether `r#` here starts a raw identifier (`r#name`) rather than a raw string.
    fn raw_ident_ahead(&self) -> bool {
        self.s.get(self.at..self.at + 2) == Some(b"r#")
            && self
                .s
                .get(self.at + 2)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
    }

    /// After an item: a comma (then `true`), or the closing bracket (then `false`, not consumed).
    fn comma_or(&mut self, close: u8) -> Option<bool> {
        self.blank()?;
        match self.peek()? {
            b',' => {
                self.at += 1;
                Some(true)
            }
            c if c == close => {
                self.at += 1;
                Some(false)
            }
            _ => None,
        }
    }

    /// `( … )`: named fields `name: value` or positional items.
    fn group(&mut self, depth: usize) -> Option<Kind> {
        self.at += 1;
        let mut fields = Vec::new();
        loop {
            self.blank()?;
            if self.peek()? == b')' {
                self.at += 1;
                break;
            }
            let save = self.at;
            let mut name = None;
            if let Some(id) = self.ident() {
                self.blank()?;
                if self.peek() == Some(b':') {
                    self.at += 1;
                    name = Some(id);
                } else {
                    self.at = save;
                }
            }
            let v = self.value(depth + 1)?;
            fields.push((name, v));
            if !self.comma_or(b')')? {
                break;
            }
        }
        Some(Kind::Struct(fields))
    }

    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = self.src.get(self.at..)?;
            let c = rest.chars().next()?;
            self.at += c.len_utf8();
            match c {
                '"' => return Some(out),
                '\\' => {
                    let e = self.peek()?;
                    self.at += 1;
                    match e {
                        b'n' => out.push('\n'),
                        b't' => out.push('\t'),
                        b'r' => out.push('\r'),
                        b'0' => out.push('\0'),
                        b'u' => {
                            // `\u{41}`: decoded, so that a map key written with it still matches.
                            if self.peek()? != b'{' {
                                return None;
                            }
                            let start = self.at + 1;
                            while self.peek()? != b'}' {
                                self.at += 1;
                            }
                            let hex = self.src.get(start..self.at)?;
                            self.at += 1;
                            let code = u32::from_str_radix(hex, 16).ok()?;
                            out.push(char::from_u32(code)?);
                        }
                        b'x' => {
                            let hex = self.src.get(self.at..self.at + 2)?;
                            self.at += 2;
                            out.push(char::from(u8::from_str_radix(hex, 16).ok()?));
                        }
                        b'\n' => {}
                        other => out.push(char::from(other)),
                    }
                }
                c => out.push(c),
            }
        }
    }

    fn raw_string(&mut self) -> Option<String> {
        self.at += 1;
        let mut hashes = 0;
        while self.peek()? == b'#' {
            hashes += 1;
            self.at += 1;
        }
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        let start = self.at;
        loop {
            if self.peek()? == b'"' && (1..=hashes).all(|i| self.s.get(self.at + i) == Some(&b'#'))
            {
                let text = self.src.get(start..self.at)?.to_string();
                self.at += 1 + hashes;
                return Some(text);
            }
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_items_and_keys() {
        let src = "// mood: 1\nScenario(id: \"a\", n: [Node(id: \"x\", then: Continue(\"y\"))], s: {\"p.q\": -2}, r: r#\"raw\"#)";
        let v = parse(src).unwrap();
        assert_eq!(v.start, 11);
        let id = v.field("n").unwrap().item(0).unwrap().field("id").unwrap();
        assert_eq!(&src[id.start..id.start + 3], "\"x\"");
        let next = v
            .field("n")
            .unwrap()
            .item(0)
            .unwrap()
            .field("then")
            .unwrap();
        assert_eq!(&src[next.inner().unwrap().start..][..3], "\"y\"");
        let (_, w) = v.field("s").unwrap().key("p.q").unwrap();
        assert_eq!(&src[w.start..w.start + 2], "-2");
        assert!(matches!(&v.field("r").unwrap().kind, Kind::Str(s) if s == "raw"));
    }

    #[test]
    fn gives_up_without_panicking() {
        for bad in [
            "",
            "(",
            "[1,",
            "{\"a\" 1}",
            "\"abc",
            "r#\"x\"",
            "Foo(a: )",
            "/* open",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
    }
}
