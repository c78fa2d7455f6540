//! The frozen module `_ftpy_importlib` (bootstrap.py, compiled into the
//! binary): ftpy's module specs, finders and loaders. Loaded once, at
//! start-up ([`init`]) or by the first import; the native helpers it
//! calls (`_n_*`) are defined here and put into its namespace first.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::error::PyResult;
use crate::interp::{add_global_root, intern, interp};
use crate::objects::bytes::{bytes_data, BytesObj};
use crate::objects::list::ListObj;
use crate::objects::module::ModuleObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use super::path;

const SOURCE: &str = include_str!("bootstrap.py");
/// The module's name (in `sys.modules`, and the `__module__` of its
/// classes).
pub const NAME: &str = "_ftpy_importlib";

/// Bits of the frozen module's values the native import uses, each kept
/// alive by `add_global_root`.
struct Boot {
    module: AtomicU64,
    module_spec: AtomicU64,
    builtin_importer: AtomicU64,
    path_finder: AtomicU64,
    file_finder: AtomicU64,
    source_loader: AtomicU64,
    init_module_attrs: AtomicU64,
    module_from_spec: AtomicU64,
    load_backward_compatible: AtomicU64,
    namespace_path: AtomicU64,
}

static BOOT: Boot = Boot {
    module: AtomicU64::new(0),
    module_spec: AtomicU64::new(0),
    builtin_importer: AtomicU64::new(0),
    path_finder: AtomicU64::new(0),
    file_finder: AtomicU64::new(0),
    source_loader: AtomicU64::new(0),
    init_module_attrs: AtomicU64::new(0),
    module_from_spec: AtomicU64::new(0),
    load_backward_compatible: AtomicU64::new(0),
    namespace_path: AtomicU64::new(0),
};

static READY: AtomicBool = AtomicBool::new(false);
static LOADING: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

fn get(slot: &AtomicU64) -> Value {
    let bits = slot.load(Ordering::Acquire);
    if bits == 0 {
        return Value::NONE;
    }
    // SAFETY: the bits of a value stored by `load` and kept alive by a
    // global root for the rest of the process.
    unsafe { Value::from_bits(bits) }
}

/// The frozen module's classes and functions the native import uses.
pub fn module_spec() -> Value {
    get(&BOOT.module_spec)
}
pub fn builtin_importer() -> Value {
    get(&BOOT.builtin_importer)
}
pub fn path_finder() -> Value {
    get(&BOOT.path_finder)
}
pub fn file_finder() -> Value {
    get(&BOOT.file_finder)
}
pub fn source_loader() -> Value {
    get(&BOOT.source_loader)
}
pub fn init_module_attrs() -> Value {
    get(&BOOT.init_module_attrs)
}
pub fn module_from_spec() -> Value {
    get(&BOOT.module_from_spec)
}
pub fn load_backward_compatible() -> Value {
    get(&BOOT.load_backward_compatible)
}
pub fn namespace_path() -> Value {
    get(&BOOT.namespace_path)
}
pub fn module() -> Value {
    get(&BOOT.module)
}

/// Whether the frozen module is loaded.
pub fn ready() -> bool {
    READY.load(Ordering::Acquire)
}

/// Loads the frozen module if it is not loaded yet.
pub fn ensure(ts: &mut ThreadState) -> PyResult<()> {
    if ready() {
        return Ok(());
    }
    init(ts)
}

/// Loads `_ftpy_importlib`, installs its finders on `sys.meta_path` and
/// `sys.path_hooks`, and gives the modules that already exist (`sys`,
/// `builtins`) their specs. Also refreshes `sys.builtin_module_names`
/// (native modules register after `sys` is made).
pub fn init(ts: &mut ThreadState) -> PyResult<()> {
    if ready() {
        return Ok(());
    }
    let guard = ts.allow_threads(|| LOADING.lock());
    if ready() {
        drop(guard);
        return Ok(());
    }
    let r = load(ts);
    drop(guard);
    r
}

