//! `_multiprocessing`: the native half of `multiprocessing` on Linux —
//! `SemLock` (a lock or semaphore over a POSIX named semaphore, what
//! `multiprocessing.Lock`/`RLock`/`Semaphore` are built on), `sem_unlink`
//! and the `flags` dict.
//!
//! A `SemLock` of kind `RECURSIVE_MUTEX` (0) counts the nested acquires of
//! the thread that holds it (owner: the thread ident of the last acquire);
//! one of kind `SEMAPHORE` (1) counts the acquires not yet released by this
//! process. Blocking waits run detached through [`crate::select::wait`]
//! (retried on `EINTR` after pending signal handlers ran; the main thread
//! waits in slices so a signal reaches it promptly).
//!
//! Semaphore handles are `sem_t` pointers; `_rebuild` may be given one as
//! an int. To keep a program from handing us an arbitrary address, every
//! handle this process opened is kept in [`HANDLES`] with the number of
//! `SemLock`s using it, and `sem_close` runs when the last one goes away;
//! a handle not in the table is refused with `EINVAL`.

use std::collections::HashMap;
use std::ffi::CString;
use std::sync::OnceLock;
use std::time::Instant;

use parking_lot::Mutex;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Marker;
use ftpy_vm::interp::{self, add_global_root, types};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData};
use ftpy_vm::objects::str::{self as strobj, StrObj};
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, classmethod, float, int, method, set_type_attr};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use crate::posix::conv;

type Kw = Option<Gc<TupleObj>>;

const RECURSIVE_MUTEX: i32 = 0;
const SEMAPHORE: i32 = 1;

/// glibc's `SEM_VALUE_MAX` (the libc crate does not export it).
const SEM_VALUE_MAX: i64 = i32::MAX as i64;

// ---- the handle table ---------------------------------------------------------------

/// Open `sem_t` handles (as addresses) and how many `SemLock`s use each.
static HANDLES: Mutex<Option<HashMap<usize, usize>>> = Mutex::new(None);

fn handle_add(h: usize) {
    *HANDLES
        .lock()
        .get_or_insert_with(HashMap::new)
        .entry(h)
        .or_insert(0) += 1;
}

/// Takes one more use of `h` if this process has it open.
fn handle_share(h: usize) -> bool {
    match HANDLES.lock().as_mut().and_then(|m| m.get_mut(&h)) {
        Some(n) => {
            *n += 1;
            true
        }
        None => false,
    }
}

/// Drops one use of `h`, closing it with the last.
fn handle_release(h: usize) {
    let mut g = HANDLES.lock();
    let Some(m) = g.as_mut() else { return };
    let last = match m.get_mut(&h) {
        Some(n) => {
            *n -= 1;
            *n == 0
        }
        None => false,
    };
    if last {
        m.remove(&h);
        // SAFETY: `h` came from a successful sem_open and no SemLock uses
        // it any more (the table counted them all).
        unsafe { libc::sem_close(h as *mut libc::sem_t) };
    }
}

// ---- the SemLock object ---------------------------------------------------------------

struct SemLock {
    /// The `sem_t*`, registered in [`HANDLES`].
    handle: usize,
    kind: i32,
    maxvalue: i32,
    name: Option<String>,
    /// (thread ident of the last acquire, acquires not yet released).
    state: Mutex<(u64, i64)>,
}

impl SemLock {
    fn sem(&self) -> *mut libc::sem_t {
        self.handle as *mut libc::sem_t
    }

    fn is_mine(&self, ts: &ThreadState) -> bool {
        let st = self.state.lock();
        st.1 > 0 && st.0 == ts.ident()
    }

    /// The semaphore's value (never negative), or the error number.
    fn value(&self) -> Result<i32, i32> {
        let mut v: libc::c_int = 0;
        // SAFETY: the handle is open while this object lives (HANDLES).
        if unsafe { libc::sem_getvalue(self.sem(), &mut v) } < 0 {
            return Err(conv::errno());
        }
        Ok(v.max(0))
    }
}

impl Drop for SemLock {
    fn drop(&mut self) {
        handle_release(self.handle);
    }
}

// SAFETY: holds no Values.
unsafe impl NativeData for SemLock {
    fn trace(&self, _m: &mut Marker) {}
}

static SEMLOCK_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();

fn semlock_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static SemLock> {
    native::expect::<SemLock>(ts, v, "_multiprocessing.SemLock")
}

