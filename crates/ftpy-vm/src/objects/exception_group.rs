//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654), and the two
//! operations `except*` compiles to (`CHECK_EG_MATCH`, `PREP_RERAISE_STAR`).
//!
//! A group is an ordinary exception object (`ExcObj`) whose `group` slot
//! holds the pair `(message, exceptions)`, `exceptions` a non-empty tuple
//! of exceptions; `args` keeps what the constructor was given.
//!
//! # Splitting
//! `split(condition)` walks the tree: a node that matches as a whole goes
//! to the match side unchanged; a leaf that does not match goes to the
//! rest; a group that matches partly is rebuilt on each side with
//! `derive()`, and the new group gets the original's `__traceback__`,
//! `__cause__`, `__context__` and a copy of its `__notes__`. A side with
//! nothing is None; a full match returns the group itself.
//!
//! # except*
//! Each `except* T` clause takes the part of the exception that matches T
//! (`CHECK_EG_MATCH`); the exceptions the clauses raise and the unmatched
//! rest are collected in a list, and `PREP_RERAISE_STAR` turns the list
//! into the exception to re-raise: the re-raised parts keep the original
//! group's structure (a projection of it to the re-raised leaves), the
//! newly raised ones are grouped with it in a new `ExceptionGroup("", ...)`.

use std::collections::HashSet;

use crate::error::PyResult;
use crate::interp::{intern, names, types, BuiltinTypes};
use crate::object::Gc;
use crate::objects::exception::ExcObj;
use crate::objects::list::ListObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// The exception group types: `BaseExceptionGroup`, `ExceptionGroup`.
fn eg_types() -> (Gc<TypeObj>, Gc<TypeObj>) {
    let b = crate::objects::exception::exception_type("BaseExceptionGroup");
    let e = crate::objects::exception::exception_type("ExceptionGroup");
    match (b, e) {
        (Some(b), Some(e)) => (b, e),
        _ => (types().base_exception, types().exception),
    }
}

/// Whether `v` is an exception group (made by the group constructor).
pub fn is_group(v: Value) -> bool {
    v.downcast::<ExcObj>()
        .map(|e| parts(e).is_some())
        .unwrap_or(false)
}

/// `(message, exceptions)` of a group.
fn parts(e: Gc<ExcObj>) -> Option<(Value, Gc<TupleObj>)> {
    let (base_eg, _) = eg_types();
    if !e.header.ty().is_subtype(base_eg) {
        return None;
    }
    let msg = e.field(0).non_null()?;
    let excs = e.field(1).downcast::<TupleObj>()?;
    Some((msg, excs))
}

