//! The import system: `import`, `from ... import`, `__import__`.
//!
//! ftpy's import statement runs natively and follows CPython 3.11's
//! import machinery step for step (`import.c` and importlib's
//! `_bootstrap`): `sys.modules` first; then each finder on `sys.meta_path`
//! is asked for a module spec (PEP 451); the spec's loader creates and
//! runs the module, which is in `sys.modules` (its spec marked
//! `_initializing`) while its code runs; a submodule is bound as an
//! attribute of its package afterwards. Relative imports resolve against
//! `__package__` / `__spec__.parent` / `__name__` as CPython does, with
//! its errors.
//!
//! The specs, finders and loaders are Python objects defined by ftpy's
//! frozen module `_ftpy_importlib` (bootstrap.py), with importlib's
//! attributes and methods. The native code recognizes ftpy's own finders
//! and loaders (`BuiltinImporter`, `PathFinder`, `FileFinder`,
//! `SourceFileLoader`) and does their work directly — a cached directory
//! listing per path entry, the compiled-code cache — while any finder,
//! path hook or loader a program installs is called through its methods.
//!
//! CPython's own `importlib` package runs on top of this (see
//! docs/import.md): its `_bootstrap` finds ftpy's finders on
//! `sys.meta_path` and ftpy's specs and loaders work with it.
//!
//! Threads import in parallel: per-module locks (`locks`) keep a second
//! thread from seeing a module whose code is still running.

pub mod bootstrap;
pub mod cache;
pub mod locks;
pub mod main;
pub mod path;
pub mod source;
pub mod timing;

pub use source::{decode_source, read_source};

use crate::error::{PyErr, PyResult};
use crate::gc::RootedVec;
use crate::interp::{intern, interp, names, types};
use crate::interpreter::frame::Frame;
use crate::object::Gc;
use crate::objects::dict::DictObj;
use crate::objects::module::ModuleObj;
use crate::objects::str::StrObj;
use crate::objects::typeobj::{type_name, type_of};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// Loads the import machinery objects (`_ftpy_importlib`) and installs the
/// finders. Called at start-up after the native modules are registered;
/// the first import does it otherwise.
pub fn init(ts: &mut ThreadState) -> PyResult<()> {
    bootstrap::init(ts)
}

// ---- errors --------------------------------------------------------------------------

/// An `OSError` (the errno's subclass) for a failed file operation.
pub fn os_error(ts: &mut ThreadState, e: &std::io::Error, filename: &str) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    let args: [Value; 3] = [
        Value::small_int_unchecked(errno as i64),
        StrObj::new(ts, &text),
        if filename.is_empty() {
            Value::NONE
        } else {
            StrObj::new(ts, filename)
        },
    ];
    let n = if filename.is_empty() { 2 } else { 3 };
    match ops::call(ts, types().os_error.value(), &args[..n], None) {
        Ok(v) => PyErr::from_exception(v),
        Err(err) => err,
    }
}

/// `ModuleNotFoundError(msg, name=name)`.
fn not_found(ts: &mut ThreadState, msg: &str, name: &str) -> PyErr {
    import_error_with(ts, types().module_not_found_error, msg, Some(name), None)
}

/// An ImportError (or subclass) with its `name` and `path` fields.
pub fn import_error_with(
    ts: &mut ThreadState,
    ty: Gc<crate::objects::typeobj::TypeObj>,
    msg: &str,
    name: Option<&str>,
    path: Option<&str>,
) -> PyErr {
    let e = ts.new_error(ty, msg);
    if let Some(n) = name {
        let v = StrObj::new(ts, n);
        e.exc().set_attr_quiet(ts, "name", v);
    }
    if let Some(p) = path {
        let v = StrObj::new(ts, p);
        e.exc().set_attr_quiet(ts, "path", v);
    }
    e
}

/// The error for a module found as a file ftpy cannot run (a C extension
/// module, CPython bytecode).
pub fn unloadable(ts: &mut ThreadState, name: &str, path: &str, what: &str) -> PyErr {
    let msg = format!(
        "cannot import {}: {path} is {what}, which ftpy cannot load (ftpy runs Python source only)",
        crate::objects::str::repr_str(name)
    );
    import_error_with(ts, types().import_error, &msg, Some(name), Some(path))
}

// ---- sys.modules -----------------------------------------------------------------------

fn modules() -> Gc<DictObj> {
    interp().modules
}

