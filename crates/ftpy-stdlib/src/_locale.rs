//! `_locale`: the C library's locales (`setlocale`, `localeconv`,
//! `nl_langinfo`, collation) and message catalogs (`gettext`), which
//! CPython's `locale.py` wraps.
//!
//! The locale is process-wide C library state. As CPython does at
//! start-up, ftpy sets `LC_CTYPE` from the environment once
//! ([`init_process_locale`]); the other categories stay "C" until a
//! program calls `setlocale`.

use std::ffi::{CStr, CString};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::NativeFn;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use crate::posix::conv;

type Kw = Option<Gc<TupleObj>>;

static ERROR: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();

/// Sets `LC_CTYPE` from the environment (`LC_ALL`, `LC_CTYPE`, `LANG`),
/// as CPython's start-up does. Called once, before any thread starts.
pub fn init_process_locale() {
    // SAFETY: called at start-up on the main thread, before other threads
    // exist; the argument is a NUL-ended empty string.
    unsafe {
        libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
    }
}

fn error(ts: &mut ThreadState, msg: &str) -> ftpy_vm::PyErr {
    match ERROR.get() {
        Some(&t) => ts.new_error(t, msg),
        None => ts.value_error(msg),
    }
}

/// A str argument as a C string (locale names, domains).
fn c_str_arg(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<CString> {
    let Some(s) = v.downcast::<StrObj>() else {
        return Err(ts.type_error(format!("{what}, not {}", type_name(v))));
    };
    let b = conv::fs_encode(ts, s)?;
    conv::cstring(ts, b, "embedded null character")
}

fn decode_c(ts: &mut ThreadState, p: *const libc::c_char) -> PyResult<Value> {
    if p.is_null() {
        return Ok(ftpy_vm::objects::str::new_str(ts, ""));
    }
    // SAFETY: the C library returns NUL-ended strings.
    let b = unsafe { CStr::from_ptr(p) }.to_bytes().to_vec();
    conv::fs_decode(ts, &b)
}

fn setlocale(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("setlocale(category, locale=None, /)");
    let [cat, loc] = SIG.bind(ts, args, kw)?;
    let cat = conv::c_int(ts, cat)?;
    let loc = match loc.non_null().filter(|l| !l.is_none()) {
        None => None,
        Some(l) => Some(c_str_arg(
            ts,
            l,
            "setlocale() argument 2 must be str or None",
        )?),
    };
    // SAFETY: setlocale reads the NUL-ended name (or NULL for a query) and
    // returns a string valid until the next call, copied at once.
    let r = unsafe {
        let p = libc::setlocale(cat, loc.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()));
        if p.is_null() {
            None
        } else {
            Some(CStr::from_ptr(p).to_bytes().to_vec())
        }
    };
    match r {
        Some(b) => conv::fs_decode(ts, &b),
        None if loc.is_some() => Err(error(ts, "unsupported locale setting")),
        None => Err(error(ts, "locale query failed")),
    }
}

/// `[3, 3, 0]` from a C grouping string: the values up to and including
/// the terminating 0 or CHAR_MAX (empty for an empty string).
fn grouping(ts: &mut ThreadState, p: *const libc::c_char) -> Value {
    let l = ListObj::new(ts, &[]);
    if p.is_null() {
        return l.value();
    }
    // SAFETY: a NUL-ended grouping string from localeconv.
    let b = unsafe { CStr::from_ptr(p) }.to_bytes();
    if b.is_empty() {
        return l.value();
    }
    for &c in b {
        l.append(ts, Value::small_int_unchecked(c as i8 as i64));
        if c as i8 == i8::MAX {
            return l.value();
        }
    }
    l.append(ts, Value::small_int_unchecked(0));
    l.value()
}

