//! `errno`: the system's error numbers by name, and `errorcode` (number
//! to name). The values come from the platform's C headers through the
//! `libc` crate.

use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

/// Every name CPython's `errno` defines on Linux.
pub const ERRNOS: &[(&str, i32)] = &[
    ("E2BIG", libc::E2BIG),
    ("EACCES", libc::EACCES),
    ("EADDRINUSE", libc::EADDRINUSE),
    ("EADDRNOTAVAIL", libc::EADDRNOTAVAIL),
    ("EADV", libc::EADV),
    ("EAFNOSUPPORT", libc::EAFNOSUPPORT),
    ("EAGAIN", libc::EAGAIN),
    ("EALREADY", libc::EALREADY),
    ("EBADE", libc::EBADE),
    ("EBADF", libc::EBADF),
    ("EBADFD", libc::EBADFD),
    ("EBADMSG", libc::EBADMSG),
    ("EBADR", libc::EBADR),
    ("EBADRQC", libc::EBADRQC),
    ("EBADSLT", libc::EBADSLT),
    ("EBFONT", libc::EBFONT),
    ("EBUSY", libc::EBUSY),
    ("ECANCELED", libc::ECANCELED),
    ("ECHILD", libc::ECHILD),
    ("ECHRNG", libc::ECHRNG),
    ("ECOMM", libc::ECOMM),
    ("ECONNABORTED", libc::ECONNABORTED),
    ("ECONNREFUSED", libc::ECONNREFUSED),
    ("ECONNRESET", libc::ECONNRESET),
    ("EDEADLK", libc::EDEADLK),
    ("EDEADLOCK", libc::EDEADLOCK),
    ("EDESTADDRREQ", libc::EDESTADDRREQ),
    ("EDOM", libc::EDOM),
    ("EDOTDOT", libc::EDOTDOT),
    ("EDQUOT", libc::EDQUOT),
    ("EEXIST", libc::EEXIST),
    ("EFAULT", libc::EFAULT),
    ("EFBIG", libc::EFBIG),
    ("EHOSTDOWN", libc::EHOSTDOWN),
    ("EHOSTUNREACH", libc::EHOSTUNREACH),
    ("EIDRM", libc::EIDRM),
    ("EILSEQ", libc::EILSEQ),
    ("EINPROGRESS", libc::EINPROGRESS),
    ("EINTR", libc::EINTR),
    ("EINVAL", libc::EINVAL),
    ("EIO", libc::EIO),
    ("EISCONN", libc::EISCONN),
    ("EISDIR", libc::EISDIR),
    ("EISNAM", libc::EISNAM),
    ("EKEYEXPIRED", libc::EKEYEXPIRED),
    ("EKEYREJECTED", libc::EKEYREJECTED),
    ("EKEYREVOKED", libc::EKEYREVOKED),
    ("EL2HLT", libc::EL2HLT),
    ("EL2NSYNC", libc::EL2NSYNC),
    ("EL3HLT", libc::EL3HLT),
    ("EL3RST", libc::EL3RST),
    ("ELIBACC", libc::ELIBACC),
    ("ELIBBAD", libc::ELIBBAD),
    ("ELIBEXEC", libc::ELIBEXEC),
    ("ELIBMAX", libc::ELIBMAX),
    ("ELIBSCN", libc::ELIBSCN),
    ("ELNRNG", libc::ELNRNG),
    ("ELOOP", libc::ELOOP),
    ("EMEDIUMTYPE", libc::EMEDIUMTYPE),
    ("EMFILE", libc::EMFILE),
    ("EMLINK", libc::EMLINK),
    ("EMSGSIZE", libc::EMSGSIZE),
    ("EMULTIHOP", libc::EMULTIHOP),
    ("ENAMETOOLONG", libc::ENAMETOOLONG),
    ("ENAVAIL", libc::ENAVAIL),
    ("ENETDOWN", libc::ENETDOWN),
    ("ENETRESET", libc::ENETRESET),
    ("ENETUNREACH", libc::ENETUNREACH),
    ("ENFILE", libc::ENFILE),
    ("ENOANO", libc::ENOANO),
    ("ENOBUFS", libc::ENOBUFS),
    ("ENOCSI", libc::ENOCSI),
    ("ENODATA", libc::ENODATA),
    ("ENODEV", libc::ENODEV),
    ("ENOENT", libc::ENOENT),
    ("ENOEXEC", libc::ENOEXEC),
    ("ENOKEY", libc::ENOKEY),
    ("ENOLCK", libc::ENOLCK),
    ("ENOLINK", libc::ENOLINK),
    ("ENOMEDIUM", libc::ENOMEDIUM),
    ("ENOMEM", libc::ENOMEM),
    ("ENOMSG", libc::ENOMSG),
    ("ENONET", libc::ENONET),
    ("ENOPKG", libc::ENOPKG),
    ("ENOPROTOOPT", libc::ENOPROTOOPT),
    ("ENOSPC", libc::ENOSPC),
    ("ENOSR", libc::ENOSR),
    ("ENOSTR", libc::ENOSTR),
    ("ENOSYS", libc::ENOSYS),
    ("ENOTBLK", libc::ENOTBLK),
    ("ENOTCONN", libc::ENOTCONN),
    ("ENOTDIR", libc::ENOTDIR),
    ("ENOTEMPTY", libc::ENOTEMPTY),
    ("ENOTNAM", libc::ENOTNAM),
    ("ENOTRECOVERABLE", libc::ENOTRECOVERABLE),
    ("ENOTSOCK", libc::ENOTSOCK),
    ("ENOTSUP", libc::ENOTSUP),
    ("ENOTTY", libc::ENOTTY),
    ("ENOTUNIQ", libc::ENOTUNIQ),
    ("ENXIO", libc::ENXIO),
    ("EOPNOTSUPP", libc::EOPNOTSUPP),
    ("EOVERFLOW", libc::EOVERFLOW),
    ("EOWNERDEAD", libc::EOWNERDEAD),
    ("EPERM", libc::EPERM),
    ("EPFNOSUPPORT", libc::EPFNOSUPPORT),
    ("EPIPE", libc::EPIPE),
    ("EPROTO", libc::EPROTO),
    ("EPROTONOSUPPORT", libc::EPROTONOSUPPORT),
    ("EPROTOTYPE", libc::EPROTOTYPE),
    ("ERANGE", libc::ERANGE),
    ("EREMCHG", libc::EREMCHG),
    ("EREMOTE", libc::EREMOTE),
    ("EREMOTEIO", libc::EREMOTEIO),
    ("ERESTART", libc::ERESTART),
    ("ERFKILL", libc::ERFKILL),
    ("EROFS", libc::EROFS),
    ("ESHUTDOWN", libc::ESHUTDOWN),
    ("ESOCKTNOSUPPORT", libc::ESOCKTNOSUPPORT),
    ("ESPIPE", libc::ESPIPE),
    ("ESRCH", libc::ESRCH),
    ("ESRMNT", libc::ESRMNT),
    ("ESTALE", libc::ESTALE),
    ("ESTRPIPE", libc::ESTRPIPE),
    ("ETIME", libc::ETIME),
    ("ETIMEDOUT", libc::ETIMEDOUT),
    ("ETOOMANYREFS", libc::ETOOMANYREFS),
    ("ETXTBSY", libc::ETXTBSY),
    ("EUCLEAN", libc::EUCLEAN),
    ("EUNATCH", libc::EUNATCH),
    ("EUSERS", libc::EUSERS),
    ("EWOULDBLOCK", libc::EWOULDBLOCK),
    ("EXDEV", libc::EXDEV),
    ("EXFULL", libc::EXFULL),
];

/// Aliases that `errorcode` does not name (the other spelling wins).
const SECONDARY: &[&str] = &["EDEADLK", "EOPNOTSUPP", "EWOULDBLOCK"];

/// The name of an error number, as `errno.errorcode` gives it.
pub fn name_of(code: i32) -> Option<&'static str> {
    ERRNOS
        .iter()
        .find(|(n, c)| *c == code && !SECONDARY.contains(n))
        .map(|(n, _)| *n)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let codes = DictObj::new(ts);
    for &(name, code) in ERRNOS {
        let v = Value::small_int_unchecked(code as i64);
        m.set_attr(ts, name, v);
        if !SECONDARY.contains(&name) {
            let s = StrObj::new(ts, name);
            codes.set_item(ts, v, s)?;
        }
    }
    m.set_attr(ts, "errorcode", codes.value());
    Ok(())
}
