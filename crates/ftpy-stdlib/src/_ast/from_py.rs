//! `ast` node objects back to the parser's syntax tree, for compiling
//! (`compile(tree, filename, mode)`).
//!
//! # Why a tree, and how positions survive
//! The compiler takes ruff's syntax tree, whose positions are byte ranges
//! into a source text, and maps them to lines and columns through that
//! text's line starts. An AST object has no source, only `lineno`,
//! `col_offset`, `end_lineno` and `end_col_offset` per node. So a first
//! pass ([`Extent`]) finds, for every line, the widest column any node
//! names on it; a synthetic source of blank lines that wide is the line
//! index, and a (line, column) pair becomes the offset of that column on
//! that line. The compiler then computes exactly the node's line and
//! column back: the code's `co_positions()` and tracebacks show the
//! positions the nodes carry, as in CPython. Nothing reads the synthetic
//! text as program text (it is blank); literals come from the nodes.
//!
//! (Turning the tree into source text with `ast.unparse` and compiling that
//! would lose every position, and line numbers are what tracebacks show.)
//!
//! Checks follow CPython's for what the conversion needs: a missing
//! required field is `TypeError: required field "x" missing from Y`, a node
//! of the wrong category `TypeError: expected some sort of expr, but got
//! ...`, a non-list where a list belongs `TypeError: Y field "x" must be a
//! list, not a Z`. CPython's deeper validation (e.g. `Load` context where a
//! `Store` belongs) is not repeated: such trees compile to what their
//! contexts say.

use ftpy_compiler::syntax::{self as ast, name::Name, Expr, Pattern, Stmt};
use ftpy_compiler::text_size::{Ranged, TextRange, TextSize};
use ftpy_compiler::Mode;
use ftpy_vm::objects::bytes::bytes_data;
use ftpy_vm::objects::code::CodeObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use super::Classes;

/// Lines beyond this make the synthetic line index too large.
const MAX_LINES: u64 = 1 << 24;

pub(super) fn compile(
    ts: &mut ThreadState,
    cls: &Classes,
    tree: Value,
    filename: &str,
    mode: Mode,
    optimize: u8,
    future: u32,
) -> PyResult<Gc<CodeObj>> {
    let (expected, ruff_mode) = match mode {
        Mode::Exec => ("Module", Mode::Exec),
        Mode::Eval => ("Expression", Mode::Eval),
        Mode::Single => ("Interactive", Mode::Single),
    };
    let kind = cls.kind_of(tree);
    if kind != Some(expected) {
        return Err(ts.type_error(format!("expected {expected} node, got {}", type_name(tree))));
    }
    let mut extent = Extent {
        widths: Vec::new(),
        depth: 0,
    };
    extent.walk(ts, cls, tree)?;
    let mut starts = Vec::with_capacity(extent.widths.len() + 1);
    let mut src = String::new();
    for &w in &extent.widths {
        starts.push(src.len() as u64);
        src.extend(std::iter::repeat_n(' ', w as usize));
        src.push('\n');
        if src.len() as u64 > u32::MAX as u64 / 2 {
            return Err(ts.value_error("AST positions are too large to compile"));
        }
    }
    let mut c = FromPy {
        cls,
        starts,
        widths: &extent.widths,
        depth: 0,
    };
    let module = match ruff_mode {
        Mode::Eval => {
            let body = c.field_expr(ts, tree, "body", expected)?;
            ast::Mod::Expression(ast::ModExpression {
                node_index: Default::default(),
                range: TextRange::default(),
                body: Box::new(body),
            })
        }
        _ => {
            let body = c.body(ts, tree, "body", expected)?;
            ast::Mod::Module(ast::ModModule {
                node_index: Default::default(),
                range: TextRange::default(),
                body: body.into_iter().collect(),
            })
        }
    };
    match ftpy_compiler::compile_tree(module, &src, filename, mode, optimize, future) {
        Ok(code) => ftpy_vm::code_object(ts, &code),
        Err(e) => Err(ftpy_vm::syntax_error(ts, &e)),
    }
}

fn small(v: Value) -> Option<i64> {
    ftpy_vm::objects::int::to_i64(v).filter(|_| ftpy_vm::objects::int::is_int(v))
}

/// The first pass: the widest column named on every line.
struct Extent {
    /// `widths[i]`: the widest column on line `i + 1`.
    widths: Vec<u32>,
    depth: u32,
}

impl Extent {
    fn note(&mut self, ts: &mut ThreadState, line: i64, col: i64) -> PyResult<()> {
        let line = line.max(1) as u64;
        if line > MAX_LINES {
            return Err(ts.value_error("AST line numbers are too large to compile"));
        }
        let col = col.clamp(0, 1 << 20) as u32;
        let idx = line as usize - 1;
        if self.widths.len() <= idx {
            self.widths.resize(idx + 1, 0);
        }
        self.widths[idx] = self.widths[idx].max(col);
        Ok(())
    }

