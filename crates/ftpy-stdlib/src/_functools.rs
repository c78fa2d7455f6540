//! `_functools`: `partial`, `reduce`, `cmp_to_key` and the LRU cache
//! behind `functools.lru_cache`, the native parts of `functools`.
//!
//! # partial
//! `func`, `args` (a tuple) and `keywords` (a dict) sit in `Slot`s:
//! they change only by `__setstate__`, which replaces them one by one (a
//! racing call sees each old or new). Instances have a `__dict__` (an
//! attribute store after the data). Nested partials are flattened when
//! the inner one has no attributes, as CPython's.
//!
//! # The LRU cache
//! One `Mutex<Lru>` per cache guards its table: entries in a slab, a
//! doubly linked recency list through slab indices, and an index from
//! hash to entries. The lock is never held while Python code runs: the
//! key is hashed before locking (once per call, as CPython), and a
//! candidate entry whose key is not the very same object is compared with
//! `==` after unlocking; `version` (bumped by every insertion and
//! removal) tells whether the table changed meanwhile, and the lookup
//! starts over if it did. The user function runs unlocked, so recursive
//! cached functions and concurrent callers work; two threads missing the
//! same key both call the function and the second result is dropped
//! (bounded cache) or replaces the first (unbounded), as in CPython.

use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use ftpy_compiler::CompareOp;
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec, Slot};
use ftpy_vm::interp::{add_global_root, names, types};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::method::MethodObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, data_of, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{tflags, type_of, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, int, method, set_type_attr};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

static PARTIAL_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
static KEY_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
/// The marker between positional and keyword parts of a cache key.
static KWD_MARK: OnceLock<Value> = OnceLock::new();

fn nkw(kw: Kw) -> usize {
    kw.map(|k| k.len()).unwrap_or(0)
}

// ---- partial -----------------------------------------------------------------

struct Partial {
    func: Slot,
    /// A tuple.
    args: Slot,
    /// A dict.
    keywords: Slot,
}

// SAFETY: traces the three slots.
unsafe impl NativeData for Partial {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.func);
        m.slot(&self.args);
        m.slot(&self.keywords);
    }
}

impl Partial {
    fn args(&self) -> Gc<TupleObj> {
        // SAFETY: `args` always holds a tuple (set by new/__setstate__).
        unsafe { self.args.get().downcast_unchecked() }
    }

    fn keywords(&self) -> Gc<DictObj> {
        // SAFETY: `keywords` always holds a dict.
        unsafe { self.keywords.get().downcast_unchecked() }
    }
}

fn partial_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Partial> {
    native::expect::<Partial>(ts, v, "functools.partial")
}

/// Whether `v` has attributes in its attribute store.
fn has_attrs(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    match ftpy_vm::objects::instance::attr_store(v) {
        Some(s) => Ok(!s.items(ts)?.is_empty()),
        None => Ok(false),
    }
}

