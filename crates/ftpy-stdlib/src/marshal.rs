//! `marshal`: CPython's internal serialization format, versions 0 to 4, as
//! CPython 3.11 writes and reads it.
//!
//! A marshalled value is a type byte, then the type's payload (all
//! integers little-endian):
//!
//! ```text
//! N T F S .          None True False StopIteration Ellipsis (no payload)
//! i <i32>            int that fits 32 bits
//! l <n:i32> <u16>*|n|  other ints: |n| 15-bit digits, least significant
//!                    first, the sign of n is the int's sign
//! g <f64> / y <f64><f64>            float / complex (version >= 2)
//! f <len:u8> text / x text text     float / complex as %.17g text (0, 1)
//! s <n:i32> bytes                   bytes and other buffer objects
//! u t <n:i32> utf-8                 str (t: interned, version >= 3)
//! a A <n:i32> / z Z <n:u8> ascii    ascii str (version >= 4; A Z interned)
//! ( <n:i32> / ) <n:u8>  items       tuple (small form: version >= 4)
//! [ <n:i32> items                   list
//! { key value ... 0                 dict, ended by TYPE_NULL
//! < > <n:i32> items                 set, frozenset
//! r <index:i32>                     reference (version >= 3)
//! ```
//!
//! From version 3 on, a type byte may carry `FLAG_REF` (0x80): the object
//! gets the next reference index (in pre-order), and a later `r <index>`
//! stands for the same object. CPython flags an object when its reference
//! count is above one. ftpy has no reference counts: it flags the objects
//! that occur more than once in the marshalled value (a pre-pass counts
//! them) and those CPython always shares (small ints -5..=256, interned,
//! empty and one-character strs, empty and one-byte bytes, the empty
//! tuple), and set items (CPython writes them from a temporary list). The
//! output is CPython's byte for byte except for objects that are also
//! referenced from outside the value (docs/deviations.md).
//!
//! Set and frozenset items are written in the order of their own
//! marshalled bytes, as CPython 3.11 does for reproducible .pyc files.
//!
//! Code objects: ftpy's bytecode is not CPython's, so `dumps(code)` raises
//! `ValueError: unmarshallable object` and a `c` record cannot be loaded.
//!
//! Nesting is limited to 2000 levels in both directions, as in CPython.
//! The writer reads containers without running Python code; the objects
//! it has seen are kept in a `RootedVec` so that the identities in its
//! tables stay valid even if a collection runs meanwhile.

use std::borrow::Cow;
use std::collections::HashMap;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::codecs::{decode_native, Native};
use ftpy_vm::gc::RootedVec;
use ftpy_vm::interp::{intern_str, types};
use ftpy_vm::objects::bytearray::BytearrayObj;
use ftpy_vm::objects::bytes::{buffer_bytes, expect_buffer, BytesObj};
use ftpy_vm::objects::complex::ComplexObj;
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::float::{self, parse_float_prefix};
use ftpy_vm::objects::int;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::set::SetObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// The version `dumps` writes by default (`marshal.version`).
const VERSION: i32 = 4;

/// Deepest nesting written or read (CPython's MAX_MARSHAL_STACK_DEPTH).
const MAX_DEPTH: usize = 2000;

/// Largest size field (CPython's SIZE32_MAX).
const SIZE32_MAX: i64 = i32::MAX as i64;

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
const FLAG_REF: u8 = 0x80;

/// Bits per digit of TYPE_LONG.
const LONG_SHIFT: u32 = 15;

// ---- writing ------------------------------------------------------------------------

/// Why a value could not be written.
enum WErr {
    Unmarshallable,
    TooDeep,
    Py(ftpy_vm::PyErr),
}

impl From<ftpy_vm::PyErr> for WErr {
    fn from(e: ftpy_vm::PyErr) -> WErr {
        WErr::Py(e)
    }
}

struct Writer {
    out: Vec<u8>,
    version: i32,
    /// How often each object (by identity) occurs in the value, counting
    /// a repeated container once (its contents are written once).
    counts: HashMap<Id, u32>,
    /// The reference index of each object written with FLAG_REF.
    refs: HashMap<Id, u32>,
    /// The next reference index.
    next_ref: u32,
    /// Every object in `counts`, so its identity stays its own.
    keep: RootedVec,
    depth: usize,
}

