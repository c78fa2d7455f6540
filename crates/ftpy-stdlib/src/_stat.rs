//! `_stat`: the file mode constants and tests that CPython's `stat.py`
//! takes from C (`from _stat import *`).

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::int;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::NativeFn;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

const DOC: &str = "S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\n\
S_IFBLK: block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\n\
S_IFLNK: symbolic link\nS_IFSOCK: socket file\nS_IFDOOR: door\nS_IFPORT: event port\n\
S_IFWHT: whiteout\n\nS_ISUID: set UID bit\nS_ISGID: set GID bit\n\
S_ENFMT: file locking enforcement\nS_ISVTX: sticky bit\n\
S_IREAD: Unix V7 synonym for S_IRUSR\nS_IWRITE: Unix V7 synonym for S_IWUSR\n\
S_IEXEC: Unix V7 synonym for S_IXUSR\nS_IRWXU: mask for owner permissions\n\
S_IRUSR: read by owner\nS_IWUSR: write by owner\nS_IXUSR: execute by owner\n\
S_IRWXG: mask for group permissions\nS_IRGRP: read by group\nS_IWGRP: write by group\n\
S_IXGRP: execute by group\nS_IRWXO: mask for others (not in group) permissions\n\
S_IROTH: read by others\nS_IWOTH: write by others\nS_IXOTH: execute by others\n\n\
UF_NODUMP: do not dump file\nUF_IMMUTABLE: file may not be changed\n\
UF_APPEND: file may only be appended to\n\
UF_OPAQUE: directory is opaque when viewed through a union stack\n\
UF_NOUNLINK: file may not be renamed or deleted\n\
UF_COMPRESSED: OS X: file is hfs-compressed\n\
UF_HIDDEN: OS X: file should not be displayed\nSF_ARCHIVED: file may be archived\n\
SF_IMMUTABLE: file may not be changed\nSF_APPEND: file may only be appended to\n\
SF_NOUNLINK: file may not be renamed or deleted\nSF_SNAPSHOT: file is a snapshot file\n\n\
ST_MODE\nST_INO\nST_DEV\nST_NLINK\nST_UID\nST_GID\nST_SIZE\nST_ATIME\nST_MTIME\nST_CTIME\n\n\
FILE_ATTRIBUTE_*: Windows file attribute constants\n                   (only present on Windows)\n";

const S_IFMT: u32 = libc::S_IFMT;

/// The constants: Linux's file mode bits; the BSD file flags, which
/// CPython defines everywhere with their BSD values; the door, port and
/// whiteout types (0: Linux has none); the `stat_result` indices.
const CONSTANTS: &[(&str, i64)] = &[
    ("S_IFDIR", libc::S_IFDIR as i64),
    ("S_IFCHR", libc::S_IFCHR as i64),
    ("S_IFBLK", libc::S_IFBLK as i64),
    ("S_IFREG", libc::S_IFREG as i64),
    ("S_IFIFO", libc::S_IFIFO as i64),
    ("S_IFLNK", libc::S_IFLNK as i64),
    ("S_IFSOCK", libc::S_IFSOCK as i64),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", libc::S_ISUID as i64),
    ("S_ISGID", libc::S_ISGID as i64),
    ("S_ISVTX", libc::S_ISVTX as i64),
    // File locking enforcement: the set-group-ID bit.
    ("S_ENFMT", libc::S_ISGID as i64),
    ("S_IREAD", libc::S_IRUSR as i64),
    ("S_IWRITE", libc::S_IWUSR as i64),
    ("S_IEXEC", libc::S_IXUSR as i64),
    ("S_IRWXU", libc::S_IRWXU as i64),
    ("S_IRUSR", libc::S_IRUSR as i64),
    ("S_IWUSR", libc::S_IWUSR as i64),
    ("S_IXUSR", libc::S_IXUSR as i64),
    ("S_IRWXG", libc::S_IRWXG as i64),
    ("S_IRGRP", libc::S_IRGRP as i64),
    ("S_IWGRP", libc::S_IWGRP as i64),
    ("S_IXGRP", libc::S_IXGRP as i64),
    ("S_IRWXO", libc::S_IRWXO as i64),
    ("S_IROTH", libc::S_IROTH as i64),
    ("S_IWOTH", libc::S_IWOTH as i64),
    ("S_IXOTH", libc::S_IXOTH as i64),
    ("UF_NODUMP", 0x0000_0001),
    ("UF_IMMUTABLE", 0x0000_0002),
    ("UF_APPEND", 0x0000_0004),
    ("UF_OPAQUE", 0x0000_0008),
    ("UF_NOUNLINK", 0x0000_0010),
    ("UF_COMPRESSED", 0x0000_0020),
    ("UF_HIDDEN", 0x0000_8000),
    ("SF_ARCHIVED", 0x0001_0000),
    ("SF_IMMUTABLE", 0x0002_0000),
    ("SF_APPEND", 0x0004_0000),
    ("SF_NOUNLINK", 0x0010_0000),
    ("SF_SNAPSHOT", 0x0020_0000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// A mode argument (`_PyLong_AsMode_t`): an int (no `__index__`), not
/// negative, fitting `mode_t`.
fn mode_arg(ts: &mut ThreadState, v: Value) -> PyResult<u32> {
    if !int::is_int(v) {
        return Err(ts.type_error("an integer is required"));
    }
    if ops::lt(ts, v, Value::small_int_unchecked(0))? {
        return Err(ts.overflow_error("can't convert negative value to unsigned int"));
    }
    match int::to_i64(v) {
        Some(x) if x <= u32::MAX as i64 => Ok(x as u32),
        Some(_) => Err(ts.overflow_error("mode out of range")),
        None => {
            let fits_ulong = int::to_big(v)
                .and_then(|b| num_traits::ToPrimitive::to_u64(&*b))
                .is_some();
            Err(ts.overflow_error(if fits_ulong {
                "mode out of range"
            } else {
                "Python int too large to convert to C unsigned long"
            }))
        }
    }
}

macro_rules! type_tests {
    ($($fname:ident, $text:literal, $bits:expr;)*) => {
        $(
            fn $fname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
                static SIG: Sig = Sig::new($text);
                let [m] = SIG.bind(ts, args, kw)?;
                let m = mode_arg(ts, m)?;
                let bits: u32 = $bits;
                Ok(Value::from_bool(bits != 0 && m & S_IFMT == bits))
            }
        )*
    };
}

type_tests! {
    s_isdir, "_stat.S_ISDIR(mode, /)", libc::S_IFDIR;
    s_ischr, "_stat.S_ISCHR(mode, /)", libc::S_IFCHR;
    s_isblk, "_stat.S_ISBLK(mode, /)", libc::S_IFBLK;
    s_isreg, "_stat.S_ISREG(mode, /)", libc::S_IFREG;
    s_isfifo, "_stat.S_ISFIFO(mode, /)", libc::S_IFIFO;
    s_islnk, "_stat.S_ISLNK(mode, /)", libc::S_IFLNK;
    s_issock, "_stat.S_ISSOCK(mode, /)", libc::S_IFSOCK;
    s_isdoor, "_stat.S_ISDOOR(mode, /)", 0;
    s_isport, "_stat.S_ISPORT(mode, /)", 0;
    s_iswht, "_stat.S_ISWHT(mode, /)", 0;
}

fn s_imode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_stat.S_IMODE(mode, /)");
    let [m] = SIG.bind(ts, args, kw)?;
    let m = mode_arg(ts, m)?;
    Ok(Value::small_int_unchecked((m & 0o7777) as i64))
}

