//! `posix`: the operating system interface that CPython's `os` module
//! re-exports (`from posix import *`).
//!
//! The functions are split by what they work on:
//! - [`conv`]: path, fd and integer arguments, the file system encoding,
//!   `OSError` from `errno`, blocking calls (detached, retried on EINTR);
//! - [`stat`]: `stat`/`lstat`/`fstat`/`statvfs` and their result types;
//! - [`files`]: operations on paths (mkdir, rename, chmod, utime ...);
//! - [`dir`]: `listdir`, `scandir` and `DirEntry`;
//! - [`fd`]: operations on descriptors (open, read, write, pipe ...);
//! - [`process`]: ids, fork/exec/wait, signals, the environment;
//! - [`sysinfo`]: sysconf, confstr, strerror, urandom.
//!
//! `_have_functions` lists exactly the `*at`/`f*` variants implemented
//! here, so `os.supports_fd`, `supports_dir_fd` and
//! `supports_follow_symlinks` describe what ftpy supports.
//!
//! Not provided (os.py and the modules built on it test for them):
//! `posix_spawn`, `wait3`/`wait4`/`waitid` (their results need the
//! `resource` module), `*xattr`, `eventfd`, `memfd_create`, `openpty`,
//! `forkpty`, `readv`/`writev`/`preadv`/`pwritev`, `splice`,
//! `copy_file_range`, `sched_*` scheduling parameters.

pub mod conv;
pub mod dir;
pub mod fd;
pub mod files;
pub mod process;
pub mod stat;
pub mod sysinfo;

use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::NativeFn;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

pub(crate) type Kw = Option<Gc<TupleObj>>;

const DOC: &str = "This module provides access to operating system functionality that is\n\
standardized by the C Standard and the POSIX standard (a thinly\n\
disguised Unix interface).  Refer to the library manual and\n\
corresponding Unix manual entries for more information on calls.";

const FUNCTIONS: &[(&str, NativeFn)] = &[
    // stat
    ("stat", stat::stat),
    ("lstat", stat::lstat),
    ("fstat", stat::fstat),
    ("statvfs", stat::statvfs),
    ("fstatvfs", stat::fstatvfs),
    // paths
    ("access", files::access),
    ("chdir", files::chdir),
    ("fchdir", files::fchdir),
    ("chmod", files::chmod),
    ("fchmod", files::fchmod),
    ("chown", files::chown),
    ("fchown", files::fchown),
    ("lchown", files::lchown),
    ("chroot", files::chroot),
    ("getcwd", files::getcwd),
    ("getcwdb", files::getcwdb),
    ("link", files::link),
    ("rename", files::rename),
    ("replace", files::replace),
    ("symlink", files::symlink),
    ("readlink", files::readlink),
    ("mkdir", files::mkdir),
    ("mkfifo", files::mkfifo),
    ("mknod", files::mknod),
    ("major", files::major),
    ("minor", files::minor),
    ("makedev", files::makedev),
    ("unlink", files::unlink),
    ("remove", files::remove),
    ("rmdir", files::rmdir),
    ("truncate", files::truncate),
    ("umask", files::umask),
    ("sync", files::sync),
    ("utime", files::utime),
    ("pathconf", files::pathconf),
    ("fpathconf", files::fpathconf),
    // directories
    ("listdir", dir::listdir),
    ("scandir", dir::scandir),
    // descriptors
    ("open", fd::open),
    ("close", fd::close),
    ("closerange", fd::closerange),
    ("read", fd::read),
    ("pread", fd::pread),
    ("write", fd::write),
    ("pwrite", fd::pwrite),
    ("lseek", fd::lseek),
    ("fsync", fd::fsync),
    ("fdatasync", fd::fdatasync),
    ("ftruncate", fd::ftruncate),
    ("posix_fallocate", fd::posix_fallocate),
    ("lockf", fd::lockf),
    ("dup", fd::dup),
    ("dup2", fd::dup2),
    ("pipe", fd::pipe),
    ("pipe2", fd::pipe2),
    ("isatty", fd::isatty),
    ("ttyname", fd::ttyname),
    ("get_blocking", fd::get_blocking),
    ("set_blocking", fd::set_blocking),
    ("get_inheritable", fd::get_inheritable),
    ("set_inheritable", fd::set_inheritable),
    ("device_encoding", fd::device_encoding),
    ("get_terminal_size", fd::get_terminal_size),
    ("sendfile", fd::sendfile),
    // processes
    ("getpid", process::getpid),
    ("getppid", process::getppid),
    ("getpgrp", process::getpgrp),
    ("getpgid", process::getpgid),
    ("setpgid", process::setpgid),
    ("setpgrp", process::setpgrp),
    ("getsid", process::getsid),
    ("setsid", process::setsid),
    ("tcgetpgrp", process::tcgetpgrp),
    ("tcsetpgrp", process::tcsetpgrp),
    ("getuid", process::getuid),
    ("geteuid", process::geteuid),
    ("getgid", process::getgid),
    ("getegid", process::getegid),
    ("setuid", process::setuid),
    ("seteuid", process::seteuid),
    ("setgid", process::setgid),
    ("setegid", process::setegid),
    ("setreuid", process::setreuid),
    ("setregid", process::setregid),
    ("getresuid", process::getresuid),
    ("getresgid", process::getresgid),
    ("getgroups", process::getgroups),
    ("setgroups", process::setgroups),
    ("getlogin", process::getlogin),
    ("uname", process::uname),
    ("times", process::times),
    ("kill", process::kill),
    ("killpg", process::killpg),
    ("nice", process::nice),
    ("getpriority", process::getpriority),
    ("setpriority", process::setpriority),
    ("register_at_fork", process::register_at_fork),
    ("fork", process::fork),
    ("execv", process::execv),
    ("execve", process::execve),
    ("_exit", process::exit_),
    ("abort", process::abort),
    ("system", process::system),
    ("waitpid", process::waitpid),
    ("wait", process::wait),
    ("waitstatus_to_exitcode", process::waitstatus_to_exitcode),
    ("WCOREDUMP", process::wcoredump),
    ("WIFCONTINUED", process::wifcontinued),
    ("WIFEXITED", process::wifexited),
    ("WIFSIGNALED", process::wifsignaled),
    ("WIFSTOPPED", process::wifstopped),
    ("WEXITSTATUS", process::wexitstatus),
    ("WSTOPSIG", process::wstopsig),
    ("WTERMSIG", process::wtermsig),
    ("sched_yield", process::sched_yield),
    ("sched_getaffinity", process::sched_getaffinity),
    ("sched_setaffinity", process::sched_setaffinity),
    ("cpu_count", process::cpu_count),
    ("getloadavg", process::getloadavg),
    ("putenv", process::putenv),
    ("unsetenv", process::unsetenv),
    // system
    ("sysconf", sysinfo::sysconf),
    ("confstr", sysinfo::confstr),
    ("strerror", sysinfo::strerror),
    ("urandom", sysinfo::urandom),
    ("getrandom", sysinfo::getrandom),
    ("fspath", fspath),
];

