//! `_csv`: the CSV reader and writer under `csv.py`, the `Dialect` type
//! that validates formatting parameters, the dialect registry, and
//! `field_size_limit`.
//!
//! The reader is a character state machine run over each line the input
//! iterator yields (a line's end is an extra "end of line" event), with
//! CPython's states and errors. Fields are collected as code points and
//! become Python objects only when the record is complete, so no heap
//! object is touched while parsing. Nothing of the parse survives between
//! records except `line_num` (an atomic), so a reader needs no lock.
//!
//! The writer turns each field into code points, quoting or escaping as
//! the dialect says, and hands the line to the file's `write`.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::OnceLock;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Marker;
use ftpy_vm::interp::{add_global_root, types};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::{new_str_from_cps, StrObj};
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, int, method};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

const DOC: &str = "CSV parsing and writing.\n\n\
This module provides classes that assist in the reading and writing\n\
of Comma Separated Value (CSV) files, and implements the interface\n\
described by PEP 305.  Although many CSV files are simple to parse,\n\
the format is not formally defined by a stable specification and\n\
is subtle enough that parsing lines of a CSV file with something\n\
like line.split(\",\") is bound to fail.  The module supports three\n\
basic APIs: reading, writing, and registration of dialects.\n";

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

/// The largest field the reader accepts (`field_size_limit`).
static FIELD_LIMIT: AtomicI64 = AtomicI64::new(128 * 1024);

/// `_csv.Error`, the dialect registry (a dict), and the three types.
static ERROR: OnceLock<Value> = OnceLock::new();
static REGISTRY: OnceLock<Gc<DictObj>> = OnceLock::new();
static DIALECT_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
static READER_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
static WRITER_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();

fn csv_error(ts: &mut ThreadState, msg: &str) -> PyErr {
    let Some(&cls) = ERROR.get() else {
        return ts.system_error("_csv not initialized");
    };
    let m = StrObj::new(ts, msg);
    match ops::call(ts, cls, &[m], None) {
        Ok(e) => PyErr::from_exception(e),
        Err(e) => e,
    }
}

fn registry(ts: &mut ThreadState) -> PyResult<Gc<DictObj>> {
    REGISTRY
        .get()
        .copied()
        .ok_or_else(|| ts.system_error("_csv not initialized"))
}

fn not_init<T>(ts: &mut ThreadState, c: &OnceLock<T>) -> PyResult<T>
where
    T: Copy,
{
    c.get()
        .copied()
        .ok_or_else(|| ts.system_error("_csv not initialized"))
}

// ---- Dialect -------------------------------------------------------------------------

/// A validated dialect. Characters are code points; `None` is "not set".
#[derive(Clone)]
struct Dialect {
    delimiter: u32,
    doublequote: bool,
    escapechar: Option<u32>,
    lineterminator: Vec<u32>,
    quotechar: Option<u32>,
    quoting: i64,
    skipinitialspace: bool,
    strict: bool,
}

// SAFETY: no Values.
unsafe impl NativeData for Dialect {
    fn trace(&self, _m: &mut Marker) {}
}

