//! The shared interpreter state: built-in types, interned strings, the
//! builtins and sys modules, `sys.modules`. Created once per process by
//! [`Interp::init`]; immutable afterwards except through atomics and the
//! objects' own locks (there is no lock around the interpreter).

use parking_lot::Mutex;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{
    AtomicBool, AtomicI32, AtomicPtr, AtomicU32, AtomicU64, AtomicUsize, Ordering,
};
use std::sync::OnceLock;

use crate::error::PyResult;
use crate::gc::Marker;
use crate::object::{Gc, Header, Kind};
use crate::objects::dict::DictObj;
use crate::objects::module::ModuleObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{tflags, TypeObj};
use crate::thread::ThreadState;
use crate::value::Value;

macro_rules! builtin_types {
    ($($field:ident: $name:literal, $kind:ident, $layout:ty, $flags:expr;)*) => {
        /// Every built-in type. See `Interp`.
        pub struct BuiltinTypes {
            $(pub $field: Gc<TypeObj>,)*
            /// Every exception class, in definition order.
            pub exceptions: Mutex<Vec<Gc<TypeObj>>>,
        }

        impl BuiltinTypes {
            /// Allocates the type shells (no names, dicts, bases yet).
            fn alloc_shells(ts: &mut ThreadState) -> BuiltinTypes {
                $(
                    let $field = ts.alloc(TypeObj::blank(
                        Header::new_untyped(Kind::Type, 0),
                        Kind::$kind,
                        std::mem::size_of::<$layout>() as u32,
                        0,
                    ));
                    $field.set_flag($flags);
                )*
                BuiltinTypes { $($field,)* exceptions: Mutex::new(Vec::new()) }
            }

            /// (type, name) for every non-exception built-in type.
            pub fn all(&self) -> Vec<(Gc<TypeObj>, &'static str)> {
                vec![$((self.$field, $name),)*]
            }
        }
    };
}

use crate::objects::*;
const B: u32 = tflags::BASETYPE;
const I: u32 = tflags::INTERNAL;