/// `sys.modules[name]`, if present (None included).
fn sys_modules_get(ts: &mut ThreadState, name: &str) -> PyResult<Option<Value>> {
    if let Some(v) = modules().get_str_text(name) {
        return Ok(Some(v));
    }
    let k = StrObj::new(ts, name);
    modules().get_item_opt(ts, k)
}

fn sys_attr(name: &str) -> Option<Value> {
    interp().sys().dict().get_str_text(name)
}

// ---- __import__ ------------------------------------------------------------------------

/// `__import__(name, globals, locals, fromlist, level)`, which the import
/// statement calls (CPython's `PyImport_ImportModuleLevelObject`).
pub fn import_module_level(
    ts: &mut ThreadState,
    name: Value,
    globals: Value,
    _locals: Value,
    fromlist: Value,
    level: i64,
) -> PyResult<Value> {
    let Some(name_s) = name.downcast::<StrObj>() else {
        return Err(ts.type_error("module name must be a string"));
    };
    if level < 0 {
        return Err(ts.value_error("level must be >= 0"));
    }
    let given = name_s.as_str();
    let abs_name = if level > 0 {
        resolve_name(ts, given, globals, level)?
    } else {
        if given.is_empty() {
            return Err(ts.value_error("Empty module name"));
        }
        given.to_string()
    };
    let module = import_absolute(ts, &abs_name)?;
    let has_from = !fromlist.is_null() && !fromlist.is_none() && ops::truthy(ts, fromlist)?;
    if !has_from {
        if level == 0 || !given.is_empty() {
            return match given.find('.') {
                None => Ok(module),
                Some(dot) if level == 0 => import_absolute(ts, &given[..dot]),
                Some(dot) => {
                    // `from . import` cannot get here; `import` of a
                    // relative name through __import__: the first part.
                    let cut_off = given.len() - dot;
                    let to_return = &abs_name[..abs_name.len() - cut_off];
                    match sys_modules_get(ts, to_return)? {
                        Some(m) => Ok(m),
                        None => {
                            let k = StrObj::new(ts, to_return);
                            let r = ops::repr_string(ts, k)?;
                            Err(ts.new_error(
                                types().key_error,
                                &format!("{r} not in sys.modules as expected"),
                            ))
                        }
                    }
                }
            };
        }
        return Ok(module);
    }
    if ops::getattr_opt(ts, module, names().__path__)?.is_some() {
        handle_fromlist(ts, module, fromlist, false)?;
    }
    Ok(module)
}

/// Imports `name` (absolute, dotted) and returns that module itself, not
/// its top-level package.
pub fn import_simple(ts: &mut ThreadState, name: &str) -> PyResult<Value> {
    import_absolute(ts, name)
}

/// The module for an absolute name: from `sys.modules` (waiting for
/// another thread that is still loading it), else found and loaded.
fn import_absolute(ts: &mut ThreadState, name: &str) -> PyResult<Value> {
    if let Some(m) = sys_modules_get(ts, name)? {
        if !m.is_none() {
            if locks::any_held() && is_initializing(ts, m)? {
                locks::lock_unlock(ts, name)?;
            }
            return Ok(m);
        }
    }
    if timing::enabled() {
        let t = timing::start();
        let r = find_and_load(ts, name);
        timing::finish(t, name);
        return r;
    }
    find_and_load(ts, name)
}

/// `module.__spec__._initializing` is true.
fn is_initializing(ts: &mut ThreadState, module: Value) -> PyResult<bool> {
    let spec = match ops::getattr_opt(ts, module, names().__spec__) {
        Ok(Some(s)) if !s.is_none() => s,
        Ok(_) => return Ok(false),
        Err(_) => return Ok(false),
    };
    spec_initializing(ts, spec)
}

fn spec_initializing(ts: &mut ThreadState, spec: Value) -> PyResult<bool> {
    match ops::getattr_str_opt(ts, spec, "_initializing") {
        Ok(Some(v)) => ops::truthy(ts, v),
        Ok(None) => Ok(false),
        Err(_) => Ok(false),
    }
}

/// importlib's `_find_and_load`.
fn find_and_load(ts: &mut ThreadState, name: &str) -> PyResult<Value> {
    bootstrap::ensure(ts)?;
    let mut module = sys_modules_get(ts, name)?;
    let busy = match module {
        None => true,
        Some(m) => !m.is_none() && is_initializing(ts, m)?,
    };
    if busy {
        locks::acquire(ts, name)?;
        module = match sys_modules_get(ts, name) {
            Ok(m) => m,
            Err(e) => {
                locks::release(ts, name);
                return Err(e);
            }
        };
        if module.is_none() {
            let r = find_and_load_unlocked(ts, name);
            locks::release(ts, name);
            return r;
        }
        locks::release(ts, name);
        locks::lock_unlock(ts, name)?;
    }
    match module {
        Some(m) if m.is_none() => Err(not_found(
            ts,
            &format!("import of {name} halted; None in sys.modules"),
            name,
        )),
        Some(m) => Ok(m),
        None => find_and_load_unlocked(ts, name),
    }
}

