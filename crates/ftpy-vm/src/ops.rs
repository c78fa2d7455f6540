//! The abstract object layer: Python's operations on any value (`repr`,
//! `==`, `+`, attribute access, calls, iteration ...), dispatched through
//! the native slots of the operands' types. The interpreter's fast paths
//! handle the common exact types inline and fall back to these.

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::interp::{names, types};
use crate::object::Gc;
use crate::objects::builtin::BuiltinObj;
use crate::objects::function::FunctionObj;
use crate::objects::int;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::thread::ThreadState;
use crate::value::Value;

// ---- calls ---------------------------------------------------------------------

/// Calls `f(*args)`, the last `kwnames.len()` of `args` by keyword.
#[inline]
pub fn call(
    ts: &mut ThreadState,
    f: Value,
    args: &[Value],
    kwnames: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if let Some(func) = f.downcast::<FunctionObj>() {
        return crate::interpreter::call_function(ts, func, args, kwnames);
    }
    match type_of(f).slots.call.get() {
        Some(c) => {
            if ts.native_stack_exhausted() {
                return Err(ts.recursion_exceeded(" while calling a Python object"));
            }
            c(ts, f, args, kwnames)
        }
        None => Err(ts.type_error(format!("'{}' object is not callable", type_name(f)))),
    }
}

pub fn call0(ts: &mut ThreadState, f: Value) -> PyResult<Value> {
    call(ts, f, &[], None)
}

pub fn call1(ts: &mut ThreadState, f: Value, a: Value) -> PyResult<Value> {
    call(ts, f, &[a], None)
}

pub fn call2(ts: &mut ThreadState, f: Value, a: Value, b: Value) -> PyResult<Value> {
    call(ts, f, &[a, b], None)
}

/// Runs `k` with `first` prepended to `args` (on the stack when small).
#[inline]
pub fn with_prepended<R>(
    ts: &mut ThreadState,
    first: Value,
    args: &[Value],
    k: impl FnOnce(&mut ThreadState, &[Value]) -> R,
) -> R {
    if args.len() < 8 {
        let mut buf = [Value::NULL; 8];
        buf[0] = first;
        buf[1..=args.len()].copy_from_slice(args);
        k(ts, &buf[..=args.len()])
    } else {
        let mut v = RootedVec::with_capacity(ts, args.len() + 1);
        v.push(first);
        v.extend_from_slice(args);
        let slice: &[Value] = &v;
        // The RootedVec keeps the values alive; the slice borrows it.
        let p = slice.as_ptr();
        let n = slice.len();
        // SAFETY: `v` outlives the call and is not modified during it.
        let s = unsafe { std::slice::from_raw_parts(p, n) };
        let r = k(ts, s);
        drop(v);
        r
    }
}

/// Calls an attribute found on a type with `obj` as the first argument:
/// functions and method descriptors directly, anything else through its
/// `__get__` binding.
pub fn call_unbound(
    ts: &mut ThreadState,
    f: Value,
    obj: Value,
    args: &[Value],
    kwnames: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if f.downcast::<FunctionObj>().is_some()
        || f.downcast::<BuiltinObj>()
            .map(|b| b.is_method_descriptor())
            .unwrap_or(false)
    {
        return with_prepended(ts, obj, args, |ts, all| call(ts, f, all, kwnames));
    }
    let ft = type_of(f);
    match ft.slots.descr_get.get() {
        Some(get) => {
            let bound = get(ts, f, obj, type_of(obj).value())?;
            call(ts, bound, args, kwnames)
        }
        None => call(ts, f, args, kwnames),
    }
}

/// `obj.name(*args)`.
pub fn call_method(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    args: &[Value],
) -> PyResult<Value> {
    let ty = type_of(obj);
    // A plain function on the type, not shadowed by the instance: call it
    // without creating a bound method.
    if let Some(f) = ty.lookup(name) {
        let is_plain = f.downcast::<FunctionObj>().is_some()
            || f.downcast::<BuiltinObj>()
                .map(|b| b.is_method_descriptor())
                .unwrap_or(false);
        if is_plain && !instance_has_attr(ts, obj, name)? {
            return with_prepended(ts, obj, args, |ts, all| call(ts, f, all, None));
        }
    }
    let m = getattr(ts, obj, name)?;
    call(ts, m, args, None)
}

