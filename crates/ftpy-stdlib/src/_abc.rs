//! `_abc`: the native core of `abc.ABCMeta` (registration, and the
//! `isinstance`/`issubclass` checks with their caches), replacing
//! `_py_abc`.
//!
//! # State
//! Each ABC has an `_abc_impl` attribute, an `_abc._abc_data` object with
//! three weak sets of classes: the registry (virtual subclasses), the
//! positive cache and the negative cache, plus the value of the global
//! invalidation counter when the negative cache was last valid. A weak set
//! maps the class's address to a weak reference to it: a hit counts only
//! while that reference still points at the class (a dead class's address
//! may be reused by a new one). `register` bumps the global counter, which
//! voids every negative cache.
//!
//! # Threads
//! There is no global lock: each `_abc_data` has its own mutex, held only
//! to read or update its sets (never while calling `__subclasshook__`,
//! `issubclass` or anything else that runs Python code, and never while
//! allocating: weak references are made before the lock is taken). Two
//! threads checking the same class at once may both compute the answer
//! and both cache it; the answer is the same.
//!
//! The checks that hit a cache do not take the mutex: each `_abc_data`
//! also has a small direct-mapped front of its positive and negative
//! caches, slots holding the same weak references, written under the
//! mutex and read without it (threads running `isinstance(x, Mapping)`
//! at once write no shared memory). The negative front counts only while
//! its version equals the global invalidation counter; it is cleared
//! before its version is published, so a reader that sees the current
//! version sees no entry from an older one.
//!
//! A miss in both fronts needs the lock only when a front may have left a
//! class of its set out (two classes on one slot: the `*_complete`
//! flags), and a check that ends in the registry (`tuple` against
//! `Sequence`, answered from the registry every time as in CPython) reads
//! the registry's own front first: checks that keep missing the caches
//! take no lock either.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::OnceLock;

use parking_lot::Mutex;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec, Slot};
use ftpy_vm::interp::{self, add_global_root, types};
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::set::SetObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{tflags, type_of, TypeObj};
use ftpy_vm::objects::{int, weakref};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// Bumped by every `register`: negative caches older than it are void.
static INVALIDATION: AtomicU64 = AtomicU64::new(0);

static DATA_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();

/// CPython's `Py_TPFLAGS_SEQUENCE` and `Py_TPFLAGS_MAPPING`, the values
/// `collections.abc` puts in `__abc_tpflags__`.
const ABC_SEQUENCE: i64 = 1 << 5;
const ABC_MAPPING: i64 = 1 << 6;

/// Classes held weakly: address -> weak reference object.
#[derive(Default)]
struct WeakSet {
    map: HashMap<usize, Value>,
}

impl WeakSet {
    fn contains(&self, cls: Value) -> bool {
        match self.map.get(&cls.addr_unchecked()) {
            Some(&w) => referent(w) == Some(cls),
            None => false,
        }
    }

    /// Adds `cls` through `wr`, a weak reference to it made beforehand.
    fn insert(&mut self, cls: Value, wr: Value) {
        if self.map.len() >= 64 && self.map.len().is_power_of_two() {
            self.map.retain(|_, w| referent(*w).is_some());
        }
        self.map.insert(cls.addr_unchecked(), wr);
    }

    /// The classes still alive.
    fn alive(&self, out: &mut RootedVec) {
        for &w in self.map.values() {
            if let Some(c) = referent(w) {
                out.push(c);
            }
        }
    }

    /// The weak references whose class is still alive.
    fn alive_refs(&self, out: &mut RootedVec) {
        for &w in self.map.values() {
            if referent(w).is_some() {
                out.push(w);
            }
        }
    }
}

fn referent(w: Value) -> Option<Value> {
    w.downcast::<weakref::WeakRefObj>().and_then(|r| r.get())
}

struct Sets {
    registry: WeakSet,
    cache: WeakSet,
    negative: WeakSet,
    negative_version: u64,
}

/// Entries in each lock-free front cache.
const FRONT: usize = 16;