fn localeconv(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_locale.localeconv()");
    let [] = SIG.bind(ts, args, kw)?;
    // SAFETY: localeconv returns a struct valid until the next locale
    // change; every field is read before anything else runs.
    let lc = unsafe { &*libc::localeconv() };
    let d = DictObj::new(ts);
    let strs = [
        ("int_curr_symbol", lc.int_curr_symbol),
        ("currency_symbol", lc.currency_symbol),
        ("mon_decimal_point", lc.mon_decimal_point),
        ("mon_thousands_sep", lc.mon_thousands_sep),
    ];
    for (k, p) in strs {
        let v = decode_c(ts, p)?;
        d.set_item_str(ts, k, v);
    }
    let g = grouping(ts, lc.mon_grouping);
    d.set_item_str(ts, "mon_grouping", g);
    for (k, p) in [
        ("positive_sign", lc.positive_sign),
        ("negative_sign", lc.negative_sign),
    ] {
        let v = decode_c(ts, p)?;
        d.set_item_str(ts, k, v);
    }
    let chars = [
        ("int_frac_digits", lc.int_frac_digits),
        ("frac_digits", lc.frac_digits),
        ("p_cs_precedes", lc.p_cs_precedes),
        ("p_sep_by_space", lc.p_sep_by_space),
        ("n_cs_precedes", lc.n_cs_precedes),
        ("n_sep_by_space", lc.n_sep_by_space),
        ("p_sign_posn", lc.p_sign_posn),
        ("n_sign_posn", lc.n_sign_posn),
    ];
    for (k, c) in chars {
        // `c_char` is i8 or u8 by platform: CPython reads it as a signed char.
        #[allow(clippy::unnecessary_cast)]
        let n = c as i8 as i64;
        d.set_item_str(ts, k, Value::small_int_unchecked(n));
    }
    for (k, p) in [
        ("decimal_point", lc.decimal_point),
        ("thousands_sep", lc.thousands_sep),
    ] {
        let v = decode_c(ts, p)?;
        d.set_item_str(ts, k, v);
    }
    let g = grouping(ts, lc.grouping);
    d.set_item_str(ts, "grouping", g);
    Ok(d.value())
}

/// The `nl_langinfo` keys CPython exposes.
const LANGINFO: &[(&str, libc::nl_item)] = &[
    ("CODESET", libc::CODESET),
    ("D_T_FMT", libc::D_T_FMT),
    ("D_FMT", libc::D_FMT),
    ("T_FMT", libc::T_FMT),
    ("T_FMT_AMPM", libc::T_FMT_AMPM),
    ("AM_STR", libc::AM_STR),
    ("PM_STR", libc::PM_STR),
    ("DAY_1", libc::DAY_1),
    ("DAY_2", libc::DAY_2),
    ("DAY_3", libc::DAY_3),
    ("DAY_4", libc::DAY_4),
    ("DAY_5", libc::DAY_5),
    ("DAY_6", libc::DAY_6),
    ("DAY_7", libc::DAY_7),
    ("ABDAY_1", libc::ABDAY_1),
    ("ABDAY_2", libc::ABDAY_2),
    ("ABDAY_3", libc::ABDAY_3),
    ("ABDAY_4", libc::ABDAY_4),
    ("ABDAY_5", libc::ABDAY_5),
    ("ABDAY_6", libc::ABDAY_6),
    ("ABDAY_7", libc::ABDAY_7),
    ("MON_1", libc::MON_1),
    ("MON_2", libc::MON_2),
    ("MON_3", libc::MON_3),
    ("MON_4", libc::MON_4),
    ("MON_5", libc::MON_5),
    ("MON_6", libc::MON_6),
    ("MON_7", libc::MON_7),
    ("MON_8", libc::MON_8),
    ("MON_9", libc::MON_9),
    ("MON_10", libc::MON_10),
    ("MON_11", libc::MON_11),
    ("MON_12", libc::MON_12),
    ("ABMON_1", libc::ABMON_1),
    ("ABMON_2", libc::ABMON_2),
    ("ABMON_3", libc::ABMON_3),
    ("ABMON_4", libc::ABMON_4),
    ("ABMON_5", libc::ABMON_5),
    ("ABMON_6", libc::ABMON_6),
    ("ABMON_7", libc::ABMON_7),
    ("ABMON_8", libc::ABMON_8),
    ("ABMON_9", libc::ABMON_9),
    ("ABMON_10", libc::ABMON_10),
    ("ABMON_11", libc::ABMON_11),
    ("ABMON_12", libc::ABMON_12),
    ("RADIXCHAR", libc::RADIXCHAR),
    ("THOUSEP", libc::THOUSEP),
    ("YESEXPR", libc::YESEXPR),
    ("NOEXPR", libc::NOEXPR),
    ("CRNCYSTR", libc::CRNCYSTR),
    ("ERA", libc::ERA),
    ("ERA_D_FMT", libc::ERA_D_FMT),
    ("ERA_D_T_FMT", libc::ERA_D_T_FMT),
    ("ERA_T_FMT", libc::ERA_T_FMT),
    ("ALT_DIGITS", libc::ALT_DIGITS),
    // glibc's date(1) format.
    ("_DATE_FMT", 0x2006c),
];

