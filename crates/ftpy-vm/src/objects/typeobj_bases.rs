//! Changing a class's bases: `C.__bases__ = (A, B)` (CPython's
//! type_set_bases).
//!
//! The checks, in CPython's order: a heap type, a non-empty tuple of
//! classes, none of them a subclass of `C` (a cycle), a best base whose
//! instance layout is the old base's. Then `__bases__` and `__base__` are
//! replaced and the MRO of `C` and of every subclass is recomputed (C3, or
//! the metaclass's `mro()`); if any of those fails, every MRO changed so
//! far and the bases are put back. On success `C` moves between its old
//! and new bases' subclass lists and the slots of `C` and its subclasses
//! are recomputed; every MRO change bumps the type versions, which
//! invalidates the lookup and inline caches.

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::object::Gc;
use crate::objects::list::ListObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{tflags, type_name, TypeObj};
use crate::objects::typeobj_new::{best_base, compatible_for_assignment, compute_mro};
use crate::thread::ThreadState;
use crate::value::Value;

/// `type.__bases__` setter.
pub fn set_bases(ts: &mut ThreadState, t: Gc<TypeObj>, x: Option<Value>) -> PyResult<()> {
    if !t.is_heap_type() {
        return Err(ts.type_error(format!(
            "cannot set '__bases__' attribute of immutable type '{}'",
            t.tp_name_str()
        )));
    }
    let Some(x) = x else {
        return Err(ts.type_error(format!(
            "cannot delete '__bases__' attribute of immutable type '{}'",
            t.name_str()
        )));
    };
    let Some(new_bases) = x.downcast::<TupleObj>() else {
        return Err(ts.type_error(format!(
            "can only assign tuple to {}.__bases__, not {}",
            t.name_str(),
            type_name(x)
        )));
    };
    if new_bases.is_empty() {
        return Err(ts.type_error(format!(
            "can only assign non-empty tuple to {}.__bases__, not ()",
            t.name_str()
        )));
    }
    for &b in new_bases.items() {
        let Some(bt) = b.downcast::<TypeObj>() else {
            return Err(ts.type_error(format!(
                "{}.__bases__ must be tuple of classes, not '{}'",
                t.name_str(),
                type_name(b)
            )));
        };
        if bt.is_subtype(t) || base_chain_reaches(bt, t) {
            return Err(ts.type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let new_base = best_base(ts, new_bases.items())?;
    let Some(old_base) = t.base.get().downcast::<TypeObj>() else {
        return Err(ts.type_error(format!(
            "cannot set '__bases__' attribute of immutable type '{}'",
            t.name_str()
        )));
    };
    check_layout(ts, old_base, new_base)?;
    let old_bases = t.bases.get();
    t.bases.set(new_bases.value());
    t.base.set(new_base.value());
    // (type, old MRO) for every MRO replaced, to undo on failure.
    let mut undo = RootedVec::new(ts);
    if let Err(e) = mro_hierarchy(ts, t, &mut undo) {
        for pair in undo.chunks(2).rev() {
            // SAFETY: the even entries are the types pushed by mro_hierarchy.
            let c: Gc<TypeObj> = unsafe { pair[0].downcast_unchecked() };
            c.mro.set(pair[1]);
            c.modified();
        }
        if t.bases.get() == new_bases.value() {
            t.bases.set(old_bases);
            t.base.set(old_base.value());
        }
        return Err(e);
    }
    // A custom mro() may have assigned __bases__ again: that call has
    // done the bookkeeping.
    if t.bases.get() != new_bases.value() {
        return Ok(());
    }
    if let Some(ob) = old_bases.downcast::<TupleObj>() {
        for &b in ob.items() {
            if let Some(l) = b
                .downcast::<TypeObj>()
                .and_then(|bt| bt.subclasses.get().downcast::<ListObj>())
            {
                remove_identity(ts, l, t.value());
            }
        }
    }
    for &b in new_bases.items() {
        if let Some(l) = b
            .downcast::<TypeObj>()
            .and_then(|bt| bt.subclasses.get().downcast::<ListObj>())
        {
            l.append(ts, t.value());
        }
    }
    update_slots_recursive(t);
    Ok(())
}

/// Whether following `__base__` from `b` reaches `t` (a cycle that a
/// custom `mro()` reentering here could have made before the MROs agree).
fn base_chain_reaches(b: Gc<TypeObj>, t: Gc<TypeObj>) -> bool {
    let mut cur = Some(b);
    while let Some(c) = cur {
        if c == t {
            return true;
        }
        cur = c.base.get().downcast::<TypeObj>();
    }
    false
}

/// CPython's compatible_for_assignment for `__bases__`: the same
/// deallocator (CPython frees heap types and cycle-collected built-ins
/// with one function, the other built-ins with another) and the same
/// instance layout.
fn check_layout(ts: &mut ThreadState, old: Gc<TypeObj>, new: Gc<TypeObj>) -> PyResult<()> {
    if old.has_flag(tflags::NO_CYCLE_GC) != new.has_flag(tflags::NO_CYCLE_GC) {
        return Err(ts.type_error(format!(
            "__bases__ assignment: '{}' deallocator differs from '{}'",
            new.tp_name_str(),
            old.tp_name_str()
        )));
    }
    if !compatible_for_assignment(old, new) {
        return Err(ts.type_error(format!(
            "__bases__ assignment: '{}' object layout differs from '{}'",
            new.tp_name_str(),
            old.tp_name_str()
        )));
    }
    Ok(())
}

/// Recomputes the MRO of `t`, then of its subclasses (depth first),
/// recording each replaced MRO in `undo`.
fn mro_hierarchy(ts: &mut ThreadState, t: Gc<TypeObj>, undo: &mut RootedVec) -> PyResult<()> {
    let old_mro = t.mro.get();
    let base = t.base.get().downcast::<TypeObj>().unwrap_or(t);
    let mut bases = RootedVec::new(ts);
    if let Some(bt) = t.bases.get().downcast::<TupleObj>() {
        bases.extend_from_slice(bt.items());
    }
    let new_mro = compute_mro(ts, t, base, &bases)?;
    // The mro() call may have reentered and set another MRO: keep it.
    if t.mro.get() != old_mro {
        return Ok(());
    }
    t.mro.set(new_mro.value());
    t.modified();
    undo.push(t.value());
    undo.push(old_mro);
    let mut subs = RootedVec::new(ts);
    if let Some(l) = t.subclasses.get().downcast::<ListObj>() {
        subs = l.snapshot_items(ts);
    }
    for &s in subs.iter() {
        if let Some(st) = s.downcast::<TypeObj>() {
            mro_hierarchy(ts, st, undo)?;
        }
    }
    Ok(())
}

/// Removes the first item of `l` that is `v` itself.
fn remove_identity(ts: &mut ThreadState, l: Gc<ListObj>, v: Value) {
    l.remove_identical(ts, v);
}

/// Recomputes the slots of `cls` and of every class below it.
pub fn update_slots_recursive(cls: Gc<TypeObj>) {
    crate::objects::slots::update_slots(cls);
    if let Some(subs) = cls.subclasses.get().downcast::<ListObj>() {
        for s in subs.snapshot_items_unrooted() {
            if let Some(t) = s.downcast::<TypeObj>() {
                update_slots_recursive(t);
            }
        }
    }
}