struct AbcData {
    sets: Mutex<Sets>,
    /// Weak references to classes known to be subclasses (lock-free
    /// front of `sets.cache`).
    front_pos: [Slot; FRONT],
    /// Weak references to classes known not to be (front of
    /// `sets.negative`), valid while `front_neg_version` equals
    /// `INVALIDATION`.
    front_neg: [Slot; FRONT],
    front_neg_version: AtomicU64,
    /// Weak references to classes in the registry (lock-free front of
    /// `sets.registry`, for the direct-registration check, which CPython
    /// answers from the registry every time instead of caching it).
    front_reg: [Slot; FRONT],
    /// Every class in `sets.cache` is in `front_pos` (none was left out
    /// for a collision): a miss in the front is a miss in the set, and
    /// the check need not take the lock to find out.
    pos_complete: AtomicBool,
    /// The same for `sets.negative` and `front_neg`.
    neg_complete: AtomicBool,
}

/// The front-cache entry of a class.
fn front_index(cls: Value) -> usize {
    let a = cls.addr_unchecked();
    ((a >> 4) ^ (a >> 10)) & (FRONT - 1)
}

/// Whether `front[front_index(cls)]` names `cls` (reads only).
fn front_has(front: &[Slot; FRONT], cls: Value) -> bool {
    let w = front[front_index(cls)].get();
    !w.is_null() && referent(w) == Some(cls)
}

// SAFETY: traces every weak reference object the sets hold (the classes
// themselves are held weakly, through them). The collector reads the sets
// with the world stopped, when no thread is inside the lock (it is never
// held across a safepoint).
unsafe impl NativeData for AbcData {
    fn trace(&self, m: &mut Marker) {
        // SAFETY: see above; no thread holds the lock at a safepoint.
        let s = unsafe { &*self.sets.data_ptr() };
        let fronts = self.front_pos.iter().chain(self.front_neg.iter());
        for slot in fronts.chain(self.front_reg.iter()) {
            m.value(slot.get());
        }
        for set in [&s.registry, &s.cache, &s.negative] {
            for &w in set.map.values() {
                m.value(w);
            }
        }
    }
}

/// Which set an update goes to.
#[derive(Clone, Copy)]
enum Which {
    Registry,
    Cache,
    Negative,
}

impl AbcData {
    /// Adds `cls` to a set (the weak reference is made before the lock).
    fn add(&self, ts: &mut ThreadState, which: Which, cls: Value) -> PyResult<()> {
        let wr = weakref::new_weakref(ts, types().weakref, cls, Value::NONE)?;
        let mut s = self.sets.lock();
        let set = match which {
            Which::Registry => &mut s.registry,
            Which::Cache => &mut s.cache,
            Which::Negative => &mut s.negative,
        };
        set.insert(cls, wr.value());
        // A class the front has no room for makes the front incomplete
        // (after it is in the set: a reader that finds the flag still set
        // computes the answer itself, which is the same).
        match which {
            Which::Registry => {}
            Which::Cache => {
                if !AbcData::fill_front(&self.front_pos, cls, wr.value()) {
                    self.pos_complete.store(false, Ordering::Release);
                }
            }
            Which::Negative => {
                if !AbcData::fill_front(&self.front_neg, cls, wr.value()) {
                    self.neg_complete.store(false, Ordering::Release);
                }
            }
        }
        drop(s);
        Ok(())
    }

    /// Fills `front[front_index(cls)]` with `wr` (a weak reference to
    /// `cls` held by the matching set) unless it names a live class
    /// already: a collision does not make two classes take turns writing
    /// the slot. Whether the slot names `cls` now. Lock held.
    fn fill_front(front: &[Slot; FRONT], cls: Value, wr: Value) -> bool {
        let slot = &front[front_index(cls)];
        let w = slot.get();
        if w.is_null() {
            slot.set(wr);
            return true;
        }
        match referent(w) {
            None => {
                slot.set(wr);
                true
            }
            Some(c) => c == cls,
        }
    }

