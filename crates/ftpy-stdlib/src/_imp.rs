//! `_imp`: the native side of importlib, over ftpy's import system
//! (`ftpy_vm::import`). CPython's pure-Python `importlib._bootstrap`
//! calls these; ftpy has no frozen modules and loads no C extensions
//! (`create_dynamic` raises an ImportError naming the file).

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::import;
use ftpy_vm::objects::bytes::{bytes_data, BytesObj};
use ftpy_vm::objects::code::CodeObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::type_name;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

fn name_arg(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<String> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(ts.type_error(format!("{what} must be str, not {}", type_name(v)))),
    }
}

fn acquire_lock(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("acquire_lock()");
    let [] = SIG.bind(ts, args, kw)?;
    import::locks::acquire_global(ts);
    Ok(Value::NONE)
}

fn release_lock(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("release_lock()");
    let [] = SIG.bind(ts, args, kw)?;
    if !import::locks::release_global(ts) {
        return Err(ts.runtime_error("not holding the import lock"));
    }
    Ok(Value::NONE)
}

fn lock_held(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lock_held()");
    let [] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(import::locks::global_held()))
}

/// 1 for a built-in module, -1 for one that cannot be made again (`sys`,
/// `builtins`), 0 otherwise.
fn is_builtin(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("is_builtin(name, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let n = name_arg(ts, n, "is_builtin() argument")?;
    let r = if n == "sys" || n == "builtins" {
        -1
    } else {
        import::is_builtin(&n) as i64
    };
    Ok(Value::small_int_unchecked(r))
}

fn create_builtin(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("create_builtin(spec, /)");
    let [spec] = SIG.bind(ts, args, kw)?;
    let n = ops::getattr_str(ts, spec, "name")?;
    let n = name_arg(ts, n, "spec.name")?;
    if let Some(m) = ftpy_vm::interp::interp().modules.get_str_text(&n) {
        if m.downcast::<ModuleObj>().is_some() && (n == "sys" || n == "builtins") {
            return Ok(m);
        }
    }
    import::create_builtin(ts, &n)
}

fn exec_builtin(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("exec_builtin(mod, /)");
    let [_m] = SIG.bind(ts, args, kw)?;
    Ok(Value::small_int_unchecked(0))
}

fn is_frozen(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("is_frozen(name, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    name_arg(ts, n, "is_frozen() argument")?;
    Ok(Value::FALSE)
}

fn no_frozen(ts: &mut ThreadState, n: Value) -> PyResult<Value> {
    let r = ops::repr_string(ts, n)?;
    let msg = format!("No such frozen object named {r}");
    let name = ftpy_vm::objects::str::as_str(n).map(|s| s.to_string());
    Err(import::import_error_with(
        ts,
        ftpy_vm::interp::types().import_error,
        &msg,
        name.as_deref(),
        None,
    ))
}

fn is_frozen_package(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("is_frozen_package(name, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    name_arg(ts, n, "is_frozen_package() argument")?;
    no_frozen(ts, n)
}

fn get_frozen_object(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("get_frozen_object(name, data=None, /)");
    let [n, _data] = SIG.bind(ts, args, kw)?;
    name_arg(ts, n, "get_frozen_object() argument 1")?;
    no_frozen(ts, n)
}

fn find_frozen(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("find_frozen(name, /, *, withdata=False)");
    let [n, _withdata] = SIG.bind(ts, args, kw)?;
    name_arg(ts, n, "find_frozen() argument")?;
    Ok(Value::NONE)
}

fn init_frozen(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("init_frozen(name, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    name_arg(ts, n, "init_frozen() argument")?;
    Ok(Value::NONE)
}

fn frozen_module_names(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_frozen_module_names()");
    let [] = SIG.bind(ts, args, kw)?;
    Ok(TupleObj::new(ts, &[]).value())
}

fn extension_suffixes(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("extension_suffixes()");
    let [] = SIG.bind(ts, args, kw)?;
    let s = import::path::extension_suffixes();
    Ok(ftpy_vm::builtins::str_list(ts, &s))
}

/// C extension modules cannot be loaded: an ImportError naming the file.
fn create_dynamic(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("create_dynamic(spec, file=<unrepresentable>, /)");
    let [spec, _file] = SIG.bind(ts, args, kw)?;
    let n = ops::getattr_str(ts, spec, "name")?;
    let n = ops::str_string(ts, n)?;
    let origin = ops::getattr_str(ts, spec, "origin")?;
    let origin = ops::str_string(ts, origin)?;
    Err(import::unloadable(ts, &n, &origin, "a C extension module"))
}

fn exec_dynamic(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("exec_dynamic(mod, /)");
    let [_m] = SIG.bind(ts, args, kw)?;
    Ok(Value::small_int_unchecked(0))
}

/// Renames a code object's file (and its nested code objects' that had
/// the same name), for a module whose source moved.
fn fix_co_filename(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_fix_co_filename(code, path, /)");
    let [code, path] = SIG.bind(ts, args, kw)?;
    let Some(code) = code.downcast::<CodeObj>() else {
        return Err(ts.type_error(format!(
            "_fix_co_filename() argument 1 must be code, not {}",
            type_name(code)
        )));
    };
    let Some(p) = path.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "_fix_co_filename() argument 2 must be str, not {}",
            type_name(path)
        )));
    };
    let old = code.filename.get();
    if ops::eq(ts, old, p.value())? {
        return Ok(Value::NONE);
    }
    rename(ts, code, old, p.value())?;
    Ok(Value::NONE)
}

