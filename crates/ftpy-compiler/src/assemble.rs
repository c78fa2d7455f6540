//! Assembly: the code generator's instruction list ([`Ir`]) to the final
//! instruction words, exception table, stack size and cache numbering.
//!
//! The code generator emits instructions in layout order, with jumps to
//! [`Label`]s and two kinds of pseudo-instructions:
//! - [`IrOp::Jump`]: an unconditional jump whose direction (and so opcode,
//!   `JUMP_FORWARD` or `JUMP_BACKWARD`) is only known here;
//! - [`IrOp::Setup`]: where a protected range starts (CPython's
//!   `SETUP_FINALLY` / `SETUP_CLEANUP` / `SETUP_WITH`). It emits nothing;
//!   its stack depth, plus the handler's `adjust`, is the depth the handler
//!   unwinds to.
//!
//! Every emitted instruction carries the innermost exception handler that
//! was active when it was emitted (the code generator keeps the stack of
//! active handlers, the way CPython's "fblock" stack follows the source
//! nesting).
//!
//! Steps:
//! 1. A flow analysis from instruction 0, following fall-through, jumps,
//!    and `Setup` edges to handlers, gives every instruction its stack
//!    depth (which must agree at merge points and never go negative) and
//!    every handler its depth; the maximum is `stacksize`.
//! 2. A reachability pass following real edges only (fall-through, jumps,
//!    and the handler of each reachable instruction) drops dead code.
//! 3. `NOP`s (and `Setup`s, which carry the location of their statement)
//!    are dropped unless they are the only instruction of their line, as in
//!    CPython; then unconditional jumps to the next instruction.
//! 4. Labels become instruction indices; cache entries are numbered in
//!    instruction order; consecutive instructions with the same handler
//!    become one exception table entry.

use crate::code::{ExceptionEntry, Location};
use crate::opcode::{Instr, Op, MAX_ARG};

/// The error of a code object whose jump targets do not fit in an operand.
pub(crate) const TOO_LARGE: &str = "code object too large";

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Label(pub u32);

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct HandlerId(pub u32);

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum IrOp {
    Real(Op),
    /// Unconditional jump to the label in `arg`.
    Jump,
    /// Start of the range protected by a handler.
    Setup(HandlerId),
}

#[derive(Copy, Clone, Debug)]
pub(crate) struct IrInstr {
    pub op: IrOp,
    /// The operand; a label number for jumps.
    pub arg: u32,
    pub loc: Location,
    pub handler: Option<HandlerId>,
}

#[derive(Copy, Clone, Debug)]
pub(crate) struct Handler {
    pub label: Label,
    /// Push the raising instruction's index before the exception.
    pub lasti: bool,
    /// The handler's depth relative to the depth at its `Setup`.
    pub adjust: i32,
    /// The handler active around this one.
    pub parent: Option<HandlerId>,
}

/// A code object's instructions as the code generator leaves them.
#[derive(Default)]
pub(crate) struct Ir {
    pub instrs: Vec<IrInstr>,
    /// The instruction index each label is bound to.
    pub labels: Vec<Option<u32>>,
    pub handlers: Vec<Handler>,
}

pub(crate) struct Assembled {
    pub instructions: Vec<Instr>,
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionEntry>,
    pub stacksize: u32,
    pub ncaches: u32,
}

fn is_jump(op: IrOp) -> bool {
    match op {
        IrOp::Real(op) => op.is_jump(),
        IrOp::Jump => true,
        IrOp::Setup(_) => false,
    }
}

fn is_terminator(op: IrOp) -> bool {
    match op {
        IrOp::Real(op) => op.is_terminator(),
        IrOp::Jump => true,
        IrOp::Setup(_) => false,
    }
}

impl Ir {
    fn label_pos(&self, label: u32) -> Result<usize, String> {
        self.labels
            .get(label as usize)
            .copied()
            .flatten()
            .map(|p| p as usize)
            .ok_or_else(|| format!("unbound label {label}"))
    }

    fn handler_pos(&self, h: HandlerId) -> Result<usize, String> {
        let handler = self
            .handlers
            .get(h.0 as usize)
            .ok_or_else(|| format!("unknown handler {}", h.0))?;
        self.label_pos(handler.label.0)
    }
}

