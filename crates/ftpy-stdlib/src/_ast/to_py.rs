//! The parser's syntax tree (ruff's) to `ast` node objects.
//!
//! Positions: the parser gives byte ranges; CPython's nodes carry 1-based
//! lines and 0-based UTF-8 byte columns, so a range maps through the line
//! starts of the source. Where the two trees disagree, CPython's shape
//! wins: `elif` chains become nested `If`s, `def`/`class` start at their
//! keyword (not at the first decorator), implicitly concatenated strings
//! are one `Constant`, f-strings become `JoinedStr` of `Constant` and
//! `FormattedValue` (which, as in CPython 3.11, carry the position of the
//! whole f-string), and a generator expression that is a call's only
//! argument spans the call's parentheses.
//!
//! Every list is built as a Python list as its items are made, so no
//! `Value` waits in Rust heap memory while nodes are allocated.

use ftpy_compiler::syntax::{self as ast, Expr, Pattern, Stmt};
use ftpy_compiler::text_size::{Ranged, TextRange, TextSize};
use ftpy_compiler::Mode;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::complex::ComplexObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::{PyResult, ThreadState, Value};

use super::{new_node, Classes};

/// Line starts of a source text (lines end at `\n`, `\r\n` or `\r`).
pub(super) struct Lines {
    starts: Vec<u32>,
    len: u32,
}

impl Lines {
    pub(super) fn new(src: &str) -> Lines {
        let b = src.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        Lines {
            starts,
            len: b.len() as u32,
        }
    }

    fn line_col(&self, off: TextSize) -> (u32, u32) {
        let off = u32::from(off).min(self.len);
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, off - self.starts[line])
    }
}

/// Parses `text` and converts the tree (`ast.parse`).
pub(super) fn parse(
    ts: &mut ThreadState,
    cls: &Classes,
    text: &str,
    filename: &str,
    mode: Mode,
) -> PyResult<Value> {
    let tree = match ftpy_compiler::parse_only(text, filename, mode) {
        Ok(t) => t,
        Err(e) => return Err(ftpy_vm::syntax_error(ts, &e)),
    };
    let src = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut c = ToPy {
        cls,
        src,
        lines: Lines::new(src),
        depth: 0,
    };
    match (&tree, mode) {
        (ast::Mod::Module(m), Mode::Single) => {
            let body = c.stmts(ts, &m.body)?;
            new_node(ts, cls, "Interactive", &[("body", body)], None)
        }
        (ast::Mod::Module(m), _) => {
            let body = c.stmts(ts, &m.body)?;
            let ignores = ListObj::new(ts, &[]).value();
            new_node(
                ts,
                cls,
                "Module",
                &[("body", body), ("type_ignores", ignores)],
                None,
            )
        }
        (ast::Mod::Expression(e), _) => {
            let body = c.expr(ts, &e.body)?;
            new_node(ts, cls, "Expression", &[("body", body)], None)
        }
    }
}

struct ToPy<'a> {
    cls: &'a Classes,
    src: &'a str,
    lines: Lines,
    depth: u32,
}

fn bool_int(b: bool) -> Value {
    Value::small_int_unchecked(b as i64)
}

impl<'a> ToPy<'a> {
    fn pos(&self, r: TextRange) -> Option<[u32; 4]> {
        let (l, c) = self.lines.line_col(r.start());
        let (el, ec) = self.lines.line_col(r.end());
        Some([l, c, el, ec])
    }

    fn node(
        &self,
        ts: &mut ThreadState,
        name: &str,
        fields: &[(&str, Value)],
        r: TextRange,
    ) -> PyResult<Value> {
        new_node(ts, self.cls, name, fields, self.pos(r))
    }

    fn plain(&self, ts: &mut ThreadState, name: &str, fields: &[(&str, Value)]) -> PyResult<Value> {
        new_node(ts, self.cls, name, fields, None)
    }

    fn singleton(&self, name: &str) -> Value {
        self.cls
            .singletons
            .get(name)
            .copied()
            .unwrap_or(Value::NONE)
    }

    /// Bounds the recursion (deeper trees are a `RecursionError`, as the
    /// compiler's), growing the native stack when it runs low.
    fn nested<T>(
        &mut self,
        ts: &mut ThreadState,
        f: impl FnOnce(&mut Self, &mut ThreadState) -> PyResult<T>,
    ) -> PyResult<T> {
        self.depth += 1;
        if self.depth > ftpy_compiler::MAX_DEPTH {
            self.depth -= 1;
            return Err(ts.recursion_error("maximum recursion depth exceeded during compilation"));
        }
        let r = ftpy_compiler::grow(|| f(self, ts));
        self.depth -= 1;
        r
    }

