//! `_contextvars`: `ContextVar`, `Token`, `Context` and `copy_context`,
//! behind `contextvars` and `asyncio`.
//!
//! # Representation
//! A context's variables are a dict that is never changed once a context
//! holds it: `var.set()` builds a new dict (the old one plus the change)
//! and stores it into the current context's `vars` slot. So copying a
//! context (`copy_context()`, done by asyncio for every task and
//! callback) shares the dict and costs nothing, and a reader on another
//! thread always sees a complete mapping. Setting costs a copy of the
//! variables of one context, which are few. (CPython uses a persistent
//! hash trie to the same effect; iteration order differs: CPython's
//! follows hashes, ours insertion.)
//!
//! # The current context
//! Each thread has its own current context, kept in the thread's own
//! state (`ThreadState::local_dict`, keyed by a private sentinel object)
//! and created empty on first use, so every thread starts with an empty
//! context as in CPython 3.11. `Context.run` swaps it in and out; a
//! context is "entered" by at most one `run` at a time, on any thread.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use ftpy_compiler::CompareOp;
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, Slot};
use ftpy_vm::interp::{add_global_root, types};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, data_of, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{TypeObj, UnaryFn};
use ftpy_vm::objects::{add_getset, add_methods, method, set_type_attr};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

static CONTEXT_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
static VAR_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
static TOKEN_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
/// `Token.MISSING`.
static MISSING: OnceLock<Value> = OnceLock::new();
/// The key of each thread's current context in its thread state.
static CURRENT_KEY: OnceLock<Value> = OnceLock::new();

fn ty(ts: &mut ThreadState, cell: &OnceLock<Gc<TypeObj>>) -> PyResult<Gc<TypeObj>> {
    match cell.get() {
        Some(&t) => Ok(t),
        None => Err(ts.system_error("_contextvars not initialized")),
    }
}

fn addr(v: Value) -> String {
    format!("{:#x}", v.as_addr().unwrap_or(0))
}

// ---- Context -------------------------------------------------------------------

struct Context {
    /// A dict of ContextVar -> value, never mutated once stored here.
    vars: Slot,
    entered: AtomicBool,
}

// SAFETY: traces the dict.
unsafe impl NativeData for Context {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.vars);
    }
}

impl Context {
    fn vars(&self) -> Gc<DictObj> {
        // SAFETY: `vars` always holds a dict.
        unsafe { self.vars.get().downcast_unchecked() }
    }
}

fn new_context(ts: &mut ThreadState, vars: Option<Gc<DictObj>>) -> PyResult<Value> {
    let cls = ty(ts, &CONTEXT_TYPE)?;
    let vars = match vars {
        Some(d) => d,
        None => DictObj::new(ts),
    };
    let c = Context {
        vars: Slot::new(vars.value()),
        entered: AtomicBool::new(false),
    };
    Ok(NativeObj::new(ts, cls, c).value())
}

fn ctx_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Context> {
    native::expect::<Context>(ts, v, "_contextvars.Context")
}

/// This thread's current context (created empty on first use).
fn current(ts: &mut ThreadState) -> PyResult<Value> {
    let Some(&key) = CURRENT_KEY.get() else {
        return Err(ts.system_error("_contextvars not initialized"));
    };
    if let Some(c) = ts.local_dict(key) {
        return Ok(c);
    }
    let c = new_context(ts, None)?;
    ts.set_local_dict(key, c);
    Ok(c)
}

fn set_current(ts: &mut ThreadState, ctx: Value) {
    if let Some(&key) = CURRENT_KEY.get() {
        ts.set_local_dict(key, ctx);
    }
}

fn context_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    _kw: Kw,
) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(ts.type_error("Context() does not accept any arguments"));
    }
    new_context(ts, None)
}

/// The `ContextVar` a mapping operation was given, or CPython's TypeError.
fn var_key(ts: &mut ThreadState, k: Value) -> PyResult<&'static Var> {
    match data_of::<Var>(k) {
        Some(v) => Ok(v),
        None => {
            let r = ops::repr_string(ts, k)?;
            Err(ts.type_error(format!("a ContextVar key was expected, got {r}")))
        }
    }
}

fn context_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let c = ctx_of(ts, v)?;
    var_key(ts, key)?;
    match c.vars().get_item_opt(ts, key)? {
        Some(x) => Ok(x),
        None => Err(ts.key_error(key)),
    }
}

fn context_contains(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<bool> {
    let c = ctx_of(ts, v)?;
    var_key(ts, key)?;
    Ok(c.vars().get_item_opt(ts, key)?.is_some())
}

fn context_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    Ok(ctx_of(ts, v)?.vars().len())
}

