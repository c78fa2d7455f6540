//! `_socket`: BSD sockets (AF_INET, AF_INET6, AF_UNIX), name resolution
//! through the C library's `getaddrinfo`/`getnameinfo`, and the address
//! helpers (`inet_pton` ...) that `socket.py`, `selectors` and `asyncio`
//! build on.
//!
//! # Timeouts
//! A socket's timeout is `None` (blocking), `0` (non-blocking) or a
//! positive number of seconds, as in CPython: whenever it is not `None`
//! the descriptor is in `O_NONBLOCK` mode, and an operation with a
//! positive timeout first waits (poll(2)) for the descriptor to be ready,
//! raising `TimeoutError("timed out")` when the time is up. Every call that
//! may block runs detached from the collector, and `EINTR` runs pending
//! signal handlers then retries with the time left (PEP 475).
//!
//! # Data
//! A socket holds only integers (atomics): its descriptor (-1 once closed
//! or detached), family, type, protocol and timeout. A socket that dies
//! open is closed by the sweeper (`Drop`), as CPython's finalizer does.
//! `send` and friends pass `MSG_NOSIGNAL`, so a peer that went away is
//! `BrokenPipeError` even when a program restores `SIGPIPE`'s default.

use std::ffi::{CStr, CString};
use std::sync::atomic::{AtomicI32, AtomicI64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec};
use ftpy_vm::interp::{self, add_global_root, types};
use ftpy_vm::objects::bytes::{self, BytesObj};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::exception::exception_type;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, float, int, method, set_type_attr};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

use crate::posix::conv;
use crate::select;

type Kw = Option<Gc<TupleObj>>;

/// The timeout new sockets get (ns; -1: None).
static DEFAULT_TIMEOUT: AtomicI64 = AtomicI64::new(-1);

static SOCKET_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
static GAIERROR: OnceLock<Value> = OnceLock::new();
static HERROR: OnceLock<Value> = OnceLock::new();

struct Sock {
    fd: AtomicI32,
    family: AtomicI32,
    kind: AtomicI32,
    proto: AtomicI32,
    /// Nanoseconds; -1: blocking, 0: non-blocking.
    timeout: AtomicI64,
}

impl Drop for Sock {
    fn drop(&mut self) {
        let fd = self.fd.swap(-1, Ordering::AcqRel);
        if fd >= 0 {
            // SAFETY: closes the descriptor this dead socket owned.
            unsafe { libc::close(fd) };
        }
    }
}

// SAFETY: holds no Values.
unsafe impl NativeData for Sock {
    fn trace(&self, _m: &mut Marker) {}
}

fn sock_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Sock> {
    native::expect::<Sock>(ts, v, "_socket.socket")
}

// ---- errors ------------------------------------------------------------------------------

fn timeout_error(ts: &mut ThreadState) -> PyErr {
    match exception_type("TimeoutError") {
        Some(t) => ts.new_error(t, "timed out"),
        None => ts.os_error("timed out"),
    }
}

/// `socket.gaierror(code, message)` for a getaddrinfo/getnameinfo failure
/// (`EAI_SYSTEM`: the OSError of errno).
fn gai_error(ts: &mut ThreadState, code: i32, err: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return conv::os_error(ts, err, None, None);
    }
    // SAFETY: gai_strerror returns a static NUL-terminated message.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    let Some(&cls) = GAIERROR.get() else {
        return ts.os_error(msg);
    };
    let m = StrObj::new(ts, &msg);
    match ops::call(ts, cls, &[Value::small_int_unchecked(code as i64), m], None) {
        Ok(e) => PyErr::from_exception(e),
        Err(e) => e,
    }
}

fn os_err(ts: &mut ThreadState, code: i32) -> PyErr {
    conv::os_error(ts, code, None, None)
}

// ---- addresses ---------------------------------------------------------------------------

/// A socket address in C form.
struct Addr {
    st: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl Addr {
    fn new() -> Addr {
        Addr {
            // SAFETY: all-zero is a valid sockaddr_storage.
            st: unsafe { std::mem::zeroed() },
            len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        &self.st as *const _ as *const libc::sockaddr
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.st as *mut _ as *mut libc::sockaddr
    }
}

/// A host name argument as bytes (CPython's `idna_converter`).
fn host_bytes(ts: &mut ThreadState, v: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = ftpy_vm::objects::str::as_str(v) {
        if s.is_ascii() {
            return Ok(s.as_bytes().to_vec());
        }
        return bytes::encode(ts, s, "idna", "strict");
    }
    if v.downcast::<BytesObj>().is_some() || types().bytearray.instance_check(v) {
        if let Some(b) = bytes::bytes_data(v) {
            return Ok(b);
        }
    }
    Err(ts.type_error(format!(
        "str, bytes or bytearray expected, not {}",
        type_name(v)
    )))
}

/// Resolves `name` for `family` (CPython's `setipaddr`): "" is the
/// wildcard address, "<broadcast>" the broadcast address, numeric
/// addresses are parsed, other names go through getaddrinfo (detached).
fn resolve(ts: &mut ThreadState, name: &[u8], family: i32, out: &mut Addr) -> PyResult<()> {
    if name.is_empty() {
        return lookup(ts, None, family, libc::AI_PASSIVE, out);
    }
    if name == b"<broadcast>" || name == b"255.255.255.255" {
        if family != libc::AF_INET && family != libc::AF_UNSPEC {
            return Err(ts.os_error("address family mismatched"));
        }
        set_v4(out, [255, 255, 255, 255], 0);
        return Ok(());
    }
    if family == libc::AF_INET || family == libc::AF_UNSPEC {
        if let Some(a) = std::str::from_utf8(name)
            .ok()
            .and_then(|s| s.parse::<std::net::Ipv4Addr>().ok())
        {
            set_v4(out, a.octets(), 0);
            return Ok(());
        }
    }
    if family == libc::AF_INET6 || family == libc::AF_UNSPEC {
        if let Some(a) = std::str::from_utf8(name)
            .ok()
            .and_then(|s| s.parse::<std::net::Ipv6Addr>().ok())
        {
            set_v6(out, a.octets(), 0, 0, 0);
            return Ok(());
        }
    }
    if name.contains(&0) {
        return Err(ts.type_error("host name must not contain null character"));
    }
    lookup(ts, Some(name), family, 0, out)
}

/// The first address getaddrinfo gives for `name`.
fn lookup(
    ts: &mut ThreadState,
    name: Option<&[u8]>,
    family: i32,
    flags: i32,
    out: &mut Addr,
) -> PyResult<()> {
    let c = match name {
        Some(n) => Some(CString::new(n).map_err(|_| ts.value_error("embedded null character"))?),
        None => None,
    };
    let cp = c.as_ref().map_or(0, |c| c.as_ptr() as usize);
    let op = out as *mut Addr as usize;
    let (code, err) = ts.allow_threads(|| {
        // SAFETY: a zeroed addrinfo is a valid hints value.
        let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
        hints.ai_family = family;
        hints.ai_socktype = libc::SOCK_DGRAM;
        hints.ai_flags = flags;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let host = if cp == 0 {
            std::ptr::null()
        } else {
            cp as *const libc::c_char
        };
        // SAFETY: `host` is NUL-terminated (or null), `hints` and `res` are
        // locals; the result list is freed below.
        let code = unsafe { libc::getaddrinfo(host, std::ptr::null(), &hints, &mut res) };
        let err = conv::errno();
        if code == 0 && !res.is_null() {
            // SAFETY: `res` is a list getaddrinfo returned; `op` is the
            // caller's Addr, which outlives this call; ai_addrlen fits
            // in a sockaddr_storage.
            unsafe {
                let out = &mut *(op as *mut Addr);
                let n =
                    ((*res).ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
                std::ptr::copy_nonoverlapping(
                    (*res).ai_addr as *const u8,
                    &mut out.st as *mut _ as *mut u8,
                    n,
                );
                out.len = n as libc::socklen_t;
                libc::freeaddrinfo(res);
            }
        }
        (code, err)
    });
    if code != 0 {
        return Err(gai_error(ts, code, err));
    }
    Ok(())
}

fn set_v4(out: &mut Addr, ip: [u8; 4], port: u16) {
    // SAFETY: sockaddr_storage is large and aligned enough for sockaddr_in.
    let sin = unsafe { &mut *(out.mut_ptr() as *mut libc::sockaddr_in) };
    sin.sin_family = libc::AF_INET as libc::sa_family_t;
    sin.sin_port = port.to_be();
    sin.sin_addr.s_addr = u32::from_ne_bytes(ip);
    out.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
}

fn set_v6(out: &mut Addr, ip: [u8; 16], port: u16, flow: u32, scope: u32) {
    // SAFETY: sockaddr_storage is large and aligned enough for sockaddr_in6.
    let sin = unsafe { &mut *(out.mut_ptr() as *mut libc::sockaddr_in6) };
    sin.sin6_family = libc::AF_INET6 as libc::sa_family_t;
    sin.sin6_port = port.to_be();
    sin.sin6_addr.s6_addr = ip;
    sin.sin6_flowinfo = flow.to_be();
    sin.sin6_scope_id = scope;
    out.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
}

/// Sets the port of an AF_INET/AF_INET6 address.
fn set_port(out: &mut Addr, port: u16) {
    // SAFETY: the family field says which layout the storage holds.
    unsafe {
        match out.st.ss_family as i32 {
            libc::AF_INET => (*(out.mut_ptr() as *mut libc::sockaddr_in)).sin_port = port.to_be(),
            libc::AF_INET6 => {
                (*(out.mut_ptr() as *mut libc::sockaddr_in6)).sin6_port = port.to_be()
            }
            _ => {}
        }
    }
}

/// A port number (`int`, checked against 0..65535 by the caller).
fn port_arg(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    if float::is_float(v) {
        return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = ops::index(ts, v)?;
    Ok(int::to_i64(i).unwrap_or(i64::MAX))
}

/// The C address a Python address names for a socket of `family`
/// (CPython's `getsockaddrarg`); `caller` names the method in messages.
fn sockaddr_arg(ts: &mut ThreadState, family: i32, v: Value, caller: &str) -> PyResult<Addr> {
    let mut out = Addr::new();
    match family {
        libc::AF_UNIX => {
            let path: Vec<u8> = if let Some(s) = v.downcast::<StrObj>() {
                conv::fs_encode(ts, s)?
            } else {
                let v = conv::fspath(ts, v)?.unwrap_or(v);
                match v.downcast::<StrObj>() {
                    Some(s) => conv::fs_encode(ts, s)?,
                    None => bytes::expect_buffer(ts, v)?.into_owned(),
                }
            };
            // SAFETY: sockaddr_storage is large enough for sockaddr_un.
            let sun = unsafe { &mut *(out.mut_ptr() as *mut libc::sockaddr_un) };
            if path.len() >= sun.sun_path.len() {
                return Err(ts.os_error("AF_UNIX path too long"));
            }
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, &b) in sun.sun_path.iter_mut().zip(path.iter()) {
                *d = b as libc::c_char;
            }
            let off = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            out.len = (off + path.len()) as libc::socklen_t;
            Ok(out)
        }
        libc::AF_INET | libc::AF_INET6 => {
            let Some(t) = v.downcast::<TupleObj>() else {
                let fam = if family == libc::AF_INET {
                    "AF_INET"
                } else {
                    "AF_INET6"
                };
                return Err(ts.type_error(format!(
                    "{caller}(): {fam} address must be tuple, not {}",
                    type_name(v)
                )));
            };
            let items = t.items();
            if family == libc::AF_INET && items.len() != 2 {
                return Err(ts.type_error("AF_INET address must be a pair (host, port)"));
            }
            if family == libc::AF_INET6 && !(2..=4).contains(&items.len()) {
                return Err(ts.type_error(
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])",
                ));
            }
            let (h, p) = (items[0], items[1]);
            let host = host_bytes(ts, h)?;
            let port = port_arg(ts, p)?;
            let flow = match items.get(2) {
                Some(&f) => ops::index_to_i64(ts, f)?,
                None => 0,
            };
            let scope = match items.get(3) {
                Some(&s) => ops::index_to_i64(ts, s)?,
                None => 0,
            };
            resolve(ts, &host, family, &mut out)?;
            if !(0..=65535).contains(&port) {
                return Err(ts.overflow_error(format!("{caller}(): port must be 0-65535.")));
            }
            if family == libc::AF_INET6 {
                if !(0..=0xfffff).contains(&flow) {
                    return Err(
                        ts.overflow_error(format!("{caller}(): flowinfo must be 0-1048575."))
                    );
                }
                // SAFETY: resolve wrote an AF_INET6 address.
                let sin = unsafe { &mut *(out.mut_ptr() as *mut libc::sockaddr_in6) };
                sin.sin6_flowinfo = (flow as u32).to_be();
                sin.sin6_scope_id = scope as u32;
            }
            set_port(&mut out, port as u16);
            Ok(out)
        }
        _ => Err(ts.os_error(format!("{caller}(): bad family"))),
    }
}

/// The Python form of a C address (CPython's `makesockaddr`).
fn sockaddr_value(ts: &mut ThreadState, a: &Addr) -> PyResult<Value> {
    if a.len == 0 {
        return Ok(Value::NONE);
    }
    match a.st.ss_family as i32 {
        libc::AF_INET => {
            // SAFETY: the family says the storage holds a sockaddr_in.
            let sin = unsafe { &*(a.ptr() as *const libc::sockaddr_in) };
            let ip = std::net::Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
            let host = StrObj::new(ts, &ip.to_string());
            let port = Value::small_int_unchecked(u16::from_be(sin.sin_port) as i64);
            Ok(TupleObj::new(ts, &[host, port]).value())
        }
        libc::AF_INET6 => {
            // SAFETY: the family says the storage holds a sockaddr_in6.
            let sin = unsafe { &*(a.ptr() as *const libc::sockaddr_in6) };
            let host = StrObj::new(ts, &ntop6(sin.sin6_addr.s6_addr));
            let port = Value::small_int_unchecked(u16::from_be(sin.sin6_port) as i64);
            let flow = Value::small_int_unchecked(u32::from_be(sin.sin6_flowinfo) as i64);
            let scope = Value::small_int_unchecked(sin.sin6_scope_id as i64);
            Ok(TupleObj::new(ts, &[host, port, flow, scope]).value())
        }
        libc::AF_UNIX => {
            let off = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            // SAFETY: the family says the storage holds a sockaddr_un.
            let sun = unsafe { &*(a.ptr() as *const libc::sockaddr_un) };
            let n = (a.len as usize).saturating_sub(off).min(sun.sun_path.len());
            let raw: Vec<u8> = sun.sun_path[..n].iter().map(|&c| c as u8).collect();
            if raw.first() == Some(&0) {
                return Ok(BytesObj::new(ts, &raw));
            }
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            conv::fs_decode(ts, &raw[..end])
        }
        fam => {
            // SAFETY: the storage is at least 16 bytes; the generic
            // sockaddr's data follows its 2-byte family.
            let raw = unsafe { std::slice::from_raw_parts(a.ptr() as *const u8, 16) };
            let data = raw[2..].to_vec();
            let b = BytesObj::new(ts, &data);
            Ok(TupleObj::new(ts, &[Value::small_int_unchecked(fam as i64), b]).value())
        }
    }
}

/// An IPv6 address as text, the C library's way (`inet_ntop`).
fn ntop6(ip: [u8; 16]) -> String {
    let mut buf = [0 as libc::c_char; 64];
    // SAFETY: `ip` is 16 bytes, `buf` is larger than INET6_ADDRSTRLEN.
    let r = unsafe {
        inet_ntop_c(
            libc::AF_INET6,
            ip.as_ptr() as *const libc::c_void,
            buf.as_mut_ptr(),
            buf.len() as libc::socklen_t,
        )
    };
    if r.is_null() {
        return std::net::Ipv6Addr::from(ip).to_string();
    }
    // SAFETY: inet_ntop wrote a NUL-terminated string into `buf`.
    unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned()
}

// ---- blocking calls with timeouts --------------------------------------------------------

/// Runs a socket operation as CPython's `sock_call_ex`: with a positive
/// timeout it first waits (until `deadline`) for the descriptor to be
/// readable (`writing` false) or writable, then calls `f(fd)`; `EINTR`
/// runs signal handlers and retries, `EAGAIN` retries while time is left.
/// `f` returns -1 with errno set on failure and touches no heap object.
fn sock_call_until(
    ts: &mut ThreadState,
    s: &Sock,
    writing: bool,
    deadline: Option<Instant>,
    mut f: impl FnMut(i32) -> isize,
) -> PyResult<isize> {
    let timeout = s.timeout.load(Ordering::Relaxed);
    // A blocking call on the main thread first waits for readiness in
    // slices (`select::wait`), so signal handlers (Ctrl-C) run while it
    // waits: handlers are installed with SA_RESTART, which would restart
    // a blocked recv/accept in the kernel.
    let wait_first = timeout > 0 || (timeout < 0 && select::is_main(ts));
    loop {
        let fd = s.fd.load(Ordering::Acquire);
        if fd < 0 {
            return Err(os_err(ts, libc::EBADF));
        }
        if wait_first {
            let events = if writing { libc::POLLOUT } else { libc::POLLIN };
            let mut pfd = libc::pollfd {
                fd,
                events,
                revents: 0,
            };
            let p = &mut pfd as *mut libc::pollfd as usize;
            // SAFETY: `pfd` is a local that outlives the call.
            let r = select::wait(ts, deadline, |ms| unsafe {
                libc::poll(p as *mut libc::pollfd, 1, ms) as isize
            })?;
            match r {
                Err(e) => return Err(os_err(ts, e)),
                Ok(0) => return Err(timeout_error(ts)),
                Ok(_) => {}
            }
        }
        let (r, e) = ts.allow_threads(|| {
            let r = f(fd);
            (r, if r < 0 { conv::errno() } else { 0 })
        });
        if r >= 0 {
            return Ok(r);
        }
        if e == libc::EINTR {
            if interp::signal_pending() {
                interp::handle_pending_signals(ts)?;
            }
            continue;
        }
        if timeout > 0 && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) {
            continue;
        }
        return Err(os_err(ts, e));
    }
}