/// importlib's `_find_and_load_unlocked`.
fn find_and_load_unlocked(ts: &mut ThreadState, name: &str) -> PyResult<Value> {
    let (parent, child) = match name.rfind('.') {
        Some(i) => (&name[..i], &name[i + 1..]),
        None => ("", name),
    };
    let mut path = Value::NONE;
    let mut parent_spec = Value::NONE;
    if !parent.is_empty() {
        if sys_modules_get(ts, parent)?.is_none() {
            import_absolute(ts, parent)?;
        }
        // The parent's import may have imported this module too.
        if let Some(m) = sys_modules_get(ts, name)? {
            return Ok(m);
        }
        let parent_module = match sys_modules_get(ts, parent)? {
            Some(m) => m,
            None => {
                let k = StrObj::new(ts, parent);
                return Err(ts.key_error(k));
            }
        };
        path = match ops::getattr_opt(ts, parent_module, names().__path__)? {
            Some(p) => p,
            None => {
                let msg = format!(
                    "No module named {}; {} is not a package",
                    crate::objects::str::repr_str(name),
                    crate::objects::str::repr_str(parent)
                );
                return Err(not_found(ts, &msg, name));
            }
        };
        parent_spec = ops::getattr(ts, parent_module, names().__spec__)?;
    }
    let Some(spec) = find_spec(ts, name, path, Value::NONE)? else {
        let msg = format!("No module named {}", crate::objects::str::repr_str(name));
        return Err(not_found(ts, &msg, name));
    };
    // The child being imported, for the "cannot access submodule" error
    // of a circular import.
    let pending = if !parent_spec.is_none() && ops::truthy(ts, parent_spec)? {
        ops::getattr_str_opt(ts, parent_spec, "_uninitialized_submodules")?
            .filter(|l| l.downcast::<crate::objects::list::ListObj>().is_some())
    } else {
        None
    };
    if let Some(l) = pending {
        let c = StrObj::new(ts, child);
        ops::call_method(ts, l, names().append, &[c])?;
    }
    let r = load_unlocked(ts, spec);
    if let Some(l) = pending {
        if let Some(l) = l.downcast::<crate::objects::list::ListObj>() {
            let _ = l.pop_at(ts, -1);
        }
    }
    let module = r?;
    if !parent.is_empty() {
        let parent_module = match sys_modules_get(ts, parent)? {
            Some(m) => m,
            None => {
                let k = StrObj::new(ts, parent);
                return Err(ts.key_error(k));
            }
        };
        let c = intern(ts, child);
        if let Err(e) = ops::setattr(ts, parent_module, c, Some(module)) {
            if !e.matches(types().attribute_error) {
                return Err(e);
            }
            let msg = format!(
                "Cannot set an attribute on {} for child module {}",
                crate::objects::str::repr_str(parent),
                crate::objects::str::repr_str(child)
            );
            crate::sys::warn_named(ts, "ImportWarning", &msg, 1)?;
        }
    }
    Ok(module)
}

// ---- finding ---------------------------------------------------------------------------

/// importlib's `_find_spec`: asks each finder on `sys.meta_path`.
pub fn find_spec(
    ts: &mut ThreadState,
    name: &str,
    path: Value,
    target: Value,
) -> PyResult<Option<Value>> {
    bootstrap::ensure(ts)?;
    let meta_path = sys_attr("meta_path").unwrap_or(Value::NONE);
    if meta_path.is_none() {
        return Err(ts.import_error("sys.meta_path is None, Python is likely shutting down"));
    }
    if !ops::truthy(ts, meta_path)? {
        crate::sys::warn_named(ts, "ImportWarning", "sys.meta_path is empty", 1)?;
    }
    let is_reload = sys_modules_get(ts, name)?.is_some();
    let it = ops::iter(ts, meta_path)?;
    let name_v = StrObj::new(ts, name);
    while let Some(finder) = ops::next(ts, it)? {
        let spec = if finder == bootstrap::builtin_importer() {
            builtin_spec(ts, name, path)?
        } else if finder == bootstrap::path_finder() {
            path_find(ts, name, name_v, path, target)?
        } else {
            let Some(f) = ops::getattr_str_opt(ts, finder, "find_spec")? else {
                continue;
            };
            locks::acquire_global(ts);
            let r = ops::call(ts, f, &[name_v, path, target], None);
            locks::release_global(ts);
            r?
        };
        if spec.is_none() {
            continue;
        }
        if !is_reload {
            if let Some(m) = sys_modules_get(ts, name)? {
                return match ops::getattr_opt(ts, m, names().__spec__)? {
                    Some(s) if !s.is_none() => Ok(Some(s)),
                    _ => Ok(Some(spec)),
                };
            }
        }
        return Ok(Some(spec));
    }
    Ok(None)
}