    fn ident(&self, ts: &mut ThreadState, id: &ast::Identifier) -> Value {
        StrObj::new(ts, id.as_str())
    }

    fn opt_ident(&self, ts: &mut ThreadState, id: &Option<ast::Identifier>) -> Value {
        match id {
            Some(i) => self.ident(ts, i),
            None => Value::NONE,
        }
    }

    fn stmts(&mut self, ts: &mut ThreadState, body: &[Stmt]) -> PyResult<Value> {
        let list = ListObj::new(ts, &[]);
        for s in body {
            let v = self.nested(ts, |c, ts| c.stmt(ts, s))?;
            list.append(ts, v);
        }
        Ok(list.value())
    }

    fn exprs<'e>(
        &mut self,
        ts: &mut ThreadState,
        items: impl IntoIterator<Item = &'e Expr>,
    ) -> PyResult<Value> {
        let list = ListObj::new(ts, &[]);
        for e in items {
            let v = self.expr(ts, e)?;
            list.append(ts, v);
        }
        Ok(list.value())
    }

    fn opt_expr(&mut self, ts: &mut ThreadState, e: Option<&Expr>) -> PyResult<Value> {
        match e {
            Some(e) => self.expr(ts, e),
            None => Ok(Value::NONE),
        }
    }

    fn names(&self, ts: &mut ThreadState, ids: &[ast::Identifier]) -> Value {
        let list = ListObj::new(ts, &[]);
        for i in ids {
            let v = self.ident(ts, i);
            list.append(ts, v);
        }
        list.value()
    }

    /// Where a decorated `def`/`class` starts: its first keyword after the
    /// last decorator (skipping blanks, comments and line continuations).
    fn keyword_start(&self, range: TextRange, decorators: &[ast::Decorator]) -> TextRange {
        let Some(last) = decorators.last() else {
            return range;
        };
        let b = self.src.as_bytes();
        let mut i = last.range.end().to_usize();
        let end = range.end().to_usize().min(b.len());
        while i < end {
            match b[i] {
                b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' | b'\\' => i += 1,
                b'#' => {
                    while i < end && b[i] != b'\n' && b[i] != b'\r' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        TextRange::new(TextSize::new(i as u32), range.end())
    }

    fn stmt(&mut self, ts: &mut ThreadState, s: &Stmt) -> PyResult<Value> {
        let r = s.range();
        match s {
            Stmt::FunctionDef(f) => {
                let name = self.ident(ts, &f.name);
                let args = self.parameters(ts, Some(&f.parameters))?;
                let body = self.stmts(ts, &f.body)?;
                let decos = self.exprs(ts, f.decorator_list.iter().map(|d| &d.expression))?;
                let returns = self.opt_expr(ts, f.returns.as_deref())?;
                let kind = if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                };
                let r = self.keyword_start(r, &f.decorator_list);
                self.node(
                    ts,
                    kind,
                    &[
                        ("name", name),
                        ("args", args),
                        ("body", body),
                        ("decorator_list", decos),
                        ("returns", returns),
                        ("type_comment", Value::NONE),
                    ],
                    r,
                )
            }
            Stmt::ClassDef(c) => {
                let name = self.ident(ts, &c.name);
                let (bases, keywords) = self.arguments(ts, c.arguments.as_deref())?;
                let body = self.stmts(ts, &c.body)?;
                let decos = self.exprs(ts, c.decorator_list.iter().map(|d| &d.expression))?;
                let r = self.keyword_start(r, &c.decorator_list);
                self.node(
                    ts,
                    "ClassDef",
                    &[
                        ("name", name),
                        ("bases", bases),
                        ("keywords", keywords),
                        ("body", body),
                        ("decorator_list", decos),
                    ],
                    r,
                )
            }
            Stmt::Return(x) => {
                let v = self.opt_expr(ts, x.value.as_deref())?;
                self.node(ts, "Return", &[("value", v)], r)
            }
            Stmt::Delete(x) => {
                let t = self.exprs(ts, &x.targets)?;
                self.node(ts, "Delete", &[("targets", t)], r)
            }
            Stmt::Assign(x) => {
                let t = self.exprs(ts, &x.targets)?;
                let v = self.expr(ts, &x.value)?;
                self.node(
                    ts,
                    "Assign",
                    &[("targets", t), ("value", v), ("type_comment", Value::NONE)],
                    r,
                )
            }
            Stmt::AugAssign(x) => {
                let t = self.expr(ts, &x.target)?;
                let op = self.singleton(operator_name(x.op));
                let v = self.expr(ts, &x.value)?;
                self.node(
                    ts,
                    "AugAssign",
                    &[("target", t), ("op", op), ("value", v)],
                    r,
                )
            }
            Stmt::AnnAssign(x) => {
                let t = self.expr(ts, &x.target)?;
                let a = self.expr(ts, &x.annotation)?;
                let v = self.opt_expr(ts, x.value.as_deref())?;
                self.node(
                    ts,
                    "AnnAssign",
                    &[
                        ("target", t),
                        ("annotation", a),
                        ("value", v),
                        ("simple", bool_int(x.simple)),
                    ],
                    r,
                )
            }
            Stmt::For(x) => {
                let t = self.expr(ts, &x.target)?;
                let i = self.expr(ts, &x.iter)?;
                let body = self.stmts(ts, &x.body)?;
                let orelse = self.stmts(ts, &x.orelse)?;
                let kind = if x.is_async { "AsyncFor" } else { "For" };
                self.node(
                    ts,
                    kind,
                    &[
                        ("target", t),
                        ("iter", i),
                        ("body", body),
                        ("orelse", orelse),
                        ("type_comment", Value::NONE),
                    ],
                    r,
                )
            }
            Stmt::While(x) => {
                let t = self.expr(ts, &x.test)?;
                let body = self.stmts(ts, &x.body)?;
                let orelse = self.stmts(ts, &x.orelse)?;
                self.node(
                    ts,
                    "While",
                    &[("test", t), ("body", body), ("orelse", orelse)],
                    r,
                )
            }
            Stmt::If(x) => {
                let t = self.expr(ts, &x.test)?;
                let body = self.stmts(ts, &x.body)?;
                let orelse = self.elif_chain(ts, &x.elif_else_clauses, r.end())?;
                self.node(
                    ts,
                    "If",
                    &[("test", t), ("body", body), ("orelse", orelse)],
                    r,
                )
            }
            Stmt::With(x) => {
                let items = ListObj::new(ts, &[]);
                for it in &x.items {
                    let e = self.expr(ts, &it.context_expr)?;
                    let v = self.opt_expr(ts, it.optional_vars.as_deref())?;
                    let w =
                        self.plain(ts, "withitem", &[("context_expr", e), ("optional_vars", v)])?;
                    items.append(ts, w);
                }
                let body = self.stmts(ts, &x.body)?;
                let kind = if x.is_async { "AsyncWith" } else { "With" };
                self.node(
                    ts,
                    kind,
                    &[
                        ("items", items.value()),
                        ("body", body),
                        ("type_comment", Value::NONE),
                    ],
                    r,
                )
            }
            Stmt::Match(x) => {
                let subject = self.expr(ts, &x.subject)?;
                let cases = ListObj::new(ts, &[]);
                for case in &x.cases {
                    let p = self.pattern(ts, &case.pattern)?;
                    let g = self.opt_expr(ts, case.guard.as_deref())?;
                    let body = self.stmts(ts, &case.body)?;
                    let mc = self.plain(
                        ts,
                        "match_case",
                        &[("pattern", p), ("guard", g), ("body", body)],
                    )?;
                    cases.append(ts, mc);
                }
                self.node(
                    ts,
                    "Match",
                    &[("subject", subject), ("cases", cases.value())],
                    r,
                )
            }
            Stmt::Raise(x) => {
                let e = self.opt_expr(ts, x.exc.as_deref())?;
                let c = self.opt_expr(ts, x.cause.as_deref())?;
                self.node(ts, "Raise", &[("exc", e), ("cause", c)], r)
            }
            Stmt::Try(x) => {
                let body = self.stmts(ts, &x.body)?;
                let handlers = ListObj::new(ts, &[]);
                for h in &x.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let t = self.opt_expr(ts, h.type_.as_deref())?;
                    let n = self.opt_ident(ts, &h.name);
                    let b = self.stmts(ts, &h.body)?;
                    let v = self.node(
                        ts,
                        "ExceptHandler",
                        &[("type", t), ("name", n), ("body", b)],
                        h.range,
                    )?;
                    handlers.append(ts, v);
                }
                let orelse = self.stmts(ts, &x.orelse)?;
                let fin = self.stmts(ts, &x.finalbody)?;
                let kind = if x.is_star { "TryStar" } else { "Try" };
                self.node(
                    ts,
                    kind,
                    &[
                        ("body", body),
                        ("handlers", handlers.value()),
                        ("orelse", orelse),
                        ("finalbody", fin),
                    ],
                    r,
                )
            }
            Stmt::Assert(x) => {
                let t = self.expr(ts, &x.test)?;
                let m = self.opt_expr(ts, x.msg.as_deref())?;
                self.node(ts, "Assert", &[("test", t), ("msg", m)], r)
            }
            Stmt::Import(x) => {
                let names = self.aliases(ts, &x.names)?;
                self.node(ts, "Import", &[("names", names)], r)
            }
            Stmt::ImportFrom(x) => {
                let module = self.opt_ident(ts, &x.module);
                let names = self.aliases(ts, &x.names)?;
                self.node(
                    ts,
                    "ImportFrom",
                    &[
                        ("module", module),
                        ("names", names),
                        ("level", Value::small_int_unchecked(x.level as i64)),
                    ],
                    r,
                )
            }
            Stmt::Global(x) => {
                let n = self.names(ts, &x.names);
                self.node(ts, "Global", &[("names", n)], r)
            }
            Stmt::Nonlocal(x) => {
                let n = self.names(ts, &x.names);
                self.node(ts, "Nonlocal", &[("names", n)], r)
            }
            Stmt::Expr(x) => {
                let v = self.expr(ts, &x.value)?;
                self.node(ts, "Expr", &[("value", v)], r)
            }
            Stmt::Pass(_) => self.node(ts, "Pass", &[], r),
            Stmt::Break(_) => self.node(ts, "Break", &[], r),
            Stmt::Continue(_) => self.node(ts, "Continue", &[], r),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                Err(ts.syntax_error_msg("invalid syntax"))
            }
        }
    }

    /// The `orelse` of an `if` with `elif`/`else` clauses: an `elif`
    /// becomes a nested `If` from its keyword to the end of the chain.
    fn elif_chain(
        &mut self,
        ts: &mut ThreadState,
        clauses: &[ast::ElifElseClause],
        end: TextSize,
    ) -> PyResult<Value> {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(ListObj::new(ts, &[]).value());
        };
        match &first.test {
            None => self.stmts(ts, &first.body),
            Some(test) => {
                let t = self.expr(ts, test)?;
                let body = self.stmts(ts, &first.body)?;
                let orelse = self.nested(ts, |c, ts| c.elif_chain(ts, rest, end))?;
                let v = self.node(
                    ts,
                    "If",
                    &[("test", t), ("body", body), ("orelse", orelse)],
                    TextRange::new(first.range.start(), end),
                )?;
                Ok(ListObj::new(ts, &[v]).value())
            }
        }
    }

    fn aliases(&mut self, ts: &mut ThreadState, names: &[ast::Alias]) -> PyResult<Value> {
        let list = ListObj::new(ts, &[]);
        for a in names {
            let n = self.ident(ts, &a.name);
            let asn = self.opt_ident(ts, &a.asname);
            let v = self.node(ts, "alias", &[("name", n), ("asname", asn)], a.range)?;
            list.append(ts, v);
        }
        Ok(list.value())
    }

    /// Call or class arguments: (args list, keywords list).
    fn arguments(
        &mut self,
        ts: &mut ThreadState,
        a: Option<&ast::Arguments>,
    ) -> PyResult<(Value, Value)> {
        let args = ListObj::new(ts, &[]);
        let kws = ListObj::new(ts, &[]);
        let Some(a) = a else {
            return Ok((args.value(), kws.value()));
        };
        let sole = a.args.len() == 1 && a.keywords.is_empty();
        for e in a.args.iter() {
            let v = match e {
                // `f(x for x in y)`: CPython's node spans the parentheses.
                Expr::Generator(g) if sole && !g.parenthesized => self.generator(ts, g, a.range)?,
                _ => self.expr(ts, e)?,
            };
            args.append(ts, v);
        }
        for k in a.keywords.iter() {
            let name = self.opt_ident(ts, &k.arg);
            let v = self.expr(ts, &k.value)?;
            let kw = self.node(ts, "keyword", &[("arg", name), ("value", v)], k.range)?;
            kws.append(ts, kw);
        }
        Ok((args.value(), kws.value()))
    }

    fn arg(&mut self, ts: &mut ThreadState, p: &ast::Parameter) -> PyResult<Value> {
        let name = self.ident(ts, &p.name);
        let ann = self.opt_expr(ts, p.annotation.as_deref())?;
        self.node(
            ts,
            "arg",
            &[
                ("arg", name),
                ("annotation", ann),
                ("type_comment", Value::NONE),
            ],
            // CPython's `arg` starts at the name (after any `*`/`**`).
            TextRange::new(p.name.range.start(), p.range.end()),
        )
    }

    fn parameters(&mut self, ts: &mut ThreadState, p: Option<&ast::Parameters>) -> PyResult<Value> {
        let posonly = ListObj::new(ts, &[]);
        let args = ListObj::new(ts, &[]);
        let kwonly = ListObj::new(ts, &[]);
        let kw_defaults = ListObj::new(ts, &[]);
        let defaults = ListObj::new(ts, &[]);
        let mut vararg = Value::NONE;
        let mut kwarg = Value::NONE;
        if let Some(p) = p {
            for (list, items) in [(posonly, &p.posonlyargs), (args, &p.args)] {
                for pd in items.iter() {
                    let a = self.arg(ts, &pd.parameter)?;
                    list.append(ts, a);
                    if let Some(d) = &pd.default {
                        let v = self.expr(ts, d)?;
                        defaults.append(ts, v);
                    }
                }
            }
            if let Some(v) = &p.vararg {
                vararg = self.arg(ts, v)?;
            }
            for pd in p.kwonlyargs.iter() {
                let a = self.arg(ts, &pd.parameter)?;
                kwonly.append(ts, a);
                let d = self.opt_expr(ts, pd.default.as_deref())?;
                kw_defaults.append(ts, d);
            }
            if let Some(k) = &p.kwarg {
                kwarg = self.arg(ts, k)?;
            }
        }
        self.plain(
            ts,
            "arguments",
            &[
                ("posonlyargs", posonly.value()),
                ("args", args.value()),
                ("vararg", vararg),
                ("kwonlyargs", kwonly.value()),
                ("kw_defaults", kw_defaults.value()),
                ("kwarg", kwarg),
                ("defaults", defaults.value()),
            ],
        )
    }

    fn comprehensions(
        &mut self,
        ts: &mut ThreadState,
        gens: &[ast::Comprehension],
    ) -> PyResult<Value> {
        let list = ListObj::new(ts, &[]);
        for g in gens {
            let t = self.expr(ts, &g.target)?;
            let i = self.expr(ts, &g.iter)?;
            let ifs = self.exprs(ts, &g.ifs)?;
            let v = self.plain(
                ts,
                "comprehension",
                &[
                    ("target", t),
                    ("iter", i),
                    ("ifs", ifs),
                    ("is_async", bool_int(g.is_async)),
                ],
            )?;
            list.append(ts, v);
        }
        Ok(list.value())
    }

    fn generator(
        &mut self,
        ts: &mut ThreadState,
        g: &ast::ExprGenerator,
        r: TextRange,
    ) -> PyResult<Value> {
        let elt = self.expr(ts, &g.elt)?;
        let gens = self.comprehensions(ts, &g.generators)?;
        self.node(ts, "GeneratorExp", &[("elt", elt), ("generators", gens)], r)
    }

    fn ctx(&self, c: ast::ExprContext) -> Value {
        self.singleton(match c {
            ast::ExprContext::Store => "Store",
            ast::ExprContext::Del => "Del",
            _ => "Load",
        })
    }

    fn constant(
        &self,
        ts: &mut ThreadState,
        v: Value,
        kind: Value,
        r: TextRange,
    ) -> PyResult<Value> {
        self.node(ts, "Constant", &[("value", v), ("kind", kind)], r)
    }

    fn expr(&mut self, ts: &mut ThreadState, e: &Expr) -> PyResult<Value> {
        self.nested(ts, |c, ts| c.expr_inner(ts, e))
    }

    fn expr_inner(&mut self, ts: &mut ThreadState, e: &Expr) -> PyResult<Value> {
        let r = e.range();
        match e {
            Expr::BoolOp(x) => {
                let op = self.singleton(match x.op {
                    ast::BoolOp::And => "And",
                    ast::BoolOp::Or => "Or",
                });
                let vals = self.exprs(ts, &x.values)?;
                self.node(ts, "BoolOp", &[("op", op), ("values", vals)], r)
            }
            Expr::Named(x) => {
                let t = self.expr(ts, &x.target)?;
                let v = self.expr(ts, &x.value)?;
                self.node(ts, "NamedExpr", &[("target", t), ("value", v)], r)
            }
            Expr::BinOp(x) => {
                let l = self.expr(ts, &x.left)?;
                let op = self.singleton(operator_name(x.op));
                let rr = self.expr(ts, &x.right)?;
                self.node(ts, "BinOp", &[("left", l), ("op", op), ("right", rr)], r)
            }
            Expr::UnaryOp(x) => {
                let op = self.singleton(match x.op {
                    ast::UnaryOp::Invert => "Invert",
                    ast::UnaryOp::Not => "Not",
                    ast::UnaryOp::UAdd => "UAdd",
                    ast::UnaryOp::USub => "USub",
                });
                let v = self.expr(ts, &x.operand)?;
                self.node(ts, "UnaryOp", &[("op", op), ("operand", v)], r)
            }
            Expr::Lambda(x) => {
                let a = self.parameters(ts, x.parameters.as_deref())?;
                let b = self.expr(ts, &x.body)?;
                self.node(ts, "Lambda", &[("args", a), ("body", b)], r)
            }
            Expr::If(x) => {
                let t = self.expr(ts, &x.test)?;
                let b = self.expr(ts, &x.body)?;
                let o = self.expr(ts, &x.orelse)?;
                self.node(ts, "IfExp", &[("test", t), ("body", b), ("orelse", o)], r)
            }
            Expr::Dict(x) => {
                let keys = ListObj::new(ts, &[]);
                let vals = ListObj::new(ts, &[]);
                for item in &x.items {
                    let k = self.opt_expr(ts, item.key.as_ref())?;
                    keys.append(ts, k);
                    let v = self.expr(ts, &item.value)?;
                    vals.append(ts, v);
                }
                self.node(
                    ts,
                    "Dict",
                    &[("keys", keys.value()), ("values", vals.value())],
                    r,
                )
            }
            Expr::Set(x) => {
                let elts = self.exprs(ts, &x.elts)?;
                self.node(ts, "Set", &[("elts", elts)], r)
            }
            Expr::ListComp(x) => {
                let elt = self.expr(ts, &x.elt)?;
                let g = self.comprehensions(ts, &x.generators)?;
                self.node(ts, "ListComp", &[("elt", elt), ("generators", g)], r)
            }
            Expr::SetComp(x) => {
                let elt = self.expr(ts, &x.elt)?;
                let g = self.comprehensions(ts, &x.generators)?;
                self.node(ts, "SetComp", &[("elt", elt), ("generators", g)], r)
            }
            Expr::DictComp(x) => {
                let k = self.opt_expr(ts, x.key.as_deref())?;
                let v = self.expr(ts, &x.value)?;
                let g = self.comprehensions(ts, &x.generators)?;
                self.node(
                    ts,
                    "DictComp",
                    &[("key", k), ("value", v), ("generators", g)],
                    r,
                )
            }
            Expr::Generator(x) => self.generator(ts, x, r),
            Expr::Await(x) => {
                let v = self.expr(ts, &x.value)?;
                self.node(ts, "Await", &[("value", v)], r)
            }
            Expr::Yield(x) => {
                let v = self.opt_expr(ts, x.value.as_deref())?;
                self.node(ts, "Yield", &[("value", v)], r)
            }
            Expr::YieldFrom(x) => {
                let v = self.expr(ts, &x.value)?;
                self.node(ts, "YieldFrom", &[("value", v)], r)
            }
            Expr::Compare(x) => {
                let l = self.expr(ts, &x.left)?;
                let ops = ListObj::new(ts, &[]);
                for op in x.ops.iter() {
                    ops.append(ts, self.singleton(cmpop_name(*op)));
                }
                let comps = self.exprs(ts, x.comparators.iter())?;
                self.node(
                    ts,
                    "Compare",
                    &[("left", l), ("ops", ops.value()), ("comparators", comps)],
                    r,
                )
            }
            Expr::Call(x) => {
                let f = self.expr(ts, &x.func)?;
                let (args, kws) = self.arguments(ts, Some(&x.arguments))?;
                self.node(
                    ts,
                    "Call",
                    &[("func", f), ("args", args), ("keywords", kws)],
                    r,
                )
            }
            Expr::FString(x) => self.fstring(ts, x, r),
            Expr::StringLiteral(x) => {
                let v = StrObj::new(ts, x.value.to_str());
                let unicode = x.value.iter().next().is_some_and(|p| {
                    matches!(
                        p.flags.prefix(),
                        ast::str_prefix::StringLiteralPrefix::Unicode
                    )
                });
                let kind = if unicode {
                    StrObj::new(ts, "u")
                } else {
                    Value::NONE
                };
                self.constant(ts, v, kind, r)
            }
            Expr::BytesLiteral(x) => {
                let bytes: Vec<u8> = x.value.bytes().collect();
                let v = BytesObj::new(ts, &bytes);
                self.constant(ts, v, Value::NONE, r)
            }
            Expr::NumberLiteral(x) => {
                let v = match &x.value {
                    ast::Number::Int(i) => int_value(ts, i)?,
                    ast::Number::Float(f) => ftpy_vm::objects::float::new_float(ts, *f),
                    ast::Number::Complex { real, imag } => ComplexObj::new(ts, *real, *imag),
                };
                self.constant(ts, v, Value::NONE, r)
            }
            Expr::BooleanLiteral(x) => {
                let v = if x.value { Value::TRUE } else { Value::FALSE };
                self.constant(ts, v, Value::NONE, r)
            }
            Expr::NoneLiteral(_) => self.constant(ts, Value::NONE, Value::NONE, r),
            Expr::EllipsisLiteral(_) => self.constant(ts, Value::ELLIPSIS, Value::NONE, r),
            Expr::Attribute(x) => {
                let v = self.expr(ts, &x.value)?;
                let a = self.ident(ts, &x.attr);
                let ctx = self.ctx(x.ctx);
                self.node(
                    ts,
                    "Attribute",
                    &[("value", v), ("attr", a), ("ctx", ctx)],
                    r,
                )
            }
            Expr::Subscript(x) => {
                let v = self.expr(ts, &x.value)?;
                let s = self.expr(ts, &x.slice)?;
                let ctx = self.ctx(x.ctx);
                self.node(
                    ts,
                    "Subscript",
                    &[("value", v), ("slice", s), ("ctx", ctx)],
                    r,
                )
            }
            Expr::Starred(x) => {
                let v = self.expr(ts, &x.value)?;
                let ctx = self.ctx(x.ctx);
                self.node(ts, "Starred", &[("value", v), ("ctx", ctx)], r)
            }
            Expr::Name(x) => {
                let id = StrObj::new(ts, x.id.as_str());
                let ctx = self.ctx(x.ctx);
                self.node(ts, "Name", &[("id", id), ("ctx", ctx)], r)
            }
            Expr::List(x) => {
                let elts = self.exprs(ts, &x.elts)?;
                let ctx = self.ctx(x.ctx);
                self.node(ts, "List", &[("elts", elts), ("ctx", ctx)], r)
            }
            Expr::Tuple(x) => {
                let elts = self.exprs(ts, &x.elts)?;
                let ctx = self.ctx(x.ctx);
                self.node(ts, "Tuple", &[("elts", elts), ("ctx", ctx)], r)
            }
            Expr::Slice(x) => {
                let lo = self.opt_expr(ts, x.lower.as_deref())?;
                let hi = self.opt_expr(ts, x.upper.as_deref())?;
                let st = self.opt_expr(ts, x.step.as_deref())?;
                self.node(
                    ts,
                    "Slice",
                    &[("lower", lo), ("upper", hi), ("step", st)],
                    r,
                )
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                Err(ts.syntax_error_msg("invalid syntax"))
            }
        }
    }

    /// An f-string (with any implicitly concatenated parts): a `JoinedStr`
    /// whose adjacent literal pieces are merged into one `Constant`.
    fn fstring(
        &mut self,
        ts: &mut ThreadState,
        x: &ast::ExprFString,
        r: TextRange,
    ) -> PyResult<Value> {
        let values = ListObj::new(ts, &[]);
        let mut pending = String::new();
        for part in x.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => pending.push_str(&l.value),
                ast::FStringPart::FString(f) => {
                    self.fstring_elements(ts, &f.elements, r, f.range, values, &mut pending)?;
                }
            }
        }
        self.flush_literal(ts, values, &mut pending, r)?;
        self.node(ts, "JoinedStr", &[("values", values.value())], r)
    }

    fn flush_literal(
        &self,
        ts: &mut ThreadState,
        values: ftpy_vm::Gc<ListObj>,
        pending: &mut String,
        r: TextRange,
    ) -> PyResult<()> {
        if !pending.is_empty() {
            let s = StrObj::new(ts, pending);
            let c = self.constant(ts, s, Value::NONE, r)?;
            values.append(ts, c);
            pending.clear();
        }
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        ts: &mut ThreadState,
        elements: &ast::InterpolatedStringElements,
        r: TextRange,
        part: TextRange,
        values: ftpy_vm::Gc<ListObj>,
        pending: &mut String,
    ) -> PyResult<()> {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => pending.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conversion = i.conversion as i8 as i64;
                    if let Some(d) = &i.debug_text {
                        pending.push_str(d.as_str());
                        if conversion == -1 && i.format_spec.is_none() {
                            conversion = b'r' as i64;
                        }
                    }
                    self.flush_literal(ts, values, pending, r)?;
                    let v = self.expr(ts, &i.expression)?;
                    let spec = match &i.format_spec {
                        Some(spec) => {
                            let inner = ListObj::new(ts, &[]);
                            let mut p = String::new();
                            // A spec of literal text only is placed at the
                            // part too (CPython 3.11).
                            let literal_only = spec
                                .elements
                                .iter()
                                .all(|e| matches!(e, ast::InterpolatedStringElement::Literal(_)));
                            let rs = if literal_only { part } else { r };
                            self.nested(ts, |c, ts| {
                                c.fstring_elements(ts, &spec.elements, rs, part, inner, &mut p)
                            })?;
                            self.flush_literal(ts, inner, &mut p, rs)?;
                            // CPython 3.11 places a format spec at the
                            // f-string part holding it.
                            self.node(ts, "JoinedStr", &[("values", inner.value())], part)?
                        }
                        None => Value::NONE,
                    };
                    let fv = self.node(
                        ts,
                        "FormattedValue",
                        &[
                            ("value", v),
                            ("conversion", Value::small_int_unchecked(conversion)),
                            ("format_spec", spec),
                        ],
                        r,
                    )?;
                    values.append(ts, fv);
                }
            }
        }
        Ok(())
    }

    fn patterns(&mut self, ts: &mut ThreadState, ps: &[Pattern]) -> PyResult<Value> {
        let list = ListObj::new(ts, &[]);
        for p in ps {
            let v = self.pattern(ts, p)?;
            list.append(ts, v);
        }
        Ok(list.value())
    }

    fn pattern(&mut self, ts: &mut ThreadState, p: &Pattern) -> PyResult<Value> {
        self.nested(ts, |c, ts| c.pattern_inner(ts, p))
    }

    fn pattern_inner(&mut self, ts: &mut ThreadState, p: &Pattern) -> PyResult<Value> {
        let r = p.range();
        match p {
            Pattern::MatchValue(x) => {
                let v = self.expr(ts, &x.value)?;
                self.node(ts, "MatchValue", &[("value", v)], r)
            }
            Pattern::MatchSingleton(x) => {
                let v = match x.value {
                    ast::Singleton::None => Value::NONE,
                    ast::Singleton::True => Value::TRUE,
                    ast::Singleton::False => Value::FALSE,
                };
                self.node(ts, "MatchSingleton", &[("value", v)], r)
            }
            Pattern::MatchSequence(x) => {
                let ps = self.patterns(ts, &x.patterns)?;
                self.node(ts, "MatchSequence", &[("patterns", ps)], r)
            }
            Pattern::MatchMapping(x) => {
                let keys = self.exprs(ts, x.keys.iter())?;
                let ps = self.patterns(ts, &x.patterns)?;
                let rest = self.opt_ident(ts, &x.rest);
                self.node(
                    ts,
                    "MatchMapping",
                    &[("keys", keys), ("patterns", ps), ("rest", rest)],
                    r,
                )
            }
            Pattern::MatchClass(x) => {
                let cls = self.expr(ts, &x.cls)?;
                let ps = self.patterns(ts, &x.arguments.patterns)?;
                let attrs = ListObj::new(ts, &[]);
                let kps = ListObj::new(ts, &[]);
                for k in &x.arguments.keywords {
                    let a = self.ident(ts, &k.attr);
                    attrs.append(ts, a);
                    let v = self.pattern(ts, &k.pattern)?;
                    kps.append(ts, v);
                }
                self.node(
                    ts,
                    "MatchClass",
                    &[
                        ("cls", cls),
                        ("patterns", ps),
                        ("kwd_attrs", attrs.value()),
                        ("kwd_patterns", kps.value()),
                    ],
                    r,
                )
            }
            Pattern::MatchStar(x) => {
                let n = self.opt_ident(ts, &x.name);
                self.node(ts, "MatchStar", &[("name", n)], r)
            }
            Pattern::MatchAs(x) => {
                let pat = match &x.pattern {
                    Some(p) => self.pattern(ts, p)?,
                    None => Value::NONE,
                };
                let n = self.opt_ident(ts, &x.name);
                self.node(ts, "MatchAs", &[("pattern", pat), ("name", n)], r)
            }
            Pattern::MatchOr(x) => {
                let ps = self.patterns(ts, &x.patterns)?;
                self.node(ts, "MatchOr", &[("patterns", ps)], r)
            }
        }
    }
}

