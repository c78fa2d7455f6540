//! `_json`: the accelerators of the `json` package — `scanstring`, the
//! `Scanner` type (`make_scanner`), the `Encoder` type (`make_encoder`)
//! and `encode_basestring(_ascii)`. Results and error messages are those of
//! CPython's C accelerator, which `json` uses on CPython.
//!
//! The scanner works on the document's code points (decoded once per
//! call), so positions are str indices. Decoding errors raise
//! `json.decoder.JSONDecodeError` (imported when first needed); "nothing
//! to scan here" raises `StopIteration(idx)`, which `json.decoder` turns
//! into "Expecting value".

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec, Slot};
use ftpy_vm::interp::types;
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::{new_str_wtf8, StrObj};
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, TypeObj};
use ftpy_vm::objects::{float, int};
use ftpy_vm::unicode::push_cp;
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

static ENCODE_ASCII: OnceLock<Value> = OnceLock::new();
static ENCODE_UNICODE: OnceLock<Value> = OnceLock::new();

fn str_arg(ts: &mut ThreadState, v: Value) -> PyResult<Gc<StrObj>> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "first argument must be a string, not {}",
            type_name(v)
        ))),
    }
}

// ---- errors -----------------------------------------------------------------------------

/// Why a scan stopped: nothing to scan at a position (`StopIteration`),
/// or an exception.
enum Fail {
    Stop(usize),
    Err(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Err(e)
    }
}

type Scan<T> = Result<T, Fail>;

/// `json.decoder.JSONDecodeError(msg, doc, pos)`.
fn decode_error(ts: &mut ThreadState, msg: &str, doc: Value, pos: usize) -> PyErr {
    let r = (|| -> PyResult<PyErr> {
        let name = StrObj::new(ts, "json.decoder");
        let what = StrObj::new(ts, "JSONDecodeError");
        let from = TupleObj::new(ts, &[what]).value();
        let m = ftpy_vm::import::import_module_level(ts, name, Value::NONE, Value::NONE, from, 0)?;
        let cls = ops::getattr_str(ts, m, "JSONDecodeError")?;
        let mv = StrObj::new(ts, msg);
        let pv = int::int_from_u64(ts, pos as u64);
        let e = ops::call(ts, cls, &[mv, doc, pv], None)?;
        Ok(PyErr::from_exception(e))
    })();
    match r {
        Ok(e) | Err(e) => e,
    }
}

// ---- scanstring -------------------------------------------------------------------------

fn hex4(s: &[u32], at: usize) -> Option<u32> {
    let mut v = 0u32;
    for k in 0..4 {
        let c = *s.get(at + k)?;
        let d = char::from_u32(c)?.to_digit(16)?;
        v = v * 16 + d;
    }
    Some(v)
}

/// Scans the string whose body starts at `end` (after the quote): the
/// text as WTF-8 and the index after the closing quote.
fn scan_str(
    ts: &mut ThreadState,
    s: &[u32],
    end: usize,
    strict: bool,
    doc: Value,
) -> PyResult<(Vec<u8>, usize)> {
    let begin = end.wrapping_sub(1);
    let mut out = Vec::new();
    let mut i = end;
    loop {
        // A run of ordinary characters.
        loop {
            let Some(&c) = s.get(i) else {
                return Err(decode_error(
                    ts,
                    "Unterminated string starting at",
                    doc,
                    begin,
                ));
            };
            if c == '"' as u32 || c == '\\' as u32 {
                break;
            }
            if c < 0x20 && strict {
                return Err(decode_error(ts, "Invalid control character at", doc, i));
            }
            push_cp(&mut out, c);
            i += 1;
        }
        if s[i] == '"' as u32 {
            return Ok((out, i + 1));
        }
        // A backslash.
        i += 1;
        let Some(&e) = s.get(i) else {
            return Err(decode_error(
                ts,
                "Unterminated string starting at",
                doc,
                begin,
            ));
        };
        if e != 'u' as u32 {
            let c = match char::from_u32(e) {
                Some('"') => '"',
                Some('\\') => '\\',
                Some('/') => '/',
                Some('b') => '\u{8}',
                Some('f') => '\u{c}',
                Some('n') => '\n',
                Some('r') => '\r',
                Some('t') => '\t',
                _ => return Err(decode_error(ts, "Invalid \\escape", doc, i - 1)),
            };
            push_cp(&mut out, c as u32);
            i += 1;
            continue;
        }
        let Some(mut cp) = hex4(s, i + 1) else {
            return Err(decode_error(ts, "Invalid \\uXXXX escape", doc, i));
        };
        i += 5;
        if (0xD800..0xDC00).contains(&cp)
            && s.get(i) == Some(&('\\' as u32))
            && s.get(i + 1) == Some(&('u' as u32))
        {
            match hex4(s, i + 2) {
                Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
                Some(_) => {}
                None => {
                    return Err(decode_error(ts, "Invalid \\uXXXX escape", doc, i + 1));
                }
            }
        }
        push_cp(&mut out, cp);
    }
}

