//! Exception handling: `try` / `except` / `except*` / `else` / `finally`,
//! `with` / `async with`, `async for`, and the unwinding that `return`,
//! `break` and `continue` do through them.
//!
//! The scheme is CPython 3.11's. A protected range is opened with
//! [`Compiler::push_handler`] (CPython's `SETUP_FINALLY` / `SETUP_CLEANUP`
//! / `SETUP_WITH`) and closed with [`Compiler::pop_handler`] (`POP_BLOCK`);
//! instructions emitted in between are covered. When the exception table
//! sends an exception to a handler, the stack holds the items below the
//! range's start depth, then `lasti` for cleanup handlers, then the
//! exception.
//!
//! ```text
//! try: BODY except E as e: HANDLER else: ORELSE
//!
//!       <handler: EXCEPT>  BODY  <pop>  ORELSE  JUMP end
//! EXCEPT:         <handler: CLEANUP, lasti>  PUSH_EXC_INFO
//!       <E>  CHECK_EXC_MATCH  POP_JUMP_IF_FALSE next  STORE e
//!       <handler: CLEANUP_END, lasti>  HANDLER  <pop> <pop>
//!       POP_EXCEPT  e = None; del e  JUMP end
//! CLEANUP_END:  e = None; del e  RERAISE 1
//! next: ... RERAISE 0           (no clause matched)
//! CLEANUP:  COPY 3  POP_EXCEPT  RERAISE 1
//! end:
//! ```
//!
//! A `finally` body is compiled twice: once on the normal path, once in
//! a handler that re-raises (`PUSH_EXC_INFO  FINALBODY  RERAISE 0`), and
//! once more for each `return` / `break` / `continue` that leaves the
//! `try` (the unwinding, in [`Compiler::unwind_fblock`]).

use ruff_python_ast::{self as ast};
use ruff_text_size::Ranged;

use super::{Compiler, Ctx, FBlock, UnitKind, R};
use crate::assemble::HandlerId;
use crate::code::Constant;
use crate::opcode::Op;

/// The frame-block and handler stacks, saved across an unwinding.
pub(super) struct SavedBlocks<'a> {
    fblocks: Vec<FBlock<'a>>,
    handlers: Vec<HandlerId>,
}