fn nl_langinfo(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_locale.nl_langinfo(key, /)");
    let [k] = SIG.bind(ts, args, kw)?;
    let k = conv::c_int(ts, k)?;
    if !LANGINFO.iter().any(|&(_, v)| v == k) {
        return Err(ts.value_error("unsupported langinfo constant"));
    }
    // SAFETY: a supported key; the result is a NUL-ended string valid
    // until the next locale change, copied at once.
    let p = unsafe { libc::nl_langinfo(k) };
    decode_c(ts, p)
}

/// `_locale.getencoding()`: the locale's encoding ("UTF-8" in UTF-8 mode
/// or when the C library names none).
fn getencoding(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_locale.getencoding()");
    let [] = SIG.bind(ts, args, kw)?;
    let sys = ftpy_vm::interp::interp().sys().value();
    let flags = ops::getattr_str(ts, sys, "flags")?;
    let utf8 = ops::getattr_str(ts, flags, "utf8_mode")?;
    if ops::truthy(ts, utf8)? {
        return Ok(ftpy_vm::objects::str::new_str(ts, "UTF-8"));
    }
    // SAFETY: CODESET is supported; the result is copied at once.
    let p = unsafe { libc::nl_langinfo(libc::CODESET) };
    // SAFETY: a NUL-ended string from nl_langinfo.
    if p.is_null() || unsafe { *p } == 0 {
        return Ok(ftpy_vm::objects::str::new_str(ts, "UTF-8"));
    }
    decode_c(ts, p)
}

/// A str as a NUL-ended wide string (`wchar_t` is UTF-32 on Linux).
fn wide(ts: &mut ThreadState, s: Gc<StrObj>) -> PyResult<Vec<libc::wchar_t>> {
    let mut w: Vec<libc::wchar_t> = s.code_points().map(|c| c as libc::wchar_t).collect();
    if w.contains(&0) {
        return Err(ts.value_error("embedded null character"));
    }
    w.push(0);
    Ok(w)
}

extern "C" {
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> libc::c_int;
    fn wcsxfrm(dst: *mut libc::wchar_t, src: *const libc::wchar_t, n: libc::size_t)
        -> libc::size_t;
    fn gettext(msg: *const libc::c_char) -> *mut libc::c_char;
    fn dgettext(domain: *const libc::c_char, msg: *const libc::c_char) -> *mut libc::c_char;
    fn dcgettext(
        domain: *const libc::c_char,
        msg: *const libc::c_char,
        category: libc::c_int,
    ) -> *mut libc::c_char;
    fn textdomain(domain: *const libc::c_char) -> *mut libc::c_char;
    fn bindtextdomain(domain: *const libc::c_char, dir: *const libc::c_char) -> *mut libc::c_char;
    fn bind_textdomain_codeset(
        domain: *const libc::c_char,
        codeset: *const libc::c_char,
    ) -> *mut libc::c_char;
}

