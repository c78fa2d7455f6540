//! Code generation: AST + symbol table -> [`CodeObject`]s.
//!
//! The scheme is CPython 3.11's (`Python/compile.c`), adapted to ftpy's
//! instruction set (see `docs/bytecode.md` for the full description):
//! calls use the `NULL`/callable convention of `opcode.rs`, exception
//! handling uses an exception table instead of setup instructions, and
//! generators start without `RETURN_GENERATOR`.
//!
//! One [`Unit`] per code object under construction; units nest as the
//! source does. Each unit keeps:
//! - the instruction list ([`Ir`]), with labels and the stack of active
//!   exception handlers (each emitted instruction records the innermost);
//! - the "frame block" stack ([`FBlock`]): the loops, `try`s, `with`s and
//!   handlers enclosing the current point, which `break`, `continue` and
//!   `return` unwind (running `finally` bodies, calling `__exit__`,
//!   restoring the exception state, popping loop iterators);
//! - the tables of the code object (constants, names, local variables).
//!
//! Files: `stmt.rs` (statements), `expr.rs` (expressions and calls),
//! `func.rs` (functions, lambdas, classes, comprehensions, closures),
//! `exc.rs` (`try`, `with`, unwinding), `pattern.rs` (`match`).

mod exc;
mod expr;
mod func;
mod pattern;
mod stmt;

// Fx hashing: the keys are names and constants from the source being
// compiled (which runs anyway), and SipHash was a tenth of compile time.
use rustc_hash::FxHashMap as HashMap;

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::assemble::{self, Handler, HandlerId, Ir, IrInstr, IrOp, Label};
use crate::code::{flags, CodeObject, Constant, Location};
use crate::consts::ConstKey;
use crate::error::SourceMap;
use crate::opcode::{Op, MAX_ARG};
use crate::parse::Parsed;
use crate::scope::{mangle, ScopeId, ScopeKind, SymbolScope, SymbolTable};
use crate::{CompileError, Mode};

/// CPython's limit on statically nested blocks (`CO_MAXBLOCKS`).
const MAX_BLOCKS: usize = 20;
/// CPython's `STACK_USE_GUIDELINE`: displays and calls with more items are
/// built incrementally.
const STACK_USE_GUIDELINE: usize = 30;

type R = Result<(), CompileError>;

/// The `from __future__ import` features in effect.
#[derive(Debug, Default)]
pub(crate) struct Future {
    /// `from __future__ import annotations` (PEP 563).
    pub annotations: bool,
    /// The `code::flags::FUTURE_*` bits in effect: the features imported,
    /// plus those inherited from the code that called `compile()`.
    pub flags: u32,
    /// Line of the last leading future import (0 if none): a future import
    /// after it is an error.
    pub lineno: u32,
}

