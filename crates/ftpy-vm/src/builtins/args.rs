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

// ---- declarative signatures ---------------------------------------------

/// A native function's parameters, declared once as text in the form of
/// CPython's `__text_signature__`, qualified with the owner for methods:
///
/// ```text
/// static SPLIT: Sig = Sig::new("str.split($self, /, sep=None, maxsplit=-1)");
/// static DIVMOD: Sig = Sig::new("divmod(x, y, /)");
/// static SORT: Sig = Sig::new("list.sort($self, /, *, key=None, reverse=False)");
/// static PRINT: Sig = Sig::new("print(*args, sep=' ', end='\\n', file=None, flush=False)");
/// ```
///
/// `$self` (or `$type` for class methods) is the receiver, `args[0]`; `/`
/// ends the positional-only parameters, `*` starts the keyword-only ones,
/// `*name` collects extra positionals; `=default` marks an optional
/// parameter (the default is documentation: the function decides what a
/// missing argument means). The text is parsed on first use.
///
/// [`Sig::bind`] checks a call and returns the arguments by parameter
/// position (receiver first), NULL where an optional one was not given.
/// Wrong calls raise `TypeError` with the message CPython gives for a C
/// function of that shape, which depends on how CPython parses it:
/// - no parameters: `str.upper() takes no arguments (1 given)`;
/// - one required positional-only parameter: `str.join() takes exactly
///   one argument (0 given)`;
/// - positional-only parameters: `divmod expected 2 arguments, got 1`;
/// - keyword parameters (Argument Clinic): `split() takes at most 2
///   arguments (3 given)`, `round() missing required argument 'number'
///   (pos 1)`, `'x' is an invalid keyword argument for split()`;
/// - [`Sig::legacy`] (CPython's older `PyArg_ParseTuple`):
///   `count() takes at least 1 argument (0 given)`.
pub struct Sig {
    text: &'static str,
    legacy: bool,
    /// CPython shows no `__text_signature__` for this function (see
    /// [`Sig::without_text_signature`]).
    hidden: bool,
    info: std::sync::OnceLock<SigInfo>,
}

/// The parsed form of a [`Sig`].
#[derive(Debug)]
struct SigInfo {
    /// `split` (for Argument Clinic messages).
    name: &'static str,
    /// `str.split` (for the one-argument and no-argument messages).
    qualname: &'static str,
    has_self: bool,
    /// Parameter names, without the receiver and `*args`.
    params: Vec<&'static str>,
    /// Which parameters are required.
    required: Vec<bool>,
    /// Parameters that cannot be passed by keyword (a prefix of `params`).
    posonly: usize,
    /// Parameters that can be passed by position (a prefix of `params`).
    maxpos: usize,
    /// Required parameters that can be passed by position.
    minpos: usize,
    varargs: bool,
    /// Some keyword-only parameter is required.
    kw_required: bool,
    /// The Python-visible `__text_signature__` (`($self, /, sep=None)`).
    text_signature: &'static str,
}

impl Sig {
    pub const fn new(text: &'static str) -> Sig {
        Sig {
            text,
            legacy: false,
            hidden: false,
            info: std::sync::OnceLock::new(),
        }
    }

    /// For a function whose CPython docstring holds no signature
    /// (`getattr`, `iter`): its `__text_signature__` is None, so
    /// `inspect.signature` fails as in CPython. The build script reads
    /// this mark next to the declaration (see `build.rs`).
    pub const fn without_text_signature(mut self) -> Sig {
        self.hidden = true;
        self
    }

    /// Reports errors as CPython's `PyArg_ParseTuple` does (a few old
    /// methods: `str.count`, `str.startswith` ...).
    pub const fn legacy(mut self) -> Sig {
        self.legacy = true;
        self
    }

    fn info(&self) -> &SigInfo {
        self.info.get_or_init(|| parse_sig(self.text))
    }