fn context_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = ctx_of(ts, v)?.vars();
    ops::iter(ts, d.value())
}

fn context_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (data_of::<Context>(a), data_of::<Context>(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let eq = ops::eq(ts, x.vars().value(), y.vars().value())?;
    Ok(Value::from_bool(eq == (op == CompareOp::Eq)))
}

fn m_context_get(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Context.get($self, key, default=None, /)");
    let [v, key, default] = SIG.bind(ts, args, kw)?;
    let c = ctx_of(ts, v)?;
    var_key(ts, key)?;
    match c.vars().get_item_opt(ts, key)? {
        Some(x) => Ok(x),
        None => Ok(default.non_null().unwrap_or(Value::NONE)),
    }
}

fn view(ts: &mut ThreadState, args: &[Value], kw: Kw, sig: &Sig, which: &str) -> PyResult<Value> {
    let [v] = sig.bind(ts, args, kw)?;
    let d = ctx_of(ts, v)?.vars();
    let name = ftpy_vm::interp::intern(ts, which);
    ops::call_method(ts, d.value(), name, &[])
}

fn m_context_keys(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Context.keys($self, /)");
    view(ts, args, kw, &SIG, "keys")
}

fn m_context_values(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Context.values($self, /)");
    view(ts, args, kw, &SIG, "values")
}

fn m_context_items(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Context.items($self, /)");
    view(ts, args, kw, &SIG, "items")
}

fn m_context_copy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Context.copy($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let d = ctx_of(ts, v)?.vars();
    new_context(ts, Some(d))
}

fn m_context_run(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = args[0];
    let c = ctx_of(ts, v)?;
    let npos = args.len() - kw.map(|k| k.len()).unwrap_or(0);
    if npos < 2 {
        return Err(ts.type_error("run() missing 1 required positional argument"));
    }
    if c.entered.swap(true, Ordering::AcqRel) {
        let r = ops::repr_string(ts, v)?;
        return Err(ts.runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    let prev = match current(ts) {
        Ok(p) => p,
        Err(e) => {
            c.entered.store(false, Ordering::Release);
            return Err(e);
        }
    };
    set_current(ts, v);
    let r = ops::call(ts, args[1], &args[2..], kw);
    set_current(ts, prev);
    c.entered.store(false, Ordering::Release);
    r
}

fn copy_context(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_contextvars.copy_context()");
    let [] = SIG.bind(ts, args, kw)?;
    let cur = current(ts)?;
    let d = ctx_of(ts, cur)?.vars();
    new_context(ts, Some(d))
}

// ---- ContextVar ----------------------------------------------------------------

struct Var {
    name: Value,
    /// NULL when there is none.
    default: Value,
    name_hash: i64,
}

// SAFETY: traces the name and the default.
unsafe impl NativeData for Var {
    fn trace(&self, m: &mut Marker) {
        m.value(self.name);
        m.value(self.default);
    }
}

fn var_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Var> {
    native::expect::<Var>(ts, v, "_contextvars.ContextVar")
}

fn var_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    let names: &[Value] = kw.map(|k| k.obj().items()).unwrap_or(&[]);
    let npos = args.len() - names.len();
    if npos > 1 {
        return Err(ts.type_error(format!(
            "ContextVar() takes at most 1 positional argument ({npos} given)"
        )));
    }
    let mut name = if npos == 1 { args[0] } else { Value::NULL };
    let mut default = Value::NULL;
    for (i, &k) in names.iter().enumerate() {
        match ftpy_vm::objects::str::as_str(k) {
            Some("name") if name.is_null() => name = args[npos + i],
            Some("name") => {
                return Err(ts.type_error(
                    "argument for ContextVar() given by name ('name') and position (1)",
                ))
            }
            Some("default") => default = args[npos + i],
            Some(other) => {
                return Err(ts.type_error(format!(
                    "'{other}' is an invalid keyword argument for ContextVar()"
                )))
            }
            None => return Err(ts.type_error("keywords must be strings")),
        }
    }
    if name.is_null() {
        return Err(ts.type_error("ContextVar() takes exactly 1 positional argument (0 given)"));
    }
    if name.downcast::<StrObj>().is_none() {
        return Err(ts.type_error("context variable name must be a str"));
    }
    let name_hash = ops::hash(ts, name)?;
    let data = Var {
        name,
        default,
        name_hash,
    };
    Ok(NativeObj::new(ts, cls, data).value())
}

/// Identity mixed with the name's hash, as CPython's; never -1.
fn var_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let var = var_of(ts, v)?;
    let h = (v.as_addr().unwrap_or(0) as i64 >> 4) ^ var.name_hash;
    Ok(if h == -1 { -2 } else { h })
}

fn var_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let var = var_of(ts, v)?;
    let name = ops::repr_string(ts, var.name)?;
    let default = if var.default.is_null() {
        String::new()
    } else {
        format!(" default={}", ops::repr_string(ts, var.default)?)
    };
    let s = format!("<ContextVar name={name}{default} at {}>", addr(v));
    Ok(StrObj::new(ts, &s))
}