    /// Whether neither cache can hold a class its front does not show:
    /// both fronts complete, the negative one current.
    fn fronts_tell_all(&self) -> bool {
        self.pos_complete.load(Ordering::Acquire)
            && self.neg_complete.load(Ordering::Acquire)
            && self.front_neg_version.load(Ordering::Acquire)
                == INVALIDATION.load(Ordering::Acquire)
    }

    /// Whether `cls` is in the positive cache, without the lock.
    fn cached_yes(&self, cls: Value) -> bool {
        front_has(&self.front_pos, cls)
    }

    /// Whether `cls` is in the current negative cache, without the lock.
    fn cached_no(&self, cls: Value) -> bool {
        self.front_neg_version.load(Ordering::Acquire) == INVALIDATION.load(Ordering::Acquire)
            && front_has(&self.front_neg, cls)
    }

    /// Empties the negative cache and makes it valid as of `version`.
    /// Lock held (`s` is the guarded sets).
    fn reset_negative(&self, s: &mut Sets, version: u64) {
        s.negative.map.clear();
        s.negative_version = version;
        for slot in &self.front_neg {
            slot.set(Value::NULL);
        }
        self.neg_complete.store(true, Ordering::Release);
        self.front_neg_version.store(version, Ordering::Release);
    }

    /// Empties the positive cache. Lock held.
    fn reset_positive(&self, s: &mut Sets) {
        s.cache.map.clear();
        for slot in &self.front_pos {
            slot.set(Value::NULL);
        }
        self.pos_complete.store(true, Ordering::Release);
    }
}

/// `cls._abc_impl`, which must be an `_abc_data`.
fn impl_of(ts: &mut ThreadState, cls: Value) -> PyResult<&'static AbcData> {
    let name = interp::names()._abc_impl;
    let v = match cls.downcast::<TypeObj>() {
        Some(t) if type_of(cls) == types().type_ => match t.lookup(name) {
            Some(v) => v,
            None => ops::getattr(ts, cls, name)?,
        },
        _ => ops::getattr(ts, cls, name)?,
    };
    let is_data = DATA_TYPE.get().is_some_and(|&t| type_of(v) == t);
    match native::data_of::<AbcData>(v) {
        Some(d) if is_data => Ok(d),
        _ => Err(ts.type_error("_abc_impl is set to a wrong type")),
    }
}

fn is_abstract(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    match ops::getattr_str_opt(ts, v, "__isabstractmethod__")? {
        Some(a) => ops::truthy(ts, a),
        None => Ok(false),
    }
}

/// Sets `cls.__abstractmethods__`: the abstract members of its own
/// namespace, and those of its bases' `__abstractmethods__` it has not
/// overridden.
fn compute_abstract_methods(ts: &mut ThreadState, cls: Value) -> PyResult<()> {
    let abstracts = SetObj::new(ts, types().frozenset);
    let dict_name = interp::intern(ts, "__dict__");
    let ns = ops::getattr(ts, cls, dict_name)?;
    let keys_fn = interp::intern(ts, "keys");
    let keys = ops::call_method(ts, ns, keys_fn, &[])?;
    let keys = ops::collect(ts, keys)?;
    for i in 0..keys.len() {
        let k = keys[i];
        let v = ops::getitem(ts, ns, k)?;
        if is_abstract(ts, v)? {
            abstracts.add(ts, k)?;
        }
    }
    let bases = ops::getattr_str_opt(ts, cls, "__bases__")?.unwrap_or(Value::NONE);
    let Some(bases) = bases.downcast::<TupleObj>() else {
        return Err(ts.type_error("__bases__ is not tuple"));
    };
    for &b in bases.items() {
        let Some(base_abstracts) = ops::getattr_str_opt(ts, b, "__abstractmethods__")? else {
            continue;
        };
        let names = ops::collect(ts, base_abstracts)?;
        for i in 0..names.len() {
            let k = names[i];
            let Some(kname) = k.downcast::<StrObj>() else {
                return Err(ts.type_error(format!(
                    "attribute name must be string, not '{}'",
                    ftpy_vm::objects::typeobj::type_name(k)
                )));
            };
            let v = match ops::getattr(ts, cls, kname) {
                Ok(v) => v,
                Err(e) if e.matches(types().attribute_error) => continue,
                Err(e) => return Err(e),
            };
            if is_abstract(ts, v)? {
                abstracts.add(ts, k)?;
            }
        }
    }
    ops::setattr_str(ts, cls, "__abstractmethods__", abstracts.value())
}