builtin_types! {
    type_: "type", Type, typeobj::TypeObj, B;
    object: "object", Object, object::PlainObj, B;
    int: "int", Int, int::IntObj, B;
    bool: "bool", Int, int::IntObj, 0;
    float: "float", Float, float::FloatObj, B;
    complex: "complex", Complex, complex::ComplexObj, B;
    str: "str", Str, str::StrObj, B | tflags::SEQUENCE;
    bytes: "bytes", Bytes, bytes::BytesObj, B | tflags::SEQUENCE;
    bytearray: "bytearray", Bytearray, bytearray::BytearrayObj, B | tflags::SEQUENCE;
    tuple: "tuple", Tuple, tuple::TupleObj, B | tflags::SEQUENCE;
    list: "list", List, list::ListObj, B | tflags::SEQUENCE;
    dict: "dict", Dict, dict::DictObj, B | tflags::MAPPING;
    set: "set", Set, set::SetObj, B;
    frozenset: "frozenset", Set, set::SetObj, B;
    range: "range", Range, range::RangeObj, tflags::SEQUENCE;
    slice: "slice", Slice, slice::SliceObj, 0;
    none_type: "NoneType", Object, object::PlainObj, 0;
    not_implemented_type: "NotImplementedType", Object, object::PlainObj, 0;
    ellipsis_type: "ellipsis", Object, object::PlainObj, 0;
    function: "function", Function, function::FunctionObj, 0;
    builtin_function: "builtin_function_or_method", Builtin, builtin::BuiltinObj, 0;
    method_descriptor: "method_descriptor", Builtin, builtin::BuiltinObj, 0;
    classmethod_descriptor: "classmethod_descriptor", Builtin, builtin::BuiltinObj, 0;
    wrapper_descriptor: "wrapper_descriptor", Builtin, builtin::BuiltinObj, 0;
    getset_descriptor: "getset_descriptor", Builtin, builtin::BuiltinObj, 0;
    method: "method", Method, method::MethodObj, 0;
    code: "code", Code, code::CodeObj, 0;
    cell: "cell", Cell, cell::CellObj, 0;
    module: "module", Module, module::ModuleObj, B;
    traceback: "traceback", Traceback, traceback::TracebackObj, 0;
    frame: "frame", Frame, frame::FrameObj, 0;
    generator: "generator", Generator, generator::GenObj, 0;
    coroutine: "coroutine", Generator, generator::GenObj, 0;
    async_generator: "async_generator", Generator, generator::GenObj, 0;
    property: "property", Property, descriptors::PropertyObj, B;
    classmethod: "classmethod", ClassMethod, descriptors::ClassMethodObj, B;
    staticmethod: "staticmethod", StaticMethod, descriptors::StaticMethodObj, B;
    super_: "super", Super, superobj::SuperObj, B;
    value_array: "value_array", ValueArray, array::ValueArray, I;
    dict_table: "dict_table", DictTable, dict::DictTable, I;
    set_table: "set_table", SetTable, set::SetTable, I;
    dict_keys: "dict_keys", DictView, dict::DictViewObj, 0;
    dict_values: "dict_values", DictView, dict::DictViewObj, 0;
    dict_items: "dict_items", DictView, dict::DictViewObj, 0;
    list_iterator: "list_iterator", Iterator, iterators::IterObj, 0;
    list_reverseiterator: "list_reverseiterator", Iterator, iterators::IterObj, 0;
    tuple_iterator: "tuple_iterator", Iterator, iterators::IterObj, 0;
    range_iterator: "range_iterator", Iterator, iterators::IterObj, 0;
    str_iterator: "str_ascii_iterator", Iterator, iterators::IterObj, 0;
    bytes_iterator: "bytes_iterator", Iterator, iterators::IterObj, 0;
    dict_keyiterator: "dict_keyiterator", Iterator, iterators::IterObj, 0;
    dict_valueiterator: "dict_valueiterator", Iterator, iterators::IterObj, 0;
    dict_itemiterator: "dict_itemiterator", Iterator, iterators::IterObj, 0;
    set_iterator: "set_iterator", Iterator, iterators::IterObj, 0;
    seq_iterator: "iterator", Iterator, iterators::IterObj, 0;
    callable_iterator: "callable_iterator", Iterator, iterators::IterObj, 0;
    enumerate: "enumerate", Iterator, iterators::IterObj, B;
    zip: "zip", Iterator, iterators::IterObj, B;
    map: "map", Iterator, iterators::IterObj, B;
    filter: "filter", Iterator, iterators::IterObj, B;
    reversed: "reversed", Iterator, iterators::IterObj, B;
    weakref: "ReferenceType", WeakRef, weakref::WeakRefObj, B;
    weakproxy: "ProxyType", WeakRef, weakref::WeakRefObj, 0;
    weakcallableproxy: "CallableProxyType", WeakRef, weakref::WeakRefObj, 0;
    generic_alias: "GenericAlias", GenericAlias, genericalias::GenericAliasObj, B;
    union_type: "UnionType", Union, union::UnionObj, 0;
    member_descriptor: "member_descriptor", Builtin, builtin::BuiltinObj, 0;
    method_wrapper: "method-wrapper", Builtin, builtin::BuiltinObj, 0;
    // Exceptions: the ones native code raises by name. The rest of the
    // hierarchy is built from `exception::EXCEPTIONS`.
    base_exception: "BaseException", Exception, exception::ExcObj, B;
    exception: "Exception", Exception, exception::ExcObj, B;
    type_error: "TypeError", Exception, exception::ExcObj, B;
    value_error: "ValueError", Exception, exception::ExcObj, B;
    index_error: "IndexError", Exception, exception::ExcObj, B;
    key_error: "KeyError", Exception, exception::ExcObj, B;
    lookup_error: "LookupError", Exception, exception::ExcObj, B;
    attribute_error: "AttributeError", Exception, exception::ExcObj, B;
    name_error: "NameError", Exception, exception::ExcObj, B;
    unbound_local_error: "UnboundLocalError", Exception, exception::ExcObj, B;
    arithmetic_error: "ArithmeticError", Exception, exception::ExcObj, B;
    zero_division_error: "ZeroDivisionError", Exception, exception::ExcObj, B;
    overflow_error: "OverflowError", Exception, exception::ExcObj, B;
    runtime_error: "RuntimeError", Exception, exception::ExcObj, B;
    recursion_error: "RecursionError", Exception, exception::ExcObj, B;
    not_implemented_error: "NotImplementedError", Exception, exception::ExcObj, B;
    stop_iteration: "StopIteration", Exception, exception::ExcObj, B;
    stop_async_iteration: "StopAsyncIteration", Exception, exception::ExcObj, B;
    generator_exit: "GeneratorExit", Exception, exception::ExcObj, B;
    system_exit: "SystemExit", Exception, exception::ExcObj, B;
    keyboard_interrupt: "KeyboardInterrupt", Exception, exception::ExcObj, B;
    memory_error: "MemoryError", Exception, exception::ExcObj, B;
    assertion_error: "AssertionError", Exception, exception::ExcObj, B;
    import_error: "ImportError", Exception, exception::ExcObj, B;
    module_not_found_error: "ModuleNotFoundError", Exception, exception::ExcObj, B;
    os_error: "OSError", Exception, exception::ExcObj, B;
    file_not_found_error: "FileNotFoundError", Exception, exception::ExcObj, B;
    eof_error: "EOFError", Exception, exception::ExcObj, B;
    syntax_error: "SyntaxError", Exception, exception::ExcObj, B;
    indentation_error: "IndentationError", Exception, exception::ExcObj, B;
    tab_error: "TabError", Exception, exception::ExcObj, B;
    system_error: "SystemError", Exception, exception::ExcObj, B;
    unicode_error: "UnicodeError", Exception, exception::ExcObj, B;
    unicode_decode_error: "UnicodeDecodeError", Exception, exception::ExcObj, B;
    unicode_encode_error: "UnicodeEncodeError", Exception, exception::ExcObj, B;
    buffer_error: "BufferError", Exception, exception::ExcObj, B;
    warning: "Warning", Exception, exception::ExcObj, B;
    async_generator_asend: "async_generator_asend", AsyncGenAwaitable, async_generator::AgAwaitableObj, 0;
    async_generator_athrow: "async_generator_athrow", AsyncGenAwaitable, async_generator::AgAwaitableObj, 0;
    coroutine_wrapper: "coroutine_wrapper", CoroutineWrapper, coroutine_wrapper::CoroWrapperObj, 0;
    anext_awaitable: "anext_awaitable", AnextAwaitable, anext_awaitable::AnextAwaitableObj, 0;
    memoryview: "memoryview", MemoryView, memoryview::MemoryViewObj, 0;
    memory_iterator: "memory_iterator", Iterator, iterators::IterObj, 0;
    bytearray_iterator: "bytearray_iterator", Iterator, iterators::IterObj, 0;
    dict_reversekeyiterator: "dict_reversekeyiterator", Iterator, iterators::IterObj, 0;
    dict_reversevalueiterator: "dict_reversevalueiterator", Iterator, iterators::IterObj, 0;
    dict_reverseitemiterator: "dict_reverseitemiterator", Iterator, iterators::IterObj, 0;
    longrange_iterator: "longrange_iterator", Iterator, iterators::IterObj, 0;
    mappingproxy: "mappingproxy", MappingProxy, mappingproxy::MappingProxyObj, 0;
}

