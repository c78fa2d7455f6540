//! The `builtins` module: `print`, `len`, `isinstance`, `sorted` ... and
//! the built-in types and exceptions by name.

pub mod args;

use std::sync::OnceLock;

use ftpy_compiler::BinaryOp;

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::interp::{intern, interp, names, types};
use crate::object::Gc;
use crate::objects::dict::DictObj;
use crate::objects::function::FunctionObj;
use crate::objects::int;
use crate::objects::list::ListObj;
use crate::objects::module::ModuleObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use args::{check_count, no_kwargs, parse, Sig};

type Kw = Option<Gc<TupleObj>>;

static IMPORT_FN: OnceLock<u64> = OnceLock::new();

/// The original `builtins.__import__` (to tell whether it was replaced).
pub fn builtin_import_value() -> Value {
    match IMPORT_FN.get() {
        // SAFETY: the bits of a function object kept alive by the builtins
        // module (a root) for the process.
        Some(&b) => unsafe { Value::from_bits(b) },
        None => Value::NULL,
    }
}

/// The name CPython uses for a callable in call errors (`f()`).
pub fn callable_name(ts: &mut ThreadState, f: Value) -> String {
    // CPython's _PyObject_FunctionStr: "module.qualname()", without the
    // module for builtins, or str(f) when there is no __qualname__.
    let out = (|| -> Option<String> {
        let Ok(Some(q)) = ops::getattr_opt(ts, f, names().__qualname__) else {
            return ops::str_string(ts, f).ok();
        };
        let q = ops::str_string(ts, q).ok()?;
        match ops::getattr_opt(ts, f, names().__module__) {
            Ok(Some(m)) if !m.is_none() => {
                let m = ops::str_string(ts, m).ok()?;
                if m == "builtins" {
                    Some(format!("{q}()"))
                } else {
                    Some(format!("{m}.{q}()"))
                }
            }
            _ => Some(format!("{q}()")),
        }
    })();
    out.unwrap_or_else(|| format!("{} object", type_name(f)))
}

/// `ascii(v)`.
pub fn ascii_of(ts: &mut ThreadState, v: Value) -> PyResult<String> {
    let r = ops::repr(ts, v)?;
    let mut out = String::new();
    for c in r.as_str().chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    Ok(out)
}

/// A float from a number (`%f` formatting, math functions).
pub fn to_f64(ts: &mut ThreadState, v: Value) -> PyResult<f64> {
    if let Some(f) = crate::objects::float::as_f64(v) {
        return Ok(f);
    }
    if int::is_int(v) {
        return int::int_to_f64(ts, v);
    }
    let ty = type_of(v);
    if let Some(f) = ty.slots.float.get() {
        let r = f(ts, v)?;
        return crate::objects::float::as_f64(r).ok_or_else(|| {
            ts.type_error(format!("{}.__float__ returned non-float", type_name(v)))
        });
    }
    if ty.slots.index.get().is_some() {
        let i = ops::index(ts, v)?;
        return int::int_to_f64(ts, i);
    }
    Err(ts.type_error(format!("must be real number, not {}", type_name(v))))
}

// ---- output ---------------------------------------------------------------------

/// Writes `s` to a file object (fast path for the standard streams).
pub fn write_to(ts: &mut ThreadState, file: Value, s: &str) -> PyResult<()> {
    if let Some(st) = file.downcast::<crate::objects::stream::StreamObj>() {
        if !st.readable && !st.closed.load(std::sync::atomic::Ordering::Relaxed) {
            crate::objects::stream::write_fd(ts, st.fd, s.as_bytes());
            return Ok(());
        }
    }
    let text = StrObj::new(ts, s);
    ops::call_method(ts, file, names().write, &[text])?;
    Ok(())
}

fn sys_stream(ts: &mut ThreadState, name: Gc<StrObj>) -> PyResult<Value> {
    match interp().sys().dict().get_str(name) {
        Some(v) if !v.is_none() => Ok(v),
        _ => Err(ts.runtime_error(format!("lost sys.{}", name.as_str()))),
    }
}

