//! Checks CPython's tokenizer makes that the `ruff_python_parser` lexer
//! does not (or words differently), run over its token stream and the
//! source text:
//! - bracket nesting: `unmatched ')'`, `closing parenthesis ']' does not
//!   match opening parenthesis '('`, `'(' was never closed`, and at most
//!   200 nested brackets (`too many nested parentheses`);
//! - indentation: at most 100 levels, and tabs and spaces used
//!   consistently (`TabError`: an indentation must compare the same way
//!   with tabs counted as 8 columns and as 1);
//! - number literals, re-read with CPython's rules (`invalid decimal
//!   literal`, `invalid digit '8' in octal literal`, `leading zeros ...`).
//!
//! Each error carries the byte offset where CPython's tokenizer would stop,
//! so that the caller can order it against parser errors.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::SourceMap;
use crate::{CompileError, ErrorKind};

/// CPython's tokenizer limit on nested brackets (`MAXLEVEL`).
const MAX_PAREN_NESTING: usize = 200;
/// CPython's tokenizer limit on indentation levels (`MAXINDENT`).
const MAX_INDENT: usize = 100;

/// What the token pass found.
pub(crate) struct LexFindings {
    /// The first tokenizer error, with the byte offset it is detected at.
    pub first: Option<(usize, CompileError)>,
    /// `'(' was never closed`, for the innermost bracket open at the end.
    pub unclosed: Option<CompileError>,
    /// CPython's tokenizer `SyntaxWarning`s: a number literal directly
    /// followed by a keyword (`1if x else y`: "invalid decimal literal").
    pub warnings: Vec<CompileError>,
}

fn bracket_char(kind: TokenKind) -> char {
    match kind {
        TokenKind::Lpar => '(',
        TokenKind::Rpar => ')',
        TokenKind::Lsqb => '[',
        TokenKind::Rsqb => ']',
        TokenKind::Lbrace => '{',
        _ => '}',
    }
}

fn closer_of(open: TokenKind) -> TokenKind {
    match open {
        TokenKind::Lpar => TokenKind::Rpar,
        TokenKind::Lsqb => TokenKind::Rsqb,
        _ => TokenKind::Rbrace,
    }
}

/// An error at explicit 1-based character offsets on one line.
fn at_offsets(
    map: &SourceMap<'_>,
    kind: ErrorKind,
    msg: String,
    line: u32,
    offset: u32,
    end_offset: i32,
) -> CompileError {
    CompileError {
        kind,
        msg,
        filename: map.filename.to_string(),
        lineno: line,
        offset,
        end_lineno: line,
        end_offset,
        text: map.line_text(line).map(str::to_string),
        text_from_file: false,
    }
}