fn deadline_of(s: &Sock) -> Option<Instant> {
    let t = s.timeout.load(Ordering::Relaxed);
    if t > 0 {
        select::deadline_after(Some(t as i128))
    } else {
        None
    }
}

fn sock_call(
    ts: &mut ThreadState,
    s: &Sock,
    writing: bool,
    f: impl FnMut(i32) -> isize,
) -> PyResult<isize> {
    let d = deadline_of(s);
    sock_call_until(ts, s, writing, d, f)
}

/// `sock_call` for a call with `flags`: with `MSG_DONTWAIT` the call is
/// made at once (no readiness wait, which would block), as CPython does.
fn sock_call_flags(
    ts: &mut ThreadState,
    s: &Sock,
    writing: bool,
    flags: i32,
    mut f: impl FnMut(i32) -> isize,
) -> PyResult<isize> {
    if flags & libc::MSG_DONTWAIT == 0 {
        return sock_call(ts, s, writing, f);
    }
    loop {
        let fd = s.fd.load(Ordering::Acquire);
        if fd < 0 {
            return Err(os_err(ts, libc::EBADF));
        }
        let (r, e) = ts.allow_threads(|| {
            let r = f(fd);
            (r, if r < 0 { conv::errno() } else { 0 })
        });
        if r >= 0 {
            return Ok(r);
        }
        if e == libc::EINTR {
            if interp::signal_pending() {
                interp::handle_pending_signals(ts)?;
            }
            continue;
        }
        return Err(os_err(ts, e));
    }
}

/// Puts the descriptor in blocking or non-blocking mode.
fn set_blocking_fd(fd: i32, block: bool) -> Result<(), i32> {
    // SAFETY: fcntl on a descriptor number; no pointers.
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        if fl < 0 {
            return Err(conv::errno());
        }
        let new = if block {
            fl & !libc::O_NONBLOCK
        } else {
            fl | libc::O_NONBLOCK
        };
        if new != fl && libc::fcntl(fd, libc::F_SETFL, new) < 0 {
            return Err(conv::errno());
        }
    }
    Ok(())
}

/// A timeout argument in ns (-1 for None), with CPython's errors.
fn timeout_arg(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    match select::timeout_ns(ts, v, 1e9)? {
        Some(None) => Ok(-1),
        Some(Some(ns)) if ns < 0 => Err(ts.value_error("Timeout value out of range")),
        Some(Some(ns)) => Ok(ns as i64),
        None => Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))),
    }
}

fn timeout_value(ts: &mut ThreadState, ns: i64) -> Value {
    if ns < 0 {
        Value::NONE
    } else {
        float::new_float(ts, ns as f64 / 1e9)
    }
}

// ---- the socket type ---------------------------------------------------------------------

fn sock_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let Some(&base) = SOCKET_TYPE.get() else {
        return Err(ts.system_error("_socket not initialized"));
    };
    let s = Sock {
        fd: AtomicI32::new(-1),
        family: AtomicI32::new(libc::AF_INET),
        kind: AtomicI32::new(libc::SOCK_STREAM),
        proto: AtomicI32::new(0),
        timeout: AtomicI64::new(-1),
    };
    Ok(native::alloc_checked(ts, cls, base, s, false)?.value())
}