fn instance_has_attr(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<bool> {
    match crate::objects::instance::attr_store(obj) {
        Some(s) => Ok(s.get(ts, name)?.is_some()),
        None => Ok(false),
    }
}

// ---- attributes ------------------------------------------------------------------

/// `getattr(obj, name)`, raising AttributeError.
#[inline]
pub fn getattr(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<Value> {
    let ty = type_of(obj);
    let f = ty
        .slots
        .getattro
        .get()
        .unwrap_or(crate::objects::object::generic_getattr);
    match f(ts, obj, name)? {
        Some(v) => Ok(v),
        None => Err(ts.attribute_error(obj, name)),
    }
}

/// `getattr(obj, name)`, `Ok(None)` when missing (AttributeError from a
/// property or `__getattr__` also counts as missing).
#[inline]
pub fn getattr_opt(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    let ty = type_of(obj);
    let f = ty
        .slots
        .getattro
        .get()
        .unwrap_or(crate::objects::object::generic_getattr);
    match f(ts, obj, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `getattr` by a Rust string name.
pub fn getattr_str(ts: &mut ThreadState, obj: Value, name: &str) -> PyResult<Value> {
    let n = crate::interp::intern(ts, name);
    getattr(ts, obj, n)
}

pub fn getattr_str_opt(ts: &mut ThreadState, obj: Value, name: &str) -> PyResult<Option<Value>> {
    let n = crate::interp::intern(ts, name);
    getattr_opt(ts, obj, n)
}

/// `setattr(obj, name, v)` / `delattr` when `v` is None.
pub fn setattr(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    v: Option<Value>,
) -> PyResult<()> {
    let ty = type_of(obj);
    match ty.slots.setattro.get() {
        Some(f) => f(ts, obj, name, v),
        None => crate::objects::object::generic_setattr(ts, obj, name, v),
    }
}

pub fn setattr_str(ts: &mut ThreadState, obj: Value, name: &str, v: Value) -> PyResult<()> {
    let n = crate::interp::intern(ts, name);
    setattr(ts, obj, n, Some(v))
}

// ---- conversions -------------------------------------------------------------------

/// `repr(v)`.
pub fn repr(ts: &mut ThreadState, v: Value) -> PyResult<Gc<StrObj>> {
    ts.enter_recursive_call(" while getting the repr of an object")?;
    let f = type_of(v)
        .slots
        .repr
        .get()
        .unwrap_or(crate::objects::object::object_repr);
    let r = f(ts, v);
    ts.leave_recursive_call();
    let r = r?;
    match r.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "__repr__ returned non-string (type {})",
            type_name(r)
        ))),
    }
}

/// `repr(v)` as a Rust string.
pub fn repr_string(ts: &mut ThreadState, v: Value) -> PyResult<String> {
    Ok(repr(ts, v)?.as_str().to_string())
}

/// `str(v)`.
pub fn str_(ts: &mut ThreadState, v: Value) -> PyResult<Gc<StrObj>> {
    if let Some(s) = v.downcast::<StrObj>() {
        if type_of(v) == types().str {
            return Ok(s);
        }
    }
    ts.enter_recursive_call(" while getting the str of an object")?;
    let ty = type_of(v);
    let f = ty
        .slots
        .str
        .get()
        .or(ty.slots.repr.get())
        .unwrap_or(crate::objects::object::object_repr);
    let r = f(ts, v);
    ts.leave_recursive_call();
    let r = r?;
    match r.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "__str__ returned non-string (type {})",
            type_name(r)
        ))),
    }
}

pub fn str_string(ts: &mut ThreadState, v: Value) -> PyResult<String> {
    Ok(str_(ts, v)?.as_str().to_string())
}

