//! `listdir`, and `scandir` with its `ScandirIterator` and `DirEntry`
//! types.
//!
//! A scandir iterator owns a `DIR*` behind its own mutex. Every `readdir`
//! runs detached (a directory on a network file system can block), taking
//! the mutex inside the detached section, so a thread waiting for it never
//! holds up a collection. The stream is closed when the iterator is
//! exhausted, by `close()`/`__exit__`, or when the collector frees the
//! iterator (Drop touches no heap object).
//!
//! A `DirEntry` keeps what `readdir` reported (name, inode, `d_type`) and
//! caches the results of `stat()` with and without following symlinks,
//! as CPython's does.

use std::ffi::CString;
use std::sync::OnceLock;

use parking_lot::Mutex;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, Slot};
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::typeobj::TypeObj;
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use super::conv::{self, PathSpec};
use super::Kw;

/// One directory entry as `readdir` gives it.
struct RawEntry {
    name: Vec<u8>,
    ino: u64,
    dtype: u8,
}

/// An open directory stream.
struct Stream(*mut libc::DIR);

// SAFETY: the stream is used by one thread at a time (behind a mutex).
unsafe impl Send for Stream {}

impl Stream {
    /// Reads the next entry other than `.` and `..` (detached caller):
    /// `Ok(None)` at the end, `Err(errno)` on failure.
    fn next(&mut self) -> Result<Option<RawEntry>, i32> {
        loop {
            // SAFETY: errno is thread-local; self.0 is an open stream.
            let e = unsafe {
                *libc::__errno_location() = 0;
                libc::readdir(self.0)
            };
            if e.is_null() {
                let err = conv::errno();
                return if err == 0 { Ok(None) } else { Err(err) };
            }
            // SAFETY: readdir returned a valid dirent, its d_name NUL-ended;
            // it stays valid until the next readdir on this stream.
            let (name, ino, dtype) = unsafe {
                let d = &*e;
                let n = std::ffi::CStr::from_ptr(d.d_name.as_ptr()).to_bytes();
                (n.to_vec(), d.d_ino, d.d_type)
            };
            if name == b"." || name == b".." {
                continue;
            }
            return Ok(Some(RawEntry { name, ino, dtype }));
        }
    }

    fn close(&mut self, rewind: bool) {
        if self.0.is_null() {
            return;
        }
        // SAFETY: an open stream, closed once (then nulled).
        unsafe {
            if rewind {
                libc::rewinddir(self.0);
            }
            libc::closedir(self.0);
        }
        self.0 = std::ptr::null_mut();
    }
}

/// Why a directory could not be opened: the error number, and whether
/// it was duplicating the caller's fd (CPython names no file then).
type OpenError = (i32, bool);

/// Opens a directory: a path, or a duplicate of `fd` (rewound, so the
/// caller's descriptor keeps its own position semantics as in CPython).
fn open_dir(fd: i32, path: &CString) -> Result<Stream, OpenError> {
    // SAFETY: `path` is NUL-ended; a dup'ed fd is owned by the stream.
    unsafe {
        if fd != -1 {
            let d = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0);
            if d == -1 {
                return Err((conv::errno(), true));
            }
            let s = libc::fdopendir(d);
            if s.is_null() {
                let e = conv::errno();
                libc::close(d);
                return Err((e, false));
            }
            libc::rewinddir(s);
            Ok(Stream(s))
        } else {
            let s = libc::opendir(path.as_ptr());
            if s.is_null() {
                Err((conv::errno(), false))
            } else {
                Ok(Stream(s))
            }
        }
    }
}

pub fn listdir(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("listdir(path=None)");
    let [p] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("listdir", "path").fd().nullable())?;
    let (fd, c) = (p.fd, &p.c);
    let r: Result<Vec<Vec<u8>>, OpenError> = ts.allow_threads(|| {
        let mut s = open_dir(fd, c)?;
        let mut names = Vec::new();
        let r = loop {
            match s.next() {
                Ok(Some(e)) => names.push(e.name),
                Ok(None) => break Ok(names),
                Err(e) => break Err((e, false)),
            }
        };
        s.close(fd != -1);
        r
    });
    let names = match r {
        Ok(n) => n,
        Err((e, true)) => return Err(conv::os_error(ts, e, None, None)),
        Err((e, false)) => return Err(p.error(ts, e)),
    };
    let list = ListObj::new(ts, &[]);
    for n in &names {
        let v = conv::fs_name(ts, n, p.bytes)?;
        list.append(ts, v);
    }
    Ok(list.value())
}