/// `BuiltinImporter.find_spec`.
fn builtin_spec(ts: &mut ThreadState, name: &str, path: Value) -> PyResult<Value> {
    let _ = path;
    if !is_builtin(name) {
        return Ok(Value::NONE);
    }
    let n = StrObj::new(ts, name);
    let origin = StrObj::new(ts, "built-in");
    let k1 = intern(ts, "origin").value();
    let k2 = intern(ts, "is_package").value();
    let kw = crate::objects::tuple::TupleObj::new(ts, &[k1, k2]);
    ops::call(
        ts,
        bootstrap::module_spec(),
        &[n, bootstrap::builtin_importer(), origin, Value::FALSE],
        Some(kw),
    )
}

/// Whether `name` is a module built into ftpy.
pub fn is_builtin(name: &str) -> bool {
    name == "sys" || name == "builtins" || interp().native_modules.lock().contains_key(name)
}

/// Creates a built-in module (`BuiltinImporter.create_module`).
pub fn create_builtin(ts: &mut ThreadState, name: &str) -> PyResult<Value> {
    if name == "sys" {
        return Ok(interp().sys().value());
    }
    if name == "builtins" {
        return Ok(interp().builtins.value());
    }
    // A module that was created before (and removed from sys.modules)
    // is made afresh, as CPython re-runs a single-phase module's init.
    let init = interp().native_modules.lock().get(name).copied();
    let Some(init) = init else {
        let msg = format!("no built-in module named {name}");
        return Err(import_error_with(
            ts,
            types().import_error,
            &msg,
            Some(name),
            None,
        ));
    };
    let m = ModuleObj::new(ts, name);
    init(ts, m)?;
    Ok(m.value())
}

/// `PathFinder.find_spec` over `path` (`sys.path` when None).
fn path_find(
    ts: &mut ThreadState,
    name: &str,
    name_v: Value,
    path: Value,
    target: Value,
) -> PyResult<Value> {
    let path = if path.is_none() {
        sys_attr("path").unwrap_or(Value::NONE)
    } else {
        path
    };
    if path.is_none() {
        return Ok(Value::NONE);
    }
    let tail = name.rsplit('.').next().unwrap_or(name);
    let mut namespace = RootedVec::new(ts);
    let entries = ops::collect(ts, path)?;
    for &entry in entries.iter() {
        let Some(e) = entry.downcast::<StrObj>() else {
            continue;
        };
        let finder = path_importer_cache(ts, e)?;
        if finder.is_none() {
            continue;
        }
        let spec = if type_of(finder).value() == bootstrap::file_finder() {
            file_find(ts, finder, name_v, tail)?
        } else if let Some(f) = ops::getattr_str_opt(ts, finder, "find_spec")? {
            ops::call(ts, f, &[name_v, target], None)?
        } else if let Some(f) = ops::getattr_str_opt(ts, finder, "find_module")? {
            let loader = ops::call1(ts, f, name_v)?;
            if loader.is_none() {
                Value::NONE
            } else {
                let sfl = ops::getattr_str(ts, bootstrap::module(), "spec_from_loader")?;
                ops::call2(ts, sfl, name_v, loader)?
            }
        } else {
            continue;
        };
        if spec.is_none() {
            continue;
        }
        let loader = ops::getattr_str(ts, spec, "loader")?;
        if !loader.is_none() {
            return Ok(spec);
        }
        let portions = ops::getattr_str(ts, spec, "submodule_search_locations")?;
        if portions.is_none() {
            return Err(ts.import_error("spec missing loader"));
        }
        let items = ops::collect(ts, portions)?;
        namespace.extend_from_slice(&items);
    }
    if namespace.is_empty() {
        return Ok(Value::NONE);
    }
    // A namespace package: its portions, as a path that follows its
    // parent's.
    let spec = ops::call(ts, bootstrap::module_spec(), &[name_v, Value::NONE], None)?;
    let list = crate::objects::list::ListObj::new(ts, &namespace);
    let get_spec = ops::getattr_str(ts, bootstrap::path_finder(), "_get_spec")?;
    let np = ops::call(
        ts,
        bootstrap::namespace_path(),
        &[name_v, list.value(), get_spec],
        None,
    )?;
    ops::setattr_str(ts, spec, "origin", Value::NONE)?;
    ops::setattr_str(ts, spec, "submodule_search_locations", np)?;
    Ok(spec)
}

