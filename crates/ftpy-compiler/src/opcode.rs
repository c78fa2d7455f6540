//! The instruction set: one table, read by the compiler, the verifier, the
//! disassembler and the interpreter.
//!
//! # Instruction words
//!
//! Every instruction is one 64-bit word:
//!
//! ```text
//!  63                32 31                 8 7        0
//! +--------------------+--------------------+----------+
//! |   b (32 bits)      |   a (24 bits)      |  opcode  |
//! +--------------------+--------------------+----------+
//! ```
//!
//! `a` is the operand (a constant index, a name index, a local slot, a jump
//! target, a count ...; its meaning is the opcode's [`ArgKind`]). `b` is the
//! index of the instruction's inline cache entry for opcodes that have one
//! (`cache: true` below), and 0 otherwise. The compiler numbers cache entries
//! 0, 1, 2 ... in instruction order and records how many it used in
//! `CodeObject::ncaches`; the interpreter owns their contents.
//!
//! The interpreter may rewrite the opcode byte of a word at run time
//! (specialization). It stores the whole word with one atomic write, so a
//! racing thread sees the old or the new instruction, never a mix.
//!
//! Jump targets are absolute instruction indices.
//!
//! # The value stack
//!
//! Stack effects are written `(before -- after)`, top of stack on the right.
//! `NULL` is the interpreter's empty marker (never a Python object): it is
//! pushed by `PUSH_NULL` and by `LOAD_GLOBAL` with the low operand bit set,
//! and consumed by the call instructions.
//!
//! ## The call convention
//!
//! Every call site lays out `A B arg1 .. argN` below its arguments:
//! - `A` is `NULL`: the callable is `B`, the arguments are `arg1 .. argN`.
//! - `A` is not `NULL`: the callable is `A`, the arguments are
//!   `B arg1 .. argN` (a method and its `self`, as left by `LOAD_METHOD`).
//!
//! So a plain call is `PUSH_NULL; <callable>; <args>; CALL N` (or
//! `LOAD_GLOBAL (name<<1)|1; <args>; CALL N`), and a method call is
//! `<obj>; LOAD_METHOD name; <args>; CALL N`.
//!
//! # Exceptions
//!
//! There are no block-setup instructions. Each code object has an exception
//! table (`CodeObject::exception_table`): ranges of instruction indices, each
//! with a handler target, a stack depth and a `lasti` flag. When an
//! instruction at index `i` raises, the interpreter finds the entry covering
//! `i`, pops the value stack down to `depth` items (counted above the
//! frame's locals), pushes `i` as an int if `lasti` is set, pushes the
//! exception object, and jumps to the handler. No entry: the frame exits
//! with the exception. A traceback entry for the frame is added when an
//! exception is raised by an instruction (including a call that raised in a
//! callee), but not by `RERAISE` or a bare `raise` (`RAISE_VARARGS 0`).
//!
//! The thread's "exception being handled" (`sys.exc_info()`) is saved and
//! restored with `PUSH_EXC_INFO` / `POP_EXCEPT`.

/// What the `a` operand of an instruction means.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No operand; `a` is 0.
    None,
    /// Index into `CodeObject::constants`.
    Const,
    /// Index into `CodeObject::names`.
    Name,
    /// `(index into names) << 1 | push_null` (`LOAD_GLOBAL`).
    GlobalName,
    /// Index into `CodeObject::varnames` (a fast local).
    Local,
    /// Index into `cellvars ++ freevars`.
    Deref,
    /// Absolute instruction index.
    Jump,
    /// A count of stack items or a stack position.
    Count,
    /// A binary operator, see [`BinaryOp`].
    BinaryOp,
    /// A comparison, see [`CompareOp`].
    CompareOp,
    /// Bit flags whose meaning the opcode documents.
    Flags,
}