pub(crate) fn check(map: &SourceMap<'_>, tokens: &Tokens) -> LexFindings {
    let mut first: Option<(usize, CompileError)> = None;
    // Errors are built only when they become the first (building one
    // counts characters on its line).
    let mut note = |pos: usize, e: &dyn Fn() -> CompileError| {
        if first.as_ref().is_none_or(|(p, _)| pos < *p) {
            first = Some((pos, e()));
        }
    };
    let mut warnings: Vec<CompileError> = Vec::new();
    let mut stack: Vec<(TokenKind, TextRange)> = Vec::new();
    let mut indent_depth = 0usize;
    // The stack of indentation columns (tabs to 8, tabs to 1).
    let mut indents: Vec<(u32, u32)> = vec![(0, 0)];
    let mut at_line_start = true;
    // Inside f-strings (single tokens to CPython 3.11's tokenizer).
    let mut fstring_depth = 0usize;
    for tok in tokens.iter() {
        let kind = tok.kind();
        let range = tok.range();
        let pos = range.start().to_usize();
        match kind {
            TokenKind::FStringStart => {
                fstring_depth += 1;
                if fstring_depth > 1 {
                    continue;
                }
            }
            TokenKind::FStringEnd => {
                fstring_depth = fstring_depth.saturating_sub(1);
                continue;
            }
            _ if fstring_depth > 0 => continue,
            _ => {}
        }
        match kind {
            TokenKind::Newline => {
                at_line_start = true;
                continue;
            }
            TokenKind::NonLogicalNewline | TokenKind::Comment => continue,
            TokenKind::Indent => {
                indent_depth += 1;
                if indent_depth >= MAX_INDENT {
                    note(pos, &|| {
                        at_offsets(
                            map,
                            ErrorKind::IndentationError,
                            "too many levels of indentation".into(),
                            map.line_col(range.start()).0,
                            1,
                            0,
                        )
                    });
                }
                continue;
            }
            TokenKind::Dedent => {
                indent_depth = indent_depth.saturating_sub(1);
                continue;
            }
            TokenKind::EndOfFile => continue,
            _ => {}
        }
        if at_line_start {
            at_line_start = false;
            if let Some(e) = check_indent(map, range.start(), &mut indents) {
                // Detected at the start of the line.
                let line_start = pos - map.line_col(range.start()).1 as usize;
                note(line_start, &|| e.clone());
            }
        }
        match kind {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                stack.push((kind, range));
                if stack.len() > MAX_PAREN_NESTING {
                    note(pos, &|| {
                        map.syntax_error("too many nested parentheses", range)
                            .at_start()
                    });
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => match stack.pop() {
                None => note(pos, &|| {
                    map.syntax_error(format!("unmatched '{}'", bracket_char(kind)), range)
                        .at_start()
                }),
                Some((open, open_range)) if closer_of(open) != kind => {
                    let (open_line, _) = map.line_col(open_range.start());
                    let (line, _) = map.line_col(range.start());
                    let msg = if open_line == line {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            bracket_char(kind),
                            bracket_char(open)
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {open_line}",
                            bracket_char(kind),
                            bracket_char(open)
                        )
                    };
                    note(pos, &|| map.syntax_error(msg.clone(), range).at_start());
                }
                Some(_) => {}
            },
            TokenKind::Int | TokenKind::Float | TokenKind::Complex => {
                match check_number(map, range.start()) {
                    Some(Ok(e)) => note(pos, &|| e.build(map)),
                    Some(Err(w)) => warnings.push(w.build(map)),
                    None => {}
                }
            }
            // A number the lexer gave up on (`0x`, `0b2`, `1._`).
            TokenKind::Unknown => {
                let bytes = map.src.as_bytes();
                let mut start = pos;
                while start > 0
                    && (bytes[start - 1].is_ascii_alphanumeric()
                        || matches!(bytes[start - 1], b'.' | b'_'))
                {
                    start -= 1;
                }
                while start < pos && !bytes[start].is_ascii_digit() {
                    start += 1;
                }
                let is_number = bytes.get(start).is_some_and(|b| b.is_ascii_digit())
                    && (start == 0
                        || !(bytes[start - 1].is_ascii_alphabetic() || bytes[start - 1] == b'_'));
                if is_number {
                    match check_number(map, TextSize::new(start as u32)) {
                        Some(Ok(e)) => note(start, &|| e.build(map)),
                        Some(Err(w)) => warnings.push(w.build(map)),
                        None => {}
                    }
                }
            }
            _ => {}
        }
    }
    let unclosed = stack.last().map(|(open, range)| {
        let mut e = map.syntax_error(
            format!("'{}' was never closed", bracket_char(*open)),
            *range,
        );
        e.end_offset = 0;
        e
    });
    LexFindings {
        first,
        unclosed,
        warnings,
    }
}

/// The indentation of the logical line starting at `start`, checked
/// against the stack of enclosing indentations as CPython's tokenizer does
/// (both with tabs to 8 columns and with tabs to 1).
fn check_indent(
    map: &SourceMap<'_>,
    start: TextSize,
    indents: &mut Vec<(u32, u32)>,
) -> Option<CompileError> {
    let (line, col) = map.line_col(start);
    let text = map.line_text(line)?;
    let ws_len = text
        .find(|c| !matches!(c, ' ' | '\t' | '\x0c'))
        .unwrap_or(text.len());
    if col as usize > ws_len {
        return None; // Not the first token of its physical line.
    }
    // The whole indentation, even when the token starts inside it (the
    // lexer's own indentation error is an `Unknown` token at the start of
    // the line, where CPython's tokenizer may see a `TabError` instead).
    let ws = &text[..ws_len];
    let (mut c8, mut c1) = (0u32, 0u32);
    for ch in ws.chars() {
        match ch {
            ' ' => {
                c8 += 1;
                c1 += 1;
            }
            '\t' => {
                c8 = (c8 / 8 + 1) * 8;
                c1 += 1;
            }
            _ => {
                c8 = 0;
                c1 = 0;
            }
        }
    }
    let tab_error = || {
        Some(at_offsets(
            map,
            ErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation".into(),
            line,
            1,
            0,
        ))
    };
    let &(top8, top1) = indents.last()?;
    if c8 == top8 {
        if c1 != top1 {
            return tab_error();
        }
    } else if c8 > top8 {
        if c1 <= top1 {
            return tab_error();
        }
        indents.push((c8, c1));
    } else {
        while indents.len() > 1 && c8 < indents.last()?.0 {
            indents.pop();
        }
        let &(t8, t1) = indents.last()?;
        if c8 != t8 {
            let len = text.chars().count() as u32;
            return Some(at_offsets(
                map,
                ErrorKind::IndentationError,
                "unindent does not match any outer indentation level".into(),
                line,
                len + 1,
                -1,
            ));
        }
        if c1 != t1 {
            return tab_error();
        }
    }
    None
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c as u32 >= 128
}