const DIALECT_PARAMS: [&str; 8] = [
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

fn one_char(s: Gc<StrObj>) -> Option<u32> {
    let mut it = s.code_points();
    let c = it.next()?;
    if it.next().is_some() {
        return None;
    }
    Some(c)
}

fn set_char(ts: &mut ThreadState, name: &str, v: Value, dflt: u32) -> PyResult<u32> {
    if v.is_null() {
        return Ok(dflt);
    }
    let Some(s) = v.downcast::<StrObj>() else {
        return Err(ts.type_error(format!("\"{name}\" must be string, not {}", type_name(v))));
    };
    one_char(s).ok_or_else(|| ts.type_error(format!("\"{name}\" must be a 1-character string")))
}

fn set_char_or_none(
    ts: &mut ThreadState,
    name: &str,
    v: Value,
    dflt: Option<u32>,
) -> PyResult<Option<u32>> {
    if v.is_null() {
        return Ok(dflt);
    }
    if v.is_none() {
        return Ok(None);
    }
    let Some(s) = v.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "\"{name}\" must be string or None, not {}",
            type_name(v)
        )));
    };
    match one_char(s) {
        Some(c) => Ok(Some(c)),
        None => Err(ts.type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

fn set_bool(ts: &mut ThreadState, v: Value, dflt: bool) -> PyResult<bool> {
    if v.is_null() {
        Ok(dflt)
    } else {
        ops::truthy(ts, v)
    }
}

/// Builds a dialect from an optional base (a registered name, a
/// `Dialect`, or any object with the attributes) and keyword overrides
/// (`vals` by `DIALECT_PARAMS` position, NULL when not given).
fn make_dialect(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    base: Value,
    mut vals: [Value; 8],
) -> PyResult<Value> {
    let mut base = base;
    if let Some(b) = base.non_null() {
        if b.downcast::<StrObj>().is_some() {
            base = get_dialect_value(ts, b)?;
        }
    }
    if let Some(b) = base.non_null() {
        let dt = not_init(ts, &DIALECT_TYPE)?;
        if vals.iter().all(|v| v.is_null())
            && std::ptr::eq(type_of(b).as_ptr(), dt.as_ptr())
            && std::ptr::eq(cls.as_ptr(), dt.as_ptr())
        {
            return Ok(b);
        }
        for (i, name) in DIALECT_PARAMS.iter().enumerate() {
            if vals[i].is_null() {
                if let Some(v) = ops::getattr_str_opt(ts, b, name)? {
                    vals[i] = v;
                }
            }
        }
    }
    let [delim, dq, esc, lt, qc, quoting, sis, strict] = vals;
    let delimiter = set_char(ts, "delimiter", delim, ',' as u32)?;
    let doublequote = set_bool(ts, dq, true)?;
    let escapechar = set_char_or_none(ts, "escapechar", esc, None)?;
    let lineterminator = if lt.is_null() {
        Some(vec!['\r' as u32, '\n' as u32])
    } else if lt.is_none() {
        None
    } else if let Some(s) = lt.downcast::<StrObj>() {
        Some(s.code_points().collect())
    } else {
        return Err(ts.type_error("\"lineterminator\" must be a string"));
    };
    let quotechar = set_char_or_none(ts, "quotechar", qc, Some('"' as u32))?;
    let mut q = if quoting.is_null() {
        QUOTE_MINIMAL
    } else {
        if !int::is_int(quoting) {
            return Err(ts.type_error("\"quoting\" must be an integer"));
        }
        conv_long(ts, quoting)?
    };
    let skipinitialspace = set_bool(ts, sis, false)?;
    let strict = set_bool(ts, strict, false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&q) {
        return Err(ts.type_error("bad \"quoting\" value"));
    }
    if qc.is_none() && quoting.is_null() {
        q = QUOTE_NONE;
    }
    if q != QUOTE_NONE && quotechar.is_none() {
        return Err(ts.type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = lineterminator else {
        return Err(ts.type_error("lineterminator must be set"));
    };
    let d = Dialect {
        delimiter,
        doublequote,
        escapechar,
        lineterminator,
        quotechar,
        quoting: q,
        skipinitialspace,
        strict,
    };
    Ok(NativeObj::new(ts, cls, d).value())
}

fn conv_long(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    match int::to_i64(v) {
        Some(i) => Ok(i),
        None => Err(ts.overflow_error("Python int too large to convert to C long")),
    }
}

/// Splits a call's keywords into the dialect parameters (`extra` names
/// the leading non-dialect parameters accepted by keyword).
fn dialect_kwargs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<(usize, [Value; 8])> {
    let mut vals = [Value::NULL; 8];
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if let Some(k) = kw {
        for (j, &name) in k.items().iter().enumerate() {
            let n = ftpy_vm::objects::str::as_str(name).unwrap_or("");
            match DIALECT_PARAMS.iter().position(|p| *p == n) {
                Some(i) => vals[i] = args[npos + j],
                None => {
                    return Err(ts.type_error(format!(
                        "'{n}' is an invalid keyword argument for this function"
                    )))
                }
            }
        }
    }
    Ok((npos, vals))
}

fn dialect_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    // `dialect` may also come by keyword.
    let mut base = Value::NULL;
    let mut rest_args = ftpy_vm::gc::RootedVec::new(ts);
    let mut rest_names = ftpy_vm::gc::RootedVec::new(ts);
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if let Some(k) = kw {
        for (j, &name) in k.items().iter().enumerate() {
            if ftpy_vm::objects::str::as_str(name) == Some("dialect") {
                base = args[npos + j];
            } else {
                rest_args.push(args[npos + j]);
                rest_names.push(name);
            }
        }
    }
    // Positional: dialect then the parameters in order.
    if npos > 9 {
        return Err(ts.type_error(format!(
            "Dialect() takes at most 9 arguments ({} given)",
            args.len()
        )));
    }
    let mut vals = [Value::NULL; 8];
    for (i, &a) in args[..npos].iter().enumerate() {
        if i == 0 {
            if !base.is_null() {
                return Err(ts.type_error(
                    "argument for Dialect() given by name ('dialect') and position (1)",
                ));
            }
            base = a;
        } else {
            vals[i - 1] = a;
        }
    }
    let kwt = if rest_names.is_empty() {
        None
    } else {
        Some(TupleObj::new(ts, &rest_names))
    };
    let (_, kvals) = dialect_kwargs(ts, &rest_args, kwt)?;
    for i in 0..8 {
        if !kvals[i].is_null() {
            if !vals[i].is_null() {
                return Err(ts.type_error(format!(
                    "argument for Dialect() given by name ('{}') and position ({})",
                    DIALECT_PARAMS[i],
                    i + 2
                )));
            }
            vals[i] = kvals[i];
        }
    }
    make_dialect(ts, cls, base, vals)
}

/// `Dialect(dialect, **kwargs)` for reader/writer/register_dialect:
/// `kwvals` are the keyword values `kw` names (`dialect=` among them).
fn call_dialect(ts: &mut ThreadState, base: Value, kwvals: &[Value], kw: Kw) -> PyResult<Value> {
    let mut a = ftpy_vm::gc::RootedVec::new(ts);
    if !base.is_null() {
        a.push(base);
    }
    a.extend_from_slice(kwvals);
    let dt = not_init(ts, &DIALECT_TYPE)?;
    dialect_new(ts, dt, &a, kw)
}

fn dialect_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Dialect> {
    native::expect::<Dialect>(ts, v, "_csv.Dialect")
}

fn char_value(ts: &mut ThreadState, c: Option<u32>) -> Value {
    match c {
        Some(c) => ftpy_vm::objects::str::from_code_point(ts, c),
        None => Value::NONE,
    }
}

fn d_delimiter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = dialect_of(ts, v)?;
    Ok(char_value(ts, Some(d.delimiter)))
}
fn d_doublequote(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(dialect_of(ts, v)?.doublequote))
}
fn d_escapechar(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = dialect_of(ts, v)?;
    Ok(char_value(ts, d.escapechar))
}
fn d_lineterminator(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = dialect_of(ts, v)?;
    Ok(new_str_from_cps(ts, &d.lineterminator))
}
fn d_quotechar(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = dialect_of(ts, v)?;
    Ok(char_value(ts, d.quotechar))
}
fn d_quoting(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(dialect_of(ts, v)?.quoting))
}
fn d_skipinitialspace(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(dialect_of(ts, v)?.skipinitialspace))
}
fn d_strict(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(dialect_of(ts, v)?.strict))
}