/// An object's identity for references.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
enum Id {
    /// A heap object or small int, by its `Value` bits.
    Obj(u64),
    /// An object CPython keeps one copy of, by value (ftpy may have
    /// several): 0 the empty tuple, 1 the empty str, 2 + c the str of one
    /// Latin-1 character c, 0x200 + n the empty (n = 0) or one-byte bytes.
    Singleton(u32),
}

/// The identity of an object for references, or None for values CPython
/// would never find shared (immediate floats and ints outside -5..=256:
/// ftpy cannot tell two equal ones apart) and the singletons written
/// without a reference.
fn identity(v: Value) -> Option<Id> {
    if let Some(i) = v.as_small_int() {
        return (-5..=256).contains(&i).then_some(Id::Obj(v.bits()));
    }
    if !v.is_ptr() {
        return None;
    }
    let t = type_of(v);
    if t == types().tuple && v.downcast::<TupleObj>().is_some_and(|x| x.is_empty()) {
        return Some(Id::Singleton(0));
    }
    if t == types().str {
        if let Some(s) = v.downcast::<StrObj>() {
            match s.char_len() {
                0 => return Some(Id::Singleton(1)),
                1 if s.char_at(0) < 256 => return Some(Id::Singleton(2 + s.char_at(0))),
                _ => {}
            }
        }
    }
    if t == types().bytes {
        if let Some(b) = v.downcast::<BytesObj>() {
            match b.as_bytes() {
                [] => return Some(Id::Singleton(0x200)),
                [x] => return Some(Id::Singleton(0x201 + *x as u32)),
                _ => {}
            }
        }
    }
    Some(Id::Obj(v.bits()))
}

/// Whether a one-character str counts as interned: ftpy caches every
/// one-character ASCII str as interned, CPython interns the identifier
/// characters (constants) and only shares the others.
fn is_interned(s: &StrObj) -> bool {
    if s.char_len() == 0 {
        return true;
    }
    if s.char_len() == 1 {
        let c = s.char_at(0);
        return s.is_interned()
            && char::from_u32(c).is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    }
    s.is_interned()
}

/// Whether CPython always holds more than one reference to `v` (a cached
/// or interned object), so that it writes it with FLAG_REF.
fn cpython_shares(v: Value) -> bool {
    if let Some(i) = v.as_small_int() {
        return (-5..=256).contains(&i);
    }
    let t = type_of(v);
    if t == types().str {
        if let Some(s) = v.downcast::<StrObj>() {
            let s = s.obj();
            return is_interned(s) || (s.char_len() == 1 && s.char_at(0) < 256);
        }
    }
    if t == types().bytes {
        if let Some(b) = v.downcast::<BytesObj>() {
            return b.obj().len() <= 1;
        }
    }
    if t == types().tuple {
        if let Some(tu) = v.downcast::<TupleObj>() {
            return tu.is_empty();
        }
    }
    false
}