/// A number literal error: message, line, byte column of the literal,
/// and 1-based character offsets relative to the literal's start.
struct NumberError {
    msg: String,
    line: u32,
    col: u32,
    from: usize,
    to: usize,
}

impl NumberError {
    fn build(&self, map: &SourceMap<'_>) -> CompileError {
        // Offsets are 1-based characters from the start of the line.
        let before = map.char_offset(self.line, self.col) as usize - 1;
        at_offsets(
            map,
            ErrorKind::SyntaxError,
            self.msg.clone(),
            self.line,
            (before + self.from) as u32,
            (before + self.to) as i32,
        )
    }
}

/// Re-reads the number literal at `start` with CPython's tokenizer rules:
/// an error (`Ok`), a warning (`Err`: a keyword right after the number),
/// or None.
fn check_number(map: &SourceMap<'_>, start: TextSize) -> Option<Result<NumberError, NumberError>> {
    let (line, col) = map.line_col(start);
    // Only the characters a number literal can be made of are read (plus
    // one): long lines full of numbers stay linear.
    let rest = map.src.get(start.to_usize()..)?;
    let mut chars: Vec<char> = Vec::new();
    for c in rest.chars() {
        // A sign belongs to the literal only right after an exponent mark.
        let after_e = matches!(chars.last(), Some('e' | 'E'));
        chars.push(c);
        if !(c.is_alphanumeric() || c == '_' || c == '.' || (after_e && matches!(c, '+' | '-'))) {
            break;
        }
    }
    let mut lx = NumLexer {
        chars: &chars,
        pos: 0,
        warning: None,
    };
    let (msg, from, to) = match lx.lex(0) {
        Ok(()) => {
            let (msg, at) = lx.warning?;
            return Some(Err(NumberError {
                msg,
                line,
                col,
                from: at,
                to: at,
            }));
        }
        Err(NumError::At(msg, offset)) => (msg, offset, offset),
        Err(NumError::Range(msg, from, to)) => (msg, from, to),
    };
    Some(Ok(NumberError {
        msg,
        line,
        col,
        from,
        to,
    }))
}

enum NumError {
    /// A message at the tokenizer's position (a 1-based character offset).
    At(String, usize),
    /// A message spanning 1-based character offsets.
    Range(String, usize, usize),
}

struct NumLexer<'c> {
    chars: &'c [char],
    /// The tokenizer's read position: the index of the next character.
    pos: usize,
    /// A SyntaxWarning and where (a 1-based character offset).
    warning: Option<(String, usize)>,
}

