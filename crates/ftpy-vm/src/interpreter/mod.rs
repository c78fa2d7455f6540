//! The interpreter loop.
//!
//! # Rules for correctness (read before touching an opcode)
//! 1. Any call may run Python code, a collection, or another thread's
//!    mutation of anything shared. After an operation that can call,
//!    re-read frame state from the frame, never from a copy taken before.
//! 2. Never hold an object's lock guard across such a call (gc invariant
//!    7); container operations take and release their locks themselves.
//! 3. The value stack lives in the frame, which the collector scans in
//!    full (see `frame.rs`): values popped into Rust locals stay alive both
//!    there and through the conservative stack scan, so no opcode needs to
//!    "root" its operands. Values must not be kept in Rust heap memory.
//! 4. Before pushing a callee frame, store `pc` (the return address) and
//!    the stack depth into the caller's frame; `load_frame!` restores both.
//! 5. Stack indexing is unchecked: the bytecode verifier (run on every
//!    code object when it is loaded) proved depths, operand indices and
//!    jump targets in range. Code that changes the stack discipline must
//!    change the verifier's model (`Op::stack_effect`) with it.
//! 6. An opcode's arm is short: the fast path inline, the rest in a
//!    `#[cold]` helper in `helpers.rs`. Errors leave the arm with `tri!` /
//!    `break 'op err`; the error path below finds the handler.
//! 7. Safepoints: backward jumps and calls poll the eval breaker; the
//!    allocation slow path is one too. Nothing else parks.

pub mod call;
pub mod frame;
pub mod helpers;

pub use call::{call_function, run_code};

use std::sync::atomic::Ordering;

use ftpy_compiler::{BinaryOp, CompareOp, Instr, Op};

use crate::error::{PyErr, PyResult};
use crate::interp::types;
use crate::object::{Gc, Kind};
use crate::objects::cell::CellObj;
use crate::objects::code::CodeObj;
use crate::objects::function::FunctionObj;
use crate::objects::int;
use crate::objects::iterators::IterObj;
use crate::objects::list::ListObj;
use crate::objects::tuple::TupleObj;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use frame::{fflags, Frame};

/// Runs frame `entry` (already pushed and linked, flagged ENTRY) until it
/// returns or raises. Python calls made by the code run in this same loop.
pub(crate) fn run_frame(ts: &mut ThreadState, entry: *mut Frame) -> PyResult<Value> {
    let outer = ts.run_top;
    ts.run_top = crate::gc::stack::approx_sp();
    // `entry` was set up by push_call_frame / run_code / a generator
    // resume, as is every frame the loop reaches.
    // SAFETY: `entry` is the thread's live top frame (above).
    let r = unsafe { run(ts, entry) };
    ts.run_top = outer;
    r
}

/// Leaves frame `f`: unlinks it and frees frame-stack memory (generator
/// frames live in their generator).
#[inline]
unsafe fn leave_frame(ts: &mut ThreadState, f: *mut Frame) {
    // SAFETY: `f` is the live top frame (caller's contract).
    let fr = unsafe { &*f };
    if fr.flags & fflags::GENERATOR != 0 {
        ts.set_top_frame(fr.prev);
        ts.depth -= 1;
    } else {
        call::pop_frame(ts, f);
    }
}

#[inline(always)]
fn op_of(byte: u8) -> Op {
    debug_assert!(Op::from_u8(byte).is_some());
    // SAFETY: the verifier checked every opcode byte when the code was
    // loaded, and specialization only writes bytes of real opcodes.
    unsafe { std::mem::transmute::<u8, Op>(byte) }
}

