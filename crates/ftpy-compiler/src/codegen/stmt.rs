//! Statements: assignments, loops, `if`, `return` / `break` / `continue`,
//! imports, `assert`, `raise`, `del`, expression statements.
//!
//! `try`, `with` and the unwinding done by `return` / `break` /
//! `continue` are in `exc.rs`; functions and classes in `func.rs`;
//! `match` in `pattern.rs`.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::{Compiler, Ctx, FBlock, UnitKind, R};
use crate::code::Constant;
use crate::consts;
use crate::opcode::{BinaryOp, Op};
use crate::scope::{STACK_GROW, STACK_RED_ZONE};

/// Whether a body has an annotated assignment (outside nested functions
/// and classes): module and class bodies then create `__annotations__`.
pub(crate) fn find_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_annotations(&f.body) || find_annotations(&f.orelse),
        Stmt::While(w) => find_annotations(&w.body) || find_annotations(&w.orelse),
        Stmt::If(i) => {
            find_annotations(&i.body)
                || i.elif_else_clauses
                    .iter()
                    .any(|c| find_annotations(&c.body))
        }
        Stmt::With(w) => find_annotations(&w.body),
        Stmt::Try(t) => {
            find_annotations(&t.body)
                || find_annotations(&t.orelse)
                || find_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_annotations(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_annotations(&c.body)),
        _ => false,
    })
}

