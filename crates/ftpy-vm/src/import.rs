//! `import`: finding, compiling and running modules.
//!
//! A module is looked up in `sys.modules`, then among the native modules
//! (registered by `ftpy-stdlib`), then as `name.py` or `name/__init__.py`
//! along `sys.path` (or the parent package's `__path__`). Importing
//! `a.b.c` imports `a`, `a.b`, `a.b.c` in turn and binds each child as an
//! attribute of its parent.

use crate::error::PyResult;
use crate::interp::{interp, names, types};
use crate::object::Gc;
use crate::objects::dict::DictObj;
use crate::objects::list::ListObj;
use crate::objects::module::ModuleObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// `import name` / `from ... import` as the `IMPORT_NAME` opcode does it.
pub fn import_module_level(
    ts: &mut ThreadState,
    name: Gc<StrObj>,
    globals: Value,
    fromlist: Value,
    level: i64,
) -> PyResult<Value> {
    if level < 0 {
        return Err(ts.value_error("level must be >= 0"));
    }
    let full = if level > 0 {
        resolve_relative(ts, name.as_str(), globals, level)?
    } else {
        if name.byte_len() == 0 {
            return Err(ts.value_error("Empty module name"));
        }
        name.as_str().to_string()
    };
    let module = import_absolute(ts, &full)?;
    let has_fromlist = !fromlist.is_none() && !fromlist.is_null() && ops::truthy(ts, fromlist)?;
    if !has_fromlist {
        if level == 0 {
            // `import a.b.c` binds `a`.
            let top = full.split('.').next().unwrap_or(&full).to_string();
            return match sys_module(&top) {
                Some(m) => Ok(m),
                None => import_absolute(ts, &top),
            };
        }
        if name.byte_len() == 0 {
            return Ok(module);
        }
        // `from . import x` with no fromlist cannot happen; relative
        // `import .a.b` is not syntax. Return the top of what was named.
        let first = name.as_str().split('.').next().unwrap_or("");
        let cut = full.len() - name.byte_len() + first.len();
        let prefix = &full[..cut];
        return match sys_module(prefix) {
            Some(m) => Ok(m),
            None => Ok(module),
        };
    }
    // Submodules named in the fromlist.
    if is_package(module) {
        let items = ops::collect(ts, fromlist)?;
        for &item in items.iter() {
            let Some(s) = crate::objects::str::as_str(item) else {
                return Err(ts.type_error(format!(
                    "Item in {}.__all__ must be str, not {}",
                    full,
                    crate::objects::typeobj::type_name(item)
                )));
            };
            if s == "*" {
                if let Some(all) = ops::getattr_opt(ts, module, names().__all__)? {
                    let subs = ops::collect(ts, all)?;
                    for &sub in subs.iter() {
                        if let Some(sn) = crate::objects::str::as_str(sub) {
                            ensure_submodule(ts, module, &full, sn)?;
                        }
                    }
                }
                continue;
            }
            ensure_submodule(ts, module, &full, s)?;
        }
    }
    Ok(module)
}

fn ensure_submodule(ts: &mut ThreadState, module: Value, full: &str, sub: &str) -> PyResult<()> {
    let n = crate::interp::intern(ts, sub);
    if ops::getattr_opt(ts, module, n)?.is_some() {
        return Ok(());
    }
    let child = format!("{full}.{sub}");
    match import_absolute(ts, &child) {
        Ok(_) => Ok(()),
        Err(e) if e.matches(types().module_not_found_error) => {
            // Only swallow the error for this very submodule.
            let missing = e.exc().get_attr_quiet(ts, "name");
            if missing.and_then(crate::objects::str::as_str) == Some(child.as_str()) {
                Ok(())
            } else {
                Err(e)
            }
        }
        Err(e) => Err(e),
    }
}

/// Imports a module by absolute dotted name and returns it (not the top
/// package).
pub fn import_simple(ts: &mut ThreadState, name: &str) -> PyResult<Value> {
    import_absolute(ts, name)
}

fn sys_module(name: &str) -> Option<Value> {
    let v = interp().modules.get_str_text(name)?;
    if v.is_none() {
        None
    } else {
        Some(v)
    }
}

fn is_package(m: Value) -> bool {
    match m.downcast::<ModuleObj>() {
        Some(md) => md.dict().get_str(names().__path__).is_some(),
        None => false,
    }
}