fn partial_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    let npos = args.len() - nkw(kw);
    if npos < 1 {
        return Err(ts.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = args[0];
    if !ops::callable(func) {
        return Err(ts.type_error("the first argument must be callable"));
    }
    let mut inner_args: &[Value] = &[];
    let mut inner_kw: Option<Gc<DictObj>> = None;
    if let Some(p) = data_of::<Partial>(func) {
        if !has_attrs(ts, func)? {
            let pa = p.args();
            inner_args = pa.obj().items();
            inner_kw = Some(p.keywords());
            func = p.func.get();
        }
    }
    let mut all = RootedVec::with_capacity(ts, inner_args.len() + npos - 1);
    all.extend_from_slice(inner_args);
    all.extend_from_slice(&args[1..npos]);
    let t = TupleObj::new(ts, &all);
    let d = DictObj::new(ts);
    if let Some(ikw) = inner_kw {
        d.update_from_dict(ts, ikw)?;
    }
    if let Some(names) = kw {
        for (i, &k) in names.items().iter().enumerate() {
            d.set_item(ts, k, args[npos + i])?;
        }
    }
    let data = Partial {
        func: Slot::new(func),
        args: Slot::new(t.value()),
        keywords: Slot::new(d.value()),
    };
    Ok(NativeObj::new(ts, cls, data).value())
}

fn partial_call(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = partial_of(ts, v)?;
    let func = p.func.get();
    let pargs = p.args();
    let pkw = p.keywords();
    let ncall_kw = nkw(kw);
    let npos = args.len() - ncall_kw;
    if pkw.is_empty() {
        if pargs.is_empty() {
            return ops::call(ts, func, args, kw);
        }
        let n = pargs.len() + args.len();
        if n <= 8 {
            let mut buf = [Value::NULL; 8];
            buf[..pargs.len()].copy_from_slice(pargs.items());
            buf[pargs.len()..n].copy_from_slice(args);
            return ops::call(ts, func, &buf[..n], kw);
        }
        let mut all = RootedVec::with_capacity(ts, n);
        all.extend_from_slice(pargs.items());
        all.extend_from_slice(args);
        let all_ref: &[Value] = &all;
        let r = ops::call(ts, func, all_ref, kw);
        drop(all);
        return r;
    }
    // Merge the keywords: the partial's first (a call's value replaces
    // the stored one in place), then the call's new ones.
    let stored = pkw.items_rooted(ts);
    let call_names: &[Value] = kw.map(|k| k.obj().items()).unwrap_or(&[]);
    let mut all = RootedVec::with_capacity(ts, pargs.len() + args.len() + stored.len() / 2);
    all.extend_from_slice(pargs.items());
    all.extend_from_slice(&args[..npos]);
    let mut names = RootedVec::with_capacity(ts, stored.len() / 2 + ncall_kw);
    let mut used = vec![false; ncall_kw];
    for pair in stored.chunks(2) {
        let k = pair[0];
        let Some(ks) = k.downcast::<StrObj>() else {
            return Err(ts.type_error("keywords must be strings"));
        };
        let mut val = pair[1];
        for (i, &cn) in call_names.iter().enumerate() {
            if let Some(cs) = cn.downcast::<StrObj>() {
                if cs.obj().eq_str(ks.obj()) {
                    val = args[npos + i];
                    used[i] = true;
                    break;
                }
            }
        }
        names.push(k);
        all.push(val);
    }
    for (i, &cn) in call_names.iter().enumerate() {
        if !used[i] {
            names.push(cn);
            all.push(args[npos + i]);
        }
    }
    let kwnames = TupleObj::new(ts, &names);
    let all_ref: &[Value] = &all;
    let r = ops::call(ts, func, all_ref, Some(kwnames));
    drop(all);
    drop(names);
    r
}

/// What CPython's `tp_name` is: `functools.partial` for the type itself,
/// the class name for a Python subclass.
fn partial_type_name(v: Value) -> String {
    let ty = type_of(v);
    if ty.has_flag(tflags::HEAPTYPE) {
        ty.name_str().to_string()
    } else {
        "functools.partial".to_string()
    }
}

fn partial_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let p = partial_of(ts, v)?;
    if ts.repr_guard.contains(&v.bits()) {
        return Ok(StrObj::new(ts, "..."));
    }
    ts.repr_guard.push(v.bits());
    let r = partial_repr_inner(ts, p);
    ts.repr_guard.pop();
    let inner = r?;
    let s = format!("{}({inner})", partial_type_name(v));
    Ok(StrObj::new(ts, &s))
}

fn partial_repr_inner(ts: &mut ThreadState, p: &Partial) -> PyResult<String> {
    // CPython formats the arguments, then the function.
    let pargs = p.args();
    let mut rest = String::new();
    for &a in pargs.items() {
        rest.push_str(", ");
        rest.push_str(&ops::repr_string(ts, a)?);
    }
    let kws = p.keywords().items_rooted(ts);
    for pair in kws.chunks(2) {
        rest.push_str(", ");
        rest.push_str(&ops::str_string(ts, pair[0])?);
        rest.push('=');
        rest.push_str(&ops::repr_string(ts, pair[1])?);
    }
    let f = ops::repr_string(ts, p.func.get())?;
    Ok(format!("{f}{rest}"))
}

