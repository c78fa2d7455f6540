//! `grp`: the group database (`getgrnam_r`, `getgrgid_r`, and `getgrent`
//! for `getgrall`). Lookups run detached: NSS may ask a network service.

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

static STRUCT_GROUP: OnceLock<Gc<TypeObj>> = OnceLock::new();

/// `getgrent` walks one process-wide cursor: one walk at a time.
static ENT_LOCK: Mutex<()> = Mutex::new(());

/// A group entry copied out of the C library's buffers.
struct Entry {
    name: Vec<u8>,
    passwd: Vec<u8>,
    gid: u32,
    members: Vec<Vec<u8>>,
}

fn bytes_of(p: *const libc::c_char) -> Vec<u8> {
    if p.is_null() {
        return Vec::new();
    }
    // SAFETY: a non-null field of a group entry is a NUL-ended string.
    unsafe { CStr::from_ptr(p) }.to_bytes().to_vec()
}

fn copy(g: &libc::group) -> Entry {
    let mut members = Vec::new();
    let mut m = g.gr_mem;
    if !m.is_null() {
        // SAFETY: gr_mem is a NULL-ended array of NUL-ended strings.
        unsafe {
            while !(*m).is_null() {
                members.push(bytes_of(*m));
                m = m.add(1);
            }
        }
    }
    Entry {
        name: bytes_of(g.gr_name),
        passwd: bytes_of(g.gr_passwd),
        gid: g.gr_gid,
        members,
    }
}

/// Runs a `getgr*_r` lookup with a growing buffer (detached caller).
fn lookup(
    f: impl Fn(*mut libc::group, *mut libc::c_char, usize, *mut *mut libc::group) -> i32,
) -> Result<Option<Entry>, i32> {
    let mut size = 1024;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: zeroed is a valid group to be filled.
        let mut gr: libc::group = unsafe { std::mem::zeroed() };
        let mut res: *mut libc::group = std::ptr::null_mut();
        let r = f(
            &mut gr,
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
        return Ok(Some(copy(&gr)));
    }
}

fn struct_group(ts: &mut ThreadState) -> PyResult<Gc<TypeObj>> {
    if let Some(t) = STRUCT_GROUP.get() {
        return Ok(*t);
    }
    let t = structseq::new_type(
        ts,
        "grp",
        "struct_group",
        &[
            Some("gr_name"),
            Some("gr_passwd"),
            Some("gr_gid"),
            Some("gr_mem"),
        ],
        4,
        "grp.struct_group: Results from getgr*() routines.\n\n\
This object may be accessed either as a tuple of\n  \
(gr_name,gr_passwd,gr_gid,gr_mem)\n\
or via the object attributes as named in the above tuple.\n",
    )?;
    ftpy_vm::interp::add_global_root(t.value());
    Ok(*STRUCT_GROUP.get_or_init(|| t))
}

fn to_value(ts: &mut ThreadState, e: &Entry) -> PyResult<Value> {
    let ty = struct_group(ts)?;
    let mem = ListObj::new(ts, &[]);
    for m in &e.members {
        let s = conv::fs_decode(ts, m)?;
        mem.append(ts, s);
    }
    let v = [
        conv::fs_decode(ts, &e.name)?,
        conv::fs_decode(ts, &e.passwd)?,
        Value::small_int_unchecked(e.gid as i64),
        mem.value(),
    ];
    structseq::new(ts, ty, &v)
}

fn key_error(ts: &mut ThreadState, msg: &str) -> ftpy_vm::PyErr {
    let s = StrObj::new(ts, msg);
    ts.key_error(s)
}

fn getgrgid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getgrgid(id)");
    let [g] = SIG.bind(ts, args, kw)?;
    let gid = crate::posix::files::id_arg(ts, g, "gid")?;
    // SAFETY: the closure passes getgrgid_r its own buffers.
    let r = ts.allow_threads(|| lookup(|p, b, n, r| unsafe { libc::getgrgid_r(gid, p, b, n, r) }));
    match r {
        Ok(Some(e)) => to_value(ts, &e),
        Ok(None) | Err(_) => {
            let s = ops::str_string(ts, g)?;
            Err(key_error(ts, &format!("getgrgid(): gid not found: {s}")))
        }
    }
}

fn getgrnam(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getgrnam(name)");
    let [n] = SIG.bind(ts, args, kw)?;
    let Some(s) = n.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "getgrnam() argument 'name' must be str, not {}",
            type_name(n)
        )));
    };
    let b = conv::fs_encode(ts, s)?;
    let c = conv::cstring(ts, b, "embedded null byte")?;
    let cp = c.as_ptr() as usize;
    // SAFETY: `cp` is `c`'s NUL-ended name; the closure passes
    // getgrnam_r its own buffers.
    let r = ts.allow_threads(|| {
        lookup(|p, b, n, r| {
            // SAFETY: `cp` is a NUL-terminated name alive for the call;
            // `lookup` passes its own entry and buffer of `n` bytes.
            unsafe { libc::getgrnam_r(cp as *const libc::c_char, p, b, n, r) }
        })
    });
    match r {
        Ok(Some(e)) => to_value(ts, &e),
        Ok(None) | Err(_) => {
            let rp = ops::repr_string(ts, n)?;
            Err(key_error(ts, &format!("getgrnam(): name not found: {rp}")))
        }
    }
}

fn getgrall(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("grp.getgrall()");
    let [] = SIG.bind(ts, args, kw)?;
    let entries: Vec<Entry> = ts.allow_threads(|| {
        let _g = ENT_LOCK.lock();
        let mut out = Vec::new();
        // SAFETY: setgrent/getgrent/endgrent under ENT_LOCK (one walk at
        // a time); each entry is copied before the next call.
        unsafe {
            libc::setgrent();
            loop {
                let p = libc::getgrent();
                if p.is_null() {
                    break;
                }
                out.push(copy(&*p));
            }
            libc::endgrent();
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

const DOC: &str = "Access to the Unix group database.\n\n\
Group entries are reported as 4-tuples containing the following fields\n\
from the group database, in order:\n\n  \
gr_name   - name of the group\n  \
gr_passwd - group password (encrypted); often empty\n  \
gr_gid    - numeric ID of the group\n  \
gr_mem    - list of members\n\n\
The gid is an integer, name and password are strings.  (Note that most\n\
users are not explicitly listed as members of the groups they are in\n\
according to the password database.  Check both databases to get\n\
complete membership information.)";

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, DOC);
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "getgrgid", getgrgid);
    m.add_function(ts, "getgrnam", getgrnam);
    m.add_function(ts, "getgrall", getgrall);
    let t = struct_group(ts)?;
    m.set_attr(ts, "struct_group", t.value());
    Ok(())
}