const KNOWN_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl Future {
    /// Reads the future imports at the start of a module (after an optional
    /// docstring), as CPython's `future.c` does.
    pub fn scan(
        map: &SourceMap<'_>,
        parsed: &Parsed,
        inherited: u32,
    ) -> Result<Future, CompileError> {
        let mut fut = Future {
            annotations: inherited & flags::FUTURE_ANNOTATIONS != 0,
            flags: inherited & flags::FUTURE_MASK,
            lineno: 0,
        };
        let Parsed::Module(m) = parsed else {
            return Ok(fut);
        };
        let mut done = false;
        let mut prev_line = 0;
        // Only a docstring may come before the future imports.
        let skip = docstring_of(&m.body).is_some() as usize;
        for s in &m.body[skip.min(m.body.len())..] {
            let (line, _) = map.line_col(s.range().start());
            if done && line > prev_line {
                break;
            }
            prev_line = line;
            match s {
                Stmt::ImportFrom(i)
                    if i.module
                        .as_ref()
                        .is_some_and(|m| m.as_str() == "__future__")
                        && i.level == 0 =>
                {
                    if done {
                        // CPython reports this one at the 0-based column.
                        let mut e = map.syntax_error(
                            "from __future__ imports must occur at the beginning of the file",
                            s.range(),
                        );
                        e.offset = e.offset.saturating_sub(1);
                        return Err(e);
                    }
                    for alias in &i.names {
                        let name = alias.name.as_str();
                        if name == "braces" {
                            return Err(map.syntax_error("not a chance", s.range()));
                        }
                        if !KNOWN_FEATURES.contains(&name) {
                            return Err(map.syntax_error(
                                format!("future feature {name} is not defined"),
                                s.range(),
                            ));
                        }
                        fut.flags |= match name {
                            "division" => flags::FUTURE_DIVISION,
                            "absolute_import" => flags::FUTURE_ABSOLUTE_IMPORT,
                            "with_statement" => flags::FUTURE_WITH_STATEMENT,
                            "print_function" => flags::FUTURE_PRINT_FUNCTION,
                            "unicode_literals" => flags::FUTURE_UNICODE_LITERALS,
                            "barry_as_FLUFL" => flags::FUTURE_BARRY_AS_BDFL,
                            "generator_stop" => flags::FUTURE_GENERATOR_STOP,
                            "annotations" => flags::FUTURE_ANNOTATIONS,
                            _ => 0,
                        };
                        if name == "annotations" {
                            fut.annotations = true;
                        }
                    }
                    fut.lineno = line;
                }
                _ => done = true,
            }
        }
        Ok(fut)
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

impl UnitKind {
    fn is_function_like(self) -> bool {
        matches!(
            self,
            UnitKind::Function
                | UnitKind::AsyncFunction
                | UnitKind::Lambda
                | UnitKind::Comprehension
        )
    }
}

/// A frame block: a construct that `break` / `continue` / `return` must
/// unwind (CPython's `fblockinfo`).
#[derive(Clone, Debug)]
pub(crate) enum FBlock<'a> {
    WhileLoop {
        start: Label,
        exit: Label,
    },
    /// A `for` or `async for` loop: its iterator is on the stack.
    ForLoop {
        start: Label,
        exit: Label,
    },
    /// The body of a `try` with `except` clauses (one handler pushed).
    TryExcept,
    /// The body of a `try` with a `finally` (one handler pushed).
    FinallyTry {
        body: &'a [Stmt],
    },
    /// The exceptional copy of a `finally` body (one handler pushed; the
    /// exception and the saved exception state are on the stack).
    FinallyEnd,
    /// The body of a `with` (one handler pushed; `__exit__` on the stack).
    With {
        loc: Location,
        is_async: bool,
    },
    /// The body of an `except` clause (the saved exception state on the
    /// stack; handlers pushed: the clause's cleanup, and one more when the
    /// exception is bound to `name`).
    HandlerCleanup {
        name: Option<&'a str>,
    },
    /// A value on the stack to pop (a return value kept across a
    /// `finally` body).
    PopValue,
    /// The matching of `except` clauses.
    ExceptionHandler,
    /// The body of an `except*` clause.
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    scope: ScopeId,
    kind: UnitKind,
    name: String,
    qualname: String,
    /// The class name used for private-name mangling.
    private: Option<String>,
    nested: bool,
    ir: Ir,
    handler_stack: Vec<HandlerId>,
    fblocks: Vec<FBlock<'a>>,
    consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    /// Code constants by (qualname, first line, length), to find equal ones.
    code_index: HashMap<(String, u32, usize), Vec<u32>>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    varname_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    params: Vec<String>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    varargs: bool,
    varkeywords: bool,
    first_line: u32,
    /// The location given to emitted instructions.
    loc: Location,
    /// Set when an operand did not fit in 24 bits: where.
    too_large: Option<Location>,
}

/// The code generator.
pub(crate) struct Compiler<'a> {
    map: &'a SourceMap<'a>,
    table: &'a SymbolTable,
    future: &'a Future,
    optimize: u8,
    /// `Mode::Single`: module-level expression statements print.
    interactive: bool,
    units: Vec<Unit<'a>>,
    code_counter: usize,
    /// A generator expression that is the only argument of a call, and
    /// where the call's `(` is: the expression owns those parentheses.
    genexp_paren: Option<(usize, ruff_text_size::TextSize)>,
    /// `SyntaxWarning`s found so far (see [`Compiler::warn`]).
    warnings: Vec<CompileError>,
}

/// Compiles a parsed program (the entry point of code generation).
pub(crate) fn compile_module<'a>(
    map: &'a SourceMap<'a>,
    parsed: &'a Parsed,
    table: &'a SymbolTable,
    future: &'a Future,
    mode: Mode,
    optimize: u8,
    warnings: &mut Vec<CompileError>,
) -> Result<CodeObject, CompileError> {
    let mut c = Compiler {
        map,
        table,
        future,
        optimize,
        interactive: mode == Mode::Single,
        units: Vec::new(),
        code_counter: 0,
        genexp_paren: None,
        warnings: Vec::new(),
    };
    let result = c.module(parsed, mode);
    warnings.append(&mut c.warnings);
    result
}