fn b_print(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    let mut sep: Option<Value> = None;
    let mut end: Option<Value> = None;
    let mut file = Value::NONE;
    let mut flush = false;
    if let Some(k) = kw {
        for (i, &name) in k.items().iter().enumerate() {
            let v = args[pos.len() + i];
            match crate::objects::str::as_str(name) {
                Some("sep") => sep = Some(v),
                Some("end") => end = Some(v),
                Some("file") => file = v,
                Some("flush") => flush = ops::truthy(ts, v)?,
                Some(other) => {
                    return Err(ts.type_error(format!(
                        "'{other}' is an invalid keyword argument for print()"
                    )))
                }
                None => return Err(ts.type_error("keywords must be strings")),
            }
        }
    }
    let text_of =
        |ts: &mut ThreadState, v: Option<Value>, default: &str, what: &str| -> PyResult<String> {
            match v {
                None => Ok(default.to_string()),
                Some(x) if x.is_none() => Ok(default.to_string()),
                Some(x) => match x.downcast::<StrObj>() {
                    Some(s) => Ok(s.as_str().to_string()),
                    None => Err(ts.type_error(format!(
                        "{what} must be None or a string, not {}",
                        type_name(x)
                    ))),
                },
            }
        };
    let sep = text_of(ts, sep, " ", "sep")?;
    let end = text_of(ts, end, "\n", "end")?;
    let file = if file.is_none() {
        sys_stream(ts, names().stdout)?
    } else {
        file
    };
    let mut out = String::new();
    for (i, &v) in pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        let s = ops::str_(ts, v)?;
        if s.has_surrogates() {
            // Written on its own, as CPython writes each piece: encoding
            // it may fail after what came before was written.
            write_to(ts, file, &std::mem::take(&mut out))?;
            ops::call_method(ts, file, names().write, &[s.value()])?;
            continue;
        }
        out.push_str(s.as_str());
    }
    out.push_str(&end);
    write_to(ts, file, &out)?;
    if flush {
        ops::call_method(ts, file, names().flush, &[])?;
    }
    Ok(Value::NONE)
}

fn b_input(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "input", kw)?;
    check_count(ts, "input", args, 0, 1)?;
    if let Some(&p) = args.first() {
        let out = sys_stream(ts, names().stdout)?;
        let s = ops::str_(ts, p)?;
        write_to(ts, out, s.as_str())?;
        ops::call_method(ts, out, names().flush, &[])?;
    }
    let stdin = sys_stream(ts, names().stdin)?;
    let line = ops::call_method(ts, stdin, names().readline, &[])?;
    let Some(s) = line.downcast::<StrObj>() else {
        return Err(ts.type_error("object.readline() returned non-string"));
    };
    if s.byte_len() == 0 {
        return Err(ts.eof_error("EOF when reading a line"));
    }
    let t = s
        .as_str()
        .strip_suffix('\n')
        .unwrap_or(s.as_str())
        .to_string();
    Ok(StrObj::new(ts, &t))
}

// ---- simple functions --------------------------------------------------------------

fn one(ts: &mut ThreadState, name: &str, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, name, kw)?;
    if args.len() != 1 {
        return Err(ts.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(args[0])
}

fn b_len(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "len", args, kw)?;
    let n = ops::len(ts, v)?;
    Ok(crate::objects::int::int_from_i64(ts, n as i64))
}

fn b_repr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "repr", args, kw)?;
    Ok(ops::repr(ts, v)?.value())
}

fn b_ascii(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "ascii", args, kw)?;
    let s = ascii_of(ts, v)?;
    Ok(StrObj::new(ts, &s))
}

fn b_abs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "abs", args, kw)?;
    if let Some(i) = v.as_small_int() {
        return Ok(int::int_from_i64(ts, i.abs()));
    }
    if let Some(f) = v.as_float() {
        return Ok(crate::objects::float::new_float(ts, f.abs()));
    }
    ops::abs(ts, v)
}

fn b_all(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "all", args, kw)?;
    let it = ops::iter(ts, v)?;
    while let Some(x) = ops::next(ts, it)? {
        if !ops::truthy(ts, x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn b_any(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "any", args, kw)?;
    let it = ops::iter(ts, v)?;
    while let Some(x) = ops::next(ts, it)? {
        if ops::truthy(ts, x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn radix(ts: &mut ThreadState, v: Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let i = ops::index(ts, v)?;
    let b = int::to_big(i).unwrap_or_default();
    let neg = num_traits::Signed::is_negative(b.as_ref());
    let mag = num_traits::Signed::abs(b.as_ref()).to_str_radix(radix);
    let s = format!("{}{prefix}{mag}", if neg { "-" } else { "" });
    Ok(StrObj::new(ts, &s))
}

fn b_bin(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "bin", args, kw)?;
    radix(ts, v, 2, "0b")
}

fn b_oct(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "oct", args, kw)?;
    radix(ts, v, 8, "0o")
}

fn b_hex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "hex", args, kw)?;
    radix(ts, v, 16, "0x")
}