/// Assembles `ir`. An error is an internal compiler error (inconsistent
/// stack depths, an unbound label ...).
pub(crate) fn assemble(ir: &Ir, none_const: Option<u32>) -> Result<Assembled, String> {
    let mut threaded = thread_jumps(&inline_exits(ir)?)?;
    peephole(&mut threaded, none_const);
    let ir = &threaded;
    let n = ir.instrs.len();
    let (depths, handler_depths, stacksize) = stack_depths(ir)?;

    // Reachability along real edges.
    let mut reachable = vec![false; n];
    let mut work = vec![0usize];
    while let Some(i) = work.pop() {
        if i >= n || reachable[i] {
            continue;
        }
        reachable[i] = true;
        let ins = &ir.instrs[i];
        if is_jump(ins.op) {
            work.push(ir.label_pos(ins.arg)?);
        }
        // A NOP cannot raise: it does not make its handler reachable.
        if !matches!(ins.op, IrOp::Setup(_) | IrOp::Real(Op::Nop)) {
            if let Some(h) = ins.handler {
                work.push(ir.handler_pos(h)?);
            }
        }
        if !is_terminator(ins.op) {
            work.push(i + 1);
        }
    }
    for (i, r) in reachable.iter().enumerate() {
        if *r && depths[i].is_none() {
            return Err(format!("instruction {i} reachable but not analyzed"));
        }
    }

    // Instructions that are jump or handler targets start basic blocks.
    let mut is_target = vec![false; n + 1];
    for (i, ins) in ir.instrs.iter().enumerate() {
        if !reachable[i] {
            continue;
        }
        if is_jump(ins.op) {
            is_target[ir.label_pos(ins.arg)?] = true;
        }
        if let Some(h) = ins.handler {
            let pos = ir.handler_pos(h)?;
            if reachable[pos] {
                is_target[pos] = true;
            }
        }
    }

    // Drop dead code and redundant NOPs.
    let mut locs: Vec<Location> = ir.instrs.iter().map(|i| i.loc).collect();
    let mut keep = reachable.clone();
    let mut prev_line: Option<u32> = None;
    for i in 0..n {
        if !reachable[i] {
            continue;
        }
        if is_target[i] {
            prev_line = None;
        }
        let ins = &ir.instrs[i];
        let nop = matches!(ins.op, IrOp::Setup(_) | IrOp::Real(Op::Nop));
        if nop {
            let line = locs[i].line;
            let mut remove = line == 0 || prev_line == Some(line);
            if !remove {
                if let Some(j) = (i + 1..n).find(|&j| reachable[j]) {
                    let next_line = locs[j].line;
                    if !is_target[j] {
                        if next_line == 0 || next_line == line {
                            locs[j] = locs[i];
                            remove = true;
                        }
                    } else if next_line == line {
                        remove = true;
                    }
                }
            }
            if remove {
                keep[i] = false;
                continue;
            }
        }
        prev_line = if is_terminator(ins.op) || is_jump(ins.op) {
            None
        } else {
            Some(locs[i].line)
        };
    }

    // Compiler-made instructions take the location of the instruction
    // before them in their basic block (CPython's
    // `propagate_line_numbers`); handler entries keep none.
    let mut prev: Option<usize> = None;
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        if let Some(p) = prev {
            let falls_in = !is_target[i] && !is_terminator(ir.instrs[p].op);
            if locs[i].line == 0 && falls_in {
                locs[i] = locs[p];
            }
        }
        prev = Some(i);
    }

    // Drop jumps to the next kept instruction, until none is left.
    loop {
        let mut changed = false;
        let mut next_kept = vec![usize::MAX; n + 1];
        let mut nk = usize::MAX;
        for i in (0..=n).rev() {
            if i < n && keep[i] {
                nk = i;
            }
            next_kept[i] = nk;
        }
        for i in 0..n {
            if keep[i] && ir.instrs[i].op == IrOp::Jump {
                let target = next_kept[ir.label_pos(ir.instrs[i].arg)?];
                let after = next_kept[i + 1];
                if target == after {
                    keep[i] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }

    // Final indices: an IR position maps to the first kept instruction at
    // or after it.
    let mut new_index = vec![0u32; n + 1];
    let mut count = 0u32;
    for i in 0..n {
        new_index[i] = count;
        if keep[i] {
            count += 1;
        }
    }
    new_index[n] = count;
    let resolve = |label: u32| -> Result<u32, String> {
        let pos = ir.label_pos(label)?;
        let idx = new_index[pos];
        if idx >= count {
            return Err(format!("label {label} points past the end"));
        }
        Ok(idx)
    };

    let mut instructions = Vec::with_capacity(count as usize);
    let mut locations = Vec::with_capacity(count as usize);
    let mut handlers_of: Vec<Option<(u32, u32, bool)>> = Vec::with_capacity(count as usize);
    let mut ncaches = 0u32;
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        let ins = &ir.instrs[i];
        let here = instructions.len() as u32;
        let (op, a) = match ins.op {
            IrOp::Real(op) if op.is_jump() => (op, resolve(ins.arg)?),
            IrOp::Real(op) => (op, ins.arg),
            IrOp::Jump => {
                let t = resolve(ins.arg)?;
                (
                    if t > here {
                        Op::JumpForward
                    } else {
                        Op::JumpBackward
                    },
                    t,
                )
            }
            IrOp::Setup(_) => (Op::Nop, 0),
        };
        if a > MAX_ARG {
            return Err(TOO_LARGE.to_string());
        }
        let b = if op.has_cache() {
            ncaches += 1;
            ncaches - 1
        } else {
            0
        };
        instructions.push(Instr::new(op, a, b));
        locations.push(locs[i]);
        // A kept NOP (which can only raise from a tracing hook) whose
        // handler was dropped as unreachable is covered by the nearest
        // enclosing handler that was kept.
        let mut handler = ins.handler;
        if ins.op == IrOp::Real(Op::Nop) {
            while let Some(h) = handler {
                if reachable[ir.handler_pos(h)?] {
                    break;
                }
                handler = ir.handlers.get(h.0 as usize).and_then(|x| x.parent);
            }
        }
        let h = match handler {
            Some(h) if !matches!(ins.op, IrOp::Setup(_)) => {
                let handler = &ir.handlers[h.0 as usize];
                let depth = handler_depths[h.0 as usize]
                    .ok_or_else(|| format!("handler {} has no depth", h.0))?;
                let target = resolve(handler.label.0)?;
                Some((target, depth as u32, handler.lasti))
            }
            _ => None,
        };
        handlers_of.push(h);
    }

    let mut exception_table: Vec<ExceptionEntry> = Vec::new();
    for (i, h) in handlers_of.iter().enumerate() {
        let Some((target, depth, lasti)) = *h else {
            continue;
        };
        let i = i as u32;
        if let Some(last) = exception_table.last_mut() {
            if last.end == i && last.target == target && last.depth == depth && last.lasti == lasti
            {
                last.end = i + 1;
                continue;
            }
        }
        exception_table.push(ExceptionEntry {
            start: i,
            end: i + 1,
            target,
            depth,
            lasti,
        });
    }

    Ok(Assembled {
        instructions,
        locations,
        exception_table,
        stacksize: stacksize as u32,
        ncaches,
    })
}

/// Jump threading, as CPython's peephole pass does: a jump to an
/// unconditional jump goes straight to the final target; a
/// `JUMP_IF_X_OR_POP` to a `JUMP_IF_X_OR_POP` of the same sense goes to its
/// target, and to one of the opposite sense becomes a `POP_JUMP_IF_X` past
/// it.
fn thread_jumps(ir: &Ir) -> Result<Ir, String> {
    let mut out = Ir {
        instrs: ir.instrs.clone(),
        labels: ir.labels.clone(),
        handlers: ir.handlers.clone(),
    };
    let n = out.instrs.len();
    for i in 0..n {
        let op = out.instrs[i].op;
        if !is_jump(op) {
            continue;
        }
        let mut label = out.instrs[i].arg;
        // Bounded, so that a jump cycle (`while True: pass`) terminates.
        for _ in 0..16 {
            let pos = out.label_pos(label)?;
            let Some(target) = out.instrs.get(pos) else {
                break;
            };
            // As CPython: only through a jump on the same line (so that
            // line events stay the same).
            if target.loc.line != out.instrs[i].loc.line {
                break;
            }
            let next = match (op, target.op) {
                (
                    IrOp::Jump
                    | IrOp::Real(
                        Op::PopJumpIfFalse
                        | Op::PopJumpIfTrue
                        | Op::PopJumpIfNone
                        | Op::PopJumpIfNotNone
                        | Op::JumpForward,
                    ),
                    IrOp::Jump,
                ) => target.arg,
                (IrOp::Real(a @ (Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop)), IrOp::Real(b))
                    if a == b =>
                {
                    target.arg
                }
                (
                    IrOp::Real(a @ (Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop)),
                    IrOp::Real(Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop),
                ) if pos + 1 < n => {
                    // (The same sense was handled above: this is the other.)
                    let after = out.labels.len() as u32;
                    out.labels.push(Some(pos as u32 + 1));
                    out.instrs[i].op = IrOp::Real(if a == Op::JumpIfFalseOrPop {
                        Op::PopJumpIfFalse
                    } else {
                        Op::PopJumpIfTrue
                    });
                    label = after;
                    break;
                }
                _ => break,
            };
            if next == label {
                break;
            }
            label = next;
        }
        out.instrs[i].arg = label;
    }
    Ok(out)
}

/// CPython's peephole rewrites within basic blocks:
/// - `LOAD_CONST None; IS_OP; POP_JUMP_IF_TRUE/FALSE` becomes
///   `POP_JUMP_IF_NONE` / `POP_JUMP_IF_NOT_NONE`;
/// - a run of `SWAP`s becomes the shortest run with the same permutation,
///   and `SWAP`s followed by `STORE_FAST` / `POP_TOP`s on one line are
///   applied by reordering those instead.
fn peephole(ir: &mut Ir, none_const: Option<u32>) {
    let n = ir.instrs.len();
    let starts_block = block_starts(ir);
    let real = |ir: &Ir, i: usize| match ir.instrs.get(i).map(|x| x.op) {
        Some(IrOp::Real(op)) => Some(op),
        _ => None,
    };
    // `is None` jumps.
    if let Some(none) = none_const {
        for i in 0..n.saturating_sub(2) {
            if real(ir, i) != Some(Op::LoadConst)
                || ir.instrs[i].arg != none
                || real(ir, i + 1) != Some(Op::IsOp)
                || starts_block[i + 1]
                || starts_block[i + 2]
            {
                continue;
            }
            let mut invert = ir.instrs[i + 1].arg == 1;
            match real(ir, i + 2) {
                Some(Op::PopJumpIfFalse) => invert = !invert,
                Some(Op::PopJumpIfTrue) => {}
                _ => continue,
            }
            ir.instrs[i].op = IrOp::Real(Op::Nop);
            ir.instrs[i].arg = 0;
            ir.instrs[i + 1].op = IrOp::Real(Op::Nop);
            ir.instrs[i + 1].arg = 0;
            ir.instrs[i + 2].op = IrOp::Real(if invert {
                Op::PopJumpIfNotNone
            } else {
                Op::PopJumpIfNone
            });
        }
    }
    // `PUSH_NULL; LOAD_GLOBAL x` is `LOAD_GLOBAL (NULL + x)`.
    for i in 0..n.saturating_sub(1) {
        if real(ir, i) == Some(Op::PushNull)
            && real(ir, i + 1) == Some(Op::LoadGlobal)
            && ir.instrs[i + 1].arg & 1 == 0
            && !starts_block[i + 1]
        {
            ir.instrs[i].op = IrOp::Real(Op::Nop);
            ir.instrs[i].loc = Location::default();
            ir.instrs[i + 1].arg |= 1;
        }
    }
    // SWAP runs.
    let mut i = 0;
    while i < n {
        if real(ir, i) != Some(Op::Swap) {
            i += 1;
            continue;
        }
        let mut len = 1;
        let mut depth = ir.instrs[i].arg as usize;
        let mut more = false;
        while i + len < n && !starts_block[i + len] {
            match real(ir, i + len) {
                Some(Op::Swap) => {
                    depth = depth.max(ir.instrs[i + len].arg as usize);
                    more = true;
                }
                Some(Op::Nop) => {}
                _ => break,
            }
            len += 1;
        }
        if more {
            swaptimize(ir, i, len, depth);
        }
        apply_static_swaps(ir, i + len - 1, &starts_block);
        i += len;
    }
}

/// Which instructions start a basic block: the targets of jumps and
/// handlers (labels nothing jumps to do not count).
fn block_starts(ir: &Ir) -> Vec<bool> {
    let n = ir.instrs.len();
    let mut starts = vec![false; n + 1];
    let mut mark = |label: u32| {
        if let Some(Some(pos)) = ir.labels.get(label as usize) {
            starts[*pos as usize] = true;
        }
    };
    for ins in &ir.instrs {
        if is_jump(ins.op) {
            mark(ins.arg);
        }
        if let IrOp::Setup(h) = ins.op {
            if let Some(handler) = ir.handlers.get(h.0 as usize) {
                mark(handler.label.0);
            }
        }
    }
    starts
}

/// The longest exit block copied over a jump to it.
const MAX_COPY_SIZE: usize = 4;

/// A jump to a short block that leaves the code object (ends in
/// `RETURN_VALUE`, `RERAISE` or `RAISE_VARARGS`) is replaced by a copy of
/// that block, as CPython does.
fn inline_exits(ir: &Ir) -> Result<Ir, String> {
    let n = ir.instrs.len();
    let starts_block = block_starts(ir);
    let exit_block = |p: usize| -> Option<std::ops::Range<usize>> {
        let end = (p + MAX_COPY_SIZE).min(n);
        for (q, ins) in ir.instrs.iter().enumerate().take(end).skip(p) {
            // Only compiler-made exits (no line number) are copied.
            if (q > p && starts_block[q]) || ins.loc.line != 0 {
                return None;
            }
            match ins.op {
                IrOp::Real(Op::ReturnValue | Op::Reraise | Op::RaiseVarargs) => {
                    return Some(p..q + 1)
                }
                IrOp::Real(op) if !op.is_jump() => {}
                _ => return None,
            }
        }
        None
    };
    let mut out = Ir {
        instrs: Vec::with_capacity(n),
        labels: Vec::new(),
        handlers: ir.handlers.clone(),
    };
    let mut new_pos = vec![0u32; n + 1];
    for (i, &ins) in ir.instrs.iter().enumerate() {
        new_pos[i] = out.instrs.len() as u32;
        if ins.op == IrOp::Jump {
            if let Some(block) = exit_block(ir.label_pos(ins.arg)?) {
                let first = out.instrs.len();
                out.instrs.extend_from_slice(&ir.instrs[block]);
                out.instrs[first].loc = ins.loc;
                continue;
            }
        }
        out.instrs.push(ins);
    }
    new_pos[n] = out.instrs.len() as u32;
    out.labels = ir
        .labels
        .iter()
        .map(|l| l.map(|p| new_pos[p as usize]))
        .collect();
    Ok(out)
}

/// Replaces the SWAP/NOP run `start..start + len` by the shortest SWAP
/// sequence with the same effect (CPython's `swaptimize`).
fn swaptimize(ir: &mut Ir, start: usize, len: usize, depth: usize) {
    const VISITED: usize = usize::MAX;
    let mut stack: Vec<usize> = (0..depth).collect();
    for k in start..start + len {
        if ir.instrs[k].op == IrOp::Real(Op::Swap) {
            let a = ir.instrs[k].arg as usize;
            stack.swap(0, a - 1);
        }
    }
    // Undo the permutation cycle by cycle, writing from the end.
    let mut current = start + len;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                current -= 1;
                ir.instrs[current].op = IrOp::Real(Op::Swap);
                ir.instrs[current].arg = j as u32 + 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next = stack[j];
            stack[j] = VISITED;
            j = next;
        }
    }
    for k in start..current {
        ir.instrs[k].op = IrOp::Real(Op::Nop);
        ir.instrs[k].arg = 0;
    }
}

