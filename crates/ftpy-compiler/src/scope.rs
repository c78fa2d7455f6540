//! Scope analysis: CPython's symbol table.
//!
//! Two passes over the AST, as in CPython's `symtable.c`:
//!
//! 1. **Collect.** Every module, class body, function, lambda and
//!    comprehension gets a [`Scope`]; each name used in it gets a
//!    [`Symbol`] with flags saying how it is used there (assigned,
//!    parameter, declared `global` / `nonlocal`, read, imported,
//!    annotated). Scopes are found again by the address of their AST node
//!    ([`SymbolTable::scope_of`]).
//! 2. **Resolve.** Walking the scope tree from the module down, each
//!    symbol gets a [`SymbolScope`]:
//!    - `Local`: bound in this scope (a fast local in a function, a
//!      `*_NAME` entry in a module or class body);
//!    - `Cell`: a local of a function that an inner function uses;
//!    - `Free`: bound in an enclosing *function* (class bodies do not
//!      enclose: their names are invisible to their methods);
//!    - `GlobalExplicit` (`global x`) / `GlobalImplicit` (unbound anywhere
//!      enclosing).
//!
//!    A class body that reads a name bound in an enclosing function reads
//!    it with `LOAD_CLASSDEREF`; a class body whose name is also free in
//!    one of its methods keeps both (flag [`DEF_FREE_CLASS`]). A method that
//!    uses `super` or `__class__` makes its class body create a `__class__`
//!    cell ([`Scope::needs_class_closure`]).
//!
//! Comprehensions are function scopes (3.11) whose single parameter `.0`
//! is the iterator over their first iterable, which is evaluated in the
//! enclosing scope. An assignment expression in a comprehension binds in
//! the nearest enclosing function (or module) scope.
//!
//! The checks CPython makes here are made here, with CPython's messages
//! (`nonlocal` / `global` misuse, duplicate arguments, `yield` in a
//! comprehension, `import *` in a function ...). The pass also bounds the
//! nesting depth of the AST, so that later passes can recurse on it.

// Fx hashing: the keys are names from the source being compiled (which
// runs anyway), and SipHash was a tenth of compile time.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::codegen::Future;
use crate::error::SourceMap;
use crate::parse::Parsed;
use crate::CompileError;

/// The name is assigned (or deleted) in this scope.
pub(crate) const DEF_LOCAL: u32 = 1 << 0;
/// `global name`.
pub(crate) const DEF_GLOBAL: u32 = 1 << 1;
/// A parameter.
pub(crate) const DEF_PARAM: u32 = 1 << 2;
/// `nonlocal name`.
pub(crate) const DEF_NONLOCAL: u32 = 1 << 3;
/// The name is read.
pub(crate) const USE: u32 = 1 << 4;
/// Bound in a class body and free in one of its methods.
pub(crate) const DEF_FREE_CLASS: u32 = 1 << 5;
/// Bound by an import.
pub(crate) const DEF_IMPORT: u32 = 1 << 6;
/// Annotated (`x: int`).
pub(crate) const DEF_ANNOT: u32 = 1 << 7;
/// A comprehension iteration variable.
pub(crate) const DEF_COMP_ITER: u32 = 1 << 8;
/// Any binding.
pub(crate) const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// How deep the AST may nest (statements, expressions and patterns
/// together), CPython's `recursion limit * 3`.
pub(crate) const MAX_DEPTH: u32 = 2990;

/// Stack space kept free before recursing; below it the stack is grown.
pub(crate) const STACK_RED_ZONE: usize = 128 * 1024;
/// The size of each stack segment added when the stack runs low.
pub(crate) const STACK_GROW: usize = 4 * 1024 * 1024;

pub(crate) type ScopeId = usize;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
    /// A throwaway scope for an annotation under `from __future__ import
    /// annotations` (where annotations are strings): only its errors count.
    Annotation,
}

