//! Collector tests: roots (Rust locals found by the conservative stack
//! scan), reclamation (cycles included), deep structures, finalizers, GC
//! stress and the heap verifier.
//!
//! Every test runs Python code through the internal API on one interpreter
//! (no standard library) with a few native functions of its own in the
//! module's globals (`NATIVES`). Tests take `support::serial()`: they read
//! the global GC statistics and mark epochs, which another test's
//! collections would disturb.
//!
//! How a test can tell a lost object from a live one: right after a
//! collection, an object the collector found reachable carries the current
//! mark epoch (`support::survived_last_collection`); a lost object does
//! not, and once its slot is reused by the garbage the tests allocate next
//! (same size classes), its contents are overwritten (and in debug builds
//! the sweeper poisons freed slots with 0xdb first). Each "survives" test
//! has a control next to it (objects referenced only from the Rust heap,
//! which is not scanned, or dropped from Python) showing that the same
//! check does report dead objects as dead.
//!
//! Run: `cargo test -p ftpy-vm --test gc` (add `-- --nocapture` for the
//! numbers). The GC-stress and verifier tests re-run `#[ignore]`d tests of
//! this binary in child processes with `FTPY_GC_STRESS` / `FTPY_GC_VERIFY`.

mod support;

use num_bigint::BigInt;

use ftpy_vm::gc::collect::{collect_garbage, gc_stats, Reason};
use ftpy_vm::gc::heap::heap;
use ftpy_vm::gc::Marker;
use ftpy_vm::objects::int::{int_from_big, int_from_u64, to_big, to_i64};
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::native::{new_type, NativeData, NativeObj};
use ftpy_vm::objects::str::{as_str, StrObj};
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::NativeFn;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

// ---- native functions the Python code calls ---------------------------------

fn arg_usize(ts: &mut ThreadState, args: &[Value], i: usize) -> PyResult<usize> {
    match args.get(i).and_then(|&v| to_i64(v)) {
        Some(n) if n >= 0 => Ok(n as usize),
        _ => Err(ts.type_error(format!("argument {i}: expected a non-negative int"))),
    }
}

fn payload_text(i: usize) -> String {
    format!("payload-{i}-{}", "x".repeat(i % 37))
}

fn payload_big(i: usize) -> BigInt {
    (BigInt::from(1) << 100) + i
}

/// Item `i` of the payload (mirrored by `expected(i)` in `PRELUDE`): a str,
/// a big int (its digits live in Rust heap memory the sweeper frees), a
/// tuple and a list of varied sizes. Always a heap object.
fn payload_item(ts: &mut ThreadState, i: usize) -> Value {
    match i % 4 {
        0 => StrObj::new(ts, &payload_text(i)),
        1 => int_from_big(ts, payload_big(i)),
        2 => {
            let s = StrObj::new(ts, &payload_text(i));
            TupleObj::new(ts, &[s, Value::small_int_unchecked(i as i64)]).value()
        }
        _ => ListObj::new(
            ts,
            &[
                Value::from_f64(i as f64 + 0.5),
                Value::small_int_unchecked(-(i as i64)),
            ],
        )
        .value(),
    }
}

fn build_payload(ts: &mut ThreadState, n: usize) -> Gc<ListObj> {
    let list = ListObj::new(ts, &[]);
    for i in 0..n {
        let v = payload_item(ts, i);
        list.append(ts, v);
    }
    list
}

/// Checks every item of the payload from Rust.
fn verify_payload(ts: &mut ThreadState, list: Gc<ListObj>, n: usize) -> PyResult<()> {
    if list.len() != n {
        return Err(ts.assertion_error(format!("payload length {} != {n}", list.len())));
    }
    for i in 0..n {
        let v = list.get(i).unwrap_or(Value::NULL);
        let ok = match i % 4 {
            0 => as_str(v) == Some(payload_text(i).as_str()),
            1 => to_big(v).is_some_and(|b| *b == payload_big(i)),
            2 => v.downcast::<TupleObj>().is_some_and(|t| {
                t.len() == 2
                    && as_str(t.items()[0]) == Some(payload_text(i).as_str())
                    && to_i64(t.items()[1]) == Some(i as i64)
            }),
            _ => v.downcast::<ListObj>().is_some_and(|l| {
                l.len() == 2
                    && l.get(0).and_then(|x| x.as_float()) == Some(i as f64 + 0.5)
                    && l.get(1).and_then(to_i64) == Some(-(i as i64))
            }),
        };
        if !ok {
            return Err(ts.assertion_error(format!("payload item {i} was corrupted")));
        }
    }
    Ok(())
}

