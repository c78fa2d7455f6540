//! `_codecs`: the native half of CPython's `codecs` module and the
//! `encodings` package: the codec and error-handler registries, and the
//! `*_encode` / `*_decode` functions of the built-in codecs, which the
//! pure-Python codec modules (`encodings.utf_8`, `encodings.cp1252` ...)
//! call. The codecs themselves are in `ftpy_vm::codecs`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::codecs::{self, Builtin, Native, Order};
use ftpy_vm::objects::bytes::{buffer_bytes, BytesObj};
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::type_name;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

fn small(n: usize) -> Value {
    Value::small_int_unchecked(n as i64)
}

fn pair(ts: &mut ThreadState, a: Value, n: usize) -> Value {
    TupleObj::new(ts, &[a, small(n)]).value()
}

/// A str argument (`fname() argument N must be str, not X`).
fn str_arg(ts: &mut ThreadState, v: Value, fname: &str, pos: usize) -> PyResult<Gc<StrObj>> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "{fname}() argument {pos} must be str, not {}",
            type_name(v)
        ))),
    }
}

/// An `errors` argument: a str or None (strict).
fn errors_arg(ts: &mut ThreadState, v: Value, fname: &str, pos: usize) -> PyResult<String> {
    match v.non_null() {
        None => Ok("strict".to_string()),
        Some(e) if e.is_none() => Ok("strict".to_string()),
        Some(e) => match e.downcast::<StrObj>() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(ts.type_error(format!(
                "{fname}() argument {pos} must be str or None, not {}",
                type_name(e)
            ))),
        },
    }
}

fn data_arg(ts: &mut ThreadState, v: Value) -> PyResult<std::borrow::Cow<'static, [u8]>> {
    match buffer_bytes(ts, v)? {
        Some(b) => Ok(b),
        None => Err(ts.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))),
    }
}

fn flag(ts: &mut ThreadState, v: Value, default: bool) -> PyResult<bool> {
    match v.non_null() {
        Some(x) => ops::truthy(ts, x),
        None => Ok(default),
    }
}

fn encode_with(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    sig: &Sig,
    codec: Native,
) -> PyResult<Value> {
    let [sv, ev] = sig.bind(ts, args, kw)?;
    let name = sig.name();
    let s = str_arg(ts, sv, name, 1)?;
    let errors = errors_arg(ts, ev, name, 2)?;
    let b = codecs::encode_native(ts, s, codec, &errors)?;
    let bv = BytesObj::new(ts, &b);
    Ok(pair(ts, bv, s.char_len()))
}

fn decode_with(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    sig: &Sig,
    codec: Native,
    final_default: bool,
) -> PyResult<Value> {
    let [dv, ev, fv] = sig.bind(ts, args, kw)?;
    let name = sig.name();
    let data = data_arg(ts, dv)?;
    let errors = errors_arg(ts, ev, name, 2)?;
    let final_ = flag(ts, fv, final_default)?;
    let obj = if dv.downcast::<BytesObj>().is_some() {
        dv
    } else {
        Value::NULL
    };
    let (s, n, _) = codecs::decode_native(ts, &data, codec, &errors, final_, obj)?;
    Ok(pair(ts, s, n))
}

macro_rules! encoder {
    ($f:ident, $text:literal, $codec:expr) => {
        fn $f(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($text);
            encode_with(ts, args, kw, &SIG, $codec)
        }
    };
}

macro_rules! decoder {
    ($f:ident, $text:literal, $codec:expr, $final:expr) => {
        fn $f(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($text);
            decode_with(ts, args, kw, &SIG, $codec, $final)
        }
    };
}