    /// The function's name (`split`).
    pub fn name(&self) -> &'static str {
        self.info().name
    }

    /// The text CPython shows as `__text_signature__` (None for a
    /// function declared [`Sig::without_text_signature`] or
    /// [`Sig::legacy`]).
    pub fn text_signature(&self) -> Option<&'static str> {
        if self.hidden || self.legacy {
            return None;
        }
        Some(self.info().text_signature)
    }

    /// Binds a call; `N` is the number of parameters including the
    /// receiver (a mismatch is a bug in the declaration, caught in debug
    /// builds). Extra positionals are an error unless the signature has
    /// `*args`: use [`Sig::bind_star`] for those.
    #[inline]
    pub fn bind<const N: usize>(
        &self,
        ts: &mut ThreadState,
        args: &[Value],
        kwnames: Option<Gc<TupleObj>>,
    ) -> PyResult<[Value; N]> {
        let info = self.info();
        debug_assert!(!info.varargs, "{}: use bind_star", self.text);
        // Fast path, inlined into every native function: positionals
        // only, as many as the signature takes (the receiver, if any, is
        // args[0] and out[0] alike).
        if kwnames.is_none()
            && !info.kw_required
            && args.len() >= info.has_self as usize
            && args.len() <= N
        {
            let npos = args.len() - info.has_self as usize;
            if npos >= info.minpos && npos <= info.maxpos {
                let mut out = [Value::NULL; N];
                out[..args.len()].copy_from_slice(args);
                return Ok(out);
            }
        }
        let (vals, _) = self.bind_impl::<N>(ts, info, args, kwnames)?;
        Ok(vals)
    }

    /// Like [`Sig::bind`], also returning the extra positionals that
    /// `*args` collects.
    #[inline]
    pub fn bind_star<'a, const N: usize>(
        &self,
        ts: &mut ThreadState,
        args: &'a [Value],
        kwnames: Option<Gc<TupleObj>>,
    ) -> PyResult<([Value; N], &'a [Value])> {
        let info = self.info();
        self.bind_impl::<N>(ts, info, args, kwnames)
    }

    fn bind_impl<'a, const N: usize>(
        &self,
        ts: &mut ThreadState,
        info: &SigInfo,
        args: &'a [Value],
        kwnames: Option<Gc<TupleObj>>,
    ) -> PyResult<([Value; N], &'a [Value])> {
        let recv = info.has_self as usize;
        debug_assert_eq!(N, recv + info.params.len(), "{}", self.text);
        let mut out = [Value::NULL; N];
        let nkw = kwnames.map(|k| k.len()).unwrap_or(0);
        let npos_all = args.len() - nkw;
        if recv == 1 {
            // The receiver is checked by the method descriptor.
            out[0] = args[0];
        }
        let npos = npos_all - recv;
        let pos = &args[recv..npos_all];
        // Fast path: positionals only, in range.
        if nkw == 0 && npos <= info.maxpos && npos >= info.minpos && !info.kw_required {
            out[recv..recv + npos].copy_from_slice(pos);
            return Ok((out, &[]));
        }
        if nkw == 0 && info.varargs && npos >= info.maxpos && !info.kw_required {
            out[recv..recv + info.maxpos].copy_from_slice(&pos[..info.maxpos]);
            return Ok((out, &pos[info.maxpos..]));
        }
        // Slow path: keywords, or an error.
        self.check(ts, info, npos, kwnames)?;
        let take = npos.min(info.maxpos);
        out[recv..recv + take].copy_from_slice(&pos[..take]);
        let star: &'a [Value] = if info.varargs { &pos[take..] } else { &[] };
        // Keywords fill the parameters they name; CPython reports a
        // missing required argument first, then a parameter given by name
        // and position, then an unknown keyword.
        let mut by_name_and_pos: Option<usize> = None;
        let mut unknown: Option<Value> = None;
        if let Some(kn) = kwnames {
            for (j, &k) in kn.items().iter().enumerate() {
                let key = k.downcast::<StrObj>().map(|s| s.obj().as_str());
                let idx = key.and_then(|key| {
                    info.params[info.posonly..]
                        .iter()
                        .position(|p| *p == key)
                        .map(|i| i + info.posonly)
                });
                match idx {
                    Some(i) if i >= take => out[recv + i] = args[npos_all + j],
                    Some(i) => {
                        by_name_and_pos = Some(by_name_and_pos.map_or(i, |b| b.min(i)));
                    }
                    None => {
                        unknown.get_or_insert(k);
                    }
                }
            }
        }
        for (i, &req) in info.required.iter().enumerate() {
            if req && out[recv + i].is_null() {
                return Err(ts.type_error(if i < info.maxpos {
                    format!(
                        "{}() missing required argument '{}' (pos {})",
                        info.name,
                        info.params[i],
                        i + 1
                    )
                } else {
                    format!(
                        "{}() missing required keyword-only argument '{}'",
                        info.name, info.params[i]
                    )
                }));
            }
        }
        if let Some(i) = by_name_and_pos {
            return Err(ts.type_error(format!(
                "argument for {}() given by name ('{}') and position ({})",
                info.name,
                info.params[i],
                i + 1
            )));
        }
        if let Some(k) = unknown {
            let shown = match k.downcast::<StrObj>() {
                Some(s) => format!("'{}'", s.obj().as_str()),
                None => "keywords".to_string(),
            };
            return Err(ts.type_error(format!(
                "{shown} is an invalid keyword argument for {}()",
                info.name
            )));
        }
        Ok((out, star))
    }

    /// The count checks of the slow path, in CPython's order for the
    /// function's shape; keyword matching follows when they pass.
    #[cold]
    #[inline(never)]
    fn check(
        &self,
        ts: &mut ThreadState,
        info: &SigInfo,
        npos: usize,
        kwnames: Option<Gc<TupleObj>>,
    ) -> PyResult<()> {
        let nkw = kwnames.map(|k| k.len()).unwrap_or(0);
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let nparams = info.params.len();
        let all_posonly = info.posonly == nparams;
        if self.legacy {
            if nkw > 0 && all_posonly {
                // A method descriptor rejects keywords with its qualified name.
                let shown = if info.has_self {
                    info.qualname
                } else {
                    info.name
                };
                return Err(ts.type_error(format!("{shown}() takes no keyword arguments")));
            }
            let n = npos + nkw;
            if n < info.minpos || (n > nparams && !info.varargs) {
                let (word, k) = if info.minpos == nparams {
                    ("exactly", nparams)
                } else if n < info.minpos {
                    ("at least", info.minpos)
                } else {
                    ("at most", nparams)
                };
                return Err(ts.type_error(format!(
                    "{}() takes {word} {k} argument{} ({n} given)",
                    info.name,
                    s(k)
                )));
            }
            return Ok(());
        }
        if all_posonly && !info.varargs {
            // METH_NOARGS, METH_O, or _PyArg_CheckPositional.
            if nparams == 0 {
                if nkw > 0 {
                    return Err(
                        ts.type_error(format!("{}() takes no keyword arguments", info.qualname))
                    );
                }
                return Err(ts.type_error(format!(
                    "{}() takes no arguments ({npos} given)",
                    info.qualname
                )));
            }
            if nparams == 1 && info.minpos == 1 {
                if nkw > 0 {
                    return Err(
                        ts.type_error(format!("{}() takes no keyword arguments", info.qualname))
                    );
                }
                return Err(ts.type_error(format!(
                    "{}() takes exactly one argument ({npos} given)",
                    info.qualname
                )));
            }
            if nkw > 0 {
                // The calling machinery's message: the qualified name
                // (`posix.kill`, `str.replace`, `divmod`).
                return Err(
                    ts.type_error(format!("{}() takes no keyword arguments", info.qualname))
                );
            }
            let (word, k) = if info.minpos == info.maxpos {
                ("", info.maxpos)
            } else if npos < info.minpos {
                ("at least ", info.minpos)
            } else {
                ("at most ", info.maxpos)
            };
            return Err(ts.type_error(format!(
                "{} expected {word}{k} argument{}, got {npos}",
                info.name,
                s(k)
            )));
        }
        if all_posonly && nkw > 0 {
            return Err(ts.type_error(format!("{}() takes no keyword arguments", info.qualname)));
        }
        // Argument Clinic with keywords (_PyArg_UnpackKeywords).
        if !info.varargs && npos + nkw > nparams {
            return Err(ts.type_error(format!(
                "{}() takes at most {nparams} {}argument{} ({} given)",
                info.name,
                if npos == 0 { "keyword " } else { "" },
                s(nparams),
                npos + nkw
            )));
        }
        if !info.varargs && npos > info.maxpos {
            if info.maxpos == 0 {
                return Err(ts.type_error(format!("{}() takes no positional arguments", info.name)));
            }
            return Err(ts.type_error(format!(
                "{}() takes {} {} positional argument{} ({npos} given)",
                info.name,
                if info.minpos < info.maxpos {
                    "at most"
                } else {
                    "exactly"
                },
                info.maxpos,
                s(info.maxpos)
            )));
        }
        let minposonly = info.minpos.min(info.posonly);
        if npos < minposonly {
            return Err(ts.type_error(format!(
                "{}() takes {} {} positional argument{} ({npos} given)",
                info.name,
                if minposonly < info.maxpos {
                    "at least"
                } else {
                    "exactly"
                },
                minposonly,
                s(minposonly)
            )));
        }
        Ok(())
    }
}

