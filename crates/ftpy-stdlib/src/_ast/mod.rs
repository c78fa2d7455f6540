//! `_ast`: the node classes of the `ast` module and the bridge between them
//! and the compiler's syntax tree.
//!
//! # Node classes
//! Every class of CPython 3.11's `_ast` comes from one table, [`NODES`]:
//! (name, base, typed fields as the ASDL grammar writes them, attributes).
//! `AST` is a heap class with a native `__init__` and `__reduce__`; every
//! other class is made from its row with `type(name, (base,), ns)`, so
//! instances have a `__dict__` and user subclasses behave as CPython's.
//! Optional fields (`expr? returns`) and the optional position attributes
//! (`end_lineno`, `end_col_offset`) are `None` on the class, as in CPython.
//!
//! # Parsing (`ast.parse`, `compile(..., PyCF_ONLY_AST)`)
//! [`to_py`] walks the parser's tree (ruff's) and builds node objects, with
//! CPython's positions: 1-based lines, 0-based columns in UTF-8 bytes.
//!
//! # Compiling an AST object (`compile(tree, filename, mode)`)
//! [`from_py`] converts the node objects back to the parser's tree and
//! hands it to the compiler; see that module for how positions survive.
//!
//! The VM reaches both directions through `builtins::set_ast_hooks`.

mod from_py;
mod to_py;

use std::collections::HashMap;
use std::sync::OnceLock;