// ---- the registry ----------------------------------------------------------------------

fn get_dialect_value(ts: &mut ThreadState, name: Value) -> PyResult<Value> {
    let r = registry(ts)?;
    match r.get_item_opt(ts, name)? {
        Some(d) => Ok(d),
        None => Err(csv_error(ts, "unknown dialect")),
    }
}

fn register_dialect(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if npos < 1 {
        return Err(ts.type_error(format!(
            "register_dialect() expected at least 1 argument, got {npos}"
        )));
    }
    if npos > 2 {
        return Err(ts.type_error(format!(
            "register_dialect() expected at most 2 arguments, got {npos}"
        )));
    }
    let name = args[0];
    if name.downcast::<StrObj>().is_none() {
        return Err(ts.type_error("dialect name must be a string"));
    }
    let base = if npos == 2 { args[1] } else { Value::NULL };
    let d = call_dialect(ts, base, &args[npos..], kw)?;
    let r = registry(ts)?;
    r.set_item(ts, name, d)?;
    Ok(Value::NONE)
}

fn unregister_dialect(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unregister_dialect(name)");
    let [name] = SIG.bind(ts, args, kw)?;
    let r = registry(ts)?;
    if !r.del_item_opt(ts, name)? {
        return Err(csv_error(ts, "unknown dialect"));
    }
    Ok(Value::NONE)
}