fn b_callable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "callable", args, kw)?;
    Ok(Value::from_bool(ops::callable(v)))
}

fn b_chr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "chr", args, kw)?;
    let i = ops::index(ts, v)?;
    let Some(n) = int::to_i64(i) else {
        return Err(ts.overflow_error("Python int too large to convert to C int"));
    };
    if !(0..=0x10ffff).contains(&n) {
        return Err(ts.value_error("chr() arg not in range(0x110000)"));
    }
    Ok(crate::objects::str::from_code_point(ts, n as u32))
}

fn b_ord(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "ord", args, kw)?;
    if let Some(s) = v.downcast::<StrObj>() {
        if s.char_len() != 1 {
            return Err(ts.type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            )));
        }
        return Ok(Value::small_int_unchecked(s.char_at(0) as i64));
    }
    if let Some(b) = crate::objects::bytes::bytes_data(v) {
        if b.len() != 1 {
            return Err(ts.type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )));
        }
        return Ok(Value::small_int_unchecked(b[0] as i64));
    }
    Err(ts.type_error(format!(
        "ord() expected string of length 1, but {} found",
        type_name(v)
    )))
}

/// `divmod(a, b)` for ints and floats (exact or subclass); None when one
/// operand is neither.
pub fn numeric_divmod(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Option<Value>> {
    let num = |v: Value| int::is_int(v) || crate::objects::float::is_float(v);
    if !(num(a) && num(b)) {
        return Ok(None);
    }
    if int::is_int(a) && int::is_int(b) {
        if int::to_i64(b) == Some(0) {
            return Err(ts.zero_division_error("integer division or modulo by zero"));
        }
        let q = int::int_floordiv(ts, a, b)?;
        let r = int::int_mod(ts, a, b)?;
        return Ok(Some(TupleObj::new(ts, &[q, r]).value()));
    }
    let x = to_f64(ts, a)?;
    let y = to_f64(ts, b)?;
    if y == 0.0 {
        return Err(ts.zero_division_error("float divmod()"));
    }
    let (q, r) = crate::objects::float::float_divmod(x, y);
    let (q, r) = (
        crate::objects::float::new_float(ts, q),
        crate::objects::float::new_float(ts, r),
    );
    Ok(Some(TupleObj::new(ts, &[q, r]).value()))
}

fn b_divmod(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("divmod(x, y, /)");
    let [a, b] = SIG.bind(ts, args, kw)?;
    if let Some(r) = numeric_divmod(ts, a, b)? {
        return Ok(r);
    }
    if let Some(r) = crate::objects::slots::call_dunder(ts, a, names().__divmod__, &[b])? {
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    if let Some(r) = crate::objects::slots::call_dunder(ts, b, names().__rdivmod__, &[a])? {
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    Err(ts.unsupported_operands("divmod()", a, b))
}

fn b_format(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "format", kw)?;
    check_count(ts, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(&s) => crate::objects::str::expect_str(ts, s, "format() argument 2")?,
        None => interp().empty_str,
    };
    Ok(ops::format(ts, args[0], spec)?.value())
}

fn attr_name(ts: &mut ThreadState, v: Value, fname: &str) -> PyResult<Gc<StrObj>> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => {
            let _ = fname;
            Err(ts.type_error(format!(
                "attribute name must be string, not '{}'",
                type_name(v)
            )))
        }
    }
}

fn b_getattr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "getattr", kw)?;
    check_count(ts, "getattr", args, 2, 3)?;
    let name = attr_name(ts, args[1], "getattr")?;
    match args.get(2) {
        Some(&d) => Ok(ops::getattr_opt(ts, args[0], name)?.unwrap_or(d)),
        None => ops::getattr(ts, args[0], name),
    }
}

