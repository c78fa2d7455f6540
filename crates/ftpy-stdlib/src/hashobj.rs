//! The hash object shared by `_md5`, `_sha1`, `_sha256`, `_sha512`,
//! `_sha3` and `_blake2` (not a module itself): `update`, `digest`,
//! `hexdigest`, `copy`, `name`, `digest_size`, `block_size`, over any
//! [`HashState`] (a RustCrypto hasher).
//!
//! The hasher sits behind the object's own mutex. Big updates run
//! detached from the collector (as CPython releases the GIL for them), so
//! hashing a large buffer never holds up a collection; a thread that finds
//! the mutex taken waits for it detached too. The data hashed while
//! detached is either a `bytes` object's own storage (immutable, kept
//! alive by the caller's frame) or a private copy.

use parking_lot::{Mutex, MutexGuard};
use std::sync::OnceLock;

use ftpy_vm::gc::Marker;
use ftpy_vm::interp::add_global_root;
use ftpy_vm::objects::bytes::{self, BytesObj};
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, data_of, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, NewFn, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method, GetterFn, MethodDef};
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

pub(crate) type Kw = Option<Gc<TupleObj>>;

/// Updates at least this big run detached from the collector.
const DETACH_AT: usize = 64 * 1024;

/// A hash function's running state.
pub(crate) trait HashState: Clone + Send + 'static {
    fn update(&mut self, data: &[u8]);
    /// The digest of the data so far; `len` is the object's digest size
    /// (or the requested length, for an extendable-output function).
    fn finish(self, len: usize) -> Vec<u8>;
}

/// Implements [`HashState`] for fixed-size RustCrypto hashers.
macro_rules! fixed_state {
    ($($t:ty),*) => {
        $(
            impl $crate::hashobj::HashState for $t {
                fn update(&mut self, data: &[u8]) {
                    sha2::Digest::update(self, data);
                }
                fn finish(self, _len: usize) -> Vec<u8> {
                    sha2::Digest::finalize(self).to_vec()
                }
            }
        )*
    };
}
pub(crate) use fixed_state;

/// A hash object's data.
pub(crate) struct HashObj<S: HashState> {
    /// Boxed: some hashers want more alignment than a heap object gives.
    state: Mutex<Box<S>>,
    pub(crate) info: &'static HashInfo,
    /// The digest size of this object (blake2 objects choose theirs).
    pub(crate) digest_size: usize,
}

// SAFETY: holds no Values.
unsafe impl<S: HashState> NativeData for HashObj<S> {
    fn trace(&self, _m: &mut Marker) {}
}

/// What is fixed for every object of one hash type.
pub(crate) struct HashInfo {
    /// `name` (`sha256`).
    pub name: &'static str,
    pub block_size: usize,
    /// An extendable-output function: `digest(length)`.
    pub xof: bool,
    /// The type, once made.
    pub ty: OnceLock<Gc<TypeObj>>,
}

impl HashInfo {
    pub const fn new(name: &'static str, block_size: usize, xof: bool) -> HashInfo {
        HashInfo {
            name,
            block_size,
            xof,
            ty: OnceLock::new(),
        }
    }
}

impl<S: HashState> HashObj<S> {
    /// Locks the state; waits detached if another thread holds it.
    fn lock(&self, ts: &mut ThreadState) -> MutexGuard<'_, Box<S>> {
        if let Some(g) = self.state.try_lock() {
            return g;
        }
        ts.allow_threads(|| self.state.lock())
    }

    fn feed(&self, ts: &mut ThreadState, data: &[u8]) {
        if data.len() >= DETACH_AT {
            ts.allow_threads(|| self.state.lock().update(data));
        } else {
            self.lock(ts).update(data);
        }
    }

    fn snapshot(&self, ts: &mut ThreadState) -> S {
        S::clone(&self.lock(ts))
    }
}