fn get_dialect(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("get_dialect(name)");
    let [name] = SIG.bind(ts, args, kw)?;
    get_dialect_value(ts, name)
}

fn list_dialects(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list_dialects()");
    let [] = SIG.bind(ts, args, kw)?;
    let r = registry(ts)?;
    let keys = ops::collect(ts, r.value())?;
    Ok(ListObj::new(ts, &keys).value())
}

fn field_size_limit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("field_size_limit(new_limit=None)");
    let [n] = SIG.bind(ts, args, kw)?;
    let old = FIELD_LIMIT.load(Ordering::Relaxed);
    if let Some(n) = n.non_null() {
        if !int::is_int(n) {
            return Err(ts.type_error("limit must be an integer"));
        }
        let v = conv_long(ts, n)?;
        FIELD_LIMIT.store(v, Ordering::Relaxed);
    }
    Ok(int::int_from_i64(ts, old))
}

// ---- the reader --------------------------------------------------------------------------

struct Reader {
    /// The input iterator and the dialect: set at creation, never changed.
    input: Value,
    dialect: Value,
    line_num: AtomicU64,
}

// SAFETY: traces both values.
unsafe impl NativeData for Reader {
    fn trace(&self, m: &mut Marker) {
        m.value(self.input);
        m.value(self.dialect);
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// One record being parsed.
struct Parser<'a> {
    d: &'a Dialect,
    state: State,
    fields: Vec<(Vec<u32>, bool)>,
    field: Vec<u32>,
    /// The field being read is unquoted under QUOTE_NONNUMERIC.
    numeric: bool,
    limit: i64,
}

const NL: u32 = '\n' as u32;
const CR: u32 = '\r' as u32;

impl Parser<'_> {
    fn save_field(&mut self) {
        let f = std::mem::take(&mut self.field);
        self.fields.push((f, self.numeric));
        self.numeric = false;
    }

    fn add_char(&mut self, c: u32) -> Result<(), String> {
        if self.field.len() as i64 >= self.limit {
            return Err(format!("field larger than field limit ({})", self.limit));
        }
        self.field.push(c);
        Ok(())
    }

    fn is_quote(&self, c: u32) -> bool {
        self.d.quoting != QUOTE_NONE && self.d.quotechar == Some(c)
    }

    fn after_line_end(&mut self, c: Option<u32>) {
        self.state = if c.is_none() {
            State::StartRecord
        } else {
            State::EatCrnl
        };
    }