fn abc_init(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_abc._abc_init(self, /)");
    let [cls] = SIG.bind(ts, args, kw)?;
    compute_abstract_methods(ts, cls)?;
    let Some(&dt) = DATA_TYPE.get() else {
        return Err(ts.system_error("_abc is not initialized"));
    };
    let data = NativeObj::new(
        ts,
        dt,
        AbcData {
            sets: Mutex::new(Sets {
                registry: WeakSet::default(),
                cache: WeakSet::default(),
                negative: WeakSet::default(),
                negative_version: INVALIDATION.load(Ordering::SeqCst),
            }),
            front_pos: std::array::from_fn(|_| Slot::new(Value::NULL)),
            front_neg: std::array::from_fn(|_| Slot::new(Value::NULL)),
            front_neg_version: AtomicU64::new(INVALIDATION.load(Ordering::SeqCst)),
            front_reg: std::array::from_fn(|_| Slot::new(Value::NULL)),
            pos_complete: AtomicBool::new(true),
            neg_complete: AtomicBool::new(true),
        },
    );
    ops::setattr_str(ts, cls, "_abc_impl", data.value())?;
    // `collections.abc` marks Sequence and Mapping for `match`.
    if let Some(t) = cls.downcast::<TypeObj>() {
        let d = t.dict();
        if let Some(flags) = d.get_str_text("__abc_tpflags__") {
            if int::is_int(flags) {
                let f = int::to_i64_saturating(flags);
                set_collection_flags(t, f);
            }
            let k = interp::intern(ts, "__abc_tpflags__");
            d.del_item_opt(ts, k.value())?;
            t.modified();
        }
    }
    Ok(Value::NONE)
}

fn set_collection_flags(t: Gc<TypeObj>, f: i64) {
    if f & ABC_SEQUENCE != 0 {
        t.set_flag(tflags::SEQUENCE);
    }
    if f & ABC_MAPPING != 0 {
        t.set_flag(tflags::MAPPING);
    }
}

/// Gives `t` and its subclasses (recursively) the collection flag of a
/// Sequence/Mapping ABC it was registered with, unless it has one.
fn set_collection_flag_recursive(ts: &mut ThreadState, t: Gc<TypeObj>, flag: u32) -> PyResult<()> {
    if t.has_flag(tflags::SEQUENCE) || t.has_flag(tflags::MAPPING) {
        return Ok(());
    }
    t.set_flag(flag);
    let subs = call_attr(ts, t.value(), "__subclasses__", &[])?;
    let subs = ops::collect(ts, subs)?;
    for i in 0..subs.len() {
        if let Some(s) = subs[i].downcast::<TypeObj>() {
            set_collection_flag_recursive(ts, s, flag)?;
        }
    }
    Ok(())
}

fn is_type(v: Value) -> bool {
    v.downcast::<TypeObj>().is_some()
}

fn abc_register(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_abc_register(self, subclass, /)");
    let [cls, sub] = SIG.bind(ts, args, kw)?;
    if !is_type(sub) {
        return Err(ts.type_error("Can only register classes"));
    }
    if ops::issubclass(ts, sub, cls)? {
        return Ok(sub);
    }
    if ops::issubclass(ts, cls, sub)? {
        return Err(ts.runtime_error("Refusing to create an inheritance cycle"));
    }
    let data = impl_of(ts, cls)?;
    data.add(ts, Which::Registry, sub)?;
    INVALIDATION.fetch_add(1, Ordering::SeqCst);
    if let (Some(c), Some(s)) = (cls.downcast::<TypeObj>(), sub.downcast::<TypeObj>()) {
        for f in [tflags::SEQUENCE, tflags::MAPPING] {
            if c.has_flag(f) {
                set_collection_flag_recursive(ts, s, f)?;
                break;
            }
        }
    }
    Ok(sub)
}