/// A new hash object of `info`'s type (or `cls`, a subclass) holding `state`.
pub(crate) fn new_object<S: HashState>(
    ts: &mut ThreadState,
    info: &'static HashInfo,
    cls: Option<Gc<TypeObj>>,
    state: S,
    digest_size: usize,
) -> PyResult<Value> {
    let Some(cls) = cls.or_else(|| info.ty.get().copied()) else {
        return Err(ts.system_error("hash type not initialized"));
    };
    let data = HashObj {
        state: Mutex::new(Box::new(state)),
        info,
        digest_size,
    };
    Ok(NativeObj::new(ts, cls, data).value())
}

/// A new object of `info`'s type fed with `data` (the constructors'
/// first argument; NULL when not given).
pub(crate) fn construct<S: HashState>(
    ts: &mut ThreadState,
    info: &'static HashInfo,
    cls: Option<Gc<TypeObj>>,
    state: S,
    digest_size: usize,
    data: Value,
) -> PyResult<Value> {
    let buf = match data.non_null() {
        Some(d) => Some(buffer_or_bytes(ts, d)?),
        None => None,
    };
    let o = new_object(ts, info, cls, state, digest_size)?;
    if let (Some(buf), Some(h)) = (buf, data_of::<HashObj<S>>(o)) {
        h.feed(ts, buf.as_ref());
    }
    Ok(o)
}

/// The bytes of `v`: a `bytes` object's own storage, else a copy.
fn buffer_or_bytes(ts: &mut ThreadState, v: Value) -> PyResult<std::borrow::Cow<'static, [u8]>> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Ok(std::borrow::Cow::Borrowed(b.obj().as_bytes()));
    }
    Ok(std::borrow::Cow::Owned(buffer_arg(ts, v)?))
}

/// Feeds `data` (a bytes-like object, as CPython's hash objects take it).
pub(crate) fn update_with<S: HashState>(
    ts: &mut ThreadState,
    h: &HashObj<S>,
    data: Value,
) -> PyResult<()> {
    let buf = buffer_or_bytes(ts, data)?;
    h.feed(ts, &buf);
    Ok(())
}

/// The bytes of a bytes-like argument, with hashlib's errors.
pub(crate) fn buffer_arg(ts: &mut ThreadState, v: Value) -> PyResult<Vec<u8>> {
    if v.downcast::<StrObj>().is_some() {
        return Err(ts.type_error("Strings must be encoded before hashing"));
    }
    match bytes::buffer_bytes(ts, v)? {
        Some(b) => Ok(b.into_owned()),
        None => Err(ts.type_error("object supporting the buffer API required")),
    }
}

fn obj<S: HashState>(ts: &mut ThreadState, v: Value) -> PyResult<&'static HashObj<S>> {
    match data_of::<HashObj<S>>(v) {
        Some(h) => Ok(h),
        None => Err(ts.type_error(format!(
            "descriptor requires a hash object, not '{}'",
            type_name(v)
        ))),
    }
}

fn nkw(kw: Kw) -> usize {
    kw.map(|k| k.len()).unwrap_or(0)
}