// ---- __text_signature__ -------------------------------------------------

mod generated {
    include!(concat!(env!("OUT_DIR"), "/text_signatures.rs"));
}

/// The `__text_signature__` of the VM's native function `qualname`
/// (`len`, `str.join`, `sys.exit`), from its [`Sig`] declaration (the
/// build script collects them). A function of a module (`module_fn`)
/// gets CPython's leading `$module` parameter: `($module, obj, /)`.
pub fn text_signature_of(qualname: &str, module_fn: bool) -> Option<String> {
    let table = generated::TEXT_SIGNATURES;
    let i = table.binary_search_by(|(n, _)| (*n).cmp(qualname)).ok()?;
    let info = parse_sig(table[i].1);
    let text = info.text_signature;
    if !module_fn || info.has_self {
        return Some(text.to_string());
    }
    let inner = &text[1..text.len() - 1];
    Some(if inner.trim().is_empty() {
        "($module, /)".to_string()
    } else if info.posonly > 0 {
        format!("($module, {inner})")
    } else {
        // `$module` is positional-only: CPython marks it so.
        format!("($module, /, {inner})")
    })
}

/// Parses a signature text (see [`Sig`]). A malformed declaration is a
/// bug in ftpy, found the first time the function is called in any test.
fn parse_sig(text: &'static str) -> SigInfo {
    let open = text.find('(').unwrap_or(text.len());
    let qualname = &text[..open];
    let name = qualname.rsplit('.').next().unwrap_or(qualname);
    let inner = text[open..]
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or_else(|| panic!("bad signature text: {text}"));
    let mut info = SigInfo {
        name,
        qualname,
        has_self: false,
        params: Vec::new(),
        required: Vec::new(),
        posonly: 0,
        maxpos: usize::MAX,
        minpos: 0,
        varargs: false,
        kw_required: false,
        text_signature: &text[open..],
    };
    let mut kwonly = false;
    for part in split_params(inner) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if part == "/" {
            info.posonly = info.params.len();
        } else if part == "*" {
            kwonly = true;
            info.maxpos = info.params.len();
        } else if let Some(n) = part.strip_prefix("**") {
            panic!("bad signature text (**{n} unsupported): {text}");
        } else if part.strip_prefix('*').is_some() {
            info.varargs = true;
            kwonly = true;
            info.maxpos = info.params.len();
        } else if part.starts_with('$') {
            assert!(info.params.is_empty(), "bad signature text: {text}");
            info.has_self = true;
        } else {
            let (pname, has_default) = match part.find('=') {
                Some(i) => (part[..i].trim(), true),
                None => (part, false),
            };
            info.params.push(pname);
            info.required.push(!has_default);
            if !has_default && !kwonly {
                info.minpos = info.params.len();
            }
            if !has_default && kwonly {
                info.kw_required = true;
            }
        }
    }
    if info.maxpos == usize::MAX {
        info.maxpos = info.params.len();
    }
    // Required positionals must come first (as in Python itself).
    assert!(
        info.required[..info.minpos].iter().all(|r| *r),
        "bad signature text (required after optional): {text}"
    );
    info
}