/// Truth value.
#[inline]
pub fn truthy(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    if let Some(b) = v.as_bool() {
        return Ok(b);
    }
    if v.is_none() {
        return Ok(false);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if let Some(f) = v.as_float() {
        return Ok(f != 0.0);
    }
    truthy_slow(ts, v)
}

#[inline(never)]
fn truthy_slow(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    let ty = type_of(v);
    if let Some(f) = ty.slots.bool.get() {
        return f(ts, v);
    }
    if let Some(f) = ty.slots.len.get() {
        return Ok(f(ts, v)? != 0);
    }
    Ok(true)
}

/// `hash(v)`.
#[inline]
pub fn hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    if let Some(h) = crate::hash::simple_hash(v) {
        return Ok(h);
    }
    let ty = type_of(v);
    match ty.slots.hash.get() {
        Some(f) => f(ts, v),
        None => Ok(crate::hash::hash_pointer(v)),
    }
}

/// `operator.index(v)`: an int.
pub fn index(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if v.is_small_int() || v.is_kind(crate::object::Kind::Int) && type_of(v) == types().int {
        return Ok(v);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::small_int_unchecked(b as i64));
    }
    // An int subclass is its int value (its own __index__ is not asked).
    if int::is_int(v) {
        return Ok(match int::to_i64(v) {
            Some(i) => int::int_from_i64(ts, i),
            None => match int::to_big(v) {
                Some(b) => int::int_from_big(ts, b.into_owned()),
                None => v,
            },
        });
    }
    match type_of(v).slots.index.get() {
        Some(f) => {
            let r = f(ts, v)?;
            int::check_int_result(ts, r, "__index__")
        }
        None => Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))),
    }
}

/// `operator.index(v)` as an `i64`; OverflowError when it does not fit.
pub fn index_to_i64(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    let i = index(ts, v)?;
    match int::to_i64(i) {
        Some(x) => Ok(x),
        None => Err(ts.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Index for sequences: like `index_to_i64` but saturating (huge indices
/// become out-of-range, as CPython's `PyNumber_AsSsize_t(_, IndexError)`).
pub fn index_saturating(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    if !int::is_int(v) && type_of(v).slots.index.get().is_none() {
        return Err(ts.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            type_name(v)
        )));
    }
    let i = index(ts, v)?;
    Ok(int::to_i64_saturating(i))
}

/// A sequence item index (`seq[i]`): an int or an object with
/// `__index__`, else TypeError "{what} indices must be integers or
/// slices, not X"; an int beyond the `isize` range is
/// IndexError "cannot fit 'int' into an index-sized integer".
pub fn item_index(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    if !int::is_int(v) && type_of(v).slots.index.get().is_none() {
        return Err(ts.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            type_name(v)
        )));
    }
    let i = index(ts, v)?;
    match int::to_i64(i) {
        Some(x) => Ok(x),
        None => Err(ts.index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            type_name(i)
        ))),
    }
}

/// A bound of `seq.index(x, start, stop)`: an int or `__index__` (not
/// None), saturated to the `i64` range.
pub fn slice_bound(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    if !int::is_int(v) && type_of(v).slots.index.get().is_none() {
        return Err(ts.type_error("slice indices must be integers or have an __index__ method"));
    }
    let i = index(ts, v)?;
    Ok(int::to_i64_saturating(i))
}

// ---- comparison -------------------------------------------------------------------

/// `a OP b` with Python's reflection rules.
pub fn rich_compare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    ts.enter_recursive_call(" in comparison")?;
    let r = rich_compare_inner(ts, a, b, op);
    ts.leave_recursive_call();
    r
}