fn code_points(s: &StrObj) -> Vec<u32> {
    s.code_points().collect()
}

fn f_scanstring(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("scanstring(string, end, strict=True, /)");
    let [string, end, strict] = SIG.bind(ts, args, kw)?;
    // As CPython's argument parsing: `end` and `strict` before the type
    // of `string` is checked.
    let end = ops::index_to_i64(ts, end)?;
    let strict = match strict.non_null() {
        Some(v) => ops::truthy(ts, v)?,
        None => true,
    };
    let s = str_arg(ts, string)?;
    let cps = code_points(&s);
    if end < 0 || end as usize > cps.len() {
        return Err(ts.value_error("end is out of bounds"));
    }
    let (text, next) = scan_str(ts, &cps, end as usize, strict, string)?;
    let t = new_str_wtf8(ts, &text);
    let n = int::int_from_u64(ts, next as u64);
    Ok(TupleObj::new(ts, &[t, n]).value())
}

// ---- the scanner ------------------------------------------------------------------------

struct Scanner {
    strict: bool,
    object_hook: Slot,
    object_pairs_hook: Slot,
    parse_float: Slot,
    parse_int: Slot,
    parse_constant: Slot,
}

// SAFETY: traces every slot.
unsafe impl NativeData for Scanner {
    fn trace(&self, m: &mut Marker) {
        m.value(self.object_hook.get());
        m.value(self.object_pairs_hook.get());
        m.value(self.parse_float.get());
        m.value(self.parse_int.get());
        m.value(self.parse_constant.get());
    }
}

fn scanner_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("make_scanner(context)");
    let [ctx] = SIG.bind(ts, args, kw)?;
    let strict = ops::getattr_str(ts, ctx, "strict")?;
    let strict = ops::truthy(ts, strict)?;
    let object_hook = ops::getattr_str(ts, ctx, "object_hook")?;
    let object_pairs_hook = ops::getattr_str(ts, ctx, "object_pairs_hook")?;
    let parse_float = ops::getattr_str(ts, ctx, "parse_float")?;
    let parse_int = ops::getattr_str(ts, ctx, "parse_int")?;
    let parse_constant = ops::getattr_str(ts, ctx, "parse_constant")?;
    let sc = Scanner {
        strict,
        object_hook: Slot::new(object_hook),
        object_pairs_hook: Slot::new(object_pairs_hook),
        parse_float: Slot::new(parse_float),
        parse_int: Slot::new(parse_int),
        parse_constant: Slot::new(parse_constant),
    };
    Ok(NativeObj::new(ts, cls, sc).value())
}

struct Parse<'a> {
    s: &'a [u32],
    sc: &'a Scanner,
    doc: Value,
    memo: RefCell<Memo>,
}

