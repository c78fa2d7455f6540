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
use std::sync::Barrier;

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
/// not be lost (the layout seqlock makes the store redo itself).
#[test]
fn list_store_is_not_lost_to_growth() {
    const N: usize = 40_000;
    let mut ts = support::attach();
    for round in 0..8 {
        let init: Vec<Value> = (0..N).map(|_| small(0)).collect();
        let l: Gc<ListObj> = ListObj::new(&mut ts, &init);
        let base = 1 + round * N;
        race(
            &mut ts,
            |_| {
                for i in 0..N {
                    assert!(l.set(i, small(base + i)));
                }
            },
            |t| {
                for _ in 0..2 * N {
                    l.append(t, small(0));
                }
            },
        );
        assert_eq!(l.len(), 3 * N);
        let lost: Vec<usize> = (0..N)
            .filter(|&i| l.get(i) != Some(small(base + i)))
            .collect();
        assert!(
            lost.is_empty(),
            "round {round}: {} stores lost (first at {:?})",
            lost.len(),
            lost.first()
        );
    }
}

/// Lock-free stores into the middle of a list while another thread
/// inserts at the front, pops the front and reverses: no item may be
/// duplicated or lost (a store racing with items being moved in place
/// could overwrite a slot after its item was copied elsewhere, or before).
#[test]
fn list_store_does_not_clobber_moving_items() {
    const N: usize = 4_000;
    let mut ts = support::attach();
    for round in 0..6 {
        let init: Vec<Value> = (0..N).map(small).collect();
        let l: Gc<ListObj> = ListObj::new(&mut ts, &init);
        let marker = small(10_000_000);
        let mut writes = 0usize;
        race(
            &mut ts,
            |_| {
                // Distinct values, never at index 0 or N-1 (where the mover's
                // marker lives while the list is shifted).
                let mut next = 1_000_000 + round * 100 * N;
                for _ in 0..20 {
                    for i in 1..N - 1 {
                        assert!(l.set(i, small(next)));
                        next += 1;
                    }
                }
            },
            |t| {
                for k in 0..300 {
                    if k % 3 == 2 {
                        l.reverse(t);
                        l.reverse(t);
                    } else {
                        l.insert(t, 0, marker);
                        assert_eq!(l.pop_at(t, 0), Some(marker));
                    }
                    writes += 1;
                }
            },
        );
        assert_eq!(writes, 300);
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
    use std::sync::atomic::{AtomicBool, Ordering};
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