impl NumLexer<'_> {
    fn next(&mut self) -> char {
        let c = self.chars.get(self.pos).copied().unwrap_or('\0');
        self.pos += 1;
        c
    }

    fn backup(&mut self) {
        self.pos -= 1;
    }

    fn error(&self, msg: &str) -> NumError {
        NumError::At(msg.to_string(), self.pos)
    }

    fn lookahead(&mut self, rest: &str) -> bool {
        let save = self.pos;
        let ok = rest.chars().all(|c| self.next() == c);
        self.pos = save;
        ok
    }

    /// After a literal, `c` (just read) must not start an identifier.
    fn verify_end(&mut self, c: char, kind: &str) -> Result<(), NumError> {
        let keyword_follows = match c {
            'a' => self.lookahead("nd"),
            'e' => self.lookahead("lse"),
            'f' => self.lookahead("or"),
            'i' => matches!(self.chars.get(self.pos), Some('f' | 'n' | 's')),
            'o' => self.lookahead("r"),
            'n' => self.lookahead("ot"),
            _ => false,
        };
        if keyword_follows {
            // Allowed with a SyntaxWarning: `1if x else y`.
            self.warning = Some((format!("invalid {kind} literal"), self.pos));
            return Ok(());
        }
        // Only an ASCII letter, digit or `_` (CPython 3.11.7, gh-88943: a
        // non-ASCII character is left to the tokenizer's own checks).
        if c.is_ascii() && c != '\0' && is_ident_char(c) {
            self.backup();
            return Err(self.error(&format!("invalid {kind} literal")));
        }
        Ok(())
    }

    fn decimal_tail(&mut self) -> Result<char, NumError> {
        loop {
            let mut c = self.next();
            while c.is_ascii_digit() {
                c = self.next();
            }
            if c != '_' {
                return Ok(c);
            }
            let d = self.next();
            if !d.is_ascii_digit() {
                self.backup();
                return Err(self.error("invalid decimal literal"));
            }
        }
    }

    fn radix(
        &mut self,
        kind: &str,
        digit: fn(char) -> bool,
        max_digit: char,
    ) -> Result<(), NumError> {
        let mut c = self.next();
        loop {
            if c == '_' {
                c = self.next();
            }
            if !digit(c) {
                if c.is_ascii_digit() && c > max_digit {
                    return Err(self.error(&format!("invalid digit '{c}' in {kind} literal")));
                }
                self.backup();
                return Err(self.error(&format!("invalid {kind} literal")));
            }
            c = self.next();
            while digit(c) {
                c = self.next();
            }
            if c != '_' {
                break;
            }
        }
        if c.is_ascii_digit() && c > max_digit {
            return Err(self.error(&format!("invalid digit '{c}' in {kind} literal")));
        }
        self.verify_end(c, kind)
    }

    fn lex(&mut self, begin: usize) -> Result<(), NumError> {
        let first = self.next();
        let mut c;
        if first == '0' {
            c = self.next();
            match c {
                'x' | 'X' => return self.radix("hexadecimal", |c| c.is_ascii_hexdigit(), 'f'),
                'o' | 'O' => return self.radix("octal", |c| ('0'..='7').contains(&c), '7'),
                'b' | 'B' => return self.radix("binary", |c| c == '0' || c == '1', '1'),
                _ => {}
            }
            let mut nonzero = false;
            loop {
                if c == '_' {
                    c = self.next();
                    if !c.is_ascii_digit() {
                        self.backup();
                        return Err(self.error("invalid decimal literal"));
                    }
                }
                if c != '0' {
                    break;
                }
                c = self.next();
            }
            let zeros_end = self.pos - 1;
            if c.is_ascii_digit() {
                nonzero = true;
                c = self.decimal_tail()?;
            }
            if c == '.' {
                c = self.next();
                return self.fraction(c);
            } else if c == 'e' || c == 'E' {
                return self.exponent(c);
            } else if c == 'j' || c == 'J' {
                return self.imaginary();
            } else if nonzero {
                return Err(NumError::Range(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                    begin + 1,
                    zeros_end,
                ));
            }
            return self.verify_end(c, "decimal");
        }
        if first == '.' {
            c = self.next();
            return self.fraction(c);
        }
        self.backup();
        c = self.decimal_tail()?;
        if c == '.' {
            c = self.next();
            return self.fraction(c);
        }
        self.after_fraction(c)
    }

    fn fraction(&mut self, c: char) -> Result<(), NumError> {
        let c = if c.is_ascii_digit() {
            self.backup();
            self.decimal_tail()?
        } else {
            c
        };
        self.after_fraction(c)
    }

    fn after_fraction(&mut self, c: char) -> Result<(), NumError> {
        if c == 'e' || c == 'E' {
            return self.exponent(c);
        }
        if c == 'j' || c == 'J' {
            return self.imaginary();
        }
        self.verify_end(c, "decimal")
    }

    fn exponent(&mut self, e: char) -> Result<(), NumError> {
        let mut c = self.next();
        if c == '+' || c == '-' {
            c = self.next();
            if !c.is_ascii_digit() {
                self.backup();
                return Err(self.error("invalid decimal literal"));
            }
        } else if !c.is_ascii_digit() {
            self.backup();
            return self.verify_end(e, "decimal");
        }
        self.backup();
        let c = self.decimal_tail()?;
        if c == 'j' || c == 'J' {
            return self.imaginary();
        }
        self.verify_end(c, "decimal")
    }

    fn imaginary(&mut self) -> Result<(), NumError> {
        let c = self.next();
        self.verify_end(c, "imaginary")
    }
}