fn resolve_relative(
    ts: &mut ThreadState,
    name: &str,
    globals: Value,
    level: i64,
) -> PyResult<String> {
    let g = globals.downcast::<DictObj>();
    let mut package: Option<String> = None;
    if let Some(g) = g {
        if let Some(p) = g.get_str(names().__package__) {
            if let Some(s) = crate::objects::str::as_str(p) {
                package = Some(s.to_string());
            }
        }
        if package.is_none() {
            if let Some(n) = g
                .get_str(names().__name__)
                .and_then(crate::objects::str::as_str)
            {
                if g.get_str(names().__path__).is_some() {
                    package = Some(n.to_string());
                } else {
                    package = Some(
                        n.rsplit_once('.')
                            .map(|(a, _)| a.to_string())
                            .unwrap_or_default(),
                    );
                }
            }
        }
    }
    let package = match package {
        Some(p) if !p.is_empty() => p,
        _ => return Err(ts.import_error("attempted relative import with no known parent package")),
    };
    let parts: Vec<&str> = package.split('.').collect();
    if (level as usize) > parts.len() {
        return Err(ts.import_error("attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() - (level as usize - 1)].join(".");
    if name.is_empty() {
        Ok(base)
    } else {
        Ok(format!("{base}.{name}"))
    }
}

/// Imports `full` (and its parents); returns the module itself.
fn import_absolute(ts: &mut ThreadState, full: &str) -> PyResult<Value> {
    if let Some(m) = sys_module(full) {
        return Ok(m);
    }
    let (parent, child) = match full.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, full),
    };
    let search: Vec<String> = match parent {
        Some(p) => {
            let pm = import_absolute(ts, p)?;
            if let Some(m) = sys_module(full) {
                return Ok(m);
            }
            let Some(path) = ops::getattr_opt(ts, pm, names().__path__)? else {
                return Err(not_found(ts, full, Some(p)));
            };
            str_items(ts, path)?
        }
        None => {
            if let Some(init) = interp().native_modules.lock().get(full).copied() {
                let m = ModuleObj::new(ts, full);
                interp().modules.set_item_str(ts, full, m.value());
                if let Err(e) = init(ts, m) {
                    let k = StrObj::new(ts, full);
                    let _ = interp().modules.del_item_opt(ts, k);
                    return Err(e);
                }
                return Ok(sys_module(full).unwrap_or(m.value()));
            }
            let sys = interp().sys();
            match sys.dict().get_str(names().path) {
                Some(p) => str_items(ts, p)?,
                None => Vec::new(),
            }
        }
    };
    for dir in &search {
        let base = if dir.is_empty() {
            ".".to_string()
        } else {
            dir.clone()
        };
        let pkg_dir = format!("{base}/{child}");
        let init = format!("{pkg_dir}/__init__.py");
        if std::path::Path::new(&init).is_file() {
            return exec_module(ts, full, &init, Some(&pkg_dir), parent);
        }
        let file = format!("{base}/{child}.py");
        if std::path::Path::new(&file).is_file() {
            return exec_module(ts, full, &file, None, parent);
        }
    }
    Err(not_found(ts, full, None))
}

fn not_found(
    ts: &mut ThreadState,
    full: &str,
    parent_not_pkg: Option<&str>,
) -> crate::error::PyErr {
    let msg = match parent_not_pkg {
        Some(p) => format!("No module named '{full}'; '{p}' is not a package"),
        None => format!("No module named '{full}'"),
    };
    let e = ts.module_not_found_error(msg);
    let n = StrObj::new(ts, full);
    e.exc().set_attr_quiet(ts, "name", n);
    e.exc().set_attr_quiet(ts, "path", Value::NONE);
    e
}

fn str_items(ts: &mut ThreadState, v: Value) -> PyResult<Vec<String>> {
    let items = ops::collect(ts, v)?;
    Ok(items
        .iter()
        .filter_map(|&x| crate::objects::str::as_str(x).map(|s| s.to_string()))
        .collect())
}

/// Reads a source file as text (see [`decode_source`]).
pub fn read_source(ts: &mut ThreadState, path: &str) -> PyResult<String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Err(ts.os_error(format!(
                "[Errno {}] {}: '{}'",
                e.raw_os_error().unwrap_or(0),
                e,
                path
            )));
        }
    };
    decode_source(&bytes, path).map_err(|m| ts.syntax_error_msg(m))
}