fn swappable(op: IrOp) -> bool {
    matches!(op, IrOp::Real(Op::StoreFast | Op::PopTop))
}

fn next_swappable(
    ir: &Ir,
    mut i: usize,
    line: Option<u32>,
    starts_block: &[bool],
) -> Option<usize> {
    loop {
        i += 1;
        if i >= ir.instrs.len() || starts_block[i] {
            return None;
        }
        let ins = &ir.instrs[i];
        if line.is_some_and(|l| ins.loc.line != l) {
            return None;
        }
        match ins.op {
            IrOp::Real(Op::Nop) => continue,
            op if swappable(op) => return Some(i),
            _ => return None,
        }
    }
}

/// `SWAP n; STORE_FAST a; ...; STORE_FAST b` stores in the other order
/// instead (CPython's `apply_static_swaps`): from `last` back to the start
/// of its basic block, across `NOP`s, stores and earlier `SWAP`s.
fn apply_static_swaps(ir: &mut Ir, last: usize, starts_block: &[bool]) {
    let mut i = last as isize;
    while i >= 0 {
        let k0 = i as usize;
        let op = ir.instrs[k0].op;
        if op != IrOp::Real(Op::Swap) {
            if (op == IrOp::Real(Op::Nop) || swappable(op)) && !starts_block[k0] {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(ir, k0, None, starts_block) else {
            return;
        };
        let line = ir.instrs[j].loc.line;
        let mut k = j;
        for _ in 1..ir.instrs[k0].arg {
            match next_swappable(ir, k, Some(line), starts_block) {
                Some(x) => k = x,
                None => return,
            }
        }
        ir.instrs[k0].op = IrOp::Real(Op::Nop);
        ir.instrs[k0].arg = 0;
        ir.instrs.swap(j, k);
        if starts_block[k0] {
            return;
        }
        i -= 1;
    }
}

type Depths = (Vec<Option<i32>>, Vec<Option<i32>>, i32);

/// Stack depth of every instruction reachable from the start (following
/// `Setup` edges to handlers), the depth of every handler, and the maximum.
fn stack_depths(ir: &Ir) -> Result<Depths, String> {
    let n = ir.instrs.len();
    let mut depths: Vec<Option<i32>> = vec![None; n];
    let mut handler_depths: Vec<Option<i32>> = vec![None; ir.handlers.len()];
    let mut max = 0i32;
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    while let Some((i, d)) = work.pop() {
        if i >= n {
            if n == 0 {
                break;
            }
            return Err("control falls off the end of the code".to_string());
        }
        if d < 0 {
            return Err(format!("negative stack depth at instruction {i}"));
        }
        match depths[i] {
            Some(old) if old == d => continue,
            Some(old) => {
                return Err(format!(
                    "inconsistent stack depth at instruction {i}: {old} and {d}"
                ))
            }
            None => depths[i] = Some(d),
        }
        max = max.max(d);
        let ins = &ir.instrs[i];
        match ins.op {
            IrOp::Setup(h) => {
                let handler = ir
                    .handlers
                    .get(h.0 as usize)
                    .ok_or_else(|| format!("unknown handler {}", h.0))?;
                let hd = d + handler.adjust;
                match handler_depths[h.0 as usize] {
                    Some(old) if old != hd => {
                        return Err(format!("handler {} has depths {old} and {hd}", h.0))
                    }
                    _ => handler_depths[h.0 as usize] = Some(hd),
                }
                let entry = hd + 1 + handler.lasti as i32;
                max = max.max(entry);
                work.push((ir.label_pos(handler.label.0)?, entry));
                work.push((i + 1, d));
            }
            IrOp::Jump => work.push((ir.label_pos(ins.arg)?, d)),
            IrOp::Real(op) => {
                if op.is_jump() {
                    let t = d + op.stack_effect(0, true);
                    max = max.max(t);
                    work.push((ir.label_pos(ins.arg)?, t));
                }
                if !op.is_terminator() {
                    let after = d + op.stack_effect(ins.arg, false);
                    if after < 0 {
                        return Err(format!(
                            "{} at instruction {i} pops from an empty stack",
                            op.name()
                        ));
                    }
                    max = max.max(after);
                    work.push((i + 1, after));
                } else if d + op.stack_effect(ins.arg, false) < 0 {
                    return Err(format!(
                        "{} at instruction {i} pops from an empty stack",
                        op.name()
                    ));
                }
            }
        }
    }
    Ok((depths, handler_depths, max))
}
