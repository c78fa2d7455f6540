//! The bytecode verifier: checks a [`CodeObject`] (and every code object
//! among its constants) against the invariants the interpreter relies on
//! instead of checking them as it runs.
//!
//! # Invariants checked
//!
//! Shape of the code object:
//! 1. There is at least one instruction, and `locations.len() ==
//!    instructions.len()`.
//! 2. `cell2arg.len() == cellvars.len()`; each `Some(i)` names a parameter
//!    (`i < total_args()`, itself `<= varnames.len()`); `posonlyargcount <=
//!    argcount`.
//!
//! Each instruction word:
//! 3. The opcode byte is a valid [`Op`].
//! 4. The operand `a` is in range for its [`ArgKind`]: a constant index
//!    `< constants.len()`, a name index (`LOAD_GLOBAL`: `a >> 1`) `<
//!    names.len()`, a local `< varnames.len()`, a cell or free variable `<
//!    cellvars.len() + freevars.len()`, a jump target `<
//!    instructions.len()`, a valid [`BinaryOp`] / [`CompareOp`]; `0` for
//!    opcodes without operand; flags and counts within what the opcode
//!    accepts (`BUILD_SLICE` 2 or 3, `RAISE_VARARGS` 0..=2, `COPY` >= 1,
//!    `SWAP` >= 2, `IS_OP` / `CONTAINS_OP` / `CALL_FUNCTION_EX` 0 or 1,
//!    `FORMAT_VALUE` < 8, `MAKE_FUNCTION` < 16, `GET_AWAITABLE` < 3).
//! 5. `b` is `0` for opcodes without an inline cache; opcodes with one
//!    have distinct `b`s in `0..ncaches`.
//! 6. `JUMP_FORWARD` jumps forward; `JUMP_BACKWARD` and
//!    `JUMP_BACKWARD_NO_INTERRUPT` jump backward (or to themselves).
//! 7. The suspending instructions, `YIELD_VALUE` and `SEND`, only occur in
//!    generator, coroutine or async generator code (`co_flags`);
//!    `ASYNC_GEN_WRAP` only in async generators.
//! 8. The operands the interpreter reads from a preceding constant are
//!    there: `MAKE_FUNCTION` directly follows a `LOAD_CONST` of a code
//!    object, `CALL_KW` a `LOAD_CONST` of a tuple of `a` or fewer strings,
//!    `BUILD_CONST_KEY_MAP` a `LOAD_CONST` of a tuple of `a` items; and that
//!    consumer is not a jump or handler target (so it is only reached from
//!    its `LOAD_CONST`).
//!
//! The exception table:
//! 9. Entries have `start < end <= instructions.len()` and `target <
//!    instructions.len()`, are sorted by `start` and do not overlap.
//!
//! Control and stack flow, from instruction 0 (depth 0) and from every
//! handler (its `depth`, plus `lasti`, plus the exception):
//! 10. The stack depth before each reachable instruction is the same along
//!     every path reaching it, never negative, never above `stacksize`,
//!     and every instruction has the operands it pops; the stack positions
//!     `COPY`, `SWAP`, `LIST_APPEND` & co., `DICT_MERGE` and `RERAISE` name
//!     are inside the stack.
//! 11. A handler's depth is at most the depth of every reachable
//!     instruction it covers.
//! 12. Control never falls off the end of the instructions.
//!
//! Unreachable instructions are checked for 3-9 only.

use crate::code::{flags, CodeObject, Constant};
use crate::opcode::{ArgKind, BinaryOp, CompareOp, Op};

/// Verifies `code` and, recursively, the code objects among its constants.
pub fn verify(code: &CodeObject) -> Result<(), String> {
    crate::grow(|| verify_nested(code))
}

fn verify_nested(code: &CodeObject) -> Result<(), String> {
    verify_one(code).map_err(|e| format!("{} ({}): {e}", code.qualname, code.filename))?;
    for c in &code.constants {
        verify_constant(c)?;
    }
    Ok(())
}

fn verify_constant(c: &Constant) -> Result<(), String> {
    crate::grow(|| verify_constant_inner(c))
}

fn verify_constant_inner(c: &Constant) -> Result<(), String> {
    match c {
        Constant::Code(code) => verify_nested(code),
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            items.iter().try_for_each(verify_constant)
        }
        _ => Ok(()),
    }
}