    fn walk(&mut self, ts: &mut ThreadState, cls: &Classes, v: Value) -> PyResult<()> {
        if let Some(list) = v.downcast::<ListObj>() {
            let mut i = 0;
            while let Some(item) = list.get(i) {
                self.walk(ts, cls, item)?;
                i += 1;
            }
            return Ok(());
        }
        if cls.kind_of(v).is_none() {
            return Ok(());
        }
        self.depth += 1;
        if self.depth > ftpy_compiler::MAX_DEPTH {
            return Err(ts.recursion_error("maximum recursion depth exceeded during compilation"));
        }
        let mut pos = [None; 4];
        for (i, n) in ["lineno", "col_offset", "end_lineno", "end_col_offset"]
            .iter()
            .enumerate()
        {
            if let Some(x) = ops::getattr_str_opt(ts, v, n)? {
                pos[i] = small(x);
            }
        }
        if let (Some(l), Some(c)) = (pos[0], pos[1]) {
            self.note(ts, l, c)?;
            let el = pos[2].unwrap_or(l).max(l);
            self.note(ts, el, pos[3].unwrap_or(c))?;
        }
        let fields = ops::getattr_str_opt(ts, type_of(v).value(), "_fields")?;
        if let Some(t) = fields.and_then(|f| f.downcast::<TupleObj>()) {
            for &f in t.items() {
                let Some(name) = f.downcast::<StrObj>() else {
                    continue;
                };
                if let Some(child) = ops::getattr_opt(ts, v, name)? {
                    ftpy_compiler::grow(|| self.walk(ts, cls, child))?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }
}

struct FromPy<'a> {
    cls: &'a Classes,
    /// Offset of the start of every line of the synthetic source.
    starts: Vec<u64>,
    widths: &'a [u32],
    depth: u32,
}

type R<T> = PyResult<T>;

impl<'a> FromPy<'a> {
    fn offset(&self, line: i64, col: i64) -> TextSize {
        let idx = (line.max(1) - 1) as usize;
        let (start, width) = match (self.starts.get(idx), self.widths.get(idx)) {
            (Some(&s), Some(&w)) => (s, w as i64),
            _ => (self.starts.last().copied().unwrap_or(0), 0),
        };
        TextSize::new((start + col.clamp(0, width) as u64) as u32)
    }

    /// The range of a node with position attributes (required, as CPython
    /// requires them of statements and expressions).
    fn range(&self, ts: &mut ThreadState, v: Value, what: &str) -> R<TextRange> {
        let line = self.req_int(ts, v, "lineno", what)?;
        let col = self.req_int(ts, v, "col_offset", what)?;
        let end_line = self.opt_int(ts, v, "end_lineno")?.unwrap_or(line).max(line);
        let end_col = self.opt_int(ts, v, "end_col_offset")?.unwrap_or(col);
        let start = self.offset(line, col);
        let end = self.offset(end_line, end_col).max(start);
        Ok(TextRange::new(start, end))
    }

    /// A range for nodes whose positions CPython does not keep
    /// (`comprehension`, `withitem` ...): where `outer` is.
    fn req_int(&self, ts: &mut ThreadState, v: Value, name: &str, what: &str) -> R<i64> {
        let x = self.req(ts, v, name, what)?;
        match small(x) {
            Some(i) => Ok(i),
            None => {
                let r = ops::repr_string(ts, x)?;
                Err(ts.type_error(format!("invalid integer value: {r}")))
            }
        }
    }

    fn opt_int(&self, ts: &mut ThreadState, v: Value, name: &str) -> R<Option<i64>> {
        match ops::getattr_str_opt(ts, v, name)? {
            Some(x) if !x.is_none() => match small(x) {
                Some(i) => Ok(Some(i)),
                None => {
                    let r = ops::repr_string(ts, x)?;
                    Err(ts.type_error(format!("invalid integer value: {r}")))
                }
            },
            _ => Ok(None),
        }
    }

    /// A required field (`what` names the node's category in the error).
    fn req(&self, ts: &mut ThreadState, v: Value, name: &str, what: &str) -> R<Value> {
        match ops::getattr_str_opt(ts, v, name)? {
            Some(x) if !x.is_none() || name == "value" => Ok(x),
            _ => Err(ts.type_error(format!("required field \"{name}\" missing from {what}"))),
        }
    }

    fn opt(&self, ts: &mut ThreadState, v: Value, name: &str) -> R<Option<Value>> {
        Ok(ops::getattr_str_opt(ts, v, name)?.filter(|x| !x.is_none()))
    }

    /// A list field; a missing one is empty (as CPython's).
    fn list(&self, ts: &mut ThreadState, v: Value, name: &str, what: &str) -> R<Vec<usize>> {
        let _ = what;
        let x = ops::getattr_str_opt(ts, v, name)?;
        match x {
            None => Ok(Vec::new()),
            Some(x) if x.is_none() => Ok(Vec::new()),
            Some(x) => match x.downcast::<ListObj>() {
                Some(l) => Ok((0..l.len()).collect()),
                None => Err(ts.type_error(format!(
                    "{} field \"{name}\" must be a list, not a {}",
                    type_name(v),
                    type_name(x)
                ))),
            },
        }
    }

    /// Item `i` of list field `name` (re-read: the list may change).
    fn item(&self, ts: &mut ThreadState, v: Value, name: &str, i: usize) -> R<Value> {
        let x = ops::getattr_str(ts, v, name)?;
        match x.downcast::<ListObj>().and_then(|l| l.get(i)) {
            Some(item) => Ok(item),
            None => Err(ts.runtime_error(format!(
                "{} field \"{name}\" changed size during compilation",
                type_name(v)
            ))),
        }
    }

    fn ident_value(&self, ts: &mut ThreadState, x: Value, range: TextRange) -> R<ast::Identifier> {
        match x.downcast::<StrObj>() {
            Some(s) => Ok(ast::Identifier {
                id: Name::new(s.as_str()),
                range,
                node_index: Default::default(),
            }),
            None => Err(ts.type_error("AST identifier must be of type str")),
        }
    }

    fn ident(
        &self,
        ts: &mut ThreadState,
        v: Value,
        name: &str,
        what: &str,
        range: TextRange,
    ) -> R<ast::Identifier> {
        let x = self.req(ts, v, name, what)?;
        self.ident_value(ts, x, range)
    }

    fn opt_ident(
        &self,
        ts: &mut ThreadState,
        v: Value,
        name: &str,
        range: TextRange,
    ) -> R<Option<ast::Identifier>> {
        match self.opt(ts, v, name)? {
            Some(x) => Ok(Some(self.ident_value(ts, x, range)?)),
            None => Ok(None),
        }
    }

    /// Checks that `v` is a node of category `cat` and returns its
    /// concrete class name.
    fn kind(&self, ts: &mut ThreadState, v: Value, cat: &str) -> R<&'static str> {
        if type_of(v).is_subtype(self.cls.get(cat)) {
            if let Some(k) = self.cls.kind_of(v) {
                return Ok(k);
            }
        }
        let r = ops::repr_string(ts, v)?;
        Err(ts.type_error(format!("expected some sort of {cat}, but got {r}")))
    }

    fn nested<T>(
        &mut self,
        ts: &mut ThreadState,
        f: impl FnOnce(&mut Self, &mut ThreadState) -> R<T>,
    ) -> R<T> {
        self.depth += 1;
        if self.depth > ftpy_compiler::MAX_DEPTH {
            self.depth -= 1;
            return Err(ts.recursion_error("maximum recursion depth exceeded during compilation"));
        }
        let r = ftpy_compiler::grow(|| f(self, ts));
        self.depth -= 1;
        r
    }

    // ---- statements ----------------------------------------------------

    fn body(&mut self, ts: &mut ThreadState, v: Value, name: &str, what: &str) -> R<Vec<Stmt>> {
        let idx = self.list(ts, v, name, what)?;
        let mut out = Vec::with_capacity(idx.len());
        for i in idx {
            let s = self.item(ts, v, name, i)?;
            out.push(self.nested(ts, |c, ts| c.stmt(ts, s))?);
        }
        Ok(out)
    }

    fn stmt(&mut self, ts: &mut ThreadState, s: Value) -> R<Stmt> {
        let range = self.range(ts, s, "stmt")?;
        let kind = self.kind(ts, s, "stmt")?;
        let ni = Default::default;
        Ok(match kind {
            "FunctionDef" | "AsyncFunctionDef" => {
                let decorators = self.exprs(ts, s, "decorator_list", kind)?;
                let name = self.ident(ts, s, "name", kind, TextRange::empty(range.start()))?;
                let args = self.req(ts, s, "args", kind)?;
                let parameters = self.parameters(ts, args)?;
                let body = self.body(ts, s, "body", kind)?;
                let returns = self.opt_expr(ts, s, "returns")?;
                let start = decorators
                    .iter()
                    .map(Ranged::start)
                    .fold(range.start(), TextSize::min);
                Stmt::FunctionDef(ast::StmtFunctionDef {
                    node_index: ni(),
                    range: TextRange::new(start, range.end()),
                    is_async: kind == "AsyncFunctionDef",
                    decorator_list: decorators
                        .into_iter()
                        .map(|e| ast::Decorator {
                            range: Ranged::range(&e),
                            node_index: ni(),
                            expression: e,
                        })
                        .collect(),
                    name,
                    type_params: None,
                    parameters: Box::new(parameters),
                    returns: returns.map(Box::new),
                    body: body.into_iter().collect(),
                })
            }
            "ClassDef" => {
                let decorators = self.exprs(ts, s, "decorator_list", kind)?;
                let name = self.ident(ts, s, "name", kind, TextRange::empty(range.start()))?;
                let bases = self.exprs(ts, s, "bases", kind)?;
                let keywords = self.keywords(ts, s, kind)?;
                let body = self.body(ts, s, "body", kind)?;
                let start = decorators
                    .iter()
                    .map(Ranged::start)
                    .fold(range.start(), TextSize::min);
                let arguments = if bases.is_empty() && keywords.is_empty() {
                    None
                } else {
                    Some(Box::new(ast::Arguments {
                        range: TextRange::empty(range.start()),
                        node_index: ni(),
                        args: bases.into_boxed_slice(),
                        keywords: keywords.into_iter().collect(),
                    }))
                };
                Stmt::ClassDef(ast::StmtClassDef {
                    node_index: ni(),
                    range: TextRange::new(start, range.end()),
                    decorator_list: decorators
                        .into_iter()
                        .map(|e| ast::Decorator {
                            range: Ranged::range(&e),
                            node_index: ni(),
                            expression: e,
                        })
                        .collect(),
                    name,
                    type_params: None,
                    arguments,
                    body: body.into_iter().collect(),
                })
            }
            "Return" => Stmt::Return(ast::StmtReturn {
                node_index: ni(),
                range,
                value: self.opt_expr(ts, s, "value")?.map(Box::new),
            }),
            "Delete" => Stmt::Delete(ast::StmtDelete {
                node_index: ni(),
                range,
                targets: self.exprs(ts, s, "targets", kind)?,
            }),
            "Assign" => {
                let targets = self.exprs(ts, s, "targets", kind)?;
                if targets.is_empty() {
                    return Err(ts.value_error("empty targets on Assign"));
                }
                Stmt::Assign(ast::StmtAssign {
                    node_index: ni(),
                    range,
                    targets,
                    value: Box::new(self.field_expr(ts, s, "value", kind)?),
                })
            }
            "AugAssign" => {
                let target = self.field_expr(ts, s, "target", kind)?;
                let op = self.operator(ts, s, kind)?;
                let value = self.field_expr(ts, s, "value", kind)?;
                Stmt::AugAssign(ast::StmtAugAssign {
                    node_index: ni(),
                    range,
                    target: Box::new(target),
                    op,
                    value: Box::new(value),
                })
            }
            "AnnAssign" => {
                let target = self.field_expr(ts, s, "target", kind)?;
                let annotation = self.field_expr(ts, s, "annotation", kind)?;
                let value = self.opt_expr(ts, s, "value")?;
                let simple = self.req_int(ts, s, "simple", kind)? != 0;
                Stmt::AnnAssign(ast::StmtAnnAssign {
                    node_index: ni(),
                    range,
                    target: Box::new(target),
                    annotation: Box::new(annotation),
                    value: value.map(Box::new),
                    simple,
                })
            }
            "For" | "AsyncFor" => {
                let target = self.field_expr(ts, s, "target", kind)?;
                let iter = self.field_expr(ts, s, "iter", kind)?;
                let body = self.body(ts, s, "body", kind)?;
                let orelse = self.body(ts, s, "orelse", kind)?;
                Stmt::For(ast::StmtFor {
                    node_index: ni(),
                    range,
                    is_async: kind == "AsyncFor",
                    target: Box::new(target),
                    iter: Box::new(iter),
                    body: body.into_iter().collect(),
                    orelse: orelse.into_iter().collect(),
                })
            }
            "While" => {
                let test = self.field_expr(ts, s, "test", kind)?;
                let body = self.body(ts, s, "body", kind)?;
                let orelse = self.body(ts, s, "orelse", kind)?;
                Stmt::While(ast::StmtWhile {
                    node_index: ni(),
                    range,
                    test: Box::new(test),
                    body: body.into_iter().collect(),
                    orelse: orelse.into_iter().collect(),
                })
            }
            "If" => {
                let test = self.field_expr(ts, s, "test", kind)?;
                let body = self.body(ts, s, "body", kind)?;
                let orelse = self.body(ts, s, "orelse", kind)?;
                // `orelse` stays one `else` clause (a nested `If` inside
                // it compiles as an `elif` would).
                let clauses = if orelse.is_empty() {
                    Vec::new()
                } else {
                    let start = Ranged::start(&orelse[0]);
                    vec![ast::ElifElseClause {
                        range: TextRange::new(start.min(range.end()), range.end()),
                        node_index: ni(),
                        test: None,
                        body: orelse.into_iter().collect(),
                    }]
                };
                Stmt::If(ast::StmtIf {
                    node_index: ni(),
                    range,
                    test: Box::new(test),
                    body: body.into_iter().collect(),
                    elif_else_clauses: clauses,
                })
            }
            "With" | "AsyncWith" => {
                let mut items = Vec::new();
                for i in self.list(ts, s, "items", kind)? {
                    let it = self.item(ts, s, "items", i)?;
                    self.kind(ts, it, "withitem")?;
                    let context_expr = self.field_expr(ts, it, "context_expr", "withitem")?;
                    let optional_vars = self.opt_expr(ts, it, "optional_vars")?;
                    let r = Ranged::range(&context_expr);
                    items.push(ast::WithItem {
                        range: r,
                        node_index: ni(),
                        context_expr,
                        optional_vars: optional_vars.map(Box::new),
                    });
                }
                if items.is_empty() {
                    return Err(ts.value_error(format!("empty items on {kind}")));
                }
                let body = self.body(ts, s, "body", kind)?;
                Stmt::With(ast::StmtWith {
                    node_index: ni(),
                    range,
                    is_async: kind == "AsyncWith",
                    items,
                    body: body.into_iter().collect(),
                })
            }
            "Match" => {
                let subject = self.field_expr(ts, s, "subject", kind)?;
                let mut cases = Vec::new();
                for i in self.list(ts, s, "cases", kind)? {
                    let mc = self.item(ts, s, "cases", i)?;
                    self.kind(ts, mc, "match_case")?;
                    let p = self.req(ts, mc, "pattern", "match_case")?;
                    let pattern = self.pattern(ts, p)?;
                    let guard = self.opt_expr(ts, mc, "guard")?;
                    let body = self.body(ts, mc, "body", "match_case")?;
                    cases.push(ast::MatchCase {
                        range: Ranged::range(&pattern),
                        node_index: ni(),
                        pattern,
                        guard: guard.map(Box::new),
                        body: body.into_iter().collect(),
                    });
                }
                Stmt::Match(ast::StmtMatch {
                    node_index: ni(),
                    range,
                    subject: Box::new(subject),
                    cases,
                })
            }
            "Raise" => {
                let exc = self.opt_expr(ts, s, "exc")?;
                let cause = self.opt_expr(ts, s, "cause")?;
                Stmt::Raise(ast::StmtRaise {
                    node_index: ni(),
                    range,
                    exc: exc.map(Box::new),
                    cause: cause.map(Box::new),
                })
            }
            "Try" | "TryStar" => {
                let body = self.body(ts, s, "body", kind)?;
                let mut handlers = Vec::new();
                for i in self.list(ts, s, "handlers", kind)? {
                    let h = self.item(ts, s, "handlers", i)?;
                    let hr = self.range(ts, h, "excepthandler")?;
                    self.kind(ts, h, "excepthandler")?;
                    let type_ = self.opt_expr(ts, h, "type")?;
                    let name = self.opt_ident(ts, h, "name", TextRange::empty(hr.start()))?;
                    let hbody = self.body(ts, h, "body", "ExceptHandler")?;
                    handlers.push(ast::ExceptHandler::ExceptHandler(
                        ast::ExceptHandlerExceptHandler {
                            range: hr,
                            node_index: ni(),
                            type_: type_.map(Box::new),
                            name,
                            body: hbody.into_iter().collect(),
                        },
                    ));
                }
                let orelse = self.body(ts, s, "orelse", kind)?;
                let finalbody = self.body(ts, s, "finalbody", kind)?;
                Stmt::Try(ast::StmtTry {
                    node_index: ni(),
                    range,
                    body: body.into_iter().collect(),
                    handlers,
                    orelse: orelse.into_iter().collect(),
                    finalbody: finalbody.into_iter().collect(),
                    is_star: kind == "TryStar",
                })
            }
            "Assert" => {
                let test = self.field_expr(ts, s, "test", kind)?;
                let msg = self.opt_expr(ts, s, "msg")?;
                Stmt::Assert(ast::StmtAssert {
                    node_index: ni(),
                    range,
                    test: Box::new(test),
                    msg: msg.map(Box::new),
                })
            }
            "Import" => Stmt::Import(ast::StmtImport {
                node_index: ni(),
                range,
                names: self.aliases(ts, s, kind, range)?,
                is_lazy: false,
            }),
            "ImportFrom" => {
                let module = self.opt_ident(ts, s, "module", range)?;
                let names = self.aliases(ts, s, kind, range)?;
                let level = self.opt_int(ts, s, "level")?.unwrap_or(0);
                if level < 0 {
                    return Err(ts.value_error("Negative ImportFrom level"));
                }
                Stmt::ImportFrom(ast::StmtImportFrom {
                    node_index: ni(),
                    range,
                    module,
                    names,
                    level: level.min(u32::MAX as i64) as u32,
                    is_lazy: false,
                })
            }
            "Global" | "Nonlocal" => {
                let mut names = Vec::new();
                for i in self.list(ts, s, "names", kind)? {
                    let n = self.item(ts, s, "names", i)?;
                    names.push(self.ident_value(ts, n, range)?);
                }
                if kind == "Global" {
                    Stmt::Global(ast::StmtGlobal {
                        node_index: ni(),
                        range,
                        names,
                    })
                } else {
                    Stmt::Nonlocal(ast::StmtNonlocal {
                        node_index: ni(),
                        range,
                        names,
                    })
                }
            }
            "Expr" => Stmt::Expr(ast::StmtExpr {
                node_index: ni(),
                range,
                value: Box::new(self.field_expr(ts, s, "value", kind)?),
            }),
            "Pass" => Stmt::Pass(ast::StmtPass {
                node_index: ni(),
                range,
            }),
            "Break" => Stmt::Break(ast::StmtBreak {
                node_index: ni(),
                range,
            }),
            "Continue" => Stmt::Continue(ast::StmtContinue {
                node_index: ni(),
                range,
            }),
            _ => {
                let r = ops::repr_string(ts, s)?;
                return Err(ts.type_error(format!("expected some sort of stmt, but got {r}")));
            }
        })
    }

    fn aliases(
        &mut self,
        ts: &mut ThreadState,
        s: Value,
        kind: &str,
        outer: TextRange,
    ) -> R<Vec<ast::Alias>> {
        let mut out = Vec::new();
        for i in self.list(ts, s, "names", kind)? {
            let a = self.item(ts, s, "names", i)?;
            self.kind(ts, a, "alias")?;
            let r = if self.opt(ts, a, "lineno")?.is_some() {
                self.range(ts, a, "alias")?
            } else {
                outer
            };
            let name = self.ident(ts, a, "name", "alias", r)?;
            let asname = self.opt_ident(ts, a, "asname", r)?;
            out.push(ast::Alias {
                range: r,
                node_index: Default::default(),
                name,
                asname,
            });
        }
        Ok(out)
    }

    fn keywords(&mut self, ts: &mut ThreadState, v: Value, kind: &str) -> R<Vec<ast::Keyword>> {
        let mut out = Vec::new();
        for i in self.list(ts, v, "keywords", kind)? {
            let k = self.item(ts, v, "keywords", i)?;
            self.kind(ts, k, "keyword")?;
            let value = self.field_expr(ts, k, "value", "keyword")?;
            let r = if self.opt(ts, k, "lineno")?.is_some() {
                self.range(ts, k, "keyword")?
            } else {
                Ranged::range(&value)
            };
            let arg = self.opt_ident(ts, k, "arg", r)?;
            out.push(ast::Keyword {
                range: r,
                node_index: Default::default(),
                arg,
                value,
            });
        }
        Ok(out)
    }

    fn arg(&mut self, ts: &mut ThreadState, a: Value) -> R<ast::Parameter> {
        let r = self.range(ts, a, "arg")?;
        self.kind(ts, a, "arg")?;
        let name = self.ident(ts, a, "arg", "arg", r)?;
        let annotation = self.opt_expr(ts, a, "annotation")?;
        Ok(ast::Parameter {
            range: r,
            node_index: Default::default(),
            name,
            annotation: annotation.map(Box::new),
        })
    }

    fn parameters(&mut self, ts: &mut ThreadState, a: Value) -> R<ast::Parameters> {
        self.kind(ts, a, "arguments")?;
        let mut posonly = Vec::new();
        let mut args = Vec::new();
        for (name, out) in [("posonlyargs", &mut posonly), ("args", &mut args)] {
            for i in self.list(ts, a, name, "arguments")? {
                let p = self.item(ts, a, name, i)?;
                let parameter = self.arg(ts, p)?;
                out.push(ast::ParameterWithDefault {
                    range: parameter.range,
                    node_index: Default::default(),
                    parameter,
                    default: None,
                });
            }
        }
        let defaults = self.exprs(ts, a, "defaults", "arguments")?;
        let npos = posonly.len() + args.len();
        if defaults.len() > npos {
            return Err(ts.value_error("more positional defaults than args on arguments"));
        }
        let first = npos - defaults.len();
        for (j, d) in defaults.into_iter().enumerate() {
            let k = first + j;
            let slot = if k < posonly.len() {
                &mut posonly[k]
            } else {
                &mut args[k - posonly.len()]
            };
            slot.default = Some(Box::new(d));
        }
        let vararg = match self.opt(ts, a, "vararg")? {
            Some(v) => Some(Box::new(self.arg(ts, v)?)),
            None => None,
        };
        let mut kwonly = Vec::new();
        for i in self.list(ts, a, "kwonlyargs", "arguments")? {
            let p = self.item(ts, a, "kwonlyargs", i)?;
            let parameter = self.arg(ts, p)?;
            kwonly.push(ast::ParameterWithDefault {
                range: parameter.range,
                node_index: Default::default(),
                parameter,
                default: None,
            });
        }
        let kwd = self.list(ts, a, "kw_defaults", "arguments")?;
        if kwd.len() != kwonly.len() {
            return Err(
                ts.value_error("length of kwonlyargs is not the same as kw_defaults on arguments")
            );
        }
        for i in kwd {
            let d = self.item(ts, a, "kw_defaults", i)?;
            if !d.is_none() {
                let e = self.expr(ts, d)?;
                kwonly[i].default = Some(Box::new(e));
            }
        }
        let kwarg = match self.opt(ts, a, "kwarg")? {
            Some(v) => Some(Box::new(self.arg(ts, v)?)),
            None => None,
        };
        Ok(ast::Parameters {
            range: TextRange::default(),
            node_index: Default::default(),
            posonlyargs: posonly.into_iter().collect(),
            args: args.into_iter().collect(),
            vararg,
            kwonlyargs: kwonly.into_iter().collect(),
            kwarg,
        })
    }

    // ---- expressions ---------------------------------------------------

    fn exprs(&mut self, ts: &mut ThreadState, v: Value, name: &str, what: &str) -> R<Vec<Expr>> {
        let idx = self.list(ts, v, name, what)?;
        let mut out = Vec::with_capacity(idx.len());
        for i in idx {
            let e = self.item(ts, v, name, i)?;
            out.push(self.expr(ts, e)?);
        }
        Ok(out)
    }

    fn field_expr(&mut self, ts: &mut ThreadState, v: Value, name: &str, what: &str) -> R<Expr> {
        let e = self.req(ts, v, name, what)?;
        if e.is_none() {
            return Err(ts.type_error(format!("required field \"{name}\" missing from {what}")));
        }
        self.expr(ts, e)
    }

    fn opt_expr(&mut self, ts: &mut ThreadState, v: Value, name: &str) -> R<Option<Expr>> {
        match self.opt(ts, v, name)? {
            Some(e) => Ok(Some(self.expr(ts, e)?)),
            None => Ok(None),
        }
    }

    fn expr(&mut self, ts: &mut ThreadState, e: Value) -> R<Expr> {
        self.nested(ts, |c, ts| c.expr_inner(ts, e))
    }

    fn ctx(&self, ts: &mut ThreadState, e: Value, what: &str) -> R<ast::ExprContext> {
        let c = self.req(ts, e, "ctx", what)?;
        Ok(match self.kind(ts, c, "expr_context")? {
            "Store" => ast::ExprContext::Store,
            "Del" => ast::ExprContext::Del,
            _ => ast::ExprContext::Load,
        })
    }

    fn operator(&self, ts: &mut ThreadState, e: Value, what: &str) -> R<ast::Operator> {
        use ast::Operator as O;
        let op = self.req(ts, e, "op", what)?;
        Ok(match self.kind(ts, op, "operator")? {
            "Add" => O::Add,
            "Sub" => O::Sub,
            "Mult" => O::Mult,
            "MatMult" => O::MatMult,
            "Div" => O::Div,
            "Mod" => O::Mod,
            "Pow" => O::Pow,
            "LShift" => O::LShift,
            "RShift" => O::RShift,
            "BitOr" => O::BitOr,
            "BitXor" => O::BitXor,
            "BitAnd" => O::BitAnd,
            _ => O::FloorDiv,
        })
    }

    fn comprehensions(
        &mut self,
        ts: &mut ThreadState,
        e: Value,
        what: &str,
        outer: TextRange,
    ) -> R<Vec<ast::Comprehension>> {
        let mut out = Vec::new();
        for i in self.list(ts, e, "generators", what)? {
            let g = self.item(ts, e, "generators", i)?;
            self.kind(ts, g, "comprehension")?;
            let target = self.field_expr(ts, g, "target", "comprehension")?;
            let iter = self.field_expr(ts, g, "iter", "comprehension")?;
            let ifs = self.exprs(ts, g, "ifs", "comprehension")?;
            let is_async = self.opt_int(ts, g, "is_async")?.unwrap_or(0) != 0;
            out.push(ast::Comprehension {
                range: outer,
                node_index: Default::default(),
                target,
                iter,
                ifs,
                is_async,
            });
        }
        if out.is_empty() {
            return Err(ts.value_error("comprehension with no generators"));
        }
        Ok(out)
    }

    fn expr_inner(&mut self, ts: &mut ThreadState, e: Value) -> R<Expr> {
        let range = self.range(ts, e, "expr")?;
        let kind = self.kind(ts, e, "expr")?;
        let ni = Default::default;
        Ok(match kind {
            "BoolOp" => {
                let op = self.req(ts, e, "op", kind)?;
                let op = match self.kind(ts, op, "boolop")? {
                    "And" => ast::BoolOp::And,
                    _ => ast::BoolOp::Or,
                };
                let values = self.exprs(ts, e, "values", kind)?;
                if values.len() < 2 {
                    return Err(ts.value_error("BoolOp with less than 2 values"));
                }
                Expr::BoolOp(ast::ExprBoolOp {
                    node_index: ni(),
                    range,
                    op,
                    values,
                })
            }
            "NamedExpr" => {
                let target = self.field_expr(ts, e, "target", kind)?;
                let value = self.field_expr(ts, e, "value", kind)?;
                Expr::Named(ast::ExprNamed {
                    node_index: ni(),
                    range,
                    target: Box::new(target),
                    value: Box::new(value),
                })
            }
            "BinOp" => {
                let left = self.field_expr(ts, e, "left", kind)?;
                let op = self.operator(ts, e, kind)?;
                let right = self.field_expr(ts, e, "right", kind)?;
                Expr::BinOp(ast::ExprBinOp {
                    node_index: ni(),
                    range,
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                })
            }
            "UnaryOp" => {
                let op = self.req(ts, e, "op", kind)?;
                let op = match self.kind(ts, op, "unaryop")? {
                    "Invert" => ast::UnaryOp::Invert,
                    "Not" => ast::UnaryOp::Not,
                    "UAdd" => ast::UnaryOp::UAdd,
                    _ => ast::UnaryOp::USub,
                };
                let operand = self.field_expr(ts, e, "operand", kind)?;
                Expr::UnaryOp(ast::ExprUnaryOp {
                    node_index: ni(),
                    range,
                    op,
                    operand: Box::new(operand),
                })
            }
            "Lambda" => {
                let args = self.req(ts, e, "args", kind)?;
                let parameters = self.parameters(ts, args)?;
                let body = self.field_expr(ts, e, "body", kind)?;
                Expr::Lambda(ast::ExprLambda {
                    node_index: ni(),
                    range,
                    parameters: Some(Box::new(parameters)),
                    body: Box::new(body),
                })
            }
            "IfExp" => {
                let test = self.field_expr(ts, e, "test", kind)?;
                let body = self.field_expr(ts, e, "body", kind)?;
                let orelse = self.field_expr(ts, e, "orelse", kind)?;
                Expr::If(ast::ExprIf {
                    node_index: ni(),
                    range,
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(orelse),
                })
            }
            "Dict" => {
                let keys = self.list(ts, e, "keys", kind)?;
                let values = self.exprs(ts, e, "values", kind)?;
                if keys.len() != values.len() {
                    return Err(
                        ts.value_error("Dict doesn't have the same number of keys as values")
                    );
                }
                let mut items = Vec::new();
                for (i, value) in keys.into_iter().zip(values) {
                    let k = self.item(ts, e, "keys", i)?;
                    let key = if k.is_none() {
                        None
                    } else {
                        Some(self.expr(ts, k)?)
                    };
                    items.push(ast::DictItem { key, value });
                }
                Expr::Dict(ast::ExprDict {
                    node_index: ni(),
                    range,
                    items,
                })
            }
            "Set" => Expr::Set(ast::ExprSet {
                node_index: ni(),
                range,
                elts: self.exprs(ts, e, "elts", kind)?,
            }),
            "ListComp" | "SetComp" | "GeneratorExp" => {
                let elt = Box::new(self.field_expr(ts, e, "elt", kind)?);
                let generators = self.comprehensions(ts, e, kind, range)?;
                match kind {
                    "ListComp" => Expr::ListComp(ast::ExprListComp {
                        node_index: ni(),
                        range,
                        elt,
                        generators,
                    }),
                    "SetComp" => Expr::SetComp(ast::ExprSetComp {
                        node_index: ni(),
                        range,
                        elt,
                        generators,
                    }),
                    _ => Expr::Generator(ast::ExprGenerator {
                        node_index: ni(),
                        range,
                        elt,
                        generators,
                        parenthesized: true,
                    }),
                }
            }
            "DictComp" => {
                let key = self.field_expr(ts, e, "key", kind)?;
                let value = self.field_expr(ts, e, "value", kind)?;
                let generators = self.comprehensions(ts, e, kind, range)?;
                Expr::DictComp(ast::ExprDictComp {
                    node_index: ni(),
                    range,
                    key: Some(Box::new(key)),
                    value: Box::new(value),
                    generators,
                })
            }
            "Await" => Expr::Await(ast::ExprAwait {
                node_index: ni(),
                range,
                value: Box::new(self.field_expr(ts, e, "value", kind)?),
            }),
            "Yield" => Expr::Yield(ast::ExprYield {
                node_index: ni(),
                range,
                value: self.opt_expr(ts, e, "value")?.map(Box::new),
            }),
            "YieldFrom" => Expr::YieldFrom(ast::ExprYieldFrom {
                node_index: ni(),
                range,
                value: Box::new(self.field_expr(ts, e, "value", kind)?),
            }),
            "Compare" => {
                let left = self.field_expr(ts, e, "left", kind)?;
                let mut ops_out = Vec::new();
                for i in self.list(ts, e, "ops", kind)? {
                    let op = self.item(ts, e, "ops", i)?;
                    use ast::CmpOp as C;
                    ops_out.push(match self.kind(ts, op, "cmpop")? {
                        "Eq" => C::Eq,
                        "NotEq" => C::NotEq,
                        "Lt" => C::Lt,
                        "LtE" => C::LtE,
                        "Gt" => C::Gt,
                        "GtE" => C::GtE,
                        "Is" => C::Is,
                        "IsNot" => C::IsNot,
                        "In" => C::In,
                        _ => C::NotIn,
                    });
                }
                let comparators = self.exprs(ts, e, "comparators", kind)?;
                if ops_out.is_empty() {
                    return Err(ts.value_error("Compare with no comparators"));
                }
                if ops_out.len() != comparators.len() {
                    return Err(ts.value_error(
                        "Compare has a different number of comparators and operands",
                    ));
                }
                Expr::Compare(ast::ExprCompare {
                    node_index: ni(),
                    range,
                    left: Box::new(left),
                    ops: ops_out.into_boxed_slice(),
                    comparators: comparators.into_boxed_slice(),
                })
            }
            "Call" => {
                let func = self.field_expr(ts, e, "func", kind)?;
                let args = self.exprs(ts, e, "args", kind)?;
                let keywords = self.keywords(ts, e, kind)?;
                let func_end = Ranged::end(&func).min(range.end()).max(range.start());
                Expr::Call(ast::ExprCall {
                    node_index: ni(),
                    range_start: range.start(),
                    func: Box::new(func),
                    arguments: ast::Arguments {
                        range: TextRange::new(func_end, range.end()),
                        node_index: ni(),
                        args: args.into_boxed_slice(),
                        keywords: keywords.into_iter().collect(),
                    },
                })
            }
            "FormattedValue" | "JoinedStr" => self.fstring(ts, e, kind, range)?,
            "Constant" => {
                let v = self.req(ts, e, "value", kind)?;
                self.constant(ts, v, range)?
            }
            "Attribute" => {
                let value = self.field_expr(ts, e, "value", kind)?;
                let attr = self.ident(ts, e, "attr", kind, range)?;
                let ctx = self.ctx(ts, e, kind)?;
                Expr::Attribute(ast::ExprAttribute {
                    node_index: ni(),
                    range,
                    value: Box::new(value),
                    attr,
                    ctx,
                })
            }
            "Subscript" => {
                let value = self.field_expr(ts, e, "value", kind)?;
                let slice = self.field_expr(ts, e, "slice", kind)?;
                let ctx = self.ctx(ts, e, kind)?;
                Expr::Subscript(ast::ExprSubscript {
                    node_index: ni(),
                    range,
                    value: Box::new(value),
                    slice: Box::new(slice),
                    ctx,
                })
            }
            "Starred" => {
                let value = self.field_expr(ts, e, "value", kind)?;
                let ctx = self.ctx(ts, e, kind)?;
                Expr::Starred(ast::ExprStarred {
                    node_index: ni(),
                    range,
                    value: Box::new(value),
                    ctx,
                })
            }
            "Name" => {
                let id = self.ident(ts, e, "id", kind, range)?;
                let ctx = self.ctx(ts, e, kind)?;
                if matches!(id.id.as_str(), "None" | "True" | "False") {
                    return Err(ts.value_error(format!(
                        "identifier field can't represent '{}' constant",
                        id.id.as_str()
                    )));
                }
                Expr::Name(ast::ExprName {
                    node_index: ni(),
                    range,
                    id: id.id,
                    ctx,
                })
            }
            "List" => {
                let elts = self.exprs(ts, e, "elts", kind)?;
                let ctx = self.ctx(ts, e, kind)?;
                Expr::List(ast::ExprList {
                    node_index: ni(),
                    range,
                    elts,
                    ctx,
                })
            }
            "Tuple" => {
                let elts = self.exprs(ts, e, "elts", kind)?;
                let ctx = self.ctx(ts, e, kind)?;
                Expr::Tuple(ast::ExprTuple {
                    node_index: ni(),
                    range,
                    elts,
                    ctx,
                    parenthesized: true,
                })
            }
            "Slice" => {
                let lower = self.opt_expr(ts, e, "lower")?;
                let upper = self.opt_expr(ts, e, "upper")?;
                let step = self.opt_expr(ts, e, "step")?;
                Expr::Slice(ast::ExprSlice {
                    node_index: ni(),
                    range,
                    lower: lower.map(Box::new),
                    upper: upper.map(Box::new),
                    step: step.map(Box::new),
                })
            }
            _ => {
                let r = ops::repr_string(ts, e)?;
                return Err(ts.type_error(format!("expected some sort of expr, but got {r}")));
            }
        })
    }

    /// A `Constant`'s value as a literal expression. Negative numbers and
    /// complex numbers with a real part (which literals cannot spell)
    /// become the operations that fold back to them; a tuple becomes a
    /// tuple display of constants.
    fn constant(&mut self, ts: &mut ThreadState, v: Value, range: TextRange) -> R<Expr> {
        let ni = Default::default;
        if v.is_none() {
            return Ok(Expr::NoneLiteral(ast::ExprNoneLiteral {
                node_index: ni(),
                range,
            }));
        }
        if v == Value::TRUE || v == Value::FALSE {
            return Ok(Expr::BooleanLiteral(ast::ExprBooleanLiteral {
                node_index: ni(),
                range,
                value: v == Value::TRUE,
            }));
        }
        if v == Value::ELLIPSIS {
            return Ok(Expr::EllipsisLiteral(ast::ExprEllipsisLiteral {
                node_index: ni(),
                range,
            }));
        }
        if let Some(s) = v.downcast::<StrObj>() {
            return Ok(Expr::StringLiteral(ast::ExprStringLiteral {
                node_index: ni(),
                range,
                value: string_value(s.as_str(), range),
            }));
        }
        if let Some(b) = bytes_data(v).filter(|_| type_of(v) == ftpy_vm::interp::types().bytes) {
            let lit = ast::BytesLiteral {
                range,
                node_index: ni(),
                value: b.to_vec().into_boxed_slice(),
                flags: ast::BytesLiteralFlags::empty(),
            };
            return Ok(Expr::BytesLiteral(ast::ExprBytesLiteral {
                node_index: ni(),
                range,
                value: ast::BytesLiteralValue::single(lit),
            }));
        }
        let number = |value| {
            Expr::NumberLiteral(ast::ExprNumberLiteral {
                node_index: ni(),
                range,
                value,
            })
        };
        let negate = |operand: Expr| {
            Expr::UnaryOp(ast::ExprUnaryOp {
                node_index: ni(),
                range,
                op: ast::UnaryOp::USub,
                operand: Box::new(operand),
            })
        };
        if ftpy_vm::objects::int::is_int(v) {
            let text = ftpy_vm::objects::int::int_to_string(ts, v)?;
            let (neg, digits) = match text.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, text.as_str()),
            };
            let Ok(i) = digits.parse::<ast::Int>() else {
                return Err(ts.value_error("invalid integer constant"));
            };
            let lit = number(ast::Number::Int(i));
            return Ok(if neg { negate(lit) } else { lit });
        }
        if let Some(f) = v.as_float() {
            let lit = number(ast::Number::Float(f.abs()));
            return Ok(if f.is_sign_negative() && !f.is_nan() {
                negate(lit)
            } else {
                lit
            });
        }
        if let Some(c) = v.downcast::<ftpy_vm::objects::complex::ComplexObj>() {
            let (re, im) = (c.re, c.im);
            let imag = number(ast::Number::Complex {
                real: 0.0,
                imag: im.abs(),
            });
            let imag = if im.is_sign_negative() && !im.is_nan() {
                negate(imag)
            } else {
                imag
            };
            if re == 0.0 && !re.is_sign_negative() {
                return Ok(imag);
            }
            let real = number(ast::Number::Float(re.abs()));
            let real = if re.is_sign_negative() {
                negate(real)
            } else {
                real
            };
            return Ok(Expr::BinOp(ast::ExprBinOp {
                node_index: ni(),
                range,
                left: Box::new(real),
                op: ast::Operator::Add,
                right: Box::new(imag),
            }));
        }
        if let Some(t) = v.downcast::<TupleObj>() {
            let mut elts = Vec::new();
            let mut i = 0;
            while let Some(x) = t.items().get(i).copied() {
                elts.push(self.constant(ts, x, range)?);
                i += 1;
            }
            return Ok(Expr::Tuple(ast::ExprTuple {
                node_index: ni(),
                range,
                elts,
                ctx: ast::ExprContext::Load,
                parenthesized: true,
            }));
        }
        Err(ts.type_error(format!("got an invalid type in Constant: {}", type_name(v))))
    }

    /// A `JoinedStr` (or a lone `FormattedValue`) as an f-string.
    fn fstring(&mut self, ts: &mut ThreadState, e: Value, kind: &str, range: TextRange) -> R<Expr> {
        let elements = self.fstring_elements(ts, e, kind, range)?;
        let f = ast::FString {
            range,
            node_index: Default::default(),
            elements: elements.into(),
            flags: ast::FStringFlags::empty(),
        };
        Ok(Expr::FString(ast::ExprFString {
            node_index: Default::default(),
            range,
            value: ast::FStringValue::single(f),
        }))
    }

    fn fstring_elements(
        &mut self,
        ts: &mut ThreadState,
        e: Value,
        kind: &str,
        range: TextRange,
    ) -> R<Vec<ast::InterpolatedStringElement>> {
        let mut out = Vec::new();
        if kind == "FormattedValue" {
            out.push(self.formatted_value(ts, e, range)?);
            return Ok(out);
        }
        for i in self.list(ts, e, "values", kind)? {
            let part = self.item(ts, e, "values", i)?;
            match self.kind(ts, part, "expr")? {
                "Constant" => {
                    let v = self.req(ts, part, "value", "Constant")?;
                    let Some(s) = v.downcast::<StrObj>() else {
                        return Err(ts.type_error("unexpected constant inside of a JoinedStr"));
                    };
                    out.push(ast::InterpolatedStringElement::Literal(
                        ast::InterpolatedStringLiteralElement {
                            range,
                            node_index: Default::default(),
                            value: s.as_str().into(),
                        },
                    ));
                }
                "FormattedValue" => out.push(self.formatted_value(ts, part, range)?),
                "JoinedStr" => {
                    let inner =
                        self.nested(ts, |c, ts| c.fstring_elements(ts, part, "JoinedStr", range))?;
                    out.extend(inner);
                }
                _ => return Err(ts.type_error("unexpected node inside JoinedStr")),
            }
        }
        Ok(out)
    }

    fn formatted_value(
        &mut self,
        ts: &mut ThreadState,
        fv: Value,
        range: TextRange,
    ) -> R<ast::InterpolatedStringElement> {
        let expression = self.field_expr(ts, fv, "value", "FormattedValue")?;
        let conversion = match self.opt_int(ts, fv, "conversion")?.unwrap_or(-1) {
            -1 => ast::ConversionFlag::None,
            115 => ast::ConversionFlag::Str,
            114 => ast::ConversionFlag::Repr,
            97 => ast::ConversionFlag::Ascii,
            _ => return Err(ts.value_error("Unknown f-value conversion kind")),
        };
        let format_spec = match self.opt(ts, fv, "format_spec")? {
            Some(spec) => {
                let k = self.kind(ts, spec, "expr")?;
                let elements = self.nested(ts, |c, ts| c.fstring_elements(ts, spec, k, range))?;
                Some(Box::new(ast::InterpolatedStringFormatSpec {
                    range,
                    node_index: Default::default(),
                    elements: elements.into(),
                }))
            }
            None => None,
        };
        Ok(ast::InterpolatedStringElement::Interpolation(
            ast::InterpolatedElement {
                range,
                node_index: Default::default(),
                expression: Box::new(expression),
                debug_text: None,
                conversion,
                format_spec,
            },
        ))
    }

    // ---- patterns --------------------------------------------------------

    fn patterns(
        &mut self,
        ts: &mut ThreadState,
        p: Value,
        name: &str,
        kind: &str,
    ) -> R<Vec<Pattern>> {
        let mut out = Vec::new();
        for i in self.list(ts, p, name, kind)? {
            let x = self.item(ts, p, name, i)?;
            out.push(self.pattern(ts, x)?);
        }
        Ok(out)
    }

    fn pattern(&mut self, ts: &mut ThreadState, p: Value) -> R<Pattern> {
        self.nested(ts, |c, ts| c.pattern_inner(ts, p))
    }

    fn pattern_inner(&mut self, ts: &mut ThreadState, p: Value) -> R<Pattern> {
        let range = self.range(ts, p, "pattern")?;
        let kind = self.kind(ts, p, "pattern")?;
        let ni = Default::default;
        Ok(match kind {
            "MatchValue" => Pattern::MatchValue(ast::PatternMatchValue {
                node_index: ni(),
                range,
                value: Box::new(self.field_expr(ts, p, "value", kind)?),
            }),
            "MatchSingleton" => {
                let v = self.req(ts, p, "value", kind)?;
                let value = if v.is_none() {
                    ast::Singleton::None
                } else if v == Value::TRUE {
                    ast::Singleton::True
                } else if v == Value::FALSE {
                    ast::Singleton::False
                } else {
                    return Err(
                        ts.value_error("MatchSingleton can only contain True, False and None")
                    );
                };
                Pattern::MatchSingleton(ast::PatternMatchSingleton {
                    node_index: ni(),
                    range,
                    value,
                })
            }
            "MatchSequence" => Pattern::MatchSequence(ast::PatternMatchSequence {
                node_index: ni(),
                range,
                patterns: self.patterns(ts, p, "patterns", kind)?,
            }),
            "MatchMapping" => {
                let keys = self.exprs(ts, p, "keys", kind)?;
                let patterns = self.patterns(ts, p, "patterns", kind)?;
                let rest = self.opt_ident(ts, p, "rest", range)?;
                Pattern::MatchMapping(ast::PatternMatchMapping {
                    node_index: ni(),
                    range,
                    keys: keys.into_iter().collect(),
                    patterns: patterns.into_iter().collect(),
                    rest,
                })
            }
            "MatchClass" => {
                let cls = self.field_expr(ts, p, "cls", kind)?;
                let patterns = self.patterns(ts, p, "patterns", kind)?;
                let mut attrs = Vec::new();
                for i in self.list(ts, p, "kwd_attrs", kind)? {
                    let a = self.item(ts, p, "kwd_attrs", i)?;
                    attrs.push(self.ident_value(ts, a, range)?);
                }
                let kwd_patterns = self.patterns(ts, p, "kwd_patterns", kind)?;
                if attrs.len() != kwd_patterns.len() {
                    return Err(ts.value_error(
                        "MatchClass doesn't have the same number of keyword attributes as patterns",
                    ));
                }
                let keywords = attrs
                    .into_iter()
                    .zip(kwd_patterns)
                    .map(|(attr, pattern)| ast::PatternKeyword {
                        range,
                        node_index: ni(),
                        attr,
                        pattern,
                    })
                    .collect();
                Pattern::MatchClass(ast::PatternMatchClass {
                    node_index: ni(),
                    range,
                    cls: Box::new(cls),
                    arguments: ast::PatternArguments {
                        range,
                        node_index: ni(),
                        patterns: patterns.into_iter().collect(),
                        keywords,
                    },
                })
            }
            "MatchStar" => Pattern::MatchStar(ast::PatternMatchStar {
                node_index: ni(),
                range,
                name: self.opt_ident(ts, p, "name", range)?,
            }),
            "MatchAs" => {
                let pattern = match self.opt(ts, p, "pattern")? {
                    Some(x) => Some(Box::new(self.pattern(ts, x)?)),
                    None => None,
                };
                let name = self.opt_ident(ts, p, "name", range)?;
                Pattern::MatchAs(ast::PatternMatchAs {
                    node_index: ni(),
                    range,
                    pattern,
                    name,
                })
            }
            _ => Pattern::MatchOr(ast::PatternMatchOr {
                node_index: ni(),
                range,
                patterns: self.patterns(ts, p, "patterns", kind)?,
            }),
        })
    }
}

fn string_value(s: &str, range: TextRange) -> ast::StringLiteralValue {
    ast::StringLiteralValue::single(ast::StringLiteral {
        range,
        node_index: Default::default(),
        value: s.into(),
        flags: ast::StringLiteralFlags::empty(),
    })
}
