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
    /// `tb_lasti` and `tb_lineno` as given to `TracebackType(...)` (None
    /// for the entries the interpreter makes); such an entry has
    /// `lasti == NO_POSITION` and its line clamped to `lineno`.
    pub given: Option<(i32, i32)>,
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
/// The entry's frame object is the frame's own (`tb_frame is
/// sys._getframe()` in that frame).
pub fn add_frame_to_traceback(ts: &mut ThreadState, exc: PyErr, f: &Frame, lasti: u32) {
    if stands_in_for_c_code(&f.code) {
        return;
    }
    let lineno = f.code.line_of(lasti as usize);
    let fo = crate::objects::frame::FrameObj::of_frame(ts, f, lasti);
    // `tb_frame.f_back` is the caller, as in CPython (logging's
    // handleError walks it to print the call stack): link this frame's
    // object to its caller's now, while the caller is live below it. One
    // level only: the caller links its own when the exception reaches it,
    // or `f_back` finds it in the live chain. A generator's or coroutine's
    // frame has no caller once it is suspended or done (CPython's is None
    // then): it is left unlinked.
    use ftpy_compiler::code::flags;
    let suspendable = flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
    if f.code.flags & suspendable == 0 {
        let back = if f.prev.is_null() {
            Value::NONE
        } else {
            // SAFETY: `f.prev` is the caller of a frame being unwound on
            // this thread: live, below `f` in the thread's frame chain.
            let caller = unsafe { &*f.prev };
            crate::objects::frame::FrameObj::of_frame(ts, caller, caller.lasti).value()
        };
        fo.back.set(back);
    }
    add_entry(ts, exc, f.code.value(), f.globals.value(), lasti, lineno);
    if let Some(tb) = exc.exc().traceback.get().downcast::<TracebackObj>() {
        tb.frame.set(fo.value());
    }
}

/// Functions of CPython's pure-Python asyncio that ftpy runs where CPython
/// runs `_asyncio`'s C code: by file under the standard library, the
/// qualified-name prefixes (`Future.`, `Task.`) and names that are C there.
/// CPython's tracebacks have no entry for C code, so an error raised in a
/// task shows the program's frames only, not `Task.__step` and
/// `Future.result`; these frames add none either.
const C_ASYNCIO_STAND_INS: &[(&str, &[&str])] = &[
    ("asyncio/futures.py", &["Future."]),
    (
        "asyncio/tasks.py",
        &[
            "Task.",
            "_register_task",
            "_unregister_task",
            "_enter_task",
            "_leave_task",
        ],
    ),
    (
        "asyncio/events.py",
        &[
            "_get_running_loop",
            "_set_running_loop",
            "get_running_loop",
            "get_event_loop",
            "_get_event_loop",
        ],
    ),
];

fn stands_in_for_c_code(code: &CodeObj) -> bool {
    let file = code.filename_str();
    let Some(rel) = crate::interp::interp()
        .config
        .stdlib
        .as_deref()
        .and_then(|dir| file.strip_prefix(dir))
        .map(|r| r.trim_start_matches('/'))
    else {
        return false;
    };
    let Some((_, names)) = C_ASYNCIO_STAND_INS.iter().find(|(f, _)| *f == rel) else {
        return false;
    };
    let qualname = crate::objects::str::as_str(code.qualname.get()).unwrap_or("");
    names.iter().any(|n| {
        if n.ends_with('.') {
            qualname.starts_with(n)
        } else {
            qualname == *n
        }
    })
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
        given: None,
    });
    e.traceback.set(tb.value());
}

/// `TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn tb_new(
    ts: &mut ThreadState,
    _cls: Gc<crate::objects::typeobj::TypeObj>,
    args: &[Value],
    kw: Option<Gc<crate::objects::tuple::TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)");
    let [next, frame, lasti, lineno] = SIG.bind(ts, args, kw)?;
    let next = if next.is_none() {
        Value::NULL
    } else if next.downcast::<TracebackObj>().is_some() {
        next
    } else {
        return Err(ts.type_error(format!(
            "expected traceback object or None, got '{}'",
            crate::objects::typeobj::type_name(next)
        )));
    };
    let Some(f) = frame.downcast::<crate::objects::frame::FrameObj>() else {
        return Err(ts.type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            crate::objects::typeobj::type_name(frame)
        )));
    };
    let lasti = c_int(ts, lasti)?;
    let lineno = c_int(ts, lineno)?;
    let tb = ts.alloc(TracebackObj {
        header: Header::new(types().traceback, Kind::Traceback, 0),
        next: Slot::new(next),
        code: Slot::new(f.code.get()),
        globals: Slot::new(f.globals.get()),
        frame: Slot::new(f.value()),
        lasti: NO_POSITION,
        lineno: lineno.max(0) as u32,
        given: Some((lasti, lineno)),
    });
    Ok(tb.value())
}