fn verify_one(code: &CodeObject) -> Result<(), String> {
    let n = code.instructions.len();
    if n == 0 {
        return Err("no instructions".into());
    }
    if code.locations.len() != n {
        return Err(format!(
            "{} locations for {n} instructions",
            code.locations.len()
        ));
    }
    if code.cell2arg.len() != code.cellvars.len() {
        return Err("cell2arg and cellvars differ in length".into());
    }
    if code.total_args() > code.varnames.len() {
        return Err("more parameters than varnames".into());
    }
    if code.posonlyargcount > code.argcount {
        return Err("posonlyargcount > argcount".into());
    }
    for (i, c) in code.cell2arg.iter().enumerate() {
        if let Some(a) = c {
            if *a as usize >= code.total_args() {
                return Err(format!("cell2arg[{i}] = {a} is not a parameter"));
            }
        }
    }
    let nderef = code.cellvars.len() + code.freevars.len();
    let is_gen = code.flags
        & (flags::GENERATOR
            | flags::COROUTINE
            | flags::ASYNC_GENERATOR
            | flags::ITERABLE_COROUTINE)
        != 0;
    let mut caches = vec![false; code.ncaches as usize];
    let mut ops = Vec::with_capacity(n);
    for (i, ins) in code.instructions.iter().enumerate() {
        let Some(op) = Op::from_u8(ins.opcode_byte()) else {
            return Err(format!(
                "instruction {i}: invalid opcode {}",
                ins.opcode_byte()
            ));
        };
        ops.push(op);
        let a = ins.a();
        let bad = |what: &str| Err(format!("instruction {i} ({}): {what} {a}", op.name()));
        let in_range = match op.arg_kind() {
            ArgKind::None => a == 0,
            ArgKind::Const => (a as usize) < code.constants.len(),
            ArgKind::Name => (a as usize) < code.names.len(),
            ArgKind::GlobalName => ((a >> 1) as usize) < code.names.len(),
            ArgKind::Local => (a as usize) < code.varnames.len(),
            ArgKind::Deref => (a as usize) < nderef,
            ArgKind::Jump => (a as usize) < n,
            ArgKind::BinaryOp => BinaryOp::from_u32(a).is_some(),
            ArgKind::CompareOp => CompareOp::from_u32(a).is_some(),
            ArgKind::Count | ArgKind::Flags => match op {
                Op::BuildSlice => a == 2 || a == 3,
                Op::RaiseVarargs => a <= 2,
                Op::Copy => a >= 1,
                Op::Swap => a >= 2,
                Op::IsOp | Op::ContainsOp | Op::CallFunctionEx => a <= 1,
                Op::FormatValue => a < 8,
                Op::MakeFunction => a < 16,
                Op::GetAwaitable => a < 3,
                _ => true,
            },
        };
        if !in_range {
            return bad("operand out of range:");
        }
        let b = ins.b();
        if op.has_cache() {
            match caches.get_mut(b as usize) {
                Some(seen) if !*seen => *seen = true,
                Some(_) => return Err(format!("instruction {i}: cache entry {b} used twice")),
                None => return Err(format!("instruction {i}: cache entry {b} >= ncaches")),
            }
        } else if b != 0 {
            return Err(format!(
                "instruction {i} ({}): b = {b} without a cache",
                op.name()
            ));
        }
        match op {
            Op::JumpForward if a as usize <= i => return bad("forward jump to"),
            Op::JumpBackward | Op::JumpBackwardNoInterrupt if a as usize > i => {
                return bad("backward jump to")
            }
            Op::YieldValue | Op::Send if !is_gen => {
                return Err(format!(
                    "instruction {i}: {} outside generator code",
                    op.name()
                ))
            }
            Op::AsyncGenWrap if code.flags & flags::ASYNC_GENERATOR == 0 => {
                return Err(format!(
                    "instruction {i}: ASYNC_GEN_WRAP outside an async generator"
                ))
            }
            _ => {}
        }
    }

    // The exception table.
    let mut prev_end = 0u32;
    for (k, e) in code.exception_table.iter().enumerate() {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return Err(format!("exception entry {k} out of range"));
        }
        if e.start < prev_end {
            return Err(format!("exception entry {k} overlaps or is out of order"));
        }
        prev_end = e.end;
    }

    // Jump and handler targets.
    let mut is_target = vec![false; n];
    for (i, ins) in code.instructions.iter().enumerate() {
        if ops[i].is_jump() {
            is_target[ins.a() as usize] = true;
        }
    }
    for e in &code.exception_table {
        is_target[e.target as usize] = true;
    }

    // Operands read from a preceding constant.
    for (i, ins) in code.instructions.iter().enumerate() {
        let op = ops[i];
        let needs = matches!(op, Op::MakeFunction | Op::CallKw | Op::BuildConstKeyMap);
        if !needs {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .filter(|_| !is_target[i])
            .filter(|&p| ops[p] == Op::LoadConst)
            .and_then(|p| code.constants.get(code.instructions[p].a() as usize));
        let ok = match (op, prev) {
            (Op::MakeFunction, Some(Constant::Code(_))) => true,
            (Op::CallKw, Some(Constant::Tuple(t))) => {
                t.len() <= ins.a() as usize && t.iter().all(|c| matches!(c, Constant::Str(_)))
            }
            (Op::BuildConstKeyMap, Some(Constant::Tuple(t))) => t.len() == ins.a() as usize,
            _ => false,
        };
        if !ok {
            return Err(format!(
                "instruction {i}: {} without its constant operand before it",
                op.name()
            ));
        }
    }

    // Stack depth flow.
    let mut depth: Vec<Option<u32>> = vec![None; n];
    let mut work: Vec<(usize, i64)> = vec![(0, 0)];
    for e in &code.exception_table {
        work.push((e.target as usize, e.depth as i64 + 1 + e.lasti as i64));
    }
    let max = code.stacksize as i64;
    while let Some((i, d)) = work.pop() {
        if i >= n {
            return Err("control falls off the end".into());
        }
        if d < 0 || d > max {
            return Err(format!(
                "instruction {i}: stack depth {d} outside 0..={max}"
            ));
        }
        match depth[i] {
            Some(old) if old as i64 == d => continue,
            Some(old) => {
                return Err(format!(
                    "instruction {i}: stack depth {old} on one path, {d} on another"
                ))
            }
            None => depth[i] = Some(d as u32),
        }
        let op = ops[i];
        let a = code.instructions[i].a();
        let need: i64 = match op {
            Op::Copy | Op::Swap => a as i64,
            Op::ListAppend | Op::SetAdd | Op::ListExtend | Op::SetUpdate | Op::DictUpdate => {
                a as i64 + 1
            }
            Op::MapAdd => a as i64 + 2,
            Op::DictMerge => a as i64 + 3,
            Op::Reraise => a as i64 + 1,
            _ => pops(op, a),
        };
        if d < need {
            return Err(format!(
                "instruction {i} ({} {a}) needs {need} stack items, has {d}",
                op.name()
            ));
        }
        if op.is_jump() {
            work.push((a as usize, d + op.stack_effect(a, true) as i64));
        }
        if !op.is_terminator() {
            work.push((i + 1, d + op.stack_effect(a, false) as i64));
        }
    }
    for e in &code.exception_table {
        for i in e.start..e.end {
            if let Some(d) = depth[i as usize] {
                if e.depth > d {
                    return Err(format!(
                        "handler at {} unwinds to depth {} above the depth {d} of instruction {i}",
                        e.target, e.depth
                    ));
                }
            }
        }
    }
    Ok(())
}

