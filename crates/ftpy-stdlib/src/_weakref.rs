//! `_weakref`: the native half of `weakref` (the reference and proxy
//! types live in the VM, `ftpy_vm::objects::weakref`, because the
//! collector clears them).

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::interp::types;
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::weakref::{new_weakref, weakrefs_to, WeakRefObj};
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// `proxy(object, callback=None, /)`.
fn proxy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("proxy(object, callback=None, /)");
    let [obj, cb] = SIG.bind(ts, args, kw)?;
    let cb = cb.non_null().unwrap_or(Value::NONE);
    Ok(new_weakref(ts, types().weakproxy, obj, cb)?.value())
}

/// `getweakrefcount(object, /)`: how many weak references and proxies
/// refer to the object.
fn getweakrefcount(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getweakrefcount(object, /)");
    let [obj] = SIG.bind(ts, args, kw)?;
    let n = weakrefs_to(ts, obj).len();
    Ok(Value::small_int_unchecked(n as i64))
}

/// `getweakrefs(object, /)`: a list of the weak references and proxies
/// that refer to the object.
fn getweakrefs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getweakrefs(object, /)");
    let [obj] = SIG.bind(ts, args, kw)?;
    let refs = weakrefs_to(ts, obj);
    // No safepoint between reading the registry and building the list:
    // `ListObj::new` copies the values before anything can collect.
    Ok(ListObj::new(ts, &refs).value())
}

/// `_remove_dead_weakref(dct, key, /)`: deletes `dct[key]` if it is a
/// dead weak reference (used by `WeakValueDictionary` callbacks).
fn remove_dead_weakref(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_remove_dead_weakref(dct, key, /)");
    let [d, key] = SIG.bind(ts, args, kw)?;
    let Some(d) = d.downcast::<DictObj>() else {
        return Err(ts.type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            ftpy_vm::objects::typeobj::type_name(d)
        )));
    };
    // Delete only if the value is a dead reference. (Not atomic with the
    // check: a thread storing a new value for `key` in between loses it;
    // the dict's own conditional delete belongs to the container-safety
    // work of the free-threading issue.)
    if let Some(v) = d.get_item_opt(ts, key)? {
        if let Some(w) = v.downcast::<WeakRefObj>() {
            if w.get().is_none() {
                d.del_item_opt(ts, key)?;
            }
        }
    }
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let t = types();
    m.set_attr(ts, "ref", t.weakref.value());
    m.set_attr(ts, "ReferenceType", t.weakref.value());
    m.set_attr(ts, "ProxyType", t.weakproxy.value());
    m.set_attr(ts, "CallableProxyType", t.weakcallableproxy.value());
    m.add_function(ts, "proxy", proxy);
    m.add_function(ts, "getweakrefcount", getweakrefcount);
    m.add_function(ts, "getweakrefs", getweakrefs);
    m.add_function(ts, "_remove_dead_weakref", remove_dead_weakref);
    Ok(())
}