fn int_value(ts: &mut ThreadState, i: &ast::Int) -> PyResult<Value> {
    if let Some(v) = i.as_i64() {
        return Ok(ftpy_vm::objects::int::int_from_i64(ts, v));
    }
    let text: String = i
        .to_string()
        .chars()
        .filter(|&c| c != '_')
        .collect::<String>()
        .to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = text.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = text.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = text.strip_prefix("0b") {
        (d, 2)
    } else {
        (text.as_str(), 10)
    };
    match num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(b) => Ok(ftpy_vm::objects::int::int_from_big(ts, b)),
        None => Err(ts.value_error(format!("invalid integer literal {text}"))),
    }
}

pub(super) fn operator_name(op: ast::Operator) -> &'static str {
    use ast::Operator as O;
    match op {
        O::Add => "Add",
        O::Sub => "Sub",
        O::Mult => "Mult",
        O::MatMult => "MatMult",
        O::Div => "Div",
        O::Mod => "Mod",
        O::Pow => "Pow",
        O::LShift => "LShift",
        O::RShift => "RShift",
        O::BitOr => "BitOr",
        O::BitXor => "BitXor",
        O::BitAnd => "BitAnd",
        O::FloorDiv => "FloorDiv",
    }
}

pub(super) fn cmpop_name(op: ast::CmpOp) -> &'static str {
    use ast::CmpOp as C;
    match op {
        C::Eq => "Eq",
        C::NotEq => "NotEq",
        C::Lt => "Lt",
        C::LtE => "LtE",
        C::Gt => "Gt",
        C::GtE => "GtE",
        C::Is => "Is",
        C::IsNot => "IsNot",
        C::In => "In",
        C::NotIn => "NotIn",
    }
}
