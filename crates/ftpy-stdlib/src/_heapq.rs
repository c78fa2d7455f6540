//! `_heapq`: the heap queue algorithm on lists, the native parts of
//! `heapq`.
//!
//! The sift loops make the same comparisons as CPython's, in the same
//! order and with the operands on the same sides (`heapify` of a big list
//! uses the same cache-friendly visiting order too), so heaps of objects
//! that compare equal but differ come out in the same arrangement, and
//! comparisons with side effects see the same calls.
//!
//! Items are read and written one at a time with the list's atomic item
//! operations; a comparison runs with no lock held. A list that changes
//! size during a comparison raises `RuntimeError`, as in CPython; other
//! concurrent mutation (not something CPython promises anything for
//! either) can scramble the heap but never crash.

use ftpy_compiler::CompareOp;
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::interp::types;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::type_name;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

fn no_kw(ts: &mut ThreadState, name: &str, kw: Kw) -> PyResult<()> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error(format!("_heapq.{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// The heap argument: a list (or a subclass), or CPython's TypeError.
fn heap_arg(ts: &mut ThreadState, v: Value, fname: &str, one: bool) -> PyResult<Gc<ListObj>> {
    match v.downcast::<ListObj>() {
        Some(l) if types().list.instance_check(v) => Ok(l),
        _ => Err(ts.type_error(format!(
            "{fname}() argument{} must be list, not {}",
            if one { "" } else { " 1" },
            type_name(v)
        ))),
    }
}

fn changed(ts: &mut ThreadState) -> ftpy_vm::PyErr {
    ts.runtime_error("list changed size during iteration")
}

fn item(ts: &mut ThreadState, h: Gc<ListObj>, i: usize) -> PyResult<Value> {
    match h.get(i) {
        Some(x) => Ok(x),
        None => Err(changed(ts)),
    }
}

/// `a < b` for a min-heap, `b < a` for a max-heap.
fn before(ts: &mut ThreadState, a: Value, b: Value, max: bool) -> PyResult<bool> {
    if max {
        ops::compare_bool(ts, b, a, CompareOp::Lt)
    } else {
        ops::compare_bool(ts, a, b, CompareOp::Lt)
    }
}

/// Moves the item at `pos` up toward `start` while it sorts before its
/// parent.
fn sift_down(
    ts: &mut ThreadState,
    h: Gc<ListObj>,
    start: usize,
    mut pos: usize,
    max: bool,
) -> PyResult<()> {
    let size = h.len();
    if pos >= size {
        return Err(ts.index_error("index out of range"));
    }
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let new = item(ts, h, pos)?;
        let parent = item(ts, h, parent_pos)?;
        let lt = before(ts, new, parent, max)?;
        if h.len() != size {
            return Err(changed(ts));
        }
        if !lt {
            break;
        }
        let new = item(ts, h, pos)?;
        let parent = item(ts, h, parent_pos)?;
        h.set(parent_pos, new);
        h.set(pos, parent);
        pos = parent_pos;
    }
    Ok(())
}

/// Moves the smaller child up from `pos` down to a leaf, then sifts the
/// item that was at `pos` back up from there.
fn sift_up(ts: &mut ThreadState, h: Gc<ListObj>, pos: usize, max: bool) -> PyResult<()> {
    let end = h.len();
    let start = pos;
    if pos >= end {
        return Err(ts.index_error("index out of range"));
    }
    let mut pos = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let a = item(ts, h, child)?;
            let b = item(ts, h, child + 1)?;
            let lt = before(ts, a, b, max)?;
            if !lt {
                child += 1;
            }
            if h.len() != end {
                return Err(changed(ts));
            }
        }
        let c = item(ts, h, child)?;
        let p = item(ts, h, pos)?;
        h.set(child, p);
        h.set(pos, c);
        pos = child;
    }
    sift_down(ts, h, start, pos, max)
}

/// The highest set bit of `n` alone.
fn top_bit(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        1 << (usize::BITS - 1 - n.leading_zeros())
    }
}