/// `PathFinder._path_importer_cache(entry)`: the finder for one path
/// entry, made by `sys.path_hooks` and remembered in
/// `sys.path_importer_cache`.
fn path_importer_cache(ts: &mut ThreadState, entry: Gc<StrObj>) -> PyResult<Value> {
    let key = if entry.byte_len() == 0 {
        match bootstrap::getcwd(ts) {
            Ok(d) => StrObj::new(ts, &d),
            Err(e) if e.matches(types().os_error) => return Ok(Value::NONE),
            Err(e) => return Err(e),
        }
    } else {
        entry.value()
    };
    let cache = sys_attr("path_importer_cache").unwrap_or(Value::NONE);
    if let Some(d) = cache.downcast::<DictObj>() {
        if let Some(f) = d.get_item_opt(ts, key)? {
            return Ok(f);
        }
    } else if !cache.is_none() {
        match ops::getitem(ts, cache, key) {
            Ok(f) => return Ok(f),
            Err(e) if e.matches(types().key_error) => {}
            Err(e) => return Err(e),
        }
    }
    let hooks = sys_attr("path_hooks").unwrap_or(Value::NONE);
    let mut finder = Value::NONE;
    if !hooks.is_none() {
        if !ops::truthy(ts, hooks)? {
            crate::sys::warn_named(ts, "ImportWarning", "sys.path_hooks is empty", 1)?;
        }
        let hs = ops::collect(ts, hooks)?;
        for &h in hs.iter() {
            match ops::call1(ts, h, key) {
                Ok(f) => {
                    finder = f;
                    break;
                }
                Err(e) if e.matches(types().import_error) => continue,
                Err(e) => return Err(e),
            }
        }
    }
    if !cache.is_none() {
        ops::setitem(ts, cache, key, Some(finder))?;
    }
    Ok(finder)
}

/// `FileFinder.find_spec`, natively: one directory, the finder's suffixes.
fn file_find(ts: &mut ThreadState, finder: Value, name_v: Value, tail: &str) -> PyResult<Value> {
    let dir = ops::getattr_str(ts, finder, "path")?;
    let Some(dir) = crate::objects::str::as_str(dir).map(|s| s.to_string()) else {
        return Ok(Value::NONE);
    };
    // The (suffix, loader class) pairs of this finder.
    let loaders = ops::getattr_str(ts, finder, "_loaders")?;
    let pairs = ops::collect(ts, loaders)?;
    let mut suffixes = Vec::with_capacity(pairs.len());
    for &p in pairs.iter() {
        let s = ops::getitem(ts, p, Value::small_int_unchecked(0))?;
        suffixes.push(crate::objects::str::as_str(s).unwrap_or("").to_string());
    }
    let found = path::find(&dir, tail, &suffixes);
    let (file, suffix, package) = match found {
        None => return Ok(Value::NONE),
        Some(path::Found::Namespace { dir }) => {
            let spec = ops::call(ts, bootstrap::module_spec(), &[name_v, Value::NONE], None)?;
            let l = bootstrap::path_list(ts, &[&dir]);
            ops::setattr_str(ts, spec, "submodule_search_locations", l)?;
            return Ok(spec);
        }
        Some(path::Found::Package { path, suffix }) => (path, suffix, true),
        Some(path::Found::Module { path, suffix }) => (path, suffix, false),
    };
    let index = suffixes.iter().position(|s| *s == suffix).unwrap_or(0);
    let loader_class = ops::getitem(ts, pairs[index], Value::small_int_unchecked(1))?;
    let file_v = StrObj::new(ts, &file);
    let loader = ops::call2(ts, loader_class, name_v, file_v)?;
    let k = intern(ts, "origin").value();
    let kw = crate::objects::tuple::TupleObj::new(ts, &[k]);
    let spec = ops::call(
        ts,
        bootstrap::module_spec(),
        &[name_v, loader, file_v],
        Some(kw),
    )?;
    ops::setattr_str(ts, spec, "_set_fileattr", Value::TRUE)?;
    if package {
        let parent_dir = file.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        let l = bootstrap::path_list(ts, &[parent_dir]);
        ops::setattr_str(ts, spec, "submodule_search_locations", l)?;
    }
    Ok(spec)
}