/// Source bytes as text, as CPython's tokenizer reads them (PEP 263): a
/// UTF-8 BOM is skipped; a coding cookie on line 1 or 2 may name UTF-8,
/// Latin-1 or ASCII; otherwise the text must be UTF-8. The error is the
/// SyntaxError message CPython gives.
pub fn decode_source(bytes: &[u8], path: &str) -> Result<String, String> {
    let (b, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let cookie = coding_cookie(b);
    let enc = cookie
        .as_deref()
        .map(|c| c.to_ascii_lowercase().replace('_', "-"));
    match enc.as_deref() {
        None | Some("utf-8" | "utf8") => {}
        Some(e) if e.starts_with("utf-8-") => {}
        Some("latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "iso-latin-1" | "l1") if !bom => {
            return Ok(b.iter().map(|&c| c as char).collect());
        }
        Some("ascii" | "us-ascii") if !bom => {
            if let Some(i) = b.iter().position(|&c| c >= 0x80) {
                return Err(format!(
                    "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {i}: ordinal not in range(128)",
                    b[i]
                ));
            }
        }
        Some(_) if bom => return Err("encoding problem: utf-8".to_string()),
        Some(_) => return Err(format!("unknown encoding: {}", cookie.unwrap_or_default())),
    }
    match std::str::from_utf8(b) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = b[..at].iter().filter(|&&c| c == b'\n').count() + 1;
            if cookie.is_some() {
                return Err(format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {at}: invalid start byte",
                    b[at]
                ));
            }
            Err(format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                b[at]
            ))
        }
    }
}

/// The encoding named by a PEP 263 cookie on the first two lines.
fn coding_cookie(b: &[u8]) -> Option<String> {
    let mut lines = b.split(|&c| c == b'\n');
    for n in 0..2 {
        let line = lines.next()?;
        let text: String = line.iter().map(|&c| c as char).collect();
        let t = text.trim_start_matches([' ', '\t', '\x0c']);
        if !t.starts_with('#') {
            // Only a comment or blank first line lets line 2 declare it.
            if n == 0 && t.trim().is_empty() {
                continue;
            }
            return None;
        }
        if let Some(i) = t.find("coding") {
            let rest = &t[i + 6..];
            if let Some(r) = rest.strip_prefix([':', '=']) {
                let name: String = r
                    .trim_start_matches([' ', '\t'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some(name);
                }
            }
        }
    }
    None
}

fn exec_module(
    ts: &mut ThreadState,
    full: &str,
    file: &str,
    pkg_dir: Option<&str>,
    parent: Option<&str>,
) -> PyResult<Value> {
    let source = read_source(ts, file)?;
    let m = ModuleObj::new(ts, full);
    let d = m.dict();
    let f = StrObj::new(ts, file);
    d.set_item_str(ts, "__file__", f);
    d.set_item_str(ts, "__cached__", Value::NONE);
    d.set_item_str(ts, "__builtins__", interp().builtins.value());
    let package = match pkg_dir {
        Some(dir) => {
            let p = StrObj::new(ts, dir);
            let l = ListObj::new(ts, &[p]);
            d.set_item_str(ts, "__path__", l.value());
            full.to_string()
        }
        None => parent.unwrap_or("").to_string(),
    };
    let pv = StrObj::new(ts, &package);
    d.set_item_str(ts, "__package__", pv);
    interp().modules.set_item_str(ts, full, m.value());
    let r = (|| {
        let code = crate::compile_source(ts, &source, file, ftpy_compiler::Mode::Exec)?;
        crate::interpreter::run_code(ts, code, d, d.value(), Value::NULL)
    })();
    if let Err(e) = r {
        let k = StrObj::new(ts, full);
        let _ = interp().modules.del_item_opt(ts, k);
        return Err(e);
    }
    let result = sys_module(full).unwrap_or(m.value());
    if let Some(p) = parent {
        if let Some(pm) = sys_module(p) {
            let child = full.rsplit_once('.').map(|(_, c)| c).unwrap_or(full);
            let cn = crate::interp::intern(ts, child);
            ops::setattr(ts, pm, cn, Some(result))?;
        }
    }
    let _ = TupleObj::new;
    Ok(result)
}