fn get_func(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(partial_of(ts, v)?.func.get())
}

fn get_args(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(partial_of(ts, v)?.args.get())
}

fn get_keywords(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(partial_of(ts, v)?.keywords.get())
}

fn readonly(ts: &mut ThreadState, _v: Value, _x: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg("readonly attribute"))
}

/// The instance's `__dict__` if it has attributes, else None.
fn dict_or_none(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if !has_attrs(ts, v)? {
        return Ok(Value::NONE);
    }
    ops::getattr(ts, v, names().__dict__)
}

fn m_partial_reduce(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("partial.__reduce__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let p = partial_of(ts, v)?;
    let func = p.func.get();
    let d = dict_or_none(ts, v)?;
    let cargs = TupleObj::new(ts, &[func]);
    let state = TupleObj::new(ts, &[func, p.args.get(), p.keywords.get(), d]);
    Ok(TupleObj::new(ts, &[type_of(v).value(), cargs.value(), state.value()]).value())
}

fn m_partial_setstate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("partial.__setstate__($self, state, /)");
    let [v, state] = SIG.bind(ts, args, kw)?;
    let p = partial_of(ts, v)?;
    let invalid = |ts: &mut ThreadState| ts.type_error("invalid partial state");
    let Some(st) = state.downcast::<TupleObj>() else {
        return Err(invalid(ts));
    };
    let [func, fargs, fkw, dict] = match st.obj().items() {
        &[a, b, c, d] => [a, b, c, d],
        _ => return Err(invalid(ts)),
    };
    if !ops::callable(func)
        || !types().tuple.instance_check(fargs)
        || (!fkw.is_none() && !types().dict.instance_check(fkw))
    {
        return Err(invalid(ts));
    }
    let fargs = match fargs.downcast::<TupleObj>() {
        Some(t) if type_of(fargs) == types().tuple => t.value(),
        _ => {
            let items = ops::collect(ts, fargs)?;
            TupleObj::new(ts, &items).value()
        }
    };
    let fkw = if fkw.is_none() {
        DictObj::new(ts).value()
    } else if type_of(fkw) != types().dict {
        let d = DictObj::new(ts);
        if let Some(src) = fkw.downcast::<DictObj>() {
            d.update_from_dict(ts, src)?;
        }
        d.value()
    } else {
        fkw
    };
    if !dict.is_none() {
        ops::setattr(ts, v, names().__dict__, Some(dict))?;
    } else if has_attrs(ts, v)? {
        let empty = DictObj::new(ts);
        ops::setattr(ts, v, names().__dict__, Some(empty.value()))?;
    }
    p.func.set(func);
    p.args.set(fargs);
    p.keywords.set(fkw);
    Ok(Value::NONE)
}

// ---- reduce --------------------------------------------------------------------