// ---- ScandirIterator ------------------------------------------------------------------

struct Scandir {
    stream: Mutex<Stream>,
    /// The directory as given (str/bytes path, or None for ".") or NULL
    /// for an fd.
    path: Slot,
    /// The fd scandir was given, or -1.
    fd: i32,
    bytes: bool,
}

// SAFETY: traces its one Value.
unsafe impl NativeData for Scandir {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.path);
    }
}

impl Drop for Scandir {
    fn drop(&mut self) {
        let fd = self.fd;
        self.stream.get_mut().close(fd != -1);
    }
}

static SCANDIR_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
static DIRENTRY_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();

pub fn scandir(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("scandir(path=None)");
    let [pv] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, pv, PathSpec::new("scandir", "path").fd().nullable())?;
    let (fd, c) = (p.fd, &p.c);
    let r = ts.allow_threads(|| open_dir(fd, c));
    let stream = match r {
        Ok(s) => s,
        Err((e, true)) => return Err(conv::os_error(ts, e, None, None)),
        Err((e, false)) => return Err(p.error(ts, e)),
    };
    let Some(&ty) = SCANDIR_TYPE.get() else {
        return Err(ts.system_error("posix is not initialized"));
    };
    let obj = NativeObj::new(
        ts,
        ty,
        Scandir {
            stream: Mutex::new(stream),
            path: Slot::new(if p.is_fd() { Value::NULL } else { p.obj }),
            fd: p.fd,
            bytes: p.bytes,
        },
    );
    Ok(obj.value())
}

fn this_scandir(ts: &mut ThreadState, v: Value) -> PyResult<&'static Scandir> {
    native::expect::<Scandir>(ts, v, "ScandirIterator")
}

fn scandir_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let s = this_scandir(ts, v)?;
    let fd = s.fd;
    let r = ts.allow_threads(|| {
        let mut g = s.stream.lock();
        if g.0.is_null() {
            return Ok(None);
        }
        let r = g.next();
        if !matches!(r, Ok(Some(_))) {
            g.close(fd != -1);
        }
        r
    });
    let raw = match r {
        Ok(Some(e)) => e,
        Ok(None) => return Ok(None),
        Err(e) => {
            let p = s.path.get();
            let f = if p.is_null() || p.is_none() {
                None
            } else {
                Some(p)
            };
            return Err(conv::os_error(ts, e, f, None));
        }
    };
    let name = conv::fs_name(ts, &raw.name, s.bytes)?;
    // The entry's path: the directory joined with the name.
    let dir = s.path.get();
    let full = if dir.is_null() {
        name
    } else {
        let mut b: Vec<u8> = if dir.is_none() {
            b".".to_vec()
        } else if let Some(st) = dir.downcast::<StrObj>() {
            conv::fs_encode(ts, st)?
        } else {
            ftpy_vm::objects::bytes::bytes_data(dir).unwrap_or_default()
        };
        if !b.ends_with(b"/") {
            b.push(b'/');
        }
        b.extend_from_slice(&raw.name);
        conv::fs_name(ts, &b, s.bytes)?
    };
    let Some(&ty) = DIRENTRY_TYPE.get() else {
        return Err(ts.system_error("posix is not initialized"));
    };
    let e = NativeObj::new(
        ts,
        ty,
        DirEntry {
            name: Slot::new(name),
            path: Slot::new(full),
            ino: raw.ino,
            dtype: raw.dtype,
            dir_fd: s.fd,
            stat: Slot::new(Value::NULL),
            lstat: Slot::new(Value::NULL),
        },
    );
    Ok(Some(e.value()))
}

fn scandir_close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ScandirIterator.close($self)");
    let [me] = SIG.bind(ts, args, kw)?;
    let s = this_scandir(ts, me)?;
    let fd = s.fd;
    ts.allow_threads(|| s.stream.lock().close(fd != -1));
    Ok(Value::NONE)
}

fn scandir_enter(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ScandirIterator.__enter__($self)");
    let [me] = SIG.bind(ts, args, kw)?;
    this_scandir(ts, me)?;
    Ok(me)
}

