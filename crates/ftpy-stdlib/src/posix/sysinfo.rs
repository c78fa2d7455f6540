//! System information and randomness: `sysconf`, `confstr`, `strerror`,
//! `urandom`, `getrandom`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::int;
use ftpy_vm::{PyResult, ThreadState, Value};

use super::conv;
use super::files::conf_name;
use super::Kw;

/// `os.sysconf_names`: every name the C library defines.
pub const SYSCONF_NAMES: &[(&str, i32)] = &[
    ("SC_2_CHAR_TERM", libc::_SC_2_CHAR_TERM),
    ("SC_2_C_BIND", libc::_SC_2_C_BIND),
    ("SC_2_C_DEV", libc::_SC_2_C_DEV),
    ("SC_2_C_VERSION", libc::_SC_2_C_VERSION),
    ("SC_2_FORT_DEV", libc::_SC_2_FORT_DEV),
    ("SC_2_FORT_RUN", libc::_SC_2_FORT_RUN),
    ("SC_2_LOCALEDEF", libc::_SC_2_LOCALEDEF),
    ("SC_2_SW_DEV", libc::_SC_2_SW_DEV),
    ("SC_2_UPE", libc::_SC_2_UPE),
    ("SC_2_VERSION", libc::_SC_2_VERSION),
    ("SC_AIO_LISTIO_MAX", libc::_SC_AIO_LISTIO_MAX),
    ("SC_AIO_MAX", libc::_SC_AIO_MAX),
    ("SC_AIO_PRIO_DELTA_MAX", libc::_SC_AIO_PRIO_DELTA_MAX),
    ("SC_ARG_MAX", libc::_SC_ARG_MAX),
    ("SC_ASYNCHRONOUS_IO", libc::_SC_ASYNCHRONOUS_IO),
    ("SC_ATEXIT_MAX", libc::_SC_ATEXIT_MAX),
    ("SC_AVPHYS_PAGES", libc::_SC_AVPHYS_PAGES),
    ("SC_BC_BASE_MAX", libc::_SC_BC_BASE_MAX),
    ("SC_BC_DIM_MAX", libc::_SC_BC_DIM_MAX),
    ("SC_BC_SCALE_MAX", libc::_SC_BC_SCALE_MAX),
    ("SC_BC_STRING_MAX", libc::_SC_BC_STRING_MAX),
    ("SC_CHARCLASS_NAME_MAX", libc::_SC_CHARCLASS_NAME_MAX),
    ("SC_CHAR_BIT", libc::_SC_CHAR_BIT),
    ("SC_CHAR_MAX", libc::_SC_CHAR_MAX),
    ("SC_CHAR_MIN", libc::_SC_CHAR_MIN),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_COLL_WEIGHTS_MAX", libc::_SC_COLL_WEIGHTS_MAX),
    ("SC_DELAYTIMER_MAX", libc::_SC_DELAYTIMER_MAX),
    ("SC_EQUIV_CLASS_MAX", libc::_SC_EQUIV_CLASS_MAX),
    ("SC_EXPR_NEST_MAX", libc::_SC_EXPR_NEST_MAX),
    ("SC_FSYNC", libc::_SC_FSYNC),
    ("SC_GETGR_R_SIZE_MAX", libc::_SC_GETGR_R_SIZE_MAX),
    ("SC_GETPW_R_SIZE_MAX", libc::_SC_GETPW_R_SIZE_MAX),
    ("SC_INT_MAX", libc::_SC_INT_MAX),
    ("SC_INT_MIN", libc::_SC_INT_MIN),
    ("SC_IOV_MAX", libc::_SC_IOV_MAX),
    ("SC_JOB_CONTROL", libc::_SC_JOB_CONTROL),
    ("SC_LINE_MAX", libc::_SC_LINE_MAX),
    ("SC_LOGIN_NAME_MAX", libc::_SC_LOGIN_NAME_MAX),
    ("SC_LONG_BIT", libc::_SC_LONG_BIT),
    ("SC_MAPPED_FILES", libc::_SC_MAPPED_FILES),
    ("SC_MB_LEN_MAX", libc::_SC_MB_LEN_MAX),
    ("SC_MEMLOCK", libc::_SC_MEMLOCK),
    ("SC_MEMLOCK_RANGE", libc::_SC_MEMLOCK_RANGE),
    ("SC_MEMORY_PROTECTION", libc::_SC_MEMORY_PROTECTION),
    ("SC_MESSAGE_PASSING", libc::_SC_MESSAGE_PASSING),
    ("SC_MQ_OPEN_MAX", libc::_SC_MQ_OPEN_MAX),
    ("SC_MQ_PRIO_MAX", libc::_SC_MQ_PRIO_MAX),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
    ("SC_NL_ARGMAX", libc::_SC_NL_ARGMAX),
    ("SC_NL_LANGMAX", libc::_SC_NL_LANGMAX),
    ("SC_NL_MSGMAX", libc::_SC_NL_MSGMAX),
    ("SC_NL_NMAX", libc::_SC_NL_NMAX),
    ("SC_NL_SETMAX", libc::_SC_NL_SETMAX),
    ("SC_NL_TEXTMAX", libc::_SC_NL_TEXTMAX),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
    ("SC_NZERO", libc::_SC_NZERO),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGE_SIZE),
    ("SC_PASS_MAX", libc::_SC_PASS_MAX),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
    ("SC_PII", libc::_SC_PII),
    ("SC_PII_INTERNET", libc::_SC_PII_INTERNET),
    ("SC_PII_INTERNET_DGRAM", libc::_SC_PII_INTERNET_DGRAM),
    ("SC_PII_INTERNET_STREAM", libc::_SC_PII_INTERNET_STREAM),
    ("SC_PII_OSI", libc::_SC_PII_OSI),
    ("SC_PII_OSI_CLTS", libc::_SC_PII_OSI_CLTS),
    ("SC_PII_OSI_COTS", libc::_SC_PII_OSI_COTS),
    ("SC_PII_OSI_M", libc::_SC_PII_OSI_M),
    ("SC_PII_SOCKET", libc::_SC_PII_SOCKET),
    ("SC_PII_XTI", libc::_SC_PII_XTI),
    ("SC_POLL", libc::_SC_POLL),
    ("SC_PRIORITIZED_IO", libc::_SC_PRIORITIZED_IO),
    ("SC_PRIORITY_SCHEDULING", libc::_SC_PRIORITY_SCHEDULING),
    ("SC_REALTIME_SIGNALS", libc::_SC_REALTIME_SIGNALS),
    ("SC_RE_DUP_MAX", libc::_SC_RE_DUP_MAX),
    ("SC_RTSIG_MAX", libc::_SC_RTSIG_MAX),
    ("SC_SAVED_IDS", libc::_SC_SAVED_IDS),
    ("SC_SCHAR_MAX", libc::_SC_SCHAR_MAX),
    ("SC_SCHAR_MIN", libc::_SC_SCHAR_MIN),
    ("SC_SELECT", libc::_SC_SELECT),
    ("SC_SEMAPHORES", libc::_SC_SEMAPHORES),
    ("SC_SEM_NSEMS_MAX", libc::_SC_SEM_NSEMS_MAX),
    ("SC_SEM_VALUE_MAX", libc::_SC_SEM_VALUE_MAX),
    ("SC_SHARED_MEMORY_OBJECTS", libc::_SC_SHARED_MEMORY_OBJECTS),
    ("SC_SHRT_MAX", libc::_SC_SHRT_MAX),
    ("SC_SHRT_MIN", libc::_SC_SHRT_MIN),
    ("SC_SIGQUEUE_MAX", libc::_SC_SIGQUEUE_MAX),
    ("SC_SSIZE_MAX", libc::_SC_SSIZE_MAX),
    ("SC_STREAM_MAX", libc::_SC_STREAM_MAX),
    ("SC_SYNCHRONIZED_IO", libc::_SC_SYNCHRONIZED_IO),
    ("SC_THREADS", libc::_SC_THREADS),
    ("SC_THREAD_ATTR_STACKADDR", libc::_SC_THREAD_ATTR_STACKADDR),
    ("SC_THREAD_ATTR_STACKSIZE", libc::_SC_THREAD_ATTR_STACKSIZE),
    (
        "SC_THREAD_DESTRUCTOR_ITERATIONS",
        libc::_SC_THREAD_DESTRUCTOR_ITERATIONS,
    ),
    ("SC_THREAD_KEYS_MAX", libc::_SC_THREAD_KEYS_MAX),
    (
        "SC_THREAD_PRIORITY_SCHEDULING",
        libc::_SC_THREAD_PRIORITY_SCHEDULING,
    ),
    ("SC_THREAD_PRIO_INHERIT", libc::_SC_THREAD_PRIO_INHERIT),
    ("SC_THREAD_PRIO_PROTECT", libc::_SC_THREAD_PRIO_PROTECT),
    ("SC_THREAD_PROCESS_SHARED", libc::_SC_THREAD_PROCESS_SHARED),
    ("SC_THREAD_SAFE_FUNCTIONS", libc::_SC_THREAD_SAFE_FUNCTIONS),
    ("SC_THREAD_STACK_MIN", libc::_SC_THREAD_STACK_MIN),
    ("SC_THREAD_THREADS_MAX", libc::_SC_THREAD_THREADS_MAX),
    ("SC_TIMERS", libc::_SC_TIMERS),
    ("SC_TIMER_MAX", libc::_SC_TIMER_MAX),
    ("SC_TTY_NAME_MAX", libc::_SC_TTY_NAME_MAX),
    ("SC_TZNAME_MAX", libc::_SC_TZNAME_MAX),
    ("SC_T_IOV_MAX", libc::_SC_T_IOV_MAX),
    ("SC_UCHAR_MAX", libc::_SC_UCHAR_MAX),
    ("SC_UINT_MAX", libc::_SC_UINT_MAX),
    ("SC_UIO_MAXIOV", libc::_SC_UIO_MAXIOV),
    ("SC_ULONG_MAX", libc::_SC_ULONG_MAX),
    ("SC_USHRT_MAX", libc::_SC_USHRT_MAX),
    ("SC_VERSION", libc::_SC_VERSION),
    ("SC_WORD_BIT", libc::_SC_WORD_BIT),
    ("SC_XBS5_ILP32_OFF32", libc::_SC_XBS5_ILP32_OFF32),
    ("SC_XBS5_ILP32_OFFBIG", libc::_SC_XBS5_ILP32_OFFBIG),
    ("SC_XBS5_LP64_OFF64", libc::_SC_XBS5_LP64_OFF64),
    ("SC_XBS5_LPBIG_OFFBIG", libc::_SC_XBS5_LPBIG_OFFBIG),
    ("SC_XOPEN_CRYPT", libc::_SC_XOPEN_CRYPT),
    ("SC_XOPEN_ENH_I18N", libc::_SC_XOPEN_ENH_I18N),
    ("SC_XOPEN_LEGACY", libc::_SC_XOPEN_LEGACY),
    ("SC_XOPEN_REALTIME", libc::_SC_XOPEN_REALTIME),
    (
        "SC_XOPEN_REALTIME_THREADS",
        libc::_SC_XOPEN_REALTIME_THREADS,
    ),
    ("SC_XOPEN_SHM", libc::_SC_XOPEN_SHM),
    ("SC_XOPEN_UNIX", libc::_SC_XOPEN_UNIX),
    ("SC_XOPEN_VERSION", libc::_SC_XOPEN_VERSION),
    ("SC_XOPEN_XCU_VERSION", libc::_SC_XOPEN_XCU_VERSION),
    ("SC_XOPEN_XPG2", libc::_SC_XOPEN_XPG2),
    ("SC_XOPEN_XPG3", libc::_SC_XOPEN_XPG3),
    ("SC_XOPEN_XPG4", libc::_SC_XOPEN_XPG4),
];

