//! Calls of Python functions: frame setup and argument binding.
//!
//! A new frame is linked as the thread's top frame (with NULL slots)
//! before anything is bound into it, so every value stored during binding
//! (a `*args` tuple, a `**kwargs` dict, closure cells) is already visible
//! to the collector.

use ftpy_compiler::code::flags as coflags;

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::interp::interp;
use crate::object::Gc;
use crate::objects::cell::CellObj;
use crate::objects::code::CodeObj;
use crate::objects::dict::DictObj;
use crate::objects::function::FunctionObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::thread::ThreadState;
use crate::value::Value;

use super::frame::{fflags, Frame};

/// Allocates and links a frame for `code` on the thread's frame stack.
/// Slots are NULL; the caller binds arguments.
#[inline(always)]
pub(crate) fn push_frame_raw(
    ts: &mut ThreadState,
    code: Gc<CodeObj>,
    func: Value,
    globals: Gc<DictObj>,
    builtins: Gc<DictObj>,
    locals: Value,
    flags: u32,
) -> PyResult<*mut Frame> {
    if ts.depth >= crate::interp::recursion_limit() {
        return Err(ts.recursion_exceeded(""));
    }
    let Some(p) = ts.frames.push(Frame::size_for(&code)) else {
        return Err(ts.memory_error("frame too large"));
    };
    // SAFETY: `p` has room for the frame and its slots (FrameStack::push).
    unsafe {
        Frame::init_at(p, code, func, globals, builtins, locals, flags);
        (*p).prev = ts.top_frame();
    }
    ts.set_top_frame(p);
    ts.depth += 1;
    Ok(p)
}

/// Unlinks and frees the thread's top frame (which must be `f`, a
/// frame-stack frame).
pub(crate) fn pop_frame(ts: &mut ThreadState, f: *mut Frame) {
    // SAFETY: `f` is the live top frame.
    let prev = unsafe { (*f).prev };
    ts.set_top_frame(prev);
    ts.depth -= 1;
    ts.frames.pop(f);
}

/// Pushes a frame for a call of `func` and binds the arguments. On a
/// binding error the frame is popped again.
#[inline]
pub(crate) fn push_call_frame(
    ts: &mut ThreadState,
    func: Gc<FunctionObj>,
    args: &[Value],
    kwnames: Option<Gc<TupleObj>>,
    flags: u32,
) -> PyResult<*mut Frame> {
    let code = func.code();
    let f = push_frame_raw(
        ts,
        code,
        func.value(),
        func.globals(),
        func.builtins(),
        Value::NULL,
        flags,
    )?;
    // The common case: exactly the positional parameters of a function
    // without cells, *args, **kwargs or keyword-only parameters.
    if kwnames.is_none() && code.simple_args && args.len() == code.argcount as usize {
        // SAFETY: `f` was just pushed with room for argcount slots.
        let dst = unsafe { (*f).slots_ptr() };
        for (i, &a) in args.iter().enumerate() {
            // SAFETY: as above; i < argcount.
            unsafe { dst.add(i).write(a) };
        }
        return Ok(f);
    }
    // SAFETY: `f` was just pushed and is live.
    let frame = unsafe { &*f };
    if let Err(e) = bind_args(ts, func, frame, args, kwnames) {
        pop_frame(ts, f);
        return Err(e);
    }
    Ok(f)
}

/// Calls a Python function from native code.
pub fn call_function(
    ts: &mut ThreadState,
    func: Gc<FunctionObj>,
    args: &[Value],
    kwnames: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let code = func.code();
    if code.flags & (coflags::GENERATOR | coflags::COROUTINE | coflags::ASYNC_GENERATOR) != 0 {
        return crate::objects::generator::GenObj::create(ts, func, args, kwnames)
            .map(|g| g.value());
    }
    if ts.native_stack_exhausted() {
        return Err(ts.recursion_exceeded(" while calling a Python object"));
    }
    ts.poll_collection();
    let f = push_call_frame(ts, func, args, kwnames, fflags::ENTRY)?;
    super::run_frame(ts, f)
}

/// Runs a code object with the given globals and locals mapping (module
/// bodies, class bodies, `exec`).
pub fn run_code(
    ts: &mut ThreadState,
    code: Gc<CodeObj>,
    globals: Gc<DictObj>,
    locals: Value,
    closure: Value,
) -> PyResult<Value> {
    let builtins = builtins_for(ts, globals);
    let flags = fflags::ENTRY
        | if locals.is_null() {
            0
        } else {
            fflags::HAS_LOCALS
        };
    let f = push_frame_raw(ts, code, Value::NULL, globals, builtins, locals, flags)?;
    // SAFETY: `f` was just pushed and is live.
    let frame = unsafe { &*f };
    if let Err(e) = init_cells(ts, &code, frame, closure) {
        pop_frame(ts, f);
        return Err(e);
    }
    super::run_frame(ts, f)
}