fn scandir_exit(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let Some(&me) = args.first() else {
        return Err(ts.type_error("__exit__ needs self"));
    };
    let s = this_scandir(ts, me)?;
    let fd = s.fd;
    ts.allow_threads(|| s.stream.lock().close(fd != -1));
    Ok(Value::NONE)
}

fn self_iter(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

// ---- DirEntry -----------------------------------------------------------------------------

struct DirEntry {
    name: Slot,
    path: Slot,
    ino: u64,
    dtype: u8,
    /// The directory fd scandir was given (names are relative to it), or -1.
    dir_fd: i32,
    /// Cached `stat_result`s (NULL until computed).
    stat: Slot,
    lstat: Slot,
}

// SAFETY: traces every Value it holds.
unsafe impl NativeData for DirEntry {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.name);
        m.slot(&self.path);
        m.slot(&self.stat);
        m.slot(&self.lstat);
    }
}

fn entry(ts: &mut ThreadState, v: Value) -> PyResult<&'static DirEntry> {
    native::expect::<DirEntry>(ts, v, "DirEntry")
}

fn entry_new(ts: &mut ThreadState, _cls: Gc<TypeObj>, _a: &[Value], _k: Kw) -> PyResult<Value> {
    Err(ts.type_error("cannot create 'posix.DirEntry' instances"))
}

fn entry_name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(entry(ts, v)?.name.get())
}

/// `name` and `path` are read-only members, as in CPython.
fn readonly(ts: &mut ThreadState, _v: Value, _x: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg("readonly attribute"))
}

fn entry_path(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(entry(ts, v)?.path.get())
}

/// `stat` (following symlinks or not) of the entry, cached.
fn entry_fetch_stat(ts: &mut ThreadState, e: &DirEntry, follow: bool) -> PyResult<Value> {
    let cache = if follow { &e.stat } else { &e.lstat };
    let c = cache.get();
    if !c.is_null() {
        return Ok(c);
    }
    let r = if e.dir_fd != -1 {
        let name = e.name.get();
        let p = conv::path(ts, name, PathSpec::new("stat", "path"))?;
        let mut q = p;
        q.obj = name;
        let st = super::stat::do_stat(ts, &q, e.dir_fd, follow)?;
        match st {
            Ok(st) => super::stat::stat_result(ts, &st)?,
            Err(err) => return Err(q.error(ts, err)),
        }
    } else {
        let path = e.path.get();
        let p = conv::path(ts, path, PathSpec::new("stat", "path"))?;
        match super::stat::do_stat(ts, &p, libc::AT_FDCWD, follow)? {
            Ok(st) => super::stat::stat_result(ts, &st)?,
            Err(err) => return Err(p.error(ts, err)),
        }
    };
    cache.set(r);
    Ok(r)
}

fn is_symlink_raw(ts: &mut ThreadState, e: &DirEntry) -> PyResult<bool> {
    if e.dtype != libc::DT_UNKNOWN {
        return Ok(e.dtype == libc::DT_LNK);
    }
    test_mode(ts, e, false, libc::S_IFLNK)
}

fn entry_stat_value(ts: &mut ThreadState, e: &DirEntry, follow: bool) -> PyResult<Value> {
    if follow && is_symlink_raw(ts, e)? {
        entry_fetch_stat(ts, e, true)
    } else {
        let v = entry_fetch_stat(ts, e, false)?;
        if follow {
            e.stat.set(v);
        }
        Ok(v)
    }
}

/// Whether the entry's type is `mode_bits` (S_IFDIR, S_IFREG, S_IFLNK),
/// from `d_type` when it is known and no symlink must be followed, else
/// from `stat` (a vanished file is "not that type").
fn test_mode(ts: &mut ThreadState, e: &DirEntry, follow: bool, mode_bits: u32) -> PyResult<bool> {
    let need_stat = e.dtype == libc::DT_UNKNOWN || (follow && e.dtype == libc::DT_LNK);
    if need_stat {
        let r = if mode_bits == libc::S_IFLNK {
            entry_fetch_stat(ts, e, false)
        } else {
            entry_stat_value(ts, e, follow)
        };
        let st = match r {
            Ok(s) => s,
            Err(err) => {
                let fnf = ftpy_vm::objects::exception::exception_type("FileNotFoundError");
                if fnf.is_some_and(|t| err.matches(t)) {
                    return Ok(false);
                }
                return Err(err);
            }
        };
        let mode = ops::getattr_str(ts, st, "st_mode")?;
        let mode = ops::index_to_i64(ts, mode)? as u32;
        return Ok(mode & libc::S_IFMT == mode_bits);
    }
    let want = match mode_bits {
        libc::S_IFDIR => libc::DT_DIR,
        libc::S_IFREG => libc::DT_REG,
        _ => libc::DT_LNK,
    };
    Ok(e.dtype == want)
}

