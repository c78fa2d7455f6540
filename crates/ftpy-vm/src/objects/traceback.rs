//! `traceback` objects, and printing exceptions in CPython's format.

use crate::error::{PyErr, PyResult};
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::interpreter::frame::Frame;
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::add_getset;
use crate::objects::code::CodeObj;
use crate::objects::exception::ExcObj;
use crate::objects::str::StrObj;
use crate::objects::typeobj::type_of;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct TracebackObj {
    pub header: Header,
    pub next: Slot,
    pub code: Slot,
    pub globals: Slot,
    /// A frame object, made on first `tb_frame` access.
    pub frame: Slot,
    pub lasti: u32,
    pub lineno: u32,
}

// SAFETY: repr(C), Header first; traces every Slot.
unsafe impl HeapObj for TracebackObj {
    const KIND: Kind = Kind::Traceback;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.next);
        m.slot(&self.code);
        m.slot(&self.globals);
        m.slot(&self.frame);
    }
}

/// Prepends an entry for `f` (at instruction `lasti`) to the exception's
/// traceback, as CPython's `PyTraceBack_Here` does.
pub fn add_frame_to_traceback(ts: &mut ThreadState, exc: PyErr, f: &Frame, lasti: u32) {
    let lineno = f.code.line_of(lasti as usize);
    add_entry(ts, exc, f.code.value(), f.globals.value(), lasti, lineno);
}

/// Prepends an entry for code `code` at `lineno` to the exception's
/// traceback.
pub fn add_entry(
    ts: &mut ThreadState,
    exc: PyErr,
    code: Value,
    globals: Value,
    lasti: u32,
    lineno: u32,
) {
    let e = exc.exc();
    let next = e.traceback.get();
    let tb = ts.alloc(TracebackObj {
        header: Header::new(types().traceback, Kind::Traceback, 0),
        next: Slot::new(next),
        code: Slot::new(code),
        globals: Slot::new(globals),
        frame: Slot::new(Value::NULL),
        lasti,
        lineno,
    });
    e.traceback.set(tb.value());
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<TracebackObj>> {
    v.downcast::<TracebackObj>()
        .ok_or_else(|| ts.type_error("expected a traceback"))
}

fn get_next(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let n = this(ts, v)?.next.get();
    Ok(if n.is_null() { Value::NONE } else { n })
}

fn set_next(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let tb = this(ts, v)?;
    match x {
        Some(n) if n.is_none() => tb.next.set(Value::NULL),
        Some(n) if n.downcast::<TracebackObj>().is_some() => tb.next.set(n),
        _ => return Err(ts.type_error("expected traceback object or None")),
    }
    Ok(())
}

fn get_lineno(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(this(ts, v)?.lineno as i64))
}

fn get_lasti(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(2 * this(ts, v)?.lasti as i64))
}

fn get_frame(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let tb = this(ts, v)?;
    let f = tb.frame.get();
    if !f.is_null() {
        return Ok(f);
    }
    let fo =
        crate::objects::frame::FrameObj::snapshot(ts, tb.code.get(), tb.globals.get(), tb.lasti);
    tb.frame.set(fo.value());
    Ok(fo.value())
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.traceback;
    add_getset(ts, ty, "tb_next", get_next, Some(set_next));
    add_getset(ts, ty, "tb_lineno", get_lineno, None);
    add_getset(ts, ty, "tb_lasti", get_lasti, None);
    add_getset(ts, ty, "tb_frame", get_frame, None);
}

// ---- printing ----------------------------------------------------------------------

/// The source line `lineno` of `filename` (read from disk; None if
/// unavailable).
pub fn source_line(filename: &str, lineno: u32) -> Option<String> {
    if lineno == 0 || filename.starts_with('<') {
        return None;
    }
    let text = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.lines().nth(lineno as usize - 1).map(|l| l.to_string())
}

/// Formats one traceback entry (`  File "x.py", line 3, in f` + source
/// line + carets).
fn format_entry(out: &mut String, code: &CodeObj, lasti: u32, lineno: u32) {
    let filename = code.filename_str();
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        filename,
        lineno,
        code.name_str()
    ));
    let Some(line) = source_line(filename, lineno) else {
        return;
    };
    let stripped = line.trim();
    if stripped.is_empty() {
        return;
    }
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    // Carets under the failing expression (3.11), unless it spans the
    // whole line.
    let Some(loc) = code.locations.get(lasti as usize) else {
        return;
    };
    if loc.line != lineno || loc.line == 0 {
        return;
    }
    let lead = line.len() - line.trim_start().len();
    let char_of = |byte: usize| {
        line.get(..byte.min(line.len()))
            .map(|s| s.chars().count())
            .unwrap_or(0)
    };
    let start = char_of(loc.col as usize);
    let end = if loc.end_line == loc.line {
        char_of(loc.end_col as usize)
    } else {
        char_of(lead + stripped.len())
    };
    let lead_chars = char_of(lead);
    let stripped_chars = stripped.chars().count();
    if end <= start || start < lead_chars {
        return;
    }
    if end - start >= stripped_chars {
        return;
    }
    out.push_str("    ");
    for _ in lead_chars..start {
        out.push(' ');
    }
    for _ in start..end {
        out.push('^');
    }
    out.push('\n');
}

