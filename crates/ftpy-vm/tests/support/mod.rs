//! Shared set-up for the ftpy-vm integration tests (`tests/gc.rs`,
//! `tests/threads.rs`).
//!
//! - The interpreter is a process-wide singleton: [`attach`] creates it
//!   once (no standard library: `Config::stdlib` is `None` and the tests
//!   import nothing), then attaches the calling thread.
//! - Tests of one file run on parallel threads of one process. Tests that
//!   read global GC statistics, measure CPU time or start a child process
//!   take [`serial`] first (before attaching: a thread that blocks while
//!   attached would hold up every collection).
//! - GC stress (`FTPY_GC_STRESS`) and the heap verifier (`FTPY_GC_VERIFY`)
//!   are read from the environment. Rather than changing the environment of
//!   a multi-threaded process, [`run_child`] runs one `#[ignore]`d test of
//!   the same test binary in a child process with those variables set.
#![allow(dead_code)]

use std::sync::{Mutex, MutexGuard, Once};

use ftpy_vm::gc::alloc::epoch;
use ftpy_vm::gc::heap::{header_at, heap};
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::NativeFn;
use ftpy_vm::{Config, Gc, Interp, PyErr, ThreadState, Value};

static INIT: Once = Once::new();
static SERIAL: Mutex<()> = Mutex::new(());

/// Attaches the calling thread, creating the interpreter first if needed.
pub fn attach() -> ThreadState {
    INIT.call_once(|| {
        let mut ts = ThreadState::attach();
        let config = Config {
            argv: vec![String::new()],
            stdlib: None,
            ..Config::default()
        };
        Interp::init(&mut ts, config);
        // The bootstrap ThreadState detaches here; each test attaches its own.
    });
    ThreadState::attach()
}

/// Runs the tests that take it one at a time (a failed test does not
/// poison it for the others).
pub fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// A Python exception as text (its traceback).
pub fn describe(ts: &mut ThreadState, e: PyErr) -> String {
    ftpy_vm::objects::traceback::format_exception(ts, e.value())
}

/// A fresh module named `name`, registered in `sys.modules` (which keeps
/// it alive until [`drop_module`]), with the given native functions in its
/// globals.
pub fn new_module(ts: &mut ThreadState, name: &str, natives: &[(&str, NativeFn)]) -> Gc<ModuleObj> {
    let i = ftpy_vm::interp::interp();
    let m = ModuleObj::new(ts, name);
    m.dict()
        .set_item_str(ts, "__builtins__", i.builtins.value());
    for &(n, f) in natives {
        m.add_function(ts, n, f);
    }
    i.modules.set_item_str(ts, name, m.value());
    m
}

/// Removes a module made by [`new_module`] from `sys.modules`.
pub fn drop_module(ts: &mut ThreadState, name: &str) {
    let key = ftpy_vm::objects::str::StrObj::new(ts, name);
    let _ = ftpy_vm::interp::interp().modules.del_item_opt(ts, key);
}

/// Compiles and runs `src` in the module's namespace; panics with the
/// traceback if it raises.
pub fn exec_in(ts: &mut ThreadState, m: Gc<ModuleObj>, src: &str) {
    let code = match ftpy_vm::compile_source(ts, src, "<test>", ftpy_compiler::Mode::Exec) {
        Ok(c) => c,
        Err(e) => panic!("compile error: {}", describe(ts, e)),
    };
    let d = m.dict();
    if let Err(e) = ftpy_vm::interpreter::run_code(ts, code, d, d.value(), Value::NULL) {
        panic!("Python code raised:\n{}", describe(ts, e));
    }
}

/// A global of the module (panics if missing).
pub fn global(m: Gc<ModuleObj>, name: &str) -> Value {
    match m.dict().get_str_text(name) {
        Some(v) => v,
        None => panic!("module has no global {name:?}"),
    }
}

/// `repr(v)` as a Rust string (panics if it raises).
pub fn repr(ts: &mut ThreadState, v: Value) -> String {
    match ftpy_vm::ops::repr_string(ts, v) {
        Ok(s) => s,
        Err(e) => panic!("repr raised:\n{}", describe(ts, e)),
    }
}

/// Whether the object that started at `addr` was found reachable by the
/// last collection: its slot still holds an object whose mark is the
/// current epoch (gc invariant 5). Only meaningful right after a
/// collection, before the slot can have been reused by a new object.
/// Reads only the page table and slot headers of the heap's committed
/// region (memory that stays mapped), never a freed object's fields.
pub fn survived_last_collection(addr: usize) -> bool {
    match heap().find_slot(addr) {
        Some(slot) if slot == addr => matches!(header_at(slot), Some(h) if h.mark() == epoch()),
        _ => false,
    }
}

/// Runs the `#[ignore]`d test `name` of the current test binary in a child
/// process with the environment variables `env`, and returns its output.
/// Panics (with the output) unless the child ran exactly that test and it
/// passed.
pub fn run_child(name: &str, env: &[(&str, &str)]) -> String {
    let exe = std::env::current_exe().expect("current_exe");
    let mut cmd = std::process::Command::new(exe);
    cmd.args([
        name,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("cannot run the test binary");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success() && text.contains("1 passed"),
        "child test {name} with {env:?} failed ({}):\n{text}",
        out.status
    );
    text
}

/// The process's CPU time (all threads), in seconds.
pub fn process_cpu_seconds() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into `t`, a valid local.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}