fn follow_arg(ts: &mut ThreadState, sig: &Sig, args: &[Value], kw: Kw) -> PyResult<(Value, bool)> {
    let [me, f] = sig.bind(ts, args, kw)?;
    let follow = conv::flag(ts, f, true)?;
    Ok((me, follow))
}

fn entry_is_dir(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("is_dir($self, /, *, follow_symlinks=True)");
    let (me, follow) = follow_arg(ts, &SIG, args, kw)?;
    let e = entry(ts, me)?;
    Ok(Value::from_bool(test_mode(ts, e, follow, libc::S_IFDIR)?))
}

fn entry_is_file(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("is_file($self, /, *, follow_symlinks=True)");
    let (me, follow) = follow_arg(ts, &SIG, args, kw)?;
    let e = entry(ts, me)?;
    Ok(Value::from_bool(test_mode(ts, e, follow, libc::S_IFREG)?))
}

fn entry_is_symlink(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("DirEntry.is_symlink($self)");
    let [me] = SIG.bind(ts, args, kw)?;
    let e = entry(ts, me)?;
    Ok(Value::from_bool(is_symlink_raw(ts, e)?))
}

fn entry_stat(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("stat($self, /, *, follow_symlinks=True)");
    let (me, follow) = follow_arg(ts, &SIG, args, kw)?;
    let e = entry(ts, me)?;
    entry_stat_value(ts, e, follow)
}

fn entry_inode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("DirEntry.inode($self)");
    let [me] = SIG.bind(ts, args, kw)?;
    let e = entry(ts, me)?;
    Ok(ftpy_vm::objects::int::int_from_u64(ts, e.ino))
}

fn entry_fspath(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("DirEntry.__fspath__($self)");
    let [me] = SIG.bind(ts, args, kw)?;
    Ok(entry(ts, me)?.path.get())
}

fn entry_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let e = entry(ts, v)?;
    let r = ops::repr_string(ts, e.name.get())?;
    Ok(StrObj::new(ts, &format!("<DirEntry {r}>")))
}

/// Makes the two types and adds them to the module.
pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    if SCANDIR_TYPE.get().is_none() {
        let t = native::new_type::<Scandir>(ts, "ScandirIterator", "posix", None, false);
        t.slots.iter.set(Some(self_iter));
        t.slots.next.set(Some(scandir_next));
        add_methods(
            ts,
            t,
            &[
                method("close", scandir_close),
                method("__enter__", scandir_enter),
                method("__exit__", scandir_exit),
            ],
        );
        native::finish_type(ts, t);
        ftpy_vm::interp::add_global_root(t.value());
        let _ = SCANDIR_TYPE.set(t);

        let d = native::new_type::<DirEntry>(ts, "DirEntry", "posix", None, false);
        d.slots.new.set(Some(entry_new));
        d.slots.repr.set(Some(entry_repr));
        add_getset(ts, d, "name", entry_name, Some(readonly));
        add_getset(ts, d, "path", entry_path, Some(readonly));
        add_methods(
            ts,
            d,
            &[
                method("is_dir", entry_is_dir),
                method("is_file", entry_is_file),
                method("is_symlink", entry_is_symlink),
                method("stat", entry_stat),
                method("inode", entry_inode),
                method("__fspath__", entry_fspath),
            ],
        );
        ftpy_vm::objects::genericalias::add_class_getitem(ts, d);
        native::finish_type(ts, d);
        ftpy_vm::interp::add_global_root(d.value());
        let _ = DIRENTRY_TYPE.set(d);
    }
    if let Some(&d) = DIRENTRY_TYPE.get() {
        m.set_attr(ts, "DirEntry", d.value());
    }
    Ok(())
}
