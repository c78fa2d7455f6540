//! `_warnings`: `warn`, for the code that imports it before (or instead
//! of) `warnings` — CPython's import system (`importlib._bootstrap` takes
//! `_warnings` as a built-in module).
//!
//! The warning machinery itself is the pure-Python `warnings` module:
//! `_warnings` does not define `filters`, `_defaultaction`,
//! `_onceregistry`, `warn_explicit` or `_filters_mutated`, so `warnings`
//! keeps its own implementation (its documented fallback), and
//! `_warnings.warn` calls `warnings.warn`. A native function has no frame,
//! so `stacklevel` counts from the same Python frame as it would in
//! CPython.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

fn warn(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("warn(message, category=None, stacklevel=1, source=None)");
    let [message, category, stacklevel, source] = SIG.bind(ts, args, kw)?;
    let name = StrObj::new(ts, "warnings");
    let warnings =
        ftpy_vm::import::import_module_level(ts, name, Value::NONE, Value::NONE, Value::NONE, 0)?;
    let f = ops::getattr_str(ts, warnings, "warn")?;
    let category = category.non_null().unwrap_or(Value::NONE);
    let stacklevel = stacklevel
        .non_null()
        .unwrap_or(Value::small_int_unchecked(1));
    let source = source.non_null().unwrap_or(Value::NONE);
    ops::call(ts, f, &[message, category, stacklevel, source], None)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    m.add_function(ts, "warn", warn);
    Ok(())
}
