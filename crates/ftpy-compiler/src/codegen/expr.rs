//! Expressions: operators, comparisons, displays, calls, f-strings,
//! `yield` / `await`, and conditional jumps on expressions.

use ruff_python_ast::{self as ast, CmpOp, Expr};
use ruff_text_size::Ranged;

use super::stmt::{binary_op, SeqKind};
use super::{Compiler, Ctx, UnitKind, R, STACK_USE_GUIDELINE};
use crate::assemble::Label;
use crate::code::Constant;
use crate::consts::{self, truthy};
use crate::opcode::{CompareOp, Op};
use crate::scope::{STACK_GROW, STACK_RED_ZONE};

/// A piece of an f-string: literal text or a replacement field.
enum Piece<'a> {
    Lit(String),
    Field(&'a ast::InterpolatedElement),
    /// A `%s` / `%r` / `%a` of a `%`-format turned into an f-string field:
    /// the value, the conversion (1 str, 2 repr, 3 ascii), a format spec.
    Percent(&'a Expr, u32, Option<String>),
}

/// CPython's rewrite of `'...%s...' % (a, b)` into an f-string, when the
/// format only has `%s` / `%r` / `%a` units (with width and precision of at
/// most two digits) and the tuple has one item per unit.
fn percent_format<'a>(fmt: &str, args: &'a [Expr]) -> Option<Vec<Piece<'a>>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut pos = 0;
    let mut used = 0;
    loop {
        // Literal text, with `%%` for `%`.
        let mut lit = String::new();
        while pos < chars.len() {
            if chars[pos] != '%' {
                lit.push(chars[pos]);
                pos += 1;
            } else if chars.get(pos + 1) == Some(&'%') {
                lit.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if !lit.is_empty() {
            pieces.push(Piece::Lit(lit));
        }
        if pos >= chars.len() {
            break;
        }
        let arg = args.get(used)?;
        used += 1;
        pos += 1; // '%'
        let mut next = || -> Option<char> {
            let c = chars.get(pos).copied();
            pos += 1;
            c
        };
        let mut ch = next()?;
        let mut ljust = false;
        while matches!(ch, '-' | '+' | ' ' | '#' | '0') {
            ljust |= ch == '-';
            ch = next()?;
        }
        let mut width: Option<u32> = None;
        let mut digits = 0;
        while let Some(d) = ch.to_digit(10) {
            width = Some(width.unwrap_or(0) * 10 + d);
            ch = next()?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
        let mut prec: Option<u32> = None;
        if ch == '.' {
            ch = next()?;
            prec = Some(0);
            let mut digits = 0;
            while let Some(d) = ch.to_digit(10) {
                prec = Some(prec.unwrap_or(0) * 10 + d);
                ch = next()?;
                digits += 1;
                if digits >= 3 {
                    return None;
                }
            }
        }
        let conv = match ch {
            's' => 1,
            'r' => 2,
            'a' => 3,
            _ => return None,
        };
        let mut spec = String::new();
        if !ljust && width.is_some_and(|w| w > 0) {
            spec.push('>');
        }
        if let Some(w) = width {
            spec.push_str(&w.to_string());
        }
        if let Some(p) = prec {
            spec.push_str(&format!(".{p}"));
        }
        pieces.push(Piece::Percent(
            arg,
            conv,
            (!spec.is_empty()).then_some(spec),
        ));
    }
    (used == args.len()).then_some(pieces)
}

fn push_lit(pieces: &mut Vec<Piece<'_>>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Lit(last)) = pieces.last_mut() {
        last.push_str(s);
    } else {
        pieces.push(Piece::Lit(s.to_string()));
    }
}

fn push_elements<'a>(pieces: &mut Vec<Piece<'a>>, elements: &'a ast::InterpolatedStringElements) {
    for el in elements.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(l) => push_lit(pieces, &l.value),
            ast::InterpolatedStringElement::Interpolation(i) => {
                if let Some(dt) = &i.debug_text {
                    push_lit(pieces, dt.as_str());
                }
                pieces.push(Piece::Field(i));
            }
        }
    }
}