/// The object keys seen so far in one call of the scanner, so equal keys
/// share one str (CPython's C scanner keeps a memo dict on the scanner and
/// clears it after each call; here it belongs to the call, so threads that
/// share `json`'s default decoder write nothing shared).
#[derive(Default)]
struct Memo {
    index: HashMap<Vec<u8>, usize>,
    /// The interned keys, rooted: an `object_hook` may drop every other
    /// reference to one.
    keys: Option<RootedVec>,
}

impl Memo {
    fn intern(&mut self, ts: &mut ThreadState, text: Vec<u8>) -> Value {
        let keys = self.keys.get_or_insert_with(|| RootedVec::new(ts));
        if let Some(&i) = self.index.get(text.as_slice()) {
            return keys[i];
        }
        let key = new_str_wtf8(ts, &text);
        self.index.insert(text, keys.len());
        keys.push(key);
        key
    }
}

fn is_ws(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0A | 0x0D)
}

impl Parse<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).and_then(|&c| char::from_u32(c))
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.s.get(i).is_some_and(|&c| is_ws(c)) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| self.s.get(i + k) == Some(&(c as u32)))
    }

    fn err(&self, ts: &mut ThreadState, msg: &str, pos: usize) -> Fail {
        Fail::Err(decode_error(ts, msg, self.doc, pos))
    }

    fn scan_once(&self, ts: &mut ThreadState, i: usize) -> Scan<(Value, usize)> {
        let Some(c) = self.at(i) else {
            return Err(Fail::Stop(i));
        };
        match c {
            '"' => {
                let (t, next) = scan_str(ts, self.s, i + 1, self.sc.strict, self.doc)?;
                Ok((new_str_wtf8(ts, &t), next))
            }
            '{' => {
                ts.enter_recursive_call(" while decoding a JSON object from a unicode string")?;
                let r = self.object(ts, i + 1);
                ts.leave_recursive_call();
                r
            }
            '[' => {
                ts.enter_recursive_call(" while decoding a JSON array from a unicode string")?;
                let r = self.array(ts, i + 1);
                ts.leave_recursive_call();
                r
            }
            'n' if self.starts(i, "null") => Ok((Value::NONE, i + 4)),
            't' if self.starts(i, "true") => Ok((Value::TRUE, i + 4)),
            'f' if self.starts(i, "false") => Ok((Value::FALSE, i + 5)),
            'N' if self.starts(i, "NaN") => self.constant(ts, "NaN", i + 3),
            'I' if self.starts(i, "Infinity") => self.constant(ts, "Infinity", i + 8),
            '-' if self.starts(i, "-Infinity") => self.constant(ts, "-Infinity", i + 9),
            _ => self.number(ts, i),
        }
    }

    fn constant(&self, ts: &mut ThreadState, name: &str, next: usize) -> Scan<(Value, usize)> {
        let n = StrObj::new(ts, name);
        let f = self.sc.parse_constant.get();
        Ok((ops::call1(ts, f, n)?, next))
    }

    fn number(&self, ts: &mut ThreadState, start: usize) -> Scan<(Value, usize)> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('0') => i += 1,
            Some('1'..='9') => {
                while digit(i) {
                    i += 1;
                }
            }
            _ => return Err(Fail::Stop(start)),
        }
        let mut is_float = false;
        if self.at(i) == Some('.') && digit(i + 1) {
            i += 1;
            while digit(i) {
                i += 1;
            }
            is_float = true;
        }
        if matches!(self.at(i), Some('e' | 'E')) {
            let mut j = i + 1;
            if matches!(self.at(j), Some('+' | '-')) {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                i = j;
                is_float = true;
            }
        }
        let text: String = self.s[start..i]
            .iter()
            .filter_map(|&c| char::from_u32(c))
            .collect();
        let v = if is_float {
            let pf = self.sc.parse_float.get();
            if pf == types().float.value() {
                match text.parse::<f64>() {
                    Ok(f) => float::new_float(ts, f),
                    Err(_) => return Err(Fail::Stop(start)),
                }
            } else {
                let t = StrObj::new(ts, &text);
                ops::call1(ts, pf, t)?
            }
        } else {
            let pi = self.sc.parse_int.get();
            if pi == types().int.value() {
                match text.parse::<i64>() {
                    Ok(n) => int::int_from_i64(ts, n),
                    Err(_) => {
                        let t = StrObj::new(ts, &text);
                        int::int_from_str(ts, &text, 10, t)?
                    }
                }
            } else {
                let t = StrObj::new(ts, &text);
                ops::call1(ts, pi, t)?
            }
        };
        Ok((v, i))
    }

    fn object(&self, ts: &mut ThreadState, start: usize) -> Scan<(Value, usize)> {
        let pairs_hook = self.sc.object_pairs_hook.get();
        let use_pairs = !pairs_hook.is_none();
        let mut pairs = RootedVec::new(ts);
        let mut i = self.skip_ws(start);
        if self.at(i) != Some('}') {
            loop {
                if self.at(i) != Some('"') {
                    return Err(self.err(
                        ts,
                        "Expecting property name enclosed in double quotes",
                        i,
                    ));
                }
                let (t, next) = scan_str(ts, self.s, i + 1, self.sc.strict, self.doc)?;
                let key = self.memo.borrow_mut().intern(ts, t);
                pairs.push(key);
                i = self.skip_ws(next);
                if self.at(i) != Some(':') {
                    return Err(self.err(ts, "Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (v, next) = self.scan_once(ts, i)?;
                pairs.push(v);
                i = self.skip_ws(next);
                match self.at(i) {
                    Some('}') => break,
                    Some(',') => i = self.skip_ws(i + 1),
                    _ => return Err(self.err(ts, "Expecting ',' delimiter", i)),
                }
            }
        }
        let end = i + 1;
        if use_pairs {
            let mut tuples = RootedVec::new(ts);
            for kv in pairs.chunks(2) {
                let t = TupleObj::new(ts, kv).value();
                tuples.push(t);
            }
            let l = ListObj::new(ts, &tuples).value();
            return Ok((ops::call1(ts, pairs_hook, l)?, end));
        }
        let d = DictObj::new(ts);
        for kv in pairs.chunks(2) {
            d.set_item(ts, kv[0], kv[1])?;
        }
        let hook = self.sc.object_hook.get();
        if !hook.is_none() {
            return Ok((ops::call1(ts, hook, d.value())?, end));
        }
        Ok((d.value(), end))
    }

    fn array(&self, ts: &mut ThreadState, start: usize) -> Scan<(Value, usize)> {
        let mut items = RootedVec::new(ts);
        let mut i = self.skip_ws(start);
        if self.at(i) != Some(']') {
            loop {
                let (v, next) = self.scan_once(ts, i)?;
                items.push(v);
                i = self.skip_ws(next);
                match self.at(i) {
                    Some(']') => break,
                    Some(',') => i = self.skip_ws(i + 1),
                    _ => return Err(self.err(ts, "Expecting ',' delimiter", i)),
                }
            }
        }
        Ok((ListObj::new(ts, &items).value(), i + 1))
    }
}

fn scanner_call(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("scan_once(string, idx)");
    let [string, idx] = SIG.bind(ts, args, kw)?;
    let sc = native::expect::<Scanner>(ts, v, "_json.Scanner")?;
    let s = str_arg(ts, string)?;
    let idx = ops::index_to_i64(ts, idx)?;
    if idx < 0 {
        return Err(ts.value_error("idx cannot be negative"));
    }
    let cps = code_points(&s);
    let p = Parse {
        s: &cps,
        sc,
        doc: string,
        memo: RefCell::default(),
    };
    let r = p.scan_once(ts, idx as usize);
    match r {
        Ok((v, next)) => {
            let n = int::int_from_u64(ts, next as u64);
            Ok(TupleObj::new(ts, &[v, n]).value())
        }
        Err(Fail::Stop(i)) => {
            let n = int::int_from_u64(ts, i as u64);
            Err(ts.stop_iteration(n))
        }
        Err(Fail::Err(e)) => Err(e),
    }
}

// ---- encoding strings -------------------------------------------------------------------

fn push_u_escape(out: &mut Vec<u8>, u: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((u >> shift) & 0xf) as usize]);
    }
}