// The stack and frame macros carry their own `unsafe` blocks so that they
// can be used anywhere; inside larger unsafe blocks those are redundant.
#[allow(clippy::cognitive_complexity, unused_unsafe)]
unsafe fn run(ts: &mut ThreadState, entry: *mut Frame) -> PyResult<Value> {
    let mut f: *mut Frame = entry;
    let mut code: Gc<CodeObj>;
    // `code`'s instruction array (the hot loop reads it every step).
    let mut instrs: *const std::sync::atomic::AtomicU64;
    let mut pc: usize;
    let mut base: *mut Value;
    let mut sp: *mut Value;
    let mut skip_tb = false;

    macro_rules! fr {
        () => {
            // SAFETY: `f` is always the live top frame of this thread
            // (rule 4); only this thread touches it.
            unsafe { &mut *f }
        };
    }
    macro_rules! cell {
        ($i:expr) => {{
            let c = local!(code.nlocals + $i);
            // SAFETY: cell and free slots hold cells (set up at frame start).
            let g: Gc<CellObj> = unsafe { c.downcast_unchecked() };
            g
        }};
    }
    macro_rules! drop_n {
        ($n:expr) => {{
            // SAFETY: the verifier proved `$n` items are on the stack.
            sp = unsafe { sp.sub($n) };
        }};
    }
    macro_rules! load_frame {
        () => {{
            // SAFETY: `f` is a live frame of this thread (rule 4).
            unsafe {
                code = fr!().code;
                instrs = code.instrs().as_ptr();
                pc = fr!().pc as usize;
                base = fr!().slots_ptr();
                sp = base.add(code.nlocalsplus() + fr!().sp as usize);
            }
        }};
    }
    macro_rules! depth {
        () => {
            // SAFETY: sp and the stack base are in the same frame.
            (unsafe { sp.offset_from(base) } as usize - code.nlocalsplus()) as u32
        };
    }
    macro_rules! push {
        ($v:expr) => {{
            let v = $v;
            // SAFETY: the verifier bounds the depth by stacksize (rule 5).
            unsafe {
                *sp = v;
                sp = sp.add(1);
            }
        }};
    }
    macro_rules! pop {
        () => {{
            // SAFETY: the verifier proved the stack holds an item (rule 5).
            unsafe {
                drop_n!(1);
                *sp
            }
        }};
    }
    macro_rules! top {
        () => {
            // SAFETY: as for pop.
            unsafe { *sp.sub(1) }
        };
    }
    macro_rules! peek {
        ($n:expr) => {
            // SAFETY: as for pop; `$n` items are on the stack.
            unsafe { *sp.sub($n) }
        };
    }
    macro_rules! set_top {
        ($v:expr) => {{
            let v = $v;
            // SAFETY: as for pop.
            unsafe { *sp.sub(1) = v }
        }};
    }
    macro_rules! local {
        ($i:expr) => {
            // SAFETY: the verifier checked local indices.
            unsafe { *base.add($i as usize) }
        };
    }
    macro_rules! set_local {
        ($i:expr, $v:expr) => {{
            let v = $v;
            // SAFETY: the verifier checked local indices.
            unsafe { *base.add($i as usize) = v }
        }};
    }
    macro_rules! stack_slice {
        ($n:expr) => {
            // SAFETY: `$n` items are on the stack (verifier).
            unsafe { std::slice::from_raw_parts(sp.sub($n), $n) }
        };
    }
    macro_rules! save_state {
        () => {{
            let d = depth!();
            // SAFETY: `f` is the live frame.
            unsafe {
                fr!().pc = pc as u32;
                fr!().sp = d;
                fr!().lasti = (pc - 1) as u32;
            }
        }};
    }

    load_frame!();

    // A generator resumed by `throw` starts by raising.
    let mut pending: Option<PyErr> = None;
    // SAFETY: `f` is the live entry frame.
    if unsafe { fr!().flags } & crate::objects::generator::THROW != 0 {
        // SAFETY: as above.
        unsafe { fr!().flags &= !crate::objects::generator::THROW };
        // SAFETY: as above.
        if let Some(g) = unsafe { fr!().gen }.downcast::<crate::objects::generator::GenObj>() {
            let e = g.pending.swap(Value::NULL);
            if e.downcast::<crate::objects::exception::ExcObj>().is_some() {
                pending = Some(PyErr::from_exception(e));
            }
        }
    }

    'outer: loop {
        // The hot loop runs until an instruction fails; the error is then
        // handled below, outside it (a throw() into a generator starts
        // there directly).
        let err: PyErr = if let Some(e) = pending.take() {
            e
        } else {
            'op: {
                'dispatch: loop {
                    macro_rules! tri {
                        ($e:expr) => {
                            match $e {
                                Ok(v) => v,
                                Err(e) => break 'op e,
                            }
                        };
                    }
                    // SAFETY: the verifier proved every jump target and fall-through is
                    // in range (no code falls off the end).
                    let word = Instr(unsafe { &*instrs.add(pc) }.load(Ordering::Relaxed));
                    pc += 1;
                    let a = word.a();
                    match op_of(word.opcode_byte()) {
                        Op::Nop => continue 'dispatch,
                        Op::PopTop => {
                            let _ = pop!();
                            continue 'dispatch;
                        }
                        Op::Swap => {
                            let n = a as usize;
                            // SAFETY: `n` items are on the stack (verifier).
                            unsafe { std::ptr::swap(sp.sub(1), sp.sub(n)) };
                            continue 'dispatch;
                        }
                        Op::Copy => {
                            let v = peek!(a as usize);
                            push!(v);
                            continue 'dispatch;
                        }
                        Op::PushNull => {
                            push!(Value::NULL);
                            continue 'dispatch;
                        }
                        Op::LoadConst => {
                            // SAFETY: the verifier checked the constant index.
                            let v = unsafe { *code.consts().items().get_unchecked(a as usize) };
                            push!(v);
                            continue 'dispatch;
                        }
                        Op::LoadFast => {
                            let v = local!(a);
                            if v.is_null() {
                                save_state!();
                                break 'op helpers::unbound_local(ts, &code, a);
                            }
                            push!(v);
                            continue 'dispatch;
                        }
                        Op::StoreFast => {
                            let v = pop!();
                            set_local!(a, v);
                            continue 'dispatch;
                        }
                        Op::DeleteFast => {
                            if local!(a).is_null() {
                                break 'op helpers::unbound_local(ts, &code, a);
                            }
                            set_local!(a, Value::NULL);
                            continue 'dispatch;
                        }
                        Op::LoadDeref => {
                            let cell: Gc<CellObj> = cell!(a);
                            let v = cell.value.get();
                            if v.is_null() {
                                break 'op helpers::unbound_deref(ts, &code, a);
                            }
                            push!(v);
                            continue 'dispatch;
                        }
                        Op::StoreDeref => {
                            let v = pop!();
                            let cell: Gc<CellObj> = cell!(a);
                            cell.value.set(v);
                            continue 'dispatch;
                        }
                        Op::DeleteDeref => {
                            let cell: Gc<CellObj> = cell!(a);
                            if cell.value.get().is_null() {
                                break 'op helpers::unbound_deref(ts, &code, a);
                            }
                            cell.value.set(Value::NULL);
                            continue 'dispatch;
                        }
                        Op::LoadClosure => {
                            let c = local!(code.nlocals + a);
                            push!(c);
                            continue 'dispatch;
                        }
                        Op::LoadClassDeref => {
                            let v = tri!(helpers::load_classderef(ts, fr!(), a));
                            push!(v);
                            continue 'dispatch;
                        }
                        Op::LoadGlobal => {
                            let v = match helpers::load_global_cached(fr!(), &code, word) {
                                Some(v) => v,
                                None => {
                                    save_state!();
                                    tri!(helpers::load_global_slow(ts, fr!(), &code, word))
                                }
                            };
                            if a & 1 != 0 {
                                push!(Value::NULL);
                            }
                            push!(v);
                            continue 'dispatch;
                        }
                        Op::StoreGlobal => {
                            let v = pop!();
                            let name = code.name_at(a);
                            tri!(fr!().globals.set_item(ts, name.value(), v));
                            continue 'dispatch;
                        }
                        Op::DeleteGlobal => {
                            let name = code.name_at(a);
                            if !tri!(fr!().globals.del_item_opt(ts, name.value())) {
                                break 'op ts.name_error(name);
                            }
                            continue 'dispatch;
                        }
                        Op::LoadName => {
                            save_state!();
                            let v = tri!(helpers::load_name(ts, fr!(), code.name_at(a)));
                            push!(v);
                            continue 'dispatch;
                        }
                        Op::StoreName => {
                            let v = pop!();
                            save_state!();
                            tri!(helpers::store_name(ts, fr!(), code.name_at(a), Some(v)));
                            continue 'dispatch;
                        }
                        Op::DeleteName => {
                            save_state!();
                            tri!(helpers::store_name(ts, fr!(), code.name_at(a), None));
                            continue 'dispatch;
                        }
                        Op::LoadAttr => {
                            let owner = top!();
                            let v = match helpers::load_attr_cached(ts, owner, &code, word) {
                                Some(v) => v,
                                None => {
                                    save_state!();
                                    tri!(helpers::load_attr_slow(ts, owner, &code, word))
                                }
                            };
                            set_top!(v);
                            continue 'dispatch;
                        }
                        Op::LoadMethod => {
                            let owner = top!();
                            let (m, s) = match helpers::load_method_cached(owner, &code, word) {
                                Some(pair) => pair,
                                None => {
                                    save_state!();
                                    tri!(helpers::load_method_slow(ts, owner, &code, word))
                                }
                            };
                            set_top!(m);
                            push!(s);
                            continue 'dispatch;
                        }
                        Op::StoreAttr => {
                            let owner = pop!();
                            let v = pop!();
                            if !helpers::store_attr_cached(owner, v, &code, word) {
                                save_state!();
                                tri!(helpers::store_attr_slow(ts, owner, v, &code, word));
                            }
                            continue 'dispatch;
                        }
                        Op::DeleteAttr => {
                            let owner = pop!();
                            save_state!();
                            tri!(ops::setattr(ts, owner, code.name_at(a), None));
                            continue 'dispatch;
                        }
                        Op::BinarySubscr => {
                            let key = pop!();
                            let container = top!();
                            if let (Some(l), Some(i)) =
                                (container.downcast::<ListObj>(), key.as_small_int())
                            {
                                if let Some(j) = crate::objects::slice::normalize_index(i, l.len())
                                {
                                    if let Some(v) = l.get(j) {
                                        if container
                                            .header()
                                            .map(|h| h.ty() == types().list)
                                            .unwrap_or(false)
                                        {
                                            set_top!(v);
                                            continue 'dispatch;
                                        }
                                    }
                                }
                            }
                            save_state!();
                            let v = tri!(ops::getitem(ts, container, key));
                            set_top!(v);
                            continue 'dispatch;
                        }
                        Op::StoreSubscr => {
                            let key = pop!();
                            let container = pop!();
                            let v = pop!();
                            if let (Some(l), Some(i)) =
                                (container.downcast::<ListObj>(), key.as_small_int())
                            {
                                if container
                                    .header()
                                    .map(|h| h.ty() == types().list)
                                    .unwrap_or(false)
                                {
                                    if let Some(j) =
                                        crate::objects::slice::normalize_index(i, l.len())
                                    {
                                        if l.set(j, v) {
                                            continue 'dispatch;
                                        }
                                    }
                                }
                            }
                            save_state!();
                            tri!(ops::setitem(ts, container, key, Some(v)));
                            continue 'dispatch;
                        }
                        Op::DeleteSubscr => {
                            let key = pop!();
                            let container = pop!();
                            save_state!();
                            tri!(ops::setitem(ts, container, key, None));
                            continue 'dispatch;
                        }
                        Op::BuildSlice => {
                            let step = if a == 3 { pop!() } else { Value::NONE };
                            let stop = pop!();
                            let start = pop!();
                            let s = crate::objects::slice::SliceObj::new(ts, start, stop, step);
                            push!(s.value());
                            continue 'dispatch;
                        }
                        Op::UnaryPositive => {
                            let v = top!();
                            save_state!();
                            let r = tri!(ops::pos(ts, v));
                            set_top!(r);
                            continue 'dispatch;
                        }
                        Op::UnaryNegative => {
                            let v = top!();
                            if let Some(i) = v.as_small_int() {
                                set_top!(int::int_from_i64(ts, -i));
                                continue 'dispatch;
                            }
                            if let Some(x) = v.as_float().filter(|x| !x.is_nan()) {
                                set_top!(Value::from_f64(-x));
                                continue 'dispatch;
                            }
                            save_state!();
                            let r = tri!(ops::neg(ts, v));
                            set_top!(r);
                            continue 'dispatch;
                        }
                        Op::UnaryNot => {
                            let v = top!();
                            save_state!();
                            let b = tri!(ops::truthy(ts, v));
                            set_top!(Value::from_bool(!b));
                            continue 'dispatch;
                        }
                        Op::UnaryInvert => {
                            let v = top!();
                            save_state!();
                            let r = tri!(ops::invert(ts, v));
                            set_top!(r);
                            continue 'dispatch;
                        }
                        Op::BinaryOp => {
                            let rhs = pop!();
                            let lhs = top!();
                            if let Some(r) = helpers::binary_fast(lhs, rhs, a) {
                                set_top!(r);
                                continue 'dispatch;
                            }
                            save_state!();
                            let r = tri!(helpers::binary_slow(ts, lhs, rhs, a));
                            set_top!(r);
                            continue 'dispatch;
                        }
                        Op::CompareOp => {
                            let rhs = pop!();
                            let lhs = top!();
                            if Value::both_small_ints(lhs, rhs) {
                                let (x, y) = (lhs.small_int_value(), rhs.small_int_value());
                                set_top!(Value::from_bool(helpers::cmp_i64(x, y, a)));
                                continue 'dispatch;
                            }
                            if let (Some(x), Some(y)) = (lhs.as_float(), rhs.as_float()) {
                                set_top!(Value::from_bool(helpers::cmp_f64(x, y, a)));
                                continue 'dispatch;
                            }
                            save_state!();
                            let op = CompareOp::from_u32(a).unwrap_or(CompareOp::Eq);
                            let r = tri!(ops::rich_compare(ts, lhs, rhs, op));
                            set_top!(r);
                            continue 'dispatch;
                        }
                        Op::IsOp => {
                            let rhs = pop!();
                            let lhs = top!();
                            let same = if lhs.is_float() && rhs.is_float() {
                                lhs.bits() == rhs.bits()
                            } else {
                                lhs == rhs
                            };
                            set_top!(Value::from_bool(same != (a == 1)));
                            continue 'dispatch;
                        }
                        Op::ContainsOp => {
                            let container = pop!();
                            let item = top!();
                            save_state!();
                            let r = tri!(ops::contains(ts, container, item));
                            set_top!(Value::from_bool(r != (a == 1)));
                            continue 'dispatch;
                        }
                        Op::JumpForward => {
                            pc = a as usize;
                            continue 'dispatch;
                        }
                        Op::JumpBackward => {
                            pc = a as usize;
                            if ts.breaker_set() {
                                save_state!();
                                tri!(ts.safepoint_slow());
                            }
                            continue 'dispatch;
                        }
                        Op::JumpBackwardNoInterrupt => {
                            pc = a as usize;
                            continue 'dispatch;
                        }
                        Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                            let v = pop!();
                            let want = word.opcode_byte() == Op::PopJumpIfTrue as u8;
                            let t = match v.as_bool() {
                                Some(b) => b,
                                None => {
                                    save_state!();
                                    tri!(ops::truthy(ts, v))
                                }
                            };
                            if t == want {
                                let back = (a as usize) < pc;
                                pc = a as usize;
                                if back && ts.breaker_set() {
                                    save_state!();
                                    tri!(ts.safepoint_slow());
                                }
                            }
                            continue 'dispatch;
                        }
                        Op::PopJumpIfNone => {
                            if pop!().is_none() {
                                pc = a as usize;
                            }
                            continue 'dispatch;
                        }
                        Op::PopJumpIfNotNone => {
                            if !pop!().is_none() {
                                pc = a as usize;
                            }
                            continue 'dispatch;
                        }
                        Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                            let v = top!();
                            let want = word.opcode_byte() == Op::JumpIfTrueOrPop as u8;
                            let t = match v.as_bool() {
                                Some(b) => b,
                                None => {
                                    save_state!();
                                    tri!(ops::truthy(ts, v))
                                }
                            };
                            if t == want {
                                pc = a as usize;
                            } else {
                                let _ = pop!();
                            }
                            continue 'dispatch;
                        }
                        Op::GetIter => {
                            let v = top!();
                            save_state!();
                            let it = tri!(ops::iter(ts, v));
                            set_top!(it);
                            continue 'dispatch;
                        }
                        Op::ForIter => {
                            let it = top!();
                            if it.header().is_some_and(|h| h.kind() == Kind::Iterator) {
                                // SAFETY: the kind says IterObj.
                                let o: Gc<IterObj> = unsafe { it.downcast_unchecked() };
                                match o.next_owned(ts) {
                                    Some(Some(v)) => {
                                        // The loop target's STORE_FAST, fused.
                                        // SAFETY: FOR_ITER falls through to
                                        // the loop body (verifier).
                                        let w = unsafe { &*instrs.add(pc) };
                                        let next = Instr(w.load(Ordering::Relaxed));
                                        if next.opcode_byte() == Op::StoreFast as u8 {
                                            pc += 1;
                                            set_local!(next.a(), v);
                                        } else {
                                            push!(v);
                                        }
                                        continue 'dispatch;
                                    }
                                    Some(None) => {
                                        let _ = pop!();
                                        pc = a as usize;
                                        continue 'dispatch;
                                    }
                                    None => {}
                                }
                            }
                            save_state!();
                            match tri!(helpers::for_iter_next(ts, it)) {
                                Some(v) => push!(v),
                                None => {
                                    let _ = pop!();
                                    pc = a as usize;
                                }
                            }
                            continue 'dispatch;
                        }
                        Op::ReturnValue => {
                            let mut v = pop!();
                            let fl = fr!().flags;
                            if fl & fflags::INIT != 0 {
                                if !v.is_none() {
                                    save_state!();
                                    break 'op ts.type_error(format!(
                                        "__init__() should return None, not '{}'",
                                        crate::objects::typeobj::type_name(v)
                                    ));
                                }
                                v = local!(0u32);
                            }
                            fr!().pc = pc as u32;
                            fr!().sp = depth!();
                            if fl & fflags::ENTRY != 0 {
                                // SAFETY: `f` is the live top frame.
                                unsafe { leave_frame(ts, f) };
                                return Ok(v);
                            }
                            let prev = fr!().prev;
                            // SAFETY: `f` is the live top frame.
                            unsafe { leave_frame(ts, f) };
                            f = prev;
                            load_frame!();
                            push!(v);
                            continue 'dispatch;
                        }
                        Op::BuildTuple => {
                            let n = a as usize;
                            let t = TupleObj::new(ts, stack_slice!(n));
                            drop_n!(n);
                            push!(t.value());
                            continue 'dispatch;
                        }
                        Op::BuildList => {
                            let n = a as usize;
                            let l = ListObj::new(ts, stack_slice!(n));
                            drop_n!(n);
                            push!(l.value());
                            continue 'dispatch;
                        }
                        Op::BuildSet => {
                            let n = a as usize;
                            save_state!();
                            let s = tri!(helpers::build_set(ts, stack_slice!(n)));
                            drop_n!(n);
                            push!(s);
                            continue 'dispatch;
                        }
                        Op::BuildMap => {
                            let n = a as usize;
                            save_state!();
                            let d = tri!(helpers::build_map(ts, stack_slice!(2 * n)));
                            drop_n!(2 * n);
                            push!(d);
                            continue 'dispatch;
                        }
                        Op::BuildConstKeyMap => {
                            let n = a as usize;
                            save_state!();
                            let keys = pop!();
                            let d = tri!(helpers::build_const_key_map(ts, keys, stack_slice!(n)));
                            drop_n!(n);
                            push!(d);
                            continue 'dispatch;
                        }
                        Op::BuildString => {
                            let n = a as usize;
                            let s = helpers::build_string(ts, stack_slice!(n));
                            drop_n!(n);
                            push!(s);
                            continue 'dispatch;
                        }
                        Op::ListAppend => {
                            let v = pop!();
                            let lv = peek!(a as usize);
                            // SAFETY: LIST_APPEND targets the list a comprehension built.
                            let l: Gc<ListObj> = unsafe { lv.downcast_unchecked() };
                            save_state!();
                            l.append_at_safepoint(ts, v);
                            continue 'dispatch;
                        }
                        Op::SetAdd => {
                            let v = pop!();
                            let target = peek!(a as usize);
                            save_state!();
                            tri!(helpers::set_add(ts, target, v));
                            continue 'dispatch;
                        }
                        Op::MapAdd => {
                            let v = pop!();
                            let k = pop!();
                            let target = peek!(a as usize);
                            save_state!();
                            tri!(ops::setitem(ts, target, k, Some(v)));
                            continue 'dispatch;
                        }
                        Op::ListExtend => {
                            let src = pop!();
                            let target = peek!(a as usize);
                            save_state!();
                            if let Err(e) = helpers::list_extend(ts, target, src) {
                                // `f(*x)` alone compiles to BUILD_LIST 0; x;
                                // LIST_EXTEND 1; LIST_TO_TUPLE; CALL_FUNCTION_EX:
                                // CPython names the function in that case.
                                // SAFETY: the verifier keeps pc in range.
                                let next =
                                    Instr(unsafe { &*instrs.add(pc) }.load(Ordering::Relaxed));
                                let lone = a == 1
                            && next.opcode_byte() == Op::ListToTuple as u8
                            && pc + 1 < code.instrs().len()
                            // SAFETY: pc + 1 is in range (checked).
                            && Instr(unsafe { &*instrs.add(pc + 1) }.load(Ordering::Relaxed)).opcode_byte()
                                == Op::CallFunctionEx as u8
                            && target.downcast::<ListObj>().is_some_and(|l| l.is_empty());
                                break 'op if lone {
                                    helpers::star_arg_error(ts, e, peek!(2), src)
                                } else {
                                    e
                                };
                            }
                            continue 'dispatch;
                        }
                        Op::SetUpdate => {
                            let src = pop!();
                            let target = peek!(a as usize);
                            save_state!();
                            tri!(helpers::set_update(ts, target, src));
                            continue 'dispatch;
                        }
                        Op::DictUpdate => {
                            let src = pop!();
                            let target = peek!(a as usize);
                            save_state!();
                            tri!(helpers::dict_update(ts, target, src));
                            continue 'dispatch;
                        }
                        Op::DictMerge => {
                            let src = pop!();
                            let target = peek!(a as usize);
                            let callable = peek!(a as usize + 2);
                            save_state!();
                            tri!(helpers::dict_merge(ts, target, src, callable));
                            continue 'dispatch;
                        }
                        Op::ListToTuple => {
                            let l = top!();
                            let t = helpers::list_to_tuple(ts, l);
                            set_top!(t);
                            continue 'dispatch;
                        }
                        Op::UnpackSequence => {
                            let seq = pop!();
                            let n = a as usize;
                            save_state!();
                            // The items are written above the depth while
                            // the iterator runs Python code: count them in
                            // (`gc.collect()` clears what lies above it).
                            fr!().sp += n as u32;
                            // SAFETY: the verifier reserved `n` slots for the items.
                            let out = unsafe { std::slice::from_raw_parts_mut(sp, n) };
                            tri!(helpers::unpack_sequence(ts, seq, out));
                            // SAFETY: the items were written into reserved stack slots.
                            sp = unsafe { sp.add(n) };
                            continue 'dispatch;
                        }
                        Op::UnpackEx => {
                            let seq = pop!();
                            let before = (a & 0xff) as usize;
                            let after = (a >> 8) as usize;
                            let n = before + after + 1;
                            save_state!();
                            // The items are written above the depth while
                            // the iterator runs Python code: count them in
                            // (`gc.collect()` clears what lies above it).
                            fr!().sp += n as u32;
                            // SAFETY: the verifier reserved `n` slots for the items.
                            let out = unsafe { std::slice::from_raw_parts_mut(sp, n) };
                            tri!(helpers::unpack_ex(ts, seq, before, after, out));
                            // SAFETY: the items were written into reserved stack slots.
                            sp = unsafe { sp.add(n) };
                            continue 'dispatch;
                        }
                        Op::FormatValue => {
                            let spec = if a & 4 != 0 { pop!() } else { Value::NULL };
                            let v = top!();
                            save_state!();
                            let r = tri!(helpers::format_value(ts, v, a & 3, spec));
                            set_top!(r);
                            continue 'dispatch;
                        }
                        Op::MakeFunction => {
                            let code_v = pop!();
                            let closure = if a & 8 != 0 { pop!() } else { Value::NULL };
                            let annotations = if a & 4 != 0 { pop!() } else { Value::NULL };
                            let kwdefaults = if a & 2 != 0 { pop!() } else { Value::NULL };
                            let defaults = if a & 1 != 0 { pop!() } else { Value::NULL };
                            // SAFETY: MAKE_FUNCTION's operand is a code constant.
                            let c: Gc<CodeObj> = unsafe { code_v.downcast_unchecked() };
                            let func = FunctionObj::new(ts, c, fr!().globals);
                            func.closure.set(closure);
                            func.annotations.set(annotations);
                            func.kwdefaults.set(kwdefaults);
                            func.defaults.set(defaults);
                            push!(func.value());
                            continue 'dispatch;
                        }
                        Op::Call | Op::CallKw => {
                            let kwnames = if word.opcode_byte() == Op::CallKw as u8 {
                                let kv = pop!();
                                // SAFETY: the compiler pushes a constant tuple of names.
                                let k: Gc<TupleObj> = unsafe { kv.downcast_unchecked() };
                                Some(k)
                            } else {
                                None
                            };
                            let n = a as usize;
                            let first = peek!(n + 2);
                            let (callable, args) = if first.is_null() {
                                (peek!(n + 1), stack_slice!(n))
                            } else {
                                (first, stack_slice!(n + 1))
                            };
                            // Signal handlers run at backward jumps and once
                            // a native call has returned, never on the way
                            // into a call (see `safepoint_no_signals`).
                            if ts.breaker_set() {
                                save_state!();
                                ts.safepoint_no_signals();
                            }
                            if let Some(func) = callable.downcast::<FunctionObj>() {
                                if func.code().flags & helpers::GEN_FLAGS == 0 {
                                    // A Python call: push its frame and continue in
                                    // this loop (no Rust recursion).
                                    fr!().pc = pc as u32;
                                    fr!().lasti = (pc - 1) as u32;
                                    fr!().sp = depth!() - n as u32 - 2;
                                    let nf =
                                        tri!(call::push_call_frame(ts, func, args, kwnames, 0));
                                    f = nf;
                                    load_frame!();
                                    continue 'dispatch;
                                }
                            }
                            save_state!();
                            ts.native_callee = callable;
                            let r = ops::call(ts, callable, args, kwnames);
                            ts.native_callee = Value::NULL;
                            drop_n!(n + 2);
                            let r = tri!(r);
                            if ts.signal_break_set() {
                                save_state!();
                                tri!(crate::interp::handle_pending_signals(ts));
                            }
                            push!(r);
                            continue 'dispatch;
                        }
                        Op::CallFunctionEx => {
                            // NULL, callable, args tuple, kwargs dict (if
                            // a & 1): they stay on the stack, rooted,
                            // during the call (the callee may get the
                            // tuple's items as its argument slice).
                            let nk = (a & 1) as usize;
                            let kwargs = if nk != 0 { peek!(1) } else { Value::NULL };
                            let args = peek!(1 + nk);
                            let callable = peek!(2 + nk);
                            save_state!();
                            let r = helpers::call_ex(ts, callable, args, kwargs);
                            drop_n!(3 + nk);
                            let r = tri!(r);
                            push!(r);
                            continue 'dispatch;
                        }
                        Op::LoadBuildClass => {
                            save_state!();
                            let v = tri!(helpers::load_build_class(ts, fr!()));
                            push!(v);
                            continue 'dispatch;
                        }
                        Op::LoadAssertionError => {
                            push!(types().assertion_error.value());
                            continue 'dispatch;
                        }
                        Op::SetupAnnotations => {
                            save_state!();
                            tri!(helpers::setup_annotations(ts, fr!()));
                            continue 'dispatch;
                        }
                        Op::ImportName => {
                            let fromlist = pop!();
                            let level = top!();
                            save_state!();
                            let m = tri!(helpers::import_name(
                                ts,
                                fr!(),
                                code.name_at(a),
                                fromlist,
                                level
                            ));
                            set_top!(m);
                            continue 'dispatch;
                        }
                        Op::ImportFrom => {
                            let m = top!();
                            save_state!();
                            let v = tri!(helpers::import_from(ts, m, code.name_at(a)));
                            push!(v);
                            continue 'dispatch;
                        }
                        Op::ImportStar => {
                            let m = pop!();
                            save_state!();
                            tri!(helpers::import_star(ts, fr!(), m));
                            continue 'dispatch;
                        }
                        Op::PrintExpr => {
                            let v = pop!();
                            save_state!();
                            tri!(helpers::print_expr(ts, v));
                            continue 'dispatch;
                        }
                        Op::RaiseVarargs => {
                            save_state!();
                            let (e, reraise) = match a {
                                0 => (helpers::reraise_current(ts), true),
                                1 => {
                                    let exc = pop!();
                                    (helpers::make_raise(ts, exc, Value::NULL), false)
                                }
                                _ => {
                                    let cause = pop!();
                                    let exc = pop!();
                                    (helpers::make_raise(ts, exc, cause), false)
                                }
                            };
                            skip_tb = reraise;
                            break 'op e;
                        }
                        Op::Reraise => {
                            let exc = pop!();
                            if a != 0 {
                                if let Some(l) = peek!(a as usize).as_small_int() {
                                    fr!().lasti = l as u32;
                                }
                            }
                            skip_tb = true;
                            break 'op helpers::as_pyerr(ts, exc);
                        }
                        Op::PushExcInfo => {
                            let exc = pop!();
                            let prev = ts.exc_info();
                            push!(if prev.is_null() { Value::NONE } else { prev });
                            ts.set_exc_info(exc);
                            push!(exc);
                            continue 'dispatch;
                        }
                        Op::PopExcept => {
                            let prev = pop!();
                            ts.set_exc_info(if prev.is_none() { Value::NULL } else { prev });
                            continue 'dispatch;
                        }
                        Op::CheckExcMatch => {
                            let ty = pop!();
                            let exc = top!();
                            save_state!();
                            let m = tri!(helpers::exception_matches(ts, exc, ty));
                            push!(Value::from_bool(m));
                            continue 'dispatch;
                        }
                        Op::CheckEgMatch => {
                            let ty = pop!();
                            let exc = top!();
                            save_state!();
                            let (rest, matched) =
                                tri!(crate::objects::exception_group::check_eg_match(ts, exc, ty));
                            if matched.is_none() {
                                push!(Value::NONE);
                            } else {
                                set_top!(rest);
                                push!(matched);
                                ts.set_exc_info(matched);
                            }
                            continue 'dispatch;
                        }
                        Op::PrepReraiseStar => {
                            let excs = pop!();
                            let orig = top!();
                            save_state!();
                            let r = tri!(crate::objects::exception_group::prep_reraise_star(
                                ts, orig, excs
                            ));
                            set_top!(r);
                            continue 'dispatch;
                        }
                        Op::BeforeWith => {
                            let mgr = top!();
                            save_state!();
                            let (exit, res) = tri!(helpers::before_with(ts, mgr, false));
                            set_top!(exit);
                            push!(res);
                            continue 'dispatch;
                        }
                        Op::WithExceptStart => {
                            let exc = top!();
                            let exit = peek!(4);
                            save_state!();
                            let r = tri!(helpers::with_except_start(ts, exit, exc));
                            push!(r);
                            continue 'dispatch;
                        }
                        Op::YieldValue => {
                            let v = pop!();
                            // A suspended frame must not keep what it yielded.
                            // SAFETY: `sp` is the slot `v` was popped from.
                            unsafe { *sp = Value::NULL };
                            fr!().pc = pc as u32;
                            fr!().sp = depth!();
                            fr!().lasti = (pc - 1) as u32;
                            fr!().flags |= crate::objects::generator::SUSPENDED;
                            // SAFETY: `f` is the live top frame.
                            unsafe { leave_frame(ts, f) };
                            return Ok(v);
                        }
                        Op::GetYieldFromIter => {
                            let v = top!();
                            save_state!();
                            let it = tri!(helpers::get_yield_from_iter(ts, &code, v));
                            set_top!(it);
                            continue 'dispatch;
                        }
                        Op::Send => {
                            let v = pop!();
                            let recv = top!();
                            save_state!();
                            match tri!(helpers::send(ts, recv, v)) {
                                helpers::SendResult::Yielded(y) => push!(y),
                                helpers::SendResult::Returned(r) => {
                                    set_top!(r);
                                    pc = a as usize;
                                }
                            }
                            continue 'dispatch;
                        }
                        Op::GetAwaitable => {
                            let v = top!();
                            save_state!();
                            let it = tri!(helpers::get_awaitable(ts, v, a));
                            set_top!(it);
                            continue 'dispatch;
                        }
                        Op::GetAiter => {
                            let v = top!();
                            save_state!();
                            let it = tri!(helpers::get_aiter(ts, v));
                            set_top!(it);
                            continue 'dispatch;
                        }
                        Op::GetAnext => {
                            let v = top!();
                            save_state!();
                            let aw = tri!(helpers::get_anext(ts, v));
                            push!(aw);
                            continue 'dispatch;
                        }
                        Op::EndAsyncFor => {
                            let exc = pop!();
                            let _ = pop!();
                            if exc
                                .downcast::<crate::objects::exception::ExcObj>()
                                .map(|_| types().stop_async_iteration.instance_check(exc))
                                .unwrap_or(false)
                            {
                                continue 'dispatch;
                            }
                            skip_tb = true;
                            break 'op helpers::as_pyerr(ts, exc);
                        }
                        Op::BeforeAsyncWith => {
                            let mgr = top!();
                            save_state!();
                            let (exit, res) = tri!(helpers::before_with(ts, mgr, true));
                            set_top!(exit);
                            push!(res);
                            continue 'dispatch;
                        }
                        Op::AsyncGenWrap => {
                            // The value stays as it is; the flag tells the
                            // resumer that this yield is the generator's own.
                            fr!().flags |= crate::objects::generator::ASYNC_WRAPPED;
                            continue 'dispatch;
                        }
                        Op::GetLen => {
                            let v = top!();
                            save_state!();
                            let n = tri!(ops::len(ts, v));
                            push!(int::int_from_i64(ts, n as i64));
                            continue 'dispatch;
                        }
                        Op::MatchMapping => {
                            let v = top!();
                            push!(Value::from_bool(helpers::is_match_mapping(v)));
                            continue 'dispatch;
                        }
                        Op::MatchSequence => {
                            let v = top!();
                            push!(Value::from_bool(helpers::is_match_sequence(v)));
                            continue 'dispatch;
                        }
                        Op::MatchKeys => {
                            let keys = top!();
                            let subject = peek!(2);
                            save_state!();
                            let r = tri!(helpers::match_keys(ts, subject, keys));
                            push!(r);
                            continue 'dispatch;
                        }
                        Op::MatchClass => {
                            let names = pop!();
                            let cls = pop!();
                            let subject = top!();
                            save_state!();
                            let r = tri!(helpers::match_class(ts, subject, cls, names, a as usize));
                            set_top!(r);
                            continue 'dispatch;
                        }
                    }
                }
            }
        };

        // ---- the error path: find a handler, unwinding frames -------------------
        let exc = err;
        let mut add_tb = !skip_tb;
        skip_tb = false;
        loop {
            let lasti = pc.saturating_sub(1) as u32;
            if add_tb {
                fr!().lasti = lasti;
                crate::objects::traceback::add_frame_to_traceback(ts, exc, fr!(), lasti);
            }
            add_tb = true;
            if let Some(h) = code.handler_for(lasti) {
                let (target, hdepth, push_lasti) = (h.target, h.depth, h.lasti);
                // SAFETY: handler depths are within the frame (verifier).
                sp = unsafe { base.add(code.nlocalsplus() + hdepth as usize) };
                if push_lasti {
                    push!(Value::small_int_unchecked(lasti as i64));
                }
                push!(exc.value());
                pc = target as usize;
                continue 'outer;
            }
            let fl = fr!().flags;
            let prev = fr!().prev;
            fr!().pc = pc as u32;
            // SAFETY: `f` is the live top frame.
            unsafe { leave_frame(ts, f) };
            if fl & fflags::ENTRY != 0 {
                return Err(exc);
            }
            f = prev;
            #[allow(unused_assignments)] // `sp` is set by the handler found next
            {
                load_frame!();
            }
        }
    }
}

/// Whether an opcode is one of the binary operators (used by helpers).
pub fn binary_op_of(a: u32) -> BinaryOp {
    BinaryOp::from_u32(a).unwrap_or(BinaryOp::Add)
}