use ftpy_compiler::Mode;
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::builtins::AstHooks;
use ftpy_vm::interp::types;
use ftpy_vm::objects::code::CodeObj;
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_of, TypeObj};
use ftpy_vm::objects::{add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// The node classes: (name, base, fields as `type name` with ASDL's `?`
/// and `*` marks, attributes). Classes come before their subclasses.
const NODES: &[(&str, &str, &str, &str)] = &[
    ("mod", "AST", "", ""),
    ("Module", "mod", "stmt* body, type_ignore* type_ignores", ""),
    ("Interactive", "mod", "stmt* body", ""),
    ("Expression", "mod", "expr body", ""),
    ("FunctionType", "mod", "expr* argtypes, expr returns", ""),
    ("stmt", "AST", "", POS),
    ("FunctionDef", "stmt", "identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment", ""),
    ("AsyncFunctionDef", "stmt", "identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment", ""),
    ("ClassDef", "stmt", "identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list", ""),
    ("Return", "stmt", "expr? value", ""),
    ("Delete", "stmt", "expr* targets", ""),
    ("Assign", "stmt", "expr* targets, expr value, string? type_comment", ""),
    ("AugAssign", "stmt", "expr target, operator op, expr value", ""),
    ("AnnAssign", "stmt", "expr target, expr annotation, expr? value, int simple", ""),
    ("For", "stmt", "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment", ""),
    ("AsyncFor", "stmt", "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment", ""),
    ("While", "stmt", "expr test, stmt* body, stmt* orelse", ""),
    ("If", "stmt", "expr test, stmt* body, stmt* orelse", ""),
    ("With", "stmt", "withitem* items, stmt* body, string? type_comment", ""),
    ("AsyncWith", "stmt", "withitem* items, stmt* body, string? type_comment", ""),
    ("Match", "stmt", "expr subject, match_case* cases", ""),
    ("Raise", "stmt", "expr? exc, expr? cause", ""),
    ("Try", "stmt", "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody", ""),
    ("TryStar", "stmt", "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody", ""),
    ("Assert", "stmt", "expr test, expr? msg", ""),
    ("Import", "stmt", "alias* names", ""),
    ("ImportFrom", "stmt", "identifier? module, alias* names, int? level", ""),
    ("Global", "stmt", "identifier* names", ""),
    ("Nonlocal", "stmt", "identifier* names", ""),
    ("Expr", "stmt", "expr value", ""),
    ("Pass", "stmt", "", ""),
    ("Break", "stmt", "", ""),
    ("Continue", "stmt", "", ""),
    ("expr", "AST", "", POS),
    ("BoolOp", "expr", "boolop op, expr* values", ""),
    ("NamedExpr", "expr", "expr target, expr value", ""),
    ("BinOp", "expr", "expr left, operator op, expr right", ""),
    ("UnaryOp", "expr", "unaryop op, expr operand", ""),
    ("Lambda", "expr", "arguments args, expr body", ""),
    ("IfExp", "expr", "expr test, expr body, expr orelse", ""),
    ("Dict", "expr", "expr* keys, expr* values", ""),
    ("Set", "expr", "expr* elts", ""),
    ("ListComp", "expr", "expr elt, comprehension* generators", ""),
    ("SetComp", "expr", "expr elt, comprehension* generators", ""),
    ("DictComp", "expr", "expr key, expr value, comprehension* generators", ""),
    ("GeneratorExp", "expr", "expr elt, comprehension* generators", ""),
    ("Await", "expr", "expr value", ""),
    ("Yield", "expr", "expr? value", ""),
    ("YieldFrom", "expr", "expr value", ""),
    ("Compare", "expr", "expr left, cmpop* ops, expr* comparators", ""),
    ("Call", "expr", "expr func, expr* args, keyword* keywords", ""),
    ("FormattedValue", "expr", "expr value, int conversion, expr? format_spec", ""),
    ("JoinedStr", "expr", "expr* values", ""),
    ("Constant", "expr", "constant value, string? kind", ""),
    ("Attribute", "expr", "expr value, identifier attr, expr_context ctx", ""),
    ("Subscript", "expr", "expr value, expr slice, expr_context ctx", ""),
    ("Starred", "expr", "expr value, expr_context ctx", ""),
    ("Name", "expr", "identifier id, expr_context ctx", ""),
    ("List", "expr", "expr* elts, expr_context ctx", ""),
    ("Tuple", "expr", "expr* elts, expr_context ctx", ""),
    ("Slice", "expr", "expr? lower, expr? upper, expr? step", ""),
    ("expr_context", "AST", "", ""),
    ("Load", "expr_context", "", ""),
    ("Store", "expr_context", "", ""),
    ("Del", "expr_context", "", ""),
    ("boolop", "AST", "", ""),
    ("And", "boolop", "", ""),
    ("Or", "boolop", "", ""),
    ("operator", "AST", "", ""),
    ("Add", "operator", "", ""),
    ("Sub", "operator", "", ""),
    ("Mult", "operator", "", ""),
    ("MatMult", "operator", "", ""),
    ("Div", "operator", "", ""),
    ("Mod", "operator", "", ""),
    ("Pow", "operator", "", ""),
    ("LShift", "operator", "", ""),
    ("RShift", "operator", "", ""),
    ("BitOr", "operator", "", ""),
    ("BitXor", "operator", "", ""),
    ("BitAnd", "operator", "", ""),
    ("FloorDiv", "operator", "", ""),
    ("unaryop", "AST", "", ""),
    ("Invert", "unaryop", "", ""),
    ("Not", "unaryop", "", ""),
    ("UAdd", "unaryop", "", ""),
    ("USub", "unaryop", "", ""),
    ("cmpop", "AST", "", ""),
    ("Eq", "cmpop", "", ""),
    ("NotEq", "cmpop", "", ""),
    ("Lt", "cmpop", "", ""),
    ("LtE", "cmpop", "", ""),
    ("Gt", "cmpop", "", ""),
    ("GtE", "cmpop", "", ""),
    ("Is", "cmpop", "", ""),
    ("IsNot", "cmpop", "", ""),
    ("In", "cmpop", "", ""),
    ("NotIn", "cmpop", "", ""),
    ("comprehension", "AST", "expr target, expr iter, expr* ifs, int is_async", ""),
    ("excepthandler", "AST", "", POS),
    ("ExceptHandler", "excepthandler", "expr? type, identifier? name, stmt* body", ""),
    ("arguments", "AST", "arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults", ""),
    ("arg", "AST", "identifier arg, expr? annotation, string? type_comment", POS),
    ("keyword", "AST", "identifier? arg, expr value", POS),
    ("alias", "AST", "identifier name, identifier? asname", POS),
    ("withitem", "AST", "expr context_expr, expr? optional_vars", ""),
    ("match_case", "AST", "pattern pattern, expr? guard, stmt* body", ""),
    ("pattern", "AST", "", POS),
    ("MatchValue", "pattern", "expr value", ""),
    ("MatchSingleton", "pattern", "constant value", ""),
    ("MatchSequence", "pattern", "pattern* patterns", ""),
    ("MatchMapping", "pattern", "expr* keys, pattern* patterns, identifier? rest", ""),
    ("MatchClass", "pattern", "expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns", ""),
    ("MatchStar", "pattern", "identifier? name", ""),
    ("MatchAs", "pattern", "pattern? pattern, identifier? name", ""),
    ("MatchOr", "pattern", "pattern* patterns", ""),
    ("type_ignore", "AST", "", ""),
    ("TypeIgnore", "type_ignore", "int lineno, string tag", ""),
];

/// The position attributes (`int lineno, int col_offset, int? end_lineno,
/// int? end_col_offset`).
const POS: &str = "lineno col_offset end_lineno end_col_offset";

/// The classes whose instances `ast.parse` shares (CPython's singletons).
const SINGLETONS: &[&str] = &[
    "Load", "Store", "Del", "And", "Or", "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
    "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv", "Invert", "Not", "UAdd", "USub",
    "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn",
];

/// The classes, made once (by the first import of `_ast`) and rooted.
struct Classes {
    ast: Gc<TypeObj>,
    by_name: HashMap<&'static str, Gc<TypeObj>>,
    /// Class name by the class's address.
    by_ptr: HashMap<u64, &'static str>,
    /// One instance of each class of [`SINGLETONS`].
    singletons: HashMap<&'static str, Value>,
}

// SAFETY: the types and instances are rooted (`add_global_root`) for the
// interpreter's life and never move; they are only read through this table.
unsafe impl Send for Classes {}
// SAFETY: as above; the table is immutable once built.
unsafe impl Sync for Classes {}

static CLASSES: OnceLock<Classes> = OnceLock::new();

impl Classes {
    /// The name of the first node class in `v`'s MRO (user subclasses of
    /// node classes count as their node class), if `v` is a node.
    fn kind_of(&self, v: Value) -> Option<&'static str> {
        let mro = type_of(v).mro_tuple();
        for &t in mro.items() {
            if let Some(ty) = t.downcast::<TypeObj>() {
                if let Some(&name) = self.by_ptr.get(&(ty.value().bits())) {
                    return Some(name);
                }
            }
        }
        None
    }

    fn get(&self, name: &str) -> Gc<TypeObj> {
        match self.by_name.get(name) {
            Some(&t) => t,
            None => self.ast,
        }
    }
}