// ---- loading ---------------------------------------------------------------------------

/// importlib's `_load_unlocked`: creates the module from the spec, puts it
/// in `sys.modules` (spec marked `_initializing`), runs it, and returns
/// what `sys.modules` then holds (a module may replace itself).
pub fn load_unlocked(ts: &mut ThreadState, spec: Value) -> PyResult<Value> {
    let loader = ops::getattr_str(ts, spec, "loader")?;
    if !loader.is_none() && ops::getattr_str_opt(ts, loader, "exec_module")?.is_none() {
        let who = match ops::getattr_opt(ts, loader, names().__qualname__)? {
            Some(q) => ops::str_string(ts, q)?,
            None => type_name(loader).to_string(),
        };
        let msg = format!("{who}.exec_module() not found; falling back to load_module()");
        crate::sys::warn_named(ts, "ImportWarning", &msg, 1)?;
        return ops::call1(ts, bootstrap::load_backward_compatible(), spec);
    }
    let name_v = ops::getattr_str(ts, spec, "name")?;
    let native_source = type_of(loader).value() == bootstrap::source_loader();
    let module = if native_source {
        let n = ops::str_string(ts, name_v)?;
        let m = ModuleObj::new(ts, &n).value();
        ops::call2(ts, bootstrap::init_module_attrs(), spec, m)?;
        m
    } else {
        ops::call1(ts, bootstrap::module_from_spec(), spec)?
    };
    ops::setattr_str(ts, spec, "_initializing", Value::TRUE)?;
    let r = (|| -> PyResult<Value> {
        ops::setitem(ts, modules().value(), name_v, Some(module))?;
        let run = if loader.is_none() {
            let ssl = ops::getattr_str(ts, spec, "submodule_search_locations")?;
            if ssl.is_none() {
                let n = ops::str_string(ts, name_v)?;
                Err(import_error_with(
                    ts,
                    types().import_error,
                    "missing loader",
                    Some(&n),
                    None,
                ))
            } else {
                Ok(())
            }
        } else if native_source {
            let p = ops::getattr_str(ts, loader, "path")?;
            let p = ops::str_string(ts, p)?;
            exec_source(ts, module, &p)
        } else {
            let em = intern(ts, "exec_module");
            ops::call_method(ts, loader, em, &[module]).map(|_| ())
        };
        if let Err(e) = run {
            let _ = modules().del_item_opt(ts, name_v);
            return Err(e);
        }
        // Move the module to the end of sys.modules (it may have replaced
        // itself there, or removed itself: then this raises KeyError).
        let m = match modules().get_item_opt(ts, name_v)? {
            Some(m) => m,
            None => return Err(ts.key_error(name_v)),
        };
        modules().del_item_opt(ts, name_v)?;
        modules().set_item(ts, name_v, m)?;
        Ok(m)
    })();
    let cleared = ops::setattr_str(ts, spec, "_initializing", Value::FALSE);
    let m = r?;
    cleared?;
    Ok(m)
}

/// Runs a source file's code in a module (`SourceFileLoader.exec_module`).
pub fn exec_source(ts: &mut ThreadState, module: Value, path: &str) -> PyResult<()> {
    let code = cache::source_code(ts, path)?;
    let d = match module.downcast::<ModuleObj>() {
        Some(m) => m.dict(),
        None => {
            let d = ops::getattr(ts, module, names().__dict__)?;
            match d.downcast::<DictObj>() {
                Some(d) => d,
                None => return Err(ts.type_error("module's __dict__ is not a dict")),
            }
        }
    };
    if d.get_str(names().__builtins__).is_none() {
        d.set_item(
            ts,
            names().__builtins__.value(),
            interp().builtins_dict.value(),
        )?;
    }
    crate::interpreter::run_code(ts, code, d, d.value(), Value::NULL)?;
    Ok(())
}

// ---- relative names and fromlists -------------------------------------------------------