macro_rules! opcodes {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident = $num:literal, $pyname:literal, $arg:ident, cache: $cache:literal,
        |$a:ident, $jump:ident| $effect:expr;
    )*) => {
        /// An opcode. The numbering is ftpy's own (not CPython's).
        #[repr(u8)]
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Op {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        impl Op {
            /// Every opcode, in numbering order.
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];

            /// The opcode for a byte, if it is one.
            #[inline]
            pub fn from_u8(byte: u8) -> Option<Op> {
                const OPS: [Option<Op>; 256] = {
                    let mut t = [None; 256];
                    $( t[$num as usize] = Some(Op::$name); )*
                    t
                };
                OPS[byte as usize]
            }

            /// The name the disassembler prints (CPython's spelling where
            /// CPython has the instruction).
            pub fn name(self) -> &'static str {
                match self { $( Op::$name => $pyname, )* }
            }

            /// What the `a` operand means.
            #[inline]
            pub fn arg_kind(self) -> ArgKind {
                // A table rather than a `match`: the match compiles to an
                // indirect jump per call, which the assembler and the
                // verifier (a call per instruction) pay for in mispredicts.
                const KINDS: [ArgKind; 256] = {
                    let mut t = [ArgKind::None; 256];
                    $( t[$num as usize] = ArgKind::$arg; )*
                    t
                };
                KINDS[self as usize]
            }

            /// Whether the instruction owns an inline cache entry (`b`).
            #[inline]
            pub fn has_cache(self) -> bool {
                const CACHE: [bool; 256] = {
                    let mut t = [false; 256];
                    $( t[$num as usize] = $cache; )*
                    t
                };
                CACHE[self as usize]
            }

            /// Net change of the value stack depth. `jump` selects the
            /// effect on the branch-taken path of a conditional jump (for
            /// other instructions it makes no difference).
            #[allow(unused_variables, clippy::redundant_closure_call)]
            pub fn stack_effect(self, a: u32, jump: bool) -> i32 {
                match self {
                    $( Op::$name => (|$a: u32, $jump: bool| -> i32 { $effect })(a, jump), )*
                }
            }
        }
    };
}