fn classes(ts: &mut ThreadState) -> PyResult<&'static Classes> {
    if let Some(c) = CLASSES.get() {
        return Ok(c);
    }
    // Importing `_ast` builds the table.
    let name = StrObj::new(ts, "_ast");
    ftpy_vm::import::import_module_level(ts, name, Value::NONE, Value::NONE, Value::NONE, 0)?;
    CLASSES
        .get()
        .ok_or_else(|| ts.system_error("_ast node classes are missing"))
}

/// A new node of class `name` with the given fields and, for classes with
/// positions, `pos` (lineno, col_offset, end_lineno, end_col_offset).
fn new_node(
    ts: &mut ThreadState,
    cls: &Classes,
    name: &str,
    fields: &[(&str, Value)],
    pos: Option<[u32; 4]>,
) -> PyResult<Value> {
    let ty = cls.get(name);
    let obj = ftpy_vm::objects::instance::InstanceObj::new(ts, ty).value();
    for &(f, v) in fields {
        ops::setattr_str(ts, obj, f, v)?;
    }
    if let Some(p) = pos {
        for (n, v) in ["lineno", "col_offset", "end_lineno", "end_col_offset"]
            .iter()
            .zip(p)
        {
            ops::setattr_str(ts, obj, n, Value::small_int_unchecked(v as i64))?;
        }
    }
    Ok(obj)
}

/// A field's name without its type (`expr* body` -> `body`).
fn field_name(f: &str) -> &str {
    f.rsplit(' ').next().unwrap_or(f)
}

fn fields_of(spec: &str) -> impl Iterator<Item = &str> {
    spec.split(", ").filter(|f| !f.is_empty())
}