fn load(ts: &mut ThreadState) -> PyResult<()> {
    refresh_builtin_module_names(ts);
    let m = ModuleObj::new(ts, NAME);
    let d = m.dict();
    d.set_item_str(ts, "__builtins__", interp().builtins_dict.value());
    let natives: &[(&str, crate::objects::NativeFn)] = &[
        ("_n_extension_suffixes", n_extension_suffixes),
        ("_n_create_builtin", n_create_builtin),
        ("_n_warn", n_warn),
        ("_n_fspath", n_fspath),
        ("_n_getcwd", n_getcwd),
        ("_n_read", n_read),
        ("_n_stat", n_stat),
        ("_n_decode_source", n_decode_source),
        ("_n_source_code", n_source_code),
        ("_n_unloadable", n_unloadable),
        ("_n_isdir", n_isdir),
        ("_n_find", n_find),
        ("_n_invalidate", n_invalidate),
    ];
    for &(name, f) in natives {
        m.add_function(ts, name, f);
    }
    interp().modules.set_item_str(ts, NAME, m.value());
    let code = super::cache::frozen_code(ts, NAME, SOURCE)?;
    crate::interpreter::run_code(ts, code, d, d.value(), Value::NULL)?;
    add_global_root(m.value());
    // Each value is rooted itself: a program may rebind the module's
    // names, and the native import keeps using the originals.
    let take = |ts: &mut ThreadState, name: &str| -> PyResult<u64> {
        match d.get_str_text(name) {
            Some(v) => {
                add_global_root(v);
                Ok(v.bits())
            }
            None => Err(ts.system_error(format!("{NAME} has no {name}"))),
        }
    };
    let slots: [(&AtomicU64, &str); 9] = [
        (&BOOT.module_spec, "ModuleSpec"),
        (&BOOT.builtin_importer, "BuiltinImporter"),
        (&BOOT.path_finder, "PathFinder"),
        (&BOOT.file_finder, "FileFinder"),
        (&BOOT.source_loader, "SourceFileLoader"),
        (&BOOT.init_module_attrs, "_init_module_attrs"),
        (&BOOT.module_from_spec, "module_from_spec"),
        (&BOOT.load_backward_compatible, "_load_backward_compatible"),
        (&BOOT.namespace_path, "_NamespacePath"),
    ];
    for (slot, name) in slots {
        let bits = take(ts, name)?;
        slot.store(bits, Ordering::Release);
    }
    BOOT.module.store(m.value().bits(), Ordering::Release);
    READY.store(true, Ordering::Release);
    Ok(())
}

/// Sets `sys.builtin_module_names` from the native module table.
pub fn refresh_builtin_module_names(ts: &mut ThreadState) {
    let mut names: Vec<String> = vec!["builtins".into(), "sys".into()];
    names.extend(interp().native_modules.lock().keys().cloned());
    names.sort();
    names.dedup();
    let mut v = crate::gc::RootedVec::new(ts);
    for n in &names {
        v.push(intern(ts, n).value());
    }
    let t = TupleObj::new(ts, &v);
    interp()
        .sys()
        .dict()
        .set_item_str(ts, "builtin_module_names", t.value());
}

// ---- the natives -----------------------------------------------------------------------

type Kw = Option<crate::object::Gc<TupleObj>>;

fn arg(ts: &mut ThreadState, args: &[Value], i: usize) -> PyResult<Value> {
    match args.get(i) {
        Some(&v) => Ok(v),
        None => Err(ts.type_error("missing argument")),
    }
}

fn str_arg(ts: &mut ThreadState, args: &[Value], i: usize) -> PyResult<String> {
    let v = arg(ts, args, i)?;
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(ts.type_error(format!("expected str, not {}", type_name(v)))),
    }
}

fn n_extension_suffixes(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = path::extension_suffixes();
    Ok(crate::builtins::str_list(ts, &s))
}

fn n_create_builtin(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let name = str_arg(ts, args, 0)?;
    super::create_builtin(ts, &name)
}

fn n_warn(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let cat = arg(ts, args, 0)?;
    let msg = str_arg(ts, args, 1)?;
    let level = match args.get(2) {
        Some(&l) => ops::index_to_i64(ts, l)?,
        None => 1,
    };
    crate::sys::warn(ts, cat, &msg, level)?;
    Ok(Value::NONE)
}

