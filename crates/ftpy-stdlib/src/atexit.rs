//! `atexit`: functions to call when the interpreter exits.
//!
//! The callbacks are a list held as a process root. `ftpy_vm::finalize`
//! runs them (last registered first) after `threading` has joined its
//! non-daemon threads, as CPython's finalization does.

use std::sync::OnceLock;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// The registered callbacks: a list of `(func, args, kwnames)` tuples.
static CALLBACKS: OnceLock<Gc<ListObj>> = OnceLock::new();

fn callbacks(ts: &mut ThreadState) -> Gc<ListObj> {
    if let Some(l) = CALLBACKS.get() {
        return *l;
    }
    let l = ListObj::new(ts, &[]);
    ftpy_vm::interp::add_global_root(l.value());
    *CALLBACKS.get_or_init(|| l)
}

fn register(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(&func) = args
        .first()
        .filter(|_| args.len() > kw.map(|k| k.len()).unwrap_or(0))
    else {
        return Err(ts.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !ops::callable(func) {
        return Err(ts.type_error("the first argument must be callable"));
    }
    let rest = TupleObj::new(ts, &args[1..]);
    let kwn = kw.map(|k| k.value()).unwrap_or(Value::NONE);
    let entry = TupleObj::new(ts, &[func, rest.value(), kwn]);
    callbacks(ts).append(ts, entry.value());
    Ok(func)
}

fn unregister(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unregister(func, /)");
    let [func] = SIG.bind(ts, args, kw)?;
    let l = callbacks(ts);
    let mut i = 0;
    while i < l.len() {
        let Some(e) = l.get(i) else { break };
        // SAFETY: the list holds only the tuples `register` made.
        let t: Gc<TupleObj> = unsafe { e.downcast_unchecked() };
        let f = t.items()[0];
        if f == func || ops::eq(ts, f, func)? {
            ops::setitem(ts, l.value(), Value::small_int_unchecked(i as i64), None)?;
        } else {
            i += 1;
        }
    }
    Ok(Value::NONE)
}

/// Runs and clears the callbacks, newest first; an exception in one is
/// printed and the others still run.
pub fn run_exitfuncs(ts: &mut ThreadState) {
    let l = callbacks(ts);
    loop {
        let n = l.len();
        if n == 0 {
            return;
        }
        let Some(e) = l.pop_at(ts, n as i64 - 1) else {
            return;
        };
        // SAFETY: the list holds only the tuples `register` made.
        let t: Gc<TupleObj> = unsafe { e.downcast_unchecked() };
        let (f, a, k) = (t.items()[0], t.items()[1], t.items()[2]);
        let mut all = ftpy_vm::gc::RootedVec::new(ts);
        if let Some(at) = a.downcast::<TupleObj>() {
            all.extend_from_slice(at.items());
        }
        let r = ops::call(ts, f, &all, k.downcast::<TupleObj>());
        if let Err(err) = r {
            if err.matches(ftpy_vm::interp::types().system_exit) {
                continue;
            }
            ftpy_vm::report_unraisable_msg(ts, err, "Exception ignored in atexit callback", f);
        }
    }
}

fn run_exitfuncs_py(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_run_exitfuncs()");
    let [] = SIG.bind(ts, args, kw)?;
    run_exitfuncs(ts);
    Ok(Value::NONE)
}

fn clear(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_clear()");
    let [] = SIG.bind(ts, args, kw)?;
    let l = callbacks(ts);
    while l.pop_at(ts, -1).is_some() {}
    Ok(Value::NONE)
}

fn ncallbacks(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_ncallbacks()");
    let [] = SIG.bind(ts, args, kw)?;
    Ok(Value::small_int_unchecked(callbacks(ts).len() as i64))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    callbacks(ts);
    m.add_function(ts, "register", register);
    m.add_function(ts, "unregister", unregister);
    m.add_function(ts, "_run_exitfuncs", run_exitfuncs_py);
    m.add_function(ts, "_clear", clear);
    m.add_function(ts, "_ncallbacks", ncallbacks);
    Ok(())
}
