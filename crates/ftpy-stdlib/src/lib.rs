//! Rust implementations of the modules CPython writes in C. One file per
//! module, named after it; `register` puts them in the interpreter's
//! native module table.

pub mod _codecs;
pub mod _collections;
pub mod _string;
pub mod _thread;
pub mod _weakref;
pub mod atexit;
pub mod cmath;
pub mod errno;
pub mod gc;
pub mod itertools;
pub mod math;
pub mod posix;
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
];

/// Registers the native modules with the interpreter.
pub fn register(interp: &Interp) {
    for &(name, init) in MODULES {
        interp.register_native_module(name, init);
    }
}
