//! The `sys` module.

use std::sync::atomic::Ordering;

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::interp::{intern, interp, names, types};
use crate::object::Gc;
use crate::objects::dict::DictObj;
use crate::objects::exception::ExcObj;
use crate::objects::int;
use crate::objects::list::ListObj;
use crate::objects::module::ModuleObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

type Kw = Option<Gc<TupleObj>>;

use crate::builtins::args::Sig;

/// A sys function without parameters: checks that it got no arguments,
/// with CPython's wording (`sys.gettrace() takes no arguments (1 given)`).
fn no_args(ts: &mut ThreadState, sig: &Sig, args: &[Value], kw: Kw) -> PyResult<()> {
    let [] = sig.bind(ts, args, kw)?;
    Ok(())
}

pub const VERSION: (u32, u32, u32) = (3, 11, 7);

fn s_exit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.exit(status=None, /)");
    let [status] = SIG.bind(ts, args, kw)?;
    // As CPython's `PyErr_SetObject(SystemExit, status)`: None (or
    // nothing) raises SystemExit(), a tuple gives the exception's args
    // (`sys.exit((42,))` exits with 42), anything else is the one arg.
    let one = [status];
    let tuple = status.downcast::<TupleObj>();
    let args: &[Value] = if status.is_null() || status.is_none() {
        &[]
    } else if let Some(t) = &tuple {
        t.items()
    } else {
        &one
    };
    let e = ExcObj::new(ts, types().system_exit, args);
    let code = match args.len() {
        0 => Value::NONE,
        1 => args[0],
        _ => e.args.get(),
    };
    e.set_attr_quiet(ts, "code", code);
    let err = crate::error::PyErr::from_exception(e.value());
    crate::objects::exception::set_context_on_raise(ts, err);
    Err(err)
}

fn s_getrecursionlimit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.getrecursionlimit()");
    no_args(ts, &SIG, args, kw)?;
    Ok(Value::small_int_unchecked(
        crate::interp::recursion_limit() as i64
    ))
}