/// Fills in a socket for descriptor `fd` (CPython's `init_sockobject`).
fn init_sock(
    ts: &mut ThreadState,
    s: &Sock,
    fd: i32,
    family: i32,
    kind: i32,
    proto: i32,
) -> PyResult<()> {
    s.fd.store(fd, Ordering::Release);
    s.family.store(family, Ordering::Relaxed);
    s.kind.store(
        kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC),
        Ordering::Relaxed,
    );
    s.proto.store(proto, Ordering::Relaxed);
    let t = if kind & libc::SOCK_NONBLOCK != 0 {
        0
    } else {
        DEFAULT_TIMEOUT.load(Ordering::Relaxed)
    };
    s.timeout.store(t, Ordering::Relaxed);
    if t >= 0 {
        if let Err(e) = set_blocking_fd(fd, false) {
            return Err(os_err(ts, e));
        }
    }
    Ok(())
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Result<i32, i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v` and `len` are locals of the sizes given.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            opt,
            &mut v as *mut _ as *mut libc::c_void,
            &mut len,
        )
    };
    if r < 0 {
        Err(conv::errno())
    } else {
        Ok(v)
    }
}

fn sock_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    static SIG: Sig = Sig::new("socket(family=-1, type=-1, proto=-1, fileno=None)");
    let [fam, kind, proto, fileno] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let int_or = |ts: &mut ThreadState, x: Value| -> PyResult<i32> {
        if x.is_null() {
            Ok(-1)
        } else {
            conv::c_int(ts, x)
        }
    };
    let mut family = int_or(ts, fam)?;
    let mut kind = int_or(ts, kind)?;
    let mut proto = int_or(ts, proto)?;
    let fd = if let Some(f) = fileno.non_null().filter(|f| !f.is_none()) {
        if float::is_float(f) {
            return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
        }
        let i = ops::index(ts, f)?;
        let fd = match int::to_i64(i) {
            Some(n) if n < 0 => return Err(ts.value_error("negative file descriptor")),
            Some(n) if n <= i32::MAX as i64 => n as i32,
            _ => return Err(ts.overflow_error("Python int too large to convert to C int")),
        };
        for (slot, opt) in [
            (&mut family, libc::SO_DOMAIN),
            (&mut kind, libc::SO_TYPE),
            (&mut proto, libc::SO_PROTOCOL),
        ] {
            if *slot == -1 {
                match getsockopt_int(fd, libc::SOL_SOCKET, opt) {
                    Ok(x) => *slot = x,
                    Err(e) => return Err(os_err(ts, e)),
                }
            }
        }
        fd
    } else {
        if family == -1 {
            family = libc::AF_INET;
        }
        if kind == -1 {
            kind = libc::SOCK_STREAM;
        }
        if proto == -1 {
            proto = 0;
        }
        // SAFETY: no pointers.
        let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
        if fd < 0 {
            return Err(conv::last_error(ts));
        }
        fd
    };
    let old = s.fd.swap(-1, Ordering::AcqRel);
    if old >= 0 {
        // SAFETY: re-initialising closes the descriptor the object held.
        unsafe { libc::close(old) };
    }
    init_sock(ts, s, fd, family, kind, proto)
}

fn sock_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = sock_of(ts, v)?;
    let text = format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.load(Ordering::Relaxed),
        s.family.load(Ordering::Relaxed),
        s.kind.load(Ordering::Relaxed),
        s.proto.load(Ordering::Relaxed)
    );
    Ok(StrObj::new(ts, &text))
}

fn get_family(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(
        sock_of(ts, v)?.family.load(Ordering::Relaxed) as i64,
    ))
}

fn get_type(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(
        sock_of(ts, v)?.kind.load(Ordering::Relaxed) as i64,
    ))
}

fn get_proto(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(
        sock_of(ts, v)?.proto.load(Ordering::Relaxed) as i64,
    ))
}

fn get_timeout(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = sock_of(ts, v)?.timeout.load(Ordering::Relaxed);
    Ok(timeout_value(ts, t))
}

fn m_fileno(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fileno($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(Value::small_int_unchecked(
        sock_of(ts, v)?.fd.load(Ordering::Acquire) as i64,
    ))
}

fn m_close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let fd = sock_of(ts, v)?.fd.swap(-1, Ordering::AcqRel);
    if fd >= 0 {
        // SAFETY: closes the descriptor this socket owned; close is not
        // retried (the descriptor is gone either way).
        let r = ts.allow_threads(|| unsafe {
            if libc::close(fd) < 0 {
                conv::errno()
            } else {
                0
            }
        });
        // ECONNRESET on close is ignored, as CPython does.
        if r != 0 && r != libc::ECONNRESET && r != libc::EINTR {
            return Err(os_err(ts, r));
        }
    }
    Ok(Value::NONE)
}

fn m_detach(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("detach($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let fd = sock_of(ts, v)?.fd.swap(-1, Ordering::AcqRel);
    Ok(Value::small_int_unchecked(fd as i64))
}

fn m_bind(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bind($self, address, /)");
    let [v, a] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let addr = sockaddr_arg(ts, s.family.load(Ordering::Relaxed), a, "bind")?;
    let fd = s.fd.load(Ordering::Acquire);
    // SAFETY: `addr` is a local address of `addr.len` bytes.
    if unsafe { libc::bind(fd, addr.ptr(), addr.len) } < 0 {
        return Err(conv::last_error(ts));
    }
    Ok(Value::NONE)
}

fn m_listen(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("listen($self, backlog=min(SOMAXCONN, 128), /)");
    let [v, b] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let backlog = match b.non_null() {
        Some(b) => conv::c_int(ts, b)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    let fd = s.fd.load(Ordering::Acquire);
    // SAFETY: no pointers.
    if unsafe { libc::listen(fd, backlog) } < 0 {
        return Err(conv::last_error(ts));
    }
    Ok(Value::NONE)
}

fn m_accept(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_accept($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let mut addr = Addr::new();
    let ap = &mut addr as *mut Addr as usize;
    let newfd = sock_call(ts, s, false, |fd| {
        // SAFETY: `ap` is the local Addr above, which outlives the call.
        unsafe {
            let a = &mut *(ap as *mut Addr);
            a.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
            libc::accept4(fd, a.mut_ptr(), &mut a.len, libc::SOCK_CLOEXEC) as isize
        }
    })?;
    let a = match sockaddr_value(ts, &addr) {
        Ok(a) => a,
        Err(e) => {
            // SAFETY: closes the descriptor just accepted.
            unsafe { libc::close(newfd as i32) };
            return Err(e);
        }
    };
    Ok(TupleObj::new(ts, &[Value::small_int_unchecked(newfd as i64), a]).value())
}

/// Connects (CPython's `internal_connect`): Ok(Err(errno)) is a failure
/// `connect_ex` returns; exceptions are address errors, timeouts (for
/// `connect`) and signal handlers' errors.
fn connect(ts: &mut ThreadState, v: Value, a: Value, ex: bool) -> PyResult<Result<(), i32>> {
    let s = sock_of(ts, v)?;
    let addr = sockaddr_arg(ts, s.family.load(Ordering::Relaxed), a, "connect")?;
    let fd = s.fd.load(Ordering::Acquire);
    let ap = &addr as *const Addr as usize;
    let (r, e) = ts.allow_threads(|| {
        // SAFETY: `addr` is a local that outlives the call, and holds
        // `a.len` bytes of address.
        let r = unsafe {
            let a = &*(ap as *const Addr);
            libc::connect(fd, a.ptr(), a.len)
        };
        (r, if r < 0 { conv::errno() } else { 0 })
    });
    if r == 0 {
        return Ok(Ok(()));
    }
    let timeout = s.timeout.load(Ordering::Relaxed);
    let wait = if e == libc::EINTR {
        if interp::signal_pending() {
            interp::handle_pending_signals(ts)?;
        }
        timeout != 0
    } else {
        timeout > 0 && e == libc::EINPROGRESS
    };
    if !wait {
        return Ok(Err(e));
    }
    let deadline = deadline_of(s);
    loop {
        let mut pfd = libc::pollfd {
            fd,
            events: libc::POLLOUT,
            revents: 0,
        };
        let p = &mut pfd as *mut libc::pollfd as usize;
        // SAFETY: `pfd` is a local that outlives the call.
        let r = select::wait(ts, deadline, |ms| unsafe {
            libc::poll(p as *mut libc::pollfd, 1, ms) as isize
        })?;
        match r {
            Err(e) => return Ok(Err(e)),
            Ok(0) if ex => return Ok(Err(libc::EWOULDBLOCK)),
            Ok(0) => return Err(timeout_error(ts)),
            Ok(_) => {}
        }
        match getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR) {
            Err(e) => return Ok(Err(e)),
            Ok(0) | Ok(libc::EISCONN) => return Ok(Ok(())),
            Ok(libc::EINTR) => {
                if interp::signal_pending() {
                    interp::handle_pending_signals(ts)?;
                }
            }
            Ok(e) => return Ok(Err(e)),
        }
    }
}

fn m_connect(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("connect($self, address, /)");
    let [v, a] = SIG.bind(ts, args, kw)?;
    match connect(ts, v, a, false)? {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(os_err(ts, e)),
    }
}

fn m_connect_ex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("connect_ex($self, address, /)");
    let [v, a] = SIG.bind(ts, args, kw)?;
    let r = connect(ts, v, a, true)?;
    Ok(Value::small_int_unchecked(r.err().unwrap_or(0) as i64))
}

fn flags_arg(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    if v.is_null() {
        Ok(0)
    } else {
        conv::c_int(ts, v)
    }
}

/// A receive buffer of `n` bytes (MemoryError when it cannot be had).
fn recv_buf(ts: &mut ThreadState, n: usize) -> PyResult<Vec<u8>> {
    let mut buf = Vec::new();
    if buf.try_reserve_exact(n).is_err() {
        return Err(ts.new_error_with(types().memory_error, &[]));
    }
    buf.resize(n, 0);
    Ok(buf)
}

fn m_recv(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("recv($self, bufsize, flags=0, /)");
    let [v, n, flags] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let n = conv::ssize(ts, n)?;
    let flags = flags_arg(ts, flags)?;
    if n < 0 {
        return Err(ts.value_error("negative buffersize in recv"));
    }
    let mut buf = recv_buf(ts, n as usize)?;
    let (p, len) = (buf.as_mut_ptr() as usize, buf.len());
    // SAFETY: `buf` has `len` bytes and outlives the call.
    let got = sock_call_flags(ts, s, false, flags, |fd| unsafe {
        libc::recv(fd, p as *mut libc::c_void, len, flags)
    })?;
    Ok(BytesObj::new(ts, &buf[..got as usize]))
}

fn m_recvfrom(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("recvfrom($self, bufsize, flags=0, /)");
    let [v, n, flags] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let n = conv::ssize(ts, n)?;
    let flags = flags_arg(ts, flags)?;
    if n < 0 {
        return Err(ts.value_error("negative buffersize in recvfrom"));
    }
    let mut buf = recv_buf(ts, n as usize)?;
    let (got, addr) = recvfrom_raw(ts, s, &mut buf, flags)?;
    let b = BytesObj::new(ts, &buf[..got]);
    let a = sockaddr_value(ts, &addr)?;
    Ok(TupleObj::new(ts, &[b, a]).value())
}

fn recvfrom_raw(
    ts: &mut ThreadState,
    s: &Sock,
    buf: &mut [u8],
    flags: i32,
) -> PyResult<(usize, Addr)> {
    let mut addr = Addr::new();
    let ap = &mut addr as *mut Addr as usize;
    let (p, len) = (buf.as_mut_ptr() as usize, buf.len());
    let got = sock_call_flags(ts, s, false, flags, |fd| {
        // SAFETY: `buf` and `addr` are the caller's and outlive the call.
        unsafe {
            let a = &mut *(ap as *mut Addr);
            a.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
            libc::recvfrom(
                fd,
                p as *mut libc::c_void,
                len,
                flags,
                a.mut_ptr(),
                &mut a.len,
            )
        }
    })?;
    Ok((got as usize, addr))
}

/// The writable target and byte count of `recv_into`/`recvfrom_into`.
fn into_target(ts: &mut ThreadState, b: Value, n: Value, what: &str) -> PyResult<usize> {
    let size = match crate::_io::writable_len(ts, b, what) {
        Ok(n) => n,
        Err(e) if e.matches(types().type_error) => {
            return Err(ts.type_error(format!(
                "{what}() argument 1 must be read-write bytes-like object, not {}",
                type_name(b)
            )));
        }
        Err(e) => return Err(e),
    };
    let n = if n.is_null() { 0 } else { conv::ssize(ts, n)? };
    if n < 0 {
        return Err(ts.value_error(format!("negative buffersize in {what}")));
    }
    if n as usize > size {
        return Err(ts.value_error("buffer too small for requested bytes"));
    }
    Ok(if n == 0 { size } else { n as usize })
}

fn m_recv_into(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("recv_into($self, /, buffer, nbytes=0, flags=0)");
    let [v, b, n, flags] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let n = into_target(ts, b, n, "recv_into")?;
    let flags = flags_arg(ts, flags)?;
    let mut buf = recv_buf(ts, n)?;
    let (p, len) = (buf.as_mut_ptr() as usize, buf.len());
    // SAFETY: `buf` has `len` bytes and outlives the call.
    let got = sock_call_flags(ts, s, false, flags, |fd| unsafe {
        libc::recv(fd, p as *mut libc::c_void, len, flags)
    })? as usize;
    crate::_io::store_into(ts, b, &buf[..got])?;
    Ok(Value::small_int_unchecked(got as i64))
}

fn m_recvfrom_into(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("recvfrom_into($self, /, buffer, nbytes=0, flags=0)");
    let [v, b, n, flags] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let n = into_target(ts, b, n, "recvfrom_into")?;
    let flags = flags_arg(ts, flags)?;
    let mut buf = recv_buf(ts, n)?;
    let (got, addr) = recvfrom_raw(ts, s, &mut buf, flags)?;
    crate::_io::store_into(ts, b, &buf[..got])?;
    let a = sockaddr_value(ts, &addr)?;
    Ok(TupleObj::new(ts, &[Value::small_int_unchecked(got as i64), a]).value())
}

fn m_send(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("send($self, data, flags=0, /)");
    let [v, d, flags] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let data = bytes::expect_buffer(ts, d)?;
    let flags = flags_arg(ts, flags)? | libc::MSG_NOSIGNAL;
    let (p, len) = (data.as_ptr() as usize, data.len());
    // SAFETY: `data` is alive (held by the caller's arguments or owned
    // here) for the call.
    let n = sock_call_flags(ts, s, true, flags, |fd| unsafe {
        libc::send(fd, p as *const libc::c_void, len, flags)
    })?;
    Ok(Value::small_int_unchecked(n as i64))
}

fn m_sendall(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sendall($self, data, flags=0, /)");
    let [v, d, flags] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let data = bytes::expect_buffer(ts, d)?;
    let flags = flags_arg(ts, flags)? | libc::MSG_NOSIGNAL;
    let deadline = deadline_of(s);
    let mut off = 0;
    while off < data.len() {
        let (p, len) = (data[off..].as_ptr() as usize, data.len() - off);
        // SAFETY: as in `send`.
        let n = sock_call_until(ts, s, true, deadline, |fd| unsafe {
            libc::send(fd, p as *const libc::c_void, len, flags)
        })?;
        off += n as usize;
        if interp::signal_pending() {
            interp::handle_pending_signals(ts)?;
        }
    }
    Ok(Value::NONE)
}

fn m_sendto(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sendto($self, data, flags_or_address, address=None, /)");
    let nkw = kw.map_or(0, |k| k.len());
    let npos = args.len().saturating_sub(1 + nkw);
    if nkw == 0 && !(2..=3).contains(&npos) {
        return Err(ts.type_error(format!("sendto() takes 2 or 3 arguments ({npos} given)")));
    }
    let [v, d, a1, a2] = SIG.bind(ts, args, kw)?;
    let (flags, addr_v) = match a2.non_null() {
        Some(a) => (conv::c_int(ts, a1)?, a),
        None => (0, a1),
    };
    let s = sock_of(ts, v)?;
    let data = bytes::expect_buffer(ts, d)?;
    let addr = sockaddr_arg(ts, s.family.load(Ordering::Relaxed), addr_v, "sendto")?;
    let flags = flags | libc::MSG_NOSIGNAL;
    let (p, len) = (data.as_ptr() as usize, data.len());
    let ap = &addr as *const Addr as usize;
    // SAFETY: `data` and `addr` outlive the call.
    let n = sock_call_flags(ts, s, true, flags, |fd| unsafe {
        let a = &*(ap as *const Addr);
        libc::sendto(fd, p as *const libc::c_void, len, flags, a.ptr(), a.len)
    })?;
    Ok(Value::small_int_unchecked(n as i64))
}

// ---- sendmsg / recvmsg -------------------------------------------------------------------

/// `CMSG_LEN(0)`: the size of a control message's header.
fn cmsg_hdr_len() -> usize {
    // SAFETY: CMSG_LEN is arithmetic on its argument.
    unsafe { libc::CMSG_LEN(0) as usize }
}

/// One `(level, type, data)` item of `sendmsg`'s ancillary data, checked
/// as CPython's `PyArg_ParseTuple(item, "(iiy*)")` does.
fn anc_item(ts: &mut ThreadState, item: Value) -> PyResult<(i32, i32, Vec<u8>)> {
    let ty = type_of(item);
    let seq_like = ty == types().tuple
        || ty == types().list
        || (ty.slots.getitem.get().is_some() && ty != types().dict);
    if !seq_like || item.downcast::<BytesObj>().is_some() {
        return Err(ts.type_error(format!(
            "[sendmsg() ancillary data items]() argument must be 3-item sequence, not {}",
            type_name(item)
        )));
    }
    let parts = ops::collect(ts, item)?;
    if parts.len() != 3 {
        return Err(ts.type_error(format!(
            "[sendmsg() ancillary data items]() argument must be sequence of length 3, not {}",
            parts.len()
        )));
    }
    let (l, t, d) = (parts[0], parts[1], parts[2]);
    let level = conv::c_int(ts, l)?;
    let kind = conv::c_int(ts, t)?;
    let data = bytes::expect_buffer(ts, d)?.into_owned();
    Ok((level, kind, data))
}

/// The control buffer of `sendmsg`: each item's header and data at
/// `CMSG_SPACE`-aligned offsets, in 8-byte words (cmsghdr's alignment).
fn build_control(ts: &mut ThreadState, items: &[(i32, i32, Vec<u8>)]) -> PyResult<Vec<u64>> {
    let mut total: usize = 0;
    for (_, _, d) in items {
        if d.len() > (i32::MAX as usize - 64) {
            return Err(ts.os_error("ancillary data item too large"));
        }
        // SAFETY: CMSG_SPACE is arithmetic on its argument.
        let space = unsafe { libc::CMSG_SPACE(d.len() as u32) } as usize;
        total = match total.checked_add(space) {
            Some(t) if t <= i32::MAX as usize => t,
            _ => return Err(ts.os_error("too much ancillary data")),
        };
    }
    let mut words: Vec<u64> = Vec::new();
    if words.try_reserve_exact(total.div_ceil(8)).is_err() {
        return Err(ts.new_error_with(types().memory_error, &[]));
    }
    words.resize(total.div_ceil(8), 0);
    let base = words.as_mut_ptr() as *mut u8;
    let mut off = 0;
    for (level, kind, d) in items {
        // SAFETY: the buffer has room for every item's CMSG_SPACE (summed
        // above), so the header and data at `off` are inside it.
        unsafe {
            let h = libc::cmsghdr {
                cmsg_len: libc::CMSG_LEN(d.len() as u32) as _,
                cmsg_level: *level,
                cmsg_type: *kind,
            };
            std::ptr::write_unaligned(base.add(off) as *mut libc::cmsghdr, h);
            std::ptr::copy_nonoverlapping(d.as_ptr(), base.add(off + cmsg_hdr_len()), d.len());
            off += libc::CMSG_SPACE(d.len() as u32) as usize;
        }
    }
    words.truncate(total.div_ceil(8));
    Ok(words)
}

fn m_sendmsg(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("socket.sendmsg($self, buffers, ancdata=(), flags=0, address=None, /)").legacy();
    let [v, bufs, anc, flags, addr_v] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let bufs = ops::iter(ts, bufs)
        .and_then(|it| ops::collect(ts, it))
        .map_err(|e| {
            if e.matches(types().type_error) {
                ts.type_error("sendmsg() argument 1 must be an iterable")
            } else {
                e
            }
        })?;
    let anc = match anc.non_null() {
        None => None,
        Some(a) => Some(
            ops::iter(ts, a)
                .and_then(|it| ops::collect(ts, it))
                .map_err(|e| {
                    if e.matches(types().type_error) {
                        ts.type_error("sendmsg() argument 2 must be an iterable")
                    } else {
                        e
                    }
                })?,
        ),
    };
    let flags = flags_arg(ts, flags)? | libc::MSG_NOSIGNAL;
    let addr = match addr_v.non_null().filter(|a| !a.is_none()) {
        Some(a) => Some(sockaddr_arg(
            ts,
            s.family.load(Ordering::Relaxed),
            a,
            "sendmsg",
        )?),
        None => None,
    };
    let mut data = Vec::new();
    for i in 0..bufs.len() {
        let b = bufs[i];
        data.extend_from_slice(&bytes::expect_buffer(ts, b)?);
    }
    let mut items = Vec::new();
    if let Some(anc) = &anc {
        for i in 0..anc.len() {
            let it = anc[i];
            items.push(anc_item(ts, it)?);
        }
    }
    let control = build_control(ts, &items)?;
    let control_len = items
        .iter()
        // SAFETY: CMSG_SPACE is arithmetic on its argument.
        .map(|(_, _, d)| unsafe { libc::CMSG_SPACE(d.len() as u32) } as usize)
        .sum::<usize>();
    let (p, len) = (data.as_ptr() as usize, data.len());
    let cp = control.as_ptr() as usize;
    let ap = addr.as_ref().map_or(0, |a| a as *const Addr as usize);
    let n = sock_call_flags(ts, s, true, flags, |fd| {
        // SAFETY: `data`, `control` and `addr` outlive the call; the
        // msghdr points only at them.
        unsafe {
            let mut iov = libc::iovec {
                iov_base: p as *mut libc::c_void,
                iov_len: len,
            };
            let mut msg: libc::msghdr = std::mem::zeroed();
            if ap != 0 {
                let a = &*(ap as *const Addr);
                msg.msg_name = a.ptr() as *mut libc::c_void;
                msg.msg_namelen = a.len;
            }
            msg.msg_iov = &mut iov;
            msg.msg_iovlen = 1;
            if control_len > 0 {
                msg.msg_control = cp as *mut libc::c_void;
                msg.msg_controllen = control_len as _;
            }
            libc::sendmsg(fd, &msg, flags)
        }
    })?;
    Ok(Value::small_int_unchecked(n as i64))
}

/// What one `recvmsg` call received.
struct Received {
    n: usize,
    control: Vec<u64>,
    control_len: usize,
    flags: i32,
    addr: Addr,
}

/// Receives into `buf` with room for `ancbufsize` bytes of ancillary data.
fn recvmsg_raw(
    ts: &mut ThreadState,
    s: &Sock,
    buf: &mut [u8],
    ancbufsize: usize,
    flags: i32,
) -> PyResult<Received> {
    let mut r = Received {
        n: 0,
        control: Vec::new(),
        control_len: 0,
        flags: 0,
        addr: Addr::new(),
    };
    if r.control.try_reserve_exact(ancbufsize.div_ceil(8)).is_err() {
        return Err(ts.new_error_with(types().memory_error, &[]));
    }
    r.control.resize(ancbufsize.div_ceil(8), 0);
    let (p, len) = (buf.as_mut_ptr() as usize, buf.len());
    let rp = &mut r as *mut Received as usize;
    let n = sock_call_flags(ts, s, false, flags, |fd| {
        // SAFETY: `buf` and `r` (its control buffer and address) outlive
        // the call and nothing else touches them meanwhile.
        unsafe {
            let r = &mut *(rp as *mut Received);
            let mut iov = libc::iovec {
                iov_base: p as *mut libc::c_void,
                iov_len: len,
            };
            let mut msg: libc::msghdr = std::mem::zeroed();
            msg.msg_name = r.addr.mut_ptr() as *mut libc::c_void;
            msg.msg_namelen = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
            msg.msg_iov = &mut iov;
            msg.msg_iovlen = 1;
            if ancbufsize > 0 {
                msg.msg_control = r.control.as_mut_ptr() as *mut libc::c_void;
                msg.msg_controllen = ancbufsize as _;
            }
            let got = libc::recvmsg(fd, &mut msg, flags);
            if got >= 0 {
                r.flags = msg.msg_flags;
                r.control_len = (msg.msg_controllen as usize).min(ancbufsize);
                r.addr.len = msg
                    .msg_namelen
                    .min(std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t);
            }
            got
        }
    })?;
    r.n = n as usize;
    Ok(r)
}

/// The control messages of `r` as `(level, type, data)` triples; a
/// message the kernel truncated (MSG_CTRUNC) keeps the data that fit.
fn control_messages(r: &Received) -> Vec<(i32, i32, Vec<u8>)> {
    let mut out = Vec::new();
    let base = r.control.as_ptr() as *const u8;
    let hdr = std::mem::size_of::<libc::cmsghdr>();
    let data_off = cmsg_hdr_len();
    let mut off = 0;
    while off + hdr <= r.control_len {
        // SAFETY: the header lies inside the received control bytes.
        let h: libc::cmsghdr =
            unsafe { std::ptr::read_unaligned(base.add(off) as *const libc::cmsghdr) };
        let clen = h.cmsg_len as usize;
        if clen < data_off {
            break;
        }
        let end = (off + clen).min(r.control_len);
        let start = (off + data_off).min(end);
        // SAFETY: `start..end` is inside the received control bytes.
        let data = unsafe { std::slice::from_raw_parts(base.add(start), end - start) }.to_vec();
        out.push((h.cmsg_level, h.cmsg_type, data));
        // SAFETY: CMSG_SPACE is arithmetic on its argument.
        off += unsafe { libc::CMSG_SPACE((clen - data_off) as u32) } as usize;
    }
    out
}

/// Closes descriptors received with SCM_RIGHTS that will not reach the
/// program (its result could not be built).
fn close_received_fds(items: &[(i32, i32, Vec<u8>)]) {
    for (level, kind, d) in items {
        if *level == libc::SOL_SOCKET && *kind == libc::SCM_RIGHTS {
            for c in d.chunks_exact(4) {
                let fd = i32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
                // SAFETY: closes a descriptor this process just received.
                unsafe { libc::close(fd) };
            }
        }
    }
}

/// `(first, ancdata, msg_flags, address)`: the result of recvmsg and
/// recvmsg_into.
fn recvmsg_result(ts: &mut ThreadState, first: Value, r: &Received) -> PyResult<Value> {
    let items = control_messages(r);
    let list = ListObj::new(ts, &[]);
    for (level, kind, d) in &items {
        let b = BytesObj::new(ts, d);
        let t = TupleObj::new(
            ts,
            &[
                Value::small_int_unchecked(*level as i64),
                Value::small_int_unchecked(*kind as i64),
                b,
            ],
        );
        list.append(ts, t.value());
    }
    let addr = match sockaddr_value(ts, &r.addr) {
        Ok(a) => a,
        Err(e) => {
            close_received_fds(&items);
            return Err(e);
        }
    };
    let fl = Value::small_int_unchecked(r.flags as i64);
    Ok(TupleObj::new(ts, &[first, list.value(), fl, addr]).value())
}

fn ancbufsize_arg(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    let n = if v.is_null() { 0 } else { conv::ssize(ts, v)? };
    if !(0..=(i32::MAX as i64)).contains(&n) {
        return Err(ts.value_error("invalid ancillary data buffer length"));
    }
    Ok(n as usize)
}

fn m_recvmsg(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("socket.recvmsg($self, bufsize, ancbufsize=0, flags=0, /)").legacy();
    let [v, n, anc, flags] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let n = conv::ssize(ts, n)?;
    let anc = ancbufsize_arg(ts, anc)?;
    let flags = flags_arg(ts, flags)?;
    if n < 0 {
        return Err(ts.value_error("negative buffer size in recvmsg()"));
    }
    let mut buf = recv_buf(ts, n as usize)?;
    let r = recvmsg_raw(ts, s, &mut buf, anc, flags)?;
    let b = BytesObj::new(ts, &buf[..r.n]);
    recvmsg_result(ts, b, &r)
}

fn m_recvmsg_into(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("socket.recvmsg_into($self, buffers, ancbufsize=0, flags=0, /)").legacy();
    let [v, bufs, anc, flags] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let bufs = ops::iter(ts, bufs)
        .and_then(|it| ops::collect(ts, it))
        .map_err(|e| {
            if e.matches(types().type_error) {
                ts.type_error("recvmsg_into() argument 1 must be an iterable")
            } else {
                e
            }
        })?;
    let mut sizes = Vec::with_capacity(bufs.len());
    for i in 0..bufs.len() {
        let b = bufs[i];
        match crate::_io::writable_len(ts, b, "recvmsg_into") {
            Ok(n) => sizes.push(n),
            Err(e) if e.matches(types().type_error) => {
                return Err(ts.type_error(
                    "recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers",
                ));
            }
            Err(e) => return Err(e),
        }
    }
    let anc = ancbufsize_arg(ts, anc)?;
    let flags = flags_arg(ts, flags)?;
    let total = sizes.iter().sum::<usize>();
    let mut buf = recv_buf(ts, total)?;
    let r = recvmsg_raw(ts, s, &mut buf, anc, flags)?;
    // The bytes go to the buffers in order, each filled before the next.
    let mut off = 0;
    for (i, &size) in sizes.iter().enumerate() {
        if off >= r.n {
            break;
        }
        let end = (off + size).min(r.n);
        let b = bufs[i];
        if let Err(e) = crate::_io::store_into(ts, b, &buf[off..end]) {
            close_received_fds(&control_messages(&r));
            return Err(e);
        }
        off = end;
    }
    recvmsg_result(ts, Value::small_int_unchecked(r.n as i64), &r)
}

fn m_shutdown(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("shutdown($self, how, /)");
    let [v, how] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let how = conv::c_int(ts, how)?;
    let fd = s.fd.load(Ordering::Acquire);
    // SAFETY: no pointers.
    if unsafe { libc::shutdown(fd, how) } < 0 {
        return Err(conv::last_error(ts));
    }
    Ok(Value::NONE)
}

fn name_of(ts: &mut ThreadState, args: &[Value], kw: Kw, peer: bool) -> PyResult<Value> {
    let [v] = if peer {
        static SIG: Sig = Sig::new("getpeername($self, /)");
        SIG.bind(ts, args, kw)?
    } else {
        static SIG: Sig = Sig::new("getsockname($self, /)");
        SIG.bind(ts, args, kw)?
    };
    let s = sock_of(ts, v)?;
    let fd = s.fd.load(Ordering::Acquire);
    let mut addr = Addr::new();
    // SAFETY: `addr` is a local sockaddr_storage with its length.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, addr.mut_ptr(), &mut addr.len)
        } else {
            libc::getsockname(fd, addr.mut_ptr(), &mut addr.len)
        }
    };
    if r < 0 {
        return Err(conv::last_error(ts));
    }
    sockaddr_value(ts, &addr)
}

fn m_getsockname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    name_of(ts, args, kw, false)
}

fn m_getpeername(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    name_of(ts, args, kw, true)
}

fn m_getsockopt(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getsockopt($self, level, option, buffersize=None, /)");
    let [v, level, opt, buflen] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let level = conv::c_int(ts, level)?;
    let opt = conv::c_int(ts, opt)?;
    let fd = s.fd.load(Ordering::Acquire);
    let Some(buflen) = buflen.non_null().filter(|b| b.as_small_int() != Some(0)) else {
        return match getsockopt_int(fd, level, opt) {
            Ok(x) => Ok(int::int_from_i64(ts, x as i64)),
            Err(e) => Err(os_err(ts, e)),
        };
    };
    let n = conv::c_int(ts, buflen)?;
    if n <= 0 || n > 1024 {
        return Err(ts.os_error("getsockopt buflen out of range"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut len = n as libc::socklen_t;
    // SAFETY: `buf` has `len` bytes.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            opt,
            buf.as_mut_ptr() as *mut libc::c_void,
            &mut len,
        )
    };
    if r < 0 {
        return Err(conv::last_error(ts));
    }
    Ok(BytesObj::new(ts, &buf[..(len as usize).min(buf.len())]))
}

fn m_setsockopt(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("setsockopt($self, level, option, value, optlen=None, /)");
    let [v, level, opt, value, optlen] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let level = conv::c_int(ts, level)?;
    let opt = conv::c_int(ts, opt)?;
    let fd = s.fd.load(Ordering::Acquire);
    let r = if let Some(ol) = optlen.non_null() {
        if !value.is_none() {
            return Err(ts.type_error("setsockopt() takes exactly 3 arguments (4 given)"));
        }
        let ol = conv::c_int(ts, ol)? as libc::socklen_t;
        // SAFETY: a NULL value with a length, as the caller asked (the
        // kernel reports EFAULT if it reads it).
        unsafe { libc::setsockopt(fd, level, opt, std::ptr::null(), ol) }
    } else if int::is_int(value) {
        let x = conv::c_int(ts, value)?;
        // SAFETY: `x` is a local c_int.
        unsafe {
            libc::setsockopt(
                fd,
                level,
                opt,
                &x as *const _ as *const libc::c_void,
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        }
    } else {
        let b = bytes::expect_buffer(ts, value)?;
        // SAFETY: `b` has `b.len()` bytes.
        unsafe {
            libc::setsockopt(
                fd,
                level,
                opt,
                b.as_ptr() as *const libc::c_void,
                b.len() as libc::socklen_t,
            )
        }
    };
    if r < 0 {
        return Err(conv::last_error(ts));
    }
    Ok(Value::NONE)
}

fn set_timeout(ts: &mut ThreadState, s: &Sock, ns: i64) -> PyResult<()> {
    s.timeout.store(ns, Ordering::Relaxed);
    let fd = s.fd.load(Ordering::Acquire);
    if fd >= 0 {
        if let Err(e) = set_blocking_fd(fd, ns < 0) {
            return Err(os_err(ts, e));
        }
    }
    Ok(())
}

fn m_setblocking(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("setblocking($self, flag, /)");
    let [v, flag] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let block = conv::c_long(ts, flag)? != 0;
    set_timeout(ts, s, if block { -1 } else { 0 })?;
    Ok(Value::NONE)
}

fn m_getblocking(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getblocking($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(
        sock_of(ts, v)?.timeout.load(Ordering::Relaxed) != 0,
    ))
}

fn m_settimeout(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("settimeout($self, value, /)");
    let [v, t] = SIG.bind(ts, args, kw)?;
    let s = sock_of(ts, v)?;
    let ns = timeout_arg(ts, t)?;
    set_timeout(ts, s, ns)?;
    Ok(Value::NONE)
}

fn m_gettimeout(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("gettimeout($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    get_timeout(ts, v)
}

// ---- module functions --------------------------------------------------------------------

/// A new `_socket.socket` for `fd` (socketpair).
fn wrap_fd(ts: &mut ThreadState, fd: i32, family: i32, kind: i32, proto: i32) -> PyResult<Value> {
    let Some(&t) = SOCKET_TYPE.get() else {
        return Err(ts.system_error("_socket not initialized"));
    };
    let v = sock_new(ts, t, &[], None)?;
    let s = sock_of(ts, v)?;
    init_sock(ts, s, fd, family, kind, proto)?;
    Ok(v)
}

fn socketpair(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0, /)");
    let [f, t, p] = SIG.bind(ts, args, kw)?;
    let family = if f.is_null() {
        libc::AF_UNIX
    } else {
        conv::c_int(ts, f)?
    };
    let kind = if t.is_null() {
        libc::SOCK_STREAM
    } else {
        conv::c_int(ts, t)?
    };
    let proto = if p.is_null() { 0 } else { conv::c_int(ts, p)? };
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a local array of two ints.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(conv::last_error(ts));
    }
    let a = match wrap_fd(ts, fds[0], family, kind, proto) {
        Ok(a) => a,
        Err(e) => {
            // SAFETY: closes the descriptors just made.
            unsafe {
                libc::close(fds[0]);
                libc::close(fds[1]);
            }
            return Err(e);
        }
    };
    let b = match wrap_fd(ts, fds[1], family, kind, proto) {
        Ok(b) => b,
        Err(e) => {
            // SAFETY: closes the descriptor not yet owned by a socket.
            unsafe { libc::close(fds[1]) };
            return Err(e);
        }
    };
    Ok(TupleObj::new(ts, &[a, b]).value())
}

/// A getaddrinfo result, copied out of the C list.
struct AiEntry {
    family: i32,
    kind: i32,
    proto: i32,
    canon: Option<Vec<u8>>,
    addr: Addr,
}

fn getaddrinfo(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)");
    let [h, p, f, t, pr, fl] = SIG.bind(ts, args, kw)?;
    let host = if h.is_none() {
        None
    } else if ftpy_vm::objects::str::as_str(h).is_some() || h.downcast::<BytesObj>().is_some() {
        Some(host_bytes(ts, h)?)
    } else {
        return Err(ts.type_error("getaddrinfo() argument 1 must be string or None"));
    };
    let port: Option<Vec<u8>> = if p.is_none() {
        None
    } else if int::is_int(p) {
        let i = ops::index(ts, p)?;
        Some(int::int_to_string(ts, i)?.into_bytes())
    } else if let Some(s) = ftpy_vm::objects::str::as_str(p) {
        Some(s.as_bytes().to_vec())
    } else if let Some(b) = p.downcast::<BytesObj>() {
        Some(b.as_bytes().to_vec())
    } else {
        return Err(ts.os_error("Int or String expected"));
    };
    let opt = |ts: &mut ThreadState, v: Value| -> PyResult<i32> {
        if v.is_null() {
            Ok(0)
        } else {
            conv::c_int(ts, v)
        }
    };
    let family = opt(ts, f)?;
    let kind = opt(ts, t)?;
    let proto = opt(ts, pr)?;
    let flags = opt(ts, fl)?;
    let nul = |ts: &mut ThreadState, b: Option<Vec<u8>>| -> PyResult<Option<CString>> {
        match b {
            Some(b) => CString::new(b)
                .map(Some)
                .map_err(|_| ts.value_error("embedded null character")),
            None => Ok(None),
        }
    };
    let host = nul(ts, host)?;
    let port = nul(ts, port)?;
    let hp = host.as_ref().map_or(0, |c| c.as_ptr() as usize);
    let pp = port.as_ref().map_or(0, |c| c.as_ptr() as usize);
    let r: Result<Vec<AiEntry>, (i32, i32)> = ts.allow_threads(|| {
        // SAFETY: a zeroed addrinfo is a valid hints value.
        let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
        hints.ai_family = family;
        hints.ai_socktype = kind;
        hints.ai_protocol = proto;
        hints.ai_flags = flags;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let cp = |p: usize| {
            if p == 0 {
                std::ptr::null()
            } else {
                p as *const libc::c_char
            }
        };
        // SAFETY: the strings are NUL-terminated (or null) and outlive the
        // call; the list is freed below.
        let code = unsafe { libc::getaddrinfo(cp(hp), cp(pp), &hints, &mut res) };
        if code != 0 {
            return Err((code, conv::errno()));
        }
        let mut out = Vec::new();
        let mut cur = res;
        while !cur.is_null() {
            // SAFETY: `cur` walks the list getaddrinfo returned.
            unsafe {
                let ai = &*cur;
                let mut addr = Addr::new();
                let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
                if !ai.ai_addr.is_null() {
                    std::ptr::copy_nonoverlapping(
                        ai.ai_addr as *const u8,
                        &mut addr.st as *mut _ as *mut u8,
                        n,
                    );
                }
                addr.len = n as libc::socklen_t;
                let canon = if ai.ai_canonname.is_null() {
                    None
                } else {
                    Some(CStr::from_ptr(ai.ai_canonname).to_bytes().to_vec())
                };
                out.push(AiEntry {
                    family: ai.ai_family,
                    kind: ai.ai_socktype,
                    proto: ai.ai_protocol,
                    canon,
                    addr,
                });
                cur = ai.ai_next;
            }
        }
        // SAFETY: frees the list once.
        unsafe { libc::freeaddrinfo(res) };
        Ok(out)
    });
    let entries = match r {
        Ok(e) => e,
        Err((code, err)) => return Err(gai_error(ts, code, err)),
    };
    let mut items = RootedVec::new(ts);
    for e in &entries {
        let canon = match &e.canon {
            Some(c) => StrObj::new(ts, &String::from_utf8_lossy(c)),
            None => StrObj::new(ts, ""),
        };
        items.push(canon);
        let addr = sockaddr_value(ts, &e.addr)?;
        let canon = items.pop().unwrap_or(Value::NONE);
        let t = TupleObj::new(
            ts,
            &[
                Value::small_int_unchecked(e.family as i64),
                Value::small_int_unchecked(e.kind as i64),
                Value::small_int_unchecked(e.proto as i64),
                canon,
                addr,
            ],
        );
        items.push(t.value());
    }
    Ok(ListObj::new(ts, &items).value())
}

fn getnameinfo(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getnameinfo(sockaddr, flags, /)");
    let [sa, fl] = SIG.bind(ts, args, kw)?;
    let Some(t) = sa.downcast::<TupleObj>() else {
        return Err(ts.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let flags = conv::c_int(ts, fl)?;
    let items = t.items();
    if !(2..=4).contains(&items.len())
        || (ftpy_vm::objects::str::as_str(items[0]).is_none() || !int::is_int(items[1]))
    {
        return Err(ts.type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let host = host_bytes(ts, items[0])?;
    let port = port_arg(ts, items[1])?;
    let flow = match items.get(2) {
        Some(&f) => ops::index_to_i64(ts, f)?,
        None => 0,
    };
    let scope = match items.get(3) {
        Some(&s) => ops::index_to_i64(ts, s)?,
        None => 0,
    };
    if !(0..=65535).contains(&port) {
        return Err(ts.overflow_error("getnameinfo(): port must be 0-65535."));
    }
    let mut addr = Addr::new();
    lookup(
        ts,
        Some(&host),
        libc::AF_UNSPEC,
        libc::AI_NUMERICHOST,
        &mut addr,
    )?;
    set_port(&mut addr, port as u16);
    if addr.st.ss_family as i32 == libc::AF_INET {
        if items.len() != 2 {
            return Err(ts.os_error("IPv4 sockaddr must be 2 tuple"));
        }
    } else if addr.st.ss_family as i32 == libc::AF_INET6 {
        if !(0..=0xfffff).contains(&flow) {
            return Err(ts.overflow_error("getnameinfo(): flowinfo must be 0-1048575."));
        }
        // SAFETY: the family says the storage holds a sockaddr_in6.
        let sin = unsafe { &mut *(addr.mut_ptr() as *mut libc::sockaddr_in6) };
        sin.sin6_flowinfo = (flow as u32).to_be();
        sin.sin6_scope_id = scope as u32;
    }
    let ap = &addr as *const Addr as usize;
    let r = ts.allow_threads(|| {
        let mut hbuf = [0 as libc::c_char; 1025];
        let mut sbuf = [0 as libc::c_char; 32];
        // SAFETY: `addr` outlives the call; the buffers have the lengths
        // given.
        let code = unsafe {
            let a = &*(ap as *const Addr);
            libc::getnameinfo(
                a.ptr(),
                a.len,
                hbuf.as_mut_ptr(),
                hbuf.len() as libc::socklen_t,
                sbuf.as_mut_ptr(),
                sbuf.len() as libc::socklen_t,
                flags,
            )
        };
        if code != 0 {
            return Err((code, conv::errno()));
        }
        // SAFETY: getnameinfo wrote NUL-terminated strings.
        unsafe {
            Ok((
                CStr::from_ptr(hbuf.as_ptr()).to_string_lossy().into_owned(),
                CStr::from_ptr(sbuf.as_ptr()).to_string_lossy().into_owned(),
            ))
        }
    });
    let (h, s) = match r {
        Ok(x) => x,
        Err((code, err)) => return Err(gai_error(ts, code, err)),
    };
    let h = StrObj::new(ts, &h);
    let s = StrObj::new(ts, &s);
    Ok(TupleObj::new(ts, &[h, s]).value())
}

fn gethostname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("gethostname()");
    let [] = SIG.bind(ts, args, kw)?;
    let mut buf = [0 as libc::c_char; 1025];
    // SAFETY: `buf` has the length given; the last byte stays NUL.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) } < 0 {
        return Err(conv::last_error(ts));
    }
    // SAFETY: NUL-terminated (the last byte was never written).
    let b = unsafe { CStr::from_ptr(buf.as_ptr()) }.to_bytes().to_vec();
    conv::fs_decode(ts, &b)
}

fn gethostbyname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("gethostbyname(host, /)");
    let [h] = SIG.bind(ts, args, kw)?;
    let host = host_bytes(ts, h)?;
    let mut addr = Addr::new();
    resolve(ts, &host, libc::AF_INET, &mut addr)?;
    let v = sockaddr_value(ts, &addr)?;
    match v.downcast::<TupleObj>() {
        Some(t) => Ok(t.items()[0]),
        None => Err(ts.os_error("unexpected address family")),
    }
}

// ---- the host, service and protocol databases -------------------------------------------

#[repr(C)]
struct HostEnt {
    h_name: *mut libc::c_char,
    h_aliases: *mut *mut libc::c_char,
    h_addrtype: libc::c_int,
    h_length: libc::c_int,
    h_addr_list: *mut *mut libc::c_char,
}

#[repr(C)]
struct ServEnt {
    s_name: *mut libc::c_char,
    s_aliases: *mut *mut libc::c_char,
    s_port: libc::c_int,
    s_proto: *mut libc::c_char,
}

#[repr(C)]
struct ProtoEnt {
    p_name: *mut libc::c_char,
    p_aliases: *mut *mut libc::c_char,
    p_proto: libc::c_int,
}

extern "C" {
    fn gethostbyname2_r(
        name: *const libc::c_char,
        af: libc::c_int,
        ret: *mut HostEnt,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut HostEnt,
        h_errnop: *mut libc::c_int,
    ) -> libc::c_int;
    fn gethostbyaddr_r(
        addr: *const libc::c_void,
        len: libc::socklen_t,
        af: libc::c_int,
        ret: *mut HostEnt,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut HostEnt,
        h_errnop: *mut libc::c_int,
    ) -> libc::c_int;
    fn hstrerror(err: libc::c_int) -> *const libc::c_char;
    fn getservbyname_r(
        name: *const libc::c_char,
        proto: *const libc::c_char,
        ret: *mut ServEnt,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut ServEnt,
    ) -> libc::c_int;
    fn getservbyport_r(
        port: libc::c_int,
        proto: *const libc::c_char,
        ret: *mut ServEnt,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut ServEnt,
    ) -> libc::c_int;
    fn getprotobyname_r(
        name: *const libc::c_char,
        ret: *mut ProtoEnt,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut ProtoEnt,
    ) -> libc::c_int;
}

/// A NULL-terminated array of C strings, copied.
///
/// # Safety
/// `p` is NULL or a NULL-terminated array of NUL-terminated strings.
unsafe fn c_strings(mut p: *mut *mut libc::c_char) -> Vec<String> {
    let mut out = Vec::new();
    if p.is_null() {
        return out;
    }
    // SAFETY: the caller's contract.
    unsafe {
        while !(*p).is_null() {
            out.push(CStr::from_ptr(*p).to_string_lossy().into_owned());
            p = p.add(1);
        }
    }
    out
}

/// A host entry, copied out of the C library's buffer.
struct Host {
    name: String,
    aliases: Vec<String>,
    family: i32,
    addrs: Vec<Vec<u8>>,
}

/// Runs a reentrant host lookup `f(ret, buf, buflen, result, h_errno)`
/// detached, growing the buffer on ERANGE. Err is the h_errno value.
fn host_lookup(
    ts: &mut ThreadState,
    f: impl Fn(*mut HostEnt, *mut libc::c_char, usize, *mut *mut HostEnt, *mut libc::c_int) -> i32,
) -> Result<Host, i32> {
    ts.allow_threads(|| {
        let mut size = 16384;
        loop {
            let mut buf = vec![0 as libc::c_char; size];
            // SAFETY: all-zero is a valid HostEnt (null pointers).
            let mut ent: HostEnt = unsafe { std::mem::zeroed() };
            let mut res: *mut HostEnt = std::ptr::null_mut();
            let mut herr: libc::c_int = 0;
            let r = f(&mut ent, buf.as_mut_ptr(), size, &mut res, &mut herr);
            if r == libc::ERANGE && size < (1 << 24) {
                size *= 2;
                continue;
            }
            if res.is_null() {
                return Err(if herr == 0 { 1 } else { herr });
            }
            // SAFETY: the lookup filled `ent` with pointers into `buf`,
            // which is alive here.
            unsafe {
                let e = &*res;
                let name = if e.h_name.is_null() {
                    String::new()
                } else {
                    CStr::from_ptr(e.h_name).to_string_lossy().into_owned()
                };
                let aliases = c_strings(e.h_aliases);
                let len = e.h_length.max(0) as usize;
                let mut addrs = Vec::new();
                let mut p = e.h_addr_list;
                while !p.is_null() && !(*p).is_null() {
                    addrs.push(std::slice::from_raw_parts(*p as *const u8, len).to_vec());
                    p = p.add(1);
                }
                return Ok(Host {
                    name,
                    aliases,
                    family: e.h_addrtype,
                    addrs,
                });
            }
        }
    })
}

fn h_error(ts: &mut ThreadState, code: i32) -> PyErr {
    // SAFETY: hstrerror returns a static NUL-terminated message.
    let msg = unsafe { CStr::from_ptr(hstrerror(code)) }
        .to_string_lossy()
        .into_owned();
    let Some(&cls) = HERROR.get() else {
        return ts.os_error(msg);
    };
    let m = StrObj::new(ts, &msg);
    match ops::call(ts, cls, &[Value::small_int_unchecked(code as i64), m], None) {
        Ok(e) => PyErr::from_exception(e),
        Err(e) => e,
    }
}

/// `(name, aliases, addresses)` as gethostbyname_ex/gethostbyaddr give it.
fn host_value(ts: &mut ThreadState, h: &Host) -> Value {
    let mut parts = RootedVec::new(ts);
    let name = StrObj::new(ts, &h.name);
    parts.push(name);
    let mut items = RootedVec::new(ts);
    for a in &h.aliases {
        let s = StrObj::new(ts, a);
        items.push(s);
    }
    let aliases = ListObj::new(ts, &items).value();
    parts.push(aliases);
    items.clear();
    for a in &h.addrs {
        let text = match (h.family, a.len()) {
            (libc::AF_INET, 4) => std::net::Ipv4Addr::new(a[0], a[1], a[2], a[3]).to_string(),
            (libc::AF_INET6, 16) => {
                let mut ip = [0u8; 16];
                ip.copy_from_slice(a);
                ntop6(ip)
            }
            _ => continue,
        };
        let s = StrObj::new(ts, &text);
        items.push(s);
    }
    let addrs = ListObj::new(ts, &items).value();
    parts.push(addrs);
    TupleObj::new(ts, &parts).value()
}

fn gethostbyname_ex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("gethostbyname_ex(host, /)");
    let [h] = SIG.bind(ts, args, kw)?;
    let host = host_bytes(ts, h)?;
    let mut addr = Addr::new();
    resolve(ts, &host, libc::AF_INET, &mut addr)?;
    let c = CString::new(host).map_err(|_| ts.value_error("embedded null character"))?;
    let cp = c.as_ptr() as usize;
    // SAFETY: `c` outlives the call; the other pointers come from
    // host_lookup's locals.
    let r = host_lookup(ts, |ent, buf, n, res, herr| unsafe {
        gethostbyname2_r(
            cp as *const libc::c_char,
            libc::AF_INET,
            ent,
            buf,
            n,
            res,
            herr,
        )
    });
    match r {
        Ok(h) => Ok(host_value(ts, &h)),
        Err(code) => Err(h_error(ts, code)),
    }
}

fn gethostbyaddr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("gethostbyaddr(ip, /)");
    let [ip] = SIG.bind(ts, args, kw)?;
    let host = host_bytes(ts, ip)?;
    let mut addr = Addr::new();
    resolve(ts, &host, libc::AF_UNSPEC, &mut addr)?;
    let family = addr.st.ss_family as i32;
    let raw: Vec<u8> = match family {
        libc::AF_INET => {
            // SAFETY: the family says the storage holds a sockaddr_in.
            let sin = unsafe { &*(addr.ptr() as *const libc::sockaddr_in) };
            sin.sin_addr.s_addr.to_ne_bytes().to_vec()
        }
        libc::AF_INET6 => {
            // SAFETY: the family says the storage holds a sockaddr_in6.
            let sin = unsafe { &*(addr.ptr() as *const libc::sockaddr_in6) };
            sin.sin6_addr.s6_addr.to_vec()
        }
        _ => return Err(ts.os_error("unsupported address family")),
    };
    let (rp, rl) = (raw.as_ptr() as usize, raw.len());
    // SAFETY: `raw` outlives the call; the other pointers come from
    // host_lookup's locals.
    let r = host_lookup(ts, |ent, buf, n, res, herr| unsafe {
        gethostbyaddr_r(
            rp as *const libc::c_void,
            rl as libc::socklen_t,
            family,
            ent,
            buf,
            n,
            res,
            herr,
        )
    });
    match r {
        Ok(h) => Ok(host_value(ts, &h)),
        Err(code) => Err(h_error(ts, code)),
    }
}

/// An optional protocol-name argument as a C string.
fn proto_name(ts: &mut ThreadState, v: Value, fname: &str) -> PyResult<Option<CString>> {
    if v.is_null() {
        return Ok(None);
    }
    let Some(s) = ftpy_vm::objects::str::as_str(v) else {
        return Err(ts.type_error(format!(
            "{fname}() argument 2 must be str, not {}",
            type_name(v)
        )));
    };
    CString::new(s)
        .map(Some)
        .map_err(|_| ts.value_error("embedded null character"))
}

/// A service lookup `f(ret, buf, buflen, result)`, detached: the entry's
/// (name, port in host order).
fn serv_lookup(
    ts: &mut ThreadState,
    f: impl Fn(*mut ServEnt, *mut libc::c_char, usize, *mut *mut ServEnt) -> i32,
) -> Option<(String, u16)> {
    ts.allow_threads(|| {
        let mut buf = vec![0 as libc::c_char; 4096];
        // SAFETY: all-zero is a valid ServEnt.
        let mut ent: ServEnt = unsafe { std::mem::zeroed() };
        let mut res: *mut ServEnt = std::ptr::null_mut();
        f(&mut ent, buf.as_mut_ptr(), buf.len(), &mut res);
        if res.is_null() {
            return None;
        }
        // SAFETY: the entry points into `buf`, alive here.
        unsafe {
            let e = &*res;
            let name = CStr::from_ptr(e.s_name).to_string_lossy().into_owned();
            Some((name, u16::from_be(e.s_port as u16)))
        }
    })
}

fn getservbyname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getservbyname(servicename, protocolname=None, /)");
    let [n, p] = SIG.bind(ts, args, kw)?;
    let Some(name) = ftpy_vm::objects::str::as_str(n) else {
        return Err(ts.type_error(format!(
            "getservbyname() argument 1 must be str, not {}",
            type_name(n)
        )));
    };
    let name = CString::new(name).map_err(|_| ts.value_error("embedded null character"))?;
    let proto = proto_name(ts, p, "getservbyname")?;
    let np = name.as_ptr() as usize;
    let pp = proto.as_ref().map_or(0, |c| c.as_ptr() as usize);
    // SAFETY: the strings outlive the call; the rest are serv_lookup's.
    let r = serv_lookup(ts, |ent, buf, len, res| unsafe {
        getservbyname_r(
            np as *const libc::c_char,
            pp as *const libc::c_char,
            ent,
            buf,
            len,
            res,
        )
    });
    match r {
        Some((_, port)) => Ok(Value::small_int_unchecked(port as i64)),
        None => Err(ts.os_error("service/proto not found")),
    }
}

fn getservbyport(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getservbyport(port, protocolname=None, /)");
    let [port, p] = SIG.bind(ts, args, kw)?;
    let port = conv::c_int(ts, port)?;
    if !(0..=65535).contains(&port) {
        return Err(ts.overflow_error("getservbyport: port must be 0-65535."));
    }
    let proto = proto_name(ts, p, "getservbyport")?;
    let pp = proto.as_ref().map_or(0, |c| c.as_ptr() as usize);
    let nport = (port as u16).to_be() as libc::c_int;
    // SAFETY: the string outlives the call; the rest are serv_lookup's.
    let r = serv_lookup(ts, |ent, buf, len, res| unsafe {
        getservbyport_r(nport, pp as *const libc::c_char, ent, buf, len, res)
    });
    match r {
        Some((name, _)) => Ok(StrObj::new(ts, &name)),
        None => Err(ts.os_error("port/proto not found")),
    }
}

fn getprotobyname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getprotobyname(name, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let Some(name) = ftpy_vm::objects::str::as_str(n) else {
        return Err(ts.type_error(format!(
            "getprotobyname() argument must be str, not {}",
            type_name(n)
        )));
    };
    let name = CString::new(name).map_err(|_| ts.value_error("embedded null character"))?;
    let np = name.as_ptr() as usize;
    let r = ts.allow_threads(|| {
        let mut buf = vec![0 as libc::c_char; 4096];
        // SAFETY: all-zero is a valid ProtoEnt.
        let mut ent: ProtoEnt = unsafe { std::mem::zeroed() };
        let mut res: *mut ProtoEnt = std::ptr::null_mut();
        // SAFETY: `name` outlives the call; the rest are locals.
        unsafe {
            getprotobyname_r(
                np as *const libc::c_char,
                &mut ent,
                buf.as_mut_ptr(),
                buf.len(),
                &mut res,
            );
            if res.is_null() {
                None
            } else {
                Some((*res).p_proto)
            }
        }
    });
    match r {
        Some(p) => Ok(Value::small_int_unchecked(p as i64)),
        None => Err(ts.os_error("protocol not found")),
    }
}

fn inet_aton(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("inet_aton(string, /)");
    let [s] = SIG.bind(ts, args, kw)?;
    let Some(text) = ftpy_vm::objects::str::as_str(s) else {
        return Err(ts.type_error(format!(
            "inet_aton() argument 1 must be str, not {}",
            type_name(s)
        )));
    };
    let c = CString::new(text).map_err(|_| ts.value_error("embedded null character"))?;
    // SAFETY: a zeroed in_addr is valid.
    let mut a: libc::in_addr = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is NUL-terminated, `a` a local.
    if unsafe { inet_aton_c(c.as_ptr(), &mut a) } == 0 {
        return Err(ts.os_error("illegal IP address string passed to inet_aton"));
    }
    Ok(BytesObj::new(ts, &a.s_addr.to_ne_bytes()))
}

extern "C" {
    #[link_name = "inet_aton"]
    fn inet_aton_c(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    #[link_name = "inet_pton"]
    fn inet_pton_c(
        af: libc::c_int,
        src: *const libc::c_char,
        dst: *mut libc::c_void,
    ) -> libc::c_int;
    #[link_name = "inet_ntop"]
    fn inet_ntop_c(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
}

fn inet_ntoa(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("inet_ntoa(packed_ip, /)");
    let [b] = SIG.bind(ts, args, kw)?;
    let data = bytes::expect_buffer(ts, b)?;
    let Ok(ip) = <[u8; 4]>::try_from(&data[..]) else {
        return Err(ts.os_error("packed IP wrong length for inet_ntoa"));
    };
    Ok(StrObj::new(ts, &std::net::Ipv4Addr::from(ip).to_string()))
}

fn inet_pton(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("inet_pton(af, ip_string, /)");
    let [af, s] = SIG.bind(ts, args, kw)?;
    let af = conv::c_int(ts, af)?;
    let Some(text) = ftpy_vm::objects::str::as_str(s) else {
        return Err(ts.type_error(format!(
            "inet_pton() argument 2 must be str, not {}",
            type_name(s)
        )));
    };
    let c = CString::new(text).map_err(|_| ts.value_error("embedded null character"))?;
    let mut buf = [0u8; 16];
    // SAFETY: `c` is NUL-terminated; `buf` holds an in6_addr.
    let r = unsafe { inet_pton_c(af, c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_void) };
    match r {
        1 => {
            let n = if af == libc::AF_INET { 4 } else { 16 };
            Ok(BytesObj::new(ts, &buf[..n]))
        }
        0 => Err(ts.os_error("illegal IP address string passed to inet_pton")),
        _ => Err(conv::last_error(ts)),
    }
}

fn inet_ntop(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("inet_ntop(af, packed_ip, /)");
    let [af, b] = SIG.bind(ts, args, kw)?;
    let af = conv::c_int(ts, af)?;
    let data = bytes::expect_buffer(ts, b)?;
    match af {
        libc::AF_INET => match <[u8; 4]>::try_from(&data[..]) {
            Ok(ip) => Ok(StrObj::new(ts, &std::net::Ipv4Addr::from(ip).to_string())),
            Err(_) => Err(ts.value_error("invalid length of packed IP address string")),
        },
        libc::AF_INET6 => match <[u8; 16]>::try_from(&data[..]) {
            Ok(ip) => Ok(StrObj::new(ts, &ntop6(ip))),
            Err(_) => Err(ts.value_error("invalid length of packed IP address string")),
        },
        _ => Err(ts.value_error(format!("unknown address family {af}"))),
    }
}

fn u16_arg(ts: &mut ThreadState, v: Value, fname: &str) -> PyResult<u16> {
    if float::is_float(v) || !int::is_int(v) {
        return Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )));
    }
    let i = ops::index(ts, v)?;
    match int::to_i64(i) {
        Some(n) if n < 0 => Err(ts.overflow_error(format!(
            "{fname}: can't convert negative Python int to C 16-bit unsigned integer"
        ))),
        Some(n) if n <= u16::MAX as i64 => Ok(n as u16),
        _ => Err(ts.overflow_error(format!(
            "{fname}: Python int too large to convert to C 16-bit unsigned integer"
        ))),
    }
}

fn u32_arg(ts: &mut ThreadState, v: Value) -> PyResult<u32> {
    if !int::is_int(v) {
        return Err(ts.type_error(format!("expected int, {} found", type_name(v))));
    }
    match int::to_i64(v) {
        Some(n) if n < 0 => Err(ts.overflow_error("can't convert negative value to unsigned int")),
        Some(n) if n <= u32::MAX as i64 => Ok(n as u32),
        Some(_) => Err(ts.overflow_error("int larger than 32 bits")),
        None if int::to_i64_saturating(v) < 0 => {
            Err(ts.overflow_error("can't convert negative value to unsigned int"))
        }
        None => Err(ts.overflow_error("Python int too large to convert to C unsigned long")),
    }
}

fn htons(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("htons(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let n = u16_arg(ts, x, "htons")?;
    Ok(Value::small_int_unchecked(n.to_be() as i64))
}

fn ntohs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ntohs(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let n = u16_arg(ts, x, "ntohs")?;
    Ok(Value::small_int_unchecked(u16::from_be(n) as i64))
}

fn htonl(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("htonl(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let n = u32_arg(ts, x)?;
    Ok(Value::small_int_unchecked(n.to_be() as i64))
}

fn ntohl(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ntohl(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let n = u32_arg(ts, x)?;
    Ok(Value::small_int_unchecked(u32::from_be(n) as i64))
}

fn getdefaulttimeout(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getdefaulttimeout()");
    let [] = SIG.bind(ts, args, kw)?;
    let t = DEFAULT_TIMEOUT.load(Ordering::Relaxed);
    Ok(timeout_value(ts, t))
}

fn setdefaulttimeout(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("setdefaulttimeout(timeout, /)");
    let [t] = SIG.bind(ts, args, kw)?;
    let ns = timeout_arg(ts, t)?;
    DEFAULT_TIMEOUT.store(ns, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn dup(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("dup(fd, /)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    // SAFETY: no pointers.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(conv::last_error(ts));
    }
    Ok(Value::small_int_unchecked(r as i64))
}

fn close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close(fd, /)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    // SAFETY: closes a descriptor number the caller named.
    let r = ts.allow_threads(|| unsafe {
        if libc::close(fd) < 0 {
            conv::errno()
        } else {
            0
        }
    });
    if r != 0 && r != libc::ECONNRESET {
        return Err(os_err(ts, r));
    }
    Ok(Value::NONE)
}

fn cmsg_len(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("CMSG_LEN(length, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let n = conv::ssize(ts, n)?;
    if !(0..=(i32::MAX as i64 - 64)).contains(&n) {
        return Err(ts.overflow_error("CMSG_LEN() argument out of range"));
    }
    // SAFETY: CMSG_LEN is arithmetic on its argument.
    let r = unsafe { libc::CMSG_LEN(n as u32) };
    Ok(Value::small_int_unchecked(r as i64))
}

fn cmsg_space(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("CMSG_SPACE(length, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let n = conv::ssize(ts, n)?;
    if !(0..=(i32::MAX as i64 - 64)).contains(&n) {
        return Err(ts.overflow_error("CMSG_SPACE() argument out of range"));
    }
    // SAFETY: CMSG_SPACE is arithmetic on its argument.
    let r = unsafe { libc::CMSG_SPACE(n as u32) };
    Ok(Value::small_int_unchecked(r as i64))
}

// ---- the module --------------------------------------------------------------------------

const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC as i64),
    ("AF_INET", libc::AF_INET as i64),
    ("AF_INET6", libc::AF_INET6 as i64),
    ("AF_UNIX", libc::AF_UNIX as i64),
    ("AF_NETLINK", libc::AF_NETLINK as i64),
    ("AF_PACKET", libc::AF_PACKET as i64),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
    ("SOCK_RAW", libc::SOCK_RAW as i64),
    ("SOCK_RDM", libc::SOCK_RDM as i64),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64),
    ("SOL_IP", libc::SOL_IP as i64),
    ("SOL_TCP", libc::SOL_TCP as i64),
    ("SOL_UDP", libc::SOL_UDP as i64),
    ("SOMAXCONN", libc::SOMAXCONN as i64),
    ("SO_DEBUG", libc::SO_DEBUG as i64),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN as i64),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
    ("SO_DONTROUTE", libc::SO_DONTROUTE as i64),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64),
    ("SO_LINGER", libc::SO_LINGER as i64),
    ("SO_OOBINLINE", libc::SO_OOBINLINE as i64),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT as i64),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT as i64),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64),
    ("SO_ERROR", libc::SO_ERROR as i64),
    ("SO_TYPE", libc::SO_TYPE as i64),
    ("SO_PASSCRED", libc::SO_PASSCRED as i64),
    ("SO_PEERCRED", libc::SO_PEERCRED as i64),
    ("SO_BINDTODEVICE", libc::SO_BINDTODEVICE as i64),
    ("SO_PRIORITY", libc::SO_PRIORITY as i64),
    ("SO_MARK", libc::SO_MARK as i64),
    ("SO_DOMAIN", libc::SO_DOMAIN as i64),
    ("SO_PROTOCOL", libc::SO_PROTOCOL as i64),
    ("SO_PEERSEC", libc::SO_PEERSEC as i64),
    ("SO_PASSSEC", libc::SO_PASSSEC as i64),
    ("SCM_RIGHTS", libc::SCM_RIGHTS as i64),
    ("SCM_CREDENTIALS", libc::SCM_CREDENTIALS as i64),
    ("MSG_OOB", libc::MSG_OOB as i64),
    ("MSG_PEEK", libc::MSG_PEEK as i64),
    ("MSG_DONTROUTE", libc::MSG_DONTROUTE as i64),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
    ("MSG_EOR", libc::MSG_EOR as i64),
    ("MSG_TRUNC", libc::MSG_TRUNC as i64),
    ("MSG_CTRUNC", libc::MSG_CTRUNC as i64),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL as i64),
    ("MSG_CMSG_CLOEXEC", libc::MSG_CMSG_CLOEXEC as i64),
    ("MSG_CONFIRM", libc::MSG_CONFIRM as i64),
    ("MSG_ERRQUEUE", libc::MSG_ERRQUEUE as i64),
    ("MSG_MORE", libc::MSG_MORE as i64),
    ("MSG_FASTOPEN", libc::MSG_FASTOPEN as i64),
    ("SHUT_RD", libc::SHUT_RD as i64),
    ("SHUT_WR", libc::SHUT_WR as i64),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP as i64),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
    ("IPPROTO_ICMPV6", libc::IPPROTO_ICMPV6 as i64),
    ("IPPROTO_RAW", libc::IPPROTO_RAW as i64),
    ("IPPROTO_SCTP", libc::IPPROTO_SCTP as i64),
    ("IPPORT_RESERVED", 1024),
    ("IPPORT_USERRESERVED", 5000),
    ("INADDR_ANY", 0),
    ("INADDR_BROADCAST", 0xffff_ffff),
    ("INADDR_LOOPBACK", 0x7f00_0001),
    ("INADDR_NONE", 0xffff_ffff),
    ("INADDR_UNSPEC_GROUP", 0xe000_0000),
    ("INADDR_ALLHOSTS_GROUP", 0xe000_0001),
    ("INADDR_MAX_LOCAL_GROUP", 0xe000_00ff),
    ("IP_TOS", libc::IP_TOS as i64),
    ("IP_TTL", libc::IP_TTL as i64),
    ("IP_HDRINCL", libc::IP_HDRINCL as i64),
    ("IP_OPTIONS", libc::IP_OPTIONS as i64),
    ("IP_RECVTOS", libc::IP_RECVTOS as i64),
    ("IP_MULTICAST_IF", libc::IP_MULTICAST_IF as i64),
    ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL as i64),
    ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP as i64),
    ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP as i64),
    ("IP_DROP_MEMBERSHIP", libc::IP_DROP_MEMBERSHIP as i64),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64),
    ("IPV6_JOIN_GROUP", libc::IPV6_ADD_MEMBERSHIP as i64),
    ("IPV6_LEAVE_GROUP", libc::IPV6_DROP_MEMBERSHIP as i64),
    ("IPV6_MULTICAST_HOPS", libc::IPV6_MULTICAST_HOPS as i64),
    ("IPV6_MULTICAST_IF", libc::IPV6_MULTICAST_IF as i64),
    ("IPV6_MULTICAST_LOOP", libc::IPV6_MULTICAST_LOOP as i64),
    ("IPV6_UNICAST_HOPS", libc::IPV6_UNICAST_HOPS as i64),
    ("IPV6_TCLASS", libc::IPV6_TCLASS as i64),
    ("IPV6_RECVPKTINFO", libc::IPV6_RECVPKTINFO as i64),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64),
    ("TCP_MAXSEG", libc::TCP_MAXSEG as i64),
    ("TCP_CORK", libc::TCP_CORK as i64),
    ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE as i64),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL as i64),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT as i64),
    ("TCP_SYNCNT", libc::TCP_SYNCNT as i64),
    ("TCP_LINGER2", libc::TCP_LINGER2 as i64),
    ("TCP_DEFER_ACCEPT", libc::TCP_DEFER_ACCEPT as i64),
    ("TCP_WINDOW_CLAMP", libc::TCP_WINDOW_CLAMP as i64),
    ("TCP_INFO", libc::TCP_INFO as i64),
    ("TCP_QUICKACK", libc::TCP_QUICKACK as i64),
    ("TCP_FASTOPEN", libc::TCP_FASTOPEN as i64),
    ("TCP_USER_TIMEOUT", libc::TCP_USER_TIMEOUT as i64),
    ("TCP_NOTSENT_LOWAT", 25),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64),
    ("AI_V4MAPPED", libc::AI_V4MAPPED as i64),
    ("AI_ALL", libc::AI_ALL as i64),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST as i64),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV as i64),
    ("NI_NOFQDN", libc::NI_NOFQDN as i64),
    ("NI_NAMEREQD", libc::NI_NAMEREQD as i64),
    ("NI_DGRAM", libc::NI_DGRAM as i64),
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("EAI_ADDRFAMILY", -9),
    ("EAI_AGAIN", libc::EAI_AGAIN as i64),
    ("EAI_BADFLAGS", libc::EAI_BADFLAGS as i64),
    ("EAI_FAIL", libc::EAI_FAIL as i64),
    ("EAI_FAMILY", libc::EAI_FAMILY as i64),
    ("EAI_MEMORY", libc::EAI_MEMORY as i64),
    ("EAI_NODATA", -5),
    ("EAI_NONAME", libc::EAI_NONAME as i64),
    ("EAI_OVERFLOW", libc::EAI_OVERFLOW as i64),
    ("EAI_SERVICE", libc::EAI_SERVICE as i64),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE as i64),
    ("EAI_SYSTEM", libc::EAI_SYSTEM as i64),
];

/// `class NAME(OSError)` in module `socket`.
fn make_error(ts: &mut ThreadState, name: &str, doc: Option<&str>) -> PyResult<Value> {
    let ns = DictObj::new(ts);
    let module = StrObj::new(ts, "socket");
    ns.set_item_str(ts, "__module__", module);
    if let Some(d) = doc {
        let d = StrObj::new(ts, d);
        ns.set_item_str(ts, "__doc__", d);
    }
    let n = StrObj::new(ts, name);
    let bases = TupleObj::new(ts, &[types().os_error.value()]);
    ops::call(
        ts,
        types().type_.value(),
        &[n, bases.value(), ns.value()],
        None,
    )
}

const SOCKET_DOC: &str = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object
socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object

Open a socket of the given type.  The family argument specifies the
address family; it defaults to AF_INET.  The type argument specifies
whether this is a stream (SOCK_STREAM, this is the default)
or datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,
specifying the default protocol.  Keyword arguments are accepted.
The socket is created as non-inheritable.

When a fileno is passed in, family, type and proto are auto-detected,
unless they are explicitly set.

A socket object represents one endpoint of a network connection.";

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(
        ts,
        "Implementation module for socket operations.\n\nSee the socket module for documentation.",
    );
    m.set_attr(ts, "__doc__", doc);
    for &(name, v) in CONSTANTS {
        let n = int::int_from_i64(ts, v);
        m.set_attr(ts, name, n);
    }
    m.set_attr(ts, "has_ipv6", Value::TRUE);
    m.set_attr(ts, "error", types().os_error.value());
    if let Some(t) = exception_type("TimeoutError") {
        m.set_attr(ts, "timeout", t.value());
    }
    let herror = match HERROR.get() {
        Some(&e) => e,
        None => {
            let e = make_error(ts, "herror", None)?;
            add_global_root(e);
            *HERROR.get_or_init(|| e)
        }
    };
    m.set_attr(ts, "herror", herror);
    let gaierror = match GAIERROR.get() {
        Some(&e) => e,
        None => {
            let e = make_error(ts, "gaierror", None)?;
            add_global_root(e);
            *GAIERROR.get_or_init(|| e)
        }
    };
    m.set_attr(ts, "gaierror", gaierror);

    let t = match SOCKET_TYPE.get() {
        Some(&t) => t,
        None => {
            let t = native::new_type::<Sock>(ts, "socket", "_socket", None, true);
            native::make_static(ts, t);
            t.slots.new.set(Some(sock_new));
            t.slots.init.set(Some(sock_init));
            t.slots.repr.set(Some(sock_repr));
            add_methods(
                ts,
                t,
                &[
                    method("_accept", m_accept),
                    method("bind", m_bind),
                    method("close", m_close),
                    method("connect", m_connect),
                    method("connect_ex", m_connect_ex),
                    method("detach", m_detach),
                    method("fileno", m_fileno),
                    method("getblocking", m_getblocking),
                    method("getpeername", m_getpeername),
                    method("getsockname", m_getsockname),
                    method("getsockopt", m_getsockopt),
                    method("gettimeout", m_gettimeout),
                    method("listen", m_listen),
                    method("recv", m_recv),
                    method("recv_into", m_recv_into),
                    method("recvmsg", m_recvmsg),
                    method("recvmsg_into", m_recvmsg_into),
                    method("recvfrom", m_recvfrom),
                    method("recvfrom_into", m_recvfrom_into),
                    method("send", m_send),
                    method("sendall", m_sendall),
                    method("sendmsg", m_sendmsg),
                    method("sendto", m_sendto),
                    method("setblocking", m_setblocking),
                    method("setsockopt", m_setsockopt),
                    method("settimeout", m_settimeout),
                    method("shutdown", m_shutdown),
                ],
            );
            add_getset(ts, t, "family", get_family, None);
            add_getset(ts, t, "type", get_type, None);
            add_getset(ts, t, "proto", get_proto, None);
            add_getset(ts, t, "timeout", get_timeout, None);
            let d = StrObj::new(ts, SOCKET_DOC);
            set_type_attr(ts, t, "__doc__", d);
            native::finish_type(ts, t);
            let full = interp::intern(ts, "_socket.socket");
            t.name.set(full.value());
            add_global_root(t.value());
            *SOCKET_TYPE.get_or_init(|| t)
        }
    };
    m.set_attr(ts, "socket", t.value());
    m.set_attr(ts, "SocketType", t.value());
    m.add_function(ts, "socketpair", socketpair);
    m.add_function(ts, "getaddrinfo", getaddrinfo);
    m.add_function(ts, "getnameinfo", getnameinfo);
    m.add_function(ts, "gethostname", gethostname);
    m.add_function(ts, "gethostbyname", gethostbyname);
    m.add_function(ts, "gethostbyname_ex", gethostbyname_ex);
    m.add_function(ts, "gethostbyaddr", gethostbyaddr);
    m.add_function(ts, "getservbyname", getservbyname);
    m.add_function(ts, "getservbyport", getservbyport);
    m.add_function(ts, "getprotobyname", getprotobyname);
    m.add_function(ts, "inet_aton", inet_aton);
    m.add_function(ts, "inet_ntoa", inet_ntoa);
    m.add_function(ts, "inet_pton", inet_pton);
    m.add_function(ts, "inet_ntop", inet_ntop);
    m.add_function(ts, "htons", htons);
    m.add_function(ts, "ntohs", ntohs);
    m.add_function(ts, "htonl", htonl);
    m.add_function(ts, "ntohl", ntohl);
    m.add_function(ts, "getdefaulttimeout", getdefaulttimeout);
    m.add_function(ts, "setdefaulttimeout", setdefaulttimeout);
    m.add_function(ts, "dup", dup);
    m.add_function(ts, "close", close);
    m.add_function(ts, "CMSG_LEN", cmsg_len);
    m.add_function(ts, "CMSG_SPACE", cmsg_space);
    Ok(())
}