fn s_ifmt(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_stat.S_IFMT(mode, /)");
    let [m] = SIG.bind(ts, args, kw)?;
    let m = mode_arg(ts, m)?;
    Ok(Value::small_int_unchecked((m & S_IFMT) as i64))
}

/// `ls -l`'s ten-character rendering of a mode.
pub fn filemode_text(m: u32) -> String {
    let kind = match m & S_IFMT {
        libc::S_IFREG => '-',
        libc::S_IFDIR => 'd',
        libc::S_IFLNK => 'l',
        libc::S_IFBLK => 'b',
        libc::S_IFCHR => 'c',
        libc::S_IFIFO => 'p',
        libc::S_IFSOCK => 's',
        _ => '?',
    };
    let mut s = String::with_capacity(10);
    s.push(kind);
    // (read, write, execute, special bit, special letter) per class.
    let classes = [
        (
            libc::S_IRUSR,
            libc::S_IWUSR,
            libc::S_IXUSR,
            libc::S_ISUID,
            's',
        ),
        (
            libc::S_IRGRP,
            libc::S_IWGRP,
            libc::S_IXGRP,
            libc::S_ISGID,
            's',
        ),
        (
            libc::S_IROTH,
            libc::S_IWOTH,
            libc::S_IXOTH,
            libc::S_ISVTX,
            't',
        ),
    ];
    for (r, w, x, special, letter) in classes {
        s.push(if m & r != 0 { 'r' } else { '-' });
        s.push(if m & w != 0 { 'w' } else { '-' });
        s.push(match (m & special != 0, m & x != 0) {
            (true, true) => letter,
            (true, false) => letter.to_ascii_uppercase(),
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    s
}

fn filemode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_stat.filemode(mode, /)");
    let [m] = SIG.bind(ts, args, kw)?;
    let m = mode_arg(ts, m)?;
    let s = filemode_text(m);
    Ok(StrObj::new(ts, &s))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, DOC);
    m.set_attr(ts, "__doc__", doc);
    let fns: &[(&str, NativeFn)] = &[
        ("S_ISDIR", s_isdir),
        ("S_ISCHR", s_ischr),
        ("S_ISBLK", s_isblk),
        ("S_ISREG", s_isreg),
        ("S_ISFIFO", s_isfifo),
        ("S_ISLNK", s_islnk),
        ("S_ISSOCK", s_issock),
        ("S_ISDOOR", s_isdoor),
        ("S_ISPORT", s_isport),
        ("S_ISWHT", s_iswht),
        ("S_IMODE", s_imode),
        ("S_IFMT", s_ifmt),
        ("filemode", filemode),
    ];
    for &(n, f) in fns {
        m.add_function(ts, n, f);
    }
    for &(n, v) in CONSTANTS {
        m.set_attr(ts, n, Value::small_int_unchecked(v));
    }
    Ok(())
}
