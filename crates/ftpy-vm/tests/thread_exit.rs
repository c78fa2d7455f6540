//! A thread that detaches gives its per-thread state back: a program that
//! starts and ends threads for a long time must not grow by a
//! `ThreadShared` (its allocation buffers, roots and `threading.local`
//! dicts) per thread. One test in its own binary, so that no other test's
//! threads come and go meanwhile.

mod support;

use ftpy_vm::thread::live_thread_shared;

#[test]
fn ended_threads_free_their_state() {
    let mut ts = support::attach();
    let before = live_thread_shared();
    ts.allow_threads(|| {
        for _ in 0..200 {
            std::thread::spawn(|| {
                let t = support::attach();
                drop(t);
            })
            .join()
            .expect("thread");
        }
    });
    assert_eq!(live_thread_shared(), before);
}