/// `os.confstr_names`.
pub const CONFSTR_NAMES: &[(&str, i32)] = &[
    ("CS_PATH", libc::_CS_PATH),
    ("CS_GNU_LIBC_VERSION", libc::_CS_GNU_LIBC_VERSION),
    (
        "CS_GNU_LIBPTHREAD_VERSION",
        libc::_CS_GNU_LIBPTHREAD_VERSION,
    ),
];

/// A name table as a dict (`sysconf_names`, `pathconf_names` ...).
pub fn names_dict(ts: &mut ThreadState, table: &[(&str, i32)]) -> PyResult<Value> {
    let d = DictObj::new(ts);
    for &(n, c) in table {
        d.set_item_str(ts, n, Value::small_int_unchecked(c as i64));
    }
    Ok(d.value())
}

pub fn sysconf(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.sysconf(name, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let name = conf_name(ts, n, SYSCONF_NAMES)?;
    // SAFETY: errno is thread-local; sysconf takes no pointers.
    let (r, e) = unsafe {
        *libc::__errno_location() = 0;
        let r = libc::sysconf(name);
        (r, conv::errno())
    };
    if r == -1 && e != 0 {
        return Err(conv::os_error(ts, e, None, None));
    }
    // `c_long` is i64 on this platform but not on every one.
    #[allow(clippy::unnecessary_cast)]
    let r = r as i64;
    Ok(int::int_from_i64(ts, r))
}

pub fn confstr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.confstr(name, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let name = conf_name(ts, n, CONFSTR_NAMES)?;
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: errno is thread-local; confstr writes at most `buf.len()`
        // bytes and returns the size it needs.
        let (need, e) = unsafe {
            *libc::__errno_location() = 0;
            let r = libc::confstr(name, buf.as_mut_ptr() as *mut libc::c_char, buf.len());
            (r, conv::errno())
        };
        if need == 0 {
            if e != 0 {
                return Err(conv::os_error(ts, e, None, None));
            }
            return Ok(Value::NONE);
        }
        if need <= buf.len() {
            let s = String::from_utf8_lossy(&buf[..need - 1]).into_owned();
            return Ok(ftpy_vm::objects::str::new_str(ts, &s));
        }
        buf.resize(need, 0);
    }
}