/// The absolute name of a relative import (CPython's `resolve_name`).
fn resolve_name(ts: &mut ThreadState, name: &str, globals: Value, level: i64) -> PyResult<String> {
    // Not given (NULL) and None differ, as in CPython's `__import__`.
    if globals.is_null() {
        return Err(ts.new_error(types().key_error, "'__name__' not in globals"));
    }
    let Some(g) = globals.downcast::<DictObj>() else {
        return Err(ts.type_error("globals must be a dict"));
    };
    let package = g
        .get_item_opt(ts, names().__package__.value())?
        .filter(|p| !p.is_none());
    let spec = g
        .get_item_opt(ts, names().__spec__.value())?
        .filter(|s| !s.is_none());
    let package: String = if let Some(p) = package {
        let Some(ps) = p.downcast::<StrObj>() else {
            return Err(ts.type_error("package must be a string"));
        };
        if let Some(spec) = spec {
            let parent = ops::getattr_str(ts, spec, "parent")?;
            if !ops::eq(ts, p, parent)? {
                crate::sys::warn_named(
                    ts,
                    "DeprecationWarning",
                    "__package__ != __spec__.parent",
                    1,
                )?;
            }
        }
        ps.as_str().to_string()
    } else if let Some(spec) = spec {
        let parent = ops::getattr_str(ts, spec, "parent")?;
        match parent.downcast::<StrObj>() {
            Some(s) => s.as_str().to_string(),
            None => return Err(ts.type_error("__spec__.parent must be a string")),
        }
    } else {
        crate::sys::warn_named(
            ts,
            "ImportWarning",
            "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__",
            1,
        )?;
        let Some(n) = g.get_item_opt(ts, names().__name__.value())? else {
            return Err(ts.new_error(types().key_error, "'__name__' not in globals"));
        };
        let Some(ns) = n.downcast::<StrObj>() else {
            return Err(ts.type_error("__name__ must be a string"));
        };
        let n = ns.as_str();
        if g.get_item_opt(ts, names().__path__.value())?.is_some() {
            n.to_string()
        } else {
            match n.rfind('.') {
                Some(dot) => n[..dot].to_string(),
                None => {
                    return Err(
                        ts.import_error("attempted relative import with no known parent package")
                    )
                }
            }
        }
    };
    if package.is_empty() {
        return Err(ts.import_error("attempted relative import with no known parent package"));
    }
    let mut end = package.len();
    for _ in 1..level {
        match package[..end].rfind('.') {
            Some(dot) => end = dot,
            None => {
                return Err(ts.import_error("attempted relative import beyond top-level package"))
            }
        }
    }
    let base = &package[..end];
    if name.is_empty() {
        Ok(base.to_string())
    } else {
        Ok(format!("{base}.{name}"))
    }
}

/// importlib's `_handle_fromlist`: imports the submodules named in a
/// `from package import ...` that are not attributes of the package yet.
fn handle_fromlist(
    ts: &mut ThreadState,
    module: Value,
    fromlist: Value,
    recursive: bool,
) -> PyResult<()> {
    let items = ops::collect(ts, fromlist)?;
    for &x in items.iter() {
        let Some(xs) = x.downcast::<StrObj>() else {
            let where_ = if recursive {
                let n = ops::getattr(ts, module, names().__name__)?;
                format!("{}.__all__", ops::str_string(ts, n)?)
            } else {
                "``from list''".to_string()
            };
            return Err(ts.type_error(format!(
                "Item in {where_} must be str, not {}",
                type_name(x)
            )));
        };
        if xs.as_str() == "*" {
            if !recursive {
                if let Some(all) = ops::getattr_opt(ts, module, names().__all__)? {
                    handle_fromlist(ts, module, all, true)?;
                }
            }
            continue;
        }
        if ops::getattr_opt(ts, module, xs)?.is_some() {
            continue;
        }
        let n = ops::getattr(ts, module, names().__name__)?;
        let from_name = format!("{}.{}", ops::str_string(ts, n)?, xs.as_str());
        if let Err(e) = import_absolute(ts, &from_name) {
            if e.matches(types().module_not_found_error) {
                // Backwards compatibility: a fromlist entry that is not a
                // module is not an error here (IMPORT_FROM reports it).
                let missing = e.exc().get_attr_quiet(ts, "name");
                let same =
                    missing.and_then(crate::objects::str::as_str) == Some(from_name.as_str());
                if same && !matches!(sys_modules_get(ts, &from_name)?, Some(v) if v.is_none()) {
                    continue;
                }
            }
            return Err(e);
        }
    }
    Ok(())
}

// ---- IMPORT_FROM and IMPORT_STAR ---------------------------------------------------------