/// The `__doc__` of a class: its signature, or for an abstract class the
/// alternatives of its subclasses as CPython writes them.
fn doc_of(name: &str, fields: &str) -> String {
    let subs: Vec<&(&str, &str, &str, &str)> = NODES.iter().filter(|n| n.1 == name).collect();
    if subs.is_empty() {
        return if fields.is_empty() {
            name.to_string()
        } else {
            format!("{name}({fields})")
        };
    }
    let sep = format!("\n{}| ", " ".repeat(name.len() + 1));
    let alts: Vec<String> = subs
        .iter()
        .map(|(n, _, f, _)| {
            if f.is_empty() {
                n.to_string()
            } else {
                format!("{n}({f})")
            }
        })
        .collect();
    let all_simple = subs.iter().all(|s| s.2.is_empty());
    if all_simple {
        format!("{name} = {}", alts.join(" | "))
    } else {
        format!("{name} = {}", alts.join(&sep))
    }
}

fn str_tuple<'a>(ts: &mut ThreadState, items: impl Iterator<Item = &'a str>) -> PyResult<Value> {
    let list = ListObj::new(ts, &[]);
    for s in items {
        let v = StrObj::new(ts, s);
        list.append(ts, v);
    }
    ops::call1(ts, types().tuple.value(), list.value())
}

fn make_class(
    ts: &mut ThreadState,
    name: &str,
    base: Gc<TypeObj>,
    ns: Gc<DictObj>,
) -> PyResult<Gc<TypeObj>> {
    let n = StrObj::new(ts, name);
    let bases = TupleObj::new(ts, &[base.value()]);
    let ty = ops::call(
        ts,
        types().type_.value(),
        &[n, bases.value(), ns.value()],
        None,
    )?;
    ty.downcast::<TypeObj>()
        .ok_or_else(|| ts.system_error("_ast class creation failed"))
}

/// `AST.__init__(self, *args, **kwargs)`: positional arguments fill
/// `_fields` in order, keywords set attributes.
fn ast_init(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let this = args[0];
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - 1 - nkw;
    let fields = ops::getattr_str_opt(ts, type_of(this).value(), "_fields")?;
    let fields = match fields {
        Some(f) => Some(ops::call1(ts, types().tuple.value(), f)?),
        None => None,
    };
    let fields_tuple = fields.and_then(|f| f.downcast::<TupleObj>());
    let names: &[Value] = match &fields_tuple {
        Some(t) => t.items(),
        None => &[],
    };
    let tname = ftpy_vm::objects::typeobj::type_name(this).to_string();
    if npos > names.len() {
        let n = names.len();
        return Err(ts.type_error(format!(
            "{tname} constructor takes at most {n} positional argument{}",
            if n == 1 { "" } else { "s" }
        )));
    }
    for (i, &a) in args[1..1 + npos].iter().enumerate() {
        let Some(name) = names[i].downcast::<StrObj>() else {
            return Err(ts.type_error("_fields must contain strings"));
        };
        ops::setattr(ts, this, name, Some(a))?;
    }
    if let Some(k) = kw {
        for (j, &key) in k.items().iter().enumerate() {
            let Some(name) = key.downcast::<StrObj>() else {
                continue;
            };
            if names[..npos].iter().any(|f| {
                f.downcast::<StrObj>()
                    .is_some_and(|f| f.as_str() == name.as_str())
            }) {
                return Err(ts.type_error(format!(
                    "{tname} got multiple values for argument '{}'",
                    name.as_str()
                )));
            }
            ops::setattr(ts, this, name, Some(args[1 + npos + j]))?;
        }
    }
    Ok(Value::NONE)
}

/// `AST.__reduce__(self)`: `(type(self), (), self.__dict__)`.
fn ast_reduce(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("__reduce__($self, /)");
    let [this] = SIG.bind(ts, args, kw)?;
    let empty = TupleObj::new(ts, &[]);
    let dict = ops::getattr_str_opt(ts, this, "__dict__")?;
    let t = match dict {
        Some(d) => TupleObj::new(ts, &[type_of(this).value(), empty.value(), d]),
        None => TupleObj::new(ts, &[type_of(this).value(), empty.value()]),
    };
    Ok(t.value())
}

