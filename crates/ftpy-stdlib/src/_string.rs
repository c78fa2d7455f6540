//! `_string`: the format-string parser that `string.Formatter` uses.
//!
//! `formatter_parser(s)` yields `(literal, field_name, format_spec,
//! conversion)` for each piece of `s`; `formatter_field_name_split(name)`
//! splits `"x.y[0]"` into `"x"` and an iterator of `(is_attribute, key)`.
//! Both parse lazily, so an error is raised at the piece that has it, as
//! in CPython. The delimiters are ASCII, so the parser walks UTF-8 bytes.

use parking_lot::Mutex;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Marker;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::TypeObj;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// One parsed piece of a format string.
#[derive(Debug, PartialEq)]
pub struct Piece<'a> {
    pub literal: &'a str,
    /// `(field_name, format_spec, conversion)` when a field follows.
    pub field: Option<(&'a str, &'a str, Option<char>)>,
}

/// Parses the piece of `s` starting at byte `pos`; returns it and the
/// position after it, or `Ok(None)` at the end.
pub fn next_piece(s: &str, pos: usize) -> Result<Option<(Piece<'_>, usize)>, &'static str> {
    let b = s.as_bytes();
    let end = b.len();
    if pos >= end {
        return Ok(None);
    }
    let lit_start = pos;
    let mut i = pos;
    let mut brace = None;
    while i < end {
        let c = b[i];
        i += 1;
        if c == b'{' || c == b'}' {
            brace = Some(c);
            break;
        }
    }
    let at_end = i >= end;
    let mut lit_len = i - lit_start;
    let mut markup = brace.is_some();
    if brace == Some(b'}') && (at_end || b[i] != b'}') {
        return Err("Single '}' encountered in format string");
    }
    if at_end && brace == Some(b'{') {
        return Err("Single '{' encountered in format string");
    }
    if !at_end && brace.is_some() {
        if b[i] == brace.unwrap_or(0) {
            // An escaped brace: the literal keeps one.
            i += 1;
            markup = false;
        } else {
            lit_len -= 1;
        }
    }
    let literal = &s[lit_start..lit_start + lit_len];
    if !markup {
        return Ok(Some((
            Piece {
                literal,
                field: None,
            },
            i,
        )));
    }
    // The field: its name ends at '}', ':' or '!' ('[...]' is skipped).
    let name_start = i;
    let mut c = 0u8;
    while i < end {
        c = b[i];
        i += 1;
        match c {
            b'{' => return Err("unexpected '{' in field name"),
            b'[' => {
                while i < end && b[i] != b']' {
                    i += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => break,
            _ => continue,
        }
    }
    let hit_delim = matches!(c, b'}' | b':' | b'!') && i <= end && (i > name_start);
    let name_end = if hit_delim { i - 1 } else { i };
    let name = &s[name_start..name_end];
    if !hit_delim {
        return Err("expected '}' before end of string");
    }
    let mut conversion = None;
    if c == b'!' || c == b':' {
        if c == b'!' {
            if i >= end {
                return Err("end of string while looking for conversion specifier");
            }
            let ch = s[i..].chars().next().unwrap_or('\0');
            conversion = Some(ch);
            i += ch.len_utf8();
            if i < end {
                let c2 = b[i];
                i += 1;
                if c2 == b'}' {
                    return Ok(Some((
                        Piece {
                            literal,
                            field: Some((name, "", conversion)),
                        },
                        i,
                    )));
                }
                if c2 != b':' {
                    return Err("expected ':' after conversion specifier");
                }
            }
        }
        let spec_start = i;
        let mut count = 1;
        while i < end {
            let c3 = b[i];
            i += 1;
            match c3 {
                b'{' => count += 1,
                b'}' => {
                    count -= 1;
                    if count == 0 {
                        let spec = &s[spec_start..i - 1];
                        return Ok(Some((
                            Piece {
                                literal,
                                field: Some((name, spec, conversion)),
                            },
                            i,
                        )));
                    }
                }
                _ => {}
            }
        }
        return Err("unmatched '{' in format spec");
    }
    Ok(Some((
        Piece {
            literal,
            field: Some((name, "", None)),
        },
        i,
    )))
}

/// A key of a field name: an attribute, or an index (int or str).
#[derive(Debug, PartialEq)]
pub enum FieldKey<'a> {
    Attr(&'a str),
    Index(&'a str),
}

/// The first part of a field name and where the rest starts.
pub fn field_first(name: &str) -> (&str, usize) {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    (&name[..end], end)
}

/// The key at byte `pos` of a field name, and the position after it.
pub fn field_next(name: &str, pos: usize) -> Result<Option<(FieldKey<'_>, usize)>, &'static str> {
    let b = name.as_bytes();
    if pos >= b.len() {
        return Ok(None);
    }
    match b[pos] {
        b'.' => {
            let start = pos + 1;
            let end = name[start..]
                .find(['.', '['])
                .map(|k| start + k)
                .unwrap_or(name.len());
            if end == start {
                return Err("Empty attribute in format string");
            }
            Ok(Some((FieldKey::Attr(&name[start..end]), end)))
        }
        b'[' => {
            let start = pos + 1;
            let Some(k) = name[start..].find(']') else {
                return Err("Missing ']' in format string");
            };
            let end = start + k;
            if end == start {
                return Err("Empty attribute in format string");
            }
            let after = end + 1;
            if after < b.len() && b[after] != b'.' && b[after] != b'[' {
                return Err("Only '.' or '[' may follow ']' in format field specifier");
            }
            Ok(Some((FieldKey::Index(&name[start..end]), after)))
        }
        _ => Err("Only '.' or '[' may follow ']' in format field specifier"),
    }
}

/// An all-digits field part as an int value, else a str.
fn int_or_str(ts: &mut ThreadState, s: &str) -> PyResult<Value> {
    if !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()) {
        if let Ok(n) = s.parse::<i64>() {
            return Ok(ftpy_vm::objects::int::int_from_i64(ts, n));
        }
        return Err(ts.value_error("Too many decimal digits in format string"));
    }
    Ok(StrObj::new(ts, s))
}

/// A parser over one string: the string and a byte position.
struct Cursor {
    text: Value,
    pos: Mutex<usize>,
}

// SAFETY: traces the string.
unsafe impl NativeData for Cursor {
    fn trace(&self, m: &mut Marker) {
        m.value(self.text);
    }
}

static PARSER_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();
static FIELD_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();

fn text_of(v: Value) -> &'static str {
    ftpy_vm::objects::str::as_str(v).unwrap_or("")
}

fn parser_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = native::expect::<Cursor>(ts, v, "formatteriterator")?;
    let s = text_of(c.text);
    let pos = *c.pos.lock();
    let r = next_piece(s, pos);
    let (p, next) = match r {
        Ok(None) => return Ok(None),
        Ok(Some(x)) => x,
        Err(msg) => {
            *c.pos.lock() = s.len();
            return Err(ts.value_error(msg));
        }
    };
    *c.pos.lock() = next;
    let lit = StrObj::new(ts, p.literal);
    let t = match p.field {
        None => TupleObj::new(ts, &[lit, Value::NONE, Value::NONE, Value::NONE]),
        Some((name, spec, conv)) => {
            let n = StrObj::new(ts, name);
            let sp = StrObj::new(ts, spec);
            let cv = match conv {
                Some(ch) => StrObj::new(ts, ch.encode_utf8(&mut [0u8; 4])),
                None => Value::NONE,
            };
            TupleObj::new(ts, &[lit, n, sp, cv])
        }
    };
    Ok(Some(t.value()))
}

fn field_iter_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = native::expect::<Cursor>(ts, v, "fieldnameiterator")?;
    let s = text_of(c.text);
    let pos = *c.pos.lock();
    let (key, next) = match field_next(s, pos) {
        Ok(None) => return Ok(None),
        Ok(Some(x)) => x,
        Err(msg) => {
            *c.pos.lock() = s.len();
            return Err(ts.value_error(msg));
        }
    };
    *c.pos.lock() = next;
    let t = match key {
        FieldKey::Attr(a) => {
            let k = StrObj::new(ts, a);
            TupleObj::new(ts, &[Value::TRUE, k])
        }
        FieldKey::Index(i) => {
            let k = int_or_str(ts, i)?;
            TupleObj::new(ts, &[Value::FALSE, k])
        }
    };
    Ok(Some(t.value()))
}

fn self_iter(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn expect_text(ts: &mut ThreadState, v: Value, fname: &str) -> PyResult<()> {
    if ftpy_vm::objects::str::as_str(v).is_none() {
        return Err(ts.type_error(format!(
            "{fname}() argument must be str, not {}",
            ftpy_vm::objects::typeobj::type_name(v)
        )));
    }
    Ok(())
}

fn formatter_parser(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("formatter_parser(str, /)");
    let [s] = SIG.bind(ts, args, kw)?;
    expect_text(ts, s, "formatter_parser")?;
    let cls = PARSER_TYPE
        .get()
        .copied()
        .ok_or_else(|| ts.system_error("_string not initialized"))?;
    let c = Cursor {
        text: s,
        pos: Mutex::new(0),
    };
    Ok(NativeObj::new(ts, cls, c).value())
}

fn formatter_field_name_split(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("formatter_field_name_split(str, /)");
    let [s] = SIG.bind(ts, args, kw)?;
    expect_text(ts, s, "formatter_field_name_split")?;
    let text = text_of(s);
    let (first, rest) = field_first(text);
    let fv = int_or_str(ts, first)?;
    let cls = FIELD_TYPE
        .get()
        .copied()
        .ok_or_else(|| ts.system_error("_string not initialized"))?;
    let c = Cursor {
        text: s,
        pos: Mutex::new(rest),
    };
    let it = NativeObj::new(ts, cls, c);
    Ok(TupleObj::new(ts, &[fv, it.value()]).value())
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    for (name, cell, next) in [
        (
            "formatteriterator",
            &PARSER_TYPE,
            parser_next as ftpy_vm::objects::typeobj::NextFn,
        ),
        ("fieldnameiterator", &FIELD_TYPE, field_iter_next),
    ] {
        if cell.get().is_none() {
            // Built-in types to CPython (`<class 'formatteriterator'>`).
            let t = native::new_type::<Cursor>(ts, name, "builtins", None, false);
            t.slots.iter.set(Some(self_iter));
            t.slots.next.set(Some(next));
            native::finish_type(ts, t);
            ftpy_vm::interp::add_global_root(t.value());
            let _ = cell.set(t);
        }
    }
    m.add_function(ts, "formatter_parser", formatter_parser);
    m.add_function(ts, "formatter_field_name_split", formatter_field_name_split);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &str) -> Result<Vec<Piece<'_>>, &'static str> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((p, n)) = next_piece(s, pos)? {
            out.push(p);
            pos = n;
        }
        Ok(out)
    }

    #[test]
    fn pieces() {
        let p = all("a{0!r:>5}b{x.y[1]}{{}}").unwrap();
        assert_eq!(p[0].field, Some(("0", ">5", Some('r'))));
        assert_eq!(
            (p[1].literal, p[1].field),
            ("b", Some(("x.y[1]", "", None)))
        );
        assert_eq!((p[2].literal, p[2].field), ("{", None));
        assert_eq!((p[3].literal, p[3].field), ("}", None));
        assert_eq!(all("{a[}b]}").unwrap()[0].field, Some(("a[}b]", "", None)));
        assert_eq!(all("{0:{1}}x").unwrap()[0].field, Some(("0", "{1}", None)));
        assert_eq!(all("a{b"), Err("expected '}' before end of string"));
        assert_eq!(all("{x!}"), Err("unmatched '{' in format spec"));
        assert_eq!(all("}"), Err("Single '}' encountered in format string"));
        assert_eq!(all("{"), Err("Single '{' encountered in format string"));
    }

    #[test]
    fn field_names() {
        let (first, mut pos) = field_first("x[a].b");
        assert_eq!(first, "x");
        let mut keys = Vec::new();
        while let Some((k, n)) = field_next("x[a].b", pos).unwrap() {
            keys.push(k);
            pos = n;
        }
        assert_eq!(keys, [FieldKey::Index("a"), FieldKey::Attr("b")]);
        assert_eq!(field_next("x.", 1), Err("Empty attribute in format string"));
        assert_eq!(
            field_next("x[0]y", 1),
            Err("Only '.' or '[' may follow ']' in format field specifier")
        );
    }
}
