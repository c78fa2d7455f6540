//! Races on the shared containers' lock-free paths (DESIGN.md, the
//! thread-safety contract), driven from Rust so that the racing operations
//! run in tight loops: a list item store against growth and against the
//! operations that move items; an instance attribute store against the
//! attribute table's growth.
//!
//! Each test repeats its race for a bounded number of rounds and checks an
//! exact outcome. Run: `cargo test -p ftpy-vm --test containers`.

mod support;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Barrier;
use std::time::{Duration, Instant};

use ftpy_vm::objects::list::ListObj;
use ftpy_vm::{Gc, ThreadState, Value};

fn small(n: usize) -> Value {
    Value::small_int_unchecked(n as i64)
}

/// Runs `a` and `b` on two attached threads started together; the calling
/// thread waits detached.
fn race(
    ts: &mut ThreadState,
    a: impl FnOnce(&mut ThreadState) + Send,
    b: impl FnOnce(&mut ThreadState) + Send,
) {
    let start = Barrier::new(2);
    ts.allow_threads(|| {
        std::thread::scope(|s| {
            let ha = s.spawn(|| {
                let mut t = support::attach();
                t.allow_threads(|| start.wait());
                a(&mut t);
            });
            let hb = s.spawn(|| {
                let mut t = support::attach();
                t.allow_threads(|| start.wait());
                b(&mut t);
            });
            ha.join().expect("thread a");
            hb.join().expect("thread b");
        })
    });
}

/// `l[i] = v` stored lock-free while another thread's appends grow the
/// list: a store that lands in the old array after the grow copied it must
/// not be lost (the layout seqlock makes the store redo itself). The writer
/// checks, before each store, that its previous store to that index is
/// there; the appender runs until the writer is done.
#[test]
fn list_store_is_not_lost_to_growth() {
    const N: usize = 20_000;
    let mut ts = support::attach();
    for round in 0..5 {
        let init: Vec<Value> = (0..N).map(|_| small(0)).collect();
        let l: Gc<ListObj> = ListObj::new(&mut ts, &init);
        let writing = AtomicBool::new(true);
        let mut lost = 0usize;
        race(
            &mut ts,
            |_| {
                let until = Instant::now() + Duration::from_millis(300);
                let mut pass = 1;
                while Instant::now() < until || pass < 3 {
                    for i in 0..N {
                        if l.get(i) != Some(small((pass - 1) * N + i)) && pass > 1 {
                            lost += 1;
                        }
                        assert!(l.set(i, small(pass * N + i)));
                    }
                    pass += 1;
                }
                writing.store(false, Ordering::SeqCst);
            },
            |t| {
                // Appends until the writer is done, restarting from a short
                // list now and then (so that grows stay frequent).
                let mut k = 0;
                while writing.load(Ordering::Relaxed) && k < 4_000_000 {
                    l.append(t, small(0));
                    k += 1;
                    if l.len() > 8 * N {
                        while l.len() > N {
                            l.pop_at(t, -1);
                        }
                    }
                }
            },
        );
        assert_eq!(lost, 0, "round {round}: lock-free stores lost to growth");
    }
}

/// Lock-free stores into the middle of a list while another thread
/// inserts at the front, pops the front and reverses: no item may be
/// duplicated or lost (a store racing with items being moved in place
/// could overwrite a slot after its item was copied elsewhere, or before).
#[test]
fn list_store_does_not_clobber_moving_items() {
    const N: usize = 2_000;
    let mut ts = support::attach();
    for round in 0..5 {
        let init: Vec<Value> = (0..N).map(small).collect();
        let l: Gc<ListObj> = ListObj::new(&mut ts, &init);
        let marker = small(10_000_000);
        let moving = AtomicBool::new(true);
        race(
            &mut ts,
            |_| {
                // Distinct values, never at index 0 or N-1 (where the
                // mover's marker lives while the list is shifted).
                let mut next = 1_000_000 + round * 100_000_000;
                while moving.load(Ordering::Relaxed) {
                    for i in 1..N - 1 {
                        assert!(l.set(i, small(next)));
                        next += 1;
                    }
                }
            },
            |t| {
                let until = Instant::now() + Duration::from_millis(300);
                let mut k = 0;
                while Instant::now() < until {
                    if k % 3 == 2 {
                        l.reverse(t);
                        l.reverse(t);
                    } else {
                        l.insert(t, 0, marker);
                        assert_eq!(l.pop_at(t, 0), Some(marker));
                    }
                    k += 1;
                }
                moving.store(false, Ordering::SeqCst);
            },
        );
        assert_eq!(l.len(), N);
        let mut seen = HashSet::new();
        for i in 0..N {
            let v = l.get(i).expect("item");
            assert!(v != marker, "round {round}: marker left at {i}");
            assert!(seen.insert(v.bits()), "round {round}: duplicate at {i}");
        }
    }
}

