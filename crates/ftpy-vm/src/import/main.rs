//! `ftpy -m module`: running a module (or a package's `__main__`) as the
//! `__main__` module, as CPython's `runpy._run_module_as_main` does.

use crate::error::{PyErr, PyResult};
use crate::interp::{interp, names, types};
use crate::objects::str::StrObj;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// Why a module cannot be run: a message CPython prints after the
/// executable's name (then exits with status 1), or an exception that
/// propagates as is.
enum Failure {
    Message(String),
    Error(PyErr),
}

impl From<PyErr> for Failure {
    fn from(e: PyErr) -> Failure {
        Failure::Error(e)
    }
}

/// Runs module `name` as `__main__`. A module that cannot be found or run
/// raises `SystemExit("<executable>: <why>")`, which exits with status 1
/// after printing the message, as CPython does.
pub fn run_module_as_main(ts: &mut ThreadState, name: &str) -> PyResult<Value> {
    let main = crate::main_module(ts, None);
    let (spec, code) = match module_details(ts, name) {
        Ok(r) => r,
        Err(Failure::Error(e)) => return Err(e),
        Err(Failure::Message(msg)) => {
            let exe = interp().config.executable.clone();
            let text = StrObj::new(ts, &format!("{exe}: {msg}"));
            let e = ts.new_error_with(types().system_exit, &[text]);
            e.exc().set_attr_quiet(ts, "code", text);
            return Err(e);
        }
    };
    let origin = ops::getattr_str(ts, spec, "origin")?;
    if let Some(argv) = interp().sys().dict().get_str_text("argv") {
        ops::setitem(ts, argv, Value::small_int_unchecked(0), Some(origin))?;
    }
    let d = main.dict();
    let loader = ops::getattr_str(ts, spec, "loader")?;
    let cached = ops::getattr_str(ts, spec, "cached")?;
    let parent = ops::getattr_str(ts, spec, "parent")?;
    let main_name = StrObj::new(ts, "__main__");
    d.set_item(ts, names().__name__.value(), main_name)?;
    d.set_item(ts, names().__file__.value(), origin)?;
    d.set_item(ts, names().__cached__.value(), cached)?;
    d.set_item(ts, names().__doc__.value(), Value::NONE)?;
    d.set_item(ts, names().__loader__.value(), loader)?;
    d.set_item(ts, names().__package__.value(), parent)?;
    d.set_item(ts, names().__spec__.value(), spec)?;
    let Some(code) = code.downcast::<crate::objects::code::CodeObj>() else {
        return Err(ts.type_error("get_code() did not return a code object"));
    };
    crate::interpreter::run_code(ts, code, d, d.value(), Value::NULL)
}