/// Allocates `n` garbage objects of the payload's kinds and size classes
/// (strs, big ints, 2-tuples, 2-item lists), so that memory freed by a
/// collection gets reused and overwritten.
fn churn(ts: &mut ThreadState, n: usize) {
    for j in 0..n {
        let s = StrObj::new(ts, &format!("garbage-{j}-{}", "y".repeat(j % 37)));
        match j % 4 {
            0 => {}
            1 => {
                int_from_big(ts, (BigInt::from(3) << 100) + j);
            }
            2 => {
                TupleObj::new(ts, &[s, s]);
            }
            _ => {
                ListObj::new(ts, &[s, Value::NONE]);
            }
        }
    }
}

/// `collect()`: what `gc.collect()` does: a full collection, then the
/// pending finalizers.
fn n_collect(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    collect_garbage(ts, Reason::Explicit);
    ftpy_vm::run_finalizers(ts, false);
    Ok(Value::NONE)
}

/// `collect_only()`: a collection without running finalizers.
fn n_collect_only(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    collect_garbage(ts, Reason::Explicit);
    Ok(Value::NONE)
}

/// `run_finalizers()`: runs the `__del__` methods queued by collections.
fn n_run_finalizers(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    ftpy_vm::run_finalizers(ts, false);
    Ok(Value::NONE)
}

/// `collections()`: collections so far in the process.
fn n_collections(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(int_from_u64(ts, gc_stats().collections))
}

/// `live_bytes()`: collects, then returns the bytes the collection found
/// live.
fn n_live_bytes(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    collect_garbage(ts, Reason::Explicit);
    Ok(int_from_u64(ts, gc_stats().last_live_bytes as u64))
}

/// `pages_in_use()`: heap pages handed out and not returned.
fn n_pages_in_use(_ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(gc_stats().pages_in_use as i64))
}

/// `count_survivors(ids)`: collects, then counts the objects (named by
/// `id()`) the collection found reachable.
fn n_count_survivors(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let Some(ids) = args.first().and_then(|v| v.downcast::<ListObj>()) else {
        return Err(ts.type_error("count_survivors(list of ids)"));
    };
    // The addresses go to Rust heap memory (not scanned): they do not keep
    // the objects alive.
    let addrs: Vec<usize> = (0..ids.len())
        .filter_map(|i| ids.get(i).and_then(to_i64))
        .map(|a| a as usize)
        .collect();
    collect_garbage(ts, Reason::Explicit);
    let alive = addrs
        .iter()
        .filter(|&&a| support::survived_last_collection(a))
        .count();
    Ok(Value::small_int_unchecked(alive as i64))
}

/// `churn(n)`: allocates `n` garbage objects.
fn n_churn(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let n = arg_usize(ts, args, 0)?;
    churn(ts, n);
    Ok(Value::NONE)
}

/// `keep_local_across_collect(n, churn_factor)`: builds a payload whose
/// only reference is the Rust local `list`, runs a full collection in the
/// middle of this builtin, reuses the freed memory, checks the payload and
/// returns it.
fn n_keep_local_across_collect(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let n = arg_usize(ts, args, 0)?;
    let churn_factor = arg_usize(ts, args, 1)?;
    let list = build_payload(ts, n);
    // Control: objects whose addresses are kept only in Rust heap memory.
    let hidden: Vec<usize> = (0..n)
        .map(|i| payload_item(ts, i).addr_unchecked())
        .collect();
    let before = gc_stats().collections;
    collect_garbage(ts, Reason::Explicit);
    if gc_stats().collections <= before {
        return Err(ts.assertion_error("no collection ran"));
    }
    // Right after the collection: the payload was marked, the control was not.
    let marked = support::survived_last_collection(list.addr())
        && (0..n).all(|i| {
            list.get(i)
                .and_then(|v| v.as_addr())
                .is_some_and(support::survived_last_collection)
        });
    if !marked {
        return Err(ts.assertion_error("the payload held by a Rust local was not marked"));
    }
    let hidden_alive = hidden
        .iter()
        .filter(|&&a| support::survived_last_collection(a))
        .count();
    if hidden_alive * 10 > n {
        return Err(ts.assertion_error(format!(
            "control: {hidden_alive} of {n} objects referenced only from the Rust heap survived"
        )));
    }
    churn(ts, n * churn_factor);
    verify_payload(ts, list, n)?;
    Ok(list.value())
}