/// CPython's augmented assignment operator numbering.
pub(crate) fn binary_op(op: ast::Operator, inplace: bool) -> BinaryOp {
    use ast::Operator as O;
    let base = match op {
        O::Add => BinaryOp::Add,
        O::Sub => BinaryOp::Subtract,
        O::Mult => BinaryOp::Multiply,
        O::MatMult => BinaryOp::MatMul,
        O::Div => BinaryOp::TrueDivide,
        O::Mod => BinaryOp::Remainder,
        O::Pow => BinaryOp::Power,
        O::LShift => BinaryOp::LShift,
        O::RShift => BinaryOp::RShift,
        O::BitOr => BinaryOp::Or,
        O::BitXor => BinaryOp::Xor,
        O::BitAnd => BinaryOp::And,
        O::FloorDiv => BinaryOp::FloorDivide,
    };
    if inplace {
        BinaryOp::from_u32(base as u32 + 13).unwrap_or(base)
    } else {
        base
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn body(&mut self, stmts: &'a [Stmt]) -> R {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn stmt(&mut self, s: &'a Stmt) -> R {
        self.set_loc(s.range());
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || self.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => self.assign(a),
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) if f.is_async => self.async_for(f),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) if w.is_async => self.async_with(w, 0),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Op::RaiseVarargs, n);
                Ok(())
            }
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Assert(a) => self.assert_stmt(a),
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => self.expr_stmt(&e.value),
            Stmt::Pass(_) => {
                self.emit(Op::Nop, 0);
                Ok(())
            }
            Stmt::Break(_) => self.break_stmt(),
            Stmt::Continue(_) => self.continue_stmt(),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                Err(self.error_here("invalid syntax"))
            }
        }
    }

    fn expr_stmt(&mut self, value: &'a Expr) -> R {
        if self.interactive && self.units.len() == 1 {
            self.expr(value)?;
            self.emit(Op::PrintExpr, 0);
            return Ok(());
        }
        if self.fold(value).is_some() {
            // A constant statement (a docstring in the wrong place...).
            self.emit(Op::Nop, 0);
            return Ok(());
        }
        self.expr(value)?;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn assert_stmt(&mut self, a: &'a ast::StmtAssert) -> R {
        // Warned even when asserts are dropped (as CPython does).
        let nonempty_tuple = match &*a.test {
            Expr::Tuple(t) => !t.elts.is_empty(),
            test => matches!(self.fold(test), Some(Constant::Tuple(items)) if !items.is_empty()),
        };
        if nonempty_tuple {
            self.warn("assertion is always true, perhaps remove parentheses?");
        }
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_label();
        self.jump_if(&a.test, end, true)?;
        // CPython 3.11 gives the raise the location of the last comparison
        // its conditional jumps compiled (`v > 0` of `assert v > 0 and w`),
        // else the statement's: a failed `assert x < y` underlines `x < y`.
        let loc = last_jump_compare(&a.test).map_or(a.range(), |c| c.range());
        self.set_loc(loc);
        self.emit(Op::LoadAssertionError, 0);
        if let Some(msg) = &a.msg {
            self.expr(msg)?;
            self.set_loc(loc);
            self.emit(Op::Call, 0);
        }
        self.emit(Op::RaiseVarargs, 1);
        self.bind(end);
        Ok(())
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> R {
        let value = r.value.as_deref();
        let konst = value.and_then(|v| self.fold(v));
        let preserve_tos = value.is_some() && konst.is_none();
        if !self.scope_kind().is_function() {
            return Err(self.error_here("'return' outside function"));
        }
        let sc = &self.table.scopes[self.ur().scope];
        if value.is_some() && sc.is_coroutine && sc.is_generator {
            return Err(self.error_here("'return' with value in async generator"));
        }
        if let Some(v) = value {
            if preserve_tos {
                self.expr(v)?;
            } else {
                self.set_loc(v.range());
                self.emit(Op::Nop, 0);
            }
        }
        let same_line = value.is_some_and(|v| {
            self.map.line_col(v.range().start()).0 == self.map.line_col(r.range.start()).0
        });
        if !same_line {
            self.set_loc(r.range);
            self.emit(Op::Nop, 0);
        }
        let saved = self.save_blocks();
        self.unwind_fblock_stack(preserve_tos, false)?;
        match (value, konst) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(c)) => self.load_const(c),
            (Some(_), None) => {}
        }
        self.emit(Op::ReturnValue, 0);
        self.restore_blocks(saved);
        Ok(())
    }

    fn break_stmt(&mut self) -> R {
        self.emit(Op::Nop, 0);
        let saved = self.save_blocks();
        let here = self.ur().loc;
        let found = self.unwind_fblock_stack(false, true)?;
        let Some(lp) = found else {
            self.restore_blocks(saved);
            self.u().loc = here;
            return Err(self.error_here("'break' outside loop"));
        };
        self.unwind_fblock(&lp, false)?;
        if let FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. } = lp {
            self.jump(exit);
        }
        self.restore_blocks(saved);
        Ok(())
    }

    fn continue_stmt(&mut self) -> R {
        self.emit(Op::Nop, 0);
        let saved = self.save_blocks();
        let here = self.ur().loc;
        let found = self.unwind_fblock_stack(false, true)?;
        let Some(lp) = found else {
            self.restore_blocks(saved);
            self.u().loc = here;
            return Err(self.error_here("'continue' not properly in loop"));
        };
        if let FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } = lp {
            self.jump(start);
        }
        self.restore_blocks(saved);
        Ok(())
    }

    fn if_stmt(&mut self, s: &'a ast::StmtIf) -> R {
        let end = self.new_label();
        let mut next = if s.elif_else_clauses.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(&s.test, next, false)?;
        self.body(&s.body)?;
        let n = s.elif_else_clauses.len();
        for (i, clause) in s.elif_else_clauses.iter().enumerate() {
            self.unset_loc();
            self.jump(end);
            self.bind(next);
            match &clause.test {
                Some(test) => {
                    // `elif`: CPython's nested `if` spans the rest of the
                    // chain.
                    let last = s.elif_else_clauses[n - 1].range.end();
                    self.set_loc(ruff_text_size::TextRange::new(clause.range.start(), last));
                    next = if i + 1 < n { self.new_label() } else { end };
                    self.jump_if(test, next, false)?;
                    self.body(&clause.body)?;
                }
                None => {
                    self.body(&clause.body)?;
                    next = end;
                }
            }
        }
        if next != end {
            self.bind(next);
        }
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> R {
        let top = self.new_label();
        let body = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(top);
        self.push_fblock(FBlock::WhileLoop {
            start: top,
            exit: end,
        })?;
        self.jump_if(&w.test, anchor, false)?;
        self.bind(body);
        self.body(&w.body)?;
        self.set_loc(w.range);
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.bind(anchor);
        self.body(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlock::ForLoop { start, exit: end })?;
        self.iter_expr(&f.iter)?;
        self.emit(Op::GetIter, 0);
        self.bind(start);
        self.emit_jump(Op::ForIter, cleanup);
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.jump_artificial(start);
        self.bind(cleanup);
        self.pop_fblock();
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// A jump the compiler adds (the loop-back of a `for`): it has no
    /// location of its own (the assembler gives it the location of the
    /// instruction before it).
    pub(super) fn jump_artificial(&mut self, target: crate::assemble::Label) {
        self.unset_loc();
        self.jump(target);
    }

    /// The iterable of a `for` or comprehension: a list display becomes a
    /// tuple and a set display of constants a frozenset (CPython's
    /// `fold_iter`).
    pub(super) fn iter_expr(&mut self, e: &'a Expr) -> R {
        match e {
            Expr::List(l) if !l.elts.iter().any(|x| x.is_starred_expr()) => {
                let saved = self.ur().loc;
                self.set_loc(l.range);
                match consts::fold_tuple(&l.elts, self.optimize) {
                    Some(c) => self.load_const(c),
                    None => self.sequence_display(&l.elts, 0, SeqKind::Tuple)?,
                }
                self.u().loc = saved;
                Ok(())
            }
            Expr::Set(s) => match consts::fold_frozenset(&s.elts, self.optimize) {
                Some(c) => {
                    let saved = self.ur().loc;
                    self.set_loc(s.range);
                    self.load_const(c);
                    self.u().loc = saved;
                    Ok(())
                }
                None => self.expr(e),
            },
            _ => self.expr(e),
        }
    }

    fn assign(&mut self, a: &'a ast::StmtAssign) -> R {
        if let [target] = a.targets.as_slice() {
            if self.try_swap_assign(target, &a.value)? {
                return Ok(());
            }
        }
        self.expr(&a.value)?;
        let n = a.targets.len();
        for (i, t) in a.targets.iter().enumerate() {
            if i + 1 < n {
                self.emit(Op::Copy, 1);
            }
            self.store_target(t)?;
        }
        Ok(())
    }

    /// `a, b = b, a` (up to three names): the values are computed and
    /// rotated with `SWAP` instead of building and unpacking a tuple.
    fn try_swap_assign(
        &mut self,
        target: &'a Expr,
        value: &'a Expr,
    ) -> Result<bool, super::CompileError> {
        let Expr::Tuple(v) = value else {
            return Ok(false);
        };
        let telts = match target {
            Expr::Tuple(t) => &t.elts,
            Expr::List(l) => &l.elts,
            _ => return Ok(false),
        };
        let n = v.elts.len();
        if n == 0
            || n > 3
            || telts.len() != n
            || v.elts.iter().any(|e| e.is_starred_expr())
            || telts.iter().any(|e| e.is_starred_expr())
            || self.fold(value).is_some()
        {
            return Ok(false);
        }
        let saved = self.ur().loc;
        for e in &v.elts {
            self.expr(e)?;
        }
        if n > 1 {
            self.set_loc(value.range());
            self.emit(Op::Swap, n as u32);
        }
        self.u().loc = saved;
        for t in telts {
            self.store_target(t)?;
        }
        Ok(true)
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let stmt_loc = self.ur().loc;
        let target = &*a.target;
        self.set_loc(target.range());
        match target {
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::Copy, 1);
                self.set_attr_loc(at);
                self.emit_name(Op::LoadAttr, &at.attr);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
            }
            Expr::Name(n) => self.name_op(&n.id, Ctx::Load)?,
            _ => return Err(self.error_here("illegal expression for augmented assignment")),
        }
        self.u().loc = stmt_loc;
        self.expr(&a.value)?;
        self.emit(Op::BinaryOp, binary_op(a.op, true) as u32);
        self.set_loc(target.range());
        match target {
            Expr::Attribute(at) => {
                self.set_attr_loc(at);
                self.emit(Op::Swap, 2);
                self.emit_name(Op::StoreAttr, &at.attr);
            }
            Expr::Subscript(_) => {
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
            }
            Expr::Name(n) => self.name_op(&n.id, Ctx::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> R {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let module_or_class = matches!(self.ur().kind, UnitKind::Module | UnitKind::Class);
        match &*a.target {
            Expr::Name(n) => {
                self.check_forbidden(&n.id, Ctx::Store)?;
                if a.simple && module_or_class {
                    self.annotation(&a.annotation)?;
                    self.emit_name(Op::LoadName, "__annotations__");
                    let mangled =
                        crate::scope::mangle(self.ur().private.as_deref(), &n.id).into_owned();
                    self.load_const(Constant::Str(mangled));
                    self.emit(Op::StoreSubscr, 0);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.expr(&at.value)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.expr(&s.value)?;
                    self.emit(Op::PopTop, 0);
                    self.check_ann_subscript(&s.slice)?;
                }
            }
            _ => return Err(self.error_here("invalid node type for annotated assignment")),
        }
        // Annotations of complex targets are evaluated, but only in
        // modules and classes, and not under `from __future__ import
        // annotations`.
        if !a.simple && module_or_class && !self.future.annotations {
            self.expr(&a.annotation)?;
            self.emit(Op::PopTop, 0);
        }
        Ok(())
    }

    fn check_ann_subscript(&mut self, e: &'a Expr) -> R {
        match e {
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.check_ann_subscript(x)?;
                }
            }
            _ => {
                self.expr(e)?;
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    /// Pushes an annotation's value: the expression, or its source text
    /// under `from __future__ import annotations`.
    pub(super) fn annotation(&mut self, e: &'a Expr) -> R {
        if self.future.annotations {
            let text = crate::unparse::unparse(e);
            self.load_const(Constant::Str(text));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// Stores the value on top of the stack into an assignment target.
    pub(super) fn store_target(&mut self, t: &'a Expr) -> R {
        let saved = self.ur().loc;
        self.set_loc(t.range());
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || self.store_target_inner(t));
        self.u().loc = saved;
        r
    }

    fn store_target_inner(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Store),
            Expr::Attribute(a) => {
                self.check_forbidden(&a.attr, Ctx::Store)?;
                self.expr(&a.value)?;
                self.set_attr_loc(a);
                self.emit_name(Op::StoreAttr, &a.attr);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::StoreSubscr, 0);
                Ok(())
            }
            Expr::Tuple(x) => self.unpack_into(&x.elts),
            Expr::List(x) => self.unpack_into(&x.elts),
            Expr::Starred(_) => {
                Err(self.error_here("starred assignment target must be in a list or tuple"))
            }
            _ => Err(self.error_here("cannot assign to expression")),
        }
    }

    fn unpack_into(&mut self, elts: &'a [Expr]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if e.is_starred_expr() {
                if seen_star {
                    return Err(self.error_here("multiple starred expressions in assignment"));
                }
                let after = n - i - 1;
                if i >= 1 << 8 || after >= 1 << 16 {
                    return Err(
                        self.error_here("too many expressions in star-unpacking assignment")
                    );
                }
                self.emit(Op::UnpackEx, (i | (after << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Op::UnpackSequence, n as u32);
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(e)?,
            }
        }
        Ok(())
    }

    pub(super) fn delete_target(&mut self, t: &'a Expr) -> R {
        crate::grow(|| self.delete_target_inner(t))
    }

    fn delete_target_inner(&mut self, t: &'a Expr) -> R {
        let saved = self.ur().loc;
        self.set_loc(t.range());
        let r = match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Del),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_attr_loc(a);
                self.emit_name(Op::DeleteAttr, &a.attr);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::DeleteSubscr, 0);
                Ok(())
            }
            Expr::Tuple(x) => x.elts.iter().try_for_each(|e| self.delete_target(e)),
            Expr::List(x) => x.elts.iter().try_for_each(|e| self.delete_target(e)),
            _ => Err(self.error_here("cannot delete expression")),
        };
        self.u().loc = saved;
        r
    }

    fn import(&mut self, i: &'a ast::StmtImport) -> R {
        for alias in &i.names {
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            self.emit_name(Op::ImportName, &alias.name);
            let name = alias.name.as_str();
            match &alias.asname {
                Some(asname) => {
                    let parts: Vec<&str> = name.split('.').collect();
                    if parts.len() > 1 {
                        for (k, attr) in parts[1..].iter().enumerate() {
                            let idx = self.raw_name_index(attr);
                            self.emit(Op::ImportFrom, idx);
                            if k + 2 < parts.len() {
                                self.emit(Op::Swap, 2);
                                self.emit(Op::PopTop, 0);
                            }
                        }
                        self.name_op(asname, Ctx::Store)?;
                        self.emit(Op::PopTop, 0);
                    } else {
                        self.name_op(asname, Ctx::Store)?;
                    }
                }
                None => {
                    let first = name.split('.').next().unwrap_or(name);
                    self.name_op(first, Ctx::Store)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> R {
        self.load_const(Constant::Int(i.level as i64));
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(a.name.to_string()))
            .collect();
        let is_future = i
            .module
            .as_ref()
            .is_some_and(|m| m.as_str() == "__future__");
        let line = self.map.line_col(i.range.start()).0;
        if is_future && line > self.future.lineno {
            return Err(
                self.error_here("from __future__ imports must occur at the beginning of the file")
            );
        }
        self.load_const(Constant::Tuple(names));
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        self.emit_name(Op::ImportName, module);
        for (k, alias) in i.names.iter().enumerate() {
            if k == 0 && alias.name.as_str() == "*" {
                self.emit(Op::ImportStar, 0);
                return Ok(());
            }
            self.emit_name(Op::ImportFrom, &alias.name);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(store, Ctx::Store)?;
        }
        self.emit(Op::PopTop, 0);
        Ok(())
    }
}

/// Which sequence a display builds.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum SeqKind {
    List,
    Tuple,
    Set,
}

/// The comparison CPython's conditional-jump compiler handles last in a
/// condition: it looks through `and`/`or`, `not` and conditional
/// expressions, in compilation order, and sets the location for a
/// comparison without restoring it (what a failed `assert` reports).
fn last_jump_compare(e: &Expr) -> Option<&Expr> {
    match e {
        Expr::Compare(_) => Some(e),
        Expr::BoolOp(b) => b.values.iter().rev().find_map(last_jump_compare),
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => last_jump_compare(&u.operand),
        Expr::If(i) => last_jump_compare(&i.orelse)
            .or_else(|| last_jump_compare(&i.body))
            .or_else(|| last_jump_compare(&i.test)),
        _ => None,
    }
}