/// The sub-exceptions of a group (empty for anything else).
pub fn exceptions_of(v: Value) -> Option<Gc<TupleObj>> {
    parts(v.downcast::<ExcObj>()?).map(|p| p.1)
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<(Gc<ExcObj>, Value, Gc<TupleObj>)> {
    if let Some(e) = v.downcast::<ExcObj>() {
        if let Some((m, x)) = parts(e) {
            return Ok((e, m, x));
        }
    }
    Err(ts.type_error(format!(
        "descriptor requires a 'BaseExceptionGroup' object but received '{}'",
        type_name(v)
    )))
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
fn eg_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    if pos.len() != 2 {
        return Err(ts.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    }
    let (message, excs_arg) = (pos[0], pos[1]);
    if message.downcast::<StrObj>().is_none() {
        return Err(ts.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            if message.is_none() {
                "None"
            } else {
                type_name(message)
            }
        )));
    }
    let is_seq = excs_arg
        .downcast::<crate::objects::dict::DictObj>()
        .is_none()
        && type_of(excs_arg).lookup(names().__getitem__).is_some();
    if !is_seq {
        return Err(ts.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = ops::collect(ts, excs_arg)?;
    if items.is_empty() {
        return Err(ts.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, &x) in items.iter().enumerate() {
        if x.downcast::<ExcObj>().is_none() {
            return Err(ts.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !types().exception.instance_check(x) {
            nested_base = true;
        }
    }
    let (base_eg, eg) = eg_types();
    let mut cls = cls;
    if cls == base_eg {
        if !nested_base {
            cls = eg;
        }
    } else if cls == eg {
        if nested_base {
            return Err(ts.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base && cls.is_subtype(types().exception) {
        return Err(ts.type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            cls.name_str()
        )));
    }
    let excs = TupleObj::new(ts, &items);
    let e = ExcObj::new(ts, cls, pos);
    e.set_field(ts, 0, message);
    e.set_field(ts, 1, excs.value());
    Ok(e.value())
}

/// `BaseExceptionGroup.__init__`: no keywords; sets `args`.
fn eg_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if nkw > 0 {
        return Err(ts.type_error(format!("{}() takes no keyword arguments", type_name(v))));
    }
    let e = v
        .downcast::<ExcObj>()
        .ok_or_else(|| ts.type_error("expected an exception group"))?;
    let t = TupleObj::new(ts, args);
    e.args.set(t.value());
    Ok(())
}

/// `BaseExceptionGroup(message, excs)`: the constructor's class choice.
pub fn make_group(ts: &mut ThreadState, message: Value, excs: Value) -> PyResult<Value> {
    let (base_eg, _) = eg_types();
    ops::call(ts, base_eg.value(), &[message, excs], None)
}

fn eg_str(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let (_, msg, excs) = this(ts, v)?;
    let m = ops::str_string(ts, msg)?;
    let n = excs.len();
    let s = format!("{m} ({n} sub-exception{})", if n == 1 { "" } else { "s" });
    Ok(StrObj::new(ts, &s))
}

fn get_message(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.1)
}

fn get_exceptions(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.2.value())
}

fn readonly(ts: &mut ThreadState, _v: Value, _x: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg("readonly attribute"))
}

fn m_derive(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let (_, msg, _) = this(ts, args[0])?;
    if args.len() != 2 {
        return Err(ts.type_error(format!(
            "BaseExceptionGroup.derive() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let (base_eg, _) = eg_types();
    ops::call(ts, base_eg.value(), &[msg, args[1]], None)
}

/// How `split`/`subgroup` decide which leaves match.
enum Matcher<'a> {
    /// An exception class or a tuple of them.
    Type(Value),
    /// A Python function called with each node.
    Predicate(Value),
    /// Leaves whose identity is in the set (PREP_RERAISE_STAR).
    Ids(&'a HashSet<u64>),
}

fn matcher_of(ts: &mut ThreadState, cond: Value) -> PyResult<Matcher<'static>> {
    if cond
        .downcast::<crate::objects::function::FunctionObj>()
        .is_some()
    {
        return Ok(Matcher::Predicate(cond));
    }
    let is_exc_class = |v: Value| {
        v.downcast::<TypeObj>()
            .map(|t| t.is_subtype(types().base_exception))
            .unwrap_or(false)
    };
    if is_exc_class(cond) {
        return Ok(Matcher::Type(cond));
    }
    if let Some(t) = cond.downcast::<TupleObj>() {
        if type_of(cond) == types().tuple && t.items().iter().all(|&x| is_exc_class(x)) {
            return Ok(Matcher::Type(cond));
        }
    }
    Err(ts.type_error("expected a function, exception type or tuple of exception types"))
}

fn node_matches(ts: &mut ThreadState, exc: Value, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => Ok(matches_class(exc, *t)),
        Matcher::Predicate(f) => {
            let r = ops::call1(ts, *f, exc)?;
            ops::truthy(ts, r)
        }
        Matcher::Ids(set) => Ok(!is_group(exc) && set.contains(&exc.bits())),
    }
}

/// Whether `exc` is an instance of class `t` or of a class in tuple `t`.
fn matches_class(exc: Value, t: Value) -> bool {
    if let Some(c) = t.downcast::<TypeObj>() {
        return c.instance_check(exc);
    }
    match t.downcast::<TupleObj>() {
        Some(tup) => tup.items().iter().any(|&x| matches_class(exc, x)),
        None => false,
    }
}

/// The match and rest parts of `exc` (None when empty).
fn split_recursive(
    ts: &mut ThreadState,
    exc: Value,
    m: &Matcher,
    construct_rest: bool,
) -> PyResult<(Value, Value)> {
    if node_matches(ts, exc, m)? {
        return Ok((exc, Value::NONE));
    }
    let Some(excs) = exceptions_of(exc) else {
        return Ok((Value::NONE, if construct_rest { exc } else { Value::NONE }));
    };
    if ts.depth >= crate::interp::recursion_limit() || ts.native_stack_exhausted() {
        return Err(ts.recursion_exceeded(" in exceptiongroup_split_recursive"));
    }
    ts.depth += 1;
    let mut matched = crate::gc::RootedVec::new(ts);
    let mut rest = crate::gc::RootedVec::new(ts);
    for &e in excs.items() {
        match split_recursive(ts, e, m, construct_rest) {
            Ok((mm, rr)) => {
                if !mm.is_none() {
                    matched.push(mm);
                }
                if !rr.is_none() {
                    rest.push(rr);
                }
            }
            Err(err) => {
                ts.depth -= 1;
                return Err(err);
            }
        }
    }
    ts.depth -= 1;
    let mv = subset(ts, exc, &matched)?;
    let rv = if construct_rest {
        subset(ts, exc, &rest)?
    } else {
        Value::NONE
    };
    Ok((mv, rv))
}

/// A group of `excs` made by `orig.derive()`, with `orig`'s metadata.
fn subset(ts: &mut ThreadState, orig: Value, excs: &[Value]) -> PyResult<Value> {
    if excs.is_empty() {
        return Ok(Value::NONE);
    }
    let l = ListObj::new(ts, excs);
    let derive = intern(ts, "derive");
    let eg = ops::call_method(ts, orig, derive, &[l.value()])?;
    if !is_group(eg) {
        return Err(ts.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    // SAFETY: both are exceptions (checked above and by the caller).
    let (o, n): (Gc<ExcObj>, Gc<ExcObj>) =
        unsafe { (orig.downcast_unchecked(), eg.downcast_unchecked()) };
    let tb = o.traceback.get();
    if !tb.is_null() {
        n.traceback.set(tb);
    }
    n.context.set(o.context.get());
    n.set_cause(o.cause.get());
    if let Some(notes) = ops::getattr_opt(ts, orig, names().__notes__)? {
        let is_seq = notes.downcast::<crate::objects::dict::DictObj>().is_none()
            && type_of(notes).lookup(names().__getitem__).is_some();
        if is_seq {
            let items = ops::collect(ts, notes)?;
            let copy = ListObj::new(ts, &items);
            ops::setattr(ts, eg, names().__notes__, Some(copy.value()))?;
        }
    }
    Ok(eg)
}

fn m_split(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let _ = this(ts, args[0])?;
    if args.len() != 2 {
        let n = args.len() - 1;
        return Err(ts.type_error(format!("split expected 1 argument, got {n}")));
    }
    let m = matcher_of(ts, args[1])?;
    let (mv, rv) = split_recursive(ts, args[0], &m, true)?;
    Ok(TupleObj::new(ts, &[mv, rv]).value())
}

fn m_subgroup(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let _ = this(ts, args[0])?;
    if args.len() != 2 {
        let n = args.len() - 1;
        return Err(ts.type_error(format!("subgroup expected 1 argument, got {n}")));
    }
    let m = matcher_of(ts, args[1])?;
    Ok(split_recursive(ts, args[0], &m, false)?.0)
}

// ---- except* ---------------------------------------------------------------------------

/// Checks the type of an `except*` clause.
fn check_star_type(ts: &mut ThreadState, t: Value) -> PyResult<()> {
    let (base_eg, _) = eg_types();
    let check = |ts: &mut ThreadState, v: Value| -> PyResult<()> {
        match v.downcast::<TypeObj>() {
            Some(c) if c.is_subtype(types().base_exception) => {
                if c.is_subtype(base_eg) {
                    return Err(ts.type_error(
                        "catching ExceptionGroup with except* is not allowed. Use except instead.",
                    ));
                }
                Ok(())
            }
            _ => Err(ts.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    };
    if let Some(tup) = t.downcast::<TupleObj>() {
        for &x in tup.items() {
            check(ts, x)?;
        }
        return Ok(());
    }
    check(ts, t)
}

/// CHECK_EG_MATCH: `(rest, match)` of exception `exc` for clause type
/// `t`; match is None when nothing matches (rest is then `exc`).
pub fn check_eg_match(ts: &mut ThreadState, exc: Value, t: Value) -> PyResult<(Value, Value)> {
    check_star_type(ts, t)?;
    if exc.is_none() {
        return Ok((Value::NONE, Value::NONE));
    }
    if crate::interpreter::helpers::exception_matches(ts, exc, t)? {
        if is_group(exc) {
            return Ok((Value::NONE, exc));
        }
        // A naked exception: wrap it.
        let excs = TupleObj::new(ts, &[exc]);
        let empty = crate::interp::interp().empty_str.value();
        let wrapped = make_group(ts, empty, excs.value())?;
        return Ok((Value::NONE, wrapped));
    }
    if is_group(exc) {
        let split = intern(ts, "split");
        let pair = ops::call_method(ts, exc, split, &[t])?;
        let Some(p) = pair
            .downcast::<TupleObj>()
            .filter(|_| type_of(pair) == types().tuple)
        else {
            return Err(ts.type_error(format!(
                "{}.split must return a tuple, not {}",
                type_name(exc),
                type_name(pair)
            )));
        };
        if p.len() < 2 {
            return Err(ts.type_error(format!(
                "{}.split must return a 2-tuple, got tuple of size {}",
                type_name(exc),
                p.len()
            )));
        }
        return Ok((p.items()[1], p.items()[0]));
    }
    Ok((exc, Value::NONE))
}

/// The identities of the leaf exceptions of `v` (iteratively: groups can
/// nest as deep as a program makes them).
fn collect_leaf_ids(ts: &mut ThreadState, v: Value, out: &mut HashSet<u64>) {
    let mut todo = crate::gc::RootedVec::new(ts);
    todo.push(v);
    while let Some(x) = todo.pop() {
        if x.is_none() {
            continue;
        }
        match exceptions_of(x) {
            Some(excs) => {
                for &e in excs.items().iter().rev() {
                    todo.push(e);
                }
            }
            None => {
                out.insert(x.bits());
            }
        }
    }
}

fn same_metadata(a: Value, b: Value) -> bool {
    match (a.downcast::<ExcObj>(), b.downcast::<ExcObj>()) {
        (Some(x), Some(y)) => {
            x.traceback.get() == y.traceback.get()
                && x.cause.get() == y.cause.get()
                && x.context.get() == y.context.get()
        }
        _ => false,
    }
}

/// PREP_RERAISE_STAR: the exception an `except*` statement re-raises
/// (None for nothing), from the original exception and the list of what
/// the clauses raised plus the unmatched rest.
pub fn prep_reraise_star(ts: &mut ThreadState, orig: Value, excs: Value) -> PyResult<Value> {
    if excs.downcast::<ListObj>().is_none() {
        return Err(ts.system_error("PREP_RERAISE_STAR without a list"));
    }
    let items = ops::collect(ts, excs)?;
    if items.is_empty() {
        return Ok(Value::NONE);
    }
    if !is_group(orig) {
        // A naked exception was caught and wrapped: one clause ran.
        return Ok(items[0]);
    }
    let mut raised = crate::gc::RootedVec::new(ts);
    let mut reraised = crate::gc::RootedVec::new(ts);
    for &e in items.iter() {
        if e.is_none() {
            continue;
        }
        if same_metadata(e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut keep = HashSet::new();
    for &e in reraised.iter() {
        collect_leaf_ids(ts, e, &mut keep);
    }
    let projected = split_recursive(ts, orig, &Matcher::Ids(&keep), false)?.0;
    if raised.is_empty() {
        return Ok(projected);
    }
    if !projected.is_none() {
        raised.push(projected);
    }
    if raised.len() > 1 {
        let l = ListObj::new(ts, &raised);
        let empty = crate::interp::interp().empty_str.value();
        return make_group(ts, empty, l.value());
    }
    Ok(raised[0])
}

/// Makes `ExceptionGroup` a subclass of both `BaseExceptionGroup` and
/// `Exception`, and installs the groups' slots and methods.
pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let (base_eg, eg) = eg_types();
    let bases = TupleObj::new(ts, &[base_eg.value(), t.exception.value()]);
    eg.bases.set(bases.value());
    let mro = TupleObj::new(
        ts,
        &[
            eg.value(),
            base_eg.value(),
            t.exception.value(),
            t.base_exception.value(),
            t.object.value(),
        ],
    );
    eg.mro.set(mro.value());
    if let Some(l) = t.exception.subclasses.get().downcast::<ListObj>() {
        l.append(ts, eg.value());
    }
    for ty in [base_eg, eg] {
        ty.slots.new.set(Some(eg_new));
        ty.slots.init.set(Some(eg_init));
        ty.slots.str.set(Some(eg_str));
    }
    add_getset(ts, base_eg, "message", get_message, Some(readonly));
    add_getset(ts, base_eg, "exceptions", get_exceptions, Some(readonly));
    add_methods(
        ts,
        base_eg,
        &[
            method("derive", m_derive),
            method("split", m_split),
            method("subgroup", m_subgroup),
        ],
    );
    // `ExceptionGroup[ValueError]` is a generic alias (PEP 654).
    crate::objects::genericalias::add_class_getitem(ts, base_eg);
    eg.modified();
    base_eg.modified();
}