fn alloc(ts: &mut ThreadState, cls: Gc<TypeObj>, data: SemLock) -> PyResult<Value> {
    let Some(&base) = SEMLOCK_TYPE.get() else {
        return Err(ts.system_error("_multiprocessing not initialized"));
    };
    Ok(native::alloc_checked(ts, cls, base, data, false)?.value())
}

fn name_cstring(ts: &mut ThreadState, s: Gc<StrObj>) -> PyResult<CString> {
    let b = conv::fs_encode(ts, s)?;
    conv::cstring(ts, b, "embedded null character")
}

fn semlock_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SemLock(kind, value, maxvalue, name, unlink)");
    let [kind, value, maxvalue, name, unlink] = SIG.bind(ts, args, kw)?;
    let kind = conv::c_int(ts, kind)?;
    let value = conv::c_int(ts, value)?;
    let maxvalue = conv::c_int(ts, maxvalue)?;
    let Some(name) = name.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "SemLock() argument 'name' must be str, not {}",
            type_name(name)
        )));
    };
    let unlink = conv::c_int(ts, unlink)? != 0;
    if kind != RECURSIVE_MUTEX && kind != SEMAPHORE {
        return Err(ts.value_error("unrecognized kind"));
    }
    let cname = name_cstring(ts, name)?;
    // SAFETY: `cname` is a NUL-terminated string; the mode and value are
    // passed as the variadic arguments O_CREAT requires.
    let sem = unsafe {
        libc::sem_open(
            cname.as_ptr(),
            libc::O_CREAT | libc::O_EXCL,
            0o600 as libc::c_uint,
            value as libc::c_uint,
        )
    };
    if sem == libc::SEM_FAILED {
        return Err(conv::last_error(ts));
    }
    if unlink {
        // SAFETY: `cname` is a NUL-terminated string.
        if unsafe { libc::sem_unlink(cname.as_ptr()) } < 0 {
            let e = conv::last_error(ts);
            // SAFETY: `sem` was opened above and is not shared yet.
            unsafe { libc::sem_close(sem) };
            return Err(e);
        }
    }
    let h = sem as usize;
    handle_add(h);
    let data = SemLock {
        handle: h,
        kind,
        maxvalue,
        name: (!unlink).then(|| name.as_str().to_owned()),
        state: Mutex::new((0, 0)),
    };
    alloc(ts, cls, data)
}

/// The acquire timeout: `None` (forever) or seconds, as CPython's
/// `PyFloat_AsDouble` conversion.
fn timeout_secs(ts: &mut ThreadState, v: Value) -> PyResult<Option<f64>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    let ty = ftpy_vm::objects::typeobj::type_of(v);
    if !float::is_float(v)
        && !int::is_int(v)
        && ty.slots.float.get().is_none()
        && ty.slots.index.get().is_none()
    {
        return Err(ts.type_error(format!("must be real number, not {}", type_name(v))));
    }
    let f = if !float::is_float(v) && !int::is_int(v) && ty.slots.float.get().is_none() {
        let i = ops::index(ts, v)?;
        float::to_float(ts, i)?
    } else {
        float::to_float(ts, v)?
    };
    Ok(Some(f))
}

/// `sem_timedwait` until `ms` milliseconds from now (-1: `sem_wait`):
/// 1 when acquired, 0 on timeout, -1 with errno set.
fn sem_wait_ms(sem: usize, ms: i32) -> isize {
    let sem = sem as *mut libc::sem_t;
    if ms < 0 {
        // SAFETY: the handle stays open while the waiting SemLock lives
        // (the caller holds it on its stack).
        return if unsafe { libc::sem_wait(sem) } == 0 {
            1
        } else {
            -1
        };
    }
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a local timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
    let ns = now.tv_nsec + (ms as i64 % 1000) * 1_000_000;
    let at = libc::timespec {
        tv_sec: now.tv_sec
            + (ms as i64 / 1000) as libc::time_t
            + (ns / 1_000_000_000) as libc::time_t,
        tv_nsec: (ns % 1_000_000_000) as _,
    };
    // SAFETY: as above; `at` is a local timespec.
    if unsafe { libc::sem_timedwait(sem, &at) } == 0 {
        1
    } else if conv::errno() == libc::ETIMEDOUT {
        0
    } else {
        -1
    }
}

