//! The buffer protocol: objects that lend their memory out as raw bytes
//! (`bytes`, `bytearray`, `array.array`), read and written in place by
//! `memoryview` and copied by everything that accepts a "bytes-like
//! object".
//!
//! An exporter registers [`BufferProcs`] for its object kind
//! ([`register`]). A consumer asks for the memory on every access
//! ([`BufferProcs::memory`]) rather than keeping a pointer, so an exporter
//! may move its storage while nobody has it exported; what it must not do
//! while *exported* (between [`BufferProcs::acquire`] and
//! [`BufferProcs::release`]) is change its length: a `bytearray` then
//! raises `BufferError: Existing exports of data: object cannot be
//! re-sized`.
//!
//! # Concurrency
//! A mutable exporter's bytes may be written by another thread: a
//! consumer reads or writes them only while holding the exporter's own
//! lock ([`Header::lock`](crate::object::Header::lock)) when
//! [`BufferProcs::locked`] says so, and never across a safepoint.
//!
//! # Exports and the collector
//! A memoryview that is dropped without `release()` would keep its
//! exporter locked forever under a tracing collector (CPython releases it
//! when its reference count drops). So a view of a resizable exporter is
//! registered for finalization, and an exporter that finds itself
//! exported when asked to resize first runs a collection and the
//! finalizers ([`collect_dead_views`]), then checks again.

use std::sync::atomic::{AtomicPtr, Ordering};

use crate::object::Kind;
use crate::thread::ThreadState;
use crate::value::Value;

/// An exporter's memory at one moment.
#[derive(Copy, Clone, Debug)]
pub struct Memory {
    pub ptr: *mut u8,
    /// Length in bytes.
    pub len: usize,
}

/// How a kind of object exports its memory.
pub struct BufferProcs {
    /// The memory now. Valid until the next safepoint, and (if `locked`)
    /// only while the caller holds the object's lock.
    pub memory: fn(Value) -> Memory,
    /// Whether the memory may be written.
    pub readonly: fn(Value) -> bool,
    /// The items' struct format (`"B"` for bytes) and size in bytes.
    pub format: fn(Value) -> (&'static str, usize),
    /// Registers an export (`None`: the exporter never resizes).
    pub acquire: Option<fn(Value)>,
    /// Drops an export.
    pub release: Option<fn(Value)>,
    /// Whether the memory may change under another thread (reads and
    /// writes take the object's lock).
    pub locked: bool,
}

static PROCS: [AtomicPtr<BufferProcs>; 256] = [const { AtomicPtr::new(std::ptr::null_mut()) }; 256];

/// Makes objects of `kind` exporters.
pub fn register(kind: Kind, procs: &'static BufferProcs) {
    PROCS[kind as usize].store(
        procs as *const BufferProcs as *mut BufferProcs,
        Ordering::Release,
    );
}

/// An exporter among the types of native modules (`array.array`), which
/// all share the object kind `Native`: `is` tells its objects apart.
pub struct NativeExporter {
    pub is: fn(Value) -> bool,
    pub procs: &'static BufferProcs,
}

const NATIVE_SLOTS: usize = 8;

static NATIVE: [AtomicPtr<NativeExporter>; NATIVE_SLOTS] =
    [const { AtomicPtr::new(std::ptr::null_mut()) }; NATIVE_SLOTS];

/// Makes the native objects `e.is` accepts exporters (idempotent; at most
/// eight native exporter types).
pub fn register_native(e: &'static NativeExporter) {
    let p = e as *const NativeExporter as *mut NativeExporter;
    for slot in &NATIVE {
        match slot.compare_exchange(std::ptr::null_mut(), p, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return,
            Err(cur) if cur == p => return,
            Err(_) => {}
        }
    }
}

/// The buffer procedures of `v`'s kind, if it exports.
#[inline]
pub fn procs(v: Value) -> Option<&'static BufferProcs> {
    let h = v.header()?;
    let kind = h.kind_byte();
    if kind == Kind::Native as u8 {
        return native_procs(v);
    }
    let p = PROCS[kind as usize].load(Ordering::Acquire);
    // SAFETY: only `register` stores here, from a `&'static BufferProcs`.
    unsafe { p.as_ref() }
}

fn native_procs(v: Value) -> Option<&'static BufferProcs> {
    for slot in &NATIVE {
        let p = slot.load(Ordering::Acquire);
        // SAFETY: only `register_native` stores here, from a
        // `&'static NativeExporter`.
        let e = unsafe { p.as_ref() }?;
        if (e.is)(v) {
            return Some(e.procs);
        }
    }
    None
}

/// A copy of the bytes of an exporter (under its lock when needed).
pub fn copy_bytes(v: Value, p: &BufferProcs) -> Vec<u8> {
    let h = v.header();
    let _g = if p.locked { h.map(|h| h.lock()) } else { None };
    let m = (p.memory)(v);
    if m.len == 0 {
        return Vec::new();
    }
    // SAFETY: `memory` describes `len` readable bytes, stable while we
    // hold the lock (or forever for an immutable exporter).
    unsafe { std::slice::from_raw_parts(m.ptr, m.len) }.to_vec()
}

/// Runs a collection and the finalizers, so that memoryviews nobody
/// references any more release their exports.
pub fn collect_dead_views(ts: &mut ThreadState) {
    crate::gc::collect_garbage(ts, crate::gc::collect::Reason::Explicit);
    crate::run_finalizers(ts, false);
}
