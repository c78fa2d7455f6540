//! `_operator`: Python's operators as functions, and `itemgetter`,
//! `attrgetter`, `methodcaller`, the native parts of `operator`.
//!
//! The three callable types hold only values fixed at construction, so
//! they need no lock: any number of threads may call one at once.

use std::sync::OnceLock;

use ftpy_compiler::{BinaryOp, CompareOp};
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec};
use ftpy_vm::interp::{add_global_root, intern_str, names, types};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, TypeObj};
use ftpy_vm::objects::{add_methods, bytes, int, method, set_type_attr};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

fn nkw(kw: Kw) -> usize {
    kw.map(|k| k.len()).unwrap_or(0)
}

/// `_operator.f() takes no keyword arguments`, as CPython words it for
/// the module's functions.
fn no_kw(ts: &mut ThreadState, name: &str, kw: Kw) -> PyResult<()> {
    if nkw(kw) > 0 {
        return Err(ts.type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// `name() takes no keyword arguments` (the callable types).
fn no_kw_plain(ts: &mut ThreadState, name: &str, kw: Kw) -> PyResult<()> {
    if nkw(kw) > 0 {
        return Err(ts.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

// ---- functions of one and two operands ----------------------------------------------

macro_rules! binary_fns {
    ($($fname:ident, $pyname:literal => $body:expr;)*) => {
        $(
            fn $fname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
                static SIG: Sig = Sig::new(concat!("_operator.", $pyname, "(a, b, /)"));
                no_kw(ts, $pyname, kw)?;
                let [a, b] = SIG.bind(ts, args, kw)?;
                let f: fn(&mut ThreadState, Value, Value) -> PyResult<Value> = $body;
                f(ts, a, b)
            }
        )*
        const BINARY: &[(&str, ftpy_vm::objects::NativeFn)] = &[$(($pyname, $fname),)*];
    };
}

fn arith(op: BinaryOp) -> impl Fn(&mut ThreadState, Value, Value) -> PyResult<Value> {
    move |ts, a, b| ops::binary_op(ts, a, b, op)
}

fn compare(op: CompareOp) -> impl Fn(&mut ThreadState, Value, Value) -> PyResult<Value> {
    move |ts, a, b| ops::rich_compare(ts, a, b, op)
}

binary_fns! {
    f_lt, "lt" => |ts, a, b| compare(CompareOp::Lt)(ts, a, b);
    f_le, "le" => |ts, a, b| compare(CompareOp::Le)(ts, a, b);
    f_eq, "eq" => |ts, a, b| compare(CompareOp::Eq)(ts, a, b);
    f_ne, "ne" => |ts, a, b| compare(CompareOp::Ne)(ts, a, b);
    f_ge, "ge" => |ts, a, b| compare(CompareOp::Ge)(ts, a, b);
    f_gt, "gt" => |ts, a, b| compare(CompareOp::Gt)(ts, a, b);
    f_add, "add" => |ts, a, b| arith(BinaryOp::Add)(ts, a, b);
    f_and, "and_" => |ts, a, b| arith(BinaryOp::And)(ts, a, b);
    f_floordiv, "floordiv" => |ts, a, b| arith(BinaryOp::FloorDivide)(ts, a, b);
    f_lshift, "lshift" => |ts, a, b| arith(BinaryOp::LShift)(ts, a, b);
    f_mod, "mod" => |ts, a, b| arith(BinaryOp::Remainder)(ts, a, b);
    f_mul, "mul" => |ts, a, b| arith(BinaryOp::Multiply)(ts, a, b);
    f_matmul, "matmul" => |ts, a, b| arith(BinaryOp::MatMul)(ts, a, b);
    f_or, "or_" => |ts, a, b| arith(BinaryOp::Or)(ts, a, b);
    f_pow, "pow" => |ts, a, b| arith(BinaryOp::Power)(ts, a, b);
    f_rshift, "rshift" => |ts, a, b| arith(BinaryOp::RShift)(ts, a, b);
    f_sub, "sub" => |ts, a, b| arith(BinaryOp::Subtract)(ts, a, b);
    f_truediv, "truediv" => |ts, a, b| arith(BinaryOp::TrueDivide)(ts, a, b);
    f_xor, "xor" => |ts, a, b| arith(BinaryOp::Xor)(ts, a, b);
    f_iadd, "iadd" => |ts, a, b| arith(BinaryOp::InplaceAdd)(ts, a, b);
    f_iand, "iand" => |ts, a, b| arith(BinaryOp::InplaceAnd)(ts, a, b);
    f_ifloordiv, "ifloordiv" => |ts, a, b| arith(BinaryOp::InplaceFloorDivide)(ts, a, b);
    f_ilshift, "ilshift" => |ts, a, b| arith(BinaryOp::InplaceLShift)(ts, a, b);
    f_imod, "imod" => |ts, a, b| arith(BinaryOp::InplaceRemainder)(ts, a, b);
    f_imul, "imul" => |ts, a, b| arith(BinaryOp::InplaceMultiply)(ts, a, b);
    f_imatmul, "imatmul" => |ts, a, b| arith(BinaryOp::InplaceMatMul)(ts, a, b);
    f_ior, "ior" => |ts, a, b| arith(BinaryOp::InplaceOr)(ts, a, b);
    f_ipow, "ipow" => |ts, a, b| arith(BinaryOp::InplacePower)(ts, a, b);
    f_irshift, "irshift" => |ts, a, b| arith(BinaryOp::InplaceRShift)(ts, a, b);
    f_isub, "isub" => |ts, a, b| arith(BinaryOp::InplaceSubtract)(ts, a, b);
    f_itruediv, "itruediv" => |ts, a, b| arith(BinaryOp::InplaceTrueDivide)(ts, a, b);
    f_ixor, "ixor" => |ts, a, b| arith(BinaryOp::InplaceXor)(ts, a, b);
    f_is, "is_" => |_ts, a, b| Ok(Value::from_bool(a == b));
    f_is_not, "is_not" => |_ts, a, b| Ok(Value::from_bool(a != b));
    f_concat, "concat" => |ts, a, b| concat(ts, a, b, false);
    f_iconcat, "iconcat" => |ts, a, b| concat(ts, a, b, true);
    f_contains, "contains" => |ts, a, b| Ok(Value::from_bool(ops::contains(ts, a, b)?));
    f_count_of, "countOf" => count_of;
    f_index_of, "indexOf" => index_of;
    f_getitem, "getitem" => ops::getitem;
    f_delitem, "delitem" => |ts, a, b| { ops::setitem(ts, a, b, None)?; Ok(Value::NONE) };
    f_compare_digest, "_compare_digest" => compare_digest;
}

macro_rules! unary_fns {
    ($($fname:ident, $pyname:literal => $body:expr;)*) => {
        $(
            fn $fname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
                static SIG: Sig = Sig::new(concat!("_operator.", $pyname, "(a, /)"));
                let [a] = SIG.bind(ts, args, kw)?;
                let f: fn(&mut ThreadState, Value) -> PyResult<Value> = $body;
                f(ts, a)
            }
        )*
        const UNARY: &[(&str, ftpy_vm::objects::NativeFn)] = &[$(($pyname, $fname),)*];
    };
}

unary_fns! {
    f_not, "not_" => |ts, a| Ok(Value::from_bool(!ops::truthy(ts, a)?));
    f_truth, "truth" => |ts, a| Ok(Value::from_bool(ops::truthy(ts, a)?));
    f_abs, "abs" => ops::abs;
    f_index, "index" => ops::index;
    f_inv, "inv" => ops::invert;
    f_invert, "invert" => ops::invert;
    f_neg, "neg" => ops::neg;
    f_pos, "pos" => ops::pos;
}

/// Whether `v` supports the sequence protocol as CPython's
/// `PySequence_Check` sees it: indexable, and not a dict.
fn is_sequence(v: Value) -> bool {
    let ty = type_of(v);
    ty.slots.getitem.get().is_some() && !types().dict.instance_check(v)
}

fn concat(ts: &mut ThreadState, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
    let cant = |ts: &mut ThreadState| {
        ts.type_error(format!("'{}' object can't be concatenated", type_name(a)))
    };
    if !is_sequence(a) {
        return Err(cant(ts));
    }
    if inplace {
        if let Some(f) = type_of(a).slots.nb_inplace[BinaryOp::Add as usize].get() {
            let r = f(ts, a, b)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    let r = ops::binary_op1(ts, a, b, BinaryOp::Add as usize)?;
    if r != Value::NOT_IMPLEMENTED {
        return Ok(r);
    }
    // The built-in sequences word their own error (`can only concatenate
    // list (not "tuple") to list`); the generic path gives it.
    if is_builtin_sequence(a) {
        return ops::add(ts, a, b);
    }
    Err(cant(ts))
}

fn is_builtin_sequence(v: Value) -> bool {
    let t = types();
    [t.str, t.list, t.tuple, t.bytes, t.bytearray]
        .into_iter()
        .any(|ty| ty.instance_check(v))
}

/// `iter(seq)` for the searches, worded as CPython's `_PySequence_IterSearch`.
fn search_iter(ts: &mut ThreadState, seq: Value) -> PyResult<Value> {
    match ops::iter(ts, seq) {
        Err(e) if e.matches(types().type_error) => Err(ts.type_error(format!(
            "argument of type '{}' is not iterable",
            type_name(seq)
        ))),
        r => r,
    }
}

fn count_of(ts: &mut ThreadState, seq: Value, x: Value) -> PyResult<Value> {
    let it = search_iter(ts, seq)?;
    let mut count: u64 = 0;
    while let Some(y) = ops::next(ts, it)? {
        if y == x || ops::eq(ts, y, x)? {
            count += 1;
        }
    }
    Ok(int::int_from_u64(ts, count))
}

fn index_of(ts: &mut ThreadState, seq: Value, x: Value) -> PyResult<Value> {
    let it = search_iter(ts, seq)?;
    let mut i: u64 = 0;
    while let Some(y) = ops::next(ts, it)? {
        if y == x || ops::eq(ts, y, x)? {
            return Ok(int::int_from_u64(ts, i));
        }
        i += 1;
    }
    Err(ts.value_error("sequence.index(x): x not in sequence"))
}

fn compare_digest(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
        if !x.obj().is_ascii() || !y.obj().is_ascii() {
            return Err(
                ts.type_error("comparing strings with non-ASCII characters is not supported")
            );
        }
        return Ok(Value::from_bool(constant_time_eq(
            x.obj().as_str().as_bytes(),
            y.obj().as_str().as_bytes(),
        )));
    }
    let ba = bytes::buffer_bytes(ts, a)?;
    let bb = bytes::buffer_bytes(ts, b)?;
    if ba.is_none() && bb.is_none() {
        return Err(ts.type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            type_name(a),
            type_name(b)
        )));
    }
    let Some(ba) = ba else {
        return Err(ts.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(a)
        )));
    };
    let Some(bb) = bb else {
        return Err(ts.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(b)
        )));
    };
    Ok(Value::from_bool(constant_time_eq(&ba, &bb)))
}