fn do_acquire(ts: &mut ThreadState, v: Value, block: bool, timeout: Value) -> PyResult<Value> {
    let s = semlock_of(ts, v)?;
    if s.kind == RECURSIVE_MUTEX && s.is_mine(ts) {
        s.state.lock().1 += 1;
        return Ok(Value::TRUE);
    }
    let timeout = timeout_secs(ts, timeout)?;
    let deadline: Option<Instant> = match timeout {
        Some(t) if block => crate::select::deadline_after(Some((t.max(0.0) * 1e9) as i128)),
        _ => None,
    };
    // First without blocking.
    let got = loop {
        // SAFETY: the handle is open while `s` lives.
        if unsafe { libc::sem_trywait(s.sem()) } == 0 {
            break true;
        }
        match conv::errno() {
            libc::EAGAIN => break false,
            libc::EINTR => {
                if interp::signal_pending() {
                    interp::handle_pending_signals(ts)?;
                }
            }
            e => return Err(conv::os_error(ts, e, None, None)),
        }
    };
    if !got {
        if !block {
            return Ok(Value::FALSE);
        }
        let h = s.handle;
        let r = crate::select::wait(ts, deadline, |ms| sem_wait_ms(h, ms))?;
        // `v` (on this frame) keeps the handle open during the wait.
        std::hint::black_box(v);
        match r {
            Ok(1) => {}
            Ok(_) => return Ok(Value::FALSE),
            Err(libc::ETIMEDOUT) | Err(libc::EAGAIN) => return Ok(Value::FALSE),
            Err(e) => return Err(conv::os_error(ts, e, None, None)),
        }
    }
    let mut st = s.state.lock();
    st.0 = ts.ident();
    st.1 += 1;
    Ok(Value::TRUE)
}

fn semlock_acquire(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("acquire($self, /, block=True, timeout=None)");
    let [v, block, timeout] = SIG.bind(ts, args, kw)?;
    let block = conv::flag(ts, block, true)?;
    do_acquire(ts, v, block, timeout)
}

fn semlock_enter(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SemLock.__enter__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    do_acquire(ts, v, true, Value::NULL)
}

fn do_release(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = semlock_of(ts, v)?;
    if s.kind == RECURSIVE_MUTEX {
        if !s.is_mine(ts) {
            let ty = types().assertion_error;
            return Err(ts.new_error(ty, "attempt to release recursive lock not owned by thread"));
        }
        let mut st = s.state.lock();
        if st.1 > 1 {
            st.1 -= 1;
            return Ok(Value::NONE);
        }
    } else {
        match s.value() {
            Err(e) => return Err(conv::os_error(ts, e, None, None)),
            Ok(n) if n >= s.maxvalue => {
                return Err(ts.value_error("semaphore or lock released too many times"));
            }
            Ok(_) => {}
        }
    }
    // SAFETY: the handle is open while `s` lives.
    if unsafe { libc::sem_post(s.sem()) } < 0 {
        return Err(conv::last_error(ts));
    }
    s.state.lock().1 -= 1;
    Ok(Value::NONE)
}

fn semlock_release(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SemLock.release($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    do_release(ts, v)
}

fn semlock_exit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    // CPython unpacks a plain argument tuple here, with its wording.
    if kw.is_some_and(|k| !k.is_empty()) {
        return Err(ts.type_error("__exit__() takes no keyword arguments"));
    }
    let Some((&v, rest)) = args.split_first() else {
        return Err(ts.type_error("__exit__() needs an argument"));
    };
    if rest.len() > 3 {
        return Err(ts.type_error(format!(
            "__exit__ expected at most 3 arguments, got {}",
            rest.len()
        )));
    }
    do_release(ts, v)
}