fn reduce(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("reduce(function, iterable, initial=<unrepresentable>, /)");
    let [func, seq, initial] = SIG.bind(ts, args, kw)?;
    let it = match ops::iter(ts, seq) {
        Ok(it) => it,
        Err(e) if e.matches(types().type_error) => {
            return Err(ts.type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    let mut acc = initial;
    while let Some(x) = ops::next(ts, it)? {
        acc = if acc.is_null() {
            x
        } else {
            ops::call2(ts, func, acc, x)?
        };
    }
    if acc.is_null() {
        return Err(ts.type_error("reduce() of empty iterable with no initial value"));
    }
    Ok(acc)
}

// ---- cmp_to_key ----------------------------------------------------------------

struct KeyWrapper {
    cmp: Value,
    /// The wrapped object; NULL for the factory `cmp_to_key` returns.
    obj: Slot,
}

// SAFETY: traces the function and the object.
unsafe impl NativeData for KeyWrapper {
    fn trace(&self, m: &mut Marker) {
        m.value(self.cmp);
        m.slot(&self.obj);
    }
}

fn new_key(ts: &mut ThreadState, cmp: Value, obj: Value) -> PyResult<Value> {
    let Some(&ty) = KEY_TYPE.get() else {
        return Err(ts.system_error("_functools not initialized"));
    };
    Ok(NativeObj::new(
        ts,
        ty,
        KeyWrapper {
            cmp,
            obj: Slot::new(obj),
        },
    )
    .value())
}

fn cmp_to_key(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("cmp_to_key(mycmp)");
    let [cmp] = SIG.bind(ts, args, kw)?;
    new_key(ts, cmp, Value::NULL)
}

fn key_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static KeyWrapper> {
    native::expect::<KeyWrapper>(ts, v, "functools.KeyWrapper")
}

fn key_call(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("K(obj)");
    let [obj] = SIG.bind(ts, args, kw)?;
    let k = key_of(ts, v)?;
    new_key(ts, k.cmp, obj)
}

fn key_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let ka = key_of(ts, a)?;
    if type_of(b) != type_of(a) {
        return Err(ts.type_error("other argument must be K instance"));
    }
    let kb = key_of(ts, b)?;
    let (x, y) = (ka.obj.get(), kb.obj.get());
    if x.is_null() || y.is_null() {
        return Err(ts.attribute_error_msg("object"));
    }
    let r = ops::call2(ts, ka.cmp, x, y)?;
    ops::rich_compare(ts, r, Value::small_int_unchecked(0), op)
}

fn key_get_obj(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let o = key_of(ts, v)?.obj.get();
    Ok(if o.is_null() { Value::NONE } else { o })
}

fn key_set_obj(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    key_of(ts, v)?.obj.set(x.unwrap_or(Value::NULL));
    Ok(())
}

// ---- the LRU cache -------------------------------------------------------------

/// No entry (list ends, empty slots).
const NIL: u32 = u32::MAX;

struct Entry {
    /// NULL when the slot is free.
    key: Value,
    result: Value,
    hash: i64,
    /// Toward the most recent / the least recent entry.
    newer: u32,
    older: u32,
}

/// A cache's table. See the module doc.
struct Lru {
    entries: Vec<Entry>,
    free: Vec<u32>,
    by_hash: HashMap<i64, Vec<u32>>,
    /// Most recently used entry, least recently used entry.
    newest: u32,
    oldest: u32,
    len: usize,
    /// Bumped by every insertion and removal.
    version: u64,
}

impl Lru {
    fn new() -> Lru {
        Lru {
            entries: Vec::new(),
            free: Vec::new(),
            by_hash: HashMap::new(),
            newest: NIL,
            oldest: NIL,
            len: 0,
            version: 0,
        }
    }

    fn unlink(&mut self, i: u32) {
        let (newer, older) = {
            let e = &self.entries[i as usize];
            (e.newer, e.older)
        };
        match newer {
            NIL => self.newest = older,
            n => self.entries[n as usize].older = older,
        }
        match older {
            NIL => self.oldest = newer,
            o => self.entries[o as usize].newer = newer,
        }
    }

    fn push_newest(&mut self, i: u32) {
        let old_newest = self.newest;
        {
            let e = &mut self.entries[i as usize];
            e.newer = NIL;
            e.older = old_newest;
        }
        match old_newest {
            NIL => self.oldest = i,
            n => self.entries[n as usize].newer = i,
        }
        self.newest = i;
    }

    fn touch(&mut self, i: u32) {
        if self.newest != i {
            self.unlink(i);
            self.push_newest(i);
        }
    }

    fn insert(&mut self, key: Value, result: Value, hash: i64) {
        let e = Entry {
            key,
            result,
            hash,
            newer: NIL,
            older: NIL,
        };
        let i = match self.free.pop() {
            Some(i) => {
                self.entries[i as usize] = e;
                i
            }
            None => {
                self.entries.push(e);
                (self.entries.len() - 1) as u32
            }
        };
        self.by_hash.entry(hash).or_default().push(i);
        self.push_newest(i);
        self.len += 1;
        self.version += 1;
    }

    fn remove(&mut self, i: u32) {
        self.unlink(i);
        let hash = self.entries[i as usize].hash;
        if let Some(v) = self.by_hash.get_mut(&hash) {
            v.retain(|&j| j != i);
            if v.is_empty() {
                self.by_hash.remove(&hash);
            }
        }
        let e = &mut self.entries[i as usize];
        e.key = Value::NULL;
        e.result = Value::NULL;
        self.free.push(i);
        self.len -= 1;
        self.version += 1;
    }

    fn clear(&mut self) {
        *self = Lru::new();
    }
}

enum Found {
    /// The entry and its result.
    Hit(u32, Value),
    /// Absent as of table version `.0`.
    Miss(u64),
}

struct LruCache {
    func: Value,
    /// `None`: unbounded.
    maxsize: Option<usize>,
    typed: bool,
    info_type: Value,
    hits: AtomicU64,
    misses: AtomicU64,
    lru: Mutex<Lru>,
}

// SAFETY: traces the function, the info type and every key and result.
unsafe impl NativeData for LruCache {
    fn trace(&self, m: &mut Marker) {
        m.value(self.func);
        m.value(self.info_type);
        // SAFETY: the world is stopped; the lock is never held at a
        // safepoint, so the table is not changing.
        let lru = unsafe { &*self.lru.data_ptr() };
        for e in &lru.entries {
            m.value(e.key);
            m.value(e.result);
        }
    }
}

impl LruCache {
    /// Finds `key` (hashed to `hash`). `==` runs unlocked; see the
    /// module doc.
    fn find(&self, ts: &mut ThreadState, key: Value, hash: i64) -> PyResult<Found> {
        'restart: loop {
            let mut pos = 0;
            loop {
                let (idx, cand, version) = {
                    let g = self.lru.lock();
                    let Some(&idx) = g.by_hash.get(&hash).and_then(|v| v.get(pos)) else {
                        return Ok(Found::Miss(g.version));
                    };
                    let e = &g.entries[idx as usize];
                    if e.key == key {
                        return Ok(Found::Hit(idx, e.result));
                    }
                    (idx, e.key, g.version)
                };
                let eq = ops::eq(ts, cand, key)?;
                let g = self.lru.lock();
                if g.version != version {
                    continue 'restart;
                }
                if eq {
                    return Ok(Found::Hit(idx, g.entries[idx as usize].result));
                }
                pos += 1;
            }
        }
    }

    /// A hit: marks the entry most recent (bounded caches) and counts it.
    fn hit(&self, idx: u32) {
        if self.maxsize.is_some() {
            let mut g = self.lru.lock();
            if g.entries
                .get(idx as usize)
                .is_some_and(|e| !e.key.is_null())
            {
                g.touch(idx);
            }
        }
        self.hits.fetch_add(1, Ordering::Relaxed);
    }

    /// Records `result` for `key` after a miss.
    fn store(&self, ts: &mut ThreadState, key: Value, hash: i64, result: Value) -> PyResult<()> {
        loop {
            let found = self.find(ts, key, hash)?;
            let mut g = self.lru.lock();
            match found {
                Found::Hit(idx, _) => {
                    // Added while the function ran: a bounded cache keeps
                    // the first result, an unbounded one the last.
                    if self.maxsize.is_none() {
                        if let Some(e) = g.entries.get_mut(idx as usize) {
                            if !e.key.is_null() {
                                e.result = result;
                            }
                        }
                    }
                    return Ok(());
                }
                Found::Miss(version) if version == g.version => {
                    if let Some(max) = self.maxsize {
                        if g.len >= max {
                            let oldest = g.oldest;
                            if oldest != NIL {
                                g.remove(oldest);
                            }
                        }
                    }
                    g.insert(key, result, hash);
                    return Ok(());
                }
                // The table changed since the lookup: look again.
                Found::Miss(_) => {}
            }
        }
    }
}

fn cache_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static LruCache> {
    native::expect::<LruCache>(ts, v, "functools._lru_cache_wrapper")
}

fn lru_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lru_cache(user_function, maxsize, typed, cache_info_type)");
    let [func, maxsize, typed, info_type] = SIG.bind(ts, args, kw)?;
    if !ops::callable(func) {
        return Err(ts.type_error("the first argument must be callable"));
    }
    let maxsize = if maxsize.is_none() {
        None
    } else if int::is_int(maxsize) || type_of(maxsize).slots.index.get().is_some() {
        let i = ops::index(ts, maxsize)?;
        match int::to_i64(i) {
            Some(n) => Some(n.max(0) as usize),
            None => {
                return Err(ts.overflow_error("cannot fit 'int' into an index-sized integer"));
            }
        }
    } else {
        return Err(ts.type_error("maxsize should be integer or None"));
    };
    let typed = ops::truthy(ts, typed)?;
    let data = LruCache {
        func,
        maxsize,
        typed,
        info_type,
        hits: AtomicU64::new(0),
        misses: AtomicU64::new(0),
        lru: Mutex::new(Lru::new()),
    };
    Ok(NativeObj::new(ts, cls, data).value())
}