macro_rules! names {
    ($($field:ident),* $(,)?) => {
        /// Interned names the runtime looks up (dunders and friends).
        #[allow(non_snake_case)]
        pub struct Names {
            $(pub $field: Gc<StrObj>,)*
        }

        impl Names {
            fn new(ts: &mut ThreadState) -> Names {
                Names { $($field: intern(ts, stringify!($field)),)* }
            }

            fn trace(&self, m: &mut Marker) {
                $(m.value(self.$field.value());)*
            }

            /// A name by its text (must be one of the fields).
            pub fn get(&self, s: &str) -> Gc<StrObj> {
                match s {
                    $(stringify!($field) => self.$field,)*
                    _ => panic!("not a predefined name: {s}"),
                }
            }
        }
    };
}

names! {
    __init__, __new__, __del__, __repr__, __str__, __format__, __hash__, __eq__, __ne__, __lt__,
    __le__, __gt__, __ge__, __bool__, __len__, __getattr__, __getattribute__, __setattr__,
    __delattr__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __next__,
    __call__, __get__, __set__, __delete__, __set_name__, __init_subclass__, __class_getitem__,
    __enter__, __exit__, __add__, __radd__, __iadd__, __sub__, __rsub__, __isub__, __mul__,
    __rmul__, __imul__, __truediv__, __rtruediv__, __itruediv__, __floordiv__, __rfloordiv__,
    __ifloordiv__, __mod__, __rmod__, __imod__, __pow__, __rpow__, __ipow__, __lshift__,
    __rlshift__, __ilshift__, __rshift__, __rrshift__, __irshift__, __and__, __rand__, __iand__,
    __or__, __ror__, __ior__, __xor__, __rxor__, __ixor__, __matmul__, __rmatmul__, __imatmul__,
    __neg__, __pos__, __invert__, __abs__, __int__, __float__, __index__, __complex__, __round__,
    __trunc__, __floor__, __ceil__, __divmod__, __rdivmod__, __reversed__, __missing__,
    __instancecheck__, __subclasscheck__, __mro_entries__, __prepare__, __class__, __dict__,
    __doc__, __module__, __name__, __qualname__, __slots__, __classcell__, __annotations__,
    __builtins__, __file__, __spec__, __loader__, __package__, __path__, __all__, __main__,
    __import__, __build_class__, __debug__, __weakref__, __await__, __aiter__, __anext__,
    __aenter__, __aexit__, __cause__, __context__, __traceback__, __suppress_context__,
    __match_args__, __sizeof__, __dir__, __length_hint__, __fspath__, __bytes__, __cached__,
    __abstractmethods__, __orig_bases__, __set_item__, __origin__, __args__, __code__,
    __defaults__, __kwdefaults__, __closure__, __globals__, __func__, __self__, __wrapped__,
    __mro__, __bases__, __base__, __subclasses__, __getstate__, __reduce__, __reduce_ex__,
    __copy__, __deepcopy__, __index_check__, __sizeof_check__, __text_signature__,
    __qualname_check__, __exit_check__, __notes__, __getnewargs__, __getnewargs_ex__,
    __setstate__, __class_check__, __isabstractmethod__, __signature__, __objclass__,
    mro, send, throw, close, keys, items, values, get, append, write, flush, args, encoding,
    errors, name, obj, value, code, msg, filename, lineno, offset, text, end_lineno,
    end_offset, print_file_and_line, stdout, stderr, stdin, displayhook, excepthook, path,
    modules, argv, fileno, read, readline, isatty, buffer, closed, mode, newline, startswith,
    real, imag, start, stop, step, fget, fset, fdel, n_fields, __wrapped_check__, __new_check__,
    _abc_impl,
}