fn s_setrecursionlimit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.setrecursionlimit(limit, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    if v.is_float() {
        return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = ops::index_to_i64(ts, v)?;
    if n < 1 {
        return Err(ts.value_error("recursion limit must be greater or equal than 1"));
    }
    let n = n.min(i32::MAX as i64) as u32;
    if n <= ts.depth {
        return Err(ts.recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
            ts.depth
        )));
    }
    crate::interp::RECURSION_LIMIT.store(n, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn s_get_int_max_str_digits(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.get_int_max_str_digits()");
    no_args(ts, &SIG, args, kw)?;
    Ok(Value::small_int_unchecked(
        interp().int_max_str_digits.load(Ordering::Relaxed) as i64,
    ))
}

fn s_set_int_max_str_digits(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.set_int_max_str_digits(maxdigits)");
    let [maxdigits] = SIG.bind(ts, args, kw)?;
    let n = ops::index_to_i64(ts, maxdigits)?;
    if n != 0 && n < 640 {
        return Err(ts.value_error("maxdigits must be 0 or larger than 640"));
    }
    interp()
        .int_max_str_digits
        .store(n as usize, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn s_exc_info(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.exc_info()");
    no_args(ts, &SIG, args, kw)?;
    let e = ts.exc_info();
    if e.is_null() || e.is_none() {
        return Ok(TupleObj::new(ts, &[Value::NONE, Value::NONE, Value::NONE]).value());
    }
    let tb = e
        .downcast::<ExcObj>()
        .map(|x| x.traceback.get())
        .unwrap_or(Value::NULL);
    let tb = if tb.is_null() { Value::NONE } else { tb };
    Ok(TupleObj::new(ts, &[type_of(e).value(), e, tb]).value())
}

fn s_exception(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.exception()");
    no_args(ts, &SIG, args, kw)?;
    let e = ts.exc_info();
    Ok(if e.is_null() { Value::NONE } else { e })
}

fn s_getframe(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys._getframe(depth=0, /)");
    let [depth] = SIG.bind(ts, args, kw)?;
    let depth = if depth.is_null() {
        0
    } else {
        ops::index_to_i64(ts, depth)?
    };
    let mut f = ts.top_frame();
    for _ in 0..depth.max(0) {
        if f.is_null() {
            break;
        }
        // SAFETY: walking this thread's live frame chain.
        f = unsafe { (*f).prev };
    }
    if f.is_null() {
        return Err(ts.value_error("call stack is not deep enough"));
    }
    Ok(crate::objects::frame::FrameObj::from_live(ts, f))
}

/// What `sys._current_frames()` and `sys._current_exceptions()` read from
/// the other threads while the world is stopped: per thread, its ident,
/// the exception it handles and its frames innermost first (code,
/// globals, frame object or NULL, and the position of each). The values
/// sit in `vals` (rooted), `[exc, code, globals, frame_obj, code, ...]`.
struct ThreadsSnapshot {
    vals: RootedVec,
    /// (ident, frame count, index of the thread's exception in `vals`).
    threads: Vec<(u64, usize, usize)>,
    lastis: Vec<u32>,
}

fn snapshot_threads(ts: &mut ThreadState) -> ThreadsSnapshot {
    let me = ts.shared();
    let mut snap = ThreadsSnapshot {
        vals: RootedVec::new(ts),
        threads: Vec::new(),
        lastis: Vec::new(),
    };
    let s = &mut snap;
    crate::gc::collect::with_world_stopped(ts, |threads| {
        for t in threads {
            let top = t.top_frame_ptr();
            // A thread with no frame is starting or ending: CPython's
            // lists leave it out.
            if std::ptr::eq(*t, me) || top.is_null() {
                continue;
            }
            let first = s.vals.len();
            s.vals.push(t.handled_exception());
            let mut n = 0;
            let mut f = top;
            while !f.is_null() {
                // SAFETY: the world is stopped (`with_world_stopped`): the
                // thread's frame chain holds still and its frames are live.
                let fr = unsafe { &*f };
                s.vals.push(fr.code.value());
                s.vals.push(fr.globals.value());
                s.vals.push(fr.frame_obj);
                s.lastis.push(fr.lasti);
                n += 1;
                f = fr.prev;
            }
            s.threads.push((t.ident, n, first));
        }
    });
    snap
}

/// The frame objects of another thread's frames (`snap` entry `i`): each
/// frame's own frame object when it has one (so a traceback's `tb_frame`
/// leads on to its callers), else a snapshot of its code and position;
/// linked through `f_back`. Returns the innermost.
fn snapshot_chain(ts: &mut ThreadState, snap: &ThreadsSnapshot, i: usize, lasti0: usize) -> Value {
    use crate::objects::frame::FrameObj;
    let (_, n, first) = snap.threads[i];
    let mut back = Value::NONE;
    for k in (0..n).rev() {
        let base = first + 1 + 3 * k;
        let (code, globals, fo) = (snap.vals[base], snap.vals[base + 1], snap.vals[base + 2]);
        let lasti = snap.lastis[lasti0 + k];
        let fo = match fo.downcast::<FrameObj>() {
            Some(fo) => {
                let line = code
                    .downcast::<crate::objects::code::CodeObj>()
                    .map_or(0, |c| c.line_of(lasti as usize));
                fo.lasti.store(lasti, Ordering::Relaxed);
                fo.lineno.store(line, Ordering::Relaxed);
                fo
            }
            None => FrameObj::snapshot(ts, code, globals, lasti),
        };
        fo.back.set(back);
        back = fo.value();
    }
    back
}

/// `sys._current_frames()`: thread ident -> the innermost frame of every
/// thread running Python code.
fn s_current_frames(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("sys._current_frames()");
    let [] = SIG.bind(ts, args, kw)?;
    let snap = snapshot_threads(ts);
    let d = DictObj::new(ts);
    let mine = crate::objects::frame::FrameObj::from_live(ts, ts.top_frame());
    let ident = int::int_from_i64(ts, ts.shared().ident as i64);
    d.set_item(ts, ident, mine)?;
    let mut lasti0 = 0;
    for i in 0..snap.threads.len() {
        let f = snapshot_chain(ts, &snap, i, lasti0);
        lasti0 += snap.threads[i].1;
        let ident = int::int_from_i64(ts, snap.threads[i].0 as i64);
        d.set_item(ts, ident, f)?;
    }
    Ok(d.value())
}

/// `(type, value, traceback)` of exception `e` (NULL or None: no
/// exception), as `sys.exc_info()` gives it.
fn exc_triple(ts: &mut ThreadState, e: Value) -> Value {
    if e.is_null() || e.is_none() {
        return TupleObj::new(ts, &[Value::NONE, Value::NONE, Value::NONE]).value();
    }
    let tb = e
        .downcast::<ExcObj>()
        .map(|x| x.traceback.get())
        .unwrap_or(Value::NULL);
    let tb = if tb.is_null() { Value::NONE } else { tb };
    TupleObj::new(ts, &[type_of(e).value(), e, tb]).value()
}

/// `sys._current_exceptions()`: thread ident -> the `exc_info()` of every
/// thread running Python code. The frames of each thread are linked up
/// as for `_current_frames`, so a traceback's `tb_frame.f_back` leads to
/// the thread's callers.
fn s_current_exceptions(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("sys._current_exceptions()");
    let [] = SIG.bind(ts, args, kw)?;
    let snap = snapshot_threads(ts);
    let d = DictObj::new(ts);
    let mine = exc_triple(ts, ts.exc_info());
    let ident = int::int_from_i64(ts, ts.shared().ident as i64);
    d.set_item(ts, ident, mine)?;
    let mut lasti0 = 0;
    for i in 0..snap.threads.len() {
        snapshot_chain(ts, &snap, i, lasti0);
        lasti0 += snap.threads[i].1;
        let e = exc_triple(ts, snap.vals[snap.threads[i].2]);
        let ident = int::int_from_i64(ts, snap.threads[i].0 as i64);
        d.set_item(ts, ident, e)?;
    }
    Ok(d.value())
}

fn s_getsizeof(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let Some(&o) = args.first() else {
        return Err(ts.type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    match ops::call_method(ts, o, names().__sizeof__, &[]) {
        Ok(v) => {
            let n = ops::index_to_i64(ts, v)?;
            Ok(int::int_from_i64(ts, n + 16))
        }
        Err(e) => match args.get(1) {
            Some(&d) => Ok(d),
            None => Err(e),
        },
    }
}

fn s_intern(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.intern(string, /)");
    let [s] = SIG.bind(ts, args, kw)?;
    let Some(st) = s.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "intern() argument must be str, not {}",
            type_name(s)
        )));
    };
    // A str subclass could redefine hashing or equality: never interned.
    if type_of(s) != types().str {
        return Err(ts.type_error(format!("can't intern {}", type_name(s))));
    }
    Ok(crate::interp::intern_str(ts, st).value())
}

fn s_displayhook(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.displayhook(object, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    if v.is_none() {
        return Ok(Value::NONE);
    }
    let b = interp().builtins_dict;
    b.set_item_str(ts, "_", Value::NONE);
    let r = ops::repr(ts, v)?;
    let out = match interp().sys().dict().get_str(names().stdout) {
        Some(o) if !o.is_none() => o,
        _ => return Err(ts.runtime_error("lost sys.stdout")),
    };
    let mut s = r.as_str().to_string();
    s.push('\n');
    crate::builtins::write_to(ts, out, &s)?;
    b.set_item_str(ts, "_", v);
    Ok(Value::NONE)
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: this thread's
/// hooks for async generators (an argument left out keeps its hook; None
/// removes it).
fn s_set_asyncgen_hooks(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    // PyArg_ParseTupleAndKeywords("|OO") words its errors without a name.
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if args.len() > 2 {
        return Err(ts.type_error(format!(
            "function takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut given = [Value::NULL; 2];
    given[..npos].copy_from_slice(&args[..npos]);
    if let Some(k) = kw {
        for (i, &kn) in k.items().iter().enumerate() {
            let key = crate::objects::str::as_str(kn).unwrap_or("");
            let slot = match key {
                "firstiter" => 0,
                "finalizer" => 1,
                _ => {
                    return Err(ts.type_error(format!(
                        "'{key}' is an invalid keyword argument for this function"
                    )))
                }
            };
            if !given[slot].is_null() {
                return Err(ts.type_error(format!(
                    "argument for function given by name ('{key}') and position ({})",
                    slot + 1
                )));
            }
            given[slot] = args[npos + i];
        }
    }
    let get = |i: usize| given[i].non_null();
    let (mut firstiter, mut finalizer) = ts.asyncgen_hooks();
    if let Some(f) = get(1) {
        if !f.is_none() && !ops::callable(f) {
            return Err(ts.type_error(format!(
                "callable finalizer expected, got {}",
                crate::objects::typeobj::type_name(f)
            )));
        }
        finalizer = if f.is_none() { Value::NULL } else { f };
        ts.set_asyncgen_hooks(firstiter, finalizer);
    }
    if let Some(f) = get(0) {
        if !f.is_none() && !ops::callable(f) {
            return Err(ts.type_error(format!(
                "callable firstiter expected, got {}",
                crate::objects::typeobj::type_name(f)
            )));
        }
        firstiter = if f.is_none() { Value::NULL } else { f };
        ts.set_asyncgen_hooks(firstiter, finalizer);
    }
    Ok(Value::NONE)
}

/// `sys.get_asyncgen_hooks()`: `asyncgen_hooks(firstiter=..., finalizer=...)`.
fn s_get_asyncgen_hooks(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.get_asyncgen_hooks()");
    no_args(ts, &SIG, args, kw)?;
    let (a, b) = ts.asyncgen_hooks();
    let or_none = |v: Value| if v.is_null() { Value::NONE } else { v };
    let cls = asyncgen_hooks_type(ts)?;
    let t = TupleObj::new(ts, &[or_none(a), or_none(b)]);
    ops::call1(ts, cls, t.value())
}

/// The `asyncgen_hooks` struct sequence type (made once).
fn asyncgen_hooks_type(ts: &mut ThreadState) -> PyResult<Value> {
    static TYPE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    if let Some(&bits) = TYPE.get() {
        // SAFETY: the type was made below and is kept alive as a global
        // root.
        return Ok(unsafe { Value::from_bits(bits) });
    }
    let src = "class asyncgen_hooks(tuple):\n    __slots__ = ()\n    n_fields = 2\n    n_sequence_fields = 2\n    n_unnamed_fields = 0\n    firstiter = property(lambda self: self[0])\n    finalizer = property(lambda self: self[1])\n    def __repr__(self):\n        return f'asyncgen_hooks(firstiter={self[0]!r}, finalizer={self[1]!r})'\n    def __reduce__(self):\n        return (asyncgen_hooks, (tuple(self),))\nasyncgen_hooks.__module__ = 'builtins'\n";
    let code = crate::compile_source(ts, src, "<sys>", ftpy_compiler::Mode::Exec)?;
    let g = DictObj::new(ts);
    g.set_item_str(ts, "__builtins__", interp().builtins.value());
    let mn = StrObj::new(ts, "sys");
    g.set_item_str(ts, "__name__", mn);
    crate::interpreter::run_code(ts, code, g, g.value(), Value::NULL)?;
    let cls = g.get_str_text("asyncgen_hooks").unwrap_or(Value::NONE);
    crate::interp::add_global_root(cls);
    let _ = TYPE.set(cls.bits());
    Ok(cls)
}

fn s_excepthook(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.excepthook(exctype, value, traceback, /)");
    let [_, _, _] = SIG.bind(ts, args, kw)?;
    if let Some(e) = args[1].downcast::<crate::objects::exception::ExcObj>() {
        // A traceback given for an exception that has none is shown.
        if e.traceback.get().is_null()
            && args[2]
                .downcast::<crate::objects::traceback::TracebackObj>()
                .is_some()
        {
            e.traceback.set(args[2]);
        }
    }
    let text = crate::objects::traceback::format_exception(ts, args[1]);
    match interp().sys().dict().get_str(names().stderr) {
        // `sys.stderr = None`: CPython prints nothing.
        Some(err) if err.is_none() => {}
        Some(err) => crate::builtins::write_to(ts, err, &text)?,
        None => {
            crate::objects::stream::write_raw(2, b"lost sys.stderr\n");
            crate::objects::stream::write_raw(2, text.as_bytes());
        }
    }
    Ok(Value::NONE)
}

fn s_settrace(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    match args.first() {
        Some(v) if v.is_none() => Ok(Value::NONE),
        _ => Err(ts.not_implemented_error("sys.settrace/setprofile are not supported by ftpy yet")),
    }
}

fn s_gettrace(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.gettrace()");
    no_args(ts, &SIG, args, kw)?;
    Ok(Value::NONE)
}

fn s_getprofile(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.getprofile()");
    no_args(ts, &SIG, args, kw)?;
    Ok(Value::NONE)
}

fn s_is_finalizing(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.is_finalizing()");
    no_args(ts, &SIG, args, kw)?;
    Ok(Value::from_bool(
        interp().finalizing.load(Ordering::Relaxed),
    ))
}

fn s_getdefaultencoding(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.getdefaultencoding()");
    no_args(ts, &SIG, args, kw)?;
    Ok(StrObj::new(ts, "utf-8"))
}

fn s_getfilesystemencoding(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.getfilesystemencoding()");
    no_args(ts, &SIG, args, kw)?;
    Ok(StrObj::new(ts, "utf-8"))
}

fn s_getfilesystemencodeerrors(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.getfilesystemencodeerrors()");
    no_args(ts, &SIG, args, kw)?;
    Ok(StrObj::new(ts, "surrogateescape"))
}

fn s_audit(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.is_empty() {
        return Err(ts.type_error("audit() missing 1 required positional argument: 'event'"));
    }
    let hooks = interp().sys().dict().get_str_text("_ftpy_audit_hooks");
    if let Some(l) = hooks.and_then(|h| h.downcast::<ListObj>()) {
        let rest = TupleObj::new(ts, &args[1..]);
        for &h in l.snapshot_items(ts).iter() {
            ops::call2(ts, h, args[0], rest.value())?;
        }
    }
    Ok(Value::NONE)
}

fn s_addaudithook(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.addaudithook(hook)");
    let [h] = SIG.bind(ts, args, kw)?;
    let d = interp().sys().dict();
    let l = match d
        .get_str_text("_ftpy_audit_hooks")
        .and_then(|v| v.downcast::<ListObj>())
    {
        Some(l) => l,
        None => {
            let l = ListObj::new(ts, &[]);
            d.set_item_str(ts, "_ftpy_audit_hooks", l.value());
            l
        }
    };
    l.append(ts, h);
    Ok(Value::NONE)
}

fn s_getswitchinterval(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.getswitchinterval()");
    no_args(ts, &SIG, args, kw)?;
    Ok(Value::from_f64(f64::from_bits(
        SWITCH.load(Ordering::Relaxed),
    )))
}

static SWITCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0x3F747AE147AE147B); // 0.005

/// `sys.call_tracing(func, args)`: `func(*args)` (ftpy has no tracing
/// to turn on around the call).
fn s_call_tracing(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.call_tracing(func, args, /)");
    let [func, fargs] = SIG.bind(ts, args, kw)?;
    let Some(t) = fargs.downcast::<TupleObj>() else {
        return Err(ts.type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            type_name(fargs)
        )));
    };
    ops::call(ts, func, t.items(), None)
}

fn s_setswitchinterval(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sys.setswitchinterval(interval, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let f = crate::builtins::to_f64(ts, v)?;
    if f <= 0.0 {
        return Err(ts.value_error("switch interval must be strictly positive"));
    }
    SWITCH.store(f.to_bits(), Ordering::Relaxed);
    Ok(Value::NONE)
}

/// A `sys.version_info`-style named tuple type, built from Python source.
fn struct_seq(
    ts: &mut ThreadState,
    type_name: &str,
    module: &str,
    fields: &[&str],
    values: &[Value],
) -> PyResult<Value> {
    let mut src = format!(
        "class {type_name}(tuple):\n    __slots__ = ()\n    n_fields = {}\n",
        fields.len()
    );
    for (i, f) in fields.iter().enumerate() {
        src.push_str(&format!("    {f} = property(lambda self: self[{i}])\n"));
    }
    src.push_str(&format!(
        "    def __repr__(self):\n        return '{module}.{type_name}(' + ', '.join(f'{{n}}={{v!r}}' for n, v in zip({fields:?}, self)) + ')'\n"
    ));
    src.push_str(&format!("    def __reduce__(self):\n        return ({type_name}, (tuple(self),))\n{type_name}.__module__ = '{module}'\n"));
    let code = crate::import::cache::frozen_code(ts, "sys", &src)?;
    let g = DictObj::new(ts);
    g.set_item_str(ts, "__builtins__", interp().builtins.value());
    let mn = StrObj::new(ts, module);
    g.set_item_str(ts, "__name__", mn);
    crate::interpreter::run_code(ts, code, g, g.value(), Value::NULL)?;
    let cls = g.get_str_text(type_name).unwrap_or(Value::NONE);
    let t = TupleObj::new(ts, values);
    ops::call1(ts, cls, t.value())
}

/// Makes the type of `sys.flags` or `sys.version_info` impossible to
/// instantiate from Python, as CPython's (whose `tp_new` is NULL):
/// `type(sys.flags)()` raises "cannot create 'sys.flags' instances" and
/// `type(sys.flags).__new__(...)` (tuple's) finds it unsafe. The type is
/// named `sys.flags` in those messages, as CPython's tp_name.
fn forbid_instances(ts: &mut ThreadState, instance: Value, module: &str) {
    let ty = type_of(instance);
    let full = StrObj::new(ts, &format!("{module}.{}", ty.name_str()));
    ty.tp_name.set(full);
    ty.slots.new.set(None);
}

fn namespace(ts: &mut ThreadState, items: &[(&str, Value)]) -> PyResult<Value> {
    let src = "class SimpleNamespace:\n    def __init__(self, **kw):\n        self.__dict__.update(kw)\n    def __repr__(self):\n        return 'namespace(' + ', '.join(f'{k}={v!r}' for k, v in self.__dict__.items()) + ')'\n";
    let code = crate::import::cache::frozen_code(ts, "sys", src)?;
    let g = DictObj::new(ts);
    g.set_item_str(ts, "__builtins__", interp().builtins.value());
    let tn = StrObj::new(ts, "types");
    g.set_item_str(ts, "__name__", tn);
    crate::interpreter::run_code(ts, code, g, g.value(), Value::NULL)?;
    let cls = g.get_str_text("SimpleNamespace").unwrap_or(Value::NONE);
    let mut names_v = RootedVec::new(ts);
    let mut vals = RootedVec::new(ts);
    for (n, v) in items {
        names_v.push(intern(ts, n).value());
        vals.push(*v);
    }
    let kn = TupleObj::new(ts, &names_v);
    let v: Vec<Value> = vals.to_vec();
    ops::call(ts, cls, &v, Some(kn))
}

fn str_list(ts: &mut ThreadState, items: &[String]) -> Value {
    let mut v = RootedVec::new(ts);
    for s in items {
        v.push(StrObj::new(ts, s));
    }
    ListObj::new(ts, &v).value()
}

/// Builds the sys module (after the interpreter exists).
pub fn make_module(ts: &mut ThreadState) -> Gc<ModuleObj> {
    let m = ModuleObj::new(ts, "sys");
    match fill(ts, m) {
        Ok(()) => m,
        Err(e) => {
            let text = crate::objects::traceback::format_exception(ts, e.value());
            eprintln!("ftpy: fatal: cannot initialize sys:\n{text}");
            std::process::exit(70)
        }
    }
}

fn fill(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let i = interp();
    let cfg = &i.config;
    let funcs: &[(&str, crate::objects::NativeFn)] = &[
        ("exit", s_exit),
        ("breakpointhook", s_breakpointhook),
        ("__breakpointhook__", s_breakpointhook),
        ("getrecursionlimit", s_getrecursionlimit),
        ("setrecursionlimit", s_setrecursionlimit),
        ("get_int_max_str_digits", s_get_int_max_str_digits),
        ("set_int_max_str_digits", s_set_int_max_str_digits),
        ("exc_info", s_exc_info),
        ("exception", s_exception),
        ("_getframe", s_getframe),
        ("_current_frames", s_current_frames),
        ("_current_exceptions", s_current_exceptions),
        ("getsizeof", s_getsizeof),
        ("intern", s_intern),
        ("displayhook", s_displayhook),
        ("__displayhook__", s_displayhook),
        ("excepthook", s_excepthook),
        ("set_asyncgen_hooks", s_set_asyncgen_hooks),
        ("get_asyncgen_hooks", s_get_asyncgen_hooks),
        ("__excepthook__", s_excepthook),
        ("unraisablehook", s_unraisablehook),
        ("__unraisablehook__", s_unraisablehook),
        ("settrace", s_settrace),
        ("setprofile", s_settrace),
        ("gettrace", s_gettrace),
        ("getprofile", s_getprofile),
        ("is_finalizing", s_is_finalizing),
        ("getdefaultencoding", s_getdefaultencoding),
        ("getfilesystemencoding", s_getfilesystemencoding),
        ("getfilesystemencodeerrors", s_getfilesystemencodeerrors),
        ("audit", s_audit),
        ("addaudithook", s_addaudithook),
        ("getswitchinterval", s_getswitchinterval),
        ("setswitchinterval", s_setswitchinterval),
        ("call_tracing", s_call_tracing),
    ];
    for &(n, f) in funcs {
        if n.starts_with("__") {
            continue;
        }
        m.add_function(ts, n, f);
    }
    // `sys.__excepthook__` and the like are the original hooks themselves.
    for n in [
        "breakpointhook",
        "displayhook",
        "excepthook",
        "unraisablehook",
    ] {
        if let Some(f) = m.dict().get_str_text(n) {
            m.set_attr(ts, &format!("__{n}__"), f);
        }
    }
    // The standard streams come from `_io` once the native modules are
    // registered (`objects::stream::init_std_streams`).
    for n in [
        "stdout",
        "stderr",
        "stdin",
        "__stdout__",
        "__stderr__",
        "__stdin__",
    ] {
        m.set_attr(ts, n, Value::NONE);
    }
    let argv = str_list(ts, &cfg.argv);
    m.set_attr(ts, "argv", argv);
    // The command line the process was started with, as CPython's
    // `orig_argv` (options included).
    let process_args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let orig = str_list(ts, &process_args);
    m.set_attr(ts, "orig_argv", orig);
    let stdlib_dir = match &cfg.stdlib {
        Some(std) => StrObj::new(ts, std),
        None => Value::NONE,
    };
    m.set_attr(ts, "_stdlib_dir", stdlib_dir);
    let names_set = crate::objects::set::SetObj::new(ts, types().frozenset);
    for n in include_str!("stdlib_module_names.txt").lines() {
        let s = StrObj::new(ts, n);
        names_set.add(ts, s)?;
    }
    m.set_attr(ts, "stdlib_module_names", names_set.value());
    let mut path: Vec<String> = cfg.path.clone();
    if let Some(std) = &cfg.stdlib {
        path.push(std.clone());
        path.push(format!("{std}/lib-dynload"));
        path.push(format!("{std}/site-packages"));
    }
    let pathv = str_list(ts, &path);
    m.set_attr(ts, "path", pathv);
    m.set_attr(ts, "modules", i.modules.value());
    let meta = ListObj::new(ts, &[]);
    m.set_attr(ts, "meta_path", meta.value());
    let hooks = ListObj::new(ts, &[]);
    m.set_attr(ts, "path_hooks", hooks.value());
    let cache = DictObj::new(ts);
    m.set_attr(ts, "path_importer_cache", cache.value());
    let exe = StrObj::new(ts, &cfg.executable);
    m.set_attr(ts, "executable", exe);
    m.set_attr(ts, "_base_executable", exe);
    let prefix = cfg
        .stdlib
        .as_deref()
        .and_then(|s| s.strip_suffix("/lib/python3.11"))
        .unwrap_or("/usr")
        .to_string();
    let pv = StrObj::new(ts, &prefix);
    for n in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        m.set_attr(ts, n, pv);
    }
    let (a, b, c) = VERSION;
    // platform._sys_version parses this as CPython's layout:
    // "X.Y.Z (buildno, builddate) [compiler]", words and spaces only.
    let version = format!(
        "{a}.{b}.{c} (ftpy {}, free threaded) [Rust]",
        env!("CARGO_PKG_VERSION")
    );
    let vs = StrObj::new(ts, &version);
    m.set_attr(ts, "version", vs);
    m.set_attr(
        ts,
        "hexversion",
        Value::small_int_unchecked(((a << 24) | (b << 16) | (c << 8) | 0xf0) as i64),
    );
    m.set_attr(ts, "api_version", Value::small_int_unchecked(1013));
    let plat = StrObj::new(ts, "linux");
    m.set_attr(ts, "platform", plat);
    let bo = StrObj::new(
        ts,
        if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        },
    );
    m.set_attr(ts, "byteorder", bo);
    let maxsize = int::int_from_i64(ts, i64::MAX);
    m.set_attr(ts, "maxsize", maxsize);
    m.set_attr(ts, "maxunicode", Value::small_int_unchecked(0x10ffff));
    let frs = StrObj::new(ts, "short");
    m.set_attr(ts, "float_repr_style", frs);
    m.set_attr(
        ts,
        "dont_write_bytecode",
        Value::from_bool(cfg.dont_write_bytecode),
    );
    let abi = StrObj::new(ts, "");
    m.set_attr(ts, "abiflags", abi);
    let pl = StrObj::new(ts, "lib");
    m.set_attr(ts, "platlibdir", pl);
    m.set_attr(ts, "pycache_prefix", Value::NONE);
    let cr = StrObj::new(
        ts,
        "Copyright (c) ftpy developers. Python is Copyright (c) Python Software Foundation.",
    );
    m.set_attr(ts, "copyright", cr);
    let wo = str_list(ts, &cfg.warnoptions);
    m.set_attr(ts, "warnoptions", wo);
    let xo = DictObj::new(ts);
    for x in &cfg.xoptions {
        let (k, v) = match x.split_once('=') {
            Some((k, v)) => (k.to_string(), StrObj::new(ts, v)),
            None => (x.clone(), Value::TRUE),
        };
        xo.set_item_str(ts, &k, v);
    }
    m.set_attr(ts, "_xoptions", xo.value());
    let mut bnames: Vec<String> = vec!["builtins".into(), "sys".into()];
    bnames.extend(i.native_modules.lock().keys().cloned());
    bnames.sort();
    let mut bv = RootedVec::new(ts);
    for n in &bnames {
        bv.push(StrObj::new(ts, n));
    }
    let bt = TupleObj::new(ts, &bv);
    m.set_attr(ts, "builtin_module_names", bt.value());
    // Named tuples.
    let final_s = StrObj::new(ts, "final");
    let vi = struct_seq(
        ts,
        "version_info",
        "sys",
        &["major", "minor", "micro", "releaselevel", "serial"],
        &[
            Value::small_int_unchecked(a as i64),
            Value::small_int_unchecked(b as i64),
            Value::small_int_unchecked(c as i64),
            final_s,
            Value::small_int_unchecked(0),
        ],
    )?;
    forbid_instances(ts, vi, "sys");
    m.set_attr(ts, "version_info", vi);
    let flag = |b: bool| Value::small_int_unchecked(b as i64);
    let flags = struct_seq(
        ts,
        "flags",
        "sys",
        &[
            "debug",
            "inspect",
            "interactive",
            "optimize",
            "dont_write_bytecode",
            "no_user_site",
            "no_site",
            "ignore_environment",
            "verbose",
            "bytes_warning",
            "quiet",
            "hash_randomization",
            "isolated",
            "dev_mode",
            "utf8_mode",
            "warn_default_encoding",
            "safe_path",
            "int_max_str_digits",
        ],
        &[
            flag(false),
            flag(cfg.inspect),
            flag(cfg.interactive),
            Value::small_int_unchecked(cfg.optimize as i64),
            flag(cfg.dont_write_bytecode),
            flag(false),
            flag(cfg.no_site),
            flag(cfg.ignore_environment),
            Value::small_int_unchecked(cfg.verbose as i64),
            flag(false),
            flag(cfg.quiet),
            flag(
                std::env::var("PYTHONHASHSEED")
                    .map(|s| s != "0")
                    .unwrap_or(true),
            ),
            flag(false),
            Value::FALSE,
            flag(true),
            flag(false),
            Value::from_bool(cfg.safe_path),
            Value::small_int_unchecked(-1),
        ],
    )?;
    forbid_instances(ts, flags, "sys");
    m.set_attr(ts, "flags", flags);
    let fi = struct_seq(
        ts,
        "float_info",
        "sys",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        &[
            Value::from_f64(f64::MAX),
            Value::small_int_unchecked(1024),
            Value::small_int_unchecked(308),
            Value::from_f64(f64::MIN_POSITIVE),
            Value::small_int_unchecked(-1021),
            Value::small_int_unchecked(-307),
            Value::small_int_unchecked(15),
            Value::small_int_unchecked(53),
            Value::from_f64(f64::EPSILON),
            Value::small_int_unchecked(2),
            Value::small_int_unchecked(1),
        ],
    )?;
    m.set_attr(ts, "float_info", fi);
    let ii = struct_seq(
        ts,
        "int_info",
        "sys",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        &[
            Value::small_int_unchecked(30),
            Value::small_int_unchecked(4),
            Value::small_int_unchecked(4300),
            Value::small_int_unchecked(640),
        ],
    )?;
    m.set_attr(ts, "int_info", ii);
    let algo = StrObj::new(ts, "siphash13");
    let modulus = int::int_from_i64(ts, crate::hash::MODULUS as i64);
    let hi = struct_seq(
        ts,
        "hash_info",
        "sys",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
        &[
            Value::small_int_unchecked(64),
            modulus,
            Value::small_int_unchecked(314159),
            Value::small_int_unchecked(0),
            Value::small_int_unchecked(1000003),
            algo,
            Value::small_int_unchecked(64),
            Value::small_int_unchecked(128),
            Value::small_int_unchecked(0),
        ],
    )?;
    m.set_attr(ts, "hash_info", hi);
    let pthread = StrObj::new(ts, "pthread");
    let mutex = StrObj::new(ts, "mutex+cond");
    let ti = struct_seq(
        ts,
        "thread_info",
        "sys",
        &["name", "lock", "version"],
        &[pthread, mutex, Value::NONE],
    )?;
    m.set_attr(ts, "thread_info", ti);
    let name = StrObj::new(ts, "ftpy");
    let hexv = Value::small_int_unchecked(((a << 24) | (b << 16) | (c << 8) | 0xf0) as i64);
    // The platform triple CPython's build records (Debian's
    // `x86_64-linux-gnu`): sysconfig finds its `_sysconfigdata_` module
    // by it.
    let multiarch = StrObj::new(ts, &format!("{}-linux-gnu", std::env::consts::ARCH));
    let imp = namespace(
        ts,
        &[
            ("name", name),
            ("cache_tag", Value::NONE),
            ("version", vi),
            ("hexversion", hexv),
            ("_multiarch", multiarch),
        ],
    )?;
    m.set_attr(ts, "implementation", imp);
    let _ = names();
    Ok(())
}

// ---- breakpoint() ---------------------------------------------------------------------

/// `sys.breakpointhook(*args, **kws)`: calls the function that
/// `$PYTHONBREAKPOINT` names (`pdb.set_trace` when unset or empty; `0`
/// turns breakpoints off). A name that cannot be imported gives a
/// RuntimeWarning and is ignored.
fn s_breakpointhook(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let env = if interp().config.ignore_environment {
        None
    } else {
        std::env::var("PYTHONBREAKPOINT").ok()
    };
    let target = match env.as_deref() {
        None | Some("") => "pdb.set_trace".to_string(),
        Some("0") => return Ok(Value::NONE),
        Some(t) => t.to_string(),
    };
    let (module, attr) = match target.rfind('.') {
        None => ("builtins", target.as_str()),
        Some(0) => ("", ""),
        Some(i) => (&target[..i], &target[i + 1..]),
    };
    let hook = if module.is_empty() {
        None
    } else {
        match crate::import::import_simple(ts, module) {
            Ok(m) => ops::getattr_str_opt(ts, m, attr)?,
            Err(e) if e.matches(types().import_error) => None,
            Err(e) => return Err(e),
        }
    };
    match hook {
        Some(h) => ops::call(ts, h, args, kw),
        None => {
            warn_named(
                ts,
                "RuntimeWarning",
                &format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{target}\""),
                0,
            )?;
            Ok(Value::NONE)
        }
    }
}

// ---- warnings from native code ----------------------------------------------------------

/// Issues a warning of the built-in category `category` (by name) from
/// native code; see [`warn`].
pub fn warn_named(
    ts: &mut ThreadState,
    category: &str,
    msg: &str,
    stacklevel: i64,
) -> PyResult<()> {
    let cat = interp()
        .builtins_dict
        .get_str_text(category)
        .unwrap_or(types().warning.value());
    warn(ts, cat, msg, stacklevel)
}

/// Issues a warning from native code (CPython's `PyErr_WarnEx`): through
/// the `warnings` module when it is imported (its filters decide), else
/// with the default filters of a CPython release build (DeprecationWarning
/// only in `__main__`; PendingDeprecationWarning, ImportWarning and
/// ResourceWarning ignored; others printed to stderr once per location).
/// `stacklevel` 1 blames the running Python frame.
pub fn warn(ts: &mut ThreadState, category: Value, msg: &str, stacklevel: i64) -> PyResult<()> {
    let warnings = interp().modules.get_str_text("warnings");
    let opts_given = interp()
        .sys()
        .dict()
        .get_str_text("warnoptions")
        .and_then(|w| w.downcast::<ListObj>())
        .is_some_and(|l| !l.is_empty());
    let warnings = match warnings {
        Some(w) if !w.is_none() => Some(w),
        _ if opts_given => crate::import::import_simple(ts, "warnings").ok(),
        _ => None,
    };
    if let Some(w) = warnings {
        if let Some(f) = ops::getattr_str_opt(ts, w, "warn")? {
            let m = StrObj::new(ts, msg);
            ops::call(
                ts,
                f,
                &[m, category, Value::small_int_unchecked(stacklevel.max(1))],
                None,
            )?;
            return Ok(());
        }
    }
    // The frame the warning is about.
    let mut f = ts.top_frame();
    for _ in 1..stacklevel.max(1) {
        if f.is_null() {
            break;
        }
        // SAFETY: walking this thread's live frame chain.
        f = unsafe { (*f).prev };
    }
    let (file, line, module) = if f.is_null() {
        ("sys".to_string(), 1, "sys".to_string())
    } else {
        // SAFETY: a live frame of this thread.
        let fr = unsafe { &*f };
        let module = fr
            .globals
            .get_str(names().__name__)
            .and_then(crate::objects::str::as_str)
            .unwrap_or("")
            .to_string();
        (
            fr.code.filename_str().to_string(),
            fr.code.line_of(fr.lasti as usize),
            module,
        )
    };
    let ty = category
        .downcast::<crate::objects::typeobj::TypeObj>()
        .unwrap_or(types().warning);
    let builtin = |n: &str| {
        interp()
            .builtins_dict
            .get_str_text(n)
            .and_then(|v| v.downcast::<crate::objects::typeobj::TypeObj>())
    };
    let is = |n: &str| builtin(n).is_some_and(|t| ty.is_subtype(t));
    if is("PendingDeprecationWarning")
        || is("ImportWarning")
        || is("ResourceWarning")
        || (is("DeprecationWarning") && module != "__main__")
    {
        return Ok(());
    }
    static SHOWN: std::sync::Mutex<Vec<(String, u32, String)>> = std::sync::Mutex::new(Vec::new());
    let key = (file.clone(), line, format!("{}:{msg}", ty.name_str()));
    if let Ok(mut shown) = SHOWN.lock() {
        if shown.contains(&key) {
            return Ok(());
        }
        shown.push(key);
    }
    let mut text = format!("{file}:{line}: {}: {msg}\n", ty.name_str());
    if let Ok(src) = std::fs::read_to_string(&file) {
        if let Some(l) = src.lines().nth(line.saturating_sub(1) as usize) {
            if !l.trim().is_empty() {
                text.push_str(&format!("  {}\n", l.trim()));
            }
        }
    }
    let err = interp().sys().dict().get_str(names().stderr);
    match err {
        Some(e) if !e.is_none() => crate::builtins::write_to(ts, e, &text)?,
        _ => ts.allow_threads(|| crate::objects::stream::write_raw(2, text.as_bytes())),
    }
    Ok(())
}

// ---- unraisable exceptions --------------------------------------------------

/// The `UnraisableHookArgs` struct sequence type (made once).
fn unraisable_args_type(ts: &mut ThreadState) -> PyResult<Gc<crate::objects::typeobj::TypeObj>> {
    static TYPE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    if let Some(&bits) = TYPE.get() {
        // SAFETY: the type was made below and is kept alive as a global
        // root.
        return Ok(unsafe { Value::from_bits(bits).downcast_unchecked() });
    }
    let ty = crate::objects::structseq::new_type(
        ts,
        "builtins",
        "UnraisableHookArgs",
        &[
            Some("exc_type"),
            Some("exc_value"),
            Some("exc_traceback"),
            Some("err_msg"),
            Some("object"),
        ],
        5,
        "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
    )?;
    crate::interp::add_global_root(ty.value());
    // Two threads may race here: the first type made is the one kept.
    let bits = *TYPE.get_or_init(|| ty.value().bits());
    // SAFETY: as above.
    Ok(unsafe { Value::from_bits(bits).downcast_unchecked() })
}

/// The argument of `sys.unraisablehook` for `exc` (`err_msg`: the first
/// line's text, `None` for CPython's default "Exception ignored in").
fn unraisable_args(
    ts: &mut ThreadState,
    exc: Value,
    err_msg: Option<&str>,
    obj: Value,
) -> PyResult<Value> {
    let ty = unraisable_args_type(ts)?;
    let tb = match exc.downcast::<ExcObj>().map(|e| e.traceback.get()) {
        Some(t) if !t.is_null() => t,
        _ => Value::NONE,
    };
    let msg = match err_msg {
        Some(m) => StrObj::new(ts, m),
        None => Value::NONE,
    };
    let obj = obj.non_null().unwrap_or(Value::NONE);
    crate::objects::structseq::new(ts, ty, &[type_of(exc).value(), exc, tb, msg, obj])
}

/// Reports an exception that nothing can catch (a failing `__del__`,
/// weak-reference callback, thread function...), as CPython's
/// `_PyErr_WriteUnraisableMsg`: `sys.unraisablehook` is called with an
/// `UnraisableHookArgs`; when it is missing or None the default hook
/// prints the report, and when it fails its own error is reported by the
/// default hook instead.
pub fn write_unraisable(ts: &mut ThreadState, exc: Value, err_msg: Option<&str>, obj: Value) {
    let Ok(args) = unraisable_args(ts, exc, err_msg, obj) else {
        crate::objects::stream::write_raw(2, b"Exception ignored: cannot report it\n");
        return;
    };
    let hook = interp().sys().dict().get_str_text("unraisablehook");
    let args = match hook {
        Some(h) if !h.is_none() => match ops::call1(ts, h, args) {
            Ok(_) => return,
            Err(e) => {
                match unraisable_args(
                    ts,
                    e.value(),
                    Some("Exception ignored in sys.unraisablehook"),
                    h,
                ) {
                    Ok(a) => a,
                    Err(_) => return,
                }
            }
        },
        _ => args,
    };
    let _ = default_unraisable_hook(ts, args);
}

/// The report of CPython's default hook: the first line ("Exception
/// ignored in: <repr of object>", or the message), the traceback, then
/// `Type: value` (no chained exceptions), written to `sys.stderr`.
fn default_unraisable_hook(ts: &mut ThreadState, args: Value) -> PyResult<()> {
    let Some(t) = args.downcast::<TupleObj>() else {
        return Ok(());
    };
    let &[exc_type, exc_value, exc_tb, err_msg, obj] = t.items() else {
        return Ok(());
    };
    let mut out = String::new();
    let msg = if err_msg.is_none() {
        None
    } else {
        Some(ops::str_string(ts, err_msg)?)
    };
    if !obj.is_none() {
        match &msg {
            Some(m) => {
                out.push_str(m);
                out.push_str(": ");
            }
            None => out.push_str("Exception ignored in: "),
        }
        match ops::repr_string(ts, obj) {
            Ok(r) => out.push_str(&r),
            Err(_) => out.push_str("<object repr() failed>"),
        }
        out.push('\n');
    } else if let Some(m) = &msg {
        out.push_str(m);
        out.push_str(":\n");
    }
    if exc_tb
        .downcast::<crate::objects::traceback::TracebackObj>()
        .is_some()
    {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&crate::objects::traceback::format_tb(exc_tb));
    }
    if let Some(ty) = exc_type.downcast::<crate::objects::typeobj::TypeObj>() {
        out.push_str(&crate::objects::traceback::type_display_name(ts, ty));
        if !exc_value.is_none() {
            out.push_str(": ");
            match ops::str_string(ts, exc_value) {
                Ok(s) => out.push_str(&s),
                Err(_) => out.push_str("<exception str() failed>"),
            }
        }
        out.push('\n');
    }
    match interp().sys().dict().get_str(names().stderr) {
        Some(err) if !err.is_none() => {
            crate::builtins::write_to(ts, err, &out)?;
            ops::call_method(ts, err, names().flush, &[])?;
        }
        Some(_) => {}
        None => crate::objects::stream::write_raw(2, out.as_bytes()),
    }
    Ok(())
}

/// `sys.unraisablehook(unraisable, /)` (also `sys.__unraisablehook__`).
fn s_unraisablehook(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("sys.unraisablehook(unraisable, /)");
    let [arg] = SIG.bind(ts, args, kw)?;
    let ty = unraisable_args_type(ts)?;
    if type_of(arg) != ty {
        return Err(ts.type_error("sys.unraisablehook argument type must be UnraisableHookArgs"));
    }
    default_unraisable_hook(ts, arg)?;
    Ok(Value::NONE)
}