impl<'a> Compiler<'a> {
    pub(super) fn save_blocks(&mut self) -> SavedBlocks<'a> {
        let u = self.u();
        SavedBlocks {
            fblocks: u.fblocks.clone(),
            handlers: u.handler_stack.clone(),
        }
    }

    pub(super) fn restore_blocks(&mut self, saved: SavedBlocks<'a>) {
        let u = self.u();
        u.fblocks = saved.fblocks;
        u.handler_stack = saved.handlers;
    }

    /// Emits the exit code of every frame block, innermost first, up to
    /// the innermost loop when `to_loop` (which is returned, not unwound).
    /// `preserve_tos`: a return value on top of the stack must survive.
    /// The caller restores the stacks afterwards ([`Self::save_blocks`]).
    pub(super) fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> Result<Option<FBlock<'a>>, super::CompileError> {
        loop {
            let Some(top) = self.ur().fblocks.last().cloned() else {
                return Ok(None);
            };
            if matches!(top, FBlock::ExceptionGroupHandler) {
                return Err(self.error_here(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                ));
            }
            if to_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                return Ok(Some(top));
            }
            self.pop_fblock();
            self.unwind_fblock(&top, preserve_tos)?;
        }
    }

    /// The exit code of one frame block.
    pub(super) fn unwind_fblock(&mut self, b: &FBlock<'a>, preserve_tos: bool) -> R {
        match b {
            FBlock::WhileLoop { .. }
            | FBlock::ExceptionHandler
            | FBlock::ExceptionGroupHandler
            | FBlock::AsyncComprehensionGenerator => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
            FBlock::TryExcept => {
                self.pop_handler();
            }
            FBlock::FinallyTry { body } => {
                self.pop_handler();
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue)?;
                }
                self.body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                // What follows appears to happen after the unwinding
                // statement.
                self.unset_loc();
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.pop_handler();
                self.emit(Op::PopExcept, 0);
            }
            FBlock::With { loc, is_async } => {
                self.u().loc = *loc;
                self.pop_handler();
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.emit(Op::GetAwaitable, 2);
                    self.load_const(Constant::None);
                    self.yield_from_loop();
                }
                self.emit(Op::PopTop, 0);
                self.unset_loc();
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.pop_handler();
                }
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.pop_handler();
                self.emit(Op::PopExcept, 0);
                if let Some(name) = name {
                    self.load_const(Constant::None);
                    self.name_op(name, Ctx::Store)?;
                    self.name_op(name, Ctx::Del)?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    /// `exit(None, None, None)` with `exit` on the stack.
    fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Op::Call, 2);
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1`: restore the saved exception state
    /// and re-raise, for a handler's own cleanup.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Op::Copy, 3);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 1);
    }

    pub(super) fn try_stmt(&mut self, t: &'a ast::StmtTry) -> R {
        if !t.finalbody.is_empty() {
            self.try_finally(t)
        } else if t.is_star {
            self.try_star_except(t)
        } else {
            self.try_except(t)
        }
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> R {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        // The `try` body.
        self.push_handler(end, false, 0);
        self.push_fblock(FBlock::FinallyTry { body: &t.finalbody })?;
        if !t.handlers.is_empty() {
            if t.is_star {
                self.try_star_except(t)?;
            } else {
                self.try_except(t)?;
            }
        } else {
            self.body(&t.body)?;
        }
        self.pop_handler();
        self.pop_fblock();
        self.body(&t.finalbody)?;
        self.unset_loc();
        self.jump(exit);
        // The `finally` body on the exceptional path.
        self.bind(end);
        self.unset_loc();
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.body(&t.finalbody)?;
        self.pop_fblock();
        self.unset_loc();
        self.emit(Op::Reraise, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> R {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.push_handler(except, false, 0);
        self.push_fblock(FBlock::TryExcept)?;
        self.body(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.body(&t.orelse)?;
        self.unset_loc();
        self.jump(end);

        self.bind(except);
        self.unset_loc();
        let cleanup_h = self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FBlock::ExceptionHandler)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Op::CheckExcMatch, 0);
                self.emit_jump(Op::PopJumpIfFalse, next);
            }
            match &h.name {
                Some(name) => {
                    let name: &'a str = name.as_str();
                    let cleanup_end = self.new_label();
                    self.name_op(name, Ctx::Store)?;
                    self.push_handler(cleanup_end, true, 0);
                    self.push_fblock(FBlock::HandlerCleanup { name: Some(name) })?;
                    self.body(&h.body)?;
                    self.pop_fblock();
                    self.unset_loc();
                    self.pop_handler();
                    self.pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.load_const(Constant::None);
                    self.name_op(name, Ctx::Store)?;
                    self.name_op(name, Ctx::Del)?;
                    self.jump(end);
                    // `except ... as name` raised: clear the name, re-raise.
                    self.repush_handler(cleanup_h);
                    self.bind(cleanup_end);
                    self.unset_loc();
                    self.load_const(Constant::None);
                    self.name_op(name, Ctx::Store)?;
                    self.name_op(name, Ctx::Del)?;
                    self.emit(Op::Reraise, 1);
                }
                None => {
                    self.emit(Op::PopTop, 0);
                    self.push_fblock(FBlock::HandlerCleanup { name: None })?;
                    self.body(&h.body)?;
                    self.pop_fblock();
                    self.unset_loc();
                    self.pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.jump(end);
                    self.repush_handler(cleanup_h);
                }
            }
            self.bind(next);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(Op::Reraise, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    fn try_star_except(&mut self, t: &'a ast::StmtTry) -> R {
        let except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.push_handler(except, false, 0);
        self.push_fblock(FBlock::TryExcept)?;
        self.body(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.unset_loc();
        self.jump(orelse);

        self.bind(except);
        self.unset_loc();
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FBlock::ExceptionGroupHandler)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let done = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // [orig, [] (the exceptions raised by the clauses), exc]
                self.emit(Op::Copy, 1);
                self.emit(Op::BuildList, 0);
                self.emit(Op::Swap, 2);
            }
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Op::CheckEgMatch, 0);
                self.emit(Op::Copy, 1);
                self.emit_jump(Op::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_label();
            let name: Option<&'a str> = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(name) => self.name_op(name, Ctx::Store)?,
                None => self.emit(Op::PopTop, 0),
            }
            self.push_handler(cleanup_end, true, 0);
            self.push_fblock(FBlock::HandlerCleanup { name })?;
            self.body(&h.body)?;
            self.pop_fblock();
            self.pop_handler();
            if let Some(name) = name {
                self.load_const(Constant::None);
                self.name_op(name, Ctx::Store)?;
                self.name_op(name, Ctx::Del)?;
            }
            self.jump(done);
            // The clause raised: collect the exception.
            self.bind(cleanup_end);
            self.unset_loc();
            if let Some(name) = name {
                self.load_const(Constant::None);
                self.name_op(name, Ctx::Store)?;
                self.name_op(name, Ctx::Del)?;
            }
            self.emit(Op::ListAppend, 3);
            self.emit(Op::PopTop, 0);
            self.jump(except_with_error);
            self.bind(done);
            self.emit(Op::Nop, 0);
            self.jump(except_with_error);
            self.bind(no_match);
            self.emit(Op::PopTop, 0);
            self.bind(except_with_error);
            if i + 1 == n {
                // The unmatched rest joins the list.
                self.emit(Op::ListAppend, 1);
                self.jump(reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(Op::PrepReraiseStar, 0);
        self.emit(Op::Copy, 1);
        self.emit_jump(Op::PopJumpIfNotNone, reraise);
        // Nothing to re-raise.
        self.emit(Op::PopTop, 0);
        self.pop_handler();
        self.emit(Op::PopExcept, 0);
        self.jump(end);
        self.bind(reraise);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse);
        self.body(&t.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(super) fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) -> R {
        let Some(item) = w.items.get(pos) else {
            return Err(self.internal("with item out of range"));
        };
        let stmt_loc = self.map.location(w.range);
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        self.emit(Op::BeforeWith, 0);
        // The handler unwinds to below `__enter__`'s result.
        self.push_handler(final_, true, -1);
        self.push_fblock(FBlock::With {
            loc: stmt_loc,
            is_async: false,
        })?;
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Op::PopTop, 0),
        }
        if pos + 1 == w.items.len() {
            self.body(&w.body)?;
        } else {
            self.with_stmt(w, pos + 1)?;
        }
        self.unset_loc();
        self.pop_handler();
        self.pop_fblock();
        // Normal exit: exit(None, None, None).
        self.u().loc = stmt_loc;
        self.call_exit_with_nones();
        self.emit(Op::PopTop, 0);
        self.jump(exit);
        // Exceptional exit.
        self.bind(final_);
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::WithExceptStart, 0);
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }

    /// After `WITH_EXCEPT_START` (and its await): swallow the exception if
    /// `__exit__` returned true, else re-raise it.
    fn with_except_finish(&mut self, cleanup: crate::assemble::Label) {
        let exit = self.new_label();
        self.emit_jump(Op::PopJumpIfTrue, exit);
        self.emit(Op::Reraise, 2);
        let h = self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        if let Some(h) = h {
            self.repush_handler(h);
        }
        self.emit(Op::PopTop, 0);
        self.pop_handler();
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopTop, 0);
    }

    pub(super) fn async_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> R {
        if self.ur().kind != UnitKind::AsyncFunction {
            return Err(self.error_here("'async with' outside async function"));
        }
        let Some(item) = w.items.get(pos) else {
            return Err(self.internal("with item out of range"));
        };
        let stmt_loc = self.map.location(w.range);
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        self.emit(Op::BeforeAsyncWith, 0);
        self.emit(Op::GetAwaitable, 1);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.push_handler(final_, true, -1);
        self.push_fblock(FBlock::With {
            loc: stmt_loc,
            is_async: true,
        })?;
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Op::PopTop, 0),
        }
        if pos + 1 == w.items.len() {
            self.body(&w.body)?;
        } else {
            self.async_with(w, pos + 1)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.u().loc = stmt_loc;
        self.call_exit_with_nones();
        self.emit(Op::GetAwaitable, 2);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.emit(Op::PopTop, 0);
        self.jump(exit);
        self.bind(final_);
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::WithExceptStart, 0);
        self.emit(Op::GetAwaitable, 2);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }

    pub(super) fn async_for(&mut self, f: &'a ast::StmtFor) -> R {
        if self.ur().kind != UnitKind::AsyncFunction {
            return Err(self.error_here("'async for' outside async function"));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Op::GetAiter, 0);
        self.bind(start);
        self.push_fblock(FBlock::ForLoop { start, exit: end })?;
        // The handler catches the StopAsyncIteration of `__anext__`.
        self.push_handler(except, false, 0);
        self.emit(Op::GetAnext, 0);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.pop_handler();
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.jump_artificial(start);
        self.pop_fblock();
        self.bind(except);
        self.set_loc(f.iter.range());
        self.emit(Op::EndAsyncFor, 0);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }
}