/// The cache key of a call, as CPython's `lru_cache_make_key`: a lone
/// exact str or int argument is its own key; otherwise a tuple of the
/// positional arguments, then a marker and the keyword names and values,
/// then (typed) the argument types.
fn make_key(ts: &mut ThreadState, c: &LruCache, args: &[Value], kw: Kw) -> PyResult<Value> {
    let n = nkw(kw);
    if !c.typed && n == 0 {
        if args.len() == 1 {
            let a = args[0];
            if type_of(a) == types().str || int::is_exact_int(a) {
                return Ok(a);
            }
        }
        return Ok(TupleObj::new(ts, args).value());
    }
    let npos = args.len() - n;
    let mut key = RootedVec::with_capacity(ts, args.len() * 2 + n + 1);
    key.extend_from_slice(&args[..npos]);
    if n > 0 {
        let Some(&mark) = KWD_MARK.get() else {
            return Err(ts.system_error("_functools not initialized"));
        };
        key.push(mark);
        let names: &[Value] = kw.map(|k| k.obj().items()).unwrap_or(&[]);
        for (i, &k) in names.iter().enumerate() {
            key.push(k);
            key.push(args[npos + i]);
        }
    }
    if c.typed {
        for &a in args {
            key.push(type_of(a).value());
        }
    }
    Ok(TupleObj::new(ts, &key).value())
}