fn b_setattr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "setattr", kw)?;
    check_count(ts, "setattr", args, 3, 3)?;
    let name = attr_name(ts, args[1], "setattr")?;
    ops::setattr(ts, args[0], name, Some(args[2]))?;
    Ok(Value::NONE)
}

fn b_delattr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "delattr", kw)?;
    check_count(ts, "delattr", args, 2, 2)?;
    let name = attr_name(ts, args[1], "delattr")?;
    ops::setattr(ts, args[0], name, None)?;
    Ok(Value::NONE)
}

fn b_hasattr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "hasattr", kw)?;
    check_count(ts, "hasattr", args, 2, 2)?;
    let name = attr_name(ts, args[1], "hasattr")?;
    Ok(Value::from_bool(
        ops::getattr_opt(ts, args[0], name)?.is_some(),
    ))
}

fn b_hash(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "hash", args, kw)?;
    let h = ops::hash(ts, v)?;
    Ok(int::int_from_i64(ts, h))
}

fn b_id(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = one(ts, "id", args, kw)?;
    let id = if v.is_ptr() {
        v.addr_unchecked() as u64
    } else {
        v.bits() >> 1
    };
    Ok(int::int_from_u64(ts, id))
}

fn b_isinstance(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "isinstance", kw)?;
    check_count(ts, "isinstance", args, 2, 2)?;
    Ok(Value::from_bool(ops::isinstance(ts, args[0], args[1])?))
}

fn b_issubclass(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "issubclass", kw)?;
    check_count(ts, "issubclass", args, 2, 2)?;
    Ok(Value::from_bool(ops::issubclass(ts, args[0], args[1])?))
}

fn b_iter(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "iter", kw)?;
    check_count(ts, "iter", args, 1, 2)?;
    match args.get(1) {
        Some(&sentinel) => {
            if !ops::callable(args[0]) {
                return Err(ts.type_error("iter(v, w): v must be callable"));
            }
            Ok(crate::objects::iterators::callable_iter(
                ts, args[0], sentinel,
            ))
        }
        None => ops::iter(ts, args[0]),
    }
}

fn b_next(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "next", kw)?;
    check_count(ts, "next", args, 1, 2)?;
    let it = args[0];
    if type_of(it).slots.next.get().is_none() {
        return Err(ts.type_error(format!("'{}' object is not an iterator", type_name(it))));
    }
    if let Some(g) = it.downcast::<crate::objects::generator::GenObj>() {
        return match crate::objects::generator::gen_next_with_value(ts, g) {
            Err(e) if e.matches(types().stop_iteration) && args.len() == 2 => Ok(args[1]),
            r => r,
        };
    }
    match ops::next(ts, it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => Err(ts.stop_iteration(Value::NONE)),
        },
    }
}

/// `min()` / `max()`.
fn minmax(ts: &mut ThreadState, args: &[Value], kw: Kw, is_max: bool) -> PyResult<Value> {
    let fname = if is_max { "max" } else { "min" };
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    let mut key = Value::NONE;
    let mut default = Value::NULL;
    if let Some(k) = kw {
        for (i, &n) in k.items().iter().enumerate() {
            match crate::objects::str::as_str(n) {
                Some("key") => key = args[pos.len() + i],
                Some("default") => default = args[pos.len() + i],
                Some(o) => {
                    return Err(ts.type_error(format!(
                        "{fname}() got an unexpected keyword argument '{o}'"
                    )))
                }
                None => return Err(ts.type_error("keywords must be strings")),
            }
        }
    }
    let items: RootedVec = match pos.len() {
        0 => return Err(ts.type_error(format!("{fname} expected at least 1 argument, got 0"))),
        1 => ops::collect(ts, pos[0])?,
        _ => {
            if !default.is_null() {
                return Err(ts.type_error(format!(
                    "Cannot specify a default for {fname}() with multiple positional arguments"
                )));
            }
            let mut r = RootedVec::new(ts);
            r.extend_from_slice(pos);
            r
        }
    };
    if items.is_empty() {
        if !default.is_null() {
            return Ok(default);
        }
        return Err(ts.value_error(format!("{fname}() arg is an empty sequence")));
    }
    let mut best = items[0];
    let mut best_key = if key.is_none() {
        best
    } else {
        ops::call1(ts, key, best)?
    };
    let mut kroot = RootedVec::new(ts);
    kroot.push(best_key);
    for &x in &items[1..] {
        let k = if key.is_none() {
            x
        } else {
            ops::call1(ts, key, x)?
        };
        kroot.push(k);
        let better = if is_max {
            ops::lt(ts, best_key, k)?
        } else {
            ops::lt(ts, k, best_key)?
        };
        if better {
            best = x;
            best_key = k;
        }
    }
    Ok(best)
}