fn semlock_count(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SemLock._count($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let n = semlock_of(ts, v)?.state.lock().1;
    Ok(int::int_from_i64(ts, n))
}

fn semlock_is_mine(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SemLock._is_mine($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let s = semlock_of(ts, v)?;
    Ok(Value::from_bool(s.is_mine(ts)))
}

fn semlock_get_value(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SemLock._get_value($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    match semlock_of(ts, v)?.value() {
        Ok(n) => Ok(Value::small_int_unchecked(n as i64)),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}

fn semlock_is_zero(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SemLock._is_zero($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    match semlock_of(ts, v)?.value() {
        Ok(n) => Ok(Value::from_bool(n == 0)),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}

fn semlock_after_fork(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SemLock._after_fork($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    semlock_of(ts, v)?.state.lock().1 = 0;
    Ok(Value::NONE)
}

fn semlock_rebuild(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    // CPython parses a plain argument tuple here, with its wording.
    if kw.is_some_and(|k| !k.is_empty()) {
        return Err(ts.type_error("_rebuild() takes no keyword arguments"));
    }
    let &[cls, handle, kind, maxvalue, name] = args else {
        return Err(ts.type_error(format!(
            "_rebuild() takes exactly 4 arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let Some(cls) = cls.downcast::<TypeObj>() else {
        return Err(ts.type_error("_rebuild() requires a type"));
    };
    let handle = conv::c_long(ts, handle)? as usize;
    let kind = conv::c_int(ts, kind)?;
    let maxvalue = conv::c_int(ts, maxvalue)?;
    let name = if name.is_none() {
        None
    } else {
        Some(strobj::expect_str(ts, name, "_rebuild() argument 4")?)
    };
    let h = match name {
        Some(n) => {
            let cname = name_cstring(ts, n)?;
            // SAFETY: `cname` is a NUL-terminated string.
            let sem = unsafe { libc::sem_open(cname.as_ptr(), 0) };
            if sem == libc::SEM_FAILED {
                return Err(conv::last_error(ts));
            }
            let h = sem as usize;
            handle_add(h);
            h
        }
        None => {
            if !handle_share(handle) {
                return Err(conv::os_error(ts, libc::EINVAL, None, None));
            }
            handle
        }
    };
    let data = SemLock {
        handle: h,
        kind,
        maxvalue,
        name: name.map(|n| n.as_str().to_owned()),
        state: Mutex::new((0, 0)),
    };
    alloc(ts, cls, data)
}

fn get_handle(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let h = semlock_of(ts, v)?.handle;
    Ok(int::int_from_u64(ts, h as u64))
}

fn get_kind(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(semlock_of(ts, v)?.kind as i64))
}

fn get_maxvalue(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(
        semlock_of(ts, v)?.maxvalue as i64,
    ))
}

fn get_name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    match &semlock_of(ts, v)?.name {
        Some(n) => Ok(strobj::new_str(ts, n)),
        None => Ok(Value::NONE),
    }
}

/// The members are read-only, with CPython's message for them.
fn readonly(ts: &mut ThreadState, _v: Value, _x: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg("readonly attribute"))
}

// ---- module functions -------------------------------------------------------------------

fn sem_unlink(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sem_unlink(name, /)");
    let [name] = SIG.bind(ts, args, kw)?;
    let name = strobj::expect_str(ts, name, "sem_unlink() argument")?;
    let cname = name_cstring(ts, name)?;
    // SAFETY: `cname` is a NUL-terminated string.
    if unsafe { libc::sem_unlink(cname.as_ptr()) } < 0 {
        return Err(conv::last_error(ts));
    }
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let t = match SEMLOCK_TYPE.get() {
        Some(&t) => t,
        None => {
            let t = native::new_type::<SemLock>(ts, "SemLock", "_multiprocessing", None, true);
            native::make_static(ts, t);
            t.slots.new.set(Some(semlock_new));
            add_methods(
                ts,
                t,
                &[
                    method("acquire", semlock_acquire),
                    method("release", semlock_release),
                    method("__enter__", semlock_enter),
                    method("__exit__", semlock_exit),
                    method("_count", semlock_count),
                    method("_is_mine", semlock_is_mine),
                    method("_get_value", semlock_get_value),
                    method("_is_zero", semlock_is_zero),
                    method("_after_fork", semlock_after_fork),
                    classmethod("_rebuild", semlock_rebuild),
                ],
            );
            add_getset(ts, t, "handle", get_handle, Some(readonly));
            add_getset(ts, t, "kind", get_kind, Some(readonly));
            add_getset(ts, t, "maxvalue", get_maxvalue, Some(readonly));
            add_getset(ts, t, "name", get_name, Some(readonly));
            let max = int::int_from_i64(ts, SEM_VALUE_MAX);
            set_type_attr(ts, t, "SEM_VALUE_MAX", max);
            native::finish_type(ts, t);
            add_global_root(t.value());
            *SEMLOCK_TYPE.get_or_init(|| t)
        }
    };
    m.set_attr(ts, "SemLock", t.value());
    m.add_function(ts, "sem_unlink", sem_unlink);
    let flags = DictObj::new(ts);
    let one = Value::small_int_unchecked(1);
    flags.set_item_str(ts, "HAVE_SEM_OPEN", one);
    flags.set_item_str(ts, "HAVE_SEM_TIMEDWAIT", one);
    m.set_attr(ts, "flags", flags.value());
    Ok(())
}
