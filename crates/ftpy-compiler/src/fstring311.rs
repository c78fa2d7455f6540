//! CPython 3.11's reading of string literals and f-strings, which the
//! PEP 701 lexer of `ruff_python_parser` does not follow.
//!
//! CPython 3.11's tokenizer takes `f'...'` as one string token, ended by
//! the first unescaped matching quote whatever the braces hold; its parser
//! then splits the f-string (`string_parser.c`) with errors of its own
//! (`f-string: expecting '}'`, `f-string expression part cannot include a
//! backslash` ...), and refuses to concatenate bytes with other literals.
//! [`check`] reads the source with those rules and returns the first such
//! error, so that `parse` can order it against the parser's errors. It
//! stops (finding nothing more) at anything it cannot follow as CPython
//! would, leaving that to the parser: a string left open that is not an
//! f-string, an expression part that does not parse.

use ruff_text_size::{TextRange, TextSize};

use crate::error::SourceMap;
use crate::CompileError;

/// CPython's limit on nested brackets in an f-string expression.
const MAX_NESTING: usize = 200;

/// What [`check`] found.
pub(crate) enum Finding {
    /// A tokenizer error (an f-string left open by 3.11's rules): it wins
    /// over any parser error.
    Tokenizer(CompileError),
    /// An error of the parser's string handling, in the literal group that
    /// starts at this byte offset.
    Parser(usize, CompileError),
}