opcodes! {
    /// Does nothing. `( -- )`
    Nop = 0, "NOP", None, cache: false, |a, j| 0;
    /// `(v -- )`
    PopTop = 1, "POP_TOP", None, cache: false, |a, j| -1;
    /// Swap the top of stack with the item `a` positions down (`a >= 2`;
    /// `SWAP 2` swaps the top two). `( -- )`
    Swap = 2, "SWAP", Count, cache: false, |a, j| 0;
    /// Push a copy of the item `a` positions down (`COPY 1` duplicates the
    /// top). `( -- v)`
    Copy = 3, "COPY", Count, cache: false, |a, j| 1;
    /// `( -- NULL)`
    PushNull = 4, "PUSH_NULL", None, cache: false, |a, j| 1;

    /// `( -- constants[a])`
    LoadConst = 10, "LOAD_CONST", Const, cache: false, |a, j| 1;
    /// `( -- v)`. Unbound: `UnboundLocalError: cannot access local
    /// variable 'x' where it is not associated with a value`.
    LoadFast = 11, "LOAD_FAST", Local, cache: false, |a, j| 1;
    /// `(v -- )`
    StoreFast = 12, "STORE_FAST", Local, cache: false, |a, j| -1;
    /// `( -- )`; unbound raises as `LOAD_FAST` does.
    DeleteFast = 13, "DELETE_FAST", Local, cache: false, |a, j| 0;
    /// Push the contents of the cell in slot `a` of `cellvars ++ freevars`.
    /// Empty cell: `UnboundLocalError` for a cellvar, `NameError: cannot
    /// access free variable 'x' where it is not associated with a value in
    /// enclosing scope` for a freevar. `( -- v)`
    LoadDeref = 14, "LOAD_DEREF", Deref, cache: false, |a, j| 1;
    /// `(v -- )`
    StoreDeref = 15, "STORE_DEREF", Deref, cache: false, |a, j| -1;
    /// `( -- )`
    DeleteDeref = 16, "DELETE_DEREF", Deref, cache: false, |a, j| 0;
    /// Push the cell object itself (to build a closure tuple). `( -- cell)`
    LoadClosure = 17, "LOAD_CLOSURE", Deref, cache: false, |a, j| 1;
    /// In a class body: look the freevar's name up in the locals mapping
    /// first, then in the cell. `( -- v)`
    LoadClassDeref = 18, "LOAD_CLASSDEREF", Deref, cache: false, |a, j| 1;
    /// Globals, then builtins. Pushes `NULL` first when bit 0 of `a` is set.
    /// `NameError: name 'x' is not defined`. `( -- [NULL] v)`
    LoadGlobal = 19, "LOAD_GLOBAL", GlobalName, cache: true, |a, j| 1 + (a & 1) as i32;
    /// `(v -- )`
    StoreGlobal = 20, "STORE_GLOBAL", Name, cache: false, |a, j| -1;
    /// `( -- )`
    DeleteGlobal = 21, "DELETE_GLOBAL", Name, cache: false, |a, j| 0;
    /// Locals mapping, then globals, then builtins (module and class
    /// bodies). `( -- v)`
    LoadName = 22, "LOAD_NAME", Name, cache: false, |a, j| 1;
    /// Store into the locals mapping. `(v -- )`
    StoreName = 23, "STORE_NAME", Name, cache: false, |a, j| -1;
    /// `( -- )`
    DeleteName = 24, "DELETE_NAME", Name, cache: false, |a, j| 0;

    /// `(obj -- obj.name)`
    LoadAttr = 30, "LOAD_ATTR", Name, cache: true, |a, j| 0;
    /// Look up a method for a call: `(obj -- meth obj)` when `name` is a
    /// plain function found on the type (the call passes `obj` as the first
    /// argument), else `(obj -- NULL obj.name)`.
    LoadMethod = 31, "LOAD_METHOD", Name, cache: true, |a, j| 1;
    /// `obj.name = v`. `(v obj -- )`
    StoreAttr = 32, "STORE_ATTR", Name, cache: true, |a, j| -2;
    /// `del obj.name`. `(obj -- )`
    DeleteAttr = 33, "DELETE_ATTR", Name, cache: false, |a, j| -1;
    /// `(container key -- container[key])`
    BinarySubscr = 34, "BINARY_SUBSCR", None, cache: true, |a, j| -1;
    /// `container[key] = v`. `(v container key -- )`
    StoreSubscr = 35, "STORE_SUBSCR", None, cache: true, |a, j| -3;
    /// `del container[key]`. `(container key -- )`
    DeleteSubscr = 36, "DELETE_SUBSCR", None, cache: false, |a, j| -2;
    /// `a` is 2 or 3. `(start stop [step] -- slice)`
    BuildSlice = 37, "BUILD_SLICE", Count, cache: false, |a, j| 1 - a as i32;

    /// `(v -- +v)`
    UnaryPositive = 40, "UNARY_POSITIVE", None, cache: false, |a, j| 0;
    /// `(v -- -v)`
    UnaryNegative = 41, "UNARY_NEGATIVE", None, cache: false, |a, j| 0;
    /// `(v -- not v)`
    UnaryNot = 42, "UNARY_NOT", None, cache: false, |a, j| 0;
    /// `(v -- ~v)`
    UnaryInvert = 43, "UNARY_INVERT", None, cache: false, |a, j| 0;
    /// `a` is a [`BinaryOp`] (in-place forms try `__iop__` first).
    /// `(lhs rhs -- result)`
    BinaryOp = 44, "BINARY_OP", BinaryOp, cache: true, |a, j| -1;
    /// `a` is a [`CompareOp`]. `(lhs rhs -- result)`
    CompareOp = 45, "COMPARE_OP", CompareOp, cache: true, |a, j| -1;
    /// `lhs is rhs`, or `is not` when `a` is 1. `(lhs rhs -- bool)`
    IsOp = 46, "IS_OP", Flags, cache: false, |a, j| -1;
    /// `lhs in rhs`, or `not in` when `a` is 1. `(lhs rhs -- bool)`
    ContainsOp = 47, "CONTAINS_OP", Flags, cache: false, |a, j| -1;

    /// Forward jump. `( -- )`
    JumpForward = 50, "JUMP_FORWARD", Jump, cache: false, |a, j| 0;
    /// Backward jump (a loop edge); a safepoint. `( -- )`
    JumpBackward = 51, "JUMP_BACKWARD", Jump, cache: false, |a, j| 0;
    /// Backward jump that does not poll for safepoints; only used inside
    /// `yield from` / `await` loops, which suspend anyway. `( -- )`
    JumpBackwardNoInterrupt = 52, "JUMP_BACKWARD_NO_INTERRUPT", Jump, cache: false, |a, j| 0;
    /// Jump when `v` is false. A backward target is a safepoint. `(v -- )`
    PopJumpIfFalse = 53, "POP_JUMP_IF_FALSE", Jump, cache: false, |a, j| -1;
    /// `(v -- )`
    PopJumpIfTrue = 54, "POP_JUMP_IF_TRUE", Jump, cache: false, |a, j| -1;
    /// `(v -- )`
    PopJumpIfNone = 55, "POP_JUMP_IF_NONE", Jump, cache: false, |a, j| -1;
    /// `(v -- )`
    PopJumpIfNotNone = 56, "POP_JUMP_IF_NOT_NONE", Jump, cache: false, |a, j| -1;
    /// If `v` is false, jump and keep it; else pop it. `(v -- v)` taken,
    /// `(v -- )` not taken.
    JumpIfFalseOrPop = 57, "JUMP_IF_FALSE_OR_POP", Jump, cache: false, |a, j| if j { 0 } else { -1 };
    /// If `v` is true, jump and keep it; else pop it.
    JumpIfTrueOrPop = 58, "JUMP_IF_TRUE_OR_POP", Jump, cache: false, |a, j| if j { 0 } else { -1 };
    /// `(iterable -- iter(iterable))`
    GetIter = 59, "GET_ITER", None, cache: false, |a, j| 0;
    /// `(iter -- iter next)`; when the iterator is exhausted, pop it and
    /// jump to `a`: `(iter -- )`.
    ForIter = 60, "FOR_ITER", Jump, cache: true, |a, j| if j { -1 } else { 1 };
    /// `(v -- )`, returns `v` from the frame.
    ReturnValue = 61, "RETURN_VALUE", None, cache: false, |a, j| -1;

    /// `(v1 .. vn -- tuple)`
    BuildTuple = 70, "BUILD_TUPLE", Count, cache: false, |a, j| 1 - a as i32;
    /// `(v1 .. vn -- list)`
    BuildList = 71, "BUILD_LIST", Count, cache: false, |a, j| 1 - a as i32;
    /// `(v1 .. vn -- set)`
    BuildSet = 72, "BUILD_SET", Count, cache: false, |a, j| 1 - a as i32;
    /// `(k1 v1 .. kn vn -- dict)`
    BuildMap = 73, "BUILD_MAP", Count, cache: false, |a, j| 1 - 2 * a as i32;
    /// `(v1 .. vn keys -- dict)` where `keys` is a tuple of n keys.
    BuildConstKeyMap = 74, "BUILD_CONST_KEY_MAP", Count, cache: false, |a, j| -(a as i32);
    /// Concatenate n strings. `(s1 .. sn -- str)`
    BuildString = 75, "BUILD_STRING", Count, cache: false, |a, j| 1 - a as i32;
    /// Pop `v` and append it to the list `a` items down (counted after the
    /// pop: `LIST_APPEND 1` appends to the new top). `(list .. v -- list ..)`
    ListAppend = 76, "LIST_APPEND", Count, cache: false, |a, j| -1;
    /// As `LIST_APPEND`, for a set.
    SetAdd = 77, "SET_ADD", Count, cache: false, |a, j| -1;
    /// Pop `k v` and store into the dict `a` items down (counted after the
    /// pops). `(dict .. k v -- dict ..)`
    MapAdd = 78, "MAP_ADD", Count, cache: false, |a, j| -2;
    /// Pop an iterable and extend the list `a` items down.
    ListExtend = 79, "LIST_EXTEND", Count, cache: false, |a, j| -1;
    /// Pop an iterable and add its items to the set `a` items down.
    SetUpdate = 80, "SET_UPDATE", Count, cache: false, |a, j| -1;
    /// Pop a mapping and update the dict `a` items down (`{**m}`).
    DictUpdate = 81, "DICT_UPDATE", Count, cache: false, |a, j| -1;
    /// As `DICT_UPDATE`, for `f(**m)`: a duplicate key raises `TypeError:
    /// f() got multiple values for keyword argument 'k'` (the callable is
    /// found at stack position `a + 2` after the pop), a non-mapping raises
    /// `TypeError: f() argument after ** must be a mapping, not T`.
    DictMerge = 82, "DICT_MERGE", Count, cache: false, |a, j| -1;
    /// `(list -- tuple)`
    ListToTuple = 83, "LIST_TO_TUPLE", None, cache: false, |a, j| 0;
    /// `(seq -- vn .. v1)`: the first item ends on top. Wrong length:
    /// `ValueError: too many values to unpack (expected n)` / `not enough
    /// values to unpack (expected n, got m)`.
    UnpackSequence = 84, "UNPACK_SEQUENCE", Count, cache: true, |a, j| a as i32 - 1;
    /// Starred unpacking; `a` is `before | after << 8`. Pushes `after`
    /// items, a list of the middle, then `before` items, so that the first
    /// item ends on top.
    UnpackEx = 85, "UNPACK_EX", Flags, cache: false, |a, j| (a & 0xff) as i32 + (a >> 8) as i32;
    /// f-string conversion and formatting. `a & 3`: 0 none, 1 `!s`, 2 `!r`,
    /// 3 `!a`; `a & 4`: a format spec (a str) is on the stack above `v`.
    /// `(v [spec] -- str)`
    FormatValue = 86, "FORMAT_VALUE", Flags, cache: false, |a, j| if a & 4 != 0 { -1 } else { 0 };

    /// Create a function from the code object on top. `a` says which of
    /// the optional items lie below it, in this order from the bottom:
    /// 0x01 a tuple of positional defaults, 0x02 a dict of keyword-only
    /// defaults, 0x04 an annotations dict, 0x08 a tuple of closure cells.
    /// `([defaults] [kwdefaults] [annotations] [closure] code -- function)`
    MakeFunction = 90, "MAKE_FUNCTION", Flags, cache: false, |a, j| -((a & 0xf).count_ones() as i32);
    /// Call with `a` positional arguments (see the call convention).
    /// `(A B arg1 .. argN -- result)`
    Call = 91, "CALL", Count, cache: true, |a, j| -(a as i32) - 1;
    /// Call with `a` arguments of which the last `len(kwnames)` are passed
    /// by keyword; `kwnames` is a constant tuple of str.
    /// `(A B arg1 .. argN kwnames -- result)`
    CallKw = 92, "CALL_KW", Count, cache: true, |a, j| -(a as i32) - 2;
    /// `f(*args, **kwargs)`. `args` is a tuple; `kwargs` (a dict) is
    /// present when `a & 1`. `(NULL callable args [kwargs] -- result)`
    CallFunctionEx = 93, "CALL_FUNCTION_EX", Flags, cache: false, |a, j| -2 - (a & 1) as i32;
    /// `( -- builtins.__build_class__)`
    LoadBuildClass = 94, "LOAD_BUILD_CLASS", None, cache: false, |a, j| 1;
    /// `( -- AssertionError)`
    LoadAssertionError = 95, "LOAD_ASSERTION_ERROR", None, cache: false, |a, j| 1;
    /// Create `__annotations__` in the locals mapping if missing. `( -- )`
    SetupAnnotations = 96, "SETUP_ANNOTATIONS", None, cache: false, |a, j| 0;
    /// `import names[a]`: `(level fromlist -- module)`
    ImportName = 97, "IMPORT_NAME", Name, cache: false, |a, j| -1;
    /// `(module -- module module.name)`; missing: `ImportError: cannot
    /// import name 'x' from 'm' (path)`.
    ImportFrom = 98, "IMPORT_FROM", Name, cache: false, |a, j| 1;
    /// `from m import *` into the locals mapping. `(module -- )`
    ImportStar = 99, "IMPORT_STAR", None, cache: false, |a, j| -1;
    /// Interactive mode: pass `v` to `sys.displayhook`. `(v -- )`
    PrintExpr = 100, "PRINT_EXPR", None, cache: false, |a, j| -1;

    /// `raise` (a=0: re-raise the exception being handled, `RuntimeError:
    /// No active exception to reraise` if none), `raise exc` (a=1),
    /// `raise exc from cause` (a=2). `(args.. -- )`
    RaiseVarargs = 110, "RAISE_VARARGS", Count, cache: false, |a, j| -(a as i32);
    /// Re-raise `exc` without adding a traceback entry. When `a` is
    /// non-zero, the item `a` positions below `exc` (before the pop) is the
    /// `lasti` int pushed by the unwinder; the frame's current instruction is
    /// reset to it, so the traceback points where the exception first
    /// happened. `(.. exc -- )`
    Reraise = 111, "RERAISE", Count, cache: false, |a, j| -1;
    /// Save the exception being handled and make `exc` the one being
    /// handled. `(exc -- prev exc)`
    PushExcInfo = 112, "PUSH_EXC_INFO", None, cache: false, |a, j| 1;
    /// Restore the exception being handled. `(prev -- )`
    PopExcept = 113, "POP_EXCEPT", None, cache: false, |a, j| -1;
    /// Whether `exc` matches `type` (a class or tuple of classes; a
    /// non-class raises `TypeError: catching classes that do not inherit
    /// from BaseException is not allowed`). `(exc type -- exc bool)`
    CheckExcMatch = 114, "CHECK_EXC_MATCH", None, cache: false, |a, j| 0;
    /// `with` entry: `(mgr -- bound_exit mgr.__enter__())`. A manager
    /// without `__enter__`/`__exit__` raises `TypeError: 'T' object does
    /// not support the context manager protocol`.
    BeforeWith = 115, "BEFORE_WITH", None, cache: false, |a, j| 1;
    /// `with` exceptional exit: call `exit(type(exc), exc, exc.__traceback__)`.
    /// `(exit lasti prev exc -- exit lasti prev exc result)`
    WithExceptStart = 116, "WITH_EXCEPT_START", None, cache: false, |a, j| 1;
    /// `except*` matching: `exc.split(type)` (`type` checked as for
    /// `CHECK_EXC_MATCH`; an `ExceptionGroup` type raises `TypeError:
    /// catching ExceptionGroup with except* is not allowed. Use except
    /// instead.`). A match, total or partial: `(exc type -- rest match)`
    /// (`rest` is None on a total match) and `match` becomes the exception
    /// being handled (`sys.exc_info()`); no match: `(exc type -- exc None)`.
    /// An `exc` that is not an exception group and matches is wrapped:
    /// `match = ExceptionGroup("", [exc])`, `rest = None`.
    CheckEgMatch = 117, "CHECK_EG_MATCH", None, cache: false, |a, j| 0;
    /// End of the `except*` clauses: `orig` is the exception group that
    /// entered them, `list` the exceptions the clauses raised or re-raised
    /// plus the unmatched rest (None items are ignored). Push the exception
    /// to propagate (re-raised parts keep `orig`'s nesting; new ones are
    /// grouped with it) or None. `(orig list -- exc_or_None)`
    PrepReraiseStar = 118, "PREP_RERAISE_STAR", None, cache: false, |a, j| -1;

    /// Suspend the generator and produce `v`; on resumption the sent value
    /// is pushed. Generator code starts directly with its first statement:
    /// calling a generator function creates the generator object without
    /// running anything, and the first resumption pushes nothing.
    /// `(v -- sent)`
    YieldValue = 120, "YIELD_VALUE", None, cache: false, |a, j| 0;
    /// `yield from` / `await` setup: a generator or coroutine stays as is,
    /// any other iterable is replaced by `iter(v)`. `(v -- iter)`
    GetYieldFromIter = 121, "GET_YIELD_FROM_ITER", None, cache: false, |a, j| 0;
    /// Send `v` into the sub-iterator (`next()` when `v` is None and the
    /// receiver is not a generator). If it yields `y`: `(recv v -- recv y)`
    /// and fall through (to `YIELD_VALUE`). If it finishes (StopIteration
    /// or generator return) with value `r`: `(recv v -- r)` and jump to `a`.
    Send = 122, "SEND", Jump, cache: false, |a, j| if j { -1 } else { 0 };
    /// `await` operand: a coroutine stays as is, else `v.__await__()`
    /// (which must return an iterator). `a` says where for the error
    /// message: 0 `await`, 1 `async with` enter, 2 `async with` exit.
    /// `(v -- iter)`
    GetAwaitable = 123, "GET_AWAITABLE", Flags, cache: false, |a, j| 0;
    /// `(obj -- obj.__aiter__())`
    GetAiter = 124, "GET_AITER", None, cache: false, |a, j| 0;
    /// `(aiter -- aiter awaitable)` where the awaitable is
    /// `aiter.__anext__()` made ready for `SEND` as `GET_AWAITABLE` does.
    GetAnext = 125, "GET_ANEXT", None, cache: false, |a, j| 1;
    /// Ends an `async for`; the handler of its loop body's `GET_ANEXT`
    /// await. If `exc` is a `StopAsyncIteration`, pop both and continue;
    /// else re-raise `exc`. `(aiter exc -- )`
    EndAsyncFor = 126, "END_ASYNC_FOR", None, cache: false, |a, j| -2;
    /// `async with` entry: `(mgr -- bound_aexit mgr.__aenter__())`; the
    /// compiler follows it with `GET_AWAITABLE 1` and an await loop.
    BeforeAsyncWith = 127, "BEFORE_ASYNC_WITH", None, cache: false, |a, j| 1;
    /// In an async generator, wrap the value a `yield` produces (so the
    /// runtime tells it apart from an `await`'s suspension). `(v -- w)`
    AsyncGenWrap = 128, "ASYNC_GEN_WRAP", None, cache: false, |a, j| 0;

    /// `match` support: `(obj -- obj len(obj))`
    GetLen = 130, "GET_LEN", None, cache: false, |a, j| 1;
    /// `(subject -- subject bool)`: whether the subject's type is a
    /// mapping for `match` (a dict, or registered as a Mapping).
    MatchMapping = 131, "MATCH_MAPPING", None, cache: false, |a, j| 1;
    /// `(subject -- subject bool)`: whether the subject is a sequence for
    /// `match` (not str, bytes or bytearray).
    MatchSequence = 132, "MATCH_SEQUENCE", None, cache: false, |a, j| 1;
    /// `keys` is a tuple of keys; push a tuple of the subject's values for
    /// them, or None if any is missing. `(subject keys -- subject keys v)`
    MatchKeys = 133, "MATCH_KEYS", None, cache: false, |a, j| 1;
    /// `a` positional sub-patterns; `names` is a tuple of keyword attribute
    /// names. Push a tuple of the extracted attributes (positional ones via
    /// `__match_args__`, then the named ones) if `subject` is an instance
    /// of `cls` that has them all, else None.
    /// `(subject cls names -- attrs_or_None)`
    MatchClass = 134, "MATCH_CLASS", Count, cache: false, |a, j| -2;
}