fn lru_call(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = cache_of(ts, v)?;
    if c.maxsize == Some(0) {
        c.misses.fetch_add(1, Ordering::Relaxed);
        return ops::call(ts, c.func, args, kw);
    }
    let key = make_key(ts, c, args, kw)?;
    let hash = ops::hash(ts, key)?;
    if let Found::Hit(idx, result) = c.find(ts, key, hash)? {
        c.hit(idx);
        return Ok(result);
    }
    c.misses.fetch_add(1, Ordering::Relaxed);
    let result = ops::call(ts, c.func, args, kw)?;
    c.store(ts, key, hash, result)?;
    Ok(result)
}

fn lru_get(ts: &mut ThreadState, v: Value, obj: Value, _ty: Value) -> PyResult<Value> {
    if obj.is_null() || obj.is_none() {
        return Ok(v);
    }
    Ok(MethodObj::new(ts, v, obj).value())
}

fn m_cache_info(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_lru_cache_wrapper.cache_info($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let c = cache_of(ts, v)?;
    let (hits, misses, len) = {
        let g = c.lru.lock();
        (
            c.hits.load(Ordering::Relaxed),
            c.misses.load(Ordering::Relaxed),
            g.len,
        )
    };
    let hits = int::int_from_u64(ts, hits);
    let misses = int::int_from_u64(ts, misses);
    let maxsize = match c.maxsize {
        None => Value::NONE,
        Some(m) => int::int_from_u64(ts, m as u64),
    };
    let len = int::int_from_u64(ts, len as u64);
    ops::call(ts, c.info_type, &[hits, misses, maxsize, len], None)
}

fn m_cache_clear(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_lru_cache_wrapper.cache_clear($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let c = cache_of(ts, v)?;
    let mut g = c.lru.lock();
    g.clear();
    c.hits.store(0, Ordering::Relaxed);
    c.misses.store(0, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn m_lru_reduce(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_lru_cache_wrapper.__reduce__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    ops::getattr(ts, v, names().__qualname__)
}

fn m_lru_copy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_lru_cache_wrapper.__copy__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(v)
}

fn m_lru_deepcopy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_lru_cache_wrapper.__deepcopy__($self, memo, /)");
    let [v, _memo] = SIG.bind(ts, args, kw)?;
    Ok(v)
}

// ---- the module ----------------------------------------------------------------

const PARTIAL_DOC: &str = "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n";

const LRU_DOC: &str = "Create a cached callable that wraps another function.\n\nuser_function: the function being cached; maxsize: 0 for no caching,\nNone for an unbounded cache, n for a bounded one; typed: whether f(3)\nand f(3.0) are cached apart; cache_info_type: a namedtuple class with\nthe fields hits misses maxsize currsize.\n";

fn set_doc(ts: &mut ThreadState, ty: Gc<TypeObj>, doc: &str) {
    let d = StrObj::new(ts, doc);
    set_type_attr(ts, ty, "__doc__", d);
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, "Tools that operate on functions.");
    m.set_attr(ts, "__doc__", doc);

    let p = native::new_type_with_dict::<Partial>(ts, "partial", "functools", None, true);
    p.set_flag(tflags::WEAKREFABLE);
    p.slots.new.set(Some(partial_new));
    p.slots.call.set(Some(partial_call));
    p.slots.repr.set(Some(partial_repr));
    add_getset(ts, p, "func", get_func, Some(readonly));
    add_getset(ts, p, "args", get_args, Some(readonly));
    add_getset(ts, p, "keywords", get_keywords, Some(readonly));
    add_methods(
        ts,
        p,
        &[
            method("__reduce__", m_partial_reduce),
            method("__setstate__", m_partial_setstate),
        ],
    );
    ftpy_vm::objects::genericalias::add_class_getitem(ts, p);
    set_doc(ts, p, PARTIAL_DOC);
    native::finish_type(ts, p);
    add_global_root(p.value());
    let _ = PARTIAL_TYPE.set(p);
    m.set_attr(ts, "partial", p.value());

    let k = native::new_type::<KeyWrapper>(ts, "KeyWrapper", "functools", None, false);
    k.slots.call.set(Some(key_call));
    k.slots.richcompare.set(Some(key_richcompare));
    k.slots
        .hash
        .set(Some(ftpy_vm::objects::slots::hash_not_implemented));
    add_getset(ts, k, "obj", key_get_obj, Some(key_set_obj));
    native::finish_type(ts, k);
    set_type_attr(ts, k, "__hash__", Value::NONE);
    add_global_root(k.value());
    let _ = KEY_TYPE.set(k);

    let l =
        native::new_type_with_dict::<LruCache>(ts, "_lru_cache_wrapper", "functools", None, false);
    l.set_flag(tflags::WEAKREFABLE);
    l.slots.new.set(Some(lru_new));
    l.slots.call.set(Some(lru_call));
    l.slots.descr_get.set(Some(lru_get));
    add_methods(
        ts,
        l,
        &[
            method("cache_info", m_cache_info),
            method("cache_clear", m_cache_clear),
            method("__reduce__", m_lru_reduce),
            method("__copy__", m_lru_copy),
            method("__deepcopy__", m_lru_deepcopy),
        ],
    );
    set_doc(ts, l, LRU_DOC);
    native::finish_type(ts, l);
    add_global_root(l.value());
    m.set_attr(ts, "_lru_cache_wrapper", l.value());

    let mark = ops::call0(ts, types().object.value())?;
    add_global_root(mark);
    let _ = KWD_MARK.set(mark);

    m.add_function(ts, "reduce", reduce);
    m.add_function(ts, "cmp_to_key", cmp_to_key);
    Ok(())
}
