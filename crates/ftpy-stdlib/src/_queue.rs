//! `_queue`: `SimpleQueue`, the unbounded FIFO queue behind
//! `queue.SimpleQueue`, and the `Empty` exception.
//!
//! Items sit in a `VecDeque` behind the queue's own mutex (held only to
//! push or pop, never while Python code runs or while allocating), with a
//! condition variable for waiting getters. A blocking `get` waits
//! detached from the collector (DESIGN.md, "Stop-the-world"), touching
//! only the queue's own mutex and condition variable meanwhile; on the
//! main thread it wakes every 20 ms to check for Ctrl-C, so
//! `KeyboardInterrupt` interrupts it as in CPython.

use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Marker;
use ftpy_vm::interp::{self, add_global_root, types};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{tflags, TypeObj};
use ftpy_vm::objects::{add_methods, float, int, method};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// How often a waiting main thread checks for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(20);

static EMPTY: OnceLock<Value> = OnceLock::new();

struct SimpleQueue {
    items: Mutex<VecDeque<Value>>,
    nonempty: Condvar,
}

// SAFETY: traces every item.
unsafe impl NativeData for SimpleQueue {
    fn trace(&self, m: &mut Marker) {
        // SAFETY: the world is stopped. The lock is held only by attached
        // threads between safepoints (push/pop), or by a detached waiter
        // that only looks at the length, so the items are not changing.
        let items = unsafe { &*self.items.data_ptr() };
        for &v in items.iter() {
            m.value(v);
        }
    }
}

fn queue_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static SimpleQueue> {
    native::expect::<SimpleQueue>(ts, v, "_queue.SimpleQueue")
}

fn queue_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if args.len() > nkw {
        return Err(ts.type_error("SimpleQueue() takes no positional arguments"));
    }
    if nkw > 0 {
        return Err(ts.type_error("SimpleQueue() takes no keyword arguments"));
    }
    let q = SimpleQueue {
        items: Mutex::new(VecDeque::new()),
        nonempty: Condvar::new(),
    };
    Ok(NativeObj::new(ts, cls, q).value())
}

fn push(v: Value, q: &SimpleQueue, item: Value) {
    q.items.lock().push_back(item);
    if let Some(o) = v.downcast::<NativeObj>() {
        o.written();
    }
    q.nonempty.notify_one();
}

fn m_put(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SimpleQueue.put($self, /, item, block=True, timeout=None)");
    let [v, item, _block, _timeout] = SIG.bind(ts, args, kw)?;
    let q = queue_of(ts, v)?;
    push(v, q, item);
    Ok(Value::NONE)
}

fn m_put_nowait(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SimpleQueue.put_nowait($self, /, item)");
    let [v, item] = SIG.bind(ts, args, kw)?;
    let q = queue_of(ts, v)?;
    push(v, q, item);
    Ok(Value::NONE)
}

fn empty_error(ts: &mut ThreadState) -> PyErr {
    match EMPTY.get() {
        Some(&cls) => match ops::call0(ts, cls) {
            Ok(e) => PyErr::from_exception(e),
            Err(e) => e,
        },
        None => ts.system_error("_queue not initialized"),
    }
}

/// `timeout` as a duration (None: wait forever), with CPython's errors.
fn timeout_arg(ts: &mut ThreadState, t: Value) -> PyResult<Option<Duration>> {
    let Some(t) = t.non_null().filter(|t| !t.is_none()) else {
        return Ok(None);
    };
    let secs = if t.is_float() || types().float.instance_check(t) {
        let f = float::to_float(ts, t)?;
        if f.is_nan() {
            return Err(ts.value_error("Invalid value NaN (not a number)"));
        }
        f
    } else {
        let i = ops::index(ts, t)?;
        match int::to_i64(i) {
            Some(n) => n as f64,
            None => {
                return Err(ts.overflow_error("timestamp out of range for platform time_t"));
            }
        }
    };
    if secs.abs() > 9.2e9 {
        return Err(ts.overflow_error("timestamp out of range for platform time_t"));
    }
    if secs < 0.0 {
        return Err(ts.value_error("'timeout' must be a non-negative number"));
    }
    Ok(Some(Duration::from_secs_f64(secs)))
}