/// `obj.name(*args)` through a full attribute lookup (a class may shadow
/// its metaclass's method with anything, as `PyObject_CallMethod`).
fn call_attr(ts: &mut ThreadState, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let n = interp::intern(ts, name);
    let f = ops::getattr(ts, obj, n)?;
    ops::call(ts, f, args, None)
}

fn call1(ts: &mut ThreadState, obj: Value, name: &str, arg: Value) -> PyResult<Value> {
    call_attr(ts, obj, name, &[arg])
}

/// `obj.name(arg)` for an interned name.
fn call_name1(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>, arg: Value) -> PyResult<Value> {
    let f = ops::getattr(ts, obj, name)?;
    ops::call(ts, f, &[arg], None)
}

fn abc_instancecheck(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_abc_instancecheck(self, instance, /)");
    let [cls, inst] = SIG.bind(ts, args, kw)?;
    let data = impl_of(ts, cls)?;
    let sub = ops::getattr(ts, inst, interp::names().__class__)?;
    if data.cached_yes(sub) {
        return Ok(Value::TRUE);
    }
    let check = interp::names().__subclasscheck__;
    let subtype = type_of(inst).value();
    if subtype == sub {
        if data.cached_no(sub) {
            return Ok(Value::FALSE);
        }
        return call_name1(ts, cls, check, sub);
    }
    let r = call_name1(ts, cls, check, sub)?;
    if ops::truthy(ts, r)? {
        return Ok(r);
    }
    call_name1(ts, cls, check, subtype)
}

fn abc_subclasscheck(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_abc_subclasscheck(self, subclass, /)");
    let [cls, sub] = SIG.bind(ts, args, kw)?;
    let Some(sub_t) = sub.downcast::<TypeObj>() else {
        return Err(ts.type_error("issubclass() arg 1 must be a class"));
    };
    let data = impl_of(ts, cls)?;
    // 1. The positive cache; 2. the negative one, unless it is stale
    //    (first their lock-free fronts).
    if data.cached_yes(sub) {
        return Ok(Value::TRUE);
    }
    if data.cached_no(sub) {
        return Ok(Value::FALSE);
    }
    if !data.fronts_tell_all() {
        let mut s = data.sets.lock();
        if s.cache.contains(sub) {
            AbcData::fill_front(&data.front_pos, sub, s.cache.map[&sub.addr_unchecked()]);
            return Ok(Value::TRUE);
        }
        let now = INVALIDATION.load(Ordering::SeqCst);
        if s.negative_version < now {
            data.reset_negative(&mut s, now);
        } else if s.negative.contains(sub) {
            if data.front_neg_version.load(Ordering::Acquire) == s.negative_version {
                AbcData::fill_front(&data.front_neg, sub, s.negative.map[&sub.addr_unchecked()]);
            }
            return Ok(Value::FALSE);
        }
    }
    // 3. The subclass hook.
    let ok = call1(ts, cls, "__subclasshook__", sub)?;
    if ok == Value::TRUE {
        data.add(ts, Which::Cache, sub)?;
        return Ok(Value::TRUE);
    }
    if ok == Value::FALSE {
        data.add(ts, Which::Negative, sub)?;
        return Ok(Value::FALSE);
    }
    if ok != Value::NOT_IMPLEMENTED {
        return Err(ts.assertion_error(
            "__subclasshook__ must return either False, True, or NotImplemented",
        ));
    }
    // 4. A direct subclass.
    if sub_t.mro_tuple().items().contains(&cls) {
        data.add(ts, Which::Cache, sub)?;
        return Ok(Value::TRUE);
    }
    // 5. A registered class (answered without caching, as CPython), or a
    //    subclass of one.
    if front_has(&data.front_reg, sub) {
        return Ok(Value::TRUE);
    }
    let mut registered = RootedVec::new(ts);
    {
        let s = data.sets.lock();
        if s.registry.contains(sub) {
            AbcData::fill_front(&data.front_reg, sub, s.registry.map[&sub.addr_unchecked()]);
            return Ok(Value::TRUE);
        }
        s.registry.alive(&mut registered);
    }
    for i in 0..registered.len() {
        let r = registered[i];
        if ops::issubclass(ts, sub, r)? {
            data.add(ts, Which::Cache, sub)?;
            return Ok(Value::TRUE);
        }
    }
    // 6. A subclass of a subclass.
    let subs = call_attr(ts, cls, "__subclasses__", &[])?;
    let subs = ops::collect(ts, subs)?;
    for i in 0..subs.len() {
        let s = subs[i];
        if ops::issubclass(ts, sub, s)? {
            data.add(ts, Which::Cache, sub)?;
            return Ok(Value::TRUE);
        }
    }
    // 7. Not a subclass.
    data.add(ts, Which::Negative, sub)?;
    Ok(Value::FALSE)
}