impl Writer {
    fn new(ts: &ThreadState, version: i32) -> Writer {
        Writer {
            out: Vec::new(),
            version,
            counts: HashMap::new(),
            refs: HashMap::new(),
            next_ref: 0,
            keep: RootedVec::new(ts),
            depth: 0,
        }
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    /// A size field (CPython refuses sizes above SIZE32_MAX).
    fn size(&mut self, n: usize) -> Result<(), WErr> {
        if n as u64 > SIZE32_MAX as u64 {
            return Err(WErr::Unmarshallable);
        }
        self.long(n as i32);
        Ok(())
    }

    /// The items of a marshallable container, as they will be written
    /// (None for other objects).
    fn children(ts: &mut ThreadState, v: Value) -> Option<RootedVec> {
        let t = type_of(v);
        if t == types().tuple {
            let tu = v.downcast::<TupleObj>()?;
            let mut out = RootedVec::with_capacity(ts, tu.len());
            out.extend_from_slice(tu.items());
            return Some(out);
        }
        if t == types().list {
            return Some(v.downcast::<ListObj>()?.snapshot_items(ts));
        }
        if t == types().dict {
            return Some(v.downcast::<DictObj>()?.items_rooted(ts));
        }
        if t == types().set || t == types().frozenset {
            let s = v.downcast::<SetObj>()?;
            let mut out = RootedVec::new(ts);
            let mut pos = 0;
            while let Some((next, k)) = s.next_entry(pos) {
                out.push(k);
                pos = next;
            }
            return Some(out);
        }
        None
    }

    /// The pre-pass: counts the occurrences of each object.
    fn count(&mut self, ts: &mut ThreadState, v: Value, depth: usize) {
        if depth > MAX_DEPTH || ts.native_stack_exhausted() {
            return; // the writing pass reports it
        }
        let Some(id) = identity(v) else { return };
        let n = self.counts.entry(id).or_insert(0);
        *n += 1;
        if *n > 1 {
            return;
        }
        self.keep.push(v);
        if let Some(items) = Self::children(ts, v) {
            for &x in items.iter() {
                self.count(ts, x, depth + 1);
            }
        }
    }

    fn object(&mut self, ts: &mut ThreadState, v: Value) -> Result<(), WErr> {
        self.object_as(ts, v, false)
    }

    /// Writes `v`; `shared`: CPython holds another reference to it.
    fn object_as(&mut self, ts: &mut ThreadState, v: Value, shared: bool) -> Result<(), WErr> {
        self.depth += 1;
        let r = self.object_inner(ts, v, shared);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, ts: &mut ThreadState, v: Value, shared: bool) -> Result<(), WErr> {
        if self.depth > MAX_DEPTH || ts.native_stack_exhausted() {
            return Err(WErr::TooDeep);
        }
        if v.is_none() {
            self.byte(TYPE_NONE);
        } else if v == types().stop_iteration.value() {
            self.byte(TYPE_STOPITER);
        } else if v == Value::ELLIPSIS {
            self.byte(TYPE_ELLIPSIS);
        } else if let Some(b) = v.as_bool() {
            self.byte(if b { TYPE_TRUE } else { TYPE_FALSE });
        } else {
            let mut flag = 0;
            if self.version >= 3 {
                let id = identity(v);
                if let Some(id) = id {
                    if let Some(&i) = self.refs.get(&id) {
                        self.byte(TYPE_REF);
                        self.long(i as i32);
                        return Ok(());
                    }
                }
                let repeated = id.is_some_and(|id| self.counts.get(&id).is_some_and(|&n| n > 1));
                if shared || repeated || cpython_shares(v) {
                    flag = FLAG_REF;
                    if let Some(id) = id {
                        self.refs.insert(id, self.next_ref);
                    }
                    self.next_ref += 1;
                }
            }
            self.complex_object(ts, v, flag)?;
        }
        Ok(())
    }

    fn complex_object(&mut self, ts: &mut ThreadState, v: Value, flag: u8) -> Result<(), WErr> {
        let t = type_of(v);
        if int::is_exact_int(v) {
            return self.int(v, flag);
        }
        if t == types().float {
            if let Some(f) = float::as_f64(v) {
                if self.version > 1 {
                    self.byte(TYPE_BINARY_FLOAT | flag);
                    self.out.extend_from_slice(&f.to_le_bytes());
                } else {
                    self.byte(TYPE_FLOAT | flag);
                    self.float_text(ts, f)?;
                }
                return Ok(());
            }
        }
        if t == types().complex {
            if let Some(c) = v.downcast::<ComplexObj>() {
                let (re, im) = (c.re, c.im);
                if self.version > 1 {
                    self.byte(TYPE_BINARY_COMPLEX | flag);
                    self.out.extend_from_slice(&re.to_le_bytes());
                    self.out.extend_from_slice(&im.to_le_bytes());
                } else {
                    self.byte(TYPE_COMPLEX | flag);
                    self.float_text(ts, re)?;
                    self.float_text(ts, im)?;
                }
                return Ok(());
            }
        }
        if t == types().str {
            if let Some(s) = v.downcast::<StrObj>() {
                return self.str(s.obj(), flag);
            }
        }
        if t == types().bytes {
            if let Some(b) = v.downcast::<BytesObj>() {
                self.byte(TYPE_STRING | flag);
                self.size(b.len())?;
                self.out.extend_from_slice(b.as_bytes());
                return Ok(());
            }
        }
        if t == types().tuple {
            if let Some(tu) = v.downcast::<TupleObj>() {
                let n = tu.len();
                if self.version >= 4 && n < 256 {
                    self.byte(TYPE_SMALL_TUPLE | flag);
                    self.byte(n as u8);
                } else {
                    self.byte(TYPE_TUPLE | flag);
                    self.size(n)?;
                }
                for &x in tu.items() {
                    self.object(ts, x)?;
                }
                return Ok(());
            }
        }
        let code = if t == types().list {
            Some(TYPE_LIST)
        } else if t == types().dict {
            Some(TYPE_DICT)
        } else if t == types().set {
            Some(TYPE_SET)
        } else if t == types().frozenset {
            Some(TYPE_FROZENSET)
        } else {
            None
        };
        if let Some(code) = code {
            let items = Self::children(ts, v).ok_or(WErr::Unmarshallable)?;
            self.byte(code | flag);
            if code == TYPE_DICT {
                for &x in items.iter() {
                    self.object(ts, x)?;
                }
                self.byte(TYPE_NULL);
            } else if code == TYPE_SET || code == TYPE_FROZENSET {
                // As CPython (for reproducible .pyc files): the items in the
                // order of their own marshalled bytes. CPython holds them in
                // a list of (bytes, item) pairs meanwhile: they are shared.
                let mut keyed = Vec::with_capacity(items.len());
                for (i, &x) in items.iter().enumerate() {
                    let mut w = Writer::new(ts, self.version);
                    w.depth = self.depth;
                    if self.version >= 3 {
                        w.count(ts, x, w.depth + 1);
                    }
                    w.object(ts, x)?;
                    keyed.push((std::mem::take(&mut w.out), i));
                }
                keyed.sort();
                self.size(items.len())?;
                for (_, i) in keyed {
                    self.object_as(ts, items[i], true)?;
                }
            } else {
                self.size(items.len())?;
                for &x in items.iter() {
                    self.object(ts, x)?;
                }
            }
            return Ok(());
        }
        if t == types().code {
            return Err(WErr::Unmarshallable);
        }
        // Other bytes-like objects are written as bytes.
        match buffer_bytes(ts, v)? {
            Some(b) => {
                self.byte(TYPE_STRING | flag);
                self.size(b.len())?;
                self.out.extend_from_slice(&b);
                Ok(())
            }
            None => Err(WErr::Unmarshallable),
        }
    }

    fn int(&mut self, v: Value, flag: u8) -> Result<(), WErr> {
        if let Some(i) = int::to_i64(v) {
            if let Ok(x) = i32::try_from(i) {
                self.byte(TYPE_INT | flag);
                self.long(x);
                return Ok(());
            }
        }
        let Some(b) = int::to_big(v) else {
            return Err(WErr::Unmarshallable);
        };
        let digits = to_digits(b.magnitude());
        let n = digits.len();
        if n as u64 > SIZE32_MAX as u64 {
            return Err(WErr::Unmarshallable);
        }
        self.byte(TYPE_LONG | flag);
        let n = n as i32;
        self.long(if b.sign() == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    /// A float as versions 0 and 1 write it: a length byte and `%.17g`.
    fn float_text(&mut self, ts: &mut ThreadState, f: f64) -> Result<(), WErr> {
        let text = format_g17(ts, f)?;
        self.byte(text.len() as u8);
        self.out.extend_from_slice(text.as_bytes());
        Ok(())
    }

    fn str(&mut self, s: &StrObj, flag: u8) -> Result<(), WErr> {
        let interned = is_interned(s);
        if self.version >= 4 && s.is_ascii() {
            let n = s.byte_len();
            if n < 256 {
                let code = if interned {
                    TYPE_SHORT_ASCII_INTERNED
                } else {
                    TYPE_SHORT_ASCII
                };
                self.byte(code | flag);
                self.byte(n as u8);
            } else {
                let code = if interned {
                    TYPE_ASCII_INTERNED
                } else {
                    TYPE_ASCII
                };
                self.byte(code | flag);
                self.size(n)?;
            }
            self.out.extend_from_slice(s.as_wtf8());
            return Ok(());
        }
        let code = if self.version >= 3 && interned {
            TYPE_INTERNED
        } else {
            TYPE_UNICODE
        };
        // Generalized UTF-8 is exactly the `surrogatepass` encoding.
        let b = s.as_wtf8();
        self.byte(code | flag);
        self.size(b.len())?;
        self.out.extend_from_slice(b);
        Ok(())
    }
}

/// The 15-bit digits of a magnitude, least significant first.
fn to_digits(m: &BigUint) -> Vec<u16> {
    let mut out = Vec::new();
    let mut acc: u64 = 0;
    let mut bits = 0;
    for w in m.iter_u32_digits() {
        acc |= (w as u64) << bits;
        bits += 32;
        while bits >= LONG_SHIFT {
            out.push((acc & 0x7fff) as u16);
            acc >>= LONG_SHIFT;
            bits -= LONG_SHIFT;
        }
    }
    if bits > 0 {
        out.push((acc & 0x7fff) as u16);
    }
    while out.last() == Some(&0) {
        out.pop();
    }
    out
}

/// A magnitude from 15-bit digits, least significant first.
fn from_digits(digits: &[u16]) -> BigUint {
    let mut words = Vec::with_capacity(digits.len() * 15 / 32 + 1);
    let mut acc: u64 = 0;
    let mut bits = 0;
    for &d in digits {
        acc |= (d as u64) << bits;
        bits += LONG_SHIFT;
        if bits >= 32 {
            words.push(acc as u32);
            acc >>= 32;
            bits -= 32;
        }
    }
    if bits > 0 {
        words.push(acc as u32);
    }
    BigUint::new(words)
}

/// `%.17g`, as CPython's `PyOS_double_to_string(x, 'g', 17, 0)`.
fn format_g17(ts: &mut ThreadState, f: f64) -> PyResult<String> {
    match ftpy_vm::format::parse_spec(".17g") {
        Ok(sp) => ftpy_vm::format::format_float_spec(ts, f, &sp),
        Err(_) => Err(ts.system_error("bad float format")),
    }
}

/// The marshalled bytes of `v`.
fn marshal_bytes(ts: &mut ThreadState, v: Value, version: i32) -> PyResult<Vec<u8>> {
    let mut w = Writer::new(ts, version);
    if version >= 3 {
        w.count(ts, v, 1);
    }
    match w.object(ts, v) {
        Ok(()) => Ok(std::mem::take(&mut w.out)),
        Err(WErr::Unmarshallable) => Err(ts.value_error("unmarshallable object")),
        Err(WErr::TooDeep) => Err(ts.value_error("object too deeply nested to marshal")),
        Err(WErr::Py(e)) => Err(e),
    }
}

/// The `version` argument (a C int).
fn version_arg(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    if v.is_null() {
        return Ok(VERSION);
    }
    let i = ops::index(ts, v)?;
    match int::to_i64(i).and_then(|x| i32::try_from(x).ok()) {
        Some(x) => Ok(x),
        None => {
            let msg = if int::to_big(i).is_some_and(|b| b.sign() == Sign::Minus) {
                "Python int too small to convert to C int"
            } else {
                "Python int too large to convert to C int"
            };
            Err(ts.overflow_error(msg))
        }
    }
}

// ---- reading ------------------------------------------------------------------------

/// Where `loads`/`load` read from.
enum Source<'a> {
    Bytes {
        data: &'a [u8],
        pos: usize,
    },
    /// A binary file, read with `readinto` exactly as far as needed.
    File(Value),
}

struct Reader<'a> {
    src: Source<'a>,
    /// The objects read with FLAG_REF, by index (NULL: not finished yet).
    refs: RootedVec,
    depth: usize,
}

/// What `read_object` gives: an object, or TYPE_NULL (the end of a dict).
type Obj = Option<Value>;

impl<'a> Reader<'a> {
    /// `n` bytes; EOFError when the data ends first.
    fn bytes(&mut self, ts: &mut ThreadState, n: usize) -> PyResult<Cow<'a, [u8]>> {
        match &mut self.src {
            Source::Bytes { data, pos } => {
                let d: &'a [u8] = data;
                if d.len() - *pos < n {
                    return Err(ts.eof_error("marshal data too short"));
                }
                let out = &d[*pos..*pos + n];
                *pos += n;
                Ok(Cow::Borrowed(out))
            }
            Source::File(f) => {
                let f = *f;
                match file_read(ts, f, n)? {
                    Some(v) => Ok(Cow::Owned(v)),
                    None => Err(ts.eof_error("EOF read where not expected")),
                }
            }
        }
    }

