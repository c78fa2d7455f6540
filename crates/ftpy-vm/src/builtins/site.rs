//! The builtins that CPython's `site` module adds at start-up: `exit`,
//! `quit`, `copyright`, `credits`, `license`, `help`.
//!
//! ftpy does not run `site.py` (it needs `os`, and its other work —
//! site-packages on `sys.path`, `.pth` files — ftpy's start-up does or
//! leaves out, see docs/import.md). It makes these six objects as
//! `site.setquit`, `setcopyright` and `sethelper` do: from the standard
//! library's own `_sitebuiltins` (pure Python, needs only `sys`). `-S`
//! leaves them out, as it does in CPython.

use crate::error::PyResult;
use crate::interp::interp;
use crate::objects::str::StrObj;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

const CREDITS: &str = "    Thanks to the CPython developers, whose standard library ftpy runs unmodified,\n    and to everyone who helped build ftpy.";

/// Adds the `site` builtins. Fails (with the import error) when the
/// standard library is not there.
pub fn install(ts: &mut ThreadState) -> PyResult<()> {
    let sb = crate::import::import_simple(ts, "_sitebuiltins")?;
    let b = interp().builtins_dict;
    let quitter = ops::getattr_str(ts, sb, "Quitter")?;
    let eof = StrObj::new(ts, "Ctrl-D (i.e. EOF)");
    for name in ["quit", "exit"] {
        let n = StrObj::new(ts, name);
        let q = ops::call2(ts, quitter, n, eof)?;
        b.set_item_str(ts, name, q);
    }
    let helper = ops::getattr_str(ts, sb, "_Helper")?;
    let h = ops::call0(ts, helper)?;
    b.set_item_str(ts, "help", h);
    install_printers(ts, sb)
}

/// Makes a `_sitebuiltins._Printer` with the state its `__init__` gives
/// it, without running `__init__` (which imports `os` only to join file
/// names: ftpy's start-up avoids importing `os`).
fn printer(
    ts: &mut ThreadState,
    cls: Value,
    name: &str,
    data: Value,
    files: &[&str],
    dirs: &[String],
) -> PyResult<Value> {
    let obj = ops::call_method(ts, cls, crate::interp::names().__new__, &[cls])?;
    let n = StrObj::new(ts, name);
    ops::setattr_str(ts, obj, "_Printer__name", n)?;
    ops::setattr_str(ts, obj, "_Printer__data", data)?;
    ops::setattr_str(ts, obj, "_Printer__lines", Value::NONE)?;
    let mut paths = Vec::new();
    for d in dirs {
        for f in files {
            paths.push(format!("{}/{f}", d.trim_end_matches('/')));
        }
    }
    let l = super::str_list(ts, &paths);
    ops::setattr_str(ts, obj, "_Printer__filenames", l)?;
    Ok(obj)
}

fn install_printers(ts: &mut ThreadState, sb: Value) -> PyResult<()> {
    let b = interp().builtins_dict;
    let cls = ops::getattr_str(ts, sb, "_Printer")?;
    let copyright = interp()
        .sys()
        .dict()
        .get_str_text("copyright")
        .unwrap_or(Value::NONE);
    let p = printer(ts, cls, "copyright", copyright, &[], &[])?;
    b.set_item_str(ts, "copyright", p);
    let text = StrObj::new(ts, CREDITS);
    let p = printer(ts, cls, "credits", text, &[], &[])?;
    b.set_item_str(ts, "credits", p);
    // The license text is read from the standard library's directory, as
    // site.py does.
    let text = StrObj::new(ts, "See https://www.python.org/psf/license/");
    let mut dirs = Vec::new();
    if let Some(std) = &interp().config.stdlib {
        dirs.push(format!("{std}/.."));
        dirs.push(std.clone());
    }
    dirs.push(".".to_string());
    let p = printer(ts, cls, "license", text, &["LICENSE.txt", "LICENSE"], &dirs)?;
    b.set_item_str(ts, "license", p);
    Ok(())
}