impl ScopeKind {
    /// Function-like scopes have fast locals (CPython's `FunctionBlock`).
    pub fn is_function(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    fn describe(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Generator => "generator expression",
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum SymbolScope {
    /// Not resolved (only before the second pass).
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: SymbolScope,
}

#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    /// The function or class name (`top` for the module).
    #[allow(dead_code)]
    pub name: String,
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameter names, in `co_varnames` order.
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub comp_kind: Option<CompKind>,
    /// A class body whose methods use `__class__` (or `super`).
    pub needs_class_closure: bool,
    /// The `global` / `nonlocal` statements, for error positions.
    directives: HashMap<String, TextRange>,
    /// Inside the iterable of a comprehension (no assignment expressions).
    comp_iter_expr: u32,
    /// Visiting a comprehension's iteration target.
    comp_iter_target: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::default(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            comp_kind: None,
            needs_class_closure: false,
            directives: HashMap::default(),
            comp_iter_expr: 0,
            comp_iter_target: false,
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    fn flags(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    /// The resolved scope of a (mangled) name; names the table never saw
    /// (only synthesized by the code generator) count as implicit globals.
    pub fn scope_of(&self, name: &str) -> SymbolScope {
        self.lookup(name)
            .map_or(SymbolScope::GlobalImplicit, |s| s.scope)
    }

    /// Names of the cells this scope creates (`co_cellvars`): the
    /// parameters among them in parameter order, then the others sorted.
    pub fn cellvars(&self) -> Vec<String> {
        let is_cell = |name: &str| {
            self.lookup(name)
                .is_some_and(|s| s.scope == SymbolScope::Cell)
        };
        let mut params: Vec<String> = Vec::new();
        for p in &self.params {
            if is_cell(p) && !params.contains(p) {
                params.push(p.clone());
            }
        }
        let mut rest: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymbolScope::Cell && !params.contains(&s.name))
            .map(|s| s.name.clone())
            .collect();
        if self.needs_class_closure {
            rest.push("__class__".to_string());
        }
        rest.sort();
        params.extend(rest);
        params
    }

    /// Names of the cells this scope receives (`co_freevars`), sorted.
    pub fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymbolScope::Free || s.flags & DEF_FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v
    }
}

/// Private-name mangling: `__x` inside `class C` is `_C__x`.
pub(crate) fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    let Some(class) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return name.into();
    }
    format!("_{class}{name}").into()
}

/// The scopes of one program.
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

/// The key of the scope an AST node opens: its address (the AST does not
/// move while it is compiled).
pub(crate) fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymbolTable {
    pub fn build(
        map: &SourceMap<'_>,
        parsed: &Parsed,
        future: &Future,
    ) -> Result<SymbolTable, CompileError> {
        let mut b = Builder {
            map,
            table: SymbolTable {
                scopes: vec![Scope::new(ScopeKind::Module, "top")],
                by_node: HashMap::default(),
            },
            stack: vec![0],
            private: None,
            future_annotations: future.annotations,
            depth: 0,
        };
        match parsed {
            Parsed::Module(m) => b.visit_body(&m.body)?,
            Parsed::Expression(e) => b.visit_expr(&e.body)?,
        }
        let mut table = b.table;
        let mut free = HashSet::default();
        Analyzer {
            map,
            table: &mut table,
        }
        .analyze_block(0, None, &mut free, &HashSet::default())?;
        Ok(table)
    }

    /// The scope opened by an AST node (a function, class, lambda or
    /// comprehension).
    pub fn scope_of<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }
}

struct Builder<'m, 'a> {
    map: &'m SourceMap<'a>,
    table: SymbolTable,
    /// The scopes being visited, innermost last.
    stack: Vec<ScopeId>,
    /// The innermost enclosing class name, for mangling.
    private: Option<String>,
    future_annotations: bool,
    depth: u32,
}

type R = Result<(), CompileError>;

impl Builder<'_, '_> {
    fn cur(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.table.scopes[id]
    }

    fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.map.syntax_error(msg, range)
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize) {
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, name));
        let parent = self.cur();
        self.table.scopes[parent].children.push(id);
        self.table.by_node.insert(key, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let id = self.cur();
        self.add_def_in(id, name, flag, range)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, range: TextRange) -> R {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        let scope = &mut self.table.scopes[id];
        let mut val = flag;
        if let Some(&i) = scope.index.get(&mangled) {
            let old = scope.symbols[i].flags;
            if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                return Err(self.err(
                    format!("duplicate argument '{name}' in function definition"),
                    range,
                ));
            }
            val |= old;
        }
        if scope.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.err(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    range,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        match scope.index.get(&mangled) {
            Some(&i) => scope.symbols[i].flags = val,
            None => {
                scope.index.insert(mangled.clone(), scope.symbols.len());
                scope.symbols.push(Symbol {
                    name: mangled.clone(),
                    flags: val,
                    scope: SymbolScope::Unknown,
                });
            }
        }
        if flag & DEF_PARAM != 0 {
            scope.params.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            // Record the declaration in the module scope too.
            let module = &mut self.table.scopes[0];
            match module.index.get(&mangled) {
                Some(&i) => module.symbols[i].flags |= flag,
                None => {
                    module.index.insert(mangled.clone(), module.symbols.len());
                    module.symbols.push(Symbol {
                        name: mangled,
                        flags: flag,
                        scope: SymbolScope::Unknown,
                    });
                }
            }
        }
        Ok(())
    }

    /// Bounds the recursion, growing the stack when it runs low.
    fn nested<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, CompileError>,
    ) -> Result<T, CompileError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.map.recursion_error());
        }
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || f(self));
        self.depth -= 1;
        r
    }

    fn visit_body(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.nested(|b| b.visit_stmt_inner(s))
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, f.range)?;
                self.visit_defaults(&f.parameters)?;
                self.visit_annotations(&f.parameters, f.returns.as_deref())?;
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter(ScopeKind::Function, &f.name, node_key(f));
                if f.is_async {
                    self.scope().is_coroutine = true;
                }
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, c.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter(ScopeKind::Class, &c.name, node_key(c));
                let saved = self.private.replace(c.name.to_string());
                self.visit_body(&c.body)?;
                self.private = saved;
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => self.visit_annassign(a)?,
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(name) = &h.name {
                        self.add_def(name, DEF_LOCAL, name.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.visit_alias(alias)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    self.visit_alias(alias)?;
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    self.declare(name, s.range(), true)?;
                }
            }
            Stmt::Nonlocal(n) => {
                for name in &n.names {
                    self.declare(name, s.range(), false)?;
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                return Err(self.err("invalid syntax", s.range()));
            }
        }
        Ok(())
    }

    /// `global` (`is_global`) or `nonlocal` declaration of one name.
    fn declare(&mut self, name: &ast::Identifier, stmt: TextRange, is_global: bool) -> R {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        let cur = self.table.scopes[self.cur()].flags(&mangled);
        let kw = if is_global { "global" } else { "nonlocal" };
        if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
            let msg = if cur & DEF_PARAM != 0 {
                format!("name '{name}' is parameter and {kw}")
            } else if cur & USE != 0 {
                format!("name '{name}' is used prior to {kw} declaration")
            } else if cur & DEF_ANNOT != 0 {
                format!("annotated name '{name}' can't be {kw}")
            } else {
                format!("name '{name}' is assigned to before {kw} declaration")
            };
            return Err(self.err(msg, stmt));
        }
        let flag = if is_global { DEF_GLOBAL } else { DEF_NONLOCAL };
        self.add_def(name, flag, stmt)?;
        self.scope().directives.entry(mangled).or_insert(stmt);
        Ok(())
    }

    fn visit_alias(&mut self, alias: &ast::Alias) -> R {
        let name = alias.asname.as_ref().unwrap_or(&alias.name);
        if name.as_str() == "*" {
            if self.table.scopes[self.cur()].kind != ScopeKind::Module {
                return Err(self.err("import * only allowed at module level", alias.range));
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name.as_str());
        self.add_def(store, DEF_IMPORT, alias.range)
    }

    fn visit_annassign(&mut self, a: &ast::StmtAnnAssign) -> R {
        if let Expr::Name(n) = &*a.target {
            let mangled = mangle(self.private.as_deref(), &n.id).into_owned();
            let cur = self.table.scopes[self.cur()].flags(&mangled);
            if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && a.simple {
                let kw = if cur & DEF_GLOBAL != 0 {
                    "global"
                } else {
                    "nonlocal"
                };
                return Err(self.err(format!("annotated name '{}' can't be {kw}", n.id), a.range));
            }
            if a.simple {
                self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
            } else if a.value.is_some() {
                self.add_def(&n.id, DEF_LOCAL, n.range)?;
            }
        } else {
            self.visit_expr(&a.target)?;
        }
        self.visit_annotation(&a.annotation)?;
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
        }
        Ok(())
    }

    fn visit_annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            self.enter(ScopeKind::Annotation, "_annotation", node_key(e));
            self.visit_expr(e)?;
            self.exit();
            Ok(())
        } else {
            self.visit_expr(e)
        }
    }

    fn visit_defaults(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_annotations(&mut self, p: &ast::Parameters, returns: Option<&Expr>) -> R {
        let mut anns: Vec<&Expr> = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            anns.extend(a.parameter.annotation.as_deref());
        }
        if let Some(v) = &p.vararg {
            anns.extend(v.annotation.as_deref());
        }
        if let Some(k) = &p.kwarg {
            anns.extend(k.annotation.as_deref());
        }
        for a in p.kwonlyargs.iter() {
            anns.extend(a.parameter.annotation.as_deref());
        }
        anns.extend(returns);
        for a in anns {
            self.visit_annotation(a)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, p: &ast::Parameters) -> R {
        // Errors point at the parameter from its name on (CPython's `arg`
        // node: name and annotation, without `*` / `**`).
        let at =
            |param: &ast::Parameter| TextRange::new(param.name.range.start(), param.range.end());
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            self.add_def(&a.parameter.name, DEF_PARAM, at(&a.parameter))?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name, DEF_PARAM, at(v))?;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(&k.name, DEF_PARAM, at(k))?;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> R {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        self.nested(|b| b.visit_expr_inner(e))
    }

    fn check_annotation_block(&self, what: &str, range: TextRange) -> R {
        if self.table.scopes[self.cur()].kind == ScopeKind::Annotation {
            return Err(self.err(
                format!("'{what}' can not be used within an annotation"),
                range,
            ));
        }
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => self.visit_exprs(&b.values)?,
            Expr::Named(n) => {
                self.check_annotation_block("named expression", n.range)?;
                self.visit_named(n)?;
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                self.enter(ScopeKind::Lambda, "lambda", node_key(l));
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.exit();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                }
                for item in &d.items {
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.visit_exprs(&s.elts)?,
            Expr::ListComp(c) => {
                self.visit_comprehension(node_key(c), CompKind::List, &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.visit_comprehension(node_key(c), CompKind::Set, &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => {
                let key = c.key.as_deref().unwrap_or(&c.value);
                self.visit_comprehension(
                    node_key(c),
                    CompKind::Dict,
                    &c.generators,
                    key,
                    Some(&c.value),
                )?
            }
            Expr::Generator(c) => self.visit_comprehension(
                node_key(c),
                CompKind::Generator,
                &c.generators,
                &c.elt,
                None,
            )?,
            Expr::Await(a) => {
                self.check_annotation_block("await expression", a.range)?;
                self.visit_expr(&a.value)?;
                self.scope().is_coroutine = true;
            }
            Expr::Yield(y) => {
                self.check_annotation_block("yield expression", y.range)?;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.mark_generator(y.range)?;
            }
            Expr::YieldFrom(y) => {
                self.check_annotation_block("yield expression", y.range)?;
                self.visit_expr(&y.value)?;
                self.mark_generator(y.range)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.arguments.args)?;
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.visit_interpolated(&fs.elements, 0, fs.range)?;
                    }
                }
            }
            Expr::TString(t) => return Err(self.err("invalid syntax", t.range)),
            Expr::NumberLiteral(n) => self.check_int_literal(n)?,
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let load = n.ctx == ast::ExprContext::Load;
                self.add_def(&n.id, if load { USE } else { DEF_LOCAL }, n.range)?;
                if load
                    && n.id.as_str() == "super"
                    && self.table.scopes[self.cur()].kind.is_function()
                {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => self.visit_exprs(&l.elts)?,
            Expr::Tuple(t) => self.visit_exprs(&t.elts)?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
        }
        Ok(())
    }

    /// The replacement fields of an f-string; `spec_depth` counts the
    /// format specs around them (CPython 3.11 allows two levels).
    /// CPython converts decimal literals of at most 4300 digits
    /// (`sys.get_int_max_str_digits()`); longer ones are an error.
    fn check_int_literal(&self, n: &ast::ExprNumberLiteral) -> R {
        const MAX_STR_DIGITS: usize = 4300;
        let ast::Number::Int(i) = &n.value else {
            return Ok(());
        };
        if i.as_i64().is_some() {
            return Ok(());
        }
        let text = i.to_string();
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("0x") || lower.starts_with("0o") || lower.starts_with("0b") {
            return Ok(());
        }
        let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
        if digits > MAX_STR_DIGITS {
            let mut e = self.err(
                format!(
                    "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
                ),
                n.range,
            );
            // CPython gives no column for this one.
            e.offset = 0;
            e.end_offset = 0;
            return Err(e);
        }
        Ok(())
    }

    fn visit_interpolated(
        &mut self,
        elements: &ast::InterpolatedStringElements,
        spec_depth: u32,
        fstring: TextRange,
    ) -> R {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                if spec_depth >= 2 {
                    return Err(self.err(
                        "f-string: expressions nested too deeply",
                        TextRange::empty(fstring.end()),
                    ));
                }
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.nested(|b| b.visit_interpolated(&spec.elements, spec_depth + 1, fstring))?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, range: TextRange) -> R {
        let scope = self.scope();
        scope.is_generator = true;
        if let Some(kind) = scope.comp_kind {
            return Err(self.err(format!("'yield' inside {}", kind.describe()), range));
        }
        Ok(())
    }

    fn visit_named(&mut self, n: &ast::ExprNamed) -> R {
        if self.table.scopes[self.cur()].comp_iter_expr > 0 {
            return Err(self.err(
                "assignment expression cannot be used in a comprehension iterable expression",
                n.range,
            ));
        }
        if self.table.scopes[self.cur()].comp_kind.is_some() {
            if let Expr::Name(target) = &*n.target {
                self.extend_named_scope(target)?;
            }
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    /// An assignment expression inside a comprehension binds in the
    /// nearest enclosing function or module scope.
    fn extend_named_scope(&mut self, target: &ast::ExprName) -> R {
        let name = target.id.as_str();
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let scope = &self.table.scopes[id];
            if scope.comp_kind.is_some() {
                if scope.flags(&mangled) & DEF_COMP_ITER != 0 {
                    return Err(self.err(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        target.range,
                    ));
                }
                continue;
            }
            match scope.kind {
                ScopeKind::Function | ScopeKind::Lambda => {
                    let flag = if scope.flags(&mangled) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(name, flag, target.range)?;
                    self.scope()
                        .directives
                        .entry(mangled.clone())
                        .or_insert(target.range);
                    return self.add_def_in(id, name, DEF_LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, target.range)?;
                    self.scope()
                        .directives
                        .entry(mangled.clone())
                        .or_insert(target.range);
                    return self.add_def_in(id, name, DEF_GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.range,
                    ));
                }
                ScopeKind::Annotation | ScopeKind::Comprehension => continue,
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        key: usize,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        // Each `for` clause is a nesting level of the generated code.
        if self.depth + generators.len() as u32 > MAX_DEPTH {
            return Err(self.map.recursion_error());
        }
        // The outermost iterable is evaluated in the enclosing scope.
        self.scope().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.scope().comp_iter_expr -= 1;
        let name = match kind {
            CompKind::List => "listcomp",
            CompKind::Set => "setcomp",
            CompKind::Dict => "dictcomp",
            CompKind::Generator => "genexpr",
        };
        self.enter(ScopeKind::Comprehension, name, key);
        self.scope().comp_kind = Some(kind);
        if outermost.is_async {
            self.scope().is_coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, outermost.range)?;
        self.scope().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.scope().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for gen in &generators[1..] {
            self.scope().comp_iter_target = true;
            self.visit_expr(&gen.target)?;
            self.scope().comp_iter_target = false;
            self.scope().comp_iter_expr += 1;
            self.visit_expr(&gen.iter)?;
            self.scope().comp_iter_expr -= 1;
            self.visit_exprs(&gen.ifs)?;
            if gen.is_async {
                self.scope().is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == CompKind::Generator;
        let scope = self.scope();
        scope.is_generator = is_generator;
        let is_async = scope.is_coroutine && !is_generator;
        self.exit();
        if is_async {
            self.scope().is_coroutine = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        self.nested(|b| b.visit_pattern_inner(p))
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> R {
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for p in &s.patterns {
                    self.visit_pattern(p)?;
                }
            }
            Pattern::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                for p in m.patterns.iter() {
                    self.visit_pattern(p)?;
                }
                if let Some(rest) = &m.rest {
                    self.add_def(rest, DEF_LOCAL, rest.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for p in c.arguments.patterns.iter() {
                    self.visit_pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.visit_pattern(&k.pattern)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(name) = &s.name {
                    self.add_def(name, DEF_LOCAL, s.range)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                if let Some(name) = &a.name {
                    self.add_def(name, DEF_LOCAL, a.range)?;
                }
            }
            Pattern::MatchOr(o) => {
                for p in &o.patterns {
                    self.visit_pattern(p)?;
                }
            }
        }
        Ok(())
    }
}

/// The second pass: resolves every symbol (CPython's `analyze_block`).
struct Analyzer<'t, 'm, 'a> {
    map: &'m SourceMap<'a>,
    table: &'t mut SymbolTable,
}

impl Analyzer<'_, '_, '_> {
    fn directive_error(&self, id: ScopeId, name: &str, msg: String) -> CompileError {
        let range = self.table.scopes[id]
            .directives
            .get(name)
            .copied()
            .unwrap_or_default();
        self.map.syntax_error(msg, range)
    }

    /// Resolves the symbols of scope `id`. `bound` holds the names bound
    /// in enclosing function scopes (`None` for the module), `global` the
    /// names declared global in enclosing scopes; on return `free` holds
    /// the names free in this scope or its children.
    fn analyze_block(
        &mut self,
        id: ScopeId,
        bound: Option<&HashSet<String>>,
        free: &mut HashSet<String>,
        global: &HashSet<String>,
    ) -> R {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || {
            self.analyze_block_inner(id, bound, free, global)
        })
    }

    fn analyze_block_inner(
        &mut self,
        id: ScopeId,
        bound: Option<&HashSet<String>>,
        free: &mut HashSet<String>,
        global: &HashSet<String>,
    ) -> R {
        let kind = self.table.scopes[id].kind;
        let mut local: HashSet<String> = HashSet::default();
        let mut newglobal: HashSet<String> = HashSet::default();
        let mut newfree: HashSet<String> = HashSet::default();
        let mut newbound: HashSet<String> = HashSet::default();
        let mut global = global.clone();
        // Our own copy: a `global x` here hides an enclosing function's `x`
        // from this scope and its children (it is dropped from `bound`).
        let mut own_bound: Option<HashSet<String>> = bound.cloned();
        let bound = own_bound.as_ref();

        if kind == ScopeKind::Class {
            // Class names are invisible to nested functions: pass down
            // what enclosing scopes bind before looking at this one.
            newglobal.extend(global.iter().cloned());
            if let Some(b) = bound {
                newbound.extend(b.iter().cloned());
            }
        }

        let nsyms = self.table.scopes[id].symbols.len();
        for i in 0..nsyms {
            let (name, flags) = {
                let s = &self.table.scopes[id].symbols[i];
                (s.name.clone(), s.flags)
            };
            let scope = self.analyze_name(
                id,
                &name,
                flags,
                own_bound.as_mut(),
                &mut local,
                free,
                &mut global,
            )?;
            self.table.scopes[id].symbols[i].scope = scope;
        }

        let bound = own_bound.as_ref();
        if kind != ScopeKind::Class {
            if kind.is_function() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }

        let mut allfree: HashSet<String> = HashSet::default();
        let children = self.table.scopes[id].children.clone();
        for child in children {
            if self.table.scopes[child].kind == ScopeKind::Annotation {
                continue;
            }
            let mut child_free = newfree.clone();
            self.analyze_block(child, Some(&newbound), &mut child_free, &newglobal)?;
            allfree.extend(child_free);
        }
        newfree.extend(allfree);

        if kind.is_function() {
            // Locals that children use become cells.
            let scope = &mut self.table.scopes[id];
            for sym in scope.symbols.iter_mut() {
                if sym.scope == SymbolScope::Local && newfree.remove(&sym.name) {
                    sym.scope = SymbolScope::Cell;
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.table.scopes[id].needs_class_closure = true;
        }

        // Free names of children that pass through this scope.
        let scope = &mut self.table.scopes[id];
        let mut passing: Vec<&String> = newfree.iter().collect();
        passing.sort();
        for name in passing {
            if let Some(&i) = scope.index.get(name) {
                let sym = &mut scope.symbols[i];
                if kind == ScopeKind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = bound {
                if !b.contains(name) {
                    continue; // a global
                }
            }
            scope.index.insert(name.clone(), scope.symbols.len());
            scope.symbols.push(Symbol {
                name: name.clone(),
                flags: 0,
                scope: SymbolScope::Free,
            });
        }
        free.extend(newfree);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &self,
        id: ScopeId,
        name: &str,
        flags: u32,
        bound: Option<&mut HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> Result<SymbolScope, CompileError> {
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(self.directive_error(
                    id,
                    name,
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            global.insert(name.to_string());
            if let Some(bound) = bound {
                bound.remove(name);
            }
            return Ok(SymbolScope::GlobalExplicit);
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(bound) = bound else {
                return Err(self.directive_error(
                    id,
                    name,
                    "nonlocal declaration not allowed at module level".to_string(),
                ));
            };
            if !bound.contains(name) {
                return Err(self.directive_error(
                    id,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            free.insert(name.to_string());
            return Ok(SymbolScope::Free);
        }
        if flags & DEF_BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(SymbolScope::Local);
        }
        if let Some(bound) = bound {
            if bound.contains(name) {
                free.insert(name.to_string());
                return Ok(SymbolScope::Free);
            }
        }
        Ok(SymbolScope::GlobalImplicit)
    }
}
