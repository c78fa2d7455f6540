//! `_io.open` (also `builtins.open`) and `_io.open_code`: parse the mode,
//! open a `FileIO`, wrap it in the buffered class the mode calls for and,
//! in text mode, in a `TextIOWrapper`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::typeobj::type_name;
use ftpy_vm::{ops, PyResult, ThreadState, Value};

use super::{buffered, fileio, io_types, names, textio, Kw};

/// The parsed `mode` of `open`.
struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode(ts: &mut ThreadState, mode: &str) -> PyResult<Mode> {
    let mut m = Mode {
        creating: false,
        reading: false,
        writing: false,
        appending: false,
        updating: false,
        text: false,
        binary: false,
    };
    let invalid = |ts: &mut ThreadState| ts.value_error(format!("invalid mode: '{mode}'"));
    for (i, c) in mode.char_indices() {
        if mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid(ts));
        }
        match c {
            'x' => m.creating = true,
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            '+' => m.updating = true,
            't' => m.text = true,
            'b' => m.binary = true,
            _ => return Err(invalid(ts)),
        }
    }
    if m.text && m.binary {
        return Err(ts.value_error("can't have text and binary mode at once"));
    }
    let n = m.creating as u8 + m.reading as u8 + m.writing as u8 + m.appending as u8;
    if n > 1 {
        return Err(ts.value_error("must have exactly one of create/read/write/append mode"));
    }
    Ok(m)
}

impl Mode {
    /// The mode FileIO gets.
    fn raw(&self) -> String {
        let mut s = String::new();
        if self.creating {
            s.push('x');
        }
        if self.reading {
            s.push('r');
        }
        if self.writing {
            s.push('w');
        }
        if self.appending {
            s.push('a');
        }
        if self.updating {
            s.push('+');
        }
        s
    }
}

fn opt_str(ts: &mut ThreadState, v: Value, name: &str) -> PyResult<Option<String>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    match v.downcast::<StrObj>() {
        Some(s) => Ok(Some(s.as_str().to_string())),
        None => Err(ts.type_error(format!(
            "open() argument '{name}' must be str or None, not {}",
            type_name(v)
        ))),
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn io_open(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
    );
    let [file, mode_v, buffering, enc, errors, newline, closefd, opener] =
        SIG.bind(ts, args, kw)?;
    let mode_s = if mode_v.is_null() {
        "r".to_string()
    } else {
        match mode_v.downcast::<StrObj>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(ts.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    super::arg_type_name(mode_v)
                )))
            }
        }
    };
    let mut buffering = if buffering.is_null() {
        -1
    } else {
        ops::index_to_i64(ts, buffering)?
    };
    let encoding = opt_str(ts, enc, "encoding")?;
    let errors_s = opt_str(ts, errors, "errors")?;
    let newline_given = !newline.is_null() && !newline.is_none();
    if newline_given && newline.downcast::<StrObj>().is_none() {
        return Err(ts.type_error(format!(
            "open() argument 'newline' must be str or None, not {}",
            type_name(newline)
        )));
    }
    let closefd = closefd.is_null() || ops::truthy(ts, closefd)?;
    let file = if file.downcast::<StrObj>().is_none()
        && ftpy_vm::objects::bytes::bytes_data(file).is_none()
        && !ftpy_vm::objects::int::is_int(file)
    {
        fileio::fspath(ts, file)?
    } else {
        file
    };
    let m = parse_mode(ts, &mode_s)?;
    if m.binary && encoding.is_some() {
        return Err(ts.value_error("binary mode doesn't take an encoding argument"));
    }
    if m.binary && errors_s.is_some() {
        return Err(ts.value_error("binary mode doesn't take an errors argument"));
    }
    if m.binary && newline_given {
        return Err(ts.value_error("binary mode doesn't take a newline argument"));
    }
    if m.binary && buffering == 1 {
        runtime_warning(
            ts,
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
        )?;
    }
    let t = io_types();
    let raw = fileio::new_fileio(ts, t.fileio, true)?;
    let rawmode = StrObj::new(ts, &m.raw());
    let op = if opener.is_null() {
        Value::NONE
    } else {
        opener
    };
    fileio::fileio_init(ts, raw, file, rawmode, closefd, op)?;
    let mut result = raw;
    let r = (|| -> PyResult<Value> {
        let mut line_buffering = false;
        if buffering == 1 || buffering < 0 {
            let isatty = names(ts).isatty;
            if buffering == 1 || super::call_truthy(ts, raw, isatty)? {
                buffering = -1;
                line_buffering = true;
            }
        }
        if buffering < 0 {
            buffering = fileio::payload(raw).map(|f| f.blksize()).unwrap_or(8192);
        }
        if buffering == 0 {
            if m.binary {
                return Ok(raw);
            }
            return Err(ts.value_error("can't have unbuffered text I/O"));
        }
        let cls = if m.updating {
            t.buffered_random
        } else if m.creating || m.writing || m.appending {
            t.buffered_writer
        } else {
            t.buffered_reader
        };
        let buffer = buffered::new_buffered(ts, cls, true)?;
        let size = ftpy_vm::objects::int::int_from_i64(ts, buffering);
        buffered::init_buffered(ts, buffer, raw, size)?;
        result = buffer;
        if m.binary {
            return Ok(buffer);
        }
        let text = textio::new_text(ts, t.text_io_wrapper, true)?;
        let nl = textio::newline_arg(ts, newline, "open() argument 'newline'")?;
        textio::init_text(
            ts,
            text,
            buffer,
            encoding.clone(),
            errors_s.clone(),
            nl,
            line_buffering,
            false,
        )?;
        result = text;
        let mode_attr = names(ts).mode;
        let mv = StrObj::new(ts, &mode_s);
        ops::setattr(ts, text, mode_attr, Some(mv))?;
        Ok(text)
    })();
    match r {
        Ok(v) => Ok(v),
        Err(e) => {
            let c = names(ts).close;
            if let Err(e2) = ops::call_method(ts, result, c, &[]) {
                // As CPython's _PyErr_ChainExceptions: the close error,
                // with the first one as its context.
                e2.exc().context.set(e.value());
                return Err(e2);
            }
            Err(e)
        }
    }
}

/// `warnings.warn(msg, RuntimeWarning, stacklevel=2)`. While the
/// `warnings` module cannot be imported (it needs modules ftpy does not
/// have yet), the warning is not shown.
fn runtime_warning(ts: &mut ThreadState, msg: &str) -> PyResult<()> {
    let name = ftpy_vm::interp::intern(ts, "warnings");
    let Ok(w) = ftpy_vm::import::import_module_level(
        ts,
        name.value(),
        Value::NONE,
        Value::NONE,
        Value::NONE,
        0,
    ) else {
        return Ok(());
    };
    let warn = ops::getattr_str(ts, w, "warn")?;
    let m = StrObj::new(ts, msg);
    let cat = ftpy_vm::objects::exception::exception_type("RuntimeWarning")
        .map(|t| t.value())
        .unwrap_or(Value::NONE);
    ops::call(ts, warn, &[m, cat, Value::small_int_unchecked(2)], None)?;
    Ok(())
}

/// `open_code(path)`: `open(path, 'rb')`.
pub fn io_open_code(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("open_code(path)");
    let [path] = SIG.bind(ts, args, kw)?;
    if path.downcast::<StrObj>().is_none() {
        return Err(ts.type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            super::arg_type_name(path)
        )));
    }
    let mode = StrObj::new(ts, "rb");
    io_open(ts, &[path, mode], None)
}