fn build_classes(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let module_name = StrObj::new(ts, "ast");
    let empty = TupleObj::new(ts, &[]).value();
    let ns = DictObj::new(ts);
    ns.set_item_str(ts, "__module__", module_name);
    ns.set_item_str(ts, "_fields", empty);
    ns.set_item_str(ts, "_attributes", empty);
    ns.set_item_str(ts, "__match_args__", empty);
    let ast = make_class(ts, "AST", types().object, ns)?;
    add_methods(
        ts,
        ast,
        &[
            method("__init__", ast_init),
            method("__reduce__", ast_reduce),
        ],
    );
    ftpy_vm::objects::slots::update_slots(ast);
    ast.modified();
    ftpy_vm::interp::add_global_root(ast.value());
    m.set_attr(ts, "AST", ast.value());
    let mut by_name = HashMap::new();
    let mut by_ptr = HashMap::new();
    for &(name, base, fields, attrs) in NODES {
        let base_ty = if base == "AST" {
            ast
        } else {
            match by_name.get(base) {
                Some(&b) => b,
                None => return Err(ts.system_error("_ast: base class missing")),
            }
        };
        let ns = DictObj::new(ts);
        ns.set_item_str(ts, "__module__", module_name);
        let f = str_tuple(ts, fields_of(fields).map(field_name))?;
        ns.set_item_str(ts, "_fields", f);
        ns.set_item_str(ts, "__match_args__", f);
        let doc = StrObj::new(ts, &doc_of(name, fields));
        ns.set_item_str(ts, "__doc__", doc);
        for fld in fields_of(fields) {
            if fld.split(' ').next().is_some_and(|t| t.ends_with('?')) {
                ns.set_item_str(ts, field_name(fld), Value::NONE);
            }
        }
        if base == "AST" && attrs.is_empty() {
            ns.set_item_str(ts, "_attributes", empty);
        }
        if !attrs.is_empty() {
            let a = str_tuple(ts, attrs.split(' '))?;
            ns.set_item_str(ts, "_attributes", a);
            ns.set_item_str(ts, "end_lineno", Value::NONE);
            ns.set_item_str(ts, "end_col_offset", Value::NONE);
        }
        let ty = make_class(ts, name, base_ty, ns)?;
        ftpy_vm::interp::add_global_root(ty.value());
        m.set_attr(ts, name, ty.value());
        by_name.insert(name, ty);
        by_ptr.insert(ty.value().bits(), name);
    }
    let mut singletons = HashMap::new();
    for &name in SINGLETONS {
        if let Some(&ty) = by_name.get(name) {
            let v = ftpy_vm::objects::instance::InstanceObj::new(ts, ty).value();
            ftpy_vm::interp::add_global_root(v);
            singletons.insert(name, v);
        }
    }
    let _ = CLASSES.set(Classes {
        ast,
        by_name,
        by_ptr,
        singletons,
    });
    Ok(())
}

/// The hook behind `compile(..., PyCF_ONLY_AST)`.
fn parse_hook(ts: &mut ThreadState, text: &str, filename: &str, mode: Mode) -> PyResult<Value> {
    let cls = classes(ts)?;
    to_py::parse(ts, cls, text, filename, mode)
}

fn is_ast(v: Value) -> bool {
    match CLASSES.get() {
        Some(c) => type_of(v).is_subtype(c.ast),
        None => false,
    }
}

/// The hook behind `compile(tree, filename, mode)`.
fn compile_hook(
    ts: &mut ThreadState,
    tree: Value,
    filename: &str,
    mode: Mode,
    optimize: u8,
    future: u32,
) -> PyResult<Gc<CodeObj>> {
    let cls = classes(ts)?;
    from_py::compile(ts, cls, tree, filename, mode, optimize, future)
}

/// Lends `compile()` the parse and compile hooks (at start-up: the node
/// classes themselves are made by the first import of `_ast`).
pub fn install_hooks() {
    ftpy_vm::builtins::set_ast_hooks(AstHooks {
        parse: parse_hook,
        is_ast,
        compile: compile_hook,
    });
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    match CLASSES.get() {
        // A second module object (after `del sys.modules['_ast']`) shares
        // the classes.
        Some(c) => {
            m.set_attr(ts, "AST", c.ast.value());
            for &(name, ..) in NODES {
                m.set_attr(ts, name, c.get(name).value());
            }
        }
        None => build_classes(ts, m)?,
    }
    use ftpy_vm::builtins::compile_flags as cf;
    for (name, v) in [
        ("PyCF_ONLY_AST", cf::ONLY_AST),
        ("PyCF_TYPE_COMMENTS", cf::TYPE_COMMENTS),
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", cf::ALLOW_TOP_LEVEL_AWAIT),
    ] {
        m.set_attr(ts, name, Value::small_int_unchecked(v));
    }
    Ok(())
}