fn get_cache_token(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_abc.get_cache_token()");
    SIG.bind::<0>(ts, args, kw)?;
    let n = INVALIDATION.load(Ordering::SeqCst);
    Ok(int::int_from_i64(ts, n as i64))
}

fn weak_set_value(ts: &mut ThreadState, refs: &RootedVec) -> PyResult<Value> {
    let s = SetObj::new(ts, types().set);
    for i in 0..refs.len() {
        let w = refs[i];
        s.add(ts, w)?;
    }
    Ok(s.value())
}

fn get_dump(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_get_dump(self, /)");
    let [cls] = SIG.bind(ts, args, kw)?;
    let data = impl_of(ts, cls)?;
    let mut reg = RootedVec::new(ts);
    let mut cache = RootedVec::new(ts);
    let mut neg = RootedVec::new(ts);
    let version = {
        let s = data.sets.lock();
        s.registry.alive_refs(&mut reg);
        s.cache.alive_refs(&mut cache);
        s.negative.alive_refs(&mut neg);
        s.negative_version
    };
    let a = weak_set_value(ts, &reg)?;
    let b = weak_set_value(ts, &cache)?;
    let c = weak_set_value(ts, &neg)?;
    let v = int::int_from_i64(ts, version as i64);
    Ok(TupleObj::new(ts, &[a, b, c, v]).value())
}

fn reset_registry(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_reset_registry(self, /)");
    let [cls] = SIG.bind(ts, args, kw)?;
    let data = impl_of(ts, cls)?;
    let mut s = data.sets.lock();
    s.registry.map.clear();
    for slot in &data.front_reg {
        slot.set(Value::NULL);
    }
    Ok(Value::NONE)
}

fn reset_caches(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_reset_caches(self, /)");
    let [cls] = SIG.bind(ts, args, kw)?;
    let data = impl_of(ts, cls)?;
    let mut s = data.sets.lock();
    data.reset_positive(&mut s);
    let version = s.negative_version;
    data.reset_negative(&mut s, version);
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, "Module contains faster C implementation of abc.ABCMeta");
    m.set_attr(ts, "__doc__", doc);
    if DATA_TYPE.get().is_none() {
        {
            let t = native::new_type::<AbcData>(ts, "_abc_data", "_abc", None, false);
            let d = StrObj::new(ts, "Internal state held by ABC machinery.");
            ftpy_vm::objects::set_type_attr(ts, t, "__doc__", d);
            native::finish_type(ts, t);
            add_global_root(t.value());
            let _ = DATA_TYPE.set(t);
        }
    }
    m.add_function(ts, "get_cache_token", get_cache_token);
    m.add_function(ts, "_abc_init", abc_init);
    m.add_function(ts, "_abc_register", abc_register);
    m.add_function(ts, "_abc_instancecheck", abc_instancecheck);
    m.add_function(ts, "_abc_subclasscheck", abc_subclasscheck);
    m.add_function(ts, "_get_dump", get_dump);
    m.add_function(ts, "_reset_registry", reset_registry);
    m.add_function(ts, "_reset_caches", reset_caches);
    Ok(())
}