/// `keep_local_under_pressure(n, collections)`: as above, but the
/// collections are triggered by allocation (the threshold, or GC stress)
/// while the payload lives only in a Rust local.
fn n_keep_local_under_pressure(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let n = arg_usize(ts, args, 0)?;
    let want = arg_usize(ts, args, 1)? as u64;
    let list = build_payload(ts, n);
    let before = gc_stats().collections;
    let mut rounds = 0;
    while gc_stats().collections < before + want {
        churn(ts, 2000);
        rounds += 1;
        if rounds > 100_000 {
            return Err(ts.assertion_error("allocation pressure never triggered a collection"));
        }
    }
    verify_payload(ts, list, n)?;
    Ok(list.value())
}

const NATIVES: &[(&str, NativeFn)] = &[
    ("collect", n_collect),
    ("collect_only", n_collect_only),
    ("run_finalizers", n_run_finalizers),
    ("collections", n_collections),
    ("live_bytes", n_live_bytes),
    ("pages_in_use", n_pages_in_use),
    ("count_survivors", n_count_survivors),
    ("churn", n_churn),
    ("keep_local_across_collect", n_keep_local_across_collect),
    ("keep_local_under_pressure", n_keep_local_under_pressure),
];

/// Python helpers shared by the tests.
const PRELUDE: &str = r#"
def expected(i):
    k = i % 4
    if k == 0:
        return "payload-%d-" % i + "x" * (i % 37)
    if k == 1:
        return (1 << 100) + i
    if k == 2:
        return ("payload-%d-" % i + "x" * (i % 37), i)
    return [i + 0.5, -i]

def check_payload(lst, n):
    assert type(lst) is list and len(lst) == n, len(lst)
    for i in range(n):
        assert lst[i] == expected(i), (i, lst[i])

class Node:
    pass

def make_cycles(n, keep):
    ids = []
    for i in range(n):
        a = []
        a.append(a)
        x = Node()
        y = Node()
        x.other = y
        y.other = x
        x.payload = "node-%d" % i
        ids.append(id(a))
        ids.append(id(x))
        ids.append(id(y))
        if keep is not None:
            keep.append((a, x))
    return ids
"#;

/// Runs `body` (after `PRELUDE`) in a fresh module with the natives.
fn run_py(ts: &mut ThreadState, name: &str, body: &str) {
    let m = support::new_module(ts, name, NATIVES);
    support::exec_in(ts, m, PRELUDE);
    support::exec_in(ts, m, body);
    support::drop_module(ts, name);
}

// ---- (a) roots: Rust locals --------------------------------------------------

/// A payload held only by a Rust local of a builtin survives a full
/// collection run inside that builtin, and the memory the collection freed
/// (reused right after) was not its memory.
#[test]
fn rust_local_survives_collection_inside_builtin() {
    let _s = support::serial();
    let mut ts = support::attach();
    run_py(
        &mut ts,
        "gc_a1",
        r#"
r = keep_local_across_collect(4000, 20)
check_payload(r, 4000)
r2 = keep_local_across_collect(500, 40)
check_payload(r2, 500)
check_payload(r, 4000)
"#,
    );
}

/// The same with the collections triggered by allocation pressure (the
/// threshold) while the payload is only in a Rust local or register.
#[test]
fn rust_local_survives_collections_from_allocation_pressure() {
    let _s = support::serial();
    let mut ts = support::attach();
    let c0 = gc_stats().collections;
    run_py(
        &mut ts,
        "gc_a2",
        r#"
r = keep_local_under_pressure(4000, 2)
check_payload(r, 4000)
"#,
    );
    assert!(gc_stats().collections >= c0 + 2);
}