fn b_max(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    minmax(ts, args, kw, true)
}

fn b_min(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    minmax(ts, args, kw, false)
}

fn b_sum(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = parse(ts, "sum", args, kw, &["", "start"], 1, 2)?;
    let mut acc = a.get(1).unwrap_or(Value::small_int_unchecked(0));
    if acc.downcast::<StrObj>().is_some() {
        return Err(ts.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if acc.downcast::<crate::objects::bytes::BytesObj>().is_some() {
        return Err(ts.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    let it = ops::iter(ts, a.req(0))?;
    while let Some(x) = ops::next(ts, it)? {
        if Value::both_small_ints(acc, x) {
            if let Some(v) = Value::small_int(acc.small_int_value() + x.small_int_value()) {
                acc = v;
                continue;
            }
        }
        if let (Some(p), Some(q)) = (acc.as_float(), x.as_float()) {
            acc = crate::objects::float::new_float(ts, p + q);
            continue;
        }
        acc = ops::add(ts, acc, x)?;
    }
    Ok(acc)
}

fn b_sorted(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if args.len() - nkw != 1 {
        return Err(ts.type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len() - nkw
        )));
    }
    let items = ops::collect(ts, args[0])?;
    let l = ListObj::new(ts, &items);
    let sort = types()
        .list
        .dict()
        .get_str_text("sort")
        .unwrap_or(Value::NONE);
    ops::with_prepended(ts, l.value(), &args[1..], |ts, all| {
        ops::call(ts, sort, all, kw)
    })?;
    Ok(l.value())
}

fn b_pow(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = parse(ts, "pow", args, kw, &["base", "exp", "mod"], 2, 3)?;
    match a.get(2) {
        Some(m) if !m.is_none() => ops::power3(ts, a.req(0), a.req(1), m),
        _ => ops::binary_op(ts, a.req(0), a.req(1), BinaryOp::Power),
    }
}

fn b_round(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = parse(ts, "round", args, kw, &["number", "ndigits"], 1, 2)?;
    let x = a.req(0);
    let nd = a.get(1).filter(|v| !v.is_none());
    if let Some(f) = x.as_float() {
        return match nd {
            None => crate::objects::float::round_to_int(ts, f),
            Some(n) => {
                let n = ops::index(ts, n)?;
                let n = crate::objects::int::to_i64_saturating(n);
                match crate::objects::float::round_float(f, n) {
                    Some(r) => Ok(crate::objects::float::new_float(ts, r)),
                    None => Err(ts.overflow_error("rounded value too large to represent")),
                }
            }
        };
    }
    let Some(r) = type_of(x).lookup(names().__round__) else {
        return Err(ts.type_error(format!(
            "type {} doesn't define __round__ method",
            type_name(x)
        )));
    };
    match nd {
        None => ops::call_unbound(ts, r, x, &[], None),
        Some(n) => ops::call_unbound(ts, r, x, &[n], None),
    }
}

fn caller_frame(ts: &mut ThreadState) -> Option<&'static crate::interpreter::frame::Frame> {
    let f = ts.top_frame();
    if f.is_null() {
        None
    } else {
        // SAFETY: the thread's top frame is live while this builtin runs.
        Some(unsafe { &*f })
    }
}

fn b_globals(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "globals", kw)?;
    check_count(ts, "globals", args, 0, 0)?;
    match caller_frame(ts) {
        Some(f) => Ok(f.globals.value()),
        None => Ok(interp()
            .modules
            .get_str_text("__main__")
            .map(|m| {
                m.downcast::<ModuleObj>()
                    .map(|m| m.dict().value())
                    .unwrap_or(Value::NONE)
            })
            .unwrap_or(Value::NONE)),
    }
}

fn b_locals(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "locals", kw)?;
    check_count(ts, "locals", args, 0, 0)?;
    match caller_frame(ts) {
        Some(f) => Ok(crate::objects::frame::live_locals(ts, f)),
        None => Ok(DictObj::new(ts).value()),
    }
}