fn rich_compare_inner(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let ta = type_of(a);
    let tb = type_of(b);
    let mut checked_reverse = false;
    if ta != tb && tb.is_subtype(ta) {
        if let Some(f) = tb.slots.richcompare.get() {
            checked_reverse = true;
            let r = f(ts, b, a, op.swapped())?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if let Some(f) = ta.slots.richcompare.get() {
        let r = f(ts, a, b, op)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = tb.slots.richcompare.get() {
            let r = f(ts, b, a, op.swapped())?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(Value::from_bool(a == b)),
        CompareOp::Ne => Ok(Value::from_bool(a != b)),
        _ => Err(ts.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        ))),
    }
}

/// `a == b` as a bool (identity first, as containers do).
#[inline]
pub fn eq(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<bool> {
    // Identity first, as PyObject_RichCompareBool: a float is identical
    // to itself (same bits), so `nan in [nan]` holds.
    if a == b {
        return Ok(true);
    }
    if let Some(r) = crate::hash::simple_eq(a, b) {
        return Ok(r);
    }
    let r = rich_compare(ts, a, b, CompareOp::Eq)?;
    truthy(ts, r)
}

/// `a < b` as a bool.
#[inline]
pub fn lt(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<bool> {
    if Value::both_small_ints(a, b) {
        return Ok(a.small_int_value() < b.small_int_value());
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Ok(x < y);
    }
    let r = rich_compare(ts, a, b, CompareOp::Lt)?;
    truthy(ts, r)
}

pub fn compare_bool(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<bool> {
    let r = rich_compare(ts, a, b, op)?;
    truthy(ts, r)
}

// ---- arithmetic ---------------------------------------------------------------------

/// `a OP b` (binary or in-place) with Python's dispatch rules.
pub fn binary_op(ts: &mut ThreadState, a: Value, b: Value, op: BinaryOp) -> PyResult<Value> {
    if op.is_inplace() {
        let i = op.base() as usize;
        if let Some(f) = type_of(a).slots.nb_inplace[i].get() {
            let r = f(ts, a, b)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    let base = op.base();
    let r = binary_op1(ts, a, b, base as usize)?;
    if r != Value::NOT_IMPLEMENTED {
        return Ok(r);
    }
    // The sequence protocol's errors (CPython's sq_concat / sq_repeat).
    if base == BinaryOp::Add {
        if let Some(seq) = sequence_kind(a) {
            return Err(ts.type_error(format!(
                "can only concatenate {seq} (not \"{}\") to {seq}",
                type_name(b)
            )));
        }
    }
    if base == BinaryOp::Multiply {
        let (s, other) = if sequence_kind(a).is_some() {
            (true, b)
        } else {
            (sequence_kind(b).is_some(), a)
        };
        if s && type_of(other).slots.index.get().is_none() {
            return Err(ts.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name(other)
            )));
        }
    }
    // CPython names `**` after the function too (ternary_op's message).
    let sym = if op == BinaryOp::Power {
        "** or pow()"
    } else {
        op.symbol()
    };
    Err(ts.unsupported_operands(sym, a, b))
}

/// The name of the built-in sequence type `v` is (or derives from).
fn sequence_kind(v: Value) -> Option<&'static str> {
    let t = types();
    let ty = type_of(v);
    [
        (t.str, "str"),
        (t.list, "list"),
        (t.tuple, "tuple"),
        (t.bytes, "bytes"),
        (t.bytearray, "bytearray"),
    ]
    .into_iter()
    .find(|(st, _)| ty == *st || ty.is_subtype(*st))
    .map(|(_, n)| n)
}

/// CPython's `binary_op1`: forward slot, reflected slot, subclass first.
pub fn binary_op1(ts: &mut ThreadState, a: Value, b: Value, i: usize) -> PyResult<Value> {
    let ta = type_of(a);
    let tb = type_of(b);
    let slota = ta.slots.nb[i].get();
    let mut slotb = if tb != ta { tb.slots.nb[i].get() } else { None };
    if slotb.is_some() && slota.map(|f| f as usize) == slotb.map(|f| f as usize) {
        slotb = None;
    }
    if let Some(fa) = slota {
        if let Some(fb) = slotb {
            if tb.is_subtype(ta) {
                let r = fb(ts, a, b)?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
                slotb = None;
            }
        }
        let r = fa(ts, a, b)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    if let Some(fb) = slotb {
        return fb(ts, a, b);
    }
    Ok(Value::NOT_IMPLEMENTED)
}

/// `pow(a, b, m)` with a modulus: CPython's ternary dispatch. Each
/// distinct operand type's power slot is tried in turn: int's needs three
/// ints, float's and complex's refuse a modulus; a class's `__pow__(b, m)`
/// is called only for the first operand (three-argument power never uses
/// `__rpow__`).
pub fn power3(ts: &mut ThreadState, a: Value, b: Value, m: Value) -> PyResult<Value> {
    use crate::objects::{float, int};
    let t = types();
    let pow_slot = |ty: Gc<TypeObj>| ty.slots.nb[BinaryOp::Power as usize].raw();
    let real = |v: Value| int::is_int(v) || float::is_float(v);
    let mut seen: [Option<Gc<TypeObj>>; 3] = [None; 3];
    for (k, owner) in [a, b, m].into_iter().enumerate() {
        let ty = type_of(owner);
        if seen[..k].contains(&Some(ty)) {
            continue;
        }
        seen[k] = Some(ty);
        let slot = pow_slot(ty);
        if slot == pow_slot(t.int) && int::is_int(owner) {
            if int::is_int(a) && int::is_int(b) && int::is_int(m) {
                return int::int_pow_mod(ts, a, b, m);
            }
        } else if slot == pow_slot(t.float) && float::is_float(owner) {
            if real(a) && real(b) {
                return Err(ts.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            }
        } else if slot == pow_slot(t.complex) && owner.is_kind(crate::object::Kind::Complex) {
            let num = |v: Value| real(v) || v.is_kind(crate::object::Kind::Complex);
            if num(a) && num(b) {
                return Err(ts.value_error("complex modulo"));
            }
        } else if k == 0 {
            if let Some(f) = ty.lookup(crate::interp::names().__pow__) {
                let r = call_unbound(ts, f, a, &[b, m], None)?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
    }
    Err(ts.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        type_name(a),
        type_name(b),
        type_name(m)
    )))
}

pub fn add(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    binary_op(ts, a, b, BinaryOp::Add)
}

pub fn sub(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    binary_op(ts, a, b, BinaryOp::Subtract)
}

pub fn mul(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    binary_op(ts, a, b, BinaryOp::Multiply)
}

/// Unary operators by name for error messages.
pub fn neg(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    match type_of(v).slots.neg.get() {
        Some(f) => f(ts, v),
        None => Err(ts.type_error(format!("bad operand type for unary -: '{}'", type_name(v)))),
    }
}

pub fn pos(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    match type_of(v).slots.pos.get() {
        Some(f) => f(ts, v),
        None => Err(ts.type_error(format!("bad operand type for unary +: '{}'", type_name(v)))),
    }
}

pub fn invert(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    match type_of(v).slots.invert.get() {
        Some(f) => f(ts, v),
        None => Err(ts.type_error(format!("bad operand type for unary ~: '{}'", type_name(v)))),
    }
}

pub fn abs(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    match type_of(v).slots.abs.get() {
        Some(f) => f(ts, v),
        None => Err(ts.type_error(format!("bad operand type for abs(): '{}'", type_name(v)))),
    }
}

// ---- containers -----------------------------------------------------------------------

/// `iter(v)`.
pub fn iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let ty = type_of(v);
    if let Some(f) = ty.slots.iter.get() {
        let it = f(ts, v)?;
        return Ok(it);
    }
    if ty.slots.getitem.get().is_some() && ty.lookup(names().__getitem__).is_some() {
        return Ok(crate::objects::iterators::seq_iter(ts, v));
    }
    Err(ts.type_error(format!("'{}' object is not iterable", type_name(v))))
}

/// `next(it)`; `Ok(None)` when exhausted.
#[inline]
pub fn next(ts: &mut ThreadState, it: Value) -> PyResult<Option<Value>> {
    match type_of(it).slots.next.get() {
        Some(f) => f(ts, it),
        None => Err(ts.type_error(format!("'{}' object is not an iterator", type_name(it)))),
    }
}

/// `len(v)`.
pub fn len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    match type_of(v).slots.len.get() {
        Some(f) => f(ts, v),
        None => Err(ts.type_error(format!("object of type '{}' has no len()", type_name(v)))),
    }
}

/// `v[key]`.
pub fn getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let ty = type_of(v);
    if let Some(f) = ty.slots.getitem.get() {
        return f(ts, v, key);
    }
    if let Some(t) = v.downcast::<TypeObj>() {
        // `list[int]` and friends: `__class_getitem__`, looked up as an
        // attribute of the class (so a classmethod binds to it).
        if t.lookup(names().__class_getitem__).is_some() {
            if let Some(cg) = getattr_opt(ts, v, names().__class_getitem__)? {
                return call(ts, cg, &[key], None);
            }
        }
        return Err(ts.type_error(format!("type '{}' is not subscriptable", t.name_str())));
    }
    Err(ts.type_error(format!("'{}' object is not subscriptable", type_name(v))))
}

/// `v[key] = x` / `del v[key]`.
pub fn setitem(ts: &mut ThreadState, v: Value, key: Value, x: Option<Value>) -> PyResult<()> {
    let ty = type_of(v);
    match ty.slots.setitem.get() {
        Some(f) => f(ts, v, key, x),
        None if x.is_some() => Err(ts.type_error(format!(
            "'{}' object does not support item assignment",
            type_name(v)
        ))),
        None => {
            // CPython words it by path: the sequence protocol (a type with
            // sequence methods, an index key) says "doesn't".
            let sequence_like = ty.is_heap_type()
                || ty.slots.len.get().is_some()
                || ty.slots.getitem.get().is_some();
            let index_key = int::is_int(key) || type_of(key).slots.index.get().is_some();
            let verb = if sequence_like && index_key {
                "doesn't"
            } else {
                "does not"
            };
            Err(ts.type_error(format!(
                "'{}' object {verb} support item deletion",
                type_name(v)
            )))
        }
    }
}

/// Whether `v`'s type makes it iterable (`__iter__`, or `__getitem__`
/// for the sequence protocol): `iter(v)` then fails only by running code.
pub fn is_iterable_type(v: Value) -> bool {
    let s = &type_of(v).slots;
    s.iter.get().is_some() || s.getitem.get().is_some()
}

/// `item in container`.
pub fn contains(ts: &mut ThreadState, container: Value, item: Value) -> PyResult<bool> {
    let ty = type_of(container);
    if let Some(f) = ty.slots.contains.get() {
        return f(ts, container, item);
    }
    // Fall back to iteration; only a TypeError from `iter()` is reworded.
    let it = match iter(ts, container) {
        Ok(it) => it,
        Err(e) if e.matches(types().type_error) => {
            return Err(ts.type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(container)
            )))
        }
        Err(e) => return Err(e),
    };
    while let Some(x) = next(ts, it)? {
        if eq(ts, x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Collects an iterable into a `RootedVec`.
/// Exact lists and tuples are copied directly; subclasses iterate, since
/// they may override `__iter__` (CPython's `PyList_CheckExact`).
pub fn collect(ts: &mut ThreadState, iterable: Value) -> PyResult<RootedVec> {
    let ty = type_of(iterable);
    if ty == types().list {
        if let Some(l) = iterable.downcast::<crate::objects::list::ListObj>() {
            return Ok(l.snapshot_items(ts));
        }
    }
    let mut out = RootedVec::new(ts);
    if ty == types().tuple {
        if let Some(t) = iterable.downcast::<TupleObj>() {
            out.extend_from_slice(t.items());
            return Ok(out);
        }
    }
    // A built-in sized iterable (range, dict, set, str ...) says how much
    // room it needs: an impossible size is a MemoryError up front, as
    // CPython's length-hint preallocation makes it.
    if !ty.is_heap_type() {
        if let Some(lenf) = ty.slots.len.get() {
            if let Ok(n) = lenf(ts, iterable) {
                reserve_values(ts, &mut out, n)?;
            }
        }
    } else {
        // A class's __len__ / __length_hint__ run (and can fail) as in
        // CPython; the room reserved is capped, the list still grows.
        let n = length_hint(ts, iterable, 8)?;
        reserve_values(ts, &mut out, n.min(1 << 16))?;
    }
    let it = iter(ts, iterable)?;
    while let Some(x) = next(ts, it)? {
        if out.len() == out.capacity() {
            let add = out.len().max(8);
            reserve_values(ts, &mut out, add)?;
        }
        out.push(x);
    }
    Ok(out)
}

/// `operator.length_hint(v, default)` (CPython's PyObject_LengthHint):
/// `len(v)` if it has one (a TypeError from it is ignored), else
/// `type(v).__length_hint__(v)` unless that is missing or NotImplemented.
pub fn length_hint(ts: &mut ThreadState, v: Value, default: usize) -> PyResult<usize> {
    let ty = type_of(v);
    if let Some(f) = ty.slots.len.get() {
        match f(ts, v) {
            Ok(n) => return Ok(n),
            Err(e) if e.matches(types().type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(h) = ty.lookup(names().__length_hint__) else {
        return Ok(default);
    };
    let r = call_unbound(ts, h, v, &[], None)?;
    if r == Value::NOT_IMPLEMENTED {
        return Ok(default);
    }
    if !int::is_int(r) {
        return Err(ts.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            type_name(r)
        )));
    }
    match int::to_i64(r) {
        Some(n) if n < 0 => Err(ts.value_error("__length_hint__() should return >= 0")),
        Some(n) => Ok(n as usize),
        None if int::numeric_cmp(r, Value::small_int_unchecked(0))
            == Some(Some(std::cmp::Ordering::Less)) =>
        {
            Err(ts.value_error("__length_hint__() should return >= 0"))
        }
        None => Err(ts.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

/// Room for `n` more values in a native buffer, or MemoryError (never the
/// allocator's abort).
pub fn reserve_values(ts: &mut ThreadState, v: &mut Vec<Value>, n: usize) -> PyResult<()> {
    let bytes = v
        .len()
        .saturating_add(n)
        .saturating_mul(std::mem::size_of::<Value>());
    ts.check_alloc_size(bytes)?;
    v.try_reserve(n).map_err(|_| ts.memory_error(""))
}

// ---- isinstance ------------------------------------------------------------------------

/// `isinstance(obj, cls)` (see `builtins::classes` for the rules).
pub fn isinstance(ts: &mut ThreadState, obj: Value, cls: Value) -> PyResult<bool> {
    crate::builtins::isinstance(ts, obj, cls)
}

/// `issubclass(sub, cls)`.
pub fn issubclass(ts: &mut ThreadState, sub: Value, cls: Value) -> PyResult<bool> {
    crate::builtins::issubclass(ts, sub, cls)
}

/// `format(v, spec)`.
pub fn format(ts: &mut ThreadState, v: Value, spec: Gc<StrObj>) -> PyResult<Gc<StrObj>> {
    // Every built-in __format__ (object's, int's, float's, str's ...)
    // formats an empty spec as str(self), which a subclass's __str__ can
    // change.
    if spec.byte_len() == 0 {
        let f = type_of(v).lookup(names().__format__);
        if f.and_then(|f| f.downcast::<BuiltinObj>()).is_some() {
            return str_(ts, v);
        }
    }
    // Looked up on the type, never the instance (CPython's
    // `_PyObject_LookupSpecial`).
    let Some(f) = type_of(v).lookup(names().__format__) else {
        return Err(ts.type_error(format!("Type {} doesn't define __format__", type_name(v))));
    };
    let r = call_unbound(ts, f, v, &[spec.value()], None)?;
    match r.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "__format__ must return a str, not {}",
            type_name(r)
        ))),
    }
}

/// Whether `v` is callable.
pub fn callable(v: Value) -> bool {
    v.downcast::<FunctionObj>().is_some() || type_of(v).slots.call.get().is_some()
}