/// Appends `s` as a JSON string literal (quoted); `ascii` escapes every
/// non-ASCII character.
fn encode_str(out: &mut Vec<u8>, s: &StrObj, ascii: bool) {
    out.push(b'"');
    for c in s.code_points() {
        match c {
            0x22 => out.extend_from_slice(b"\\\""),
            0x5C => out.extend_from_slice(b"\\\\"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            c if c < 0x20 => push_u_escape(out, c),
            c if ascii && c >= 0x7F => {
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    push_u_escape(out, 0xD800 | (v >> 10));
                    push_u_escape(out, 0xDC00 | (v & 0x3FF));
                } else {
                    push_u_escape(out, c);
                }
            }
            c => push_cp(out, c),
        }
    }
    out.push(b'"');
}

fn f_encode_basestring_ascii(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("encode_basestring_ascii(s, /)");
    let [s] = SIG.bind(ts, args, kw)?;
    let s = str_arg(ts, s)?;
    let mut out = Vec::with_capacity(s.byte_len() + 2);
    encode_str(&mut out, &s, true);
    Ok(new_str_wtf8(ts, &out))
}

fn f_encode_basestring(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("encode_basestring(s, /)");
    let [s] = SIG.bind(ts, args, kw)?;
    let s = str_arg(ts, s)?;
    let mut out = Vec::with_capacity(s.byte_len() + 2);
    encode_str(&mut out, &s, false);
    Ok(new_str_wtf8(ts, &out))
}