fn b_vars(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "vars", kw)?;
    check_count(ts, "vars", args, 0, 1)?;
    match args.first() {
        None => b_locals(ts, &[], None),
        Some(&o) => match ops::getattr_opt(ts, o, names().__dict__)? {
            Some(d) => Ok(d),
            None => Err(ts.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn b_dir(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "dir", kw)?;
    check_count(ts, "dir", args, 0, 1)?;
    let keys = match args.first() {
        None => {
            let l = b_locals(ts, &[], None)?;
            let items = match l.downcast::<DictObj>() {
                Some(d) => d.items_rooted(ts),
                None => RootedVec::new(ts),
            };
            let mut r = RootedVec::new(ts);
            for p in items.chunks(2) {
                r.push(p[0]);
            }
            r
        }
        Some(&o) => {
            let d = ops::call_method(ts, o, names().__dir__, &[])?;
            ops::collect(ts, d)?
        }
    };
    let l = ListObj::new(ts, &keys);
    let sort = types()
        .list
        .dict()
        .get_str_text("sort")
        .unwrap_or(Value::NONE);
    ops::call1(ts, sort, l.value())?;
    Ok(l.value())
}

// ---- compile / exec / eval -----------------------------------------------------------

fn source_text(ts: &mut ThreadState, v: Value, fname: &str) -> PyResult<String> {
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok(s.as_str().to_string());
    }
    if let Some(b) = crate::objects::bytes::bytes_data(v) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    Err(ts.type_error(format!(
        "{fname}() arg 1 must be a string, bytes or code object"
    )))
}

fn b_compile(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = parse(
        ts,
        "compile",
        args,
        kw,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
        6,
    )?;
    let src = a.req(0);
    if src.downcast::<crate::objects::code::CodeObj>().is_some() {
        return Ok(src);
    }
    let text = source_text(ts, src, "compile")?;
    let filename = ops::str_string(ts, a.req(1))?;
    let mode = crate::objects::str::expect_str(ts, a.req(2), "compile() mode")?.to_string();
    let mode = match mode.as_str() {
        "exec" => ftpy_compiler::Mode::Exec,
        "eval" => ftpy_compiler::Mode::Eval,
        "single" => ftpy_compiler::Mode::Single,
        _ => return Err(ts.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let flags = match a.get(3) {
        Some(f) => int::to_i64(f).unwrap_or(0),
        None => 0,
    };
    if flags & 0x400 != 0 {
        // PyCF_ONLY_AST: the ast module is not available yet.
        return Err(ts.not_implemented_error("compile() to an AST is not supported by ftpy yet"));
    }
    let code = crate::compile_source(ts, &text, &filename, mode)?;
    Ok(code.value())
}

fn exec_or_eval(ts: &mut ThreadState, args: &[Value], kw: Kw, is_eval: bool) -> PyResult<Value> {
    let fname = if is_eval { "eval" } else { "exec" };
    let a = parse(
        ts,
        fname,
        args,
        kw,
        &["source", "globals", "locals", "closure"],
        1,
        3,
    )?;
    let src = a.req(0);
    let caller = caller_frame(ts);
    let globals = match a.get(1).filter(|v| !v.is_none()) {
        Some(g) => match g.downcast::<DictObj>() {
            Some(d) => d,
            None => {
                return Err(ts.type_error(format!(
                    "{fname}() globals must be a dict, not {}",
                    type_name(g)
                )))
            }
        },
        None => match caller {
            Some(f) => f.globals,
            None => DictObj::new(ts),
        },
    };
    let locals = match a.get(2).filter(|v| !v.is_none()) {
        Some(l) => l,
        None => {
            if a.get(1).filter(|v| !v.is_none()).is_some() {
                globals.value()
            } else {
                match caller {
                    Some(f) => crate::objects::frame::live_locals(ts, f),
                    None => globals.value(),
                }
            }
        }
    };
    if globals.get_str(names().__builtins__).is_none() {
        globals.set_item(ts, names().__builtins__.value(), interp().builtins.value())?;
    }
    let code = match src.downcast::<crate::objects::code::CodeObj>() {
        Some(c) => c,
        None => {
            let text = source_text(ts, src, fname)?;
            let text = if is_eval {
                text.trim_start_matches([' ', '\t']).to_string()
            } else {
                text
            };
            let mode = if is_eval {
                ftpy_compiler::Mode::Eval
            } else {
                ftpy_compiler::Mode::Exec
            };
            crate::compile_source(ts, &text, "<string>", mode)?
        }
    };
    let closure = a.get(3).unwrap_or(Value::NULL);
    let r = crate::interpreter::run_code(ts, code, globals, locals, closure)?;
    Ok(if is_eval { r } else { Value::NONE })
}

fn b_exec(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    exec_or_eval(ts, args, kw, false)
}

fn b_eval(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    exec_or_eval(ts, args, kw, true)
}

fn b_import(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = parse(
        ts,
        "__import__",
        args,
        kw,
        &["name", "globals", "locals", "fromlist", "level"],
        1,
        5,
    )?;
    let name = crate::objects::str::expect_str(ts, a.req(0), "__import__() argument 1")?;
    let globals = a.get(1).unwrap_or(Value::NONE);
    let fromlist = a.get(3).unwrap_or(Value::NONE);
    let level = match a.get(4) {
        Some(l) => ops::index_to_i64(ts, l)?,
        None => 0,
    };
    crate::import::import_module_level(ts, name, globals, fromlist, level)
}

fn b_open(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Err(ts.not_implemented_error(
        "open() is not available in ftpy yet (the io module is the next step)",
    ))
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn b_build_class(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    if pos.len() < 2 {
        return Err(ts.type_error("__build_class__: not enough arguments"));
    }
    let Some(func) = pos[0].downcast::<FunctionObj>() else {
        return Err(ts.type_error("__build_class__: func must be a function"));
    };
    let name = pos[1];
    if name.downcast::<StrObj>().is_none() {
        return Err(ts.type_error("__build_class__: name is not a string"));
    }
    // Resolve __mro_entries__ (PEP 560).
    let orig_bases = &pos[2..];
    let mut bases = RootedVec::new(ts);
    let mut changed = false;
    for &b in orig_bases {
        if b.downcast::<TypeObj>().is_none() {
            if let Some(me) = ops::getattr_opt(ts, b, names().__mro_entries__)? {
                let ob = TupleObj::new(ts, orig_bases);
                let r = ops::call1(ts, me, ob.value())?;
                let Some(rt) = r.downcast::<TupleObj>() else {
                    return Err(ts.type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend_from_slice(rt.items());
                changed = true;
                continue;
            }
        }
        bases.push(b);
    }
    // Keywords: metaclass is taken out.
    let mut meta: Option<Value> = None;
    let mut kwnames = RootedVec::new(ts);
    let mut kwvals = RootedVec::new(ts);
    if let Some(k) = kw {
        for (i, &n) in k.items().iter().enumerate() {
            let v = args[pos.len() + i];
            if crate::objects::str::as_str(n) == Some("metaclass") {
                meta = Some(v);
            } else {
                kwnames.push(n);
                kwvals.push(v);
            }
        }
    }
    let is_class_meta = meta
        .map(|m| m.downcast::<TypeObj>().is_some())
        .unwrap_or(true);
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(&b) => type_of(b).value(),
            None => types().type_.value(),
        },
    };
    if is_class_meta {
        // The most derived metaclass.
        if let Some(mut winner) = meta.downcast::<TypeObj>() {
            for &b in bases.iter() {
                let bt = type_of(b);
                if winner.is_subtype(bt) {
                    continue;
                }
                if bt.is_subtype(winner) {
                    winner = bt;
                    continue;
                }
                return Err(ts.type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
            meta = winner.value();
        }
    }
    let bases_t = TupleObj::new(ts, &bases);
    let kwn = if kwnames.is_empty() {
        None
    } else {
        Some(TupleObj::new(ts, &kwnames))
    };
    // The namespace from __prepare__.
    let ns = match ops::getattr_opt(ts, meta, names().__prepare__)? {
        Some(prep) => {
            let mut all = RootedVec::new(ts);
            all.push(name);
            all.push(bases_t.value());
            all.extend_from_slice(&kwvals);
            let v: Vec<Value> = all.to_vec();
            ops::call(ts, prep, &v, kwn)?
        }
        None => DictObj::new(ts).value(),
    };
    let cell =
        crate::interpreter::run_code(ts, func.code(), func.globals(), ns, func.closure.get())?;
    if changed {
        if let Some(d) = ns.downcast::<DictObj>() {
            let ob = TupleObj::new(ts, orig_bases);
            d.set_item_str(ts, "__orig_bases__", ob.value());
        }
    }
    let mut all = RootedVec::new(ts);
    all.push(name);
    all.push(bases_t.value());
    all.push(ns);
    all.extend_from_slice(&kwvals);
    let v: Vec<Value> = all.to_vec();
    let cls = ops::call(ts, meta, &v, kwn)?;
    if let Some(c) = cell.downcast::<crate::objects::cell::CellObj>() {
        if c.value.get().is_null() {
            c.value.set(cls);
        }
    }
    Ok(cls)
}

fn b_breakpoint(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Err(ts.not_implemented_error("breakpoint() is not available in ftpy yet"))
}

/// Builds the builtins module.
pub fn make_module(ts: &mut ThreadState) -> Gc<ModuleObj> {
    let m = ModuleObj::new(ts, "builtins");
    let d = m.dict();
    let funcs: &[(&str, crate::objects::NativeFn)] = &[
        ("print", b_print),
        ("input", b_input),
        ("len", b_len),
        ("repr", b_repr),
        ("ascii", b_ascii),
        ("abs", b_abs),
        ("all", b_all),
        ("any", b_any),
        ("bin", b_bin),
        ("oct", b_oct),
        ("hex", b_hex),
        ("callable", b_callable),
        ("chr", b_chr),
        ("ord", b_ord),
        ("divmod", b_divmod),
        ("format", b_format),
        ("getattr", b_getattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("hasattr", b_hasattr),
        ("hash", b_hash),
        ("id", b_id),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("iter", b_iter),
        ("next", b_next),
        ("max", b_max),
        ("min", b_min),
        ("sum", b_sum),
        ("sorted", b_sorted),
        ("pow", b_pow),
        ("round", b_round),
        ("globals", b_globals),
        ("locals", b_locals),
        ("vars", b_vars),
        ("dir", b_dir),
        ("compile", b_compile),
        ("exec", b_exec),
        ("eval", b_eval),
        ("__import__", b_import),
        ("__build_class__", b_build_class),
        ("open", b_open),
        ("breakpoint", b_breakpoint),
        ("aiter", crate::objects::anext_awaitable::builtin_aiter),
        ("anext", crate::objects::anext_awaitable::builtin_anext),
    ];
    for &(name, f) in funcs {
        m.add_function(ts, name, f);
    }
    if let Some(imp) = d.get_str_text("__import__") {
        let _ = IMPORT_FN.set(imp.bits());
    }
    let t = types();
    for (ty, name) in t.all() {
        if ty.has_flag(crate::objects::typeobj::tflags::INTERNAL)
            || name.contains("iterator")
            || name.starts_with("dict_")
        {
            continue;
        }
        let skip = [
            "NoneType",
            "NotImplementedType",
            "ellipsis",
            "function",
            "builtin_function_or_method",
            "method_descriptor",
            "classmethod_descriptor",
            "wrapper_descriptor",
            "getset_descriptor",
            "method",
            "code",
            "cell",
            "module",
            "traceback",
            "frame",
            "generator",
            "coroutine",
            "async_generator",
            "TextIOWrapper",
            "async_generator_asend",
            "async_generator_athrow",
            "coroutine_wrapper",
            "anext_awaitable",
            "mappingproxy",
        ];
        if skip.contains(&name) {
            continue;
        }
        d.set_item_str(ts, name, ty.value());
    }
    for ty in t.exceptions.lock().clone() {
        let n = ty.name_str();
        d.set_item_str(ts, n, ty.value());
    }
    let os = t.os_error.value();
    d.set_item_str(ts, "EnvironmentError", os);
    d.set_item_str(ts, "IOError", os);
    d.set_item_str(ts, "None", Value::NONE);
    d.set_item_str(ts, "True", Value::TRUE);
    d.set_item_str(ts, "False", Value::FALSE);
    d.set_item_str(ts, "Ellipsis", Value::ELLIPSIS);
    d.set_item_str(ts, "NotImplemented", Value::NOT_IMPLEMENTED);
    d.set_item_str(ts, "__debug__", Value::TRUE);
    let _ = intern(ts, "__builtins__");
    m
}