fn var_name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(var_of(ts, v)?.name)
}

fn readonly(ts: &mut ThreadState, _v: Value, _x: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg("readonly attribute"))
}

fn lookup_error(ts: &mut ThreadState, var: Value) -> PyErr {
    ts.new_error_with(types().lookup_error, &[var])
}

fn m_var_get(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ContextVar.get($self, default=<unrepresentable>, /)");
    let [v, default] = SIG.bind(ts, args, kw)?;
    let var = var_of(ts, v)?;
    let cur = current(ts)?;
    let d = ctx_of(ts, cur)?.vars();
    if let Some(x) = d.get_item_opt(ts, v)? {
        return Ok(x);
    }
    if let Some(x) = default.non_null() {
        return Ok(x);
    }
    if !var.default.is_null() {
        return Ok(var.default);
    }
    Err(lookup_error(ts, v))
}

/// A copy of `d` with `key` set to `value` (removed when NULL).
fn with_change(
    ts: &mut ThreadState,
    d: Gc<DictObj>,
    key: Value,
    value: Value,
) -> PyResult<Gc<DictObj>> {
    let n = DictObj::new(ts);
    n.update_from_dict(ts, d)?;
    if value.is_null() {
        n.del_item_opt(ts, key)?;
    } else {
        n.set_item(ts, key, value)?;
    }
    Ok(n)
}

fn m_var_set(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ContextVar.set($self, value, /)");
    let [v, value] = SIG.bind(ts, args, kw)?;
    var_of(ts, v)?;
    let cur = current(ts)?;
    let c = ctx_of(ts, cur)?;
    let d = c.vars();
    let old = d.get_item_opt(ts, v)?.unwrap_or(Value::NULL);
    let n = with_change(ts, d, v, value)?;
    c.vars.set(n.value());
    let cls = ty(ts, &TOKEN_TYPE)?;
    let t = Token {
        ctx: cur,
        var: v,
        old,
        used: AtomicBool::new(false),
    };
    Ok(NativeObj::new(ts, cls, t).value())
}

fn m_var_reset(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ContextVar.reset($self, token, /)");
    let [v, tok] = SIG.bind(ts, args, kw)?;
    var_of(ts, v)?;
    let Some(t) = data_of::<Token>(tok) else {
        let r = ops::repr_string(ts, tok)?;
        return Err(ts.type_error(format!("expected an instance of Token, got {r}")));
    };
    if t.used.load(Ordering::Acquire) {
        let r = ops::repr_string(ts, tok)?;
        return Err(ts.runtime_error(format!("{r} has already been used once")));
    }
    if t.var != v {
        let r = ops::repr_string(ts, tok)?;
        return Err(ts.value_error(format!("{r} was created by a different ContextVar")));
    }
    let cur = current(ts)?;
    if t.ctx != cur {
        let r = ops::repr_string(ts, tok)?;
        return Err(ts.value_error(format!("{r} was created in a different Context")));
    }
    if t.used.swap(true, Ordering::AcqRel) {
        let r = ops::repr_string(ts, tok)?;
        return Err(ts.runtime_error(format!("{r} has already been used once")));
    }
    let c = ctx_of(ts, cur)?;
    let n = with_change(ts, c.vars(), v, t.old)?;
    c.vars.set(n.value());
    Ok(Value::NONE)
}

// ---- Token ---------------------------------------------------------------------

struct Token {
    ctx: Value,
    var: Value,
    /// NULL: the variable had no value (`Token.MISSING`).
    old: Value,
    used: AtomicBool,
}

// SAFETY: traces the context, the variable and the old value.
unsafe impl NativeData for Token {
    fn trace(&self, m: &mut Marker) {
        m.value(self.ctx);
        m.value(self.var);
        m.value(self.old);
    }
}

fn token_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Token> {
    native::expect::<Token>(ts, v, "_contextvars.Token")
}

fn token_new(ts: &mut ThreadState, _cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Err(ts.runtime_error("Tokens can only be created by ContextVars"))
}