// ---- the encoder ------------------------------------------------------------------------

struct Encoder {
    markers: Slot,
    default: Slot,
    encoder: Slot,
    indent: Slot,
    key_separator: Slot,
    item_separator: Slot,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}

// SAFETY: traces every slot.
unsafe impl NativeData for Encoder {
    fn trace(&self, m: &mut Marker) {
        m.value(self.markers.get());
        m.value(self.default.get());
        m.value(self.encoder.get());
        m.value(self.indent.get());
        m.value(self.key_separator.get());
        m.value(self.item_separator.get());
    }
}

fn encoder_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "make_encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)",
    );
    let [markers, default, encoder, indent, ksep, isep, sort_keys, skipkeys, allow_nan] =
        SIG.bind(ts, args, kw)?;
    if !markers.is_none() && markers.downcast::<DictObj>().is_none() {
        return Err(ts.type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {}",
            type_name(markers)
        )));
    }
    for (k, v) in [(5, ksep), (6, isep)] {
        if v.downcast::<StrObj>().is_none() {
            return Err(ts.type_error(format!(
                "make_encoder() argument {k} must be str, not {}",
                type_name(v)
            )));
        }
    }
    let sort_keys = ops::truthy(ts, sort_keys)?;
    let skipkeys = ops::truthy(ts, skipkeys)?;
    let allow_nan = ops::truthy(ts, allow_nan)?;
    let e = Encoder {
        markers: Slot::new(markers),
        default: Slot::new(default),
        encoder: Slot::new(encoder),
        indent: Slot::new(indent),
        key_separator: Slot::new(ksep),
        item_separator: Slot::new(isep),
        sort_keys,
        skipkeys,
        allow_nan,
    };
    Ok(NativeObj::new(ts, cls, e).value())
}

struct Enc<'a> {
    e: &'a Encoder,
    out: Vec<u8>,
    /// 1: `encode_basestring_ascii`, 2: `encode_basestring`, 0: another
    /// callable.
    fast: u8,
}

