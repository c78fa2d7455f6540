//! Rust implementations of the modules CPython writes in C. One file per
//! module, named after it; `register` puts them in the interpreter's
//! native module table.

pub mod _codecs;
pub mod _collections;
pub mod _locale;
pub mod _stat;
pub mod _string;
pub mod _thread;
pub mod _weakref;
pub mod atexit;
pub mod cmath;
pub mod errno;
pub mod gc;
pub mod grp;
pub mod itertools;
pub mod math;
pub mod posix;
pub mod pwd;
pub mod time;

use ftpy_vm::interp::{Interp, NativeModuleInit};

/// Every native module of this crate: (name, initializer).
pub const MODULES: &[(&str, NativeModuleInit)] = &[
    ("_collections", _collections::init),
    ("_string", _string::init),
    ("_thread", _thread::init),
    ("_weakref", _weakref::init),
    ("atexit", atexit::init),
    ("cmath", cmath::init),
    ("errno", errno::init),
    ("gc", gc::init),
    ("itertools", itertools::init),
    ("math", math::init),
    ("time", time::init),
    ("_codecs", _codecs::init),
    ("posix", posix::init),
    ("_stat", _stat::init),
    ("pwd", pwd::init),
    ("grp", grp::init),
    ("_locale", _locale::init),
];

/// Registers the native modules with the interpreter.
pub fn register(interp: &Interp) {
    // LC_CTYPE from the environment, as CPython's start-up sets it.
    _locale::init_process_locale();
    for &(name, init) in MODULES {
        interp.register_native_module(name, init);
    }
}