fn rename(ts: &mut ThreadState, code: Gc<CodeObj>, old: Value, new: Value) -> PyResult<()> {
    if !ops::eq(ts, code.filename.get(), old)? {
        return Ok(());
    }
    code.filename.set(new);
    for &k in code.consts().items() {
        if let Some(c) = k.downcast::<CodeObj>() {
            rename(ts, c, old, new)?;
        }
    }
    Ok(())
}

/// `_override_frozen_modules_for_tests(override, /)`: CPython's switch
/// between frozen and source copies of stdlib modules. ftpy has no frozen
/// modules, so every module already comes from its source, which is what
/// either setting asks for; the argument is checked as CPython's `int`.
fn override_frozen_modules_for_tests(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_imp._override_frozen_modules_for_tests(override, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    ops::index(ts, v)?;
    Ok(Value::NONE)
}

/// SipHash-1-3 of `source` keyed by `key` (hash-based `.pyc` files).
fn source_hash(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("source_hash(key, source)");
    let [key, source] = SIG.bind(ts, args, kw)?;
    let key = ops::index(ts, key)?;
    let Some(k) = ftpy_vm::objects::int::to_i64(key) else {
        return Err(ts.overflow_error("Python int too large to convert to C long"));
    };
    let Some(data) = bytes_data(source) else {
        return Err(ts.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(source)
        )));
    };
    let h = ftpy_vm::hash::keyed_siphash13(k as u64, 0, &data);
    Ok(BytesObj::new(ts, &h.to_ne_bytes()))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let funcs: &[(&str, ftpy_vm::objects::NativeFn)] = &[
        ("acquire_lock", acquire_lock),
        ("release_lock", release_lock),
        ("lock_held", lock_held),
        ("is_builtin", is_builtin),
        ("create_builtin", create_builtin),
        ("exec_builtin", exec_builtin),
        ("is_frozen", is_frozen),
        ("is_frozen_package", is_frozen_package),
        ("get_frozen_object", get_frozen_object),
        ("find_frozen", find_frozen),
        ("init_frozen", init_frozen),
        ("_frozen_module_names", frozen_module_names),
        ("extension_suffixes", extension_suffixes),
        ("create_dynamic", create_dynamic),
        ("exec_dynamic", exec_dynamic),
        ("_fix_co_filename", fix_co_filename),
        ("source_hash", source_hash),
        (
            "_override_frozen_modules_for_tests",
            override_frozen_modules_for_tests,
        ),
    ];
    for &(n, f) in funcs {
        m.add_function(ts, n, f);
    }
    let d = StrObj::new(ts, "default");
    m.set_attr(ts, "check_hash_based_pycs", d);
    Ok(())
}
