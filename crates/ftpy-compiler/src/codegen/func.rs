//! Functions, lambdas, classes and comprehensions: the statements and
//! expressions that create code objects, and the closures that connect
//! them.
//!
//! A nested code object is compiled in its own [`Unit`](super::Unit),
//! then loaded as a constant and turned into a function by
//! `MAKE_FUNCTION`, preceded by whatever it needs: positional defaults (a
//! tuple), keyword-only defaults (a dict), annotations (a dict), and the
//! cells of its free variables (a tuple of `LOAD_CLOSURE`s, in the order of
//! the inner code's `co_freevars`).

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{Compiler, Ctx, FBlock, UnitKind, R};
use crate::code::{CodeObject, Constant};
use crate::opcode::Op;
use crate::scope::{mangle, CompKind, SymbolScope};

/// `MAKE_FUNCTION` flag bits.
const MF_DEFAULTS: u32 = 0x01;
const MF_KWDEFAULTS: u32 = 0x02;
const MF_ANNOTATIONS: u32 = 0x04;
const MF_CLOSURE: u32 = 0x08;

impl<'a> Compiler<'a> {
    /// The range of a `def` / `class` statement without its decorators:
    /// from the keyword (or `async`) to the end.
    fn keyword_range(
        &self,
        range: TextRange,
        name: &ast::Identifier,
        keywords: &[&str],
    ) -> TextRange {
        let src = self.map.src;
        let mut pos = name.range.start().to_usize();
        let lo = range.start().to_usize();
        let skip_ws = |mut p: usize| loop {
            let before = &src[lo..p];
            let trimmed = before.trim_end_matches([' ', '\t', '\x0c']);
            let trimmed = trimmed
                .strip_suffix("\\\n")
                .or_else(|| trimmed.strip_suffix("\\\r\n"))
                .unwrap_or(trimmed);
            let np = lo + trimmed.len();
            if np == p {
                return p;
            }
            p = np;
        };
        for kw in keywords {
            let p = skip_ws(pos);
            if src[lo..p].ends_with(kw) {
                pos = p - kw.len();
            } else {
                break;
            }
        }
        TextRange::new(TextSize::new(pos as u32), range.end())
    }

    fn def_range(&self, f: &ast::StmtFunctionDef) -> TextRange {
        if f.decorator_list.is_empty() {
            return f.range;
        }
        let kws: &[&str] = if f.is_async {
            &["def", "async"]
        } else {
            &["def"]
        };
        self.keyword_range(f.range, &f.name, kws)
    }

    fn line_of(&self, range: TextRange) -> u32 {
        self.map.line_col(range.start()).0
    }

    /// Parameters named `__debug__` are an error.
    fn check_debug_args(&self, p: &ast::Parameters) -> R {
        for param in p.iter() {
            if param.name().as_str() == "__debug__" {
                return Err(self.error_here("cannot assign to __debug__"));
            }
        }
        Ok(())
    }