/// How `sys.flags` and friends were set by the command line.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub argv: Vec<String>,
    /// `sys.path` entries before the standard library's.
    pub path: Vec<String>,
    pub optimize: u8,
    pub unbuffered: bool,
    pub interactive: bool,
    pub inspect: bool,
    pub verbose: u8,
    pub dont_write_bytecode: bool,
    pub ignore_environment: bool,
    pub safe_path: bool,
    pub no_site: bool,
    pub quiet: bool,
    /// `-X` options.
    pub xoptions: Vec<String>,
    /// `-W` options.
    pub warnoptions: Vec<String>,
    /// The executable path (`sys.executable`).
    pub executable: String,
    /// The standard library directory, if found.
    pub stdlib: Option<String>,
}

/// A native module's initializer: fills the module's dict.
pub type NativeModuleInit = fn(&mut ThreadState, Gc<ModuleObj>) -> PyResult<()>;

/// The shared interpreter state.
pub struct Interp {
    pub types: &'static BuiltinTypes,
    pub names: &'static Names,
    pub builtins: Gc<ModuleObj>,
    pub builtins_dict: Gc<DictObj>,
    sys: OnceLock<Gc<ModuleObj>>,
    /// `sys.modules`.
    pub modules: Gc<DictObj>,
    pub empty_tuple: Gc<TupleObj>,
    pub empty_str: Gc<StrObj>,
    /// `sys.getrecursionlimit()`.
    /// `sys.get_int_max_str_digits()`.
    pub int_max_str_digits: AtomicUsize,
    /// Native modules by name (the stdlib crate registers them).
    pub native_modules: Mutex<HashMap<String, NativeModuleInit>>,
    pub config: Config,
    /// The SipHash key for str/bytes hashes (PYTHONHASHSEED).
    pub hash_key: (u64, u64),
    pub main_thread_ident: AtomicU64,
    /// Set once the interpreter is finalizing (at exit).
    pub finalizing: AtomicBool,
    /// Values native modules keep (a root list).
    global_roots: Mutex<Vec<Value>>,
}

static TYPES: AtomicPtr<BuiltinTypes> = AtomicPtr::new(std::ptr::null_mut());
static NAMES: AtomicPtr<Names> = AtomicPtr::new(std::ptr::null_mut());
static INTERP: OnceLock<Interp> = OnceLock::new();

/// The built-in types.
#[inline(always)]
pub fn types() -> &'static BuiltinTypes {
    let p = TYPES.load(Ordering::Relaxed);
    debug_assert!(!p.is_null(), "types() before Interp::init");
    // SAFETY: set once during bootstrap, before any other thread attaches
    // (thread creation orders it), to a leaked Box that is never freed.
    unsafe { &*p }
}