/// A Rust reference into the middle of an object (here: a `&str` into a
/// str object's inline text) keeps the object alive: the collection marks
/// it and its text stays intact while the freed memory around it is
/// reused. Control: strs whose addresses are only in Rust heap memory die.
#[test]
fn interior_pointer_keeps_object_alive() {
    let _s = support::serial();
    let mut ts = support::attach();
    let expect: Vec<String> = (0..8)
        .map(|i| format!("interior-{i}-{}", "z".repeat(i * 7 + 20)))
        .collect();
    let mut texts: [&str; 8] = [""; 8];
    for (k, t) in texts.iter_mut().enumerate() {
        *t = StrObj::alloc(&mut ts, &expect[k]).obj().as_str();
    }
    let hidden: Vec<usize> = (0..200)
        .map(|i| StrObj::alloc(&mut ts, &expect[i % 8]).addr())
        .collect();
    collect_garbage(&mut ts, Reason::Explicit);
    for t in std::hint::black_box(&texts) {
        let slot = heap()
            .find_slot(t.as_ptr() as usize)
            .expect("a str's text lies in its heap slot");
        assert!(
            slot < t.as_ptr() as usize,
            "the reference points inside the object"
        );
        assert!(
            support::survived_last_collection(slot),
            "a str held by an interior pointer was not marked"
        );
    }
    let hidden_alive = hidden
        .iter()
        .filter(|&&a| support::survived_last_collection(a))
        .count();
    assert!(
        hidden_alive <= 20,
        "control: {hidden_alive} of 200 unreferenced strs survived"
    );
    churn(&mut ts, 20_000);
    collect_garbage(&mut ts, Reason::Explicit);
    churn(&mut ts, 20_000);
    for (k, t) in std::hint::black_box(&texts).iter().enumerate() {
        assert_eq!(*t, expect[k]);
    }
}

// ---- (b) reclamation ----------------------------------------------------------

/// Garbage is reclaimed: live bytes drop by (at least) the size of a
/// dropped structure; self-referencing lists and pairs of instances that
/// reference each other die; the same objects kept reachable survive.
#[test]
fn unreachable_objects_and_cycles_are_reclaimed() {
    let _s = support::serial();
    let mut ts = support::attach();
    run_py(
        &mut ts,
        "gc_b",
        r#"
def build_garbage():
    global big
    big = [[("s%d" % i) * 3 for i in range(10)] for _ in range(20000)]

def drop_garbage():
    global big
    big = None

base = live_bytes()
build_garbage()
with_big = live_bytes()
drop_garbage()
without_big = live_bytes()
# 200,000 strs of at least 40 bytes each, plus 20,000 lists.
assert with_big - base >= 8000000, (base, with_big)
assert with_big - without_big >= 8000000, (with_big, without_big)

# The freed memory is reused: building the same structure twice more
# (about 250 pages of 64 KiB each time) takes few new pages.
p1 = pages_in_use()
for k in range(2):
    build_garbage()
    drop_garbage()
    collect()
p3 = pages_in_use()
assert p3 - p1 <= 60, (p1, p3)

# Cycles: 1000 lists containing themselves, 1000 pairs of instances that
# reference each other. A reference-counting collector frees none.
ids = make_cycles(1000, None)
survivors = count_survivors(ids)
assert survivors * 50 <= len(ids), (survivors, len(ids))

# Control: the same structures kept reachable all survive.
keep = []
kept_ids = make_cycles(1000, keep)
assert count_survivors(kept_ids) == len(kept_ids)
collect()
for a, x in keep:
    assert a[0] is a and x.other.other is x
del keep
"#,
    );
}

/// Counts drops of `Dropper`, a native object's data.
static DROPS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

struct Dropper([u64; 5]);

// SAFETY: holds no Value.
unsafe impl NativeData for Dropper {
    fn trace(&self, _m: &mut Marker) {}
}