fn token_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = token_of(ts, v)?;
    let var = ops::repr_string(ts, t.var)?;
    let used = if t.used.load(Ordering::Acquire) {
        " used"
    } else {
        ""
    };
    let s = format!("<Token{used} var={var} at {}>", addr(v));
    Ok(StrObj::new(ts, &s))
}

fn token_var(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(token_of(ts, v)?.var)
}

fn token_old_value(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let old = token_of(ts, v)?.old;
    if !old.is_null() {
        return Ok(old);
    }
    match MISSING.get() {
        Some(&m) => Ok(m),
        None => Err(ts.system_error("_contextvars not initialized")),
    }
}

struct Missing;

// SAFETY: holds no Values.
unsafe impl NativeData for Missing {
    fn trace(&self, _m: &mut Marker) {}
}

fn missing_repr(ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(StrObj::new(ts, "<Token.MISSING>"))
}

// ---- the module ----------------------------------------------------------------

fn make(
    ts: &mut ThreadState,
    m: Gc<ModuleObj>,
    t: Gc<TypeObj>,
    name: &str,
    doc: &str,
    cell: &OnceLock<Gc<TypeObj>>,
) {
    let d = StrObj::new(ts, doc);
    set_type_attr(ts, t, "__doc__", d);
    native::finish_type(ts, t);
    add_global_root(t.value());
    let _ = cell.set(t);
    m.set_attr(ts, name, t.value());
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, "Context Variables");
    m.set_attr(ts, "__doc__", doc);

    let c = native::new_type::<Context>(ts, "Context", "_contextvars", None, false);
    native::make_static(ts, c);
    let s = &c.slots;
    s.new.set(Some(context_new));
    s.getitem.set(Some(context_getitem));
    s.contains.set(Some(context_contains));
    s.len.set(Some(context_len));
    s.iter.set(Some(context_iter));
    s.richcompare.set(Some(context_richcompare));
    s.hash
        .set(Some(ftpy_vm::objects::slots::hash_not_implemented));
    add_methods(
        ts,
        c,
        &[
            method("get", m_context_get),
            method("keys", m_context_keys),
            method("values", m_context_values),
            method("items", m_context_items),
            method("copy", m_context_copy),
            method("run", m_context_run),
        ],
    );
    make(ts, m, c, "Context", "", &CONTEXT_TYPE);
    set_type_attr(ts, c, "__hash__", Value::NONE);
    set_type_attr(ts, c, "__doc__", Value::NONE);

    let v = native::new_type::<Var>(ts, "ContextVar", "_contextvars", None, false);
    native::make_static(ts, v);
    v.slots.new.set(Some(var_new));
    v.slots.hash.set(Some(var_hash));
    v.slots.repr.set(Some(var_repr as UnaryFn));
    add_getset(ts, v, "name", var_name, Some(readonly));
    add_methods(
        ts,
        v,
        &[
            method("get", m_var_get),
            method("set", m_var_set),
            method("reset", m_var_reset),
        ],
    );
    ftpy_vm::objects::genericalias::add_class_getitem(ts, v);
    make(ts, m, v, "ContextVar", "", &VAR_TYPE);
    set_type_attr(ts, v, "__doc__", Value::NONE);

    let t = native::new_type::<Token>(ts, "Token", "_contextvars", None, false);
    native::make_static(ts, t);
    t.slots.new.set(Some(token_new));
    t.slots.repr.set(Some(token_repr));
    add_getset(ts, t, "var", token_var, Some(readonly));
    add_getset(ts, t, "old_value", token_old_value, Some(readonly));
    ftpy_vm::objects::genericalias::add_class_getitem(ts, t);
    make(ts, m, t, "Token", "", &TOKEN_TYPE);
    set_type_attr(ts, t, "__doc__", Value::NONE);

    // CPython's tp_name is "Token.MISSING": module "Token", name "MISSING".
    let mt = native::new_type::<Missing>(ts, "MISSING", "Token", None, false);
    native::make_static(ts, mt);
    mt.slots.repr.set(Some(missing_repr));
    native::finish_type(ts, mt);
    add_global_root(mt.value());
    let missing = NativeObj::new(ts, mt, Missing).value();
    add_global_root(missing);
    let _ = MISSING.set(missing);
    set_type_attr(ts, t, "MISSING", missing);

    let key = ops::call0(ts, types().object.value())?;
    add_global_root(key);
    let _ = CURRENT_KEY.set(key);

    m.add_function(ts, "copy_context", copy_context);
    Ok(())
}