/// The interned common names.
#[inline(always)]
pub fn names() -> &'static Names {
    let p = NAMES.load(Ordering::Relaxed);
    debug_assert!(!p.is_null(), "names() before Interp::init");
    // SAFETY: as for `types`.
    unsafe { &*p }
}

/// The interpreter (after `Interp::init`).
#[inline]
pub fn interp() -> &'static Interp {
    match INTERP.get() {
        Some(i) => i,
        None => panic!("interp() before Interp::init"),
    }
}

pub fn try_interp() -> Option<&'static Interp> {
    INTERP.get()
}

/// The interned strings: sharded by a hash of the text, so that threads
/// interning different names (attribute names made at run time, code
/// objects being loaded) rarely meet on a lock. Names in code are interned
/// when the code is loaded and carry the interned flag, so attribute and
/// global access never looks here.
struct InternTable {
    /// Keyed by the exact text (generalized UTF-8: a str with lone
    /// surrogates is not confused with its `&str` shadow).
    shards: Box<[Mutex<HashMap<Box<[u8]>, Value>>]>,
}

const INTERN_SHARDS: usize = 64;

fn intern_table() -> &'static InternTable {
    static TABLE: OnceLock<InternTable> = OnceLock::new();
    TABLE.get_or_init(|| InternTable {
        shards: (0..INTERN_SHARDS)
            .map(|_| Mutex::new(HashMap::new()))
            .collect(),
    })
}