    /// One character, or the end of a line (`None`).
    fn process(&mut self, c: Option<u32>) -> Result<(), String> {
        let d = self.d;
        let is_nl = |c: Option<u32>| matches!(c, None | Some(NL) | Some(CR));
        let mut state = self.state;
        loop {
            match state {
                State::StartRecord => match c {
                    None => return Ok(()),
                    Some(NL) | Some(CR) => {
                        self.state = State::EatCrnl;
                        return Ok(());
                    }
                    _ => {
                        state = State::StartField;
                        continue;
                    }
                },
                State::StartField => {
                    if is_nl(c) {
                        self.save_field();
                        self.after_line_end(c);
                    } else if let Some(ch) = c {
                        if self.is_quote(ch) {
                            self.state = State::InQuotedField;
                        } else if d.escapechar == Some(ch) {
                            self.state = State::EscapedChar;
                        } else if ch == ' ' as u32 && d.skipinitialspace {
                            self.state = State::StartField;
                        } else if ch == d.delimiter {
                            self.save_field();
                            self.state = State::StartField;
                        } else {
                            if d.quoting == QUOTE_NONNUMERIC {
                                self.numeric = true;
                            }
                            self.add_char(ch)?;
                            self.state = State::InField;
                        }
                    }
                    return Ok(());
                }
                State::EscapedChar => {
                    match c {
                        Some(NL) | Some(CR) => {
                            self.add_char(c.unwrap_or(NL))?;
                            self.state = State::AfterEscapedCrnl;
                            return Ok(());
                        }
                        _ => {}
                    }
                    self.add_char(c.unwrap_or(NL))?;
                    self.state = State::InField;
                    return Ok(());
                }
                State::AfterEscapedCrnl => {
                    if c.is_none() {
                        return Ok(());
                    }
                    state = State::InField;
                    continue;
                }
                State::InField => {
                    if is_nl(c) {
                        self.save_field();
                        self.after_line_end(c);
                    } else if let Some(ch) = c {
                        if d.escapechar == Some(ch) {
                            self.state = State::EscapedChar;
                        } else if ch == d.delimiter {
                            self.save_field();
                            self.state = State::StartField;
                        } else {
                            self.add_char(ch)?;
                            self.state = State::InField;
                        }
                    }
                    return Ok(());
                }
                State::InQuotedField => {
                    if let Some(ch) = c {
                        if d.escapechar == Some(ch) {
                            self.state = State::EscapeInQuotedField;
                        } else if self.is_quote(ch) {
                            self.state = if d.doublequote {
                                State::QuoteInQuotedField
                            } else {
                                State::InField
                            };
                        } else {
                            self.add_char(ch)?;
                        }
                    }
                    return Ok(());
                }
                State::EscapeInQuotedField => {
                    self.add_char(c.unwrap_or(NL))?;
                    self.state = State::InQuotedField;
                    return Ok(());
                }
                State::QuoteInQuotedField => {
                    match c {
                        Some(ch) if self.is_quote(ch) => {
                            self.add_char(ch)?;
                            self.state = State::InQuotedField;
                        }
                        Some(ch) if ch == d.delimiter => {
                            self.save_field();
                            self.state = State::StartField;
                        }
                        _ if is_nl(c) => {
                            self.save_field();
                            self.after_line_end(c);
                        }
                        Some(ch) if !d.strict => {
                            self.add_char(ch)?;
                            self.state = State::InField;
                        }
                        _ => {
                            let q = d.quotechar.and_then(char::from_u32).unwrap_or('"');
                            let del = char::from_u32(d.delimiter).unwrap_or(',');
                            return Err(format!("'{del}' expected after '{q}'"));
                        }
                    }
                    return Ok(());
                }
                State::EatCrnl => {
                    match c {
                        Some(NL) | Some(CR) => {}
                        None => self.state = State::StartRecord,
                        Some(_) => {
                            return Err("new-line character seen in unquoted field - \
                                 do you need to open the file in universal-newline mode?"
                                .into())
                        }
                    }
                    return Ok(());
                }
            }
        }
    }
}