/// The spec and code of the module to run (runpy's `_get_module_details`).
fn module_details(ts: &mut ThreadState, name: &str) -> Result<(Value, Value), Failure> {
    if name.starts_with('.') {
        return Err(Failure::Message(
            "Relative module names not supported".to_string(),
        ));
    }
    if let Some((pkg, _)) = name.rsplit_once('.') {
        // Import the parent first, so that its own errors are reported as
        // they are (a missing parent is reported by the search below).
        if let Err(e) = super::import_simple(ts, pkg) {
            if !e.matches(types().import_error) {
                return Err(e.into());
            }
            let missing = e.exc().get_attr_quiet(ts, "name");
            let missing = missing.and_then(crate::objects::str::as_str);
            let ours = match missing {
                None => false,
                Some(m) => m == pkg || pkg.starts_with(&format!("{m}.")),
            };
            if !ours {
                return Err(e.into());
            }
        }
        if let Some(existing) = interp().modules.get_str_text(name) {
            if !existing.is_none() && ops::getattr_opt(ts, existing, names().__path__)?.is_none() {
                let (n, p) = (
                    crate::objects::str::repr_str(name),
                    crate::objects::str::repr_str(pkg),
                );
                let msg = format!(
                    "{n} found in sys.modules after import of package {p}, but prior to execution of {n}; this may result in unpredictable behaviour"
                );
                crate::sys::warn_named(ts, "RuntimeWarning", &msg, 1)?;
            }
        }
    }
    let spec = match util_find_spec(ts, name) {
        Ok(s) => s,
        Err(e) => {
            let t = crate::objects::typeobj::type_of(e.value());
            let caught = [
                types().import_error,
                types().attribute_error,
                types().type_error,
                types().value_error,
            ];
            if !caught.iter().any(|&c| t.is_subtype(c)) {
                return Err(e.into());
            }
            let text = ops::str_string(ts, e.value())?;
            let mut msg = format!(
                "Error while finding module specification for {} ({}: {text})",
                crate::objects::str::repr_str(name),
                t.name_str()
            );
            if let Some(stem) = name.strip_suffix(".py") {
                msg.push_str(&format!(
                    ". Try using '{stem}' instead of '{name}' as the module name."
                ));
            }
            return Err(Failure::Message(msg));
        }
    };
    if spec.is_none() {
        return Err(Failure::Message(format!("No module named {name}")));
    }
    let locations = ops::getattr_str(ts, spec, "submodule_search_locations")?;
    if !locations.is_none() {
        if name == "__main__" || name.ends_with(".__main__") {
            return Err(Failure::Message(
                "Cannot use package as __main__ module".to_string(),
            ));
        }
        return match module_details(ts, &format!("{name}.__main__")) {
            Err(Failure::Message(m)) if interp().modules.get_str_text(name).is_some() => {
                Err(Failure::Message(format!(
                    "{m}; {} is a package and cannot be directly executed",
                    crate::objects::str::repr_str(name)
                )))
            }
            r => r,
        };
    }
    let loader = ops::getattr_str(ts, spec, "loader")?;
    if loader.is_none() {
        return Err(Failure::Message(format!(
            "{} is a namespace package and cannot be executed",
            crate::objects::str::repr_str(name)
        )));
    }
    let n = StrObj::new(ts, name);
    let get_code = crate::interp::intern(ts, "get_code");
    let code = match ops::call_method(ts, loader, get_code, &[n]) {
        Ok(c) => c,
        Err(e) if e.matches(types().import_error) => {
            let text = ops::str_string(ts, e.value())?;
            return Err(Failure::Message(text));
        }
        Err(e) => return Err(e.into()),
    };
    if code.is_none() {
        return Err(Failure::Message(format!(
            "No code object available for {name}"
        )));
    }
    Ok((spec, code))
}

/// `importlib.util.find_spec(name)`: the spec of a loaded module, or a
/// search (importing the parent package first).
pub fn util_find_spec(ts: &mut ThreadState, name: &str) -> PyResult<Value> {
    if let Some(m) = interp().modules.get_str_text(name) {
        if m.is_none() {
            return Ok(Value::NONE);
        }
        return match ops::getattr_opt(ts, m, names().__spec__)? {
            None => Err(ts.value_error(format!("{name}.__spec__ is not set"))),
            Some(s) if s.is_none() => Err(ts.value_error(format!("{name}.__spec__ is None"))),
            Some(s) => Ok(s),
        };
    }
    let path = match name.rsplit_once('.') {
        Some((parent, _)) => {
            let pm = super::import_simple(ts, parent)?;
            match ops::getattr_opt(ts, pm, names().__path__)? {
                Some(p) => p,
                None => {
                    let msg = format!(
                        "__path__ attribute not found on {} while trying to find {}",
                        crate::objects::str::repr_str(parent),
                        crate::objects::str::repr_str(name)
                    );
                    return Err(super::import_error_with(
                        ts,
                        types().module_not_found_error,
                        &msg,
                        Some(name),
                        None,
                    ));
                }
            }
        }
        None => Value::NONE,
    };
    Ok(super::find_spec(ts, name, path, Value::NONE)?.unwrap_or(Value::NONE))
}