encoder!(
    utf_7_encode,
    "utf_7_encode(str, errors=None, /)",
    Native::Utf7
);
decoder!(
    utf_7_decode,
    "utf_7_decode(data, errors=None, final=False, /)",
    Native::Utf7,
    false
);
encoder!(
    utf_8_encode,
    "utf_8_encode(str, errors=None, /)",
    Native::Utf8
);
decoder!(
    utf_8_decode,
    "utf_8_decode(data, errors=None, final=False, /)",
    Native::Utf8,
    false
);
encoder!(
    utf_16_le_encode,
    "utf_16_le_encode(str, errors=None, /)",
    Native::Utf16(Order::Le)
);
encoder!(
    utf_16_be_encode,
    "utf_16_be_encode(str, errors=None, /)",
    Native::Utf16(Order::Be)
);
decoder!(
    utf_16_decode,
    "utf_16_decode(data, errors=None, final=False, /)",
    Native::Utf16(Order::Bom),
    false
);
decoder!(
    utf_16_le_decode,
    "utf_16_le_decode(data, errors=None, final=False, /)",
    Native::Utf16(Order::Le),
    false
);
decoder!(
    utf_16_be_decode,
    "utf_16_be_decode(data, errors=None, final=False, /)",
    Native::Utf16(Order::Be),
    false
);
encoder!(
    utf_32_le_encode,
    "utf_32_le_encode(str, errors=None, /)",
    Native::Utf32(Order::Le)
);
encoder!(
    utf_32_be_encode,
    "utf_32_be_encode(str, errors=None, /)",
    Native::Utf32(Order::Be)
);
decoder!(
    utf_32_decode,
    "utf_32_decode(data, errors=None, final=False, /)",
    Native::Utf32(Order::Bom),
    false
);
decoder!(
    utf_32_le_decode,
    "utf_32_le_decode(data, errors=None, final=False, /)",
    Native::Utf32(Order::Le),
    false
);
decoder!(
    utf_32_be_decode,
    "utf_32_be_decode(data, errors=None, final=False, /)",
    Native::Utf32(Order::Be),
    false
);
encoder!(
    latin_1_encode,
    "latin_1_encode(str, errors=None, /)",
    Native::Latin1
);
decoder!(
    latin_1_decode,
    "latin_1_decode(data, errors=None, final=True, /)",
    Native::Latin1,
    true
);
encoder!(
    ascii_encode,
    "ascii_encode(str, errors=None, /)",
    Native::Ascii
);
decoder!(
    ascii_decode,
    "ascii_decode(data, errors=None, final=True, /)",
    Native::Ascii,
    true
);
encoder!(
    unicode_escape_encode,
    "unicode_escape_encode(str, errors=None, /)",
    Native::UnicodeEscape
);
decoder!(
    unicode_escape_decode,
    "unicode_escape_decode(data, errors=None, final=True, /)",
    Native::UnicodeEscape,
    true
);
encoder!(
    raw_unicode_escape_encode,
    "raw_unicode_escape_encode(str, errors=None, /)",
    Native::RawUnicodeEscape
);
decoder!(
    raw_unicode_escape_decode,
    "raw_unicode_escape_decode(data, errors=None, final=True, /)",
    Native::RawUnicodeEscape,
    true
);

/// `utf_16_encode(str, errors=None, byteorder=0)` and the UTF-32 one.
fn wide_encode(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    sig: &Sig,
    utf16: bool,
) -> PyResult<Value> {
    let [sv, ev, bo] = sig.bind(ts, args, kw)?;
    let name = sig.name();
    let s = str_arg(ts, sv, name, 1)?;
    let errors = errors_arg(ts, ev, name, 2)?;
    let order = match bo.non_null() {
        Some(b) => ops::index_to_i64(ts, b)?,
        None => 0,
    };
    let o = match order {
        0 => Order::Bom,
        o if o < 0 => Order::Le,
        _ => Order::Be,
    };
    let codec = if utf16 {
        Native::Utf16(o)
    } else {
        Native::Utf32(o)
    };
    let b = codecs::encode_native(ts, s, codec, &errors)?;
    let bv = BytesObj::new(ts, &b);
    Ok(pair(ts, bv, s.char_len()))
}

fn utf_16_encode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("utf_16_encode(str, errors=None, byteorder=0, /)");
    wide_encode(ts, args, kw, &SIG, true)
}