/// An `int` argument as a C `int`.
fn c_int(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    let i = ops::index(ts, v)?;
    crate::objects::int::to_i64(i)
        .and_then(|n| i32::try_from(n).ok())
        .ok_or_else(|| ts.overflow_error("Python int too large to convert to C int"))
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
        None => Err(ts.type_error("can't delete tb_next attribute")),
        Some(n) if n.is_none() => {
            tb.next.set(Value::NULL);
            Ok(())
        }
        Some(n) => {
            let Some(mut cursor) = n.downcast::<TracebackObj>() else {
                return Err(ts.type_error(format!(
                    "expected traceback object, got '{}'",
                    crate::objects::typeobj::type_name(n)
                )));
            };
            // A chain must not loop (printing it would never end).
            loop {
                if cursor == tb {
                    return Err(ts.value_error("traceback loop detected"));
                }
                match cursor.next.get().downcast::<TracebackObj>() {
                    Some(c) => cursor = c,
                    None => break,
                }
            }
            tb.next.set(n);
            Ok(())
        }
    }
}

fn get_lineno(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let tb = this(ts, v)?;
    if let Some((_, lineno)) = tb.given {
        return Ok(Value::small_int_unchecked(lineno as i64));
    }
    Ok(Value::small_int_unchecked(tb.lineno as i64))
}

/// `lasti` of an entry that has no instruction position (a throw into a
/// generator that had not started).
pub const NO_POSITION: u32 = u32::MAX;

fn get_lasti(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let tb = this(ts, v)?;
    if let Some((lasti, _)) = tb.given {
        return Ok(Value::small_int_unchecked(lasti as i64));
    }
    let l = tb.lasti;
    let l = if l == NO_POSITION { 0 } else { 2 * l as i64 };
    Ok(Value::small_int_unchecked(l))
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
    ty.slots.new.set(Some(tb_new));
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

/// Formats one traceback entry (`  File "x.py", line 3, in f`, the
/// source line without its indentation, and carets under the failing
/// expression) as CPython 3.11's `tb_displayline` does.
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
    let chars: Vec<char> = line.chars().collect();
    let lead = chars
        .iter()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    let stripped: String = chars[lead..].iter().collect();
    out.push_str("    ");
    out.push_str(&stripped);
    out.push('\n');
    // Carets under the instruction's span (not when it is the whole line).
    let Some(loc) = code.locations.get(lasti as usize) else {
        return;
    };
    if loc.line != lineno || loc.line == 0 || loc.end_line < loc.line {
        return;
    }
    let char_of = |byte: usize| {
        line.get(..byte.min(line.len()))
            .map(|s| s.chars().count())
            .unwrap_or(0)
    };
    let start = char_of(loc.col as usize);
    let mut end = char_of(loc.end_col as usize);
    let mut anchors = None;
    if loc.end_line == loc.line {
        if start < end && end <= chars.len() {
            let segment: String = chars[start..end].iter().collect();
            anchors =
                ftpy_compiler::caret_anchors(&segment).map(|a| (start + a.left, start + a.right));
        }
    } else {
        // A multi-line expression: up to the line's last non-blank.
        end = chars
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(0, |i| i + 1);
    }
    if end - start.min(end) == chars.len() - lead && anchors.is_none() {
        return;
    }
    // Columns start at the line's own indentation; the printed line is
    // indented by 4 instead.
    let mut caret = String::new();
    let mut col = lead as isize - 4;
    while col < end as isize {
        col += 1;
        let c = if col <= start as isize {
            ' '
        } else if let Some((l, r)) = anchors {
            if (l as isize) < col && col <= r as isize {
                '^'
            } else {
                '~'
            }
        } else {
            '^'
        };
        caret.push(c);
    }
    out.push_str(&caret);
    out.push('\n');
}