/// Compares in time that depends on the length of `b` only, not on where
/// the inputs differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = (a.len() != b.len()) as u8;
    let left = if a.len() == b.len() { a } else { b };
    for (x, y) in left.iter().zip(b) {
        diff |= x ^ y;
    }
    std::hint::black_box(diff) == 0
}

fn f_setitem(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_operator.setitem(a, b, c, /)");
    no_kw(ts, "setitem", kw)?;
    let [a, b, c] = SIG.bind(ts, args, kw)?;
    ops::setitem(ts, a, b, Some(c))?;
    Ok(Value::NONE)
}

fn f_call(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let npos = args.len() - nkw(kw);
    if npos < 1 {
        return Err(ts.type_error(format!("call expected at least 1 argument, got {npos}")));
    }
    ops::call(ts, args[0], &args[1..], kw)
}

fn f_length_hint(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_operator.length_hint(obj, default=0, /)");
    no_kw(ts, "length_hint", kw)?;
    let [obj, default] = SIG.bind(ts, args, kw)?;
    let default = match default.non_null() {
        None => 0,
        Some(d) => ops::index_to_i64(ts, d)?,
    };
    let n = length_hint(ts, obj, default)?;
    Ok(int::int_from_i64(ts, n))
}

/// CPython's `PyObject_LengthHint`: `len(obj)` if it has one, else its
/// `__length_hint__()`, else `default`.
fn length_hint(ts: &mut ThreadState, obj: Value, default: i64) -> PyResult<i64> {
    if type_of(obj).slots.len.get().is_some() {
        match ops::len(ts, obj) {
            Ok(n) => return Ok(n as i64),
            Err(e) if e.matches(types().type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = type_of(obj).lookup(names().__length_hint__) else {
        return Ok(default);
    };
    let r = match ops::call_unbound(ts, hint, obj, &[], None) {
        Ok(r) => r,
        Err(e) if e.matches(types().type_error) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r == Value::NOT_IMPLEMENTED {
        return Ok(default);
    }
    if !int::is_int(r) {
        return Err(ts.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            type_name(r)
        )));
    }
    let n = ops::index_to_i64(ts, r)?;
    if n < 0 {
        return Err(ts.value_error("__length_hint__() should return >= 0"));
    }
    Ok(n)
}

// ---- itemgetter -----------------------------------------------------------------------

static ITEMGETTER: OnceLock<Gc<TypeObj>> = OnceLock::new();
static ATTRGETTER: OnceLock<Gc<TypeObj>> = OnceLock::new();
static METHODCALLER: OnceLock<Gc<TypeObj>> = OnceLock::new();

struct ItemGetter {
    /// The items (a tuple), one or more.
    items: Value,
}

// SAFETY: traces the tuple.
unsafe impl NativeData for ItemGetter {
    fn trace(&self, m: &mut Marker) {
        m.value(self.items);
    }
}

fn tuple_items(v: Value) -> &'static [Value] {
    match v.downcast::<TupleObj>() {
        Some(t) => t.obj().items(),
        None => &[],
    }
}

fn itemgetter_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    no_kw_plain(ts, "itemgetter", kw)?;
    if args.is_empty() {
        return Err(ts.type_error("itemgetter expected 1 argument, got 0"));
    }
    let items = TupleObj::new(ts, args).value();
    Ok(NativeObj::new(ts, cls, ItemGetter { items }).value())
}