impl<'a> Compiler<'a> {
    fn module(&mut self, parsed: &'a Parsed, mode: Mode) -> Result<CodeObject, CompileError> {
        let c = self;
        c.enter_unit(0, UnitKind::Module, "<module>", 1);
        match parsed {
            Parsed::Expression(e) => {
                c.expr(&e.body)?;
                c.unset_loc();
                c.emit(Op::ReturnValue, 0);
            }
            Parsed::Module(m) => {
                if mode == Mode::Single {
                    if stmt::find_annotations(&m.body) {
                        c.emit(Op::SetupAnnotations, 0);
                    }
                    c.body(&m.body)?;
                } else {
                    c.module_body(&m.body)?;
                }
            }
        }
        c.exit_unit()
    }
}

/// How a name is accessed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl<'a> Compiler<'a> {
    // ----- units -------------------------------------------------------

    fn u(&mut self) -> &mut Unit<'a> {
        // There is always a unit while compiling (the module's at least).
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    fn ur(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.ur().scope].kind
    }

    /// Starts a new code object for `scope`.
    fn enter_unit(&mut self, scope: ScopeId, kind: UnitKind, name: &str, first_line: u32) {
        let sc = &self.table.scopes[scope];
        let parent = self.units.last();
        let private = match kind {
            UnitKind::Class => Some(name.to_string()),
            _ => parent.and_then(|p| p.private.clone()),
        };
        let nested = parent.is_some_and(|p| p.nested || p.kind.is_function_like());
        let qualname = self.qualname_for(kind, name);
        let params = sc.params.clone();
        let mut varname_index = HashMap::default();
        for (i, p) in params.iter().enumerate() {
            varname_index.entry(p.clone()).or_insert(i as u32);
        }
        let unit = Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            private,
            nested,
            ir: Ir::default(),
            handler_stack: Vec::new(),
            fblocks: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::default(),
            code_index: HashMap::default(),
            names: Vec::new(),
            name_index: HashMap::default(),
            varnames: params.clone(),
            varname_index,
            cellvars: sc.cellvars(),
            freevars: sc.freevars(),
            params,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varargs: false,
            varkeywords: false,
            first_line,
            loc: Location {
                line: first_line,
                end_line: first_line,
                col: 0,
                end_col: 0,
            },
            too_large: None,
        };
        self.units.push(unit);
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, kind: UnitKind, name: &str) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        if matches!(
            kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class
        ) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.table.scopes[parent.scope].scope_of(&mangled) == SymbolScope::GlobalExplicit {
                return name.to_string();
            }
        }
        let base = if matches!(
            parent.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda
        ) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.clone()
        };
        format!("{base}.{name}")
    }

    /// Finishes the current code object: adds the implicit `return None`
    /// when control can reach the end, assembles, and pops the unit.
    fn exit_unit(&mut self) -> Result<CodeObject, CompileError> {
        let needs_return = {
            let u = self.ur();
            let end = u.ir.instrs.len() as u32;
            let label_at_end = u.ir.labels.contains(&Some(end));
            let last_is_terminator = u.ir.instrs.last().is_some_and(|i| match i.op {
                IrOp::Real(op) => op.is_terminator(),
                IrOp::Jump => true,
                IrOp::Setup(_) => false,
            });
            label_at_end || !last_is_terminator
        };
        if needs_return {
            // The implicit return has no location of its own: it takes the
            // location of the code before it (or of the jump to a copy).
            self.unset_loc();
            self.load_const(Constant::None);
            self.emit(Op::ReturnValue, 0);
        }
        let Some(unit) = self.units.pop() else {
            return Err(self.internal("no code unit"));
        };
        if let Some(loc) = unit.too_large {
            return Err(self.map.error_at(
                crate::ErrorKind::SyntaxError,
                "too many constants, names or local variables",
                loc.line,
                loc.col,
                loc.end_line,
                loc.end_col,
            ));
        }
        let none_const = unit.const_index.get(&ConstKey::None).copied();
        let asm = assemble::assemble(&unit.ir, none_const).map_err(|m| {
            if m == assemble::TOO_LARGE {
                self.error_here(m)
            } else {
                self.internal(&m)
            }
        })?;
        let sc = &self.table.scopes[unit.scope];
        let mut co_flags = self.future.flags;
        if unit.kind.is_function_like() {
            co_flags |= flags::OPTIMIZED | flags::NEWLOCALS;
            if unit.nested {
                co_flags |= flags::NESTED;
            }
            co_flags |= match (sc.is_generator, sc.is_coroutine) {
                (true, true) => flags::ASYNC_GENERATOR,
                (true, false) => flags::GENERATOR,
                (false, true) => flags::COROUTINE,
                (false, false) => 0,
            };
            if unit.varargs {
                co_flags |= flags::VARARGS;
            }
            if unit.varkeywords {
                co_flags |= flags::VARKEYWORDS;
            }
        }
        let cell2arg = unit
            .cellvars
            .iter()
            .map(|c| unit.params.iter().position(|p| p == c).map(|i| i as u32))
            .collect();
        let keep_first = matches!(
            unit.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda
        );
        let (instructions, constants) =
            remove_unused_consts(asm.instructions, unit.consts, keep_first);
        Ok(CodeObject {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.map.filename.to_string(),
            flags: co_flags,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            first_line: unit.first_line,
            instructions,
            locations: asm.locations,
            constants,
            names: unit.names,
            varnames: unit.varnames,
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            cell2arg,
            exception_table: asm.exception_table,
            stacksize: asm.stacksize,
            ncaches: asm.ncaches,
        })
    }

    // ----- errors ------------------------------------------------------

    fn error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.map.syntax_error(msg, range)
    }

    /// An error at the current location.
    fn error_here(&self, msg: impl Into<String>) -> CompileError {
        let l = self.ur().loc;
        self.map.error_at(
            crate::ErrorKind::SyntaxError,
            msg,
            l.line,
            l.col,
            l.end_line,
            l.end_col,
        )
    }

    /// A `SyntaxWarning` at the current location (CPython's
    /// `compiler_warn`); the caller of the compiler issues it, or raises
    /// it as a `SyntaxError` when the warning filters make it an error.
    fn warn(&mut self, msg: impl Into<String>) {
        let w = self.error_here(msg);
        self.warnings.push(w);
    }

    fn internal(&self, msg: &str) -> CompileError {
        self.error_here(format!("internal compiler error: {msg}"))
    }

    // ----- locations ---------------------------------------------------

    fn set_loc(&mut self, range: TextRange) {
        let loc = self.map.location(range);
        self.u().loc = loc;
    }

    /// Marks the following instructions as compiler-made (no location).
    fn unset_loc(&mut self) {
        self.u().loc = Location::default();
    }

    // ----- emission ----------------------------------------------------

    fn push_ir(&mut self, op: IrOp, arg: u32) {
        let u = self.u();
        if arg > MAX_ARG && u.too_large.is_none() {
            u.too_large = Some(u.loc);
        }
        let handler = u.handler_stack.last().copied();
        u.ir.instrs.push(IrInstr {
            op,
            arg,
            loc: u.loc,
            handler,
        });
    }

    fn emit(&mut self, op: Op, arg: u32) {
        debug_assert!(!op.is_jump(), "use emit_jump for {}", op.name());
        self.push_ir(IrOp::Real(op), arg);
    }

    fn emit_jump(&mut self, op: Op, target: Label) {
        debug_assert!(op.is_jump());
        self.push_ir(IrOp::Real(op), target.0);
    }

    /// An unconditional jump (forward or backward as the layout decides).
    fn jump(&mut self, target: Label) {
        self.push_ir(IrOp::Jump, target.0);
    }

    fn new_label(&mut self) -> Label {
        let u = self.u();
        u.ir.labels.push(None);
        Label(u.ir.labels.len() as u32 - 1)
    }

    /// Binds `label` to the next instruction emitted.
    fn bind(&mut self, label: Label) {
        let u = self.u();
        let pos = u.ir.instrs.len() as u32;
        if let Some(l) = u.ir.labels.get_mut(label.0 as usize) {
            *l = Some(pos);
        }
    }

    /// Opens a range protected by a handler at `label`. The handler unwinds
    /// the stack to its current depth plus `adjust`.
    fn push_handler(&mut self, label: Label, lasti: bool, adjust: i32) -> HandlerId {
        let u = self.u();
        let id = HandlerId(u.ir.handlers.len() as u32);
        let parent = u.handler_stack.last().copied();
        u.ir.handlers.push(Handler {
            label,
            lasti,
            adjust,
            parent,
        });
        self.push_ir(IrOp::Setup(id), 0);
        self.u().handler_stack.push(id);
        id
    }

    /// Closes the innermost protected range (CPython's `POP_BLOCK`).
    fn pop_handler(&mut self) -> Option<HandlerId> {
        self.u().handler_stack.pop()
    }

    /// Reopens a range of a handler set up before (for code that control
    /// reaches from inside that range).
    fn repush_handler(&mut self, h: HandlerId) {
        self.u().handler_stack.push(h);
    }

    fn add_const(&mut self, c: Constant) -> u32 {
        // Identical code objects (a `while` test is compiled twice) share a
        // slot, as in CPython.
        let fingerprint = match &c {
            Constant::Code(code) => {
                let fp = (
                    code.qualname.clone(),
                    code.first_line,
                    code.instructions.len(),
                );
                let u = self.ur();
                for &i in u.code_index.get(&fp).into_iter().flatten() {
                    if let Some(Constant::Code(other)) = u.consts.get(i as usize) {
                        if crate::consts::same_code(code, other) {
                            return i;
                        }
                    }
                }
                Some(fp)
            }
            _ => None,
        };
        let id = if matches!(c, Constant::Code(_)) {
            self.code_counter += 1;
            self.code_counter
        } else {
            0
        };
        let key = ConstKey::of(&c, id);
        let u = self.u();
        if let Some(&i) = u.const_index.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_index.insert(key, i);
        if let Some(fp) = fingerprint {
            u.code_index.entry(fp).or_default().push(i);
        }
        i
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Op::LoadConst, i);
    }

    /// The `co_names` index of `name`, mangled (CPython's `ADDOP_NAME`).
    fn name_index(&mut self, name: &str) -> u32 {
        let mangled = mangle(self.ur().private.as_deref(), name).into_owned();
        self.raw_name_index(&mangled)
    }

    /// The `co_names` index of `name` as is.
    fn raw_name_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_string());
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn emit_name(&mut self, op: Op, name: &str) {
        let i = self.name_index(name);
        self.emit(op, i);
    }

    fn varname(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.varname_index.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(name.to_string());
        u.varname_index.insert(name.to_string(), i);
        i
    }

    /// The `cellvars ++ freevars` index of a cell or free variable.
    fn deref_index(&self, name: &str, prefer_cell: bool) -> Result<u32, CompileError> {
        let u = self.ur();
        let cell = u.cellvars.iter().position(|c| c == name);
        let free = u.freevars.iter().position(|c| c == name);
        let idx = match (cell, free) {
            (Some(c), _) if prefer_cell => Some(c),
            (_, Some(f)) => Some(u.cellvars.len() + f),
            (Some(c), None) => Some(c),
            (None, None) => None,
        };
        idx.map(|i| i as u32)
            .ok_or_else(|| self.internal(&format!("no cell for '{name}'")))
    }

    // ----- names -------------------------------------------------------

    /// Loads, stores or deletes a variable (CPython's `compiler_nameop`).
    fn name_op(&mut self, name: &str, ctx: Ctx) -> R {
        self.check_forbidden(name, ctx)?;
        let mangled = mangle(self.ur().private.as_deref(), name).into_owned();
        let scope_id = self.ur().scope;
        let scope = self.table.scopes[scope_id].scope_of(&mangled);
        let function = self.scope_kind().is_function();
        enum Kind {
            Fast,
            Deref(bool),
            Global,
            Name,
        }
        let kind = match scope {
            SymbolScope::Free => Kind::Deref(false),
            SymbolScope::Cell => Kind::Deref(true),
            SymbolScope::Local if function => Kind::Fast,
            SymbolScope::GlobalImplicit if function => Kind::Global,
            SymbolScope::GlobalExplicit => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Fast => {
                let i = self.varname(&mangled);
                let op = match ctx {
                    Ctx::Load => Op::LoadFast,
                    Ctx::Store => Op::StoreFast,
                    Ctx::Del => Op::DeleteFast,
                };
                self.emit(op, i);
            }
            Kind::Deref(cell) => {
                let i = self.deref_index(&mangled, cell)?;
                let op = match ctx {
                    Ctx::Load if self.ur().kind == UnitKind::Class => Op::LoadClassDeref,
                    Ctx::Load => Op::LoadDeref,
                    Ctx::Store => Op::StoreDeref,
                    Ctx::Del => Op::DeleteDeref,
                };
                self.emit(op, i);
            }
            Kind::Global => {
                let i = self.raw_name_index(&mangled);
                match ctx {
                    Ctx::Load => self.emit(Op::LoadGlobal, i << 1),
                    Ctx::Store => self.emit(Op::StoreGlobal, i),
                    Ctx::Del => self.emit(Op::DeleteGlobal, i),
                }
            }
            Kind::Name => {
                let i = self.raw_name_index(&mangled);
                let op = match ctx {
                    Ctx::Load => Op::LoadName,
                    Ctx::Store => Op::StoreName,
                    Ctx::Del => Op::DeleteName,
                };
                self.emit(op, i);
            }
        }
        Ok(())
    }

    /// Pushes `NULL` and the value of a name, for a call: one
    /// `LOAD_GLOBAL` with the push-null bit when the name is a global.
    fn load_name_for_call(&mut self, name: &str) -> R {
        let mangled = mangle(self.ur().private.as_deref(), name).into_owned();
        let scope = self.table.scopes[self.ur().scope].scope_of(&mangled);
        let function = self.scope_kind().is_function();
        let global = match scope {
            SymbolScope::GlobalExplicit => true,
            SymbolScope::GlobalImplicit => function,
            _ => false,
        };
        if global {
            let i = self.raw_name_index(&mangled);
            self.emit(Op::LoadGlobal, (i << 1) | 1);
            Ok(())
        } else {
            self.emit(Op::PushNull, 0);
            self.name_op(name, Ctx::Load)
        }
    }

    fn check_forbidden(&self, name: &str, ctx: Ctx) -> R {
        if name == "__debug__" {
            match ctx {
                Ctx::Store => return Err(self.error_here("cannot assign to __debug__")),
                Ctx::Del => return Err(self.error_here("cannot delete __debug__")),
                Ctx::Load => {}
            }
        }
        Ok(())
    }

    // ----- frame blocks ------------------------------------------------

    fn push_fblock(&mut self, b: FBlock<'a>) -> R {
        if self.ur().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error_here("too many statically nested blocks"));
        }
        self.u().fblocks.push(b);
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    // ----- helpers -----------------------------------------------------

    /// Folds `e` to a constant if CPython's AST optimizer would.
    fn fold(&self, e: &Expr) -> Option<Constant> {
        crate::consts::fold(e, self.optimize)
    }

    /// The docstring of a body, if it has one and docstrings are kept.
    fn docstring(&self, body: &'a [Stmt]) -> Option<String> {
        if self.optimize >= 2 {
            return None;
        }
        docstring_of(body)
    }

    /// Compiles a module body (CPython's `compiler_body`).
    fn module_body(&mut self, body: &'a [Stmt]) -> R {
        if let Some(first) = body.first() {
            self.set_loc(first.range());
        }
        if stmt::find_annotations(body) {
            self.emit(Op::SetupAnnotations, 0);
        }
        let mut rest = body;
        if let Some(doc) = self.docstring(body) {
            if let Some(first) = body.first() {
                self.set_loc(first.range());
            }
            self.load_const(Constant::Str(doc));
            self.unset_loc();
            self.name_op("__doc__", Ctx::Store)?;
            rest = &body[1..];
        }
        self.body(rest)
    }
}