    /// One byte, or None at the end of the data.
    fn byte(&mut self, ts: &mut ThreadState) -> PyResult<Option<u8>> {
        if let Source::Bytes { data, pos } = &mut self.src {
            let b = data.get(*pos).copied();
            if b.is_some() {
                *pos += 1;
            }
            return Ok(b);
        }
        let Source::File(f) = self.src else {
            return Ok(None);
        };
        Ok(file_read(ts, f, 1)?.and_then(|b| b.first().copied()))
    }

    fn long(&mut self, ts: &mut ThreadState) -> PyResult<i32> {
        let b = self.bytes(ts, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A size field: ValueError "bad marshal data (<what> size out of
    /// range)" when negative.
    fn size(&mut self, ts: &mut ThreadState, what: &str) -> PyResult<usize> {
        let n = self.long(ts)?;
        if n < 0 {
            return Err(ts.value_error(format!("bad marshal data ({what} size out of range)")));
        }
        Ok(n as usize)
    }

    /// A length byte of the short forms.
    fn short_len(&mut self, ts: &mut ThreadState) -> PyResult<usize> {
        match self.byte(ts)? {
            Some(b) => Ok(b as usize),
            None => Err(ts.eof_error("EOF read where not expected")),
        }
    }

    /// Reserves a reference index for an object made after its contents
    /// (tuples, frozensets).
    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(Value::NULL);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, idx: Option<usize>, v: Value) {
        if let Some(i) = idx {
            self.refs[i] = v;
        }
    }

    fn object(&mut self, ts: &mut ThreadState) -> PyResult<Obj> {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH || ts.native_stack_exhausted() {
            Err(ts.value_error("recursion limit exceeded"))
        } else {
            self.object_inner(ts)
        };
        self.depth -= 1;
        r
    }

    /// An object that must be there (not TYPE_NULL).
    fn item(&mut self, ts: &mut ThreadState, what: &str) -> PyResult<Value> {
        match self.object(ts)? {
            Some(v) => Ok(v),
            None => Err(ts.type_error(format!("NULL object in marshal data for {what}"))),
        }
    }

    fn object_inner(&mut self, ts: &mut ThreadState) -> PyResult<Obj> {
        let Some(code) = self.byte(ts)? else {
            return Err(ts.eof_error("EOF read where object expected"));
        };
        let flag = code & FLAG_REF != 0;
        let v = match code & !FLAG_REF {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => Value::NONE,
            TYPE_STOPITER => types().stop_iteration.value(),
            TYPE_ELLIPSIS => Value::ELLIPSIS,
            TYPE_FALSE => Value::FALSE,
            TYPE_TRUE => Value::TRUE,
            TYPE_INT => {
                let x = self.long(ts)?;
                self.keep(flag, int::int_from_i64(ts, x as i64))
            }
            TYPE_INT64 => {
                let b = self.bytes(ts, 8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(&b);
                self.keep(flag, int::int_from_i64(ts, i64::from_le_bytes(a)))
            }
            TYPE_LONG => {
                let v = self.long_obj(ts)?;
                self.keep(flag, v)
            }
            TYPE_FLOAT => {
                let f = self.float_text(ts)?;
                {
                    let v = float::new_float(ts, f);
                    self.keep(flag, v)
                }
            }
            TYPE_BINARY_FLOAT => {
                let f = self.binary_float(ts)?;
                {
                    let v = float::new_float(ts, f);
                    self.keep(flag, v)
                }
            }
            TYPE_COMPLEX => {
                let re = self.float_text(ts)?;
                let im = self.float_text(ts)?;
                let c = ComplexObj::new(ts, re, im);
                self.keep(flag, c)
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.binary_float(ts)?;
                let im = self.binary_float(ts)?;
                let c = ComplexObj::new(ts, re, im);
                self.keep(flag, c)
            }
            TYPE_STRING => {
                let n = self.size(ts, "bytes object")?;
                let b = self.bytes(ts, n)?;
                let v = BytesObj::new(ts, &b);
                self.keep(flag, v)
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let t = code & !FLAG_REF;
                let n = if t == TYPE_ASCII || t == TYPE_ASCII_INTERNED {
                    self.size(ts, "string")?
                } else {
                    self.short_len(ts)?
                };
                let b = self.bytes(ts, n)?;
                let v = decode_native(ts, &b, Native::Latin1, "strict", true, Value::NULL)?.0;
                let v = if t == TYPE_ASCII_INTERNED || t == TYPE_SHORT_ASCII_INTERNED {
                    intern(ts, v)
                } else {
                    v
                };
                self.keep(flag, v)
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.size(ts, "string")?;
                let b = self.bytes(ts, n)?;
                let v = decode_native(ts, &b, Native::Utf8, "surrogatepass", true, Value::NULL)?.0;
                let v = if code & !FLAG_REF == TYPE_INTERNED {
                    intern(ts, v)
                } else {
                    v
                };
                self.keep(flag, v)
            }
            TYPE_SMALL_TUPLE | TYPE_TUPLE => {
                let n = if code & !FLAG_REF == TYPE_SMALL_TUPLE {
                    self.short_len(ts)?
                } else {
                    self.size(ts, "tuple")?
                };
                let idx = self.reserve(flag);
                let mut items = RootedVec::new(ts);
                for _ in 0..n {
                    let x = self.item(ts, "tuple")?;
                    items.push(x);
                }
                let t = TupleObj::new(ts, &items).value();
                self.fill(idx, t);
                t
            }
            TYPE_LIST => {
                let n = self.size(ts, "list")?;
                let l = ListObj::new(ts, &[]);
                self.keep(flag, l.value());
                for _ in 0..n {
                    let x = self.item(ts, "list")?;
                    l.append(ts, x);
                }
                l.value()
            }
            TYPE_DICT => {
                let d = DictObj::new(ts);
                self.keep(flag, d.value());
                while let Some(k) = self.object(ts)? {
                    let Some(v) = self.object(ts)? else { break };
                    d.set_item(ts, k, v)?;
                }
                d.value()
            }
            TYPE_SET | TYPE_FROZENSET => {
                let frozen = code & !FLAG_REF == TYPE_FROZENSET;
                let n = self.size(ts, "set")?;
                let ty = if frozen {
                    types().frozenset
                } else {
                    types().set
                };
                let s = SetObj::new(ts, ty);
                let idx = if frozen {
                    self.reserve(flag)
                } else {
                    self.keep(flag, s.value());
                    None
                };
                for _ in 0..n {
                    let x = self.item(ts, "set")?;
                    s.add(ts, x)?;
                }
                self.fill(idx, s.value());
                s.value()
            }
            TYPE_REF => {
                let n = self.long(ts)?;
                match usize::try_from(n)
                    .ok()
                    .and_then(|i| self.refs.get(i).copied())
                {
                    Some(v) if !v.is_null() => v,
                    _ => return Err(ts.value_error("bad marshal data (invalid reference)")),
                }
            }
            TYPE_CODE => {
                return Err(
                    ts.value_error("bad marshal data (code objects are not supported by ftpy)")
                )
            }
            _ => return Err(ts.value_error("bad marshal data (unknown type code)")),
        };
        Ok(Some(v))
    }

    /// Registers `v` for references when its FLAG_REF was set.
    fn keep(&mut self, flag: bool, v: Value) -> Value {
        if flag {
            self.refs.push(v);
        }
        v
    }

    fn binary_float(&mut self, ts: &mut ThreadState) -> PyResult<f64> {
        let b = self.bytes(ts, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(f64::from_le_bytes(a))
    }

    fn float_text(&mut self, ts: &mut ThreadState) -> PyResult<f64> {
        let Some(n) = self.byte(ts)? else {
            return Err(ts.eof_error("EOF read where not expected"));
        };
        let b = self.bytes(ts, n as usize)?;
        match parse_float_prefix(&b) {
            Some((f, used)) if used == b.len() => Ok(f),
            _ => {
                let text = String::from_utf8_lossy(&b);
                Err(ts.value_error(format!(
                    "could not convert string to float: {}",
                    ftpy_vm::objects::str::repr_str(&text)
                )))
            }
        }
    }

    fn long_obj(&mut self, ts: &mut ThreadState) -> PyResult<Value> {
        let n = self.long(ts)? as i64;
        if !(-SIZE32_MAX..=SIZE32_MAX).contains(&n) {
            return Err(ts.value_error("bad marshal data (long size out of range)"));
        }
        let size = n.unsigned_abs() as usize;
        let mut digits = Vec::new();
        for _ in 0..size {
            let b = self.bytes(ts, 2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d > 0x7fff {
                return Err(ts.value_error("bad marshal data (digit out of range in long)"));
            }
            digits.push(d);
        }
        if digits.last() == Some(&0) {
            return Err(ts.value_error("bad marshal data (unnormalized long data)"));
        }
        let m = from_digits(&digits);
        let b = if m.is_zero() {
            BigInt::zero()
        } else {
            BigInt::from_biguint(if n < 0 { Sign::Minus } else { Sign::Plus }, m)
        };
        Ok(int::int_from_big(ts, b))
    }
}

/// `n` bytes read from a binary file with `readinto`, or None when it
/// gives fewer (the end of the file).
fn file_read(ts: &mut ThreadState, f: Value, n: usize) -> PyResult<Option<Vec<u8>>> {
    if n == 0 {
        return Ok(Some(Vec::new()));
    }
    ts.check_alloc_size(n)?;
    let buf = BytearrayObj::new(ts, types().bytearray, &vec![0; n]);
    let readinto = ftpy_vm::interp::intern(ts, "readinto");
    let r = ops::call_method(ts, f, readinto, &[buf.value()])?;
    let got = if r.is_none() {
        None
    } else {
        let i = ops::index(ts, r)?;
        int::to_i64(i)
    };
    match got {
        Some(g) if g == n as i64 => {
            let mut v = buf.to_vec();
            v.truncate(n);
            Ok(Some(v))
        }
        Some(g) if g > n as i64 => Err(ts.value_error(format!(
            "read() returned too much data: {n} bytes requested, {g} returned"
        ))),
        _ => Ok(None),
    }
}

fn intern(ts: &mut ThreadState, v: Value) -> Value {
    match v.downcast::<StrObj>() {
        Some(s) => intern_str(ts, s).value(),
        None => v,
    }
}

fn read_value(ts: &mut ThreadState, src: Source<'_>) -> PyResult<Value> {
    let mut r = Reader {
        src,
        refs: RootedVec::new(ts),
        depth: 0,
    };
    match r.object(ts)? {
        Some(v) => Ok(v),
        None => Err(ts.type_error("NULL object in marshal data for object")),
    }
}

// ---- the module ---------------------------------------------------------------------

fn dumps(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("marshal.dumps(value, version=version, /)");
    let [value, version] = SIG.bind(ts, args, kw)?;
    let version = version_arg(ts, version)?;
    let out = marshal_bytes(ts, value, version)?;
    Ok(BytesObj::new(ts, &out))
}

fn dump(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("marshal.dump(value, file, version=version, /)");
    let [value, file, version] = SIG.bind(ts, args, kw)?;
    let version = version_arg(ts, version)?;
    let out = marshal_bytes(ts, value, version)?;
    let b = BytesObj::new(ts, &out);
    let write = ftpy_vm::interp::intern(ts, "write");
    ops::call_method(ts, file, write, &[b])
}

fn loads(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("marshal.loads(bytes, /)");
    let [data] = SIG.bind(ts, args, kw)?;
    let b = expect_buffer(ts, data)?;
    read_value(ts, Source::Bytes { data: &b, pos: 0 })
}

fn load(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("marshal.load(file, /)");
    let [file] = SIG.bind(ts, args, kw)?;
    // As CPython: a zero-byte read() first checks that the file is binary.
    let read = ftpy_vm::interp::intern(ts, "read");
    let zero = Value::small_int_unchecked(0);
    let probe = ops::call_method(ts, file, read, &[zero])?;
    if probe.downcast::<BytesObj>().is_none() {
        return Err(ts.type_error(format!(
            "file.read() returned not bytes but {}",
            type_name(probe)
        )));
    }
    read_value(ts, Source::File(file))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(
        ts,
        "Reading and writing Python values in the binary format of .pyc files\n\
(version 4 by default). dumps() and loads() work on bytes, dump() and\n\
load() on binary files. Code objects are not supported by ftpy.",
    );
    m.set_attr(ts, "__doc__", doc);
    m.set_attr(ts, "version", Value::small_int_unchecked(VERSION as i64));
    m.add_function(ts, "dumps", dumps);
    m.add_function(ts, "dump", dump);
    m.add_function(ts, "loads", loads);
    m.add_function(ts, "load", load);
    Ok(())
}