impl Enc<'_> {
    fn string(&mut self, ts: &mut ThreadState, s: Value) -> PyResult<()> {
        if let (1 | 2, Some(so)) = (self.fast, s.downcast::<StrObj>()) {
            encode_str(&mut self.out, &so, self.fast == 1);
            return Ok(());
        }
        let r = ops::call1(ts, self.e.encoder.get(), s)?;
        match r.downcast::<StrObj>() {
            Some(rs) => {
                self.out.extend_from_slice(rs.as_wtf8());
                Ok(())
            }
            None => Err(ts.type_error(format!(
                "encoder() must return a string, not {}",
                type_name(r)
            ))),
        }
    }

    fn float_text(&self, ts: &mut ThreadState, f: f64) -> PyResult<String> {
        if !f.is_finite() {
            if !self.e.allow_nan {
                return Err(ts.value_error("Out of range float values are not JSON compliant"));
            }
            return Ok(if f.is_nan() {
                "NaN"
            } else if f > 0.0 {
                "Infinity"
            } else {
                "-Infinity"
            }
            .to_string());
        }
        Ok(ftpy_vm::format::float_repr(f))
    }

    fn push_str_value(&mut self, v: Value) {
        if let Some(s) = v.downcast::<StrObj>() {
            self.out.extend_from_slice(s.as_wtf8());
        }
    }

    /// Marks `v` as being encoded (circular reference check): its id, or
    /// None without markers.
    fn enter(&mut self, ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
        let Some(m) = self.e.markers.get().downcast::<DictObj>() else {
            return Ok(None);
        };
        let id = if v.is_ptr() {
            v.addr_unchecked() as u64
        } else {
            v.bits() >> 1
        };
        let ident = int::int_from_u64(ts, id);
        if m.get_item_opt(ts, ident)?.is_some() {
            return Err(ts.value_error("Circular reference detected"));
        }
        m.set_item(ts, ident, v)?;
        Ok(Some(ident))
    }

    fn leave(&mut self, ts: &mut ThreadState, ident: Option<Value>) -> PyResult<()> {
        if let (Some(id), Some(m)) = (ident, self.e.markers.get().downcast::<DictObj>()) {
            m.del_item_opt(ts, id)?;
        }
        Ok(())
    }

    fn obj(&mut self, ts: &mut ThreadState, v: Value) -> PyResult<()> {
        if v.is_none() {
            self.out.extend_from_slice(b"null");
        } else if v == Value::TRUE {
            self.out.extend_from_slice(b"true");
        } else if v == Value::FALSE {
            self.out.extend_from_slice(b"false");
        } else if v.downcast::<StrObj>().is_some() {
            self.string(ts, v)?;
        } else if int::is_int(v) {
            let t = int::int_to_string(ts, v)?;
            self.out.extend_from_slice(t.as_bytes());
        } else if let Some(f) = float::as_f64(v) {
            let t = self.float_text(ts, f)?;
            self.out.extend_from_slice(t.as_bytes());
        } else if v.downcast::<ListObj>().is_some() || v.downcast::<TupleObj>().is_some() {
            ts.enter_recursive_call(" while encoding a JSON object")?;
            let r = self.list(ts, v);
            ts.leave_recursive_call();
            r?;
        } else if v.downcast::<DictObj>().is_some() {
            ts.enter_recursive_call(" while encoding a JSON object")?;
            let r = self.dict(ts, v);
            ts.leave_recursive_call();
            r?;
        } else {
            let ident = self.enter(ts, v)?;
            let d = ops::call1(ts, self.e.default.get(), v)?;
            ts.enter_recursive_call(" while encoding a JSON object")?;
            let r = self.obj(ts, d);
            ts.leave_recursive_call();
            r?;
            self.leave(ts, ident)?;
        }
        Ok(())
    }

    fn list(&mut self, ts: &mut ThreadState, v: Value) -> PyResult<()> {
        // A list is read by index with its current length at each step, as
        // CPython: a `default` that shrinks it ends the output early.
        let item = |k: usize| -> Option<Value> {
            if let Some(l) = v.downcast::<ListObj>() {
                l.get(k)
            } else {
                v.downcast::<TupleObj>()
                    .and_then(|t| t.items().get(k).copied())
            }
        };
        if item(0).is_none() {
            self.out.extend_from_slice(b"[]");
            return Ok(());
        }
        let ident = self.enter(ts, v)?;
        self.out.push(b'[');
        let mut k = 0;
        while let Some(x) = item(k) {
            if k > 0 {
                self.push_str_value(self.e.item_separator.get());
            }
            self.obj(ts, x)?;
            k += 1;
        }
        self.out.push(b']');
        self.leave(ts, ident)
    }

    fn dict(&mut self, ts: &mut ThreadState, v: Value) -> PyResult<()> {
        let Some(d) = v.downcast::<DictObj>() else {
            return Ok(());
        };
        if d.is_empty() {
            self.out.extend_from_slice(b"{}");
            return Ok(());
        }
        let ident = self.enter(ts, v)?;
        // (key, value) pairs, interleaved.
        let mut kv = RootedVec::new(ts);
        if type_of(v) == types().dict && !self.e.sort_keys {
            kv.extend_from_slice(&d.items_rooted(ts));
        } else {
            let items = {
                let name = ftpy_vm::interp::intern(ts, "items");
                ops::call_method(ts, v, name, &[])?
            };
            let l = ops::call1(ts, types().list.value(), items)?;
            if self.e.sort_keys {
                let name = ftpy_vm::interp::intern(ts, "sort");
                ops::call_method(ts, l, name, &[])?;
            }
            if let Some(l) = l.downcast::<ListObj>() {
                let snap = l.snapshot_items(ts);
                for &p in snap.iter() {
                    let pair = ops::collect(ts, p)?;
                    if pair.len() == 2 {
                        kv.push(pair[0]);
                        kv.push(pair[1]);
                    }
                }
            }
        }
        self.out.push(b'{');
        let mut first = true;
        for pair in kv.chunks(2) {
            let (key, val) = (pair[0], pair[1]);
            let key_text: Option<Value> = if key.downcast::<StrObj>().is_some() {
                Some(key)
            } else if let Some(f) = float::as_f64(key) {
                let t = self.float_text(ts, f)?;
                Some(StrObj::new(ts, &t))
            } else if key == Value::TRUE || key == Value::FALSE || key.is_none() {
                let t = if key.is_none() {
                    "null"
                } else if key == Value::TRUE {
                    "true"
                } else {
                    "false"
                };
                Some(StrObj::new(ts, t))
            } else if int::is_int(key) {
                let t = int::int_to_string(ts, key)?;
                Some(StrObj::new(ts, &t))
            } else if self.e.skipkeys {
                None
            } else {
                return Err(ts.type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    type_name(key)
                )));
            };
            let Some(key_text) = key_text else {
                continue;
            };
            if !first {
                self.push_str_value(self.e.item_separator.get());
            }
            first = false;
            self.string(ts, key_text)?;
            self.push_str_value(self.e.key_separator.get());
            self.obj(ts, val)?;
        }
        self.out.push(b'}');
        self.leave(ts, ident)
    }
}