fn reader_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Reader> {
    native::expect::<Reader>(ts, v, "_csv.reader")
}

fn reader_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let r = reader_of(ts, v)?;
    let d = dialect_of(ts, r.dialect)?;
    let mut p = Parser {
        d,
        state: State::StartRecord,
        fields: Vec::new(),
        field: Vec::new(),
        numeric: false,
        limit: FIELD_LIMIT.load(Ordering::Relaxed),
    };
    loop {
        let Some(line) = ops::next(ts, r.input)? else {
            if !p.field.is_empty() || p.state == State::InQuotedField {
                if d.strict {
                    return Err(csv_error(ts, "unexpected end of data"));
                }
                p.save_field();
                break;
            }
            return Ok(None);
        };
        let Some(s) = line.downcast::<StrObj>() else {
            return Err(csv_error(
                ts,
                &format!(
                    "iterator should return strings, not {} (the file should be opened in text mode)",
                    type_name(line)
                ),
            ));
        };
        r.line_num.fetch_add(1, Ordering::Relaxed);
        for c in s.code_points() {
            if let Err(m) = p.process(Some(c)) {
                return Err(csv_error(ts, &m));
            }
        }
        if let Err(m) = p.process(None) {
            return Err(csv_error(ts, &m));
        }
        if p.state == State::StartRecord {
            break;
        }
    }
    let out = ListObj::new(ts, &[]);
    let float_type = types().float.value();
    for (f, numeric) in &p.fields {
        let s = new_str_from_cps(ts, f);
        let item = if *numeric {
            ops::call(ts, float_type, &[s], None)?
        } else {
            s
        };
        out.append(ts, item);
    }
    Ok(Some(out.value()))
}