/// Splits a parameter list at top-level commas (defaults may hold
/// strings, brackets and commas).
fn split_params(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<u8>, 0usize);
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b',' if depth == 0 => {
                    out.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            },
        }
        i += 1;
    }
    out.push(&s[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_shapes() {
        let i = parse_sig("str.split($self, /, sep=None, maxsplit=-1)");
        assert_eq!((i.name, i.qualname), ("split", "str.split"));
        assert!(i.has_self);
        assert_eq!(i.params, ["sep", "maxsplit"]);
        assert_eq!((i.posonly, i.minpos, i.maxpos), (0, 0, 2));
        assert_eq!(i.text_signature, "($self, /, sep=None, maxsplit=-1)");
        assert_eq!(
            text_signature_of("str.split", false).as_deref(),
            Some("($self, /, sep=None, maxsplit=-1)")
        );
        assert_eq!(
            text_signature_of("len", true).as_deref(),
            Some("($module, obj, /)")
        );
        assert_eq!(
            text_signature_of("pow", true).as_deref(),
            Some("($module, /, base, exp, mod=None)")
        );
        assert_eq!(
            text_signature_of("globals", true).as_deref(),
            Some("($module, /)")
        );
        assert_eq!(text_signature_of("getattr", true), None);
        assert_eq!(text_signature_of("no.such.function", true), None);
        let i = parse_sig("divmod(x, y, /)");
        assert_eq!((i.posonly, i.minpos, i.maxpos), (2, 2, 2));
        let i = parse_sig("list.sort($self, /, *, key=None, reverse=False)");
        assert_eq!((i.posonly, i.minpos, i.maxpos), (0, 0, 0));
        let i = parse_sig("print(*args, sep=' ', end='\\n', file=None, flush=False)");
        assert!(i.varargs);
        assert_eq!(i.params, ["sep", "end", "file", "flush"]);
        assert_eq!((i.minpos, i.maxpos), (0, 0));
        let i = parse_sig("f(a, b=(1, 2), c='x,y', *, d)");
        assert_eq!(i.params, ["a", "b", "c", "d"]);
        assert_eq!(i.required, [true, false, false, true]);
        assert_eq!((i.minpos, i.maxpos), (1, 3));
    }
}