/// A global assigned while another thread fills `LOAD_GLOBAL`'s cache for
/// the same name: once the assignment is done, the global must shadow the
/// builtin (the cache must not keep "absent from globals" for a key-set
/// id assigned while the insert was under way).
#[test]
fn global_insert_shadows_builtin_cached_meanwhile() {
    let mut ts = support::attach();
    let mut stale = 0;
    for round in 0..300 {
        let name = format!("shadow_{round}");
        let m = support::new_module(&mut ts, &name, &[]);
        support::exec_in(&mut ts, m, "def f():\n    return len\n");
        let f = support::global(m, "f");
        let builtin_len = f_call(&mut ts, f);
        let done = AtomicBool::new(false);
        let mut saw_stale = false;
        race(
            &mut ts,
            |t| loop {
                let finished = done.load(Ordering::SeqCst);
                let v = f_call(t, f);
                if finished {
                    saw_stale = v == builtin_len;
                    break;
                }
            },
            |t| {
                // Give the reader a head start, then shadow `len`.
                for _ in 0..200 {
                    std::hint::spin_loop();
                }
                m.dict().set_item_str(t, "len", small(7));
                done.store(true, Ordering::SeqCst);
            },
        );
        if saw_stale {
            stale += 1;
        }
        support::drop_module(&mut ts, &name);
    }
    assert_eq!(stale, 0, "a global failed to shadow a cached builtin");
}

fn f_call(ts: &mut ThreadState, f: Value) -> Value {
    match ftpy_vm::ops::call(ts, f, &[], None) {
        Ok(v) => v,
        Err(e) => panic!("call raised:\n{}", support::describe(ts, e)),
    }
}

/// `o.a = v` (a lock-free store into the attribute's slot, through
/// STORE_ATTR's cache) while another thread adds attributes to the same
/// instance, growing its overflow array: every store must stay visible
/// (the writer re-reads its previous value before each store).
#[test]
fn attribute_store_is_not_lost_to_table_growth() {
    const SRC: &str = r#"
class C:
    pass

def make():
    o = C()
    for i in range(40):
        setattr(o, 'p%d' % i, i)
    o.a = -1
    return o

def writer(o, n):
    bad = 0
    for i in range(n):
        if o.a != i - 1:
            bad += 1
        o.a = i
    return bad

def grower(o, n):
    for i in range(n):
        setattr(o, 'x%d' % i, i)
"#;
    let mut ts = support::attach();
    let m = support::new_module(&mut ts, "attr_race", &[]);
    support::exec_in(&mut ts, m, SRC);
    let (make, writer, grower) = (
        support::global(m, "make"),
        support::global(m, "writer"),
        support::global(m, "grower"),
    );
    let mut lost = 0;
    for _ in 0..60 {
        let o = f_call(&mut ts, make);
        let mut bad = Value::NONE;
        race(
            &mut ts,
            |t| bad = call(t, writer, &[o, small(20_000)]),
            |t| {
                call(t, grower, &[o, small(600)]);
            },
        );
        if bad != small(0) {
            lost += 1;
        }
    }
    support::drop_module(&mut ts, "attr_race");
    assert_eq!(lost, 0, "rounds with a lost attribute store");
}

fn call(ts: &mut ThreadState, f: Value, args: &[Value]) -> Value {
    match ftpy_vm::ops::call(ts, f, args, None) {
        Ok(v) => v,
        Err(e) => panic!("call raised:\n{}", support::describe(ts, e)),
    }
}

/// `d[k] = v` for a key that is there (a lock-free compare-and-swap on
/// the entry's value) while another thread inserts and deletes other keys,
/// so the table is replaced again and again: a store that lands in the
/// old table after the resize copied it must not be lost, and a reader
/// must never miss a key that is always there (a resize freezes the
/// values it copies; a reader that meets a frozen one waits for the new
/// table). The writer checks, before each store, that its previous store
/// to that key is there.
#[test]
fn dict_value_store_is_not_lost_to_resize() {
    use ftpy_vm::objects::dict::DictObj;
    const N: usize = 2_000;
    let mut ts = support::attach();
    for round in 0..5 {
        let d: Gc<DictObj> = DictObj::new(&mut ts);
        for i in 0..N {
            d.set_item(&mut ts, small(i), small(0)).unwrap();
        }
        let writing = AtomicBool::new(true);
        let mut lost = 0usize;
        let mut missing = 0usize;
        race(
            &mut ts,
            |t| {
                let until = Instant::now() + Duration::from_millis(300);
                let mut pass = 1;
                while Instant::now() < until || pass < 3 {
                    for i in 0..N {
                        match d.get_item_opt(t, small(i)).unwrap() {
                            None => missing += 1,
                            Some(v) if pass > 1 && v != small((pass - 1) * N + i) => lost += 1,
                            _ => {}
                        }
                        d.set_item(t, small(i), small(pass * N + i)).unwrap();
                    }
                    pass += 1;
                }
                writing.store(false, Ordering::SeqCst);
            },
            |t| {
                // Other keys come and go: deleted entries are never reused,
                // so the table fills up and is replaced (compacted) often.
                let mut k = 0usize;
                while writing.load(Ordering::Relaxed) && k < 4_000_000 {
                    let key = small(1_000_000 + k % 64);
                    d.set_item(t, key, small(k)).unwrap();
                    if k % 2 == 1 {
                        d.del_item_opt(t, key).unwrap();
                    }
                    k += 1;
                }
            },
        );
        assert_eq!(
            missing, 0,
            "round {round}: a key that is always there was missed"
        );
        assert_eq!(
            lost, 0,
            "round {round}: lock-free value stores lost to a resize"
        );
    }
}