fn self_iter(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn r_dialect(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(reader_of(ts, v)?.dialect)
}

fn r_line_num(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let n = reader_of(ts, v)?.line_num.load(Ordering::Relaxed);
    Ok(int::int_from_i64(ts, n as i64))
}

/// Positional arguments of `reader`/`writer`: (first, dialect or NULL),
/// with `PyArg_UnpackTuple`'s nameless messages.
fn unpack_two(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<(Value, Value, usize)> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if npos < 1 {
        return Err(ts.type_error(format!(" expected at least 1 argument, got {npos}")));
    }
    if npos > 2 {
        return Err(ts.type_error(format!(" expected at most 2 arguments, got {npos}")));
    }
    let d = if npos == 2 { args[1] } else { Value::NULL };
    Ok((args[0], d, npos))
}

fn reader(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (obj, d, npos) = unpack_two(ts, args, kw)?;
    let input = ops::iter(ts, obj)?;
    let dialect = call_dialect(ts, d, &args[npos..], kw)?;
    let t = not_init(ts, &READER_TYPE)?;
    let r = Reader {
        input,
        dialect,
        line_num: AtomicU64::new(0),
    };
    Ok(NativeObj::new(ts, t, r).value())
}

// ---- the writer ---------------------------------------------------------------------------

struct Writer {
    /// The file's bound `write` and the dialect: set at creation.
    write: Value,
    dialect: Value,
}

// SAFETY: traces both values.
unsafe impl NativeData for Writer {
    fn trace(&self, m: &mut Marker) {
        m.value(self.write);
        m.value(self.dialect);
    }
}

fn writer_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Writer> {
    native::expect::<Writer>(ts, v, "_csv.writer")
}

fn writer(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (obj, d, npos) = unpack_two(ts, args, kw)?;
    let write = match ops::getattr_str_opt(ts, obj, "write")? {
        Some(w) if ops::callable(w) => w,
        _ => return Err(ts.type_error("argument 1 must have a \"write\" method")),
    };
    let dialect = call_dialect(ts, d, &args[npos..], kw)?;
    let t = not_init(ts, &WRITER_TYPE)?;
    Ok(NativeObj::new(ts, t, Writer { write, dialect }).value())
}

/// Whether `v` is a number for QUOTE_NONNUMERIC (`PyNumber_Check`).
fn is_number(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    if int::is_int(v) || v.is_float() || types().float.instance_check(v) {
        return Ok(true);
    }
    let ty = type_of(v).value();
    for name in ["__index__", "__int__", "__float__", "__complex__"] {
        if ops::getattr_str_opt(ts, ty, name)?.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Appends one field to the record (`rec`), quoting or escaping as the
/// dialect says.
fn join_append(
    d: &Dialect,
    rec: &mut Vec<u32>,
    num_fields: &mut usize,
    field: &[u32],
    mut quoted: bool,
) -> Result<(), &'static str> {
    // First decide whether the field needs quotes, then write it.
    let mut body: Vec<u32> = Vec::with_capacity(field.len() + 2);
    for &c in field {
        let special = c == d.delimiter
            || d.escapechar == Some(c)
            || d.quotechar == Some(c)
            || d.lineterminator.contains(&c);
        if special {
            let mut want_escape = false;
            if d.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if d.quotechar == Some(c) {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if d.escapechar == Some(c) {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                let Some(e) = d.escapechar else {
                    return Err("need to escape, but no escapechar set");
                };
                body.push(e);
            }
        }
        body.push(c);
    }
    if *num_fields > 0 {
        rec.push(d.delimiter);
    }
    let q = d.quotechar.unwrap_or('"' as u32);
    if quoted {
        rec.push(q);
    }
    rec.extend_from_slice(&body);
    if quoted {
        rec.push(q);
    }
    *num_fields += 1;
    Ok(())
}

fn writerow(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("writer.writerow($self, row, /)");
    let [v, row] = SIG.bind(ts, args, kw)?;
    let w = writer_of(ts, v)?;
    write_row(ts, w, row)
}

fn write_row(ts: &mut ThreadState, w: &Writer, row: Value) -> PyResult<Value> {
    let d = dialect_of(ts, w.dialect)?;
    let it = match ops::iter(ts, row) {
        Ok(it) => it,
        Err(e) if e.matches(types().type_error) => {
            return Err(csv_error(
                ts,
                &format!("iterable expected, not {}", type_name(row)),
            ));
        }
        Err(e) => return Err(e),
    };
    let mut rec: Vec<u32> = Vec::new();
    let mut num_fields = 0usize;
    while let Some(field) = ops::next(ts, it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(ts, field)?,
            QUOTE_ALL => true,
            _ => false,
        };
        let cps: Vec<u32> = if field.is_none() {
            Vec::new()
        } else if let Some(s) = field.downcast::<StrObj>() {
            s.code_points().collect()
        } else {
            let s = ops::str_(ts, field)?;
            s.code_points().collect()
        };
        if let Err(m) = join_append(d, &mut rec, &mut num_fields, &cps, quoted) {
            return Err(csv_error(ts, m));
        }
    }
    if num_fields > 0 && rec.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(csv_error(ts, "single empty field record must be quoted"));
        }
        num_fields -= 1;
        if let Err(m) = join_append(d, &mut rec, &mut num_fields, &[], true) {
            return Err(csv_error(ts, m));
        }
    }
    rec.extend_from_slice(&d.lineterminator);
    let line = new_str_from_cps(ts, &rec);
    ops::call(ts, w.write, &[line], None)
}

fn writerows(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("writer.writerows($self, rows, /)");
    let [v, rows] = SIG.bind(ts, args, kw)?;
    let w = writer_of(ts, v)?;
    let it = ops::iter(ts, rows)?;
    while let Some(row) = ops::next(ts, it)? {
        write_row(ts, w, row)?;
    }
    Ok(Value::NONE)
}

fn w_dialect(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(writer_of(ts, v)?.dialect)
}