/// How many stack items an instruction reads (at least).
fn pops(op: Op, a: u32) -> i64 {
    let a = a as i64;
    match op {
        Op::Nop
        | Op::PushNull
        | Op::LoadConst
        | Op::LoadFast
        | Op::DeleteFast
        | Op::LoadDeref
        | Op::DeleteDeref
        | Op::LoadClosure
        | Op::LoadClassDeref
        | Op::LoadGlobal
        | Op::DeleteGlobal
        | Op::LoadName
        | Op::DeleteName
        | Op::JumpForward
        | Op::JumpBackward
        | Op::JumpBackwardNoInterrupt
        | Op::LoadBuildClass
        | Op::LoadAssertionError
        | Op::SetupAnnotations => 0,
        Op::StoreSubscr => 3,
        Op::StoreAttr | Op::DeleteSubscr | Op::BinarySubscr | Op::BinaryOp | Op::CompareOp => 2,
        Op::IsOp | Op::ContainsOp | Op::ImportName | Op::Send | Op::EndAsyncFor => 2,
        Op::CheckExcMatch | Op::CheckEgMatch | Op::PrepReraiseStar | Op::MatchKeys => 2,
        Op::MatchClass => 3,
        Op::WithExceptStart => 4,
        Op::BuildSlice | Op::BuildTuple | Op::BuildList | Op::BuildSet | Op::BuildString => a,
        Op::BuildMap => 2 * a,
        Op::BuildConstKeyMap => a + 1,
        Op::MakeFunction => 1 + (a & 0xf).count_ones() as i64,
        Op::Call => a + 2,
        Op::CallKw => a + 3,
        Op::CallFunctionEx => 3 + (a & 1),
        Op::RaiseVarargs => a,
        Op::FormatValue => 1 + ((a & 4) != 0) as i64,
        _ => 1,
    }
}