impl Op {
    /// Instructions after which control never falls through to the next one.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Op::JumpForward
                | Op::JumpBackward
                | Op::JumpBackwardNoInterrupt
                | Op::ReturnValue
                | Op::RaiseVarargs
                | Op::Reraise
        )
    }

    /// Whether `a` is a jump target.
    #[inline]
    pub fn is_jump(self) -> bool {
        self.arg_kind() == ArgKind::Jump
    }
}

/// The `a` operand of `BINARY_OP` (CPython 3.11's numbering).
#[repr(u8)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    LShift = 3,
    MatMul = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    RShift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLShift = 16,
    InplaceMatMul = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRShift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

impl BinaryOp {
    pub const COUNT: u32 = 26;

    pub fn from_u32(v: u32) -> Option<BinaryOp> {
        use BinaryOp::*;
        const ALL: [BinaryOp; 26] = [
            Add,
            And,
            FloorDivide,
            LShift,
            MatMul,
            Multiply,
            Remainder,
            Or,
            Power,
            RShift,
            Subtract,
            TrueDivide,
            Xor,
            InplaceAdd,
            InplaceAnd,
            InplaceFloorDivide,
            InplaceLShift,
            InplaceMatMul,
            InplaceMultiply,
            InplaceRemainder,
            InplaceOr,
            InplacePower,
            InplaceRShift,
            InplaceSubtract,
            InplaceTrueDivide,
            InplaceXor,
        ];
        ALL.get(v as usize).copied()
    }