fn heapify_list(ts: &mut ThreadState, h: Gc<ListObj>, max: bool) -> PyResult<()> {
    let n = h.len();
    if n <= 2500 {
        for i in (0..n / 2).rev() {
            sift_up(ts, h, i, max)?;
        }
        return Ok(());
    }
    // Big heaps: once both children of a node are sifted, sift the node
    // at once (climbing while the node is a left child), so subtrees are
    // finished while still in cache. Same comparisons and result as the
    // simple order, visited as CPython visits them.
    let m = n >> 1;
    let leftmost = top_bit(m + 1) - 1;
    let mhalf = m >> 1;
    let subtree = |ts: &mut ThreadState, i: usize| -> PyResult<()> {
        let mut j = i;
        loop {
            sift_up(ts, h, j, max)?;
            if j & 1 == 0 {
                return Ok(());
            }
            j >>= 1;
        }
    };
    for i in (mhalf..leftmost).rev() {
        subtree(ts, i)?;
    }
    for i in (leftmost..m).rev() {
        subtree(ts, i)?;
    }
    Ok(())
}

fn heappush(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("heappush(heap, item, /)");
    no_kw(ts, "heappush", kw)?;
    let [heap, x] = SIG.bind(ts, args, kw)?;
    let h = heap_arg(ts, heap, "heappush", false)?;
    h.append(ts, x);
    let n = h.len();
    sift_down(ts, h, 0, n - 1, false)?;
    Ok(Value::NONE)
}

fn pop(ts: &mut ThreadState, heap: Value, fname: &str, max: bool) -> PyResult<Value> {
    let h = heap_arg(ts, heap, fname, true)?;
    let Some(last) = h.pop_at(ts, -1) else {
        return Err(ts.index_error("index out of range"));
    };
    if h.is_empty() {
        return Ok(last);
    }
    let top = item(ts, h, 0)?;
    h.set(0, last);
    sift_up(ts, h, 0, max)?;
    Ok(top)
}

fn heappop(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_heapq.heappop(heap, /)");
    let [heap] = SIG.bind(ts, args, kw)?;
    pop(ts, heap, "heappop", false)
}

fn heappop_max(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_heapq._heappop_max(heap, /)");
    let [heap] = SIG.bind(ts, args, kw)?;
    pop(ts, heap, "_heappop_max", true)
}

fn replace(ts: &mut ThreadState, heap: Value, x: Value, fname: &str, max: bool) -> PyResult<Value> {
    let h = heap_arg(ts, heap, fname, false)?;
    let Some(top) = h.get(0) else {
        return Err(ts.index_error("index out of range"));
    };
    h.set(0, x);
    sift_up(ts, h, 0, max)?;
    Ok(top)
}

fn heapreplace(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("heapreplace(heap, item, /)");
    no_kw(ts, "heapreplace", kw)?;
    let [heap, x] = SIG.bind(ts, args, kw)?;
    replace(ts, heap, x, "heapreplace", false)
}

fn heapreplace_max(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_heapreplace_max(heap, item, /)");
    no_kw(ts, "_heapreplace_max", kw)?;
    let [heap, x] = SIG.bind(ts, args, kw)?;
    replace(ts, heap, x, "_heapreplace_max", true)
}

fn heappushpop(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("heappushpop(heap, item, /)");
    no_kw(ts, "heappushpop", kw)?;
    let [heap, x] = SIG.bind(ts, args, kw)?;
    let h = heap_arg(ts, heap, "heappushpop", false)?;
    let Some(top) = h.get(0) else {
        return Ok(x);
    };
    if !ops::compare_bool(ts, top, x, CompareOp::Lt)? {
        return Ok(x);
    }
    let Some(top) = h.get(0) else {
        return Err(ts.index_error("index out of range"));
    };
    h.set(0, x);
    sift_up(ts, h, 0, false)?;
    Ok(top)
}

fn heapify(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_heapq.heapify(heap, /)");
    let [heap] = SIG.bind(ts, args, kw)?;
    let h = heap_arg(ts, heap, "heapify", true)?;
    heapify_list(ts, h, false)?;
    Ok(Value::NONE)
}

fn heapify_max(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_heapq._heapify_max(heap, /)");
    let [heap] = SIG.bind(ts, args, kw)?;
    let h = heap_arg(ts, heap, "_heapify_max", true)?;
    heapify_list(ts, h, true)?;
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(
        ts,
        "Heap queue algorithm (a.k.a. priority queue): lists kept so that\nheap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2], so heap[0] is the\nsmallest item.",
    );
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "heappush", heappush);
    m.add_function(ts, "heappop", heappop);
    m.add_function(ts, "heapreplace", heapreplace);
    m.add_function(ts, "heappushpop", heappushpop);
    m.add_function(ts, "heapify", heapify);
    m.add_function(ts, "_heappop_max", heappop_max);
    m.add_function(ts, "_heapreplace_max", heapreplace_max);
    m.add_function(ts, "_heapify_max", heapify_max);
    Ok(())
}