/// Checks the one positional argument of a getter's call.
fn one_arg(ts: &mut ThreadState, name: &str, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw_plain(ts, name, kw)?;
    if args.len() != 1 {
        return Err(ts.type_error(format!("{name} expected 1 argument, got {}", args.len())));
    }
    Ok(args[0])
}

fn itemgetter_call(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<Value> {
    let g = native::expect::<ItemGetter>(ts, v, "operator.itemgetter")?;
    let obj = one_arg(ts, "itemgetter", args, kw)?;
    let items = tuple_items(g.items);
    if items.len() == 1 {
        return ops::getitem(ts, obj, items[0]);
    }
    let mut out = RootedVec::with_capacity(ts, items.len());
    for &k in items {
        let x = ops::getitem(ts, obj, k)?;
        out.push(x);
    }
    Ok(TupleObj::new(ts, &out).value())
}

/// `operator.NAME(a, b, ...)`, with `NAME(...)` for a recursive repr.
fn getter_repr(
    ts: &mut ThreadState,
    v: Value,
    name: &str,
    parts: impl FnOnce(&mut ThreadState) -> PyResult<Vec<String>>,
) -> PyResult<Value> {
    if ts.repr_guard.contains(&v.bits()) {
        return Ok(StrObj::new(ts, &format!("operator.{name}(...)")));
    }
    ts.repr_guard.push(v.bits());
    let r = parts(ts);
    ts.repr_guard.pop();
    let s = format!("operator.{name}({})", r?.join(", "));
    Ok(StrObj::new(ts, &s))
}

fn itemgetter_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = native::expect::<ItemGetter>(ts, v, "operator.itemgetter")?;
    getter_repr(ts, v, "itemgetter", |ts| {
        tuple_items(g.items)
            .iter()
            .map(|&x| ops::repr_string(ts, x))
            .collect()
    })
}