/// Formats a traceback chain (oldest call first).
pub fn format_tb(tb: Value) -> String {
    format_tb_limited(tb, usize::MAX)
}

/// CPython's default limit on the entries of a printed traceback.
const TRACEBACK_LIMIT: usize = 1000;

/// How many traceback entries an uncaught exception shows: CPython's
/// `sys.tracebacklimit` (an int; at most 0: none, not even the header),
/// else 1000.
fn traceback_limit() -> usize {
    let limit = crate::interp::interp()
        .sys()
        .dict()
        .get_str_text("tracebacklimit");
    match limit {
        Some(v) if crate::objects::int::is_int(v) => {
            crate::objects::int::to_i64_saturating(v).clamp(0, i64::MAX) as usize
        }
        _ => TRACEBACK_LIMIT,
    }
}

/// Formats the last `limit` entries of a traceback chain.
fn format_tb_limited(tb: Value, limit: usize) -> String {
    let mut out = String::new();
    let mut cur = tb;
    let mut depth = 0usize;
    while let Some(t) = cur.downcast::<TracebackObj>() {
        depth += 1;
        cur = t.next.get();
    }
    cur = tb;
    for _ in 0..depth.saturating_sub(limit) {
        if let Some(t) = cur.downcast::<TracebackObj>() {
            cur = t.next.get();
        }
    }
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

// ---- printing an uncaught exception -------------------------------------------------
//
// CPython 3.11's format (Python/pythonrun.c): the exception's traceback,
// its `Type: message` line (with a "Did you mean" suggestion for
// AttributeError and NameError), its notes; chained causes and contexts
// first, oldest first. Exception groups nest their sub-exceptions in
// numbered boxes:
//
// ```text
//   + Exception Group Traceback (most recent call last):
//   |   File "x.py", line 1, in <module>
//   | ExceptionGroup: eg (2 sub-exceptions)
//   +-+---------------- 1 ----------------
//     | ValueError: 1
//     +---------------- 2 ----------------
//     | TypeError: 2
//     +------------------------------------
// ```
//
// Every line of a sub-exception starts with its depth's indent and the
// `| ` margin. At most 15 sub-exceptions per group are shown ("and N more
// exceptions") and 10 levels of groups ("... (max_group_depth is 10)").

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
const CAUSE_MESSAGE: &str =
    "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str =
    "During handling of the above exception, another exception occurred:\n";

struct Printer {
    out: String,
    /// Exceptions already printed (by identity): chains never loop.
    seen: std::collections::HashSet<u64>,
    /// Nesting level of the exception group being printed.
    depth: usize,
    /// The closing line of the innermost open group is still owed.
    need_close: bool,
}

impl Printer {
    fn indent(&mut self) {
        for _ in 0..2 * self.depth {
            self.out.push(' ');
        }
    }

    fn margin(&self) -> &'static str {
        if self.depth > 0 {
            "| "
        } else {
            ""
        }
    }

    fn indented_margin(&mut self) {
        self.indent();
        let m = self.margin();
        self.out.push_str(m);
    }

    /// Writes `text` (whole lines) with the indent and margin before
    /// every line.
    fn lines(&mut self, text: &str) {
        for line in text.split_inclusive('\n') {
            self.indented_margin();
            self.out.push_str(line);
        }
    }

    /// `exc` with the exceptions chained to it (CPython's
    /// `print_exception_recursive`, with the chain walked iteratively).
    fn exception_with_chain(&mut self, ts: &mut ThreadState, exc: Value) {
        let mut chain = crate::gc::RootedVec::new(ts);
        let mut links: Vec<&'static str> = Vec::new();
        let mut cur = exc;
        loop {
            chain.push(cur);
            self.seen.insert(cur.bits());
            let Some(e) = cur.downcast::<ExcObj>() else {
                break;
            };
            let cause = e.cause.get();
            if !cause.is_null() && !cause.is_none() {
                if self.seen.contains(&cause.bits()) {
                    break;
                }
                links.push(CAUSE_MESSAGE);
                cur = cause;
                continue;
            }
            if e.suppress_context() {
                break;
            }
            let context = e.context.get();
            if context.is_null() || context.is_none() || self.seen.contains(&context.bits()) {
                break;
            }
            links.push(CONTEXT_MESSAGE);
            cur = context;
        }
        for i in (0..chain.len()).rev() {
            let x = chain[i];
            if i == 0 {
                self.one(ts, x);
                break;
            }
            let need_close = self.need_close;
            self.one(ts, x);
            self.need_close = need_close;
            self.indented_margin();
            self.out.push('\n');
            self.indented_margin();
            self.out.push_str(links[i - 1]);
            self.indented_margin();
            self.out.push('\n');
        }
    }

    fn one(&mut self, ts: &mut ThreadState, exc: Value) {
        if crate::objects::exception_group::is_group(exc) {
            self.group(ts, exc);
        } else {
            self.exception(ts, exc);
        }
    }

    fn group(&mut self, ts: &mut ThreadState, exc: Value) {
        if self.depth > MAX_GROUP_DEPTH {
            self.indented_margin();
            self.out
                .push_str(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if self.depth == 0 {
            self.depth += 1;
        }
        self.exception(ts, exc);
        let Some(excs) = crate::objects::exception_group::exceptions_of(exc) else {
            return;
        };
        let num = excs.len();
        let n = if num <= MAX_GROUP_WIDTH {
            num
        } else {
            MAX_GROUP_WIDTH + 1
        };
        self.need_close = false;
        for i in 0..n {
            let last = i + 1 == n;
            if last {
                self.need_close = true;
            }
            self.indent();
            let lead = if i == 0 { "+-" } else { "  " };
            let truncated = i >= MAX_GROUP_WIDTH;
            if truncated {
                self.out
                    .push_str(&format!("{lead}+---------------- ... ----------------\n"));
            } else {
                self.out.push_str(&format!(
                    "{lead}+---------------- {} ----------------\n",
                    i + 1
                ));
            }
            self.depth += 1;
            if truncated {
                let more = num - MAX_GROUP_WIDTH;
                self.indented_margin();
                self.out.push_str(&format!(
                    "and {more} more exception{}\n",
                    if more > 1 { "s" } else { "" }
                ));
            } else if let Some(sub) = excs.get(i) {
                self.exception_with_chain(ts, sub);
            }
            if last && self.need_close {
                self.indent();
                self.out.push_str("+------------------------------------\n");
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if self.depth == 1 {
            self.depth -= 1;
        }
    }

    /// One exception without its chain or sub-exceptions: traceback,
    /// message line, notes.
    fn exception(&mut self, ts: &mut ThreadState, exc: Value) {
        let Some(e) = exc.downcast::<ExcObj>() else {
            self.indented_margin();
            self.out.push_str(&format!(
                "TypeError: print_exception(): Exception expected for value, {} found\n",
                crate::objects::typeobj::type_name(exc)
            ));
            return;
        };
        let tb = e.traceback.get();
        let limit = traceback_limit();
        if !tb.is_null() && !tb.is_none() && limit > 0 {
            let is_group = crate::objects::exception_group::is_group(exc);
            self.indent();
            let header_margin = if is_group && self.depth == 1 {
                "+ "
            } else {
                self.margin()
            };
            self.out.push_str(header_margin);
            self.out.push_str(if is_group {
                "Exception Group Traceback (most recent call last):\n"
            } else {
                "Traceback (most recent call last):\n"
            });
            let text = format_tb_limited(tb, limit);
            self.lines(&text);
        }
        let ty = type_of(exc);
        let mut name = type_display_name(ts, ty);
        if ty.is_subtype(types().syntax_error) {
            let (block, msg) = syntax_error_block(ts, e);
            self.lines(&block);
            name.push_str(&msg);
            self.indented_margin();
            self.out.push_str(&name);
            self.out.push('\n');
        } else {
            self.indented_margin();
            self.out.push_str(&name);
            match ops::str_string(ts, exc) {
                Ok(s) => {
                    if !s.is_empty() {
                        self.out.push_str(": ");
                    }
                    self.out.push_str(&s);
                }
                Err(_) => self.out.push_str(": <exception str() failed>"),
            }
            if let Some(s) = suggestion(ts, exc) {
                self.out.push_str(&format!(". Did you mean: '{s}'?"));
            }
            self.out.push('\n');
        }
        self.notes(ts, exc);
    }

    fn notes(&mut self, ts: &mut ThreadState, exc: Value) {
        let notes = match ops::getattr_opt(ts, exc, crate::interp::names().__notes__) {
            Ok(Some(n)) => n,
            _ => return,
        };
        let t = types();
        let nty = type_of(notes);
        let is_seq =
            !nty.is_subtype(t.dict) && nty.lookup(crate::interp::names().__getitem__).is_some();
        if !is_seq {
            self.indented_margin();
            match ops::repr_string(ts, notes) {
                Ok(r) => self.out.push_str(&r),
                Err(_) => self.out.push_str("<__notes__ repr() failed>"),
            }
            self.out.push('\n');
            return;
        }
        let Ok(items) = ops::collect(ts, notes) else {
            return;
        };
        for &n in items.iter() {
            match ops::str_string(ts, n) {
                Ok(s) => {
                    for line in split_lines_keepends(&s) {
                        self.indented_margin();
                        self.out.push_str(line);
                    }
                }
                Err(_) => self.out.push_str("<note str() failed>"),
            }
            self.out.push('\n');
        }
    }
}

/// `str.splitlines(keepends=True)`.
fn split_lines_keepends(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let end = match c {
            '\r' => {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    i + 2
                } else {
                    i + 1
                }
            }
            '\n' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}'
            | '\u{2029}' => i + c.len_utf8(),
            _ => continue,
        };
        out.push(&s[start..end]);
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `module.QualName` of an exception class as tracebacks show it
/// (no module for builtins and `__main__`).
pub(crate) fn type_display_name(
    ts: &mut ThreadState,
    ty: Gc<crate::objects::typeobj::TypeObj>,
) -> String {
    let qual = match ty.qualname.get().downcast::<StrObj>() {
        Some(q) => q.as_str().to_string(),
        None => ty.obj().name_str().to_string(),
    };
    let module = match ops::getattr_opt(ts, ty.value(), crate::interp::names().__module__) {
        Ok(Some(m)) => crate::objects::str::as_str(m).map(|s| s.to_string()),
        _ => None,
    };
    match module.as_deref() {
        None => format!("<unknown>.{qual}"),
        Some("builtins") | Some("__main__") => qual,
        Some(m) => format!("{m}.{qual}"),
    }
}

/// A SyntaxError's `File`/source/caret lines, and `: msg` for its last
/// line.
fn syntax_error_block(ts: &mut ThreadState, e: Gc<ExcObj>) -> (String, String) {
    let mut out = String::new();
    // A filename that is not a str shows as its str() (`b'name'`).
    let filename = match e.get_attr_quiet(ts, "filename") {
        Some(f) if !f.is_none() => match crate::objects::str::as_str(f) {
            Some(s) => s.to_string(),
            None => ops::str_string(ts, f).unwrap_or_default(),
        },
        _ => "<string>".to_string(),
    };
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
        // An IndentationError (TabError) gets a single caret.
        let indent = type_of(e.value()).is_subtype(types().indentation_error);
        let end_offset = if indent { None } else { end_offset };
        out.push_str(&error_text_lines(
            &t, offset, end_offset, end_lineno, lineno,
        ));
    }
    let msg = match e.get_attr_quiet(ts, "msg") {
        Some(m) => ops::str_string(ts, m).unwrap_or_default(),
        None => String::new(),
    };
    let msg = if msg.is_empty() {
        String::new()
    } else {
        format!(": {msg}")
    };
    (out, msg)
}

/// The source line and caret line of a SyntaxError, as CPython's
/// `print_error_text` writes them: leading blanks are dropped (moving the
/// offset with them), trailing ones kept; an offset past the end is
/// clipped to it; text holding several lines shows the one the offset
/// falls in; an offset before the text (in the dropped indentation, or 0)
/// shows no caret. The carets run to `end_offset` (clipped to one past the
/// text; the whole first line when the error spans lines), at least one.
fn error_text_lines(
    text: &str,
    offset: Option<i64>,
    end_offset: Option<i64>,
    end_lineno: Option<i64>,
    lineno: Option<i64>,
) -> String {
    let all: Vec<char> = text.chars().collect();
    let line_size = all.len() as i64;
    let mut end_offset = end_offset.unwrap_or(-1);
    if matches!((end_lineno, lineno), (Some(el), Some(l)) if el > l) {
        end_offset = line_size;
    }
    end_offset = end_offset.min(line_size + 1);
    let offset1 = offset.unwrap_or(0);
    let reps = if end_offset > 0 && end_offset > offset1 {
        (end_offset - offset1) as usize
    } else {
        1
    };
    let mut off = offset1 - 1;
    let mut start = 0;
    while start < all.len() && matches!(all[start], ' ' | '\t' | '\x0c') {
        start += 1;
        off -= 1;
    }
    let mut chars = &all[start..];
    let mut len = chars.len() as i64;
    if chars.last() == Some(&'\n') {
        len -= 1;
    }
    off = off.min(len);
    while let Some(nl) = chars.iter().position(|&c| c == '\n') {
        let inl = nl as i64;
        if inl >= off {
            break;
        }
        chars = &chars[nl + 1..];
        len -= inl + 1;
        off -= inl + 1;
    }
    let mut out = String::from("    ");
    out.extend(chars.iter());
    if chars.get(len.max(0) as usize) != Some(&'\n') {
        out.push('\n');
    }
    if offset.is_some() && off >= 0 {
        out.push_str("    ");
        out.push_str(&" ".repeat(off as usize));
        out.push_str(&"^".repeat(reps));
        out.push('\n');
    }
    out
}

// ---- "Did you mean" (CPython's Python/suggestions.c) ----------------------------------

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Levenshtein distance with case changes costing less, giving up above
/// `max_cost`.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row = [0usize; MAX_STRING_SIZE];
    for (i, r) in row.iter_mut().enumerate().take(a.len()) {
        *r = (i + 1) * MOVE_COST;
    }
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `name`, if one is close enough.
fn closest(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_distance = usize::MAX;
    for c in candidates {
        if c == name {
            continue;
        }
        let max = ((name.len() + c.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(c);
            best_distance = d;
        }
    }
    best.cloned()
}

fn str_keys(ts: &mut ThreadState, v: Value) -> Option<Vec<String>> {
    let items = ops::collect(ts, v).ok()?;
    let mut out = Vec::with_capacity(items.len());
    for &k in items.iter() {
        // A non-str candidate stops the search (CPython fails on it).
        out.push(crate::objects::str::as_str(k)?.to_string());
    }
    Some(out)
}

/// The "Did you mean" suggestion for an AttributeError or NameError
/// (exactly those types), if any.
fn suggestion(ts: &mut ThreadState, exc: Value) -> Option<String> {
    let t = types();
    let ty = type_of(exc);
    let e = exc.downcast::<ExcObj>()?;
    if ty == t.attribute_error {
        let name = e.get_attr_quiet(ts, "name")?;
        let obj = e.get_attr_quiet(ts, "obj")?;
        if type_of(name) != t.str || name.is_none() || obj.is_null() {
            return None;
        }
        let name = crate::objects::str::as_str(name)?.to_string();
        let dir = ops::call_method(ts, obj, crate::interp::names().__dir__, &[]).ok()?;
        let mut keys = str_keys(ts, dir)?;
        keys.sort();
        return closest(&name, &keys);
    }
    if ty == t.name_error {
        let name = e.get_attr_quiet(ts, "name")?;
        if type_of(name) != t.str {
            return None;
        }
        let name = crate::objects::str::as_str(name)?.to_string();
        let mut tb = e.traceback.get().downcast::<TracebackObj>()?;
        while let Some(n) = tb.next.get().downcast::<TracebackObj>() {
            tb = n;
        }
        let code: Gc<CodeObj> = tb.code.get().downcast()?;
        let varnames: Vec<String> = (0..code.nlocals)
            .map(|i| code.varname(i).as_str().to_string())
            .collect();
        if let Some(s) = closest(&name, &varnames) {
            return Some(s);
        }
        let globals = tb.globals.get();
        let gd: Gc<crate::objects::dict::DictObj> = globals.downcast()?;
        let keys = str_keys(ts, globals)?;
        if let Some(s) = closest(&name, &keys) {
            return Some(s);
        }
        let builtins = crate::interpreter::call::builtins_for(ts, gd);
        let keys = str_keys(ts, builtins.value())?;
        return closest(&name, &keys);
    }
    None
}

/// The report CPython prints for an uncaught exception (`sys.excepthook`),
/// including chained causes and contexts, notes and exception groups.
pub fn format_exception(ts: &mut ThreadState, exc: Value) -> String {
    let mut p = Printer {
        out: String::new(),
        seen: std::collections::HashSet::new(),
        depth: 0,
        need_close: false,
    };
    p.exception_with_chain(ts, exc);
    p.out
}