/// The `HAVE_*` names of `_have_functions` (see the module doc).
const HAVE: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FEXECVE",
    "HAVE_FPATHCONF",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LCHOWN",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_MKNODAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

/// `sysexits.h` values (not in the `libc` crate; fixed by BSD and glibc).
const SYSEXITS: &[(&str, i64)] = &[
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
];

/// Integer constants from the platform headers.
fn constants() -> Vec<(&'static str, i64)> {
    // glibc defines O_LARGEFILE as 0 on 64-bit targets (every open is
    // large there); the kernel flag the `libc` crate exports is not what C
    // programs see.
    let o_largefile = if cfg!(target_pointer_width = "64") {
        0
    } else {
        libc::O_LARGEFILE as i64
    };
    let mut v: Vec<(&'static str, i64)> = vec![
        ("F_OK", libc::F_OK as i64),
        ("R_OK", libc::R_OK as i64),
        ("W_OK", libc::W_OK as i64),
        ("X_OK", libc::X_OK as i64),
        ("F_LOCK", libc::F_LOCK as i64),
        ("F_TEST", libc::F_TEST as i64),
        ("F_TLOCK", libc::F_TLOCK as i64),
        ("F_ULOCK", libc::F_ULOCK as i64),
        ("GRND_NONBLOCK", libc::GRND_NONBLOCK as i64),
        ("GRND_RANDOM", libc::GRND_RANDOM as i64),
        ("NGROUPS_MAX", 65536),
        ("O_ACCMODE", libc::O_ACCMODE as i64),
        ("O_APPEND", libc::O_APPEND as i64),
        ("O_ASYNC", libc::O_ASYNC as i64),
        ("O_CLOEXEC", libc::O_CLOEXEC as i64),
        ("O_CREAT", libc::O_CREAT as i64),
        ("O_DIRECT", libc::O_DIRECT as i64),
        ("O_DIRECTORY", libc::O_DIRECTORY as i64),
        ("O_DSYNC", libc::O_DSYNC as i64),
        ("O_EXCL", libc::O_EXCL as i64),
        ("O_FSYNC", libc::O_FSYNC as i64),
        ("O_LARGEFILE", o_largefile),
        ("O_NDELAY", libc::O_NDELAY as i64),
        ("O_NOATIME", libc::O_NOATIME as i64),
        ("O_NOCTTY", libc::O_NOCTTY as i64),
        ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
        ("O_NONBLOCK", libc::O_NONBLOCK as i64),
        ("O_PATH", libc::O_PATH as i64),
        ("O_RDONLY", libc::O_RDONLY as i64),
        ("O_RDWR", libc::O_RDWR as i64),
        ("O_RSYNC", libc::O_RSYNC as i64),
        ("O_SYNC", libc::O_SYNC as i64),
        ("O_TMPFILE", libc::O_TMPFILE as i64),
        ("O_TRUNC", libc::O_TRUNC as i64),
        ("O_WRONLY", libc::O_WRONLY as i64),
        ("POSIX_FADV_DONTNEED", libc::POSIX_FADV_DONTNEED as i64),
        ("POSIX_FADV_NOREUSE", libc::POSIX_FADV_NOREUSE as i64),
        ("POSIX_FADV_NORMAL", libc::POSIX_FADV_NORMAL as i64),
        ("POSIX_FADV_RANDOM", libc::POSIX_FADV_RANDOM as i64),
        ("POSIX_FADV_SEQUENTIAL", libc::POSIX_FADV_SEQUENTIAL as i64),
        ("POSIX_FADV_WILLNEED", libc::POSIX_FADV_WILLNEED as i64),
        ("PRIO_PGRP", libc::PRIO_PGRP as i64),
        ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
        ("PRIO_USER", libc::PRIO_USER as i64),
        ("RTLD_DEEPBIND", libc::RTLD_DEEPBIND as i64),
        ("RTLD_GLOBAL", libc::RTLD_GLOBAL as i64),
        ("RTLD_LAZY", libc::RTLD_LAZY as i64),
        ("RTLD_LOCAL", libc::RTLD_LOCAL as i64),
        ("RTLD_NODELETE", libc::RTLD_NODELETE as i64),
        ("RTLD_NOLOAD", libc::RTLD_NOLOAD as i64),
        ("RTLD_NOW", libc::RTLD_NOW as i64),
        ("SEEK_DATA", libc::SEEK_DATA as i64),
        ("SEEK_HOLE", libc::SEEK_HOLE as i64),
        ("ST_APPEND", libc::ST_APPEND as i64),
        ("ST_MANDLOCK", libc::ST_MANDLOCK as i64),
        ("ST_NOATIME", libc::ST_NOATIME as i64),
        ("ST_NODEV", libc::ST_NODEV as i64),
        ("ST_NODIRATIME", libc::ST_NODIRATIME as i64),
        ("ST_NOEXEC", libc::ST_NOEXEC as i64),
        ("ST_NOSUID", libc::ST_NOSUID as i64),
        ("ST_RDONLY", libc::ST_RDONLY as i64),
        ("ST_RELATIME", libc::ST_RELATIME as i64),
        ("ST_SYNCHRONOUS", libc::ST_SYNCHRONOUS as i64),
        ("ST_WRITE", libc::ST_WRITE as i64),
        ("TMP_MAX", libc::TMP_MAX as i64),
        ("WCONTINUED", libc::WCONTINUED as i64),
        ("WEXITED", libc::WEXITED as i64),
        ("WNOHANG", libc::WNOHANG as i64),
        ("WNOWAIT", libc::WNOWAIT as i64),
        ("WSTOPPED", libc::WSTOPPED as i64),
        ("WUNTRACED", libc::WUNTRACED as i64),
    ];
    v.extend_from_slice(SYSEXITS);
    v
}