/// A run of adjacent string literals (one concatenation).
struct Group {
    start: usize,
    bytes: bool,
    text: bool,
    /// The f-strings: (body start, body end, raw).
    fstrings: Vec<(usize, usize, bool)>,
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// The flags of a string prefix (`rb`, `F` ...): (bytes, f-string, raw);
/// None when `p` is not a prefix.
fn prefix_flags(p: &[u8]) -> Option<(bool, bool, bool)> {
    let lower: Vec<u8> = p.iter().map(u8::to_ascii_lowercase).collect();
    let ok = matches!(
        lower.as_slice(),
        b"" | b"r" | b"u" | b"b" | b"f" | b"br" | b"rb" | b"fr" | b"rf"
    );
    ok.then(|| {
        (
            lower.contains(&b'b'),
            lower.contains(&b'f'),
            lower.contains(&b'r'),
        )
    })
}

/// Returns the first error CPython 3.11 finds in the string literals of
/// `map.src` by its own rules, if any.
pub(crate) fn check(map: &SourceMap<'_>) -> Option<Finding> {
    let s = map.src.as_bytes();
    let n = s.len();
    let mut i = 0;
    let mut depth = 0usize;
    let mut group: Option<Group> = None;
    // Validates the pending group; `next` is where the token after it
    // starts (CPython reports the group's errors at that token).
    let flush = |group: &mut Option<Group>, next: usize| -> Option<Finding> {
        let g = group.take()?;
        let at = lookahead(s, next);
        let err = |msg: &str| Some(Finding::Parser(g.start, map.syntax_error(msg, at)));
        if g.bytes && g.text {
            return err("cannot mix bytes and nonbytes literals");
        }
        for &(b, e, raw) in &g.fstrings {
            let mut pos = b;
            match fstring_parse(map.src, &mut pos, e, raw, 0) {
                Ok(()) => {}
                Err(Stop::Error(msg)) => return err(&msg),
                Err(Stop::Expression(snippet)) => {
                    // Parsed apart, as CPython does, its error prefixed.
                    let sub = SourceMap::new(&snippet, map.filename);
                    let msg = match crate::parse::parse(&sub, crate::Mode::Eval, &mut Vec::new()) {
                        Err(e) => e.msg,
                        Ok(_) => "invalid syntax".into(),
                    };
                    return err(&expression_message(msg));
                }
            }
        }
        None
    };
    while i < n {
        let c = s[i];
        match c {
            b'#' => {
                while i < n && s[i] != b'\n' {
                    i += 1;
                }
            }
            b'\\' if s.get(i + 1) == Some(&b'\n') => i += 2,
            b'\\' if s.get(i + 1) == Some(&b'\r') => i += 2,
            b'\n' => {
                if depth == 0 {
                    if let Some(f) = flush(&mut group, i) {
                        return Some(f);
                    }
                }
                i += 1;
            }
            b' ' | b'\t' | b'\x0c' | b'\r' => i += 1,
            b'\'' | b'"' => match string(map, s, i, i, &mut group) {
                Ok(end) => i = end,
                Err(f) => return f,
            },
            _ if is_ident_byte(c) && !c.is_ascii_digit() => {
                let st = i;
                while i < n && is_ident_byte(s[i]) {
                    i += 1;
                }
                if i < n && matches!(s[i], b'\'' | b'"') && prefix_flags(&s[st..i]).is_some() {
                    match string(map, s, st, i, &mut group) {
                        Ok(end) => i = end,
                        Err(f) => return f,
                    }
                } else if let Some(f) = flush(&mut group, st) {
                    return Some(f);
                }
            }
            _ => {
                if let Some(f) = flush(&mut group, i) {
                    return Some(f);
                }
                match c {
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                if c.is_ascii_digit() {
                    while i < n && (is_ident_byte(s[i]) || s[i] == b'.') {
                        i += 1;
                    }
                } else {
                    i += 1;
                }
            }
        }
    }
    flush(&mut group, n)
}

/// The range CPython's error takes: the token starting at `next` (a
/// comment, a name, one character; empty at a newline or the end).
fn lookahead(s: &[u8], mut next: usize) -> TextRange {
    while next < s.len() && matches!(s[next], b' ' | b'\t' | b'\x0c') {
        next += 1;
    }
    let end = match s.get(next) {
        None | Some(b'\n' | b'\r') => next,
        Some(b'#') => {
            next + s[next..]
                .iter()
                .take_while(|&&c| c != b'\n' && c != b'\r')
                .count()
        }
        Some(&c) if is_ident_byte(c) => {
            next + s[next..].iter().take_while(|&&c| is_ident_byte(c)).count()
        }
        Some(_) => next + 1,
    };
    TextRange::new(TextSize::new(next as u32), TextSize::new(end as u32))
}

/// Reads the string literal whose prefix starts at `st` and quote at `q`
/// into `group`; returns the offset past it. A literal left open stops
/// the check: with a tokenizer error when it is an f-string (where 3.11's
/// rules differ from the parser's), else with nothing.
fn string(
    map: &SourceMap<'_>,
    s: &[u8],
    st: usize,
    q: usize,
    group: &mut Option<Group>,
) -> Result<usize, Option<Finding>> {
    let (bytes, fstr, raw) = prefix_flags(&s[st..q]).unwrap_or((false, false, false));
    let quote = s[q];
    let triple = s.get(q + 1) == Some(&quote) && s.get(q + 2) == Some(&quote);
    let body = q + if triple { 3 } else { 1 };
    let mut j = body;
    let end = loop {
        let Some(&c) = s.get(j) else {
            return Err(fstr.then(|| unterminated(map, st, triple, s.len())));
        };
        if c == b'\\' {
            j += 2;
            continue;
        }
        if !triple && c == b'\n' {
            return Err(fstr.then(|| unterminated(map, st, triple, j)));
        }
        if c == quote && (!triple || (s.get(j + 1) == Some(&quote) && s.get(j + 2) == Some(&quote)))
        {
            break j;
        }
        j += 1;
    };
    let g = group.get_or_insert(Group {
        start: st,
        bytes: false,
        text: false,
        fstrings: Vec::new(),
    });
    g.bytes |= bytes;
    g.text |= !bytes;
    if fstr {
        g.fstrings.push((body, end, raw));
    }
    Ok(end + if triple { 3 } else { 1 })
}

fn unterminated(map: &SourceMap<'_>, st: usize, triple: bool, detected: usize) -> Finding {
    let line = map
        .line_col(TextSize::new(detected.min(map.src.len()) as u32))
        .0;
    let what = if triple {
        "unterminated triple-quoted string literal"
    } else {
        "unterminated string literal"
    };
    let at = TextRange::empty(TextSize::new(st as u32));
    Finding::Tokenizer(map.syntax_error(format!("{what} (detected at line {line})"), at))
}

/// Why the reading of an f-string stopped.
enum Stop {
    Error(String),
    /// An expression part that does not parse: the text parsed (the
    /// expression in parentheses).
    Expression(String),
}

/// The error of an f-string's expression part, as CPython 3.11 words it:
/// its parser's messages prefixed, its tokenizer's as they are.
fn expression_message(msg: String) -> String {
    let tokenizer = msg.starts_with("invalid character")
        || msg.starts_with("invalid non-printable")
        || msg.starts_with("unterminated");
    if msg.starts_with("f-string") || tokenizer {
        msg
    } else {
        format!("f-string: {msg}")
    }
}

fn fail<T>(msg: impl Into<String>) -> Result<T, Stop> {
    Err(Stop::Error(msg.into()))
}

/// Reads f-string text `src[*pos..end]` at nesting level `lvl` (0: the
/// f-string, 1: a format spec): CPython's `fstring_find_literal_and_expr`
/// loop.
fn fstring_parse(src: &str, pos: &mut usize, end: usize, raw: bool, lvl: u32) -> Result<(), Stop> {
    let s = src.as_bytes();
    loop {
        if find_literal(s, pos, end, raw, lvl)? {
            continue;
        }
        if *pos >= end || s[*pos] == b'}' {
            break;
        }
        find_expr(src, pos, end, raw, lvl)?;
    }
    if lvl != 0 && (*pos >= end || s[*pos] != b'}') {
        return fail("f-string: expecting '}'");
    }
    Ok(())
}

/// Skips literal text; true when it stopped after a doubled brace (more
/// literal follows), false at a brace that starts or ends an expression
/// (left unread) or at the end.
fn find_literal(s: &[u8], pos: &mut usize, end: usize, raw: bool, lvl: u32) -> Result<bool, Stop> {
    while *pos < end {
        let mut ch = s[*pos];
        *pos += 1;
        if !raw && ch == b'\\' && *pos < end {
            ch = s[*pos];
            *pos += 1;
            if ch == b'N' {
                // "\N{name}": its braces are no expression.
                if *pos < end {
                    let c = s[*pos];
                    *pos += 1;
                    if c == b'{' {
                        while *pos < end {
                            let c = s[*pos];
                            *pos += 1;
                            if c == b'}' {
                                break;
                            }
                        }
                    }
                }
                continue;
            }
        }
        if ch == b'{' || ch == b'}' {
            if lvl == 0 {
                if *pos < end && s[*pos] == ch {
                    *pos += 1;
                    return Ok(true);
                }
                if ch == b'}' {
                    return fail("f-string: single '}' is not allowed");
                }
            }
            *pos -= 1;
            return Ok(false);
        }
    }
    Ok(false)
}

/// Reads one replacement field, `*pos` at its '{': CPython's
/// `fstring_find_expr`.
fn find_expr(src: &str, pos: &mut usize, end: usize, raw: bool, lvl: u32) -> Result<(), Stop> {
    let s = src.as_bytes();
    *pos += 1;
    if lvl >= 2 {
        return fail("f-string: expressions nested too deeply");
    }
    let expr_start = *pos;
    let mut quote = 0u8;
    let mut triple = false;
    let mut stack: Vec<u8> = Vec::new();
    while *pos < end {
        let ch = s[*pos];
        if ch == b'\\' {
            return fail("f-string expression part cannot include a backslash");
        }
        if quote != 0 {
            if ch == quote {
                if triple {
                    if *pos + 2 < end && s[*pos + 1] == ch && s[*pos + 2] == ch {
                        *pos += 2;
                        quote = 0;
                    }
                } else {
                    quote = 0;
                }
            }
        } else if ch == b'\'' || ch == b'"' {
            triple = *pos + 2 < end && s[*pos + 1] == ch && s[*pos + 2] == ch;
            if triple {
                *pos += 2;
            }
            quote = ch;
        } else if matches!(ch, b'[' | b'{' | b'(') {
            if stack.len() >= MAX_NESTING {
                return fail("f-string: too many nested parenthesis");
            }
            stack.push(ch);
        } else if ch == b'#' {
            return fail("f-string expression part cannot include '#'");
        } else if stack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
            // "!=", "==", "<=", ">=" and a lone '<' or '>' are operators.
            if *pos + 1 < end && s[*pos + 1] == b'=' && ch != b':' && ch != b'}' {
                *pos += 2;
                continue;
            }
            if ch == b'<' || ch == b'>' {
                *pos += 1;
                continue;
            }
            break;
        } else if matches!(ch, b']' | b'}' | b')') {
            let Some(open) = stack.pop() else {
                return fail(format!("f-string: unmatched '{}'", ch as char));
            };
            let matched = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
            if !matched {
                return fail(format!(
                    "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                    ch as char, open as char
                ));
            }
        }
        *pos += 1;
    }
    let expr_end = *pos;
    if quote != 0 {
        return fail("f-string: unterminated string");
    }
    if let Some(&open) = stack.last() {
        return fail(format!("f-string: unmatched '{}'", open as char));
    }
    if *pos >= end {
        return fail("f-string: expecting '}'");
    }
    // The expression is compiled at once (its errors come before those of
    // the conversion and the format spec).
    let Some(text) = src.get(expr_start..expr_end) else {
        return fail("f-string: invalid syntax");
    };
    if text
        .bytes()
        .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
    {
        let next = s[expr_end];
        if matches!(next, b'!' | b':' | b'=') {
            return fail(format!(
                "f-string: expression required before '{}'",
                next as char
            ));
        }
        return fail("f-string: empty expression not allowed");
    }
    let snippet = format!("({text})");
    match ruff_python_parser::parse_expression(&snippet) {
        Err(_) if text.trim_start().starts_with("**") => {
            return fail("f-string: cannot use double starred expression here");
        }
        Err(_)
            if text.trim_start().starts_with('*')
                && ruff_python_parser::parse_expression(&format!("({text},)")).is_ok() =>
        {
            return fail("f-string: cannot use starred expression here");
        }
        Err(_) => return Err(Stop::Expression(snippet)),
        // `(*a)`: CPython's f-string parser refuses a lone starred
        // expression (a starred item of a tuple is fine).
        Ok(p) if p.expr().is_starred_expr() => {
            return fail("f-string: cannot use starred expression here");
        }
        Ok(_) => {}
    }
    if s[*pos] == b'=' {
        *pos += 1;
        while *pos < end && s[*pos].is_ascii_whitespace() {
            *pos += 1;
        }
        if *pos >= end {
            return fail("f-string: expecting '}'");
        }
    }
    if s[*pos] == b'!' {
        *pos += 1;
        if *pos >= end {
            return fail("f-string: expecting '}'");
        }
        let conv = s[*pos];
        *pos += 1;
        if !matches!(conv, b's' | b'r' | b'a') {
            return fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
    }
    if *pos >= end {
        return fail("f-string: expecting '}'");
    }
    if s[*pos] == b':' {
        *pos += 1;
        if *pos >= end {
            return fail("f-string: expecting '}'");
        }
        fstring_parse(src, pos, end, raw, lvl + 1)?;
    }
    if *pos >= end || s[*pos] != b'}' {
        return fail("f-string: expecting '}'");
    }
    *pos += 1;
    Ok(())
}
