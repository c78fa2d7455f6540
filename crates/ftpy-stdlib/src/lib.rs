//! Rust implementations of the modules CPython writes in C. One file per
//! module, named after it (a folder for a large one: `_io/`); `register`
//! puts them in the interpreter's native module table.

pub mod _abc;
pub mod _ast;
pub mod _bisect;
pub mod _blake2;
pub mod _codecs;
pub mod _collections;
pub mod _contextvars;
pub mod _csv;
pub mod _functools;
pub mod _heapq;
pub mod _imp;
pub mod _io;
pub mod _json;
pub mod _locale;
pub mod _md5;
pub mod _multiprocessing;
pub mod _opcode;
pub mod _operator;
pub mod _posixshmem;
pub mod _posixsubprocess;
pub mod _queue;
pub mod _random;
pub mod _sha1;
pub mod _sha256;
pub mod _sha3;
pub mod _sha512;
pub mod _signal;
pub mod _socket;
pub mod _sre;
pub mod _stat;
pub mod _string;
pub mod _struct;
pub mod _thread;
pub mod _typing;
pub mod _warnings;
pub mod _weakref;
pub mod array;
pub mod atexit;
pub mod binascii;
pub mod cmath;
pub mod errno;
pub mod faulthandler;
pub mod fcntl;
pub mod gc;
pub mod grp;
mod hashobj;
pub mod itertools;
pub mod marshal;
pub mod math;
pub mod posix;
pub mod pwd;
pub mod select;
pub mod time;
pub mod unicodedata;
pub mod zlib;

use ftpy_vm::interp::{Interp, NativeModuleInit};

/// Every native module of this crate: (name, initializer).
pub const MODULES: &[(&str, NativeModuleInit)] = &[
    ("_collections", _collections::init),
    ("_io", _io::init),
    ("_string", _string::init),
    ("_imp", _imp::init),
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
    ("_sre", _sre::init),
    ("_struct", _struct::init),
    ("binascii", binascii::init),
    ("_functools", _functools::init),
    ("_operator", _operator::init),
    ("_bisect", _bisect::init),
    ("_heapq", _heapq::init),
    ("_random", _random::init),
    ("_md5", _md5::init),
    ("_sha1", _sha1::init),
    ("_sha256", _sha256::init),
    ("_sha512", _sha512::init),
    ("_sha3", _sha3::init),
    ("_blake2", _blake2::init),
    ("_contextvars", _contextvars::init),
    ("_queue", _queue::init),
    ("_typing", _typing::init),
    ("_signal", _signal::init),
    ("posix", posix::init),
    ("_stat", _stat::init),
    ("pwd", pwd::init),
    ("grp", grp::init),
    ("_locale", _locale::init),
    ("zlib", zlib::init),
    ("array", array::init),
    ("_json", _json::init),
    ("unicodedata", unicodedata::init),
    ("_ast", _ast::init),
    ("_opcode", _opcode::init),
    ("_warnings", _warnings::init),
    ("marshal", marshal::init),
    ("_posixsubprocess", _posixsubprocess::init),
    ("fcntl", fcntl::init),
    ("_csv", _csv::init),
    ("select", select::init),
    ("_socket", _socket::init),
    ("_multiprocessing", _multiprocessing::init),
    ("_posixshmem", _posixshmem::init),
    ("faulthandler", faulthandler::init),
    ("_abc", _abc::init),
];

/// Registers the native modules with the interpreter, and installs the
/// hooks through which the VM gets its standard streams from `_io`
/// (`ftpy_vm::objects::stream::init_std_streams` makes them).
pub fn register(interp: &Interp) {
    // LC_CTYPE from the environment, as CPython's start-up sets it.
    _locale::init_process_locale();
    _ast::install_hooks();
    for &(name, init) in MODULES {
        interp.register_native_module(name, init);
    }
    _io::std_streams::install();
}