/// `from module import name` (the `IMPORT_FROM` opcode).
pub fn import_from(ts: &mut ThreadState, m: Value, name: Gc<StrObj>) -> PyResult<Value> {
    if let Some(v) = ops::getattr_opt(ts, m, name)? {
        return Ok(v);
    }
    // A submodule being imported circularly is in sys.modules before it
    // is bound in its package.
    let pkgname = ops::getattr_opt(ts, m, names().__name__)?;
    let pkgname = pkgname.and_then(|p| p.downcast::<StrObj>());
    if let Some(p) = pkgname {
        let full = format!("{}.{}", p.as_str(), name.as_str());
        if let Some(v) = sys_modules_get(ts, &full)? {
            if !v.is_none() {
                if locks::any_held() && is_initializing(ts, v)? {
                    locks::lock_unlock(ts, &full)?;
                }
                return Ok(v);
            }
        }
    }
    let shown = match pkgname {
        Some(p) => p.value(),
        None => StrObj::new(ts, "<unknown module name>"),
    };
    let file = match m.downcast::<ModuleObj>() {
        Some(md) => md
            .dict()
            .get_str(names().__file__)
            .filter(|f| f.downcast::<StrObj>().is_some()),
        None => None,
    };
    let name_r = ops::repr_string(ts, name.value())?;
    let shown_r = ops::repr_string(ts, shown)?;
    let pkg = pkgname.map(|p| p.as_str().to_string());
    match file {
        None => Err(import_error_with(
            ts,
            types().import_error,
            &format!("cannot import name {name_r} from {shown_r} (unknown location)"),
            pkg.as_deref(),
            None,
        )),
        Some(f) => {
            let spec = ops::getattr_opt(ts, m, names().__spec__).ok().flatten();
            let initializing = match spec {
                Some(s) if !s.is_none() => spec_initializing(ts, s)?,
                _ => false,
            };
            let path = ops::str_string(ts, f)?;
            let msg = if initializing {
                format!(
                    "cannot import name {name_r} from partially initialized module {shown_r} (most likely due to a circular import) ({path})"
                )
            } else {
                format!("cannot import name {name_r} from {shown_r} ({path})")
            };
            Err(import_error_with(
                ts,
                types().import_error,
                &msg,
                pkg.as_deref(),
                Some(&path),
            ))
        }
    }
}

/// `from module import *` (the `IMPORT_STAR` opcode).
pub fn import_star(ts: &mut ThreadState, f: &Frame, m: Value) -> PyResult<()> {
    let locals = if f.locals.is_null() {
        f.globals.value()
    } else {
        f.locals
    };
    let (all, from_dict) = match ops::getattr_opt(ts, m, names().__all__)? {
        Some(a) => (a, false),
        None => {
            let Some(d) = ops::getattr_opt(ts, m, names().__dict__)? else {
                return Err(ts.import_error("from-import-* object has no __dict__ and no __all__"));
            };
            let keys = ops::call_method(ts, d, names().keys, &[])?;
            let l = ops::collect(ts, keys)?;
            (crate::objects::list::ListObj::new(ts, &l).value(), true)
        }
    };
    if type_of(all).slots.getitem.get().is_none() {
        return Err(ts.type_error(format!("'{}' object is not subscriptable", type_name(all))));
    }
    let exact_dict = locals.downcast::<DictObj>().is_some() && type_of(locals) == types().dict;
    let mut i = 0i64;
    loop {
        let name = match ops::getitem(ts, all, Value::small_int_unchecked(i)) {
            Ok(n) => n,
            Err(e) if e.matches(types().index_error) => break,
            Err(e) => return Err(e),
        };
        i += 1;
        let Some(ns) = name.downcast::<StrObj>() else {
            let modname = ops::getattr(ts, m, names().__name__)?;
            let Some(mn) = modname.downcast::<StrObj>() else {
                return Err(ts.type_error(format!(
                    "module __name__ must be a string, not {}",
                    type_name(modname)
                )));
            };
            return Err(ts.type_error(format!(
                "{} in {}.{} must be str, not {}",
                if from_dict { "Key" } else { "Item" },
                mn.as_str(),
                if from_dict { "__dict__" } else { "__all__" },
                type_name(name)
            )));
        };
        if from_dict && ns.as_str().starts_with('_') {
            continue;
        }
        let v = ops::getattr(ts, m, ns)?;
        if exact_dict {
            if let Some(d) = locals.downcast::<DictObj>() {
                d.set_item(ts, name, v)?;
            }
        } else {
            ops::setitem(ts, locals, name, Some(v))?;
        }
    }
    Ok(())
}
