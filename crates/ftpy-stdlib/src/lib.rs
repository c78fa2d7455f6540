//! Rust implementations of the modules CPython writes in C. One file per
//! module, named after it (a folder for a large one: `_io/`); `register`
//! puts them in the interpreter's native module table.

pub mod _io;
pub mod _weakref;
pub mod gc;
pub mod math;
pub mod time;

use ftpy_vm::interp::{Interp, NativeModuleInit};

/// Every native module of this crate: (name, initializer).
pub const MODULES: &[(&str, NativeModuleInit)] = &[
    ("_io", _io::init),
    ("_weakref", _weakref::init),
    ("gc", gc::init),
    ("math", math::init),
    ("time", time::init),
];

/// Registers the native modules with the interpreter, and installs the
/// hooks through which the VM gets its standard streams from `_io`
/// (`ftpy_vm::objects::stream::init_std_streams` makes them).
pub fn register(interp: &Interp) {
    for &(name, init) in MODULES {
        interp.register_native_module(name, init);
    }
    _io::std_streams::install();
}