    /// The in-place form's plain operator (`InplaceAdd` -> `Add`); plain
    /// operators map to themselves.
    pub fn base(self) -> BinaryOp {
        let v = self as u32;
        BinaryOp::from_u32(if v >= 13 { v - 13 } else { v }).unwrap_or(BinaryOp::Add)
    }

    pub fn is_inplace(self) -> bool {
        self as u32 >= 13
    }

    /// The operator as written in source (`+`, `+=` ...).
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            And => "&",
            FloorDivide => "//",
            LShift => "<<",
            MatMul => "@",
            Multiply => "*",
            Remainder => "%",
            Or => "|",
            Power => "**",
            RShift => ">>",
            Subtract => "-",
            TrueDivide => "/",
            Xor => "^",
            InplaceAdd => "+=",
            InplaceAnd => "&=",
            InplaceFloorDivide => "//=",
            InplaceLShift => "<<=",
            InplaceMatMul => "@=",
            InplaceMultiply => "*=",
            InplaceRemainder => "%=",
            InplaceOr => "|=",
            InplacePower => "**=",
            InplaceRShift => ">>=",
            InplaceSubtract => "-=",
            InplaceTrueDivide => "/=",
            InplaceXor => "^=",
        }
    }
}

/// The `a` operand of `COMPARE_OP`.
#[repr(u8)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_u32(v: u32) -> Option<CompareOp> {
        use CompareOp::*;
        [Lt, Le, Eq, Ne, Gt, Ge].get(v as usize).copied()
    }

    pub fn symbol(self) -> &'static str {
        use CompareOp::*;
        match self {
            Lt => "<",
            Le => "<=",
            Eq => "==",
            Ne => "!=",
            Gt => ">",
            Ge => ">=",
        }
    }

    /// The comparison with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        use CompareOp::*;
        match self {
            Lt => Gt,
            Le => Ge,
            Eq => Eq,
            Ne => Ne,
            Gt => Lt,
            Ge => Le,
        }
    }
}