/// `name.meth() takes no arguments (N given)`, as METH_NOARGS.
fn no_args(ts: &mut ThreadState, v: Value, meth: &str, args: &[Value], kw: Kw) -> PyResult<()> {
    let tn = type_name(v);
    if nkw(kw) > 0 {
        return Err(ts.type_error(format!("{tn}.{meth}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(ts.type_error(format!(
            "{tn}.{meth}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(())
}

/// One positional argument, as METH_O.
fn one_arg(ts: &mut ThreadState, v: Value, meth: &str, args: &[Value], kw: Kw) -> PyResult<Value> {
    let tn = type_name(v);
    if nkw(kw) > 0 {
        return Err(ts.type_error(format!("{tn}.{meth}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(ts.type_error(format!(
            "{tn}.{meth}() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    Ok(args[1])
}

fn m_update<S: HashState>(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = args[0];
    let data = one_arg(ts, v, "update", args, kw)?;
    let h = obj::<S>(ts, v)?;
    update_with(ts, h, data)?;
    Ok(Value::NONE)
}

/// The XOF length argument (`shake_128.digest(length)`).
fn xof_length(
    ts: &mut ThreadState,
    v: Value,
    meth: &str,
    args: &[Value],
    kw: Kw,
) -> PyResult<usize> {
    let n = one_arg(ts, v, meth, args, kw)?;
    if !ftpy_vm::objects::int::is_int(n) {
        return Err(ts.type_error("an integer is required"));
    }
    let n = ftpy_vm::objects::int::to_i64_saturating(n);
    if n < 0 {
        return Err(ts.value_error("value must be positive"));
    }
    if n >= 1 << 29 {
        return Err(ts.value_error("length is too large"));
    }
    Ok(n as usize)
}

fn digest_bytes<S: HashState>(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    meth: &str,
) -> PyResult<Vec<u8>> {
    let v = args[0];
    let h = obj::<S>(ts, v)?;
    let len = if h.info.xof {
        xof_length(ts, v, meth, args, kw)?
    } else {
        no_args(ts, v, meth, args, kw)?;
        h.digest_size
    };
    let s = h.snapshot(ts);
    Ok(s.finish(len))
}

fn m_digest<S: HashState>(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = digest_bytes::<S>(ts, args, kw, "digest")?;
    Ok(BytesObj::new(ts, &d))
}

fn m_hexdigest<S: HashState>(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = digest_bytes::<S>(ts, args, kw, "hexdigest")?;
    let mut s = String::with_capacity(d.len() * 2);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    Ok(StrObj::new(ts, &s))
}

fn m_copy<S: HashState>(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = args[0];
    no_args(ts, v, "copy", args, kw)?;
    let h = obj::<S>(ts, v)?;
    let s = h.snapshot(ts);
    new_object(ts, h.info, Some(type_of(v)), s, h.digest_size)
}

fn g_name<S: HashState>(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let h = obj::<S>(ts, v)?;
    Ok(StrObj::new(ts, h.info.name))
}

fn g_digest_size<S: HashState>(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let h = obj::<S>(ts, v)?;
    let n = if h.info.xof { 0 } else { h.digest_size };
    Ok(Value::small_int_unchecked(n as i64))
}

fn g_block_size<S: HashState>(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let h = obj::<S>(ts, v)?;
    Ok(Value::small_int_unchecked(h.info.block_size as i64))
}

/// Makes the hash type for `info` (named after it, in `module`): its
/// methods and attributes, `new` as its constructor if it has one (sha3,
/// blake2), `extra` getters and methods. Registers it in `module` as
/// `attr` when given.
#[allow(clippy::too_many_arguments)]
pub(crate) fn make_type<S: HashState>(
    ts: &mut ThreadState,
    m: Gc<ModuleObj>,
    info: &'static HashInfo,
    module: &str,
    attr: Option<&str>,
    new: Option<NewFn>,
    extra_getters: &[(&'static str, GetterFn)],
    extra_methods: &[MethodDef],
) -> Gc<TypeObj> {
    let t = native::new_type::<HashObj<S>>(ts, info.name, module, None, false);
    if let Some(n) = new {
        t.slots.new.set(Some(n));
    }
    add_methods(
        ts,
        t,
        &[
            method("update", m_update::<S>),
            method("digest", m_digest::<S>),
            method("hexdigest", m_hexdigest::<S>),
            method("copy", m_copy::<S>),
        ],
    );
    add_methods(ts, t, extra_methods);
    add_getset(ts, t, "name", g_name::<S>, None);
    add_getset(ts, t, "digest_size", g_digest_size::<S>, None);
    add_getset(ts, t, "block_size", g_block_size::<S>, None);
    for &(name, g) in extra_getters {
        add_getset(ts, t, name, g, None);
    }
    native::finish_type(ts, t);
    add_global_root(t.value());
    let _ = info.ty.set(t);
    if let Some(a) = attr {
        m.set_attr(ts, a, t.value());
    }
    t
}
