//! Rust implementations of the modules CPython writes in C. One file per
//! module, named after it; `register` puts them in the interpreter's
//! native module table.

pub mod _imp;
pub mod _thread;
pub mod _weakref;
pub mod gc;
pub mod math;
pub mod time;

use ftpy_vm::interp::{Interp, NativeModuleInit};

/// Every native module of this crate: (name, initializer).
pub const MODULES: &[(&str, NativeModuleInit)] = &[
    ("_imp", _imp::init),
    ("_thread", _thread::init),
    ("_weakref", _weakref::init),
    ("gc", gc::init),
    ("math", math::init),
    ("time", time::init),
];

/// Registers the native modules with the interpreter.
pub fn register(interp: &Interp) {
    for &(name, init) in MODULES {
        interp.register_native_module(name, init);
    }
}