/// FNV-1a over a prefix of the text and its length: cheap, and only
/// spreads the load (the maps do the real hashing).
#[inline]
fn intern_spread(s: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ s.len() as u64;
    for &b in s.iter().take(24) {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl InternTable {
    #[inline]
    fn shard_of(&self, h: u64) -> &Mutex<HashMap<Box<[u8]>, Value>> {
        &self.shards[(h >> 32) as usize % INTERN_SHARDS]
    }

    #[inline]
    fn shard(&self, s: &[u8]) -> &Mutex<HashMap<Box<[u8]>, Value>> {
        self.shard_of(intern_spread(s))
    }
}

/// Entries of the per-thread front cache of [`intern`] (a power of two).
const RECENT_INTERNS: usize = 1024;

thread_local! {
    /// A direct-mapped cache of interned strs in front of the shared table,
    /// indexed by [`intern_spread`]: loading code objects interns the same
    /// names over and over (`self`, the file name, common attributes), and
    /// a hit here costs a compare instead of a lock and a SipHash. Holding
    /// the values here is safe: interned strs are immortal (the table is a
    /// GC root), and a slot only ever holds one of them or NULL.
    static RECENT: [Cell<Value>; RECENT_INTERNS] =
        const { [const { Cell::new(Value::NULL) }; RECENT_INTERNS] };
}

/// The interned str for `s` (created if needed; interned strings live for
/// the process).
pub fn intern(ts: &mut ThreadState, s: &str) -> Gc<StrObj> {
    let h = intern_spread(s.as_bytes());
    let slot = h as usize & (RECENT_INTERNS - 1);
    let cached = RECENT.with(|r| r[slot].get());
    if !cached.is_null() {
        // SAFETY: the front cache holds only interned str objects.
        let c: Gc<StrObj> = unsafe { cached.downcast_unchecked() };
        if c.as_wtf8() == s.as_bytes() {
            return c;
        }
    }
    let shard = intern_table().shard_of(h);
    let found = shard.lock().get(s.as_bytes()).copied();
    let v = match found {
        Some(v) => v,
        None => {
            // Allocate outside the lock (allocation may collect, which
            // needs every thread at a safepoint).
            let fresh = StrObj::alloc(ts, s);
            fresh.mark_interned();
            *shard
                .lock()
                .entry(s.as_bytes().into())
                .or_insert(fresh.value())
        }
    };
    RECENT.with(|r| r[slot].set(v));
    // SAFETY: interned values are str objects, immortal.
    unsafe { v.downcast_unchecked() }
}

/// Interns an existing str object: returns the canonical one.
pub fn intern_str(ts: &mut ThreadState, s: Gc<StrObj>) -> Gc<StrObj> {
    if s.is_interned() {
        return s;
    }
    let _ = ts;
    if s.header.ty() != types().str {
        // A str subclass instance is not itself interned: intern its text.
        if s.has_surrogates() {
            let text = s.as_wtf8().to_vec();
            let fresh = StrObj::alloc_wtf8(ts, types().str, &text);
            return intern_str(ts, fresh);
        }
        let text = s.as_str().to_string();
        return intern(ts, &text);
    }
    let mut tab = intern_table().shard(s.as_wtf8()).lock();
    let v = *tab.entry(s.as_wtf8().into()).or_insert_with(|| {
        s.mark_interned();
        s.value()
    });
    // SAFETY: as above.
    unsafe { v.downcast_unchecked() }
}

/// Keeps `v` alive for the rest of the process (native module state).
pub fn add_global_root(v: Value) {
    interp().global_roots.lock().push(v);
}

/// Keeps `v` alive until [`remove_global_root`] (values in transit
/// between threads: a new thread's function and arguments).
pub fn add_temp_root(v: Value) {
    interp().global_roots.lock().push(v);
}

/// Undoes one [`add_temp_root`] of `v`.
pub fn remove_global_root(v: Value) {
    let mut r = interp().global_roots.lock();
    if let Some(i) = r.iter().rposition(|&x| x == v) {
        r.swap_remove(i);
    }
}

/// The collector's interpreter roots.
pub(crate) fn trace_roots(m: &mut Marker) {
    let Some(i) = INTERP.get() else {
        return;
    };
    for (t, _) in i.types.all() {
        m.value(t.value());
    }
    for t in i.types.exceptions.lock().iter() {
        m.value(t.value());
    }
    i.names.trace(m);
    m.value(i.builtins.value());
    m.value(i.builtins_dict.value());
    if let Some(s) = i.sys.get() {
        m.value(s.value());
    }
    m.value(i.modules.value());
    m.value(i.empty_tuple.value());
    m.value(i.empty_str.value());
    for shard in intern_table().shards.iter() {
        for &v in shard.lock().values() {
            m.value(v);
        }
    }
    for &v in i.global_roots.lock().iter() {
        m.value(v);
    }
    crate::objects::instance::trace_shape_roots(m);
}

/// `sys.getrecursionlimit()`: a plain static so that every call reads it
/// with one load (threads read it; `sys.setrecursionlimit` writes it).
pub static RECURSION_LIMIT: AtomicU32 = AtomicU32::new(1000);

#[inline(always)]
pub fn recursion_limit() -> u32 {
    RECURSION_LIMIT.load(Ordering::Relaxed)
}

/// Called when memory cannot be had even after a collection.
#[cold]
pub fn fatal_out_of_memory(size: usize) -> ! {
    // Nothing here may allocate: the output buffers are flushed, the
    // message is written from a stack buffer, and the process ends.
    crate::objects::stream::flush_std_streams_raw();
    let mut buf = [0u8; 96];
    let head = b"MemoryError: out of memory allocating ";
    buf[..head.len()].copy_from_slice(head);
    let mut n = head.len();
    let mut digits = [0u8; 20];
    let mut k = 0;
    let mut x = size;
    loop {
        digits[k] = b'0' + (x % 10) as u8;
        k += 1;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    while k > 0 {
        k -= 1;
        buf[n] = digits[k];
        n += 1;
    }
    let tail = b" bytes\n";
    buf[n..n + tail.len()].copy_from_slice(tail);
    n += tail.len();
    // SAFETY: writes `n` initialized bytes of `buf` to fd 2, then ends the
    // process without running destructors (which might allocate).
    unsafe {
        libc::write(2, buf.as_ptr() as *const libc::c_void, n);
        libc::_exit(1)
    }
}

/// Signals numbered below this can be handled (Linux's `NSIG`).
pub const NSIG: usize = 65;

/// Per signal: it arrived and its handler has not run yet.
static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// Some `PENDING` flag may be set.
static ANY_PENDING: AtomicBool = AtomicBool::new(false);
/// A real signal arrived since the main thread last handled signals. A
/// blocking wait on the main thread stops for it (as a system call fails
/// with EINTR) and runs the handlers; a simulated one
/// (`_thread.interrupt_main`) does not set it and is handled at the main
/// thread's next safepoint, as in CPython, where it interrupts no wait: a
/// lock wait cut short by it would leave `threading`'s `Condition` with
/// its lock not held (`RuntimeError: release unlocked lock` on the way
/// out).
static INTERRUPTING: AtomicBool = AtomicBool::new(false);
/// `signal.set_wakeup_fd`: the descriptor the C handler writes each
/// signal's number to, or -1.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

/// Runs the Python-level handler of a signal (set by the `_signal` module;
/// without it, SIGINT raises KeyboardInterrupt and nothing else is caught).
pub type SignalDispatch = fn(&mut ThreadState, i32) -> PyResult<()>;
static DISPATCH: OnceLock<SignalDispatch> = OnceLock::new();

/// Installs the function that runs Python signal handlers.
pub fn set_signal_dispatch(f: SignalDispatch) {
    let _ = DISPATCH.set(f);
}

/// Sets the wakeup descriptor (-1: none); returns the previous one.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

/// Whether a real signal waits to be handled by the main thread (blocking
/// waits on the main thread poll this, to run handlers promptly; see
/// `INTERRUPTING`).
pub fn signal_pending() -> bool {
    INTERRUPTING.load(Ordering::Relaxed)
}

/// Runs pending signal handlers, on the main thread only (others return
/// at once): SIGINT raises KeyboardInterrupt unless `_signal` dispatches.
/// A handler's exception is returned; signals still pending then stay
/// pending for the next check, as CPython's.
pub fn handle_pending_signals(ts: &mut ThreadState) -> PyResult<()> {
    let i = interp();
    if ts.ident() != i.main_thread_ident.load(Ordering::Relaxed) {
        return Ok(());
    }
    ts.shared()
        .eval_breaker
        .fetch_and(!crate::gc::collect::BREAK_SIGNAL, Ordering::SeqCst);
    INTERRUPTING.store(false, Ordering::SeqCst);
    if !ANY_PENDING.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for sig in 1..NSIG {
        if !PENDING[sig].swap(false, Ordering::SeqCst) {
            continue;
        }
        let r = match DISPATCH.get() {
            Some(f) => f(ts, sig as i32),
            None if sig as i32 == libc::SIGINT && SIGINT_RAISES.load(Ordering::Relaxed) => {
                Err(ts.new_error_with(types().keyboard_interrupt, &[]))
            }
            None => Ok(()),
        };
        if let Err(e) = r {
            if PENDING[sig + 1..].iter().any(|p| p.load(Ordering::SeqCst)) {
                ANY_PENDING.store(true, Ordering::SeqCst);
                ts.shared()
                    .eval_breaker
                    .fetch_or(crate::gc::collect::BREAK_SIGNAL, Ordering::SeqCst);
            }
            return Err(e);
        }
    }
    Ok(())
}

static MAIN_BREAKER: AtomicPtr<AtomicU32> = AtomicPtr::new(std::ptr::null_mut());

/// SIGINT raises KeyboardInterrupt (the process did not start with it
/// ignored); consulted when no `_signal` module dispatches.
static SIGINT_RAISES: AtomicBool = AtomicBool::new(false);

/// Makes the calling thread the main thread: the one that handles
/// signals (the child of `os.fork`, where the forking thread is the only
/// one left).
pub fn become_main_thread(ts: &ThreadState) {
    interp()
        .main_thread_ident
        .store(ts.ident(), Ordering::SeqCst);
    MAIN_BREAKER.store(
        &ts.shared().eval_breaker as *const AtomicU32 as *mut AtomicU32,
        Ordering::SeqCst,
    );
}

/// Whether `b` is the main thread's eval breaker, which the SIGINT handler
/// writes to (so its thread state must never be freed).
pub(crate) fn is_main_breaker(b: &AtomicU32) -> bool {
    std::ptr::eq(MAIN_BREAKER.load(Ordering::SeqCst), b)
}

/// What `_thread.interrupt_main(signum)` does: as if `sig` had arrived
/// (its Python handler runs at the main thread's next check; nothing
/// happens if it has none).
pub fn simulate_signal(sig: i32) {
    mark_signal(sig, false);
}

/// The C-level handler of every signal with a Python handler: marks it
/// pending, asks the main thread to stop at its next safepoint (and its
/// blocking wait, if it is in one), and writes the signal number to the
/// wakeup descriptor. Async-signal-safe: atomics and write(2) only, errno
/// preserved.
pub extern "C" fn trip_signal(sig: libc::c_int) {
    mark_signal(sig, true);
}

/// `trip_signal`'s work; `real`: a signal arrived (see `INTERRUPTING`).
fn mark_signal(sig: libc::c_int, real: bool) {
    // SAFETY: errno is thread-local; read and restored around write(2).
    let saved = unsafe { *libc::__errno_location() };
    if sig > 0 && (sig as usize) < NSIG {
        PENDING[sig as usize].store(true, Ordering::SeqCst);
        ANY_PENDING.store(true, Ordering::SeqCst);
        // After ANY_PENDING: a main thread that clears this flag then
        // finds the signal pending.
        if real {
            INTERRUPTING.store(true, Ordering::SeqCst);
        }
    }
    let p = MAIN_BREAKER.load(Ordering::SeqCst);
    if !p.is_null() {
        // SAFETY: points at the main thread's eval breaker, which lives for
        // the process (ThreadShared of the main thread is never freed
        // while the handler is installed); an atomic op is signal-safe.
        unsafe { (*p).fetch_or(crate::gc::collect::BREAK_SIGNAL, Ordering::SeqCst) };
    }
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let b = sig as u8;
        // SAFETY: writes one byte from a local; write(2) is signal-safe and
        // a full or closed descriptor only makes it fail.
        unsafe { libc::write(fd, &b as *const u8 as *const libc::c_void, 1) };
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved };
}

impl Interp {
    /// Creates the interpreter on the calling (main) thread.
    pub fn init(ts: &mut ThreadState, config: Config) -> &'static Interp {
        if let Some(i) = INTERP.get() {
            return i;
        }
        let tys: &'static BuiltinTypes = Box::leak(Box::new(BuiltinTypes::alloc_shells(ts)));
        for (t, _) in tys.all() {
            t.header.set_ty(tys.type_);
        }
        TYPES.store(
            tys as *const BuiltinTypes as *mut BuiltinTypes,
            Ordering::Release,
        );
        let nm: &'static Names = Box::leak(Box::new(Names::new(ts)));
        NAMES.store(nm as *const Names as *mut Names, Ordering::Release);
        crate::objects::init_builtin_types(ts, tys);

        let empty_tuple = TupleObj::new(ts, &[]);
        let empty_str = StrObj::alloc(ts, "");
        let modules = DictObj::new(ts);
        let builtins = crate::builtins::make_module(ts);
        let builtins_dict = builtins.dict();
        // `__debug__` is false under -O.
        builtins_dict.set_item_str(ts, "__debug__", Value::from_bool(config.optimize == 0));
        let hash_key = crate::hash::key();
        let built = Interp {
            types: tys,
            names: nm,
            builtins,
            builtins_dict,
            sys: OnceLock::new(),
            modules,
            empty_tuple,
            empty_str,
            int_max_str_digits: AtomicUsize::new(4300),
            native_modules: Mutex::new(HashMap::new()),
            config,
            hash_key,
            main_thread_ident: AtomicU64::new(ts.ident()),
            finalizing: AtomicBool::new(false),
            global_roots: Mutex::new(Vec::new()),
        };
        let _ = INTERP.set(built);
        let i = interp();
        // sys needs the interpreter (config, modules).
        let sys = crate::sys::make_module(ts);
        let _ = i.sys.set(sys);
        i.modules.set_item_str(ts, "builtins", builtins.value());
        i.modules.set_item_str(ts, "sys", sys.value());
        MAIN_BREAKER.store(
            &ts.shared().eval_breaker as *const AtomicU32 as *mut AtomicU32,
            Ordering::SeqCst,
        );
        // As CPython: SIGINT raises KeyboardInterrupt unless the process
        // started with it ignored (`nohup`, a shell's background job),
        // which is left as it is.
        // SAFETY: reads the current action into a local, then installs a
        // handler that only touches atomics.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            let ignored = libc::sigaction(libc::SIGINT, std::ptr::null(), &mut sa) == 0
                && sa.sa_sigaction == libc::SIG_IGN;
            if !ignored {
                libc::signal(libc::SIGINT, trip_signal as *const () as libc::sighandler_t);
                SIGINT_RAISES.store(true, Ordering::Relaxed);
            }
        }
        crate::gc::collect::GC_READY.store(true, Ordering::Release);
        i
    }

    /// The `sys` module.
    pub fn sys(&self) -> Gc<ModuleObj> {
        match self.sys.get() {
            Some(&s) => s,
            None => panic!("sys before init"),
        }
    }

    /// The `sys` module, if it has been made (start-up makes it early).
    pub fn try_sys(&self) -> Option<Gc<ModuleObj>> {
        self.sys.get().copied()
    }

    /// Registers a native module (the stdlib crate calls this at start-up).
    pub fn register_native_module(&self, name: &str, init: NativeModuleInit) {
        self.native_modules.lock().insert(name.to_string(), init);
    }
}