/// Waits (detached) until the queue has an item, `deadline` passes, or
/// `slice` elapses.
fn wait(q: &SimpleQueue, deadline: Option<Instant>, slice: Option<Duration>) {
    let mut g = q.items.lock();
    let slice_end = slice.map(|s| Instant::now() + s);
    let until = match (deadline, slice_end) {
        (Some(d), Some(s)) => Some(d.min(s)),
        (d, s) => d.or(s),
    };
    while g.is_empty() {
        match until {
            Some(u) => {
                if Instant::now() >= u {
                    return;
                }
                q.nonempty.wait_until(&mut g, u);
            }
            None => q.nonempty.wait(&mut g),
        }
    }
}

fn get(ts: &mut ThreadState, v: Value, block: bool, timeout: Option<Duration>) -> PyResult<Value> {
    let q = queue_of(ts, v)?;
    if let Some(x) = q.items.lock().pop_front() {
        return Ok(x);
    }
    if !block {
        return Err(empty_error(ts));
    }
    let deadline = timeout.map(|t| Instant::now() + t);
    let main = ts.ident() == interp::interp().main_thread_ident.load(Ordering::Relaxed);
    let slice = if main { Some(SIGNAL_POLL) } else { None };
    loop {
        ts.allow_threads(|| wait(q, deadline, slice));
        if let Some(x) = q.items.lock().pop_front() {
            return Ok(x);
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(empty_error(ts));
        }
        if interp::signal_pending() {
            interp::handle_pending_signals(ts)?;
        }
    }
}

fn m_get(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SimpleQueue.get($self, /, block=True, timeout=None)");
    let [v, block, timeout] = SIG.bind(ts, args, kw)?;
    let block = match block.non_null() {
        Some(b) => ops::truthy(ts, b)?,
        None => true,
    };
    let timeout = if block {
        timeout_arg(ts, timeout)?
    } else {
        None
    };
    get(ts, v, block, timeout)
}

fn m_get_nowait(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SimpleQueue.get_nowait($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    get(ts, v, false, None)
}

fn m_empty(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SimpleQueue.empty($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(queue_of(ts, v)?.items.lock().is_empty()))
}

fn m_qsize(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SimpleQueue.qsize($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let n = queue_of(ts, v)?.items.lock().len();
    Ok(int::int_from_u64(ts, n as u64))
}

/// `class Empty(Exception)` in module `_queue`.
fn make_empty(ts: &mut ThreadState) -> PyResult<Value> {
    let ns = DictObj::new(ts);
    let module = StrObj::new(ts, "_queue");
    ns.set_item_str(ts, "__module__", module);
    let doc = StrObj::new(ts, "Exception raised by Queue.get(block=0)/get_nowait().");
    ns.set_item_str(ts, "__doc__", doc);
    let name = StrObj::new(ts, "Empty");
    let bases = TupleObj::new(ts, &[types().exception.value()]);
    ops::call(
        ts,
        types().type_.value(),
        &[name, bases.value(), ns.value()],
        None,
    )
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, "C implementation of the Python queue module.\nThis module is an implementation detail, please do not use it directly.");
    m.set_attr(ts, "__doc__", doc);
    let empty = make_empty(ts)?;
    add_global_root(empty);
    let _ = EMPTY.set(empty);
    m.set_attr(ts, "Empty", empty);

    let t = native::new_type::<SimpleQueue>(ts, "SimpleQueue", "_queue", None, true);
    t.set_flag(tflags::WEAKREFABLE);
    t.slots.new.set(Some(queue_new));
    add_methods(
        ts,
        t,
        &[
            method("put", m_put),
            method("put_nowait", m_put_nowait),
            method("get", m_get),
            method("get_nowait", m_get_nowait),
            method("empty", m_empty),
            method("qsize", m_qsize),
        ],
    );
    ftpy_vm::objects::genericalias::add_class_getitem(ts, t);
    let d = StrObj::new(ts, "Simple, unbounded, reentrant FIFO queue.");
    ftpy_vm::objects::set_type_attr(ts, t, "__doc__", d);
    native::finish_type(ts, t);
    add_global_root(t.value());
    m.set_attr(ts, "SimpleQueue", t.value());
    Ok(())
}