    /// Pushes the default values; returns the `MAKE_FUNCTION` flags.
    fn default_args(&mut self, p: &'a ast::Parameters) -> Result<u32, super::CompileError> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            let folded: Option<Vec<Constant>> = defaults.iter().map(|d| self.fold(d)).collect();
            match folded {
                Some(items) => self.load_const(Constant::Tuple(items)),
                None => {
                    for d in &defaults {
                        self.expr(d)?;
                    }
                    self.emit(Op::BuildTuple, defaults.len() as u32);
                }
            }
            flags |= MF_DEFAULTS;
        }
        let mut keys = Vec::new();
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                let name = mangle(self.ur().private.as_deref(), &a.parameter.name).into_owned();
                keys.push(Constant::Str(name));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys));
            self.emit(Op::BuildConstKeyMap, n);
            flags |= MF_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Pushes the annotations dict if there are annotations.
    fn function_annotations(
        &mut self,
        p: &'a ast::Parameters,
        returns: Option<&'a Expr>,
    ) -> Result<bool, super::CompileError> {
        let mut anns: Vec<(&'a str, &'a Expr)> = Vec::new();
        for a in p.args.iter().chain(p.posonlyargs.iter()) {
            if let Some(ann) = &a.parameter.annotation {
                anns.push((&a.parameter.name, ann));
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(ann) = &v.annotation {
                anns.push((&v.name, ann));
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(ann) = &a.parameter.annotation {
                anns.push((&a.parameter.name, ann));
            }
        }
        if let Some(k) = &p.kwarg {
            if let Some(ann) = &k.annotation {
                anns.push((&k.name, ann));
            }
        }
        if let Some(r) = returns {
            anns.push(("return", r));
        }
        if anns.is_empty() {
            return Ok(false);
        }
        let mut keys = Vec::with_capacity(anns.len());
        for (name, ann) in &anns {
            keys.push(Constant::Str(
                mangle(self.ur().private.as_deref(), name).into_owned(),
            ));
            match ann {
                // `*args: *Ts`: the annotation is the one item of `Ts`.
                Expr::Starred(s) if !self.future.annotations => {
                    self.expr(&s.value)?;
                    self.emit(Op::UnpackSequence, 1);
                }
                _ => self.annotation(ann)?,
            }
        }
        let n = keys.len() as u32;
        self.load_const(Constant::Tuple(keys));
        self.emit(Op::BuildConstKeyMap, n);
        Ok(true)
    }

    fn set_arg_counts(&mut self, p: &ast::Parameters) {
        let u = self.u();
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
        u.varargs = p.vararg.is_some();
        u.varkeywords = p.kwarg.is_some();
    }

    pub(super) fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        let stmt_range = self.def_range(f);
        self.set_loc(stmt_range);
        self.check_debug_args(&f.parameters)?;
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let first_line = match f.decorator_list.first() {
            Some(d) => self.line_of(d.expression.range()),
            None => self.line_of(stmt_range),
        };
        let mut flags = self.default_args(&f.parameters)?;
        if self.function_annotations(&f.parameters, f.returns.as_deref())? {
            flags |= MF_ANNOTATIONS;
        }
        let scope = self
            .table
            .scope_of(f)
            .ok_or_else(|| self.internal("function without a scope"))?;
        let kind = if f.is_async {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        self.enter_unit(scope, kind, &f.name, first_line);
        let doc = self.docstring(&f.body);
        let body: &'a [Stmt] = if doc.is_some() { &f.body[1..] } else { &f.body };
        self.add_const(doc.map_or(Constant::None, Constant::Str));
        self.set_arg_counts(&f.parameters);
        self.body(body)?;
        let code = self.exit_unit()?;
        self.set_loc(stmt_range);
        self.make_closure(code, flags)?;
        self.apply_decorators(&f.decorator_list);
        self.set_loc(stmt_range);
        self.name_op(&f.name, Ctx::Store)
    }

    fn apply_decorators(&mut self, decorators: &[ast::Decorator]) {
        for d in decorators.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Op::Call, 0);
        }
    }

    /// Loads a code object as a function: closure cells, the code, and
    /// `MAKE_FUNCTION` (the items `flags` announce are already pushed).
    pub(super) fn make_closure(&mut self, code: CodeObject, mut flags: u32) -> R {
        if !code.freevars.is_empty() {
            let scope = &self.table.scopes[self.ur().scope];
            let class_unit = self.ur().kind == UnitKind::Class;
            for name in &code.freevars {
                let prefer_cell = (class_unit && name == "__class__")
                    || scope.scope_of(name) == SymbolScope::Cell;
                let idx = self.deref_index(name, prefer_cell)?;
                self.emit(Op::LoadClosure, idx);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            flags |= MF_CLOSURE;
        }
        self.load_const(Constant::Code(Box::new(code)));
        self.emit(Op::MakeFunction, flags);
        Ok(())
    }

    pub(super) fn lambda(&mut self, l: &'a ast::ExprLambda) -> R {
        let params = l.parameters.as_deref();
        let flags = match params {
            Some(p) => {
                self.check_debug_args(p)?;
                self.default_args(p)?
            }
            None => 0,
        };
        let scope = self
            .table
            .scope_of(l)
            .ok_or_else(|| self.internal("lambda without a scope"))?;
        let line = self.line_of(l.range);
        self.enter_unit(scope, UnitKind::Lambda, "<lambda>", line);
        // None first: a lambda has no docstring.
        self.add_const(Constant::None);
        if let Some(p) = params {
            self.set_arg_counts(p);
        }
        self.expr(&l.body)?;
        self.emit(Op::ReturnValue, 0);
        let code = self.exit_unit()?;
        self.make_closure(code, flags)
    }

    pub(super) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        let stmt_range = if c.decorator_list.is_empty() {
            c.range
        } else {
            self.keyword_range(c.range, &c.name, &["class"])
        };
        self.set_loc(stmt_range);
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let first_line = match c.decorator_list.first() {
            Some(d) => self.line_of(d.expression.range()),
            None => self.line_of(stmt_range),
        };
        let scope = self
            .table
            .scope_of(c)
            .ok_or_else(|| self.internal("class without a scope"))?;
        self.enter_unit(scope, UnitKind::Class, &c.name, first_line);
        self.name_op("__name__", Ctx::Load)?;
        self.name_op("__module__", Ctx::Store)?;
        let qualname = self.ur().qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.name_op("__qualname__", Ctx::Store)?;
        if super::stmt::find_annotations(&c.body) {
            self.emit(Op::SetupAnnotations, 0);
        }
        let mut body: &'a [Stmt] = &c.body;
        if let Some(doc) = self.docstring(body) {
            if let Some(first) = body.first() {
                self.set_loc(first.range());
            }
            self.load_const(Constant::Str(doc));
            self.unset_loc();
            self.name_op("__doc__", Ctx::Store)?;
            body = &body[1..];
        }
        self.body(body)?;
        self.unset_loc();
        if self.table.scopes[scope].needs_class_closure {
            let idx = self.deref_index("__class__", true)?;
            self.emit(Op::LoadClosure, idx);
            self.emit(Op::Copy, 1);
            self.name_op("__classcell__", Ctx::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.exit_unit()?;

        self.set_loc(stmt_range);
        self.emit(Op::PushNull, 0);
        self.emit(Op::LoadBuildClass, 0);
        self.make_closure(code, 0)?;
        self.load_const(Constant::Str(c.name.to_string()));
        match &c.arguments {
            Some(args) => self.call_helper(2, &args.args, &args.keywords)?,
            None => self.call_helper(2, &[], &[])?,
        }
        self.apply_decorators(&c.decorator_list);
        self.set_loc(stmt_range);
        self.name_op(&c.name, Ctx::Store)
    }

    /// A list / set / dict comprehension or generator expression: a nested
    /// function called on the iterator of the first iterable.
    pub(super) fn comprehension(&mut self, e: &'a Expr) -> R {
        let (kind, generators, elt, value, scope) = match e {
            Expr::ListComp(c) => (
                CompKind::List,
                &c.generators,
                &*c.elt,
                None,
                self.table.scope_of(c),
            ),
            Expr::SetComp(c) => (
                CompKind::Set,
                &c.generators,
                &*c.elt,
                None,
                self.table.scope_of(c),
            ),
            Expr::Generator(c) => (
                CompKind::Generator,
                &c.generators,
                &*c.elt,
                None,
                self.table.scope_of(c),
            ),
            Expr::DictComp(c) => {
                let Some(key) = c.key.as_deref() else {
                    return Err(
                        self.error_here("dict unpacking cannot be used in dict comprehension")
                    );
                };
                (
                    CompKind::Dict,
                    &c.generators,
                    key,
                    Some(&*c.value),
                    self.table.scope_of(c),
                )
            }
            _ => return Err(self.internal("not a comprehension")),
        };
        let scope = scope.ok_or_else(|| self.internal("comprehension without a scope"))?;
        let Some(outermost) = generators.first() else {
            return Err(self.internal("comprehension without generators"));
        };
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        // A generator expression that is a call's only argument owns the
        // call's parentheses (as in CPython's AST).
        let mut range = e.range();
        if let Expr::Generator(g) = e {
            if let Some((key, paren)) = self.genexp_paren {
                if !g.parenthesized && key == crate::scope::node_key(g) {
                    range = TextRange::new(paren, range.end());
                }
            }
        }
        self.set_loc(range);
        let outer_kind = self.ur().kind;
        let comp_loc = self.ur().loc;
        let line = self.line_of(range);
        self.enter_unit(scope, UnitKind::Comprehension, name, line);
        self.u().loc = comp_loc;
        let is_async = self.table.scopes[scope].is_coroutine;
        if is_async
            && kind != CompKind::Generator
            && !matches!(
                outer_kind,
                UnitKind::AsyncFunction | UnitKind::Comprehension
            )
        {
            return Err(
                self.error_here("asynchronous comprehension outside of an asynchronous function")
            );
        }
        match kind {
            CompKind::List => self.emit(Op::BuildList, 0),
            CompKind::Set => self.emit(Op::BuildSet, 0),
            CompKind::Dict => self.emit(Op::BuildMap, 0),
            CompKind::Generator => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, value, kind)?;
        if kind != CompKind::Generator {
            self.emit(Op::ReturnValue, 0);
        }
        self.u().argcount = 1;
        let code = self.exit_unit()?;
        self.make_closure(code, 0)?;
        self.iter_expr(&outermost.iter)?;
        self.emit(
            if outermost.is_async {
                Op::GetAiter
            } else {
                Op::GetIter
            },
            0,
        );
        self.emit(Op::Call, 0);
        if is_async && kind != CompKind::Generator {
            self.emit(Op::GetAwaitable, 0);
            self.load_const(Constant::None);
            self.yield_from_loop();
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        crate::grow(|| self.comprehension_generator_inner(gens, i, depth, elt, value, kind))
    }

    fn comprehension_generator_inner(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let gen = &gens[i];
        if gen.is_async {
            return self.async_comprehension_generator(gens, i, depth, elt, value, kind);
        }
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let mut has_loop = true;
        let mut depth = depth;
        if i == 0 {
            // The outermost iterator is the argument `.0`.
            self.emit(Op::LoadFast, 0);
        } else {
            // `for y in [expr]` binds `y` without a loop.
            let single = match &gen.iter {
                Expr::List(l) => Some(&l.elts),
                Expr::Tuple(t) => Some(&t.elts),
                _ => None,
            };
            if let Some([only]) = single.map(|v| v.as_slice()) {
                if !only.is_starred_expr() && self.fold(only).is_none() {
                    self.expr(only)?;
                    has_loop = false;
                }
            }
            if has_loop {
                self.iter_expr(&gen.iter)?;
                self.emit(Op::GetIter, 0);
            }
        }
        if has_loop {
            depth += 1;
            self.bind(start);
            self.emit_jump(Op::ForIter, anchor);
        }
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if i + 1 < gens.len() {
            self.comprehension_generator(gens, i + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.bind(if_cleanup);
        if has_loop {
            self.jump_artificial(start);
            self.bind(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let gen = &gens[i];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if i == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.expr(&gen.iter)?;
            self.emit(Op::GetAiter, 0);
        }
        self.bind(start);
        self.push_fblock(FBlock::AsyncComprehensionGenerator)?;
        self.push_handler(except, false, 0);
        self.emit(Op::GetAnext, 0);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.pop_handler();
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let depth = depth + 1;
        if i + 1 < gens.len() {
            self.comprehension_generator(gens, i + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.bind(if_cleanup);
        self.jump_artificial(start);
        self.pop_fblock();
        self.bind(except);
        self.emit(Op::EndAsyncFor, 0);
        Ok(())
    }

    fn comprehension_element(
        &mut self,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        match kind {
            CompKind::Generator => {
                self.expr(elt)?;
                self.emit_yield();
                self.emit(Op::PopTop, 0);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit(Op::ListAppend, depth + 1);
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit(Op::SetAdd, depth + 1);
            }
            CompKind::Dict => {
                self.expr(elt)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.emit(Op::MapAdd, depth + 1);
            }
        }
        Ok(())
    }
}