/// `os.fspath(path)`.
fn fspath(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: ftpy_vm::builtins::args::Sig = ftpy_vm::builtins::args::Sig::new("fspath(path)");
    let [p] = SIG.bind(ts, args, kw)?;
    match conv::fspath(ts, p)? {
        Some(v) => Ok(v),
        None => Err(ts.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            ftpy_vm::objects::typeobj::type_name(p)
        ))),
    }
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, DOC);
    m.set_attr(ts, "__doc__", doc);
    for &(name, f) in FUNCTIONS {
        m.add_function(ts, name, f);
    }
    for (name, v) in constants() {
        m.set_attr(ts, name, Value::small_int_unchecked(v));
    }
    let (st, vfs) = stat::init_types(ts)?;
    m.set_attr(ts, "stat_result", st.value());
    m.set_attr(ts, "statvfs_result", vfs.value());
    let (un, tm) = process::init_types(ts)?;
    m.set_attr(ts, "uname_result", un.value());
    m.set_attr(ts, "times_result", tm.value());
    let tsz = fd::terminal_size_type(ts)?;
    m.set_attr(ts, "terminal_size", tsz.value());
    dir::init(ts, m)?;
    let have = ftpy_vm::objects::list::ListObj::new(ts, &[]);
    for h in HAVE {
        let s = StrObj::new(ts, h);
        have.append(ts, s);
    }
    m.set_attr(ts, "_have_functions", have.value());
    let env = process::make_environ(ts)?;
    m.set_attr(ts, "environ", env);
    m.set_attr(ts, "error", ftpy_vm::interp::types().os_error.value());
    let sc = sysinfo::names_dict(ts, sysinfo::SYSCONF_NAMES)?;
    m.set_attr(ts, "sysconf_names", sc);
    let cs = sysinfo::names_dict(ts, sysinfo::CONFSTR_NAMES)?;
    m.set_attr(ts, "confstr_names", cs);
    let pc = sysinfo::names_dict(ts, files::pathconf_names())?;
    m.set_attr(ts, "pathconf_names", pc);
    Ok(())
}
