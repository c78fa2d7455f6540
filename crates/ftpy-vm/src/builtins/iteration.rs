//! Builtins that consume iterables: `all`, `any`, `iter`, `next`, `min`,
//! `max`, `sum`, `sorted`.

use ftpy_compiler::CompareOp;

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::interp::types;
use crate::objects::int;
use crate::objects::list::ListObj;
use crate::objects::typeobj::{type_name, type_of};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use super::args::Sig;
use super::Kw;

pub(super) fn b_all(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("all(iterable, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let it = ops::iter(ts, v)?;
    while let Some(x) = ops::next(ts, it)? {
        if !ops::truthy(ts, x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

pub(super) fn b_any(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("any(iterable, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let it = ops::iter(ts, v)?;
    while let Some(x) = ops::next(ts, it)? {
        if ops::truthy(ts, x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

pub(super) fn b_iter(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("iter(object, sentinel=<unrepresentable>, /)").without_text_signature();
    let [obj, sentinel] = SIG.bind(ts, args, kw)?;
    if sentinel.is_null() {
        return ops::iter(ts, obj);
    }
    if !ops::callable(obj) {
        return Err(ts.type_error("iter(v, w): v must be callable"));
    }
    Ok(crate::objects::iterators::callable_iter(ts, obj, sentinel))
}

pub(super) fn b_next(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("next(iterator, default=<unrepresentable>, /)").without_text_signature();
    let [it, default] = SIG.bind(ts, args, kw)?;
    if type_of(it).slots.next.get().is_none() {
        return Err(ts.type_error(format!("'{}' object is not an iterator", type_name(it))));
    }
    if let Some(g) = it.downcast::<crate::objects::generator::GenObj>() {
        // A generator's StopIteration carries its return value.
        return match crate::objects::generator::gen_next_with_value(ts, g) {
            Err(e) if e.matches(types().stop_iteration) && !default.is_null() => Ok(default),
            r => r,
        };
    }
    match ops::next(ts, it)? {
        Some(v) => Ok(v),
        None if !default.is_null() => Ok(default),
        None => Err(ts.stop_iteration(Value::NONE)),
    }
}

/// `min()` / `max()`: one iterable or several positional arguments,
/// keyword-only `key` and `default`. Items are compared as they are
/// produced (`item < best` for min, `item > best` for max), as CPython
/// does, so key calls and comparisons interleave with iteration.
fn minmax(ts: &mut ThreadState, args: &[Value], kw: Kw, is_max: bool) -> PyResult<Value> {
    let fname = if is_max { "max" } else { "min" };
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    if pos.is_empty() {
        return Err(ts.type_error(format!("{fname} expected at least 1 argument, got 0")));
    }
    let mut key = Value::NONE;
    let mut default = Value::NULL;
    if let Some(k) = kw {
        for (i, &n) in k.items().iter().enumerate() {
            match crate::objects::str::as_str(n) {
                Some("key") => key = args[pos.len() + i],
                Some("default") => default = args[pos.len() + i],
                Some(o) => {
                    return Err(ts.type_error(format!(
                        "'{o}' is an invalid keyword argument for {fname}()"
                    )))
                }
                None => return Err(ts.type_error("keywords must be strings")),
            }
        }
    }
    let positional = pos.len() > 1;
    if positional && !default.is_null() {
        return Err(ts.type_error(format!(
            "Cannot specify a default for {fname}() with multiple positional arguments"
        )));
    }
    let source = if positional {
        crate::objects::tuple::TupleObj::new(ts, pos).value()
    } else {
        pos[0]
    };
    let it = ops::iter(ts, source)?;
    let op = if is_max { CompareOp::Gt } else { CompareOp::Lt };
    let mut best = Value::NULL;
    let mut best_key = Value::NULL;
    while let Some(x) = ops::next(ts, it)? {
        let k = if key.is_none() {
            x
        } else {
            ops::call1(ts, key, x)?
        };
        if best.is_null() || ops::compare_bool(ts, k, best_key, op)? {
            best = x;
            best_key = k;
        }
    }
    if best.is_null() {
        if !default.is_null() {
            return Ok(default);
        }
        return Err(ts.value_error(format!("{fname}() arg is an empty sequence")));
    }
    Ok(best)
}

pub(super) fn b_max(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    minmax(ts, args, kw, true)
}

pub(super) fn b_min(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    minmax(ts, args, kw, false)
}

/// `sum(iterable, /, start=0)`, with CPython's fast paths: exact ints are
/// added in machine words while they fit; once the total is an exact
/// float, floats and word-sized ints are added as doubles (so an int
/// subclass's `__radd__` is not consulted there, as in CPython).
pub(super) fn b_sum(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sum(iterable, /, start=0)");
    let [iterable, start] = SIG.bind(ts, args, kw)?;
    let t = types();
    let mut acc = start.non_null().unwrap_or(Value::small_int_unchecked(0));
    if type_of(acc).is_subtype(t.str) {
        return Err(ts.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if type_of(acc).is_subtype(t.bytes) {
        return Err(ts.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if type_of(acc).is_subtype(t.bytearray) {
        return Err(ts.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = ops::iter(ts, iterable)?;
    // Exact int total in a machine word.
    if type_of(acc) == t.int {
        if let Some(mut total) = int::to_i64(acc) {
            loop {
                let Some(x) = ops::next(ts, it)? else {
                    return Ok(int::int_from_i64(ts, total));
                };
                let ty = type_of(x);
                if ty == t.int || ty == t.bool {
                    if let Some(s) = int::to_i64(x).and_then(|b| total.checked_add(b)) {
                        total = s;
                        continue;
                    }
                }
                let so_far = int::int_from_i64(ts, total);
                acc = ops::add(ts, so_far, x)?;
                break;
            }
        }
    }
    // Exact float total as a double.
    if type_of(acc) == t.float {
        let mut total = crate::objects::float::as_f64(acc).unwrap_or(0.0);
        loop {
            let Some(x) = ops::next(ts, it)? else {
                return Ok(crate::objects::float::new_float(ts, total));
            };
            if type_of(x) == t.float {
                total += crate::objects::float::as_f64(x).unwrap_or(0.0);
                continue;
            }
            if int::is_int(x) {
                if let Some(i) = int::to_i64(x) {
                    total += i as f64;
                    continue;
                }
            }
            let so_far = crate::objects::float::new_float(ts, total);
            acc = ops::add(ts, so_far, x)?;
            break;
        }
    }
    while let Some(x) = ops::next(ts, it)? {
        acc = ops::add(ts, acc, x)?;
    }
    Ok(acc)
}

pub(super) fn b_sorted(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sorted(iterable, /, *, key=None, reverse=False)");
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if npos != 1 {
        return Err(ts.type_error(format!("sorted expected 1 argument, got {npos}")));
    }
    let bound = SIG.bind(ts, args, kw);
    let items: RootedVec = ops::collect(ts, args[0])?;
    let l = ListObj::new(ts, &items);
    match bound {
        Ok([_, key, reverse]) => crate::objects::list::sort(ts, l, key, reverse)?,
        // A bad keyword: list.sort reports it, as CPython's sorted has it
        // do (after consuming the iterable).
        Err(_) => {
            let sort = ops::getattr_str(ts, l.value(), "sort")?;
            ops::call(ts, sort, &args[1..], kw)?;
        }
    }
    Ok(l.value())
}
