//! `pwd`: the password database (`getpwnam_r`, `getpwuid_r`, and
//! `getpwent` for `getpwall`). Lookups run detached: NSS may ask a
//! network service.

use std::ffi::CStr;
use std::sync::OnceLock;

use parking_lot::Mutex;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::structseq;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use crate::posix::conv;

type Kw = Option<Gc<TupleObj>>;

static STRUCT_PASSWD: OnceLock<Gc<TypeObj>> = OnceLock::new();

/// `getpwent` walks one process-wide cursor: one walk at a time.
static ENT_LOCK: Mutex<()> = Mutex::new(());

/// A password entry copied out of the C library's buffers.
struct Entry {
    name: Vec<u8>,
    passwd: Vec<u8>,
    uid: u32,
    gid: u32,
    gecos: Vec<u8>,
    dir: Vec<u8>,
    shell: Vec<u8>,
}

fn bytes_of(p: *const libc::c_char) -> Vec<u8> {
    if p.is_null() {
        return Vec::new();
    }
    // SAFETY: a non-null field of a passwd entry is a NUL-ended string.
    unsafe { CStr::from_ptr(p) }.to_bytes().to_vec()
}

fn copy(p: &libc::passwd) -> Entry {
    Entry {
        name: bytes_of(p.pw_name),
        passwd: bytes_of(p.pw_passwd),
        uid: p.pw_uid,
        gid: p.pw_gid,
        gecos: bytes_of(p.pw_gecos),
        dir: bytes_of(p.pw_dir),
        shell: bytes_of(p.pw_shell),
    }
}

/// Runs a `getpw*_r` lookup with a growing buffer (detached caller).
fn lookup(
    f: impl Fn(*mut libc::passwd, *mut libc::c_char, usize, *mut *mut libc::passwd) -> i32,
) -> Result<Option<Entry>, i32> {
    let mut size = 1024;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: zeroed is a valid passwd to be filled.
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut res: *mut libc::passwd = std::ptr::null_mut();
        let r = f(
            &mut pw,
            buf.as_mut_ptr() as *mut libc::c_char,
            size,
            &mut res,
        );
        if r == libc::ERANGE && size < (1 << 24) {
            size *= 4;
            continue;
        }
        if r != 0 {
            return Err(r);
        }
        if res.is_null() {
            return Ok(None);
        }
        return Ok(Some(copy(&pw)));
    }
}

fn struct_passwd(ts: &mut ThreadState) -> PyResult<Gc<TypeObj>> {
    if let Some(t) = STRUCT_PASSWD.get() {
        return Ok(*t);
    }
    let t = structseq::new_type(
        ts,
        "pwd",
        "struct_passwd",
        &[
            Some("pw_name"),
            Some("pw_passwd"),
            Some("pw_uid"),
            Some("pw_gid"),
            Some("pw_gecos"),
            Some("pw_dir"),
            Some("pw_shell"),
        ],
        7,
        "pwd.struct_passwd: Results from getpw*() routines.\n\n\
This object may be accessed either as a tuple of\n  \
(pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\n\
or via the object attributes as named in the above tuple.",
    )?;
    ftpy_vm::interp::add_global_root(t.value());
    Ok(*STRUCT_PASSWD.get_or_init(|| t))
}

fn to_value(ts: &mut ThreadState, e: &Entry) -> PyResult<Value> {
    let ty = struct_passwd(ts)?;
    let v = [
        conv::fs_decode(ts, &e.name)?,
        conv::fs_decode(ts, &e.passwd)?,
        Value::small_int_unchecked(e.uid as i64),
        Value::small_int_unchecked(e.gid as i64),
        conv::fs_decode(ts, &e.gecos)?,
        conv::fs_decode(ts, &e.dir)?,
        conv::fs_decode(ts, &e.shell)?,
    ];
    structseq::new(ts, ty, &v)
}

fn getpwuid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("pwd.getpwuid(uidobj, /)");
    let [u] = SIG.bind(ts, args, kw)?;
    let uid = match crate::posix::files::id_arg(ts, u, "uid") {
        Ok(x) => x,
        Err(e) if e.matches(ftpy_vm::interp::types().overflow_error) => {
            return Err(key_error(ts, "getpwuid(): uid not found"));
        }
        Err(e) => return Err(e),
    };
    // SAFETY: the closure passes getpwuid_r its own buffers.
    let r = ts.allow_threads(|| lookup(|p, b, n, r| unsafe { libc::getpwuid_r(uid, p, b, n, r) }));
    match r {
        Ok(Some(e)) => to_value(ts, &e),
        Ok(None) | Err(_) => {
            let s = ops::str_string(ts, u)?;
            Err(key_error(ts, &format!("getpwuid(): uid not found: {s}")))
        }
    }
}

fn key_error(ts: &mut ThreadState, msg: &str) -> ftpy_vm::PyErr {
    let s = StrObj::new(ts, msg);
    ts.key_error(s)
}

fn getpwnam(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("pwd.getpwnam(name, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let Some(s) = n.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "getpwnam() argument must be str, not {}",
            type_name(n)
        )));
    };
    let b = conv::fs_encode(ts, s)?;
    let c = conv::cstring(ts, b, "embedded null byte")?;
    let cp = c.as_ptr() as usize;
    // SAFETY: `cp` is `c`'s NUL-ended name; the closure passes
    // getpwnam_r its own buffers.
    let r = ts.allow_threads(|| {
        lookup(|p, b, n, r| {
            // SAFETY: `cp` is a NUL-terminated name alive for the call;
            // `lookup` passes its own entry and buffer of `n` bytes.
            unsafe { libc::getpwnam_r(cp as *const libc::c_char, p, b, n, r) }
        })
    });
    match r {
        Ok(Some(e)) => to_value(ts, &e),
        Ok(None) | Err(_) => {
            let rp = ops::repr_string(ts, n)?;
            Err(key_error(ts, &format!("getpwnam(): name not found: {rp}")))
        }
    }
}

fn getpwall(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("pwd.getpwall()");
    let [] = SIG.bind(ts, args, kw)?;
    let entries: Vec<Entry> = ts.allow_threads(|| {
        let _g = ENT_LOCK.lock();
        let mut out = Vec::new();
        // SAFETY: setpwent/getpwent/endpwent under ENT_LOCK (one walk at
        // a time); each entry is copied before the next call.
        unsafe {
            libc::setpwent();
            loop {
                let p = libc::getpwent();
                if p.is_null() {
                    break;
                }
                out.push(copy(&*p));
            }
            libc::endpwent();
        }
        out
    });
    let l = ListObj::new(ts, &[]);
    for e in &entries {
        let v = to_value(ts, e)?;
        l.append(ts, v);
    }
    Ok(l.value())
}

const DOC: &str = "This module provides access to the Unix password database.\n\
It is available on all Unix versions.\n\n\
Password database entries are reported as 7-tuples containing the following\n\
items from the password database (see `<pwd.h>'), in order:\n\
pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\n\
The uid and gid items are integers, all others are strings. An\n\
exception is raised if the entry asked for cannot be found.";

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, DOC);
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "getpwuid", getpwuid);
    m.add_function(ts, "getpwnam", getpwnam);
    m.add_function(ts, "getpwall", getpwall);
    let t = struct_passwd(ts)?;
    m.set_attr(ts, "struct_passwd", t.value());
    Ok(())
}
