//! The `match` statement (PEP 634), compiled as CPython 3.11 does.
//!
//! Each case copies the subject (but the last) and runs its pattern, which
//! consumes one subject from the top of the stack. Patterns test with the
//! `MATCH_*` instructions and compare-and-jump; a failed test jumps to a
//! "fail-pop" label that pops whatever the pattern still had on the stack
//! (`fail_pop[n]` pops `n` items then falls into `fail_pop[n - 1]`; the
//! last, `fail_pop[0]`, is the next case). Names a pattern captures are
//! kept on the stack, below the items the pattern is still using, and
//! stored only once the whole pattern has matched (so a failed match binds
//! nothing).

use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::Ranged;

use super::{Compiler, Ctx, R};
use crate::assemble::Label;
use crate::code::Constant;
use crate::consts::{self, EqKey};
use crate::opcode::{BinaryOp, CompareOp, Op};

struct PatternCtx {
    /// Names captured so far, whose values wait on the stack.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    /// Items above the captured values that a failure must pop.
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else {
            return Err(self.internal("match without cases"));
        };
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let n = cases - has_default as usize;
        let mut pc = PatternCtx {
            stores: Vec::new(),
            allow_irrefutable: false,
            fail_pop: Vec::new(),
            on_top: 0,
        };
        for (i, case) in m.cases[..n].iter().enumerate() {
            self.set_loc(case.pattern.range());
            if i + 1 != n {
                self.emit(Op::Copy, 1);
            }
            pc.stores.clear();
            pc.allow_irrefutable = case.guard.is_some() || i + 1 == cases;
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, Ctx::Store)?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if i + 1 != n {
                self.emit(Op::PopTop, 0);
            }
            self.body(&case.body)?;
            self.jump(end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            if cases == 1 {
                self.emit(Op::PopTop, 0);
            } else {
                self.emit(Op::Nop, 0);
            }
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false)?;
            }
            self.body(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    /// Jumps (with `op`, or unconditionally) to the label that pops
    /// everything this pattern has on the stack.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, op: Option<Op>) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let target = pc.fail_pop[pops];
        match op {
            Some(op) => self.emit_jump(op, target),
            None => self.jump(target),
        }
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[k]);
            self.emit(Op::PopTop, 0);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// Moves the top of the stack `count - 1` places down.
    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Op::Swap, count as u32);
            count -= 1;
        }
    }

    fn store_capture(&mut self, name: Option<&str>, pc: &mut PatternCtx) -> R {
        let Some(name) = name else {
            self.emit(Op::PopTop, 0);
            return Ok(());
        };
        self.check_forbidden(name, Ctx::Store)?;
        if pc.stores.iter().any(|s| s == name) {
            return Err(
                self.error_here(format!("multiple assignments to name '{name}' in pattern"))
            );
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(rotations);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        self.set_loc(p.range());
        stacker::maybe_grow(
            crate::scope::STACK_RED_ZONE,
            crate::scope::STACK_GROW,
            || self.pattern_inner(p, pc),
        )
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        match p {
            Pattern::MatchValue(v) => {
                if self.fold(&v.value).is_none() && !matches!(&*v.value, Expr::Attribute(_)) {
                    return Err(
                        self.error_here("patterns may only match literals and attribute lookups")
                    );
                }
                self.expr(&v.value)?;
                self.emit(Op::CompareOp, CompareOp::Eq as u32);
                self.jump_to_fail_pop(pc, Some(Op::PopJumpIfFalse));
            }
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                };
                self.load_const(c);
                self.emit(Op::IsOp, 0);
                self.jump_to_fail_pop(pc, Some(Op::PopJumpIfFalse));
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchStar(s) => {
                self.store_capture(s.name.as_ref().map(|n| n.as_str()), pc)?;
            }
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &a.name {
                            Some(n) => self.error_here(format!(
                                "name capture '{n}' makes remaining patterns unreachable"
                            )),
                            None => {
                                self.error_here("wildcard makes remaining patterns unreachable")
                            }
                        });
                    }
                    self.store_capture(a.name.as_ref().map(|n| n.as_str()), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Op::Copy, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(a.name.as_ref().map(|n| n.as_str()), pc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx) -> R {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(self.error_here("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Op::MatchSequence, 0);
        self.jump_to_fail_pop(pc, Some(Op::PopJumpIfFalse));
        match star {
            None => {
                self.emit(Op::GetLen, 0);
                self.load_const(Constant::Int(size as i64));
                self.emit(Op::CompareOp, CompareOp::Eq as u32);
                self.jump_to_fail_pop(pc, Some(Op::PopJumpIfFalse));
            }
            Some(_) if size > 1 => {
                self.emit(Op::GetLen, 0);
                self.load_const(Constant::Int(size as i64 - 1));
                self.emit(Op::CompareOp, CompareOp::Ge as u32);
                self.jump_to_fail_pop(pc, Some(Op::PopJumpIfFalse));
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Op::PopTop, 0);
        } else if star_wildcard {
            let star = star.unwrap_or(usize::MAX);
            // Index the subject instead of unpacking it.
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Op::Copy, 1);
                if i < star {
                    self.load_const(Constant::Int(i as i64));
                } else {
                    self.emit(Op::GetLen, 0);
                    self.load_const(Constant::Int((size - i) as i64));
                    self.emit(Op::BinaryOp, BinaryOp::Subtract as u32);
                }
                self.emit(Op::BinarySubscr, 0);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Op::PopTop, 0);
        } else {
            match star {
                Some(i) => {
                    let after = size - i - 1;
                    if i >= 1 << 8 || after >= 1 << 16 {
                        return Err(self.error_here(
                            "too many expressions in star-unpacking sequence pattern",
                        ));
                    }
                    self.emit(Op::UnpackEx, (i | (after << 8)) as u32);
                }
                None => self.emit(Op::UnpackSequence, size as u32),
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternCtx) -> R {
        let size = m.keys.len();
        let star_target = m.rest.as_ref().map(|r| r.as_str());
        pc.on_top += 1;
        self.emit(Op::MatchMapping, 0);
        self.jump_to_fail_pop(pc, Some(Op::PopJumpIfFalse));
        if size == 0 && star_target.is_none() {
            pc.on_top -= 1;
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen, 0);
            self.load_const(Constant::Int(size as i64));
            self.emit(Op::CompareOp, CompareOp::Ge as u32);
            self.jump_to_fail_pop(pc, Some(Op::PopJumpIfFalse));
        }
        let mut seen: Vec<EqKey> = Vec::new();
        let mut folded: Vec<Constant> = Vec::new();
        let mut all_const = true;
        for key in m.keys.iter() {
            match self.fold(key) {
                Some(c) => {
                    if let Some(k) = consts::eq_key(&c) {
                        if seen.contains(&k) {
                            return Err(self.error_here(format!(
                                "mapping pattern checks duplicate key ({})",
                                consts::repr(&c)
                            )));
                        }
                        seen.push(k);
                    }
                    folded.push(c);
                }
                None => {
                    if !matches!(key, Expr::Attribute(_)) {
                        return Err(self.error_here(
                            "mapping pattern keys may only match literals and attribute lookups",
                        ));
                    }
                    all_const = false;
                }
            }
        }
        if all_const {
            self.load_const(Constant::Tuple(folded));
        } else {
            for key in m.keys.iter() {
                self.expr(key)?;
            }
            self.emit(Op::BuildTuple, size as u32);
        }
        self.emit(Op::MatchKeys, 0);
        pc.on_top += 2;
        self.emit(Op::Copy, 1);
        self.jump_to_fail_pop(pc, Some(Op::PopJumpIfNone));
        self.emit(Op::UnpackSequence, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match star_target {
            Some(name) => {
                // rest = dict(subject); del rest[key] for each key.
                self.emit(Op::BuildMap, 0);
                self.emit(Op::Swap, 3);
                self.emit(Op::DictUpdate, 2);
                self.emit(Op::UnpackSequence, size as u32);
                let mut k = size;
                while k > 0 {
                    self.emit(Op::Copy, 1 + k as u32);
                    k -= 1;
                    self.emit(Op::Swap, 2);
                    self.emit(Op::DeleteSubscr, 0);
                }
                self.store_capture(Some(name), pc)?;
            }
            None => {
                self.emit(Op::PopTop, 0);
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> R {
        let patterns = &c.arguments.patterns;
        let kwds = &c.arguments.keywords;
        let nargs = patterns.len();
        let nattrs = kwds.len();
        for (i, k) in kwds.iter().enumerate() {
            self.set_loc(k.pattern.range());
            self.check_forbidden(&k.attr, Ctx::Store)?;
            for other in &kwds[i + 1..] {
                if other.attr.as_str() == k.attr.as_str() {
                    self.set_loc(other.pattern.range());
                    return Err(self.error_here(format!(
                        "attribute name repeated in class pattern: {}",
                        k.attr
                    )));
                }
            }
        }
        self.set_loc(c.range);
        self.expr(&c.cls)?;
        let names = kwds
            .iter()
            .map(|k| Constant::Str(k.attr.to_string()))
            .collect();
        self.load_const(Constant::Tuple(names));
        self.emit(Op::MatchClass, nargs as u32);
        self.emit(Op::Copy, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Some(Op::PopJumpIfNone));
        let n = nargs + nattrs;
        self.emit(Op::UnpackSequence, n as u32);
        pc.on_top += n;
        pc.on_top -= 1;
        let all = patterns.iter().chain(kwds.iter().map(|k| &k.pattern));
        for p in all {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Op::PopTop, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternCtx) -> R {
        let end = self.new_label();
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::Copy, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) if ctrl.len() != nstores => {
                    return Err(self.error_here("alternative patterns bind different names"));
                }
                Some(ctrl) => {
                    // Reorder the captures to the first alternative's order.
                    for icontrol in (0..nstores).rev() {
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(
                                self.error_here("alternative patterns bind different names")
                            );
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No alternative matched.
        self.emit(Op::PopTop, 0);
        self.jump_to_fail_pop(pc, None);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(
                    self.error_here(format!("multiple assignments to name '{name}' in pattern"))
                );
            }
            pc.stores.push(name);
        }
        self.emit(Op::PopTop, 0);
        Ok(())
    }
}