/// `os.fspath` for the paths importlib accepts.
pub fn fspath(ts: &mut ThreadState, v: Value) -> PyResult<String> {
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok(s.as_str().to_string());
    }
    if let Some(b) = bytes_data(v) {
        if v.downcast::<BytesObj>().is_some() {
            return Ok(String::from_utf8_lossy(&b).into_owned());
        }
    }
    if let Some(f) = type_of(v).lookup(crate::interp::names().__fspath__) {
        let r = ops::call_unbound(ts, f, v, &[], None)?;
        if r.downcast::<StrObj>().is_some() || r.downcast::<BytesObj>().is_some() {
            return fspath(ts, r);
        }
        return Err(ts.type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            type_name(v),
            type_name(r)
        )));
    }
    Err(ts.type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        type_name(v)
    )))
}

fn n_fspath(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = arg(ts, args, 0)?;
    let s = fspath(ts, v)?;
    Ok(StrObj::new(ts, &s))
}

/// The working directory, as `os.getcwd()` (OSError when it is gone).
pub fn getcwd(ts: &mut ThreadState) -> PyResult<String> {
    match std::env::current_dir() {
        Ok(p) => Ok(p.to_string_lossy().into_owned()),
        Err(e) => Err(super::os_error(ts, &e, "")),
    }
}

fn n_getcwd(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = getcwd(ts)?;
    Ok(StrObj::new(ts, &s))
}

fn n_read(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = arg(ts, args, 0)?;
    let p = fspath(ts, v)?;
    match std::fs::read(&p) {
        Ok(b) => Ok(BytesObj::new(ts, &b)),
        Err(e) => Err(super::os_error(ts, &e, &p)),
    }
}

fn n_stat(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let p = str_arg(ts, args, 0)?;
    let m = match std::fs::metadata(&p) {
        Ok(m) => m,
        Err(e) => return Err(super::os_error(ts, &e, &p)),
    };
    let mtime = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    let size = crate::objects::int::int_from_u64(ts, m.len());
    let mt = crate::objects::float::new_float(ts, mtime);
    Ok(TupleObj::new(ts, &[mt, size]).value())
}

fn n_decode_source(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = arg(ts, args, 0)?;
    let Some(b) = bytes_data(v) else {
        return Err(ts.type_error("expected bytes"));
    };
    let text = super::decode_source(&b, "<source>").map_err(|m| ts.syntax_error_msg(m))?;
    let text = super::source::universal_newlines(&text);
    Ok(StrObj::new(ts, &text))
}

fn n_source_code(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let p = str_arg(ts, args, 0)?;
    Ok(super::cache::source_code(ts, &p)?.value())
}

fn n_unloadable(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let name = str_arg(ts, args, 0)?;
    let p = str_arg(ts, args, 1)?;
    let what = str_arg(ts, args, 2)?;
    Err(super::unloadable(ts, &name, &p, &what))
}

fn n_isdir(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = arg(ts, args, 0)?;
    let p = match fspath(ts, v) {
        Ok(p) => p,
        Err(_) => return Ok(Value::FALSE),
    };
    Ok(Value::from_bool(path::is_dir(&p)))
}

/// `_n_find(dir, tail, suffixes)` -> None or (kind, path, suffix).
fn n_find(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let dir = str_arg(ts, args, 0)?;
    let tail = str_arg(ts, args, 1)?;
    let sv = arg(ts, args, 2)?;
    let items = ops::collect(ts, sv)?;
    let suffixes: Vec<String> = items
        .iter()
        .filter_map(|&x| crate::objects::str::as_str(x).map(|s| s.to_string()))
        .collect();
    let found = path::find(&dir, &tail, &suffixes);
    let (kind, p, suffix) = match found {
        None => return Ok(Value::NONE),
        Some(path::Found::Package { path, suffix }) => ("package", path, suffix),
        Some(path::Found::Module { path, suffix }) => ("module", path, suffix),
        Some(path::Found::Namespace { dir }) => ("namespace", dir, String::new()),
    };
    let k = StrObj::new(ts, kind);
    let pv = StrObj::new(ts, &p);
    let sv = StrObj::new(ts, &suffix);
    Ok(TupleObj::new(ts, &[k, pv, sv]).value())
}

fn n_invalidate(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let p = str_arg(ts, args, 0)?;
    path::invalidate(Some(&p));
    Ok(Value::NONE)
}

/// A new list holding `items` (the `__path__` of a package).
pub fn path_list(ts: &mut ThreadState, items: &[&str]) -> Value {
    let mut v = crate::gc::RootedVec::new(ts);
    for s in items {
        v.push(StrObj::new(ts, s));
    }
    ListObj::new(ts, &v).value()
}