/// The builtins dict for code running in `globals`.
pub fn builtins_for(ts: &mut ThreadState, globals: Gc<DictObj>) -> Gc<DictObj> {
    let _ = ts;
    match globals.get_str(crate::interp::names().__builtins__) {
        Some(b) => {
            if let Some(d) = b.downcast::<DictObj>() {
                return d;
            }
            if let Some(m) = b.downcast::<crate::objects::module::ModuleObj>() {
                return m.dict();
            }
            interp().builtins_dict
        }
        None => interp().builtins_dict,
    }
}

/// Creates the cells of `code` in `frame` and copies the closure's cells.
pub(crate) fn init_cells(
    ts: &mut ThreadState,
    code: &CodeObj,
    frame: &Frame,
    closure: Value,
) -> PyResult<()> {
    let nl = code.nlocals as usize;
    let nc = code.ncells as usize;
    let nf = code.nfree as usize;
    if nc == 0 && nf == 0 {
        return Ok(());
    }
    for i in 0..nc {
        let initial = match code.cell2arg.iter().find(|(c, _)| *c as usize == i) {
            Some(&(_, a)) => {
                let v = frame.slots()[a as usize];
                frame.slots()[a as usize] = Value::NULL;
                v
            }
            None => Value::NULL,
        };
        let cell = CellObj::new(ts, initial);
        frame.slots()[nl + i] = cell.value();
    }
    if nf > 0 {
        let Some(cl) = closure.downcast::<TupleObj>() else {
            return Err(ts.system_error("code needs a closure but none was given"));
        };
        if cl.len() != nf {
            return Err(ts.value_error(format!(
                "code requires a closure of length {nf}, not {}",
                cl.len()
            )));
        }
        for (i, &c) in cl.items().iter().enumerate() {
            frame.slots()[nl + nc + i] = c;
        }
    }
    Ok(())
}

/// Binds call arguments into a fresh frame of `func` (CPython's
/// `initialize_locals`, with its error messages).
pub(crate) fn bind_args(
    ts: &mut ThreadState,
    func: Gc<FunctionObj>,
    frame: &Frame,
    args: &[Value],
    kwnames: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let code = func.code();
    let slots = frame.slots();
    let argcount = code.argcount as usize;
    let nkw = kwnames.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let flags = code.flags;
    // Fast path: exactly the positional parameters, nothing else.
    if nkw == 0
        && npos == argcount
        && flags & (coflags::VARARGS | coflags::VARKEYWORDS) == 0
        && code.kwonlyargcount == 0
    {
        slots[..npos].copy_from_slice(args);
        return init_cells(ts, &code, frame, func.closure.get());
    }
    let kwonly = code.kwonlyargcount as usize;
    let total = argcount + kwonly;
    let has_varargs = flags & coflags::VARARGS != 0;
    let has_varkw = flags & coflags::VARKEYWORDS != 0;
    let kwdict = if has_varkw {
        let d = DictObj::new(ts);
        slots[total + has_varargs as usize] = d.value();
        Some(d)
    } else {
        None
    };
    let ncopy = npos.min(argcount);
    slots[..ncopy].copy_from_slice(&args[..ncopy]);
    if has_varargs {
        let extra = if npos > argcount {
            &args[argcount..npos]
        } else {
            &[][..]
        };
        let t = TupleObj::new(ts, extra);
        slots[total] = t.value();
    }
    // Keyword arguments.
    if let Some(kn) = kwnames {
        for (i, &name) in kn.items().iter().enumerate() {
            let value = args[npos + i];
            let Some(ns) = name.downcast::<StrObj>() else {
                return Err(ts.type_error(format!(
                    "{}() keywords must be strings",
                    func.qualname_str()
                )));
            };
            let posonly = code.posonlyargcount as usize;
            let mut found = None;
            for j in posonly..total {
                let vn = code.varname(j as u32);
                if vn == ns || vn.eq_str(&ns) {
                    found = Some(j);
                    break;
                }
            }
            match found {
                Some(j) => {
                    if !slots[j].is_null() {
                        return Err(ts.type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            func.qualname_str(),
                            ns.as_str()
                        )));
                    }
                    slots[j] = value;
                }
                None => {
                    if let Some(d) = kwdict {
                        d.set_item(ts, name, value)?;
                        continue;
                    }
                    // Positional-only parameters passed by keyword? CPython
                    // names all of them.
                    let passed: Vec<&str> = (0..posonly)
                        .map(|j| code.varname(j as u32))
                        .filter(|p| {
                            kn.items()
                                .iter()
                                .any(|&k| k.downcast::<StrObj>().is_some_and(|k| p.eq_str(&k)))
                        })
                        .map(|p| p.obj().as_str())
                        .collect();
                    if !passed.is_empty() {
                        return Err(ts.type_error(format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                            func.qualname_str(),
                            passed.join(", ")
                        )));
                    }
                    return Err(ts.type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        func.qualname_str(),
                        ns.as_str()
                    )));
                }
            }
        }
    }
    if npos > argcount && !has_varargs {
        return Err(too_many_positional(ts, &func, npos, slots));
    }
    // Defaults for missing positional parameters.
    if npos < argcount {
        let defaults = func.defaults.get().downcast::<TupleObj>();
        let ndef = defaults.map(|d| d.len()).unwrap_or(0);
        let first_default = argcount.saturating_sub(ndef);
        let mut missing: Vec<Gc<StrObj>> = Vec::new();
        for i in npos..argcount {
            if slots[i].is_null() {
                if i >= first_default {
                    if let Some(d) = defaults {
                        slots[i] = d.items()[i - first_default];
                        continue;
                    }
                }
                missing.push(code.varname(i as u32));
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(ts, &func, "positional", &missing));
        }
    }
    // Keyword-only defaults.
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.get().downcast::<DictObj>();
        let mut missing: Vec<Gc<StrObj>> = Vec::new();
        for i in argcount..total {
            if slots[i].is_null() {
                let name = code.varname(i as u32);
                if let Some(kd) = kwdefaults {
                    if let Some(v) = kd.get_str(name) {
                        slots[i] = v;
                        continue;
                    }
                }
                missing.push(name);
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(ts, &func, "keyword-only", &missing));
        }
    }
    init_cells(ts, &code, frame, func.closure.get())
}

