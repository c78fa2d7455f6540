//! Argument parsing for native functions that take keywords.

use crate::error::PyResult;
use crate::object::Gc;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::thread::ThreadState;
use crate::value::Value;

const MAX: usize = 12;

/// Parsed arguments, by parameter position (NULL when not given).
pub struct Parsed {
    vals: [Value; MAX],
}

impl Parsed {
    /// Parameter `i`, if given.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.vals.get(i).and_then(|v| v.non_null())
    }

    /// A required parameter (checked by `parse`).
    #[inline]
    pub fn req(&self, i: usize) -> Value {
        self.vals[i]
    }
}

/// Binds `args` (positional, then keyword values named by `kwnames`) to
/// `params`. An empty name is a positional-only parameter; `"*"` marks the
/// start of keyword-only ones (it takes no slot). The first `required`
/// parameters must be given; at most `max_pos` may be positional.
pub fn parse(
    ts: &mut ThreadState,
    fname: &str,
    args: &[Value],
    kwnames: Option<Gc<TupleObj>>,
    params: &[&str],
    required: usize,
    max_pos: usize,
) -> PyResult<Parsed> {
    let names: Vec<&str> = params.iter().copied().filter(|p| *p != "*").collect();
    let mut out = Parsed {
        vals: [Value::NULL; MAX],
    };
    let nkw = kwnames.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if npos > max_pos {
        return Err(ts.type_error(if max_pos == 0 {
            format!("{fname}() takes no positional arguments")
        } else if required == max_pos {
            format!(
                "{fname}() takes exactly {max_pos} argument{} ({npos} given)",
                if max_pos == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname}() takes at most {max_pos} argument{} ({npos} given)",
                if max_pos == 1 { "" } else { "s" }
            )
        }));
    }
    for (i, &v) in args[..npos].iter().enumerate() {
        if i < MAX {
            out.vals[i] = v;
        }
    }
    if let Some(kn) = kwnames {
        for (j, &k) in kn.items().iter().enumerate() {
            let key: &str = match k.downcast::<StrObj>() {
                Some(s) => s.obj().as_str(),
                None => "",
            };
            match names.iter().position(|n| !n.is_empty() && *n == key) {
                Some(i) if i < MAX => {
                    if !out.vals[i].is_null() {
                        return Err(ts.type_error(format!(
                            "argument for {fname}() given by name ('{key}') and position ({})",
                            i + 1
                        )));
                    }
                    out.vals[i] = args[npos + j];
                }
                _ => {
                    return Err(ts.type_error(format!(
                        "'{key}' is an invalid keyword argument for {fname}()"
                    )));
                }
            }
        }
    }
    for i in 0..required.min(names.len()) {
        if out.vals[i].is_null() {
            return Err(ts.type_error(if names[i].is_empty() {
                format!(
                    "{fname}() takes at least {required} argument{} ({npos} given)",
                    if required == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )
            }));
        }
    }
    Ok(out)
}

/// Rejects keyword arguments.
pub fn no_kwargs(ts: &mut ThreadState, fname: &str, kwnames: Option<Gc<TupleObj>>) -> PyResult<()> {
    if kwnames.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error(format!("{fname}() takes no keyword arguments")));
    }
    Ok(())
}

/// Checks a positional argument count.
pub fn check_count(
    ts: &mut ThreadState,
    fname: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            format!(
                "{fname}() takes exactly {} argument{} ({n} given)",
                min,
                if min == 1 { "" } else { "s" }
            )
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(ts.type_error(msg));
    }
    Ok(())
}