fn strcoll(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("strcoll(os1, os2, /)");
    let [a, b] = SIG.bind(ts, args, kw)?;
    let mut ws = [Vec::new(), Vec::new()];
    for (i, v) in [a, b].into_iter().enumerate() {
        let Some(s) = v.downcast::<StrObj>() else {
            return Err(ts.type_error(format!(
                "strcoll() argument {} must be str, not {}",
                i + 1,
                type_name(v)
            )));
        };
        ws[i] = wide(ts, s)?;
    }
    // SAFETY: two NUL-ended wide strings.
    let r = unsafe { wcscoll(ws[0].as_ptr(), ws[1].as_ptr()) };
    Ok(Value::small_int_unchecked(r as i64))
}

fn strxfrm(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_locale.strxfrm(string, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let Some(s) = v.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "strxfrm() argument must be str, not {}",
            type_name(v)
        )));
    };
    let w = wide(ts, s)?;
    let mut n = w.len() * 4 + 1;
    loop {
        let mut out: Vec<libc::wchar_t> = vec![0; n];
        // SAFETY: writes at most `n` wide chars into `out`; returns the
        // length it needs (without the NUL).
        let need = unsafe { wcsxfrm(out.as_mut_ptr(), w.as_ptr(), n) };
        if need < n {
            let cps: Vec<u32> = out[..need].iter().map(|&c| c as u32).collect();
            return Ok(ftpy_vm::objects::str::new_str_from_cps(ts, &cps));
        }
        n = need + 1;
    }
}

fn text_arg(ts: &mut ThreadState, v: Value, func: &str, n: usize) -> PyResult<CString> {
    c_str_arg(ts, v, &format!("{func}() argument {n} must be str"))
}

fn opt_text_arg(ts: &mut ThreadState, v: Value, func: &str, n: usize) -> PyResult<Option<CString>> {
    if v.is_none() {
        return Ok(None);
    }
    c_str_arg(ts, v, &format!("{func}() argument {n} must be str or None")).map(Some)
}

fn py_gettext(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_locale.gettext(msg, /)");
    let [m] = SIG.bind(ts, args, kw)?;
    let m = text_arg(ts, m, "gettext", 1)?;
    // SAFETY: a NUL-ended message; the result is copied at once.
    let p = unsafe { gettext(m.as_ptr()) };
    decode_c(ts, p)
}

fn py_dgettext(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("dgettext(domain, msg, /)");
    let [d, m] = SIG.bind(ts, args, kw)?;
    let d = opt_text_arg(ts, d, "dgettext", 1)?;
    let m = text_arg(ts, m, "dgettext", 2)?;
    // SAFETY: NUL-ended strings (or NULL domain); the result is copied.
    let p = unsafe {
        dgettext(
            d.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            m.as_ptr(),
        )
    };
    decode_c(ts, p)
}

fn py_dcgettext(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("dcgettext(domain, msg, category, /)");
    let [d, m, c] = SIG.bind(ts, args, kw)?;
    let d = opt_text_arg(ts, d, "dcgettext", 1)?;
    let m = text_arg(ts, m, "dcgettext", 2)?;
    let c = conv::c_int(ts, c)?;
    // SAFETY: as in dgettext.
    let p = unsafe {
        dcgettext(
            d.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            m.as_ptr(),
            c,
        )
    };
    decode_c(ts, p)
}

fn py_textdomain(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_locale.textdomain(domain, /)");
    let [d] = SIG.bind(ts, args, kw)?;
    let d = opt_text_arg(ts, d, "textdomain", 1)?;
    // SAFETY: a NUL-ended domain or NULL (query); the result is copied.
    let p = unsafe { textdomain(d.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())) };
    if p.is_null() {
        return Err(conv::last_error(ts));
    }
    decode_c(ts, p)
}