// ---- the module ------------------------------------------------------------------------

fn make_error(ts: &mut ThreadState) -> PyResult<Value> {
    let ns = DictObj::new(ts);
    let module = StrObj::new(ts, "_csv");
    ns.set_item_str(ts, "__module__", module);
    let name = StrObj::new(ts, "Error");
    let bases = TupleObj::new(ts, &[types().exception.value()]);
    ops::call(
        ts,
        types().type_.value(),
        &[name, bases.value(), ns.value()],
        None,
    )
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, DOC);
    m.set_attr(ts, "__doc__", doc);
    let v = StrObj::new(ts, "1.0");
    m.set_attr(ts, "__version__", v);
    for (name, q) in [
        ("QUOTE_MINIMAL", QUOTE_MINIMAL),
        ("QUOTE_ALL", QUOTE_ALL),
        ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC),
        ("QUOTE_NONE", QUOTE_NONE),
    ] {
        m.set_attr(ts, name, Value::small_int_unchecked(q));
    }
    let err = match ERROR.get() {
        Some(&e) => e,
        None => {
            let e = make_error(ts)?;
            add_global_root(e);
            *ERROR.get_or_init(|| e)
        }
    };
    m.set_attr(ts, "Error", err);
    let reg = match REGISTRY.get() {
        Some(&r) => r,
        None => {
            let r = DictObj::new(ts);
            add_global_root(r.value());
            *REGISTRY.get_or_init(|| r)
        }
    };
    let _ = reg;

    let dt = match DIALECT_TYPE.get() {
        Some(&t) => t,
        None => {
            let t = native::new_type::<Dialect>(ts, "Dialect", "_csv", None, true);
            t.slots.new.set(Some(dialect_new));
            let getters: [(&'static str, ftpy_vm::objects::GetterFn); 8] = [
                ("delimiter", d_delimiter),
                ("doublequote", d_doublequote),
                ("escapechar", d_escapechar),
                ("lineterminator", d_lineterminator),
                ("quotechar", d_quotechar),
                ("quoting", d_quoting),
                ("skipinitialspace", d_skipinitialspace),
                ("strict", d_strict),
            ];
            for (name, g) in getters {
                add_getset(ts, t, name, g, None);
            }
            let d = StrObj::new(
                ts,
                "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
            );
            ftpy_vm::objects::set_type_attr(ts, t, "__doc__", d);
            native::finish_type(ts, t);
            add_global_root(t.value());
            *DIALECT_TYPE.get_or_init(|| t)
        }
    };
    m.set_attr(ts, "Dialect", dt.value());

    if READER_TYPE.get().is_none() {
        let t = native::new_type::<Reader>(ts, "reader", "_csv", None, false);
        t.slots.iter.set(Some(self_iter));
        t.slots.next.set(Some(reader_next));
        add_getset(ts, t, "dialect", r_dialect, None);
        add_getset(ts, t, "line_num", r_line_num, None);
        native::finish_type(ts, t);
        add_global_root(t.value());
        let _ = READER_TYPE.set(t);
    }
    if WRITER_TYPE.get().is_none() {
        let t = native::new_type::<Writer>(ts, "writer", "_csv", None, false);
        add_methods(
            ts,
            t,
            &[method("writerow", writerow), method("writerows", writerows)],
        );
        add_getset(ts, t, "dialect", w_dialect, None);
        native::finish_type(ts, t);
        add_global_root(t.value());
        let _ = WRITER_TYPE.set(t);
    }
    m.add_function(ts, "reader", reader);
    m.add_function(ts, "writer", writer);
    m.add_function(ts, "register_dialect", register_dialect);
    m.add_function(ts, "unregister_dialect", unregister_dialect);
    m.add_function(ts, "get_dialect", get_dialect);
    m.add_function(ts, "list_dialects", list_dialects);
    m.add_function(ts, "field_size_limit", field_size_limit);
    Ok(())
}