fn encoder_call(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_iterencode(obj, _current_indent_level)");
    let [obj, level] = SIG.bind(ts, args, kw)?;
    ops::index_to_i64(ts, level)?;
    let e = native::expect::<Encoder>(ts, v, "_json.Encoder")?;
    let enc = e.encoder.get();
    let fast = if ENCODE_ASCII.get() == Some(&enc) {
        1
    } else if ENCODE_UNICODE.get() == Some(&enc) {
        2
    } else {
        0
    };
    let mut st = Enc {
        e,
        out: Vec::new(),
        fast,
    };
    st.obj(ts, obj)?;
    let s = new_str_wtf8(ts, &st.out);
    Ok(ListObj::new(ts, &[s]).value())
}

fn getter(ts: &mut ThreadState, v: Value, f: fn(&Encoder) -> Value) -> PyResult<Value> {
    let e = native::expect::<Encoder>(ts, v, "_json.Encoder")?;
    Ok(f(e))
}

fn readonly(ts: &mut ThreadState, _v: Value, _x: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg("readonly attribute"))
}

fn sgetter(ts: &mut ThreadState, v: Value, f: fn(&Scanner) -> Value) -> PyResult<Value> {
    let s = native::expect::<Scanner>(ts, v, "_json.Scanner")?;
    Ok(f(s))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    use ftpy_vm::objects::add_getset;
    let doc = StrObj::new(ts, "json speedups\n");
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "scanstring", f_scanstring);
    m.add_function(ts, "encode_basestring_ascii", f_encode_basestring_ascii);
    m.add_function(ts, "encode_basestring", f_encode_basestring);
    for (name, cell) in [
        ("encode_basestring_ascii", &ENCODE_ASCII),
        ("encode_basestring", &ENCODE_UNICODE),
    ] {
        if cell.get().is_none() {
            let f = ops::getattr_str(ts, m.value(), name)?;
            ftpy_vm::interp::add_global_root(f);
            let _ = cell.set(f);
        }
    }

    let s = native::new_type::<Scanner>(ts, "Scanner", "_json", None, true);
    s.slots.new.set(Some(scanner_new));
    s.slots.call.set(Some(scanner_call));
    add_getset(
        ts,
        s,
        "strict",
        |ts, v| sgetter(ts, v, |s| Value::from_bool(s.strict)),
        Some(readonly),
    );
    add_getset(
        ts,
        s,
        "object_hook",
        |ts, v| sgetter(ts, v, |s| s.object_hook.get()),
        Some(readonly),
    );
    add_getset(
        ts,
        s,
        "object_pairs_hook",
        |ts, v| sgetter(ts, v, |s| s.object_pairs_hook.get()),
        Some(readonly),
    );
    add_getset(
        ts,
        s,
        "parse_float",
        |ts, v| sgetter(ts, v, |s| s.parse_float.get()),
        Some(readonly),
    );
    add_getset(
        ts,
        s,
        "parse_int",
        |ts, v| sgetter(ts, v, |s| s.parse_int.get()),
        Some(readonly),
    );
    add_getset(
        ts,
        s,
        "parse_constant",
        |ts, v| sgetter(ts, v, |s| s.parse_constant.get()),
        Some(readonly),
    );
    native::finish_type(ts, s);
    ftpy_vm::interp::add_global_root(s.value());
    m.set_attr(ts, "make_scanner", s.value());

    let e = native::new_type::<Encoder>(ts, "Encoder", "_json", None, true);
    e.slots.new.set(Some(encoder_new));
    e.slots.call.set(Some(encoder_call));
    add_getset(
        ts,
        e,
        "markers",
        |ts, v| getter(ts, v, |e| e.markers.get()),
        Some(readonly),
    );
    add_getset(
        ts,
        e,
        "default",
        |ts, v| getter(ts, v, |e| e.default.get()),
        Some(readonly),
    );
    add_getset(
        ts,
        e,
        "encoder",
        |ts, v| getter(ts, v, |e| e.encoder.get()),
        Some(readonly),
    );
    add_getset(
        ts,
        e,
        "indent",
        |ts, v| getter(ts, v, |e| e.indent.get()),
        Some(readonly),
    );
    add_getset(
        ts,
        e,
        "key_separator",
        |ts, v| getter(ts, v, |e| e.key_separator.get()),
        Some(readonly),
    );
    add_getset(
        ts,
        e,
        "item_separator",
        |ts, v| getter(ts, v, |e| e.item_separator.get()),
        Some(readonly),
    );
    add_getset(
        ts,
        e,
        "sort_keys",
        |ts, v| getter(ts, v, |e| Value::from_bool(e.sort_keys)),
        Some(readonly),
    );
    add_getset(
        ts,
        e,
        "skipkeys",
        |ts, v| getter(ts, v, |e| Value::from_bool(e.skipkeys)),
        Some(readonly),
    );
    native::finish_type(ts, e);
    ftpy_vm::interp::add_global_root(e.value());
    m.set_attr(ts, "make_encoder", e.value());
    Ok(())
}