impl<'a> Compiler<'a> {
    /// Compiles an expression that pushes one value.
    pub(super) fn expr(&mut self, e: &'a Expr) -> R {
        let saved = self.ur().loc;
        self.set_loc(e.range());
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || self.expr_inner(e));
        self.u().loc = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        if let Some(c) = self.fold(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let op = match b.op {
                    ast::BoolOp::And => Op::JumpIfFalseOrPop,
                    ast::BoolOp::Or => Op::JumpIfTrueOrPop,
                };
                let n = b.values.len();
                for v in &b.values[..n.saturating_sub(1)] {
                    self.expr(v)?;
                    self.emit_jump(op, end);
                }
                if let Some(last) = b.values.last() {
                    self.expr(last)?;
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Copy, 1);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                if b.op == ast::Operator::Mod {
                    if let (Some(Constant::Str(fmt)), Expr::Tuple(t)) =
                        (self.fold(&b.left), &*b.right)
                    {
                        if !t.elts.iter().any(|e| e.is_starred_expr()) {
                            if let Some(pieces) = percent_format(&fmt, &t.elts) {
                                return self.joined_str(&pieces);
                            }
                        }
                    }
                }
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::BinaryOp, binary_op(b.op, false) as u32);
            }
            Expr::UnaryOp(u) => {
                if u.op == ast::UnaryOp::Not {
                    if let Expr::Compare(c) = &*u.operand {
                        if let Some(inv) = invert_compare(c) {
                            // `not a in b` is `a not in b` (CPython's AST
                            // optimizer rewrites it, location included).
                            self.set_loc(c.range);
                            self.check_compare_parts(&c.left, &[inv], &c.comparators);
                            self.expr(&c.left)?;
                            self.compare_operand(&c.comparators[0], inv)?;
                            self.emit_compare(inv);
                            return Ok(());
                        }
                    }
                }
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Not => Op::UnaryNot,
                    ast::UnaryOp::USub => Op::UnaryNegative,
                    ast::UnaryOp::UAdd => Op::UnaryPositive,
                    ast::UnaryOp::Invert => Op::UnaryInvert,
                };
                self.emit(op, 0);
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.expr(&i.body)?;
                self.jump(end);
                self.bind(next);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict_display(d)?,
            Expr::Set(s) => self.sequence_display(&s.elts, 0, SeqKind::Set)?,
            Expr::List(l) => self.sequence_display(&l.elts, 0, SeqKind::List)?,
            Expr::Tuple(t) => self.sequence_display(&t.elts, 0, SeqKind::Tuple)?,
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.comprehension(e)?
            }
            Expr::Await(a) => {
                if !self.scope_kind().is_function() {
                    return Err(self.error_here("'await' outside function"));
                }
                if !matches!(
                    self.ur().kind,
                    UnitKind::AsyncFunction | UnitKind::Comprehension
                ) {
                    return Err(self.error_here("'await' outside async function"));
                }
                self.expr(&a.value)?;
                self.emit(Op::GetAwaitable, 0);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            Expr::Yield(y) => {
                if !self.scope_kind().is_function() {
                    return Err(self.error_here("'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
            }
            Expr::YieldFrom(y) => {
                if !self.scope_kind().is_function() {
                    return Err(self.error_here("'yield' outside function"));
                }
                if self.ur().kind == UnitKind::AsyncFunction {
                    return Err(self.error_here("'yield from' inside async function"));
                }
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => {
                let mut pieces = Vec::new();
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(s) => push_lit(&mut pieces, &s.value),
                        ast::FStringPart::FString(fs) => push_elements(&mut pieces, &fs.elements),
                    }
                }
                self.joined_str(&pieces)?;
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_attr_loc(a);
                self.emit_name(Op::LoadAttr, &a.attr);
            }
            Expr::Subscript(s) => {
                self.check_subscript(&s.value, &s.slice);
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::BinarySubscr, 0);
            }
            Expr::Starred(s) => {
                return Err(match s.ctx {
                    ast::ExprContext::Store => {
                        self.error_here("starred assignment target must be in a list or tuple")
                    }
                    _ => self.error_here("can't use starred expression here"),
                })
            }
            Expr::Name(n) => self.name_op(&n.id, Ctx::Load)?,
            Expr::Slice(s) => {
                let mut n = 2;
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Constant::None),
                    }
                }
                if let Some(step) = &s.step {
                    self.expr(step)?;
                    n = 3;
                }
                self.emit(Op::BuildSlice, n);
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                // Folded above; kept for exhaustiveness.
                return Err(self.internal("unfolded literal"));
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                return Err(self.error_here("invalid syntax"))
            }
        }
        Ok(())
    }

    /// `YIELD_VALUE`, wrapped for an async generator.
    pub(super) fn emit_yield(&mut self) {
        let sc = &self.table.scopes[self.ur().scope];
        if sc.is_generator && sc.is_coroutine {
            self.emit(Op::AsyncGenWrap, 0);
        }
        self.emit(Op::YieldValue, 0);
    }

    /// The delegation loop of `yield from` / `await`: `(recv v -- result)`.
    pub(super) fn yield_from_loop(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(Op::Send, exit);
        self.emit(Op::YieldValue, 0);
        self.emit_jump(Op::JumpBackwardNoInterrupt, start);
        self.bind(exit);
    }

    /// For an attribute spanning lines, instructions on it point at the
    /// attribute name's line (CPython's `update_start_location_to_match_attr`).
    pub(super) fn set_attr_loc(&mut self, a: &ast::ExprAttribute) {
        let (end_line, end_col) = self.map.line_col(a.range.end());
        let u = self.u();
        if u.loc.line != end_line {
            u.loc.line = end_line;
            let len = a.attr.len() as u32;
            u.loc.col = end_col.saturating_sub(len);
            u.loc.end_line = u.loc.end_line.max(u.loc.line);
            if u.loc.line == u.loc.end_line {
                u.loc.end_col = u.loc.end_col.max(u.loc.col);
            }
        }
    }

    // ----- comparisons -----------------------------------------------

    pub(super) fn emit_compare(&mut self, op: CmpOp) {
        match op {
            CmpOp::Is => self.emit(Op::IsOp, 0),
            CmpOp::IsNot => self.emit(Op::IsOp, 1),
            CmpOp::In => self.emit(Op::ContainsOp, 0),
            CmpOp::NotIn => self.emit(Op::ContainsOp, 1),
            CmpOp::Eq => self.emit(Op::CompareOp, CompareOp::Eq as u32),
            CmpOp::NotEq => self.emit(Op::CompareOp, CompareOp::Ne as u32),
            CmpOp::Lt => self.emit(Op::CompareOp, CompareOp::Lt as u32),
            CmpOp::LtE => self.emit(Op::CompareOp, CompareOp::Le as u32),
            CmpOp::Gt => self.emit(Op::CompareOp, CompareOp::Gt as u32),
            CmpOp::GtE => self.emit(Op::CompareOp, CompareOp::Ge as u32),
        }
    }

    /// The right operand of the last comparison: for `in` / `not in`, a
    /// list display is a tuple and a constant set a frozenset.
    fn compare_operand(&mut self, e: &'a Expr, op: CmpOp) -> R {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.iter_expr(e)
        } else {
            self.expr(e)
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> R {
        self.check_compare(c);
        let n = c.ops.len();
        self.expr(&c.left)?;
        if n == 0 || c.comparators.len() != n {
            return Err(self.internal("malformed comparison"));
        }
        if n == 1 {
            self.compare_operand(&c.comparators[0], c.ops[0])?;
            self.emit_compare(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.emit(Op::Swap, 2);
            self.emit(Op::Copy, 2);
            self.emit_compare(c.ops[i]);
            self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.compare_operand(&c.comparators[n - 1], c.ops[n - 1])?;
        self.emit_compare(c.ops[n - 1]);
        let end = self.new_label();
        self.jump(end);
        self.bind(cleanup);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` if the truth of `e` is `cond` (CPython's
    /// `compiler_jump_if`), without materializing booleans where it can.
    pub(super) fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> R {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || {
            self.jump_if_inner(e, target, cond)
        })
    }

    fn jump_if_inner(&mut self, e: &'a Expr, target: Label, cond: bool) -> R {
        if let Some(c) = self.fold(e) {
            let saved = self.ur().loc;
            self.set_loc(e.range());
            self.emit(Op::Nop, 0);
            self.u().loc = saved;
            if truthy(&c) == cond {
                self.jump(target);
            }
            return Ok(());
        }
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                if let Expr::Compare(c) = &*u.operand {
                    if let Some(inv) = invert_compare(c) {
                        // `not a in b` is `a not in b`.
                        let saved = self.ur().loc;
                        self.set_loc(c.range);
                        self.check_compare_parts(&c.left, &[inv], &c.comparators);
                        self.expr(&c.left)?;
                        self.compare_operand(&c.comparators[0], inv)?;
                        self.emit_compare(inv);
                        self.u().loc = saved;
                        let op = if cond {
                            Op::PopJumpIfTrue
                        } else {
                            Op::PopJumpIfFalse
                        };
                        self.emit_jump(op, target);
                        return Ok(());
                    }
                }
                return self.jump_if(&u.operand, target, !cond);
            }
            Expr::BoolOp(b) => {
                let cond2 = b.op == ast::BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    target
                };
                let n = b.values.len();
                for v in &b.values[..n.saturating_sub(1)] {
                    self.jump_if(v, next2, cond2)?;
                }
                if let Some(last) = b.values.last() {
                    self.jump_if(last, target, cond)?;
                }
                if next2 != target {
                    self.bind(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, target, cond)?;
                self.jump(end);
                self.bind(next2);
                self.jump_if(&i.orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.check_compare(c);
                let n = c.ops.len();
                let cleanup = self.new_label();
                self.expr(&c.left)?;
                for i in 0..n - 1 {
                    self.expr(&c.comparators[i])?;
                    self.emit(Op::Swap, 2);
                    self.emit(Op::Copy, 2);
                    self.emit_compare(c.ops[i]);
                    self.emit_jump(Op::PopJumpIfFalse, cleanup);
                }
                self.compare_operand(&c.comparators[n - 1], c.ops[n - 1])?;
                self.emit_compare(c.ops[n - 1]);
                let op = if cond {
                    Op::PopJumpIfTrue
                } else {
                    Op::PopJumpIfFalse
                };
                self.emit_jump(op, target);
                let end = self.new_label();
                self.jump(end);
                self.bind(cleanup);
                self.emit(Op::PopTop, 0);
                if !cond {
                    self.jump(target);
                }
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c)
                if c.ops.len() == 1
                    && matches!(c.ops[0], CmpOp::Is | CmpOp::IsNot)
                    && matches!(c.comparators[0], Expr::NoneLiteral(_)) =>
            {
                // `x is None` jumps on `x` directly.
                let saved = self.ur().loc;
                self.set_loc(c.range);
                self.check_compare(c);
                self.expr(&c.left)?;
                self.u().loc = saved;
                let is_none = (c.ops[0] == CmpOp::Is) == cond;
                let op = if is_none {
                    Op::PopJumpIfNone
                } else {
                    Op::PopJumpIfNotNone
                };
                self.emit_jump(op, target);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let op = if cond {
            Op::PopJumpIfTrue
        } else {
            Op::PopJumpIfFalse
        };
        self.emit_jump(op, target);
        Ok(())
    }

    // ----- displays ----------------------------------------------------

    /// A list, tuple or set display with `pushed` items already on the
    /// stack (CPython's `starunpack_helper`).
    pub(super) fn sequence_display(&mut self, elts: &'a [Expr], pushed: u32, kind: SeqKind) -> R {
        let (build, add, extend) = match kind {
            SeqKind::List | SeqKind::Tuple => (Op::BuildList, Op::ListAppend, Op::ListExtend),
            SeqKind::Set => (Op::BuildSet, Op::SetAdd, Op::SetUpdate),
        };
        let tuple = kind == SeqKind::Tuple;
        let n = elts.len();
        if n > 2 {
            if let Some(Constant::Tuple(items)) = consts::fold_tuple(elts, self.optimize) {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(items));
                } else {
                    let c = if kind == SeqKind::Set {
                        match consts::fold_frozenset(elts, self.optimize) {
                            Some(c) => c,
                            None => return Err(self.internal("unfoldable set")),
                        }
                    } else {
                        Constant::Tuple(items)
                    };
                    self.emit(build, pushed);
                    self.load_const(c);
                    self.emit(extend, 1);
                    if tuple {
                        self.emit(Op::ListToTuple, 0);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| e.is_starred_expr());
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            let count = n as u32 + pushed;
            self.emit(if tuple { Op::BuildTuple } else { build }, count);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict_display(&mut self, d: &'a ast::ExprDict) -> R {
        let items = &d.items;
        let n = items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(&items[i - elements..i])?;
                    if have_dict {
                        self.emit(Op::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Op::BuildMap, 0);
                    have_dict = true;
                }
                self.expr(&items[i].value)?;
                self.emit(Op::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(&items[i - elements..=i])?;
                if have_dict {
                    self.emit(Op::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&items[n - elements..])?;
            if have_dict {
                self.emit(Op::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Op::BuildMap, 0);
        }
        Ok(())
    }

    /// Key/value pairs (no `**`) as one dict.
    fn subdict(&mut self, items: &'a [ast::DictItem]) -> R {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let keys: Option<Vec<Constant>> = items
                .iter()
                .map(|it| it.key.as_ref().and_then(|k| self.fold(k)))
                .collect();
            if let Some(keys) = keys {
                for it in items {
                    self.expr(&it.value)?;
                }
                self.load_const(Constant::Tuple(keys));
                self.emit(Op::BuildConstKeyMap, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(Op::BuildMap, 0);
        }
        for it in items {
            if let Some(k) = &it.key {
                self.expr(k)?;
            }
            self.expr(&it.value)?;
            if big {
                self.emit(Op::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Op::BuildMap, n as u32);
        }
        Ok(())
    }

    // ----- f-strings -----------------------------------------------------

    fn joined_str(&mut self, pieces: &[Piece<'a>]) -> R {
        if pieces.len() > STACK_USE_GUIDELINE {
            // ''.join([...])
            self.load_const(Constant::Str(String::new()));
            self.emit_name(Op::LoadMethod, "join");
            self.emit(Op::BuildList, 0);
            for p in pieces {
                self.piece(p)?;
                self.emit(Op::ListAppend, 1);
            }
            self.emit(Op::Call, 1);
            return Ok(());
        }
        for p in pieces {
            self.piece(p)?;
        }
        if pieces.len() != 1 {
            self.emit(Op::BuildString, pieces.len() as u32);
        }
        Ok(())
    }

    fn piece(&mut self, p: &Piece<'a>) -> R {
        match p {
            Piece::Lit(s) => {
                self.load_const(Constant::Str(s.clone()));
                Ok(())
            }
            Piece::Field(f) => self.formatted_value(f),
            Piece::Percent(e, conv, spec) => {
                self.expr(e)?;
                let mut oparg = *conv;
                if let Some(spec) = spec {
                    self.load_const(Constant::Str(spec.clone()));
                    oparg |= 4;
                }
                self.emit(Op::FormatValue, oparg);
                Ok(())
            }
        }
    }

    fn formatted_value(&mut self, f: &'a ast::InterpolatedElement) -> R {
        let saved = self.ur().loc;
        self.expr(&f.expression)?;
        let mut oparg = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if f.debug_text.is_some() && oparg == 0 && f.format_spec.is_none() {
            oparg = 2;
        }
        if let Some(spec) = &f.format_spec {
            let mut pieces = Vec::new();
            push_elements(&mut pieces, &spec.elements);
            stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || self.joined_str(&pieces))?;
            oparg |= 4;
        }
        self.u().loc = saved;
        self.emit(Op::FormatValue, oparg);
        Ok(())
    }

    // ----- calls ---------------------------------------------------------

    fn call(&mut self, c: &'a ast::ExprCall) -> R {
        self.check_caller(&c.func);
        if let ([Expr::Generator(g)], true) = (&*c.arguments.args, c.arguments.keywords.is_empty())
        {
            self.genexp_paren = Some((crate::scope::node_key(g), c.arguments.range.start()));
        }
        if self.method_call(c)? {
            return Ok(());
        }
        let call_loc = self.ur().loc;
        self.set_loc(c.func.range());
        match &*c.func {
            Expr::Name(n) if n.ctx == ast::ExprContext::Load && n.id.as_str() != "__debug__" => {
                self.load_name_for_call(&n.id)?;
            }
            func => {
                self.emit(Op::PushNull, 0);
                self.u().loc = call_loc;
                self.expr(func)?;
            }
        }
        self.u().loc = call_loc;
        self.call_helper(0, &c.arguments.args, &c.arguments.keywords)
    }

    /// `obj.meth(args)` without `*` / `**`: `LOAD_METHOD`.
    fn method_call(&mut self, c: &'a ast::ExprCall) -> Result<bool, super::CompileError> {
        let Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        if meth.ctx != ast::ExprContext::Load {
            return Ok(false);
        }
        // A module imported at the top level is called through LOAD_ATTR
        // (as CPython 3.11.7 does: `os.getcwd()`).
        if let Expr::Name(base) = &*meth.value {
            let module = &self.table.scopes[0];
            if module
                .lookup(base.id.as_str())
                .is_some_and(|s| s.flags & crate::scope::DEF_IMPORT != 0)
            {
                return Ok(false);
            }
        }
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        let nkw = kws.len();
        if args.len() + nkw + (nkw != 0) as usize >= STACK_USE_GUIDELINE
            || args.iter().any(|a| a.is_starred_expr())
            || kws.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.validate_keywords(kws)?;
        let call_loc = self.ur().loc;
        self.expr(&meth.value)?;
        self.set_loc(meth.range);
        self.set_attr_loc(meth);
        self.emit_name(Op::LoadMethod, &meth.attr);
        self.u().loc = call_loc;
        for a in args.iter() {
            self.expr(a)?;
        }
        self.finish_simple_call(args.len(), kws)?;
        Ok(true)
    }

    fn validate_keywords(&mut self, kws: &'a [ast::Keyword]) -> R {
        for (i, k) in kws.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if name.as_str() == "__debug__" {
                return Err(self.error_here("cannot assign to __debug__"));
            }
            for other in &kws[i + 1..] {
                if other
                    .arg
                    .as_ref()
                    .is_some_and(|o| o.as_str() == name.as_str())
                {
                    return Err(
                        self.error(format!("keyword argument repeated: {name}"), other.range)
                    );
                }
            }
        }
        Ok(())
    }

    /// Keyword values, then `CALL` or `CALL_KW`, for `nargs` positional
    /// arguments already pushed.
    fn finish_simple_call(&mut self, nargs: usize, kws: &'a [ast::Keyword]) -> R {
        if kws.is_empty() {
            self.emit(Op::Call, nargs as u32);
            return Ok(());
        }
        for k in kws {
            self.expr(&k.value)?;
        }
        let names = kws
            .iter()
            .map(|k| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).to_string()))
            .collect();
        self.load_const(Constant::Tuple(names));
        self.emit(Op::CallKw, (nargs + kws.len()) as u32);
        Ok(())
    }

    /// The arguments and the call, with `pushed` arguments already on the
    /// stack (CPython's `compiler_call_helper`).
    pub(super) fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        kws: &'a [ast::Keyword],
    ) -> R {
        self.validate_keywords(kws)?;
        let nargs = args.len();
        let nkw = kws.len();
        let ex_call = nargs + nkw * 2 > STACK_USE_GUIDELINE
            || args.iter().any(|a| a.is_starred_expr())
            || kws.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.expr(a)?;
            }
            return self.finish_simple_call(pushed as usize + nargs, kws);
        }
        // Positional arguments as a tuple.
        if pushed == 0 && !args.iter().any(|a| a.is_starred_expr()) {
            if let Some(c) = consts::fold_tuple(args, self.optimize) {
                self.load_const(c);
            } else {
                self.sequence_display(args, 0, SeqKind::Tuple)?;
            }
        } else {
            self.sequence_display(args, pushed, SeqKind::Tuple)?;
        }
        // Keyword arguments as a dict.
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kws[i - nseen..i])?;
                        if have_dict {
                            self.emit(Op::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Op::BuildMap, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&kws[nkw - nseen..])?;
                if have_dict {
                    self.emit(Op::DictMerge, 1);
                }
            }
        }
        self.emit(Op::CallFunctionEx, (nkw > 0) as u32);
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [ast::Keyword]) -> R {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.expr(&k.value)?;
            }
            let names = kws
                .iter()
                .map(|k| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).to_string()))
                .collect();
            self.load_const(Constant::Tuple(names));
            self.emit(Op::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.emit(Op::BuildMap, 0);
        }
        for k in kws {
            let name = k.arg.as_ref().map_or("", |a| a.as_str()).to_string();
            self.load_const(Constant::Str(name));
            self.expr(&k.value)?;
            if big {
                self.emit(Op::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Op::BuildMap, n as u32);
        }
        Ok(())
    }
}

/// `not (a OP b)` as one comparison, where that is an identity.
fn invert_compare(c: &ast::ExprCompare) -> Option<CmpOp> {
    if c.ops.len() != 1 {
        return None;
    }
    match c.ops[0] {
        CmpOp::Is => Some(CmpOp::IsNot),
        CmpOp::IsNot => Some(CmpOp::Is),
        CmpOp::In => Some(CmpOp::NotIn),
        CmpOp::NotIn => Some(CmpOp::In),
        _ => None,
    }
}

// ----- compile-time warnings ---------------------------------------------------
//
// CPython's compiler warns (SyntaxWarning) about code that is valid but
// almost certainly wrong. Operands are judged as CPython sees them after
// its AST optimizer: a foldable expression is a constant.

/// The type name of a constant, as CPython's `infer_type` gives it.
fn constant_type_name(k: &Constant) -> &'static str {
    match k {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) | Constant::BigInt(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) | Constant::Wtf8(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => "code",
    }
}

impl<'a> Compiler<'a> {
    /// The type of `e` when the compiler can know it (CPython's
    /// `infer_type`): displays, comprehensions, lambdas, f-strings and
    /// constants.
    fn inferred_type(&self, e: &Expr) -> Option<&'static str> {
        Some(match e {
            Expr::Tuple(_) => self.fold(e).map_or("tuple", |k| constant_type_name(&k)),
            Expr::List(_) | Expr::ListComp(_) => "list",
            Expr::Dict(_) | Expr::DictComp(_) => "dict",
            Expr::Set(_) | Expr::SetComp(_) => "set",
            Expr::Generator(_) => "generator",
            Expr::Lambda(_) => "function",
            Expr::FString(_) => "str",
            _ => return self.fold(e).map(|k| constant_type_name(&k)),
        })
    }

    /// `x is 1`: `is` compares identity, not value (CPython's
    /// `check_compare`). None, True, False and `...` are fine.
    pub(super) fn check_compare(&mut self, c: &ast::ExprCompare) {
        self.check_compare_parts(&c.left, &c.ops, &c.comparators);
    }

    fn check_compare_parts(&mut self, left_e: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let is_arg = |this: &Self, e: &Expr| {
            matches!(
                this.fold(e),
                None | Some(Constant::None | Constant::Bool(_) | Constant::Ellipsis)
            )
        };
        let mut left = is_arg(self, left_e);
        for (op, e) in ops.iter().zip(comparators.iter()) {
            let right = is_arg(self, e);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(left && right) {
                self.warn(if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                });
                return;
            }
            left = right;
        }
    }

    /// `[(1, 2) (3, 4)]`: a literal called (CPython's `check_caller`).
    pub(super) fn check_caller(&mut self, func: &Expr) {
        let literal = matches!(
            func,
            Expr::Tuple(_)
                | Expr::List(_)
                | Expr::ListComp(_)
                | Expr::Dict(_)
                | Expr::DictComp(_)
                | Expr::Set(_)
                | Expr::SetComp(_)
                | Expr::Generator(_)
                | Expr::FString(_)
        ) || self.fold(func).is_some();
        if let (true, Some(t)) = (literal, self.inferred_type(func)) {
            self.warn(format!(
                "'{t}' object is not callable; perhaps you missed a comma?"
            ));
        }
    }

    /// `[{1, 2} [i, j]]` and `[[1, 2] [i, j]]`: a literal subscripted
    /// (CPython's `check_subscripter` and `check_index`).
    pub(super) fn check_subscript(&mut self, value: &Expr, slice: &Expr) {
        let folded = match value {
            Expr::Set(_) | Expr::SetComp(_) => None,
            _ => self.fold(value),
        };
        let not_subscriptable = match &folded {
            Some(k) => matches!(
                k,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Int(_)
                    | Constant::BigInt(_)
                    | Constant::Bool(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::FrozenSet(_)
            ),
            None => matches!(
                value,
                Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)
            ),
        };
        if not_subscriptable {
            if let Some(t) = self.inferred_type(value) {
                self.warn(format!(
                    "'{t}' object is not subscriptable; perhaps you missed a comma?"
                ));
            }
        }
        let Some(index_type) = self.inferred_type(slice) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence = match &folded {
            Some(k) => matches!(
                k,
                Constant::Str(_) | Constant::Wtf8(_) | Constant::Bytes(_) | Constant::Tuple(_)
            ),
            None => matches!(
                value,
                Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)
            ),
        };
        if sequence {
            if let Some(t) = self.inferred_type(value) {
                self.warn(format!(
                    "{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
                ));
            }
        }
    }
}