fn too_many_positional(
    ts: &mut ThreadState,
    func: &FunctionObj,
    given: usize,
    slots: &[Value],
) -> crate::error::PyErr {
    let code = func.code();
    let argcount = code.argcount as usize;
    let ndef = func
        .defaults
        .get()
        .downcast::<TupleObj>()
        .map(|d| d.len())
        .unwrap_or(0);
    let kwonly_given = (argcount..argcount + code.kwonlyargcount as usize)
        .filter(|&i| !slots[i].is_null())
        .count();
    let takes = if ndef > 0 {
        format!(
            "from {} to {} positional arguments",
            argcount - ndef,
            argcount
        )
    } else {
        format!(
            "{} positional argument{}",
            argcount,
            if argcount == 1 { "" } else { "s" }
        )
    };
    let given_s = if kwonly_given > 0 {
        format!(
            "{} positional argument{} (and {} keyword-only argument{}) were given",
            given,
            if given == 1 { "" } else { "s" },
            kwonly_given,
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{} {} given",
            given,
            if given == 1 { "was" } else { "were" }
        )
    };
    ts.type_error(format!(
        "{}() takes {} but {}",
        func.qualname_str(),
        takes,
        given_s
    ))
}

fn missing_error(
    ts: &mut ThreadState,
    func: &FunctionObj,
    kind: &str,
    missing: &[Gc<StrObj>],
) -> crate::error::PyErr {
    let names: Vec<String> = missing
        .iter()
        .map(|n| format!("'{}'", n.as_str()))
        .collect();
    let list = match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        _ => format!(
            "{}, and {}",
            names[..names.len() - 1].join(", "),
            names[names.len() - 1]
        ),
    };
    ts.type_error(format!(
        "{}() missing {} required {} argument{}: {}",
        func.qualname_str(),
        missing.len(),
        kind,
        if missing.len() == 1 { "" } else { "s" },
        list
    ))
}

/// Splits `f(*args, **kwargs)` into a flat argument list plus kwnames.
pub fn flatten_star_call(
    ts: &mut ThreadState,
    callable: Value,
    args: Value,
    kwargs: Value,
) -> PyResult<(RootedVec, Option<Gc<TupleObj>>)> {
    let mut all = RootedVec::new(ts);
    match args.downcast::<TupleObj>() {
        Some(t) => all.extend_from_slice(t.items()),
        None => {
            let items = crate::ops::collect(ts, args).map_err(|e| {
                if e.matches(crate::interp::types().type_error) {
                    let fname = crate::builtins::callable_name(ts, callable);
                    ts.type_error(format!(
                        "{fname} argument after * must be an iterable, not {}",
                        crate::objects::typeobj::type_name(args)
                    ))
                } else {
                    e
                }
            })?;
            all.extend_from_slice(&items);
        }
    }
    if kwargs.is_null() {
        return Ok((all, None));
    }
    let Some(d) = kwargs.downcast::<DictObj>() else {
        return Err(ts.type_error("argument after ** must be a mapping"));
    };
    if d.is_empty() {
        // `f(*args, **kwargs)` forwarding no keywords (decorators).
        return Ok((all, None));
    }
    let items = d.items_rooted(ts);
    let mut names = RootedVec::with_capacity(ts, items.len() / 2);
    for pair in items.chunks(2) {
        if pair[0].downcast::<StrObj>().is_none() {
            return Err(ts.type_error("keywords must be strings"));
        }
        names.push(pair[0]);
        all.push(pair[1]);
    }
    let kn = if names.is_empty() {
        None
    } else {
        Some(TupleObj::new(ts, &names))
    };
    Ok((all, kn))
}
