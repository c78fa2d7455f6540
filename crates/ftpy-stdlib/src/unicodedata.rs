//! `unicodedata`: the Unicode character database, on the
//! `rustpython-unicode` crate (already built for the `_sre` engine), which
//! bundles Rust's current UCD plus the 3.2.0 tables of `ucd_3_2_0`.
//!
//! CPython 3.11 ships Unicode 14.0.0; the crate's database is newer. The
//! code points assigned after 14.0 are masked (see `NEWER`): they answer
//! as unassigned, as on CPython 3.11. Properties that later versions
//! changed for characters that already existed in 14.0 are not masked
//! (a handful of characters).

use std::sync::OnceLock;

use rustpython_unicode::data::{character_name, LookupResult, Ucd};
use rustpython_unicode::normalize::{is_normalized, normalize, NormalizeForm};
use rustpython_wtf8::{CodePoint, Wtf8};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Marker;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::{new_str_wtf8, StrObj};
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::type_name;
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

const UNIDATA_VERSION: &str = "14.0.0";

static UCD_TYPE: OnceLock<Gc<ftpy_vm::objects::typeobj::TypeObj>> = OnceLock::new();

// The generated difference tables (tools/unicodedata_skew.py).
include!("unicodedata_newer.rs");

fn in_ranges(t: &[(u32, u32)], cp: u32) -> bool {
    t.binary_search_by(|&(lo, hi)| {
        if cp < lo {
            std::cmp::Ordering::Greater
        } else if cp > hi {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

/// The 3.11 value of a property the generated table overrides at `cp`.
fn override_of(t: &[(u32, u32, &'static str)], cp: u32) -> Option<&'static str> {
    let i = t
        .binary_search_by(|&(lo, hi, _)| {
            if cp < lo {
                std::cmp::Ordering::Greater
            } else if cp > hi {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .ok()?;
    Some(t[i].2)
}

/// Which database a call consults.
#[derive(Copy, Clone)]
struct Db {
    modern: bool,
}

impl Db {
    fn ucd(self) -> Ucd {
        Ucd::new(self.modern)
    }

    /// Whether `cp` is unassigned in this database (assigned after 14.0
    /// counts as unassigned in the current one).
    fn masked(self, cp: u32) -> bool {
        if self.modern {
            in_ranges(NEWER, cp)
        } else {
            char::from_u32(cp).is_some_and(|c| !self.ucd().membership(c))
        }
    }

    /// Whether CPython 3.11 treats `cp` as unassigned (category Cn), where
    /// every property takes its default.
    fn unassigned(self, cp: u32) -> bool {
        self.modern && (self.masked(cp) || self.ucd().category(self::cp(cp)) == "Cn")
    }

    /// A property of the current database with the 3.11 overrides.
    fn fixed(self, t: &[(u32, u32, &'static str)], cp: u32) -> Option<&'static str> {
        if self.modern {
            override_of(t, cp)
        } else {
            None
        }
    }

    fn in_table(self, t: &[(u32, u32)], cp: u32) -> bool {
        self.modern && in_ranges(t, cp)
    }
}

/// The UCD object `unicodedata.ucd_3_2_0`.
struct UcdObj;

// SAFETY: holds no Values.
unsafe impl NativeData for UcdObj {
    fn trace(&self, _m: &mut Marker) {}
}

/// The receiver of a function: `(database, arguments)`; a module function
/// reads the current database, a `UCD` method the 3.2.0 one.
fn split(args: &[Value]) -> (Db, &[Value]) {
    match args.first() {
        Some(&v) if native::data_of::<UcdObj>(v).is_some() => (Db { modern: false }, &args[1..]),
        _ => (Db { modern: true }, args),
    }
}

/// The one character of `v`, or TypeError "f() argument must be a unicode
/// character, not X".
fn char_arg(ts: &mut ThreadState, fname: &str, v: Value) -> PyResult<u32> {
    match v.downcast::<StrObj>() {
        Some(s) if s.char_len() == 1 => Ok(s.char_at(0)),
        _ => {
            // Functions with a `default` parameter number the argument.
            let which = match fname {
                "name" | "decimal" | "digit" | "numeric" => "argument 1",
                _ => "argument",
            };
            Err(ts.type_error(format!(
                "{fname}() {which} must be a unicode character, not {}",
                type_name(v)
            )))
        }
    }
}

fn str_arg(ts: &mut ThreadState, fname: &str, n: usize, v: Value) -> PyResult<Gc<StrObj>> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            type_name(v)
        ))),
    }
}

fn cp(c: u32) -> CodePoint {
    CodePoint::from_u32(c).unwrap_or(CodePoint::from_char('\u{FFFD}'))
}

fn bind<const N: usize>(
    ts: &mut ThreadState,
    sig: &Sig,
    args: &[Value],
    kw: Kw,
) -> PyResult<(Db, [Value; N])> {
    let (db, rest) = split(args);
    Ok((db, sig.bind(ts, rest, kw)?))
}

fn f_category(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("category(chr, /)");
    let (db, [c]) = bind(ts, &SIG, args, kw)?;
    let c = char_arg(ts, "category", c)?;
    let r = if db.masked(c) {
        "Cn"
    } else {
        db.fixed(CATEGORY, c)
            .unwrap_or_else(|| db.ucd().category(cp(c)))
    };
    Ok(StrObj::new(ts, r))
}

fn f_bidirectional(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bidirectional(chr, /)");
    let (db, [c]) = bind(ts, &SIG, args, kw)?;
    let c = char_arg(ts, "bidirectional", c)?;
    let r = if db.masked(c) || db.unassigned(c) {
        ""
    } else {
        db.fixed(BIDIRECTIONAL, c)
            .unwrap_or_else(|| db.ucd().bidirectional(cp(c)))
    };
    Ok(StrObj::new(ts, r))
}

fn f_east_asian_width(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("east_asian_width(chr, /)");
    let (db, [c]) = bind(ts, &SIG, args, kw)?;
    let c = char_arg(ts, "east_asian_width", c)?;
    let r = if db.masked(c) || db.unassigned(c) {
        "F"
    } else {
        db.fixed(EAST_ASIAN_WIDTH, c)
            .unwrap_or_else(|| db.ucd().east_asian_width(cp(c)))
    };
    Ok(StrObj::new(ts, r))
}

fn f_mirrored(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("mirrored(chr, /)");
    let (db, [c]) = bind(ts, &SIG, args, kw)?;
    let c = char_arg(ts, "mirrored", c)?;
    let r = if db.masked(c) || db.unassigned(c) {
        0
    } else {
        match db.fixed(MIRRORED, c) {
            Some(v) => i32::from(v == "1"),
            None => db.ucd().mirrored(cp(c)),
        }
    };
    Ok(Value::small_int_unchecked(r as i64))
}

fn f_combining(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("combining(chr, /)");
    let (db, [c]) = bind(ts, &SIG, args, kw)?;
    let c = char_arg(ts, "combining", c)?;
    let r = if db.masked(c) || db.unassigned(c) {
        0
    } else {
        db.ucd().combining(cp(c))
    };
    Ok(Value::small_int_unchecked(r as i64))
}

fn f_decomposition(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decomposition(chr, /)");
    let (db, [c]) = bind(ts, &SIG, args, kw)?;
    let c = char_arg(ts, "decomposition", c)?;
    let r = if db.masked(c) || db.in_table(NO_DECOMPOSITION, c) {
        String::new()
    } else {
        match db.fixed(DECOMPOSITION, c) {
            Some(d) => d.to_string(),
            None => db.ucd().decomposition(cp(c)),
        }
    };
    Ok(StrObj::new(ts, &r))
}

/// `decimal` / `digit` / `numeric`: the value, or `default`, or ValueError.
fn number(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    sig: &Sig,
    fname: &str,
    err: &str,
    get: fn(Db, u32) -> Option<Value>,
) -> PyResult<Value> {
    let (db, [c, default]) = bind(ts, sig, args, kw)?;
    let ch = char_arg(ts, fname, c)?;
    let r = if db.masked(ch) || db.unassigned(ch) {
        None
    } else {
        get(db, ch)
    };
    match (r, default.non_null()) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(ts.value_error(err)),
    }
}

fn f_decimal(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decimal(chr, default=<unrepresentable>, /)");
    number(ts, args, kw, &SIG, "decimal", "not a decimal", |db, c| {
        db.ucd()
            .decimal(cp(c))
            .map(|d| Value::small_int_unchecked(d as i64))
    })
}

fn f_digit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("digit(chr, default=<unrepresentable>, /)");
    number(ts, args, kw, &SIG, "digit", "not a digit", |db, c| {
        db.ucd()
            .digit(cp(c))
            .map(|d| Value::small_int_unchecked(d as i64))
    })
}

fn f_numeric(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("numeric(chr, default=<unrepresentable>, /)");
    number(
        ts,
        args,
        kw,
        &SIG,
        "numeric",
        "not a numeric character",
        |db, c| {
            if db.in_table(NO_NUMERIC, c) {
                return None;
            }
            db.ucd().numeric(cp(c)).map(Value::from_f64)
        },
    )
}

fn f_name(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("name(chr, default=<unrepresentable>, /)");
    let (db, [c, default]) = bind(ts, &SIG, args, kw)?;
    let ch = char_arg(ts, "name", c)?;
    let name = match char::from_u32(ch) {
        Some(c) if !db.masked(ch) && !db.in_table(NO_NAME, ch) => character_name(c),
        _ => None,
    };
    match (name, default.non_null()) {
        (Some(n), _) => Ok(StrObj::new(ts, &n)),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(ts.value_error("no such name")),
    }
}

fn f_lookup(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lookup(name, /)");
    let (db, [n]) = bind(ts, &SIG, args, kw)?;
    let name = match n.downcast::<StrObj>() {
        Some(s) => s.as_str().to_string(),
        None => {
            return Err(ts.type_error(format!(
                "lookup() argument must be str, not {}",
                type_name(n)
            )))
        }
    };
    if name.len() > 256 {
        return Err(ts.key_error_msg("name too long"));
    }
    let found = match db.ucd().lookup(&name) {
        Some(LookupResult::Character(c))
            if !db.masked(c as u32) && !db.in_table(NO_NAME, c as u32) =>
        {
            Some(c.to_string())
        }
        Some(LookupResult::Sequence(s)) => {
            let masked = s.chars().any(|c| db.masked(c as u32));
            (!masked).then(|| s.to_string())
        }
        _ => None,
    };
    match found {
        Some(s) => Ok(StrObj::new(ts, &s)),
        None => {
            let msg = format!("undefined character name '{name}'");
            Err(ts.key_error_msg(&msg))
        }
    }
}

fn form_arg(ts: &mut ThreadState, v: Value, fname: &str) -> PyResult<NormalizeForm> {
    let s = str_arg(ts, fname, 1, v)?;
    match s.as_str().parse::<NormalizeForm>() {
        Ok(f) => Ok(f),
        Err(()) => Err(ts.value_error("invalid normalization form")),
    }
}

fn wtf8_of(s: &StrObj) -> &Wtf8 {
    Wtf8::from_bytes(s.as_wtf8()).unwrap_or_else(|| Wtf8::new(""))
}

fn f_normalize(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("normalize(form, unistr, /)");
    let (_db, [form, text]) = bind(ts, &SIG, args, kw)?;
    let form = form_arg(ts, form, "normalize")?;
    let s = str_arg(ts, "normalize", 2, text)?;
    if s.is_ascii() {
        return Ok(text);
    }
    let out = normalize(form, wtf8_of(&s));
    Ok(new_str_wtf8(ts, out.as_bytes()))
}

fn f_is_normalized(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("is_normalized(form, unistr, /)");
    let (_db, [form, text]) = bind(ts, &SIG, args, kw)?;
    let form = form_arg(ts, form, "is_normalized")?;
    let s = str_arg(ts, "is_normalized", 2, text)?;
    Ok(Value::from_bool(is_normalized(form, wtf8_of(&s))))
}

fn get_version(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    native::expect::<UcdObj>(ts, v, "unicodedata.UCD")?;
    Ok(StrObj::new(ts, "3.2.0"))
}

const FUNCTIONS: &[(&str, ftpy_vm::objects::NativeFn)] = &[
    ("bidirectional", f_bidirectional),
    ("category", f_category),
    ("combining", f_combining),
    ("decimal", f_decimal),
    ("decomposition", f_decomposition),
    ("digit", f_digit),
    ("east_asian_width", f_east_asian_width),
    ("is_normalized", f_is_normalized),
    ("lookup", f_lookup),
    ("mirrored", f_mirrored),
    ("name", f_name),
    ("normalize", f_normalize),
    ("numeric", f_numeric),
];

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    for &(name, f) in FUNCTIONS {
        m.add_function(ts, name, f);
    }
    let v = StrObj::new(ts, UNIDATA_VERSION);
    m.set_attr(ts, "unidata_version", v);
    if UCD_TYPE.get().is_none() {
        let t = native::new_type::<UcdObj>(ts, "UCD", "unicodedata", None, false);
        let defs: Vec<_> = FUNCTIONS.iter().map(|&(n, f)| method(n, f)).collect();
        add_methods(ts, t, &defs);
        add_getset(ts, t, "unidata_version", get_version, None);
        native::finish_type(ts, t);
        ftpy_vm::interp::add_global_root(t.value());
        let _ = UCD_TYPE.set(t);
    }
    if let Some(&t) = UCD_TYPE.get() {
        m.set_attr(ts, "UCD", t.value());
        let old = NativeObj::new(ts, t, UcdObj).value();
        m.set_attr(ts, "ucd_3_2_0", old);
    }
    Ok(())
}