fn py_bindtextdomain(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bindtextdomain(domain, dir, /)");
    let [d, dir] = SIG.bind(ts, args, kw)?;
    let d = text_arg(ts, d, "bindtextdomain", 1)?;
    if d.as_bytes().is_empty() {
        return Err(ts.value_error("domain must be a non-empty string"));
    }
    let dir = if dir.is_none() {
        None
    } else {
        let p = conv::path(ts, dir, conv::PathSpec::new("bindtextdomain", "dir"))?;
        Some(p.c)
    };
    // SAFETY: NUL-ended strings (or NULL dir: query); the result is copied.
    let p = unsafe {
        bindtextdomain(
            d.as_ptr(),
            dir.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
        )
    };
    if p.is_null() {
        return Err(conv::last_error(ts));
    }
    decode_c(ts, p)
}

fn py_bind_textdomain_codeset(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bind_textdomain_codeset(domain, codeset, /)");
    let [d, c] = SIG.bind(ts, args, kw)?;
    let d = text_arg(ts, d, "bind_textdomain_codeset", 1)?;
    let c = opt_text_arg(ts, c, "bind_textdomain_codeset", 2)?;
    // SAFETY: NUL-ended strings (or NULL codeset: query).
    let p = unsafe {
        bind_textdomain_codeset(
            d.as_ptr(),
            c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
        )
    };
    if p.is_null() {
        let e = conv::errno();
        if e != 0 {
            return Err(conv::os_error(ts, e, None, None));
        }
        return Ok(Value::NONE);
    }
    decode_c(ts, p)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, "Support for POSIX locales.");
    m.set_attr(ts, "__doc__", doc);
    let fns: &[(&str, NativeFn)] = &[
        ("setlocale", setlocale),
        ("localeconv", localeconv),
        ("nl_langinfo", nl_langinfo),
        ("getencoding", getencoding),
        ("strcoll", strcoll),
        ("strxfrm", strxfrm),
        ("gettext", py_gettext),
        ("dgettext", py_dgettext),
        ("dcgettext", py_dcgettext),
        ("textdomain", py_textdomain),
        ("bindtextdomain", py_bindtextdomain),
        ("bind_textdomain_codeset", py_bind_textdomain_codeset),
    ];
    for &(n, f) in fns {
        m.add_function(ts, n, f);
    }
    for (n, v) in [
        ("LC_CTYPE", libc::LC_CTYPE),
        ("LC_COLLATE", libc::LC_COLLATE),
        ("LC_TIME", libc::LC_TIME),
        ("LC_MONETARY", libc::LC_MONETARY),
        ("LC_NUMERIC", libc::LC_NUMERIC),
        ("LC_ALL", libc::LC_ALL),
        ("LC_MESSAGES", libc::LC_MESSAGES),
        ("CHAR_MAX", libc::c_char::MAX as i32),
    ] {
        m.set_attr(ts, n, Value::small_int_unchecked(v as i64));
    }
    for &(n, v) in LANGINFO {
        m.set_attr(ts, n, Value::small_int_unchecked(v as i64));
    }
    if ERROR.get().is_none() {
        let ns = DictObj::new(ts);
        let module = StrObj::new(ts, "locale");
        ns.set_item_str(ts, "__module__", module);
        let name = StrObj::new(ts, "Error");
        let bases = TupleObj::new(ts, &[ftpy_vm::interp::types().exception.value()]);
        let t = ops::call(
            ts,
            ftpy_vm::interp::types().type_.value(),
            &[name, bases.value(), ns.value()],
            None,
        )?;
        if let Some(t) = t.downcast::<TypeObj>() {
            ftpy_vm::interp::add_global_root(t.value());
            let _ = ERROR.set(t);
        }
    }
    if let Some(&e) = ERROR.get() {
        m.set_attr(ts, "Error", e.value());
    }
    Ok(())
}