/// Formats a traceback chain (oldest call first).
pub fn format_tb(tb: Value) -> String {
    let mut out = String::new();
    let mut cur = tb;
    let mut last: Option<(usize, u32, String)> = None;
    let mut repeat = 0usize;
    while let Some(t) = cur.downcast::<TracebackObj>() {
        let code: Option<Gc<CodeObj>> = t.code.get().downcast();
        if let Some(code) = code {
            let key = (code.addr(), t.lineno, code.name_str().to_string());
            if last.as_ref() == Some(&key) {
                repeat += 1;
            } else {
                if repeat > 3 {
                    let n = repeat - 3;
                    out.push_str(&format!(
                        "  [Previous line repeated {} more time{}]\n",
                        n,
                        if n == 1 { "" } else { "s" }
                    ));
                }
                repeat = 1;
                last = Some(key);
            }
            if repeat <= 3 {
                format_entry(&mut out, &code, t.lasti, t.lineno);
            }
        }
        cur = t.next.get();
    }
    if repeat > 3 {
        let n = repeat - 3;
        out.push_str(&format!(
            "  [Previous line repeated {} more time{}]\n",
            n,
            if n == 1 { "" } else { "s" }
        ));
    }
    out
}

/// The `ExcType: message` line (with the module prefix for non-builtin
/// classes, as CPython prints it).
pub fn format_exception_only(ts: &mut ThreadState, exc: Value) -> String {
    let ty = type_of(exc);
    let mut name = ty.obj().name_str().to_string();
    if let Some(q) = ty.qualname.get().downcast::<StrObj>() {
        name = q.as_str().to_string();
    }
    if let Some(m) = ty
        .dict()
        .get_str_text("__module__")
        .and_then(crate::objects::str::as_str)
    {
        if m != "builtins" && m != "__main__" {
            name = format!("{m}.{name}");
        }
    }
    let mut out = String::new();
    // SyntaxError: file/line/caret block before the message.
    if ty.is_subtype(types().syntax_error) {
        if let Some(e) = exc.downcast::<ExcObj>() {
            let filename = e
                .get_attr_quiet(ts, "filename")
                .and_then(crate::objects::str::as_str)
                .unwrap_or("<string>")
                .to_string();
            let lineno = e
                .get_attr_quiet(ts, "lineno")
                .and_then(crate::objects::int::to_i64);
            let text = e
                .get_attr_quiet(ts, "text")
                .and_then(crate::objects::str::as_str)
                .map(|s| s.to_string());
            let offset = e
                .get_attr_quiet(ts, "offset")
                .and_then(crate::objects::int::to_i64);
            let end_offset = e
                .get_attr_quiet(ts, "end_offset")
                .and_then(crate::objects::int::to_i64);
            let end_lineno = e
                .get_attr_quiet(ts, "end_lineno")
                .and_then(crate::objects::int::to_i64);
            if let Some(l) = lineno {
                out.push_str(&format!("  File \"{filename}\", line {l}\n"));
            }
            if let Some(t) = text {
                let t = t.trim_end_matches(['\n', '\r']);
                let lead = t.chars().count() - t.trim_start().chars().count();
                let body = t.trim();
                out.push_str(&format!("    {body}\n"));
                if let Some(off) = offset {
                    let start = (off as usize).saturating_sub(1).saturating_sub(lead);
                    let mut end = match (end_offset, end_lineno) {
                        (Some(eo), Some(el)) if Some(el) == lineno && eo > off => {
                            (eo as usize).saturating_sub(1).saturating_sub(lead)
                        }
                        _ => start + 1,
                    };
                    if end <= start {
                        end = start + 1;
                    }
                    let body_len = body.chars().count();
                    if start <= body_len {
                        out.push_str("    ");
                        out.push_str(&" ".repeat(start));
                        out.push_str(&"^".repeat(end.min(body_len + 1).max(start + 1) - start));
                        out.push('\n');
                    }
                }
            }
            let msg = e
                .get_attr_quiet(ts, "msg")
                .map(|m| ops::str_string(ts, m).unwrap_or_default())
                .unwrap_or_default();
            out.push_str(&format!("{name}: {msg}\n"));
            return out;
        }
    }
    let msg = match ops::str_string(ts, exc) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
    if let Some(e) = exc.downcast::<ExcObj>() {
        if let Some(notes) = e.get_attr_quiet(ts, "__notes__") {
            if let Some(l) = notes.downcast::<crate::objects::list::ListObj>() {
                for n in l.snapshot_items() {
                    let s = ops::str_string(ts, n).unwrap_or_default();
                    out.push_str(&s);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The full report CPython prints for an uncaught exception, including
/// chained causes and contexts.
pub fn format_exception(ts: &mut ThreadState, exc: Value) -> String {
    // Walk the chain iteratively (chains can be as long as a program
    // likes), oldest exception printed first.
    const CAUSE: &str =
        "\nThe above exception was the direct cause of the following exception:\n\n";
    const CONTEXT: &str =
        "\nDuring handling of the above exception, another exception occurred:\n\n";
    let mut chain = crate::gc::RootedVec::new(ts);
    let mut links: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut cur = exc;
    loop {
        chain.push(cur);
        seen.insert(cur.bits());
        let Some(e) = cur.downcast::<ExcObj>() else {
            break;
        };
        let cause = e.cause.get();
        let context = e.context.get();
        let usable = |v: Value| !v.is_null() && !v.is_none() && !seen.contains(&v.bits());
        if usable(cause) {
            links.push(CAUSE);
            cur = cause;
        } else if !e.suppress_context() && usable(context) {
            links.push(CONTEXT);
            cur = context;
        } else {
            break;
        }
    }
    let mut out = String::new();
    for i in (0..chain.len()).rev() {
        let x = chain[i];
        if let Some(e) = x.downcast::<ExcObj>() {
            let tb = e.traceback.get();
            if !tb.is_null() && !tb.is_none() {
                out.push_str("Traceback (most recent call last):\n");
                out.push_str(&format_tb(tb));
            }
        }
        out.push_str(&format_exception_only(ts, x));
        if i > 0 {
            out.push_str(links[i - 1]);
        }
    }
    out
}