fn itemgetter_reduce(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("itemgetter.__reduce__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let g = native::expect::<ItemGetter>(ts, v, "operator.itemgetter")?;
    Ok(TupleObj::new(ts, &[type_of(v).value(), g.items]).value())
}

// ---- attrgetter -----------------------------------------------------------------------

struct AttrGetter {
    /// One entry per attribute: an interned str, or a tuple of interned
    /// strs for a dotted name.
    attrs: Value,
}

// SAFETY: traces the tuple.
unsafe impl NativeData for AttrGetter {
    fn trace(&self, m: &mut Marker) {
        m.value(self.attrs);
    }
}

fn attrgetter_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    no_kw_plain(ts, "attrgetter", kw)?;
    if args.is_empty() {
        return Err(ts.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut attrs = RootedVec::with_capacity(ts, args.len());
    for &a in args {
        let Some(s) = a.downcast::<StrObj>() else {
            return Err(ts.type_error("attribute name must be a string"));
        };
        let text = s.obj().as_wtf8();
        if text.contains(&b'.') {
            let mut parts = RootedVec::new(ts);
            for p in text.split(|&c| c == b'.') {
                let ps = ftpy_vm::objects::str::new_str_wtf8(ts, p);
                let ps = match ps.downcast::<StrObj>() {
                    Some(p) => intern_str(ts, p).value(),
                    None => ps,
                };
                parts.push(ps);
            }
            let t = TupleObj::new(ts, &parts);
            attrs.push(t.value());
        } else {
            attrs.push(intern_str(ts, s).value());
        }
    }
    let attrs = TupleObj::new(ts, &attrs).value();
    Ok(NativeObj::new(ts, cls, AttrGetter { attrs }).value())
}

fn get_dotted(ts: &mut ThreadState, obj: Value, attr: Value) -> PyResult<Value> {
    if let Some(parts) = attr.downcast::<TupleObj>() {
        let mut o = obj;
        for &p in parts.obj().items() {
            o = getattr_value(ts, o, p)?;
        }
        return Ok(o);
    }
    getattr_value(ts, obj, attr)
}

fn getattr_value(ts: &mut ThreadState, obj: Value, name: Value) -> PyResult<Value> {
    match name.downcast::<StrObj>() {
        Some(n) => ops::getattr(ts, obj, n),
        None => Err(ts.type_error("attribute name must be a string")),
    }
}

fn attrgetter_call(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<Value> {
    let g = native::expect::<AttrGetter>(ts, v, "operator.attrgetter")?;
    let obj = one_arg(ts, "attrgetter", args, kw)?;
    let attrs = tuple_items(g.attrs);
    if attrs.len() == 1 {
        return get_dotted(ts, obj, attrs[0]);
    }
    let mut out = RootedVec::with_capacity(ts, attrs.len());
    for &a in attrs {
        let x = get_dotted(ts, obj, a)?;
        out.push(x);
    }
    Ok(TupleObj::new(ts, &out).value())
}

/// The attribute names as given (`a.b` for a dotted one), as str values.
fn attr_names(ts: &mut ThreadState, g: &AttrGetter) -> RootedVec {
    let mut out = RootedVec::new(ts);
    for &a in tuple_items(g.attrs) {
        match a.downcast::<TupleObj>() {
            Some(parts) => {
                let mut joined: Vec<u8> = Vec::new();
                for (i, &p) in parts.obj().items().iter().enumerate() {
                    if i > 0 {
                        joined.push(b'.');
                    }
                    if let Some(s) = p.downcast::<StrObj>() {
                        joined.extend_from_slice(s.obj().as_wtf8());
                    }
                }
                let s = ftpy_vm::objects::str::new_str_wtf8(ts, &joined);
                out.push(s);
            }
            None => out.push(a),
        }
    }
    out
}

fn attrgetter_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = native::expect::<AttrGetter>(ts, v, "operator.attrgetter")?;
    let names = attr_names(ts, g);
    getter_repr(ts, v, "attrgetter", |ts| {
        names.iter().map(|&x| ops::repr_string(ts, x)).collect()
    })
}

fn attrgetter_reduce(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("attrgetter.__reduce__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let g = native::expect::<AttrGetter>(ts, v, "operator.attrgetter")?;
    let names = attr_names(ts, g);
    let t = TupleObj::new(ts, &names);
    Ok(TupleObj::new(ts, &[type_of(v).value(), t.value()]).value())
}

// ---- methodcaller ---------------------------------------------------------------------

struct MethodCaller {
    name: Value,
    /// A tuple.
    args: Value,
    /// A dict.
    kwargs: Value,
}

// SAFETY: traces the three values.
unsafe impl NativeData for MethodCaller {
    fn trace(&self, m: &mut Marker) {
        m.value(self.name);
        m.value(self.args);
        m.value(self.kwargs);
    }
}

fn methodcaller_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    let n = nkw(kw);
    let npos = args.len() - n;
    if npos < 1 {
        return Err(ts.type_error("methodcaller needs at least one argument, the method name"));
    }
    let Some(name) = args[0].downcast::<StrObj>() else {
        return Err(ts.type_error("method name must be a string"));
    };
    let name = intern_str(ts, name).value();
    let margs = TupleObj::new(ts, &args[1..npos]).value();
    let d = DictObj::new(ts);
    if let Some(names) = kw {
        for (i, &k) in names.items().iter().enumerate() {
            d.set_item(ts, k, args[npos + i])?;
        }
    }
    let data = MethodCaller {
        name,
        args: margs,
        kwargs: d.value(),
    };
    Ok(NativeObj::new(ts, cls, data).value())
}

fn methodcaller_call(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = native::expect::<MethodCaller>(ts, v, "operator.methodcaller")?;
    let obj = one_arg(ts, "methodcaller", args, kw)?;
    let m = getattr_value(ts, obj, c.name)?;
    let margs = tuple_items(c.args);
    let Some(kwargs) = c.kwargs.downcast::<DictObj>() else {
        return ops::call(ts, m, margs, None);
    };
    if kwargs.is_empty() {
        return ops::call(ts, m, margs, None);
    }
    let items = kwargs.items_rooted(ts);
    let mut all = RootedVec::with_capacity(ts, margs.len() + items.len() / 2);
    all.extend_from_slice(margs);
    let mut knames = RootedVec::with_capacity(ts, items.len() / 2);
    for pair in items.chunks(2) {
        knames.push(pair[0]);
        all.push(pair[1]);
    }
    let kn = TupleObj::new(ts, &knames);
    let all_ref: &[Value] = &all;
    let r = ops::call(ts, m, all_ref, Some(kn));
    drop(all);
    r
}

fn methodcaller_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let c = native::expect::<MethodCaller>(ts, v, "operator.methodcaller")?;
    let kwitems = match c.kwargs.downcast::<DictObj>() {
        Some(d) => d.items_rooted(ts),
        None => RootedVec::new(ts),
    };
    getter_repr(ts, v, "methodcaller", |ts| {
        let mut parts = vec![ops::repr_string(ts, c.name)?];
        for &a in tuple_items(c.args) {
            parts.push(ops::repr_string(ts, a)?);
        }
        for pair in kwitems.chunks(2) {
            let k = ops::str_string(ts, pair[0])?;
            let r = ops::repr_string(ts, pair[1])?;
            parts.push(format!("{k}={r}"));
        }
        Ok(parts)
    })
}

fn methodcaller_reduce(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("methodcaller.__reduce__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let c = native::expect::<MethodCaller>(ts, v, "operator.methodcaller")?;
    let kwargs = c.kwargs.downcast::<DictObj>();
    match kwargs {
        Some(d) if !d.is_empty() => {
            // functools.partial(type(self), name, **kwargs), args
            let functools = ftpy_vm::import::import_simple(ts, "functools")?;
            let partial = ops::getattr_str(ts, functools, "partial")?;
            let items = d.items_rooted(ts);
            let mut all = RootedVec::with_capacity(ts, 2 + items.len() / 2);
            all.push(type_of(v).value());
            all.push(c.name);
            let mut knames = RootedVec::with_capacity(ts, items.len() / 2);
            for pair in items.chunks(2) {
                knames.push(pair[0]);
                all.push(pair[1]);
            }
            let kn = TupleObj::new(ts, &knames);
            let all_ref: &[Value] = &all;
            let ctor = ops::call(ts, partial, all_ref, Some(kn))?;
            Ok(TupleObj::new(ts, &[ctor, c.args]).value())
        }
        _ => {
            let mut a = RootedVec::new(ts);
            a.push(c.name);
            a.extend_from_slice(tuple_items(c.args));
            let t = TupleObj::new(ts, &a);
            Ok(TupleObj::new(ts, &[type_of(v).value(), t.value()]).value())
        }
    }
}

// ---- the module -------------------------------------------------------------------------

const ITEMGETTER_DOC: &str = "itemgetter(item, ...) --> itemgetter object\n\nA callable that fetches the given item(s) from its operand:\nitemgetter(2)(r) is r[2]; itemgetter(2, 5)(r) is (r[2], r[5]).";
const ATTRGETTER_DOC: &str = "attrgetter(attr, ...) --> attrgetter object\n\nA callable that fetches the given attribute(s) from its operand:\nattrgetter('a.b')(r) is r.a.b; attrgetter('x', 'y')(r) is (r.x, r.y).";
const METHODCALLER_DOC: &str = "methodcaller(name, ...) --> methodcaller object\n\nA callable that calls the named method on its operand with the given\narguments: methodcaller('f', 1, k=2)(r) is r.f(1, k=2).";

#[allow(clippy::too_many_arguments)]
fn make_type<T: NativeData>(
    ts: &mut ThreadState,
    m: Gc<ModuleObj>,
    name: &str,
    doc: &str,
    new: ftpy_vm::objects::typeobj::NewFn,
    call: ftpy_vm::objects::typeobj::CallFn,
    repr: ftpy_vm::objects::typeobj::UnaryFn,
    reduce: ftpy_vm::objects::NativeFn,
    cell: &OnceLock<Gc<TypeObj>>,
) {
    let t = native::new_type::<T>(ts, name, "operator", None, false);
    t.slots.new.set(Some(new));
    t.slots.call.set(Some(call));
    t.slots.repr.set(Some(repr));
    add_methods(ts, t, &[method("__reduce__", reduce)]);
    let d = StrObj::new(ts, doc);
    set_type_attr(ts, t, "__doc__", d);
    native::finish_type(ts, t);
    add_global_root(t.value());
    let _ = cell.set(t);
    m.set_attr(ts, name, t.value());
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(
        ts,
        "Operator interface: Python's operators as functions (operator.add(x, y)\nis x + y), named after the special methods.",
    );
    m.set_attr(ts, "__doc__", doc);
    for &(name, f) in BINARY.iter().chain(UNARY) {
        m.add_function(ts, name, f);
    }
    m.add_function(ts, "setitem", f_setitem);
    m.add_function(ts, "call", f_call);
    m.add_function(ts, "length_hint", f_length_hint);
    make_type::<ItemGetter>(
        ts,
        m,
        "itemgetter",
        ITEMGETTER_DOC,
        itemgetter_new,
        itemgetter_call,
        itemgetter_repr,
        itemgetter_reduce,
        &ITEMGETTER,
    );
    make_type::<AttrGetter>(
        ts,
        m,
        "attrgetter",
        ATTRGETTER_DOC,
        attrgetter_new,
        attrgetter_call,
        attrgetter_repr,
        attrgetter_reduce,
        &ATTRGETTER,
    );
    make_type::<MethodCaller>(
        ts,
        m,
        "methodcaller",
        METHODCALLER_DOC,
        methodcaller_new,
        methodcaller_call,
        methodcaller_repr,
        methodcaller_reduce,
        &METHODCALLER,
    );
    Ok(())
}