impl Drop for Dropper {
    fn drop(&mut self) {
        // The data is intact when its object is swept.
        assert!(self.0.iter().all(|&w| w == self.0[0]));
        DROPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The native data of dead objects is dropped when their pages are swept,
/// also on pages where every object died: the sweeper resets such pages
/// without visiting their slots unless an object on them owns native
/// memory (`PageHeader::has_drop`). Without that flag none of the first
/// batch below would be dropped.
#[test]
fn native_data_of_dead_objects_is_dropped_on_empty_pages() {
    use std::sync::atomic::Ordering::Relaxed;
    let _s = support::serial();
    let mut ts = support::attach();
    let ty = new_type::<Dropper>(&mut ts, "Dropper", "gc_test", None, false);
    const N: usize = 20_000;
    let before = DROPS.load(Relaxed);
    for i in 0..N {
        NativeObj::new(&mut ts, ty, Dropper([i as u64; 5]));
    }
    collect_garbage(&mut ts, Reason::Explicit);
    // Allocating twice as many again takes every page of the size class
    // from the pool, sweeping (or resetting) each first.
    for i in 0..2 * N {
        NativeObj::new(&mut ts, ty, Dropper([i as u64; 5]));
    }
    let dropped = DROPS.load(Relaxed) - before;
    assert!(dropped >= N, "{dropped} of {N} dead objects dropped");
}

// ---- (c) deep structures ----------------------------------------------------------

/// A 1,000,000-long chain of tuples reachable from a global survives
/// several collections, with garbage of the same size class allocated in
/// between. Runs on a thread with a 1 MiB stack: marking that recursed on
/// the native stack would overflow it.
#[test]
fn deep_chain_survives_collections_without_native_recursion() {
    let _s = support::serial();
    let t = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            let mut ts = support::attach();
            run_py(
                &mut ts,
                "gc_c",
                r#"
N = 1000000

def build_chain(n):
    node = None
    for i in range(n):
        node = (i, node) if i % 1000 else ("s%d" % i, node)
    return node

def check_chain(node, n):
    i = n - 1
    while node is not None:
        head = node[0]
        if i % 1000:
            if head != i:
                return False
        elif head != "s%d" % i:
            return False
        node = node[1]
        i -= 1
    return i == -1

chain = build_chain(N)
c0 = collections()
for k in range(3):
    churn(50000)
    assert live_bytes() >= N * 40
    churn(50000)
    assert check_chain(chain, N)
assert collections() >= c0 + 3
chain = None
"#,
            );
        })
        .expect("spawn");
    t.join().expect("the deep-chain test thread failed");
}

// ---- (d) finalizers ----------------------------------------------------------------

/// `__del__` of an unreachable instance runs after a collection, outside
/// the collector, once; a cycle of finalizable objects is finalized; the
/// finalized objects are reclaimed by a later collection.
#[test]
fn finalizers_run_after_collection() {
    let _s = support::serial();
    let mut ts = support::attach();
    run_py(
        &mut ts,
        "gc_d",
        r#"
log = []

class Fin:
    def __init__(self, n):
        self.n = n
        self.data = ["data-%d" % n, (1 << 80) + n]
    def __del__(self):
        log.append((self.n, self.data[0], self.data[1] - (1 << 80)))

def make_fins(n):
    ids = []
    for i in range(n):
        ids.append(id(Fin(i)))
    a = Fin(1000)
    b = Fin(1001)
    a.peer = b
    b.peer = a
    return ids

fin_ids = make_fins(100)
# Tracing collector: nothing ran when the last reference went away.
assert log == [], log
collect_only()
# Finalizers never run inside the collector.
assert log == [], log
# The objects waiting for their __del__ (and what they reference) are
# kept alive by the following collections, while garbage reuses the
# memory around them.
assert count_survivors(fin_ids) >= 95
churn(50000)
collect_only()
churn(50000)
run_finalizers()
ns = [e[0] for e in log]
assert len(ns) == len(set(ns)), log
assert 1000 in ns and 1001 in ns, log
assert len([n for n in ns if n < 100]) >= 95, log
for n, text, k in log:
    assert text == "data-%d" % n and k == n, (n, text, k)
# Each __del__ runs once, even if collections come again.
count = len(log)
collect()
collect()
assert len(log) == count, log
# The finalized objects are gone now.
assert count_survivors(fin_ids) <= 5
"#,
    );
}

/// DESIGN.md and gc invariant 8: finalizers run after the world restarts,
/// on the thread that collected. Here the collections are automatic
/// (allocation threshold) and no `gc.collect()` follows.
#[test]
fn finalizers_run_after_automatic_collections() {
    let _s = support::serial();
    let mut ts = support::attach();
    run_py(
        &mut ts,
        "gc_d2",
        r#"
log = []

class Fin:
    def __del__(self):
        log.append(1)

def make_fins(n):
    ids = []
    for i in range(n):
        ids.append(id(Fin()))
    return ids

ids = make_fins(100)
c0 = collections()
while collections() < c0 + 3:
    junk = ["j%d" % i for i in range(10000)]
for i in range(100000):
    pass
assert len(log) >= 95, "%d of 100 __del__ ran after %d automatic collections" % (len(log), collections() - c0)
"#,
    );
}