pub fn strerror(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.strerror(code, /)");
    let [c] = SIG.bind(ts, args, kw)?;
    let c = conv::c_int(ts, c)?;
    let s = conv::strerror(c);
    Ok(ftpy_vm::objects::str::new_str(ts, &s))
}

/// Fills `buf` from the kernel's random source (`getrandom`), detached:
/// it blocks only until the pool is initialized, early at boot.
fn fill_random(ts: &mut ThreadState, buf: &mut [u8], flags: u32) -> PyResult<Result<usize, i32>> {
    let mut done = 0;
    while done < buf.len() {
        let (p, l) = (buf[done..].as_mut_ptr() as usize, buf.len() - done);
        // SAFETY: writes at most `l` bytes at `p`, inside `buf`.
        let r = conv::blocking(ts, || unsafe {
            libc::getrandom(p as *mut libc::c_void, l, flags)
        })?;
        match r {
            Ok(n) => done += n as usize,
            Err(e) => return Ok(Err(e)),
        }
        if flags & libc::GRND_NONBLOCK != 0 {
            break;
        }
    }
    Ok(Ok(done))
}

pub fn urandom(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.urandom(size, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let n = conv::ssize(ts, n)?;
    if n < 0 {
        return Err(ts.value_error("negative argument not allowed"));
    }
    let mut buf = Vec::new();
    if buf.try_reserve_exact(n as usize).is_err() {
        return Err(ts.new_error_with(ftpy_vm::interp::types().memory_error, &[]));
    }
    buf.resize(n as usize, 0);
    match fill_random(ts, &mut buf, 0)? {
        Ok(_) => Ok(BytesObj::new(ts, &buf)),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}

pub fn getrandom(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getrandom(size, flags=0)");
    let [n, f] = SIG.bind(ts, args, kw)?;
    let n = conv::ssize(ts, n)?;
    let f = match f.non_null() {
        Some(x) => conv::c_int(ts, x)?,
        None => 0,
    };
    if n < 0 {
        return Err(conv::os_error(ts, libc::EINVAL, None, None));
    }
    let mut buf = Vec::new();
    if buf.try_reserve_exact(n as usize).is_err() {
        return Err(ts.new_error_with(ftpy_vm::interp::types().memory_error, &[]));
    }
    buf.resize(n as usize, 0);
    let (p, l) = (buf.as_mut_ptr() as usize, buf.len());
    // One call, as CPython's getrandom (it may return fewer bytes).
    // SAFETY: writes at most `l` bytes into `buf`.
    let r = conv::blocking(ts, || unsafe {
        libc::getrandom(p as *mut libc::c_void, l, f as u32)
    })?;
    match r {
        Ok(got) => {
            buf.truncate(got as usize);
            Ok(BytesObj::new(ts, &buf))
        }
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}