/// The docstring of a body: a first statement that is a string literal.
pub(crate) fn docstring_of(body: &[Stmt]) -> Option<String> {
    match body.first() {
        Some(Stmt::Expr(e)) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// Drops constants no instruction uses (dead code can leave some),
/// keeping slot 0 when it is a function's docstring slot.
fn remove_unused_consts(
    mut instructions: Vec<crate::opcode::Instr>,
    consts: Vec<Constant>,
    keep_first: bool,
) -> (Vec<crate::opcode::Instr>, Vec<Constant>) {
    use crate::opcode::ArgKind;
    let mut used = vec![false; consts.len()];
    if keep_first && !used.is_empty() {
        used[0] = true;
    }
    for ins in &instructions {
        if ins.op().arg_kind() == ArgKind::Const {
            if let Some(u) = used.get_mut(ins.a() as usize) {
                *u = true;
            }
        }
    }
    if used.iter().all(|&u| u) {
        return (instructions, consts);
    }
    let mut remap = vec![0u32; consts.len()];
    let mut kept = Vec::new();
    for (i, c) in consts.into_iter().enumerate() {
        if used[i] {
            remap[i] = kept.len() as u32;
            kept.push(c);
        }
    }
    for ins in instructions.iter_mut() {
        if ins.op().arg_kind() == ArgKind::Const {
            if let Some(&n) = remap.get(ins.a() as usize) {
                *ins = ins.with_a(n);
            }
        }
    }
    (instructions, kept)
}