// ---- GC stress and the heap verifier (child processes) ----------------------

/// Python code that exercises the interpreter's roots (frames, closures,
/// exceptions, instances, dicts, big ints, generators); its result was
/// computed with CPython 3.11.
const MIXED_WORKLOAD: &str = r#"
class Acc:
    def __init__(self):
        self.items = {}
    def add(self, k, v):
        self.items[k] = self.items.get(k, 0) + v

class Oops(Exception):
    pass

def make_counter(start):
    n = [start]
    def step(k):
        n[0] += k
        return n[0]
    return step

def gen(n):
    for i in range(n):
        yield ("g%d" % i, i * i)

def mixed(n):
    acc = Acc()
    step = make_counter(1 << 70)
    total = 0
    for i in range(n):
        key = "k%d" % (i % 17)
        acc.add(key, i)
        try:
            if i % 5 == 0:
                raise Oops("bad %d" % i)
            total += step(i)
        except Oops as e:
            total -= len(str(e))
        words = [w + "!" for w, _ in gen(i % 6)]
        total += sum(len(w) for w in words)
    items = sorted(acc.items.items())
    return (total % 1000000007, items[:3], step(0) - (1 << 70))

result = mixed(60)
assert result == (960804220, [('k0', 102), ('k1', 106), ('k10', 81)], 1440), result
"#;

fn stress_and_verify_workload(ts: &mut ThreadState, small: bool) {
    let (n, churn_factor, chain) = if small {
        (60, 2, 2000)
    } else {
        (1000, 10, 100_000)
    };
    run_py(ts, "gc_mixed", MIXED_WORKLOAD);
    run_py(
        ts,
        "gc_stress_a",
        &format!(
            r#"
r = keep_local_across_collect({n}, {churn_factor})
check_payload(r, {n})
r2 = keep_local_under_pressure({n}, 2)
check_payload(r2, {n})
ids = make_cycles({n}, None)
assert count_survivors(ids) * 50 <= len(ids)
node = None
for i in range({chain}):
    node = (i, node)
collect()
i = {chain} - 1
while node is not None:
    assert node[0] == i
    node = node[1]
    i -= 1
"#
        ),
    );
}

/// Child of `gc_stress`: runs with `FTPY_GC_STRESS` set.
#[test]
#[ignore = "run by gc_stress in a child process with FTPY_GC_STRESS set"]
fn stress_child() {
    let mut ts = support::attach();
    let c0 = gc_stats().collections;
    stress_and_verify_workload(&mut ts, true);
    println!(
        "FTPY_GC_STRESS={:?}: {} collections",
        std::env::var("FTPY_GC_STRESS").ok(),
        gc_stats().collections - c0
    );
}

/// Child of `gc_verify`: runs with `FTPY_GC_VERIFY` set.
#[test]
#[ignore = "run by gc_verify in a child process with FTPY_GC_VERIFY set"]
fn verify_child() {
    assert!(
        std::env::var_os("FTPY_GC_VERIFY").is_some(),
        "run through gc_verify"
    );
    let mut ts = support::attach();
    let c0 = gc_stats().collections;
    stress_and_verify_workload(&mut ts, std::env::var_os("FTPY_GC_STRESS").is_some());
    let n = gc_stats().collections - c0;
    assert!(n >= 5, "only {n} collections");
    println!("FTPY_GC_VERIFY: {n} verified collections");
}

/// The line a child test printed about itself.
fn child_summary(out: &str) -> &str {
    out.find("FTPY_GC_")
        .map(|i| out[i..].lines().next().unwrap_or(""))
        .unwrap_or("")
}

/// Collection at every safepoint (and every allocation): Rust locals,
/// frames and every interpreter root must hold at all times.
#[test]
fn gc_stress() {
    let _s = support::serial();
    let out = support::run_child("stress_child", &[("FTPY_GC_STRESS", "1")]);
    println!("{}", child_summary(&out));
}

/// The heap verifier passes after every collection of a mixed workload,
/// with and without GC stress.
#[test]
fn gc_verify() {
    let _s = support::serial();
    for env in [
        &[("FTPY_GC_VERIFY", "1")][..],
        &[("FTPY_GC_VERIFY", "1"), ("FTPY_GC_STRESS", "3")][..],
    ] {
        let out = support::run_child("verify_child", env);
        println!("{}", child_summary(&out));
    }
}