fn utf_32_encode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("utf_32_encode(str, errors=None, byteorder=0, /)");
    wide_encode(ts, args, kw, &SIG, false)
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)`:
/// `(str, consumed, byteorder)`.
fn wide_ex_decode(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    sig: &Sig,
    utf16: bool,
) -> PyResult<Value> {
    let [dv, ev, bo, fv] = sig.bind(ts, args, kw)?;
    let name = sig.name();
    let data = data_arg(ts, dv)?;
    let errors = errors_arg(ts, ev, name, 2)?;
    let order = match bo.non_null() {
        Some(b) => ops::index_to_i64(ts, b)?,
        None => 0,
    };
    let final_ = flag(ts, fv, false)?;
    let o = match order {
        0 => Order::Bom,
        o if o < 0 => Order::Le,
        _ => Order::Be,
    };
    let codec = if utf16 {
        Native::Utf16(o)
    } else {
        Native::Utf32(o)
    };
    let (s, n, ord) = codecs::decode_native(ts, &data, codec, &errors, final_, Value::NULL)?;
    let ord = if order != 0 {
        order.signum() as i32
    } else {
        ord
    };
    Ok(TupleObj::new(ts, &[s, small(n), Value::small_int_unchecked(ord as i64)]).value())
}

fn utf_16_ex_decode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("utf_16_ex_decode(data, errors=None, byteorder=0, final=False, /)");
    wide_ex_decode(ts, args, kw, &SIG, true)
}

fn utf_32_ex_decode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("utf_32_ex_decode(data, errors=None, byteorder=0, final=False, /)");
    wide_ex_decode(ts, args, kw, &SIG, false)
}

fn escape_encode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("escape_encode(data, errors=None, /)");
    let [dv, ev] = SIG.bind(ts, args, kw)?;
    let Some(b) = dv.downcast::<BytesObj>() else {
        return Err(ts.type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            type_name(dv)
        )));
    };
    errors_arg(ts, ev, "escape_encode", 2)?;
    let out = codecs::escape_encode(b.as_bytes());
    let ov = BytesObj::new(ts, &out);
    Ok(pair(ts, ov, b.len()))
}

fn escape_decode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("escape_decode(data, errors=None, /)");
    let [dv, ev] = SIG.bind(ts, args, kw)?;
    let data: Vec<u8> = match dv.downcast::<StrObj>() {
        Some(s) => s.as_wtf8().to_vec(),
        None => data_arg(ts, dv)?.into_owned(),
    };
    errors_arg(ts, ev, "escape_decode", 2)?;
    match codecs::escape_decode(&data) {
        Ok(out) => {
            let ov = BytesObj::new(ts, &out);
            Ok(pair(ts, ov, data.len()))
        }
        Err(m) => Err(ts.value_error(m)),
    }
}

fn charmap_encode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("charmap_encode(str, errors=None, mapping=None, /)");
    let [sv, ev, mv] = SIG.bind(ts, args, kw)?;
    let s = str_arg(ts, sv, "charmap_encode", 1)?;
    let errors = errors_arg(ts, ev, "charmap_encode", 2)?;
    let mapping = mv.non_null().unwrap_or(Value::NONE);
    let b = codecs::charmap_encode(ts, s, &errors, mapping)?;
    let bv = BytesObj::new(ts, &b);
    Ok(pair(ts, bv, s.char_len()))
}

fn charmap_decode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("charmap_decode(data, errors=None, mapping=None, /)");
    let [dv, ev, mv] = SIG.bind(ts, args, kw)?;
    let data = data_arg(ts, dv)?;
    let errors = errors_arg(ts, ev, "charmap_decode", 2)?;
    let mapping = mv.non_null().unwrap_or(Value::NONE);
    let s = codecs::charmap_decode(ts, &data, &errors, mapping)?;
    Ok(pair(ts, s, data.len()))
}

fn charmap_build(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("charmap_build(map, /)");
    let [mv] = SIG.bind(ts, args, kw)?;
    let s = str_arg(ts, mv, "charmap_build", 1)?;
    codecs::charmap_build(ts, s)
}

fn readbuffer_encode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readbuffer_encode(data, errors=None, /)");
    let [dv, ev] = SIG.bind(ts, args, kw)?;
    let data: Vec<u8> = match dv.downcast::<StrObj>() {
        Some(s) => s.as_wtf8().to_vec(),
        None => data_arg(ts, dv)?.into_owned(),
    };
    errors_arg(ts, ev, "readbuffer_encode", 2)?;
    let bv = BytesObj::new(ts, &data);
    Ok(pair(ts, bv, data.len()))
}

fn register(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("register(search_function, /)");
    let [f] = SIG.bind(ts, args, kw)?;
    codecs::register(ts, f)?;
    Ok(Value::NONE)
}

fn unregister(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unregister(search_function, /)");
    let [f] = SIG.bind(ts, args, kw)?;
    codecs::unregister(ts, f)?;
    Ok(Value::NONE)
}

fn lookup(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lookup(encoding, /)");
    let [e] = SIG.bind(ts, args, kw)?;
    let s = str_arg(ts, e, "lookup", 1)?;
    codecs::lookup(ts, s.as_str())
}

fn forget_codec(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_forget_codec(encoding, /)");
    let [e] = SIG.bind(ts, args, kw)?;
    let s = str_arg(ts, e, "_forget_codec", 1)?;
    codecs::forget_codec(ts, s.as_str())?;
    Ok(Value::NONE)
}

fn encode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("encode(obj, encoding='utf-8', errors='strict')");
    let [o, e, r] = SIG.bind(ts, args, kw)?;
    let enc = match e.non_null() {
        Some(e) => str_arg(ts, e, "encode", 2)?.as_str().to_string(),
        None => "utf-8".to_string(),
    };
    if let Some(r) = r.non_null() {
        str_arg(ts, r, "encode", 3)?;
    }
    codecs::encode_any(ts, o, &enc, r.non_null())
}

fn decode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decode(obj, encoding='utf-8', errors='strict')");
    let [o, e, r] = SIG.bind(ts, args, kw)?;
    let enc = match e.non_null() {
        Some(e) => str_arg(ts, e, "decode", 2)?.as_str().to_string(),
        None => "utf-8".to_string(),
    };
    if let Some(r) = r.non_null() {
        str_arg(ts, r, "decode", 3)?;
    }
    codecs::decode_any(ts, o, &enc, r.non_null())
}

fn register_error(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("register_error(errors, handler, /)");
    let [n, f] = SIG.bind(ts, args, kw)?;
    let name = str_arg(ts, n, "register_error", 1)?;
    codecs::register_error(ts, name.as_str(), f)?;
    Ok(Value::NONE)
}

fn lookup_error(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lookup_error(name, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let name = str_arg(ts, n, "lookup_error", 1)?;
    codecs::lookup_error(ts, name.as_str())
}

macro_rules! handler {
    ($f:ident, $b:expr) => {
        fn $f(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new(concat!(stringify!($f), "(exc, /)"));
            let [exc] = SIG.bind(ts, args, kw)?;
            codecs::call_builtin_handler(ts, $b, exc)
        }
    };
}

handler!(strict_errors, Builtin::Strict);
handler!(ignore_errors, Builtin::Ignore);
handler!(replace_errors, Builtin::Replace);
handler!(backslashreplace_errors, Builtin::BackslashReplace);
handler!(xmlcharrefreplace_errors, Builtin::XmlCharRefReplace);
handler!(namereplace_errors, Builtin::NameReplace);
handler!(surrogateescape, Builtin::SurrogateEscape);
handler!(surrogatepass, Builtin::SurrogatePass);

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let fns: &[(&str, ftpy_vm::objects::NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup),
        ("_forget_codec", forget_codec),
        ("encode", encode),
        ("decode", decode),
        ("register_error", register_error),
        ("lookup_error", lookup_error),
        ("escape_encode", escape_encode),
        ("escape_decode", escape_decode),
        ("utf_8_encode", utf_8_encode),
        ("utf_8_decode", utf_8_decode),
        ("utf_16_encode", utf_16_encode),
        ("utf_16_decode", utf_16_decode),
        ("utf_16_le_encode", utf_16_le_encode),
        ("utf_16_le_decode", utf_16_le_decode),
        ("utf_16_be_encode", utf_16_be_encode),
        ("utf_16_be_decode", utf_16_be_decode),
        ("utf_16_ex_decode", utf_16_ex_decode),
        ("utf_32_encode", utf_32_encode),
        ("utf_32_decode", utf_32_decode),
        ("utf_32_le_encode", utf_32_le_encode),
        ("utf_32_le_decode", utf_32_le_decode),
        ("utf_32_be_encode", utf_32_be_encode),
        ("utf_32_be_decode", utf_32_be_decode),
        ("utf_32_ex_decode", utf_32_ex_decode),
        ("unicode_escape_encode", unicode_escape_encode),
        ("unicode_escape_decode", unicode_escape_decode),
        ("raw_unicode_escape_encode", raw_unicode_escape_encode),
        ("raw_unicode_escape_decode", raw_unicode_escape_decode),
        ("utf_7_encode", utf_7_encode),
        ("utf_7_decode", utf_7_decode),
        ("latin_1_encode", latin_1_encode),
        ("latin_1_decode", latin_1_decode),
        ("ascii_encode", ascii_encode),
        ("ascii_decode", ascii_decode),
        ("charmap_encode", charmap_encode),
        ("charmap_decode", charmap_decode),
        ("charmap_build", charmap_build),
        ("readbuffer_encode", readbuffer_encode),
    ];
    for &(name, f) in fns {
        m.add_function(ts, name, f);
    }
    // The built-in error handlers, as `codecs.lookup_error` returns them.
    let handlers: &[(&str, ftpy_vm::objects::NativeFn)] = &[
        ("strict", strict_errors),
        ("ignore", ignore_errors),
        ("replace", replace_errors),
        ("backslashreplace", backslashreplace_errors),
        ("xmlcharrefreplace", xmlcharrefreplace_errors),
        ("namereplace", namereplace_errors),
        ("surrogateescape", surrogateescape),
        ("surrogatepass", surrogatepass),
    ];
    let me = m.value();
    for &(name, f) in handlers {
        let fname = match name {
            "surrogateescape" | "surrogatepass" => name.to_string(),
            _ => format!("{name}_errors"),
        };
        let func = ftpy_vm::objects::builtin::BuiltinObj::new_function(ts, &fname, f, me);
        codecs::register_builtin_error(ts, name, func);
    }
    Ok(())
}