/// One instruction word (see the module doc for the layout).
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct Instr(pub u64);

/// The largest value the `a` operand holds.
pub const MAX_ARG: u32 = (1 << 24) - 1;

impl Instr {
    /// Builds a word. `a` must be at most [`MAX_ARG`].
    #[inline]
    pub const fn new(op: Op, a: u32, b: u32) -> Instr {
        Instr((op as u64) | (((a & MAX_ARG) as u64) << 8) | ((b as u64) << 32))
    }

    #[inline]
    pub const fn opcode_byte(self) -> u8 {
        self.0 as u8
    }

    /// The opcode; `Nop` for a byte that is no opcode (the verifier rejects
    /// such words before anything runs them).
    #[inline]
    pub fn op(self) -> Op {
        Op::from_u8(self.opcode_byte()).unwrap_or(Op::Nop)
    }

    #[inline]
    pub const fn a(self) -> u32 {
        ((self.0 >> 8) & MAX_ARG as u64) as u32
    }

    #[inline]
    pub const fn b(self) -> u32 {
        (self.0 >> 32) as u32
    }

    /// The same word with another `a`.
    #[inline]
    pub fn with_a(self, a: u32) -> Instr {
        Instr((self.0 & !((MAX_ARG as u64) << 8)) | (((a & MAX_ARG) as u64) << 8))
    }

    /// The same word with another `b`.
    #[inline]
    pub fn with_b(self, b: u32) -> Instr {
        Instr((self.0 & 0xffff_ffff) | ((b as u64) << 32))
    }
}

impl std::fmt::Debug for Instr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} (b={})", self.op().name(), self.a(), self.b())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_bytes_round_trip() {
        for &op in Op::ALL {
            assert_eq!(Op::from_u8(op as u8), Some(op));
        }
    }

    #[test]
    fn instr_fields() {
        let i = Instr::new(Op::LoadGlobal, 0x12_3456, 0xdead_beef);
        assert_eq!(i.op(), Op::LoadGlobal);
        assert_eq!(i.a(), 0x12_3456);
        assert_eq!(i.b(), 0xdead_beef);
        assert_eq!(i.with_a(7).a(), 7);
        assert_eq!(i.with_a(7).b(), 0xdead_beef);
        assert_eq!(i.with_b(9).a(), 0x12_3456);
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = Op::ALL.iter().map(|o| o.name()).collect();
        names.sort();
        let n = names.len();
        names.dedup();
        assert_eq!(n, names.len());
    }
}
