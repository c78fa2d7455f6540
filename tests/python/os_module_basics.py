# os and posix at import: names, constants, the supports_* sets derived
# from posix._have_functions, os.error, result types and their shapes.
import os
import posix
import sys

print(os.name, os.sep, os.altsep, os.curdir, os.pardir, os.extsep, os.pathsep, os.linesep == "\n", os.devnull)
print(os.path.__name__, sys.modules["os.path"] is os.path)
print(os.error is OSError, posix.error is OSError)
print("posix" in sys.builtin_module_names)
print(posix.__name__, type(posix.__doc__).__name__)

for name in ["F_OK", "R_OK", "W_OK", "X_OK", "O_RDONLY", "O_WRONLY", "O_RDWR", "O_APPEND",
             "O_CREAT", "O_EXCL", "O_TRUNC", "O_NONBLOCK", "O_CLOEXEC", "O_DIRECTORY",
             "O_NOFOLLOW", "O_ACCMODE", "O_LARGEFILE", "O_PATH", "O_TMPFILE", "SEEK_SET",
             "SEEK_CUR", "SEEK_END", "SEEK_DATA", "SEEK_HOLE", "WNOHANG", "WUNTRACED",
             "WCONTINUED", "EX_OK", "EX_USAGE", "EX_SOFTWARE", "EX_CONFIG", "ST_RDONLY",
             "ST_NOSUID", "PRIO_PROCESS", "PRIO_USER", "F_LOCK", "F_TLOCK", "F_ULOCK",
             "F_TEST", "RTLD_NOW", "RTLD_LAZY", "GRND_NONBLOCK", "TMP_MAX", "NGROUPS_MAX"]:
    print(name, getattr(os, name))

print(sorted(f.__name__ for f in os.supports_fd))
print(sorted(f.__name__ for f in os.supports_dir_fd))
print(sorted(f.__name__ for f in os.supports_follow_symlinks))
print(sorted(f.__name__ for f in os.supports_effective_ids))
print(hasattr(os, "_have_functions"), hasattr(posix, "_have_functions"))
print(sorted(h for h in posix._have_functions if h in
             ("HAVE_FACCESSAT", "HAVE_FSTATAT", "HAVE_OPENAT", "HAVE_FDOPENDIR", "HAVE_UNLINKAT")))

for fn in ["stat", "lstat", "fstat", "open", "close", "read", "write", "listdir", "scandir",
           "mkdir", "rmdir", "unlink", "remove", "rename", "replace", "link", "symlink",
           "readlink", "chmod", "chown", "lchown", "utime", "access", "getcwd", "getcwdb",
           "chdir", "fchdir", "umask", "urandom", "cpu_count", "fork", "execv", "execve",
           "waitpid", "wait", "kill", "killpg", "pipe", "pipe2", "dup", "dup2", "fspath",
           "get_terminal_size", "register_at_fork", "statvfs", "sysconf", "times", "uname",
           "getloadavg", "nice", "strerror", "putenv", "unsetenv", "scandir",
           "get_blocking", "set_blocking", "get_inheritable", "set_inheritable", "isatty",
           "ttyname", "truncate", "ftruncate", "fsync", "fdatasync", "pread", "pwrite",
           "lseek", "closerange", "device_encoding", "waitstatus_to_exitcode", "_exit",
           "makedirs", "removedirs", "walk", "fwalk", "renames", "getenv", "fsencode",
           "fsdecode", "get_exec_path", "popen", "spawnv", "execvp", "execlp"]:
    print(fn, callable(getattr(os, fn, None)))

for t in [os.stat_result, os.statvfs_result, os.terminal_size, os.uname_result, os.times_result]:
    print(t.__name__, t.__module__, t.n_sequence_fields, t.n_fields, t.n_unnamed_fields)
    print(" ", issubclass(t, tuple), t.__doc__.splitlines()[0])
print(os.DirEntry.__module__, os.DirEntry.__name__)
try:
    os.DirEntry()
except TypeError as e:
    print("TypeError", e)
print(os.DirEntry[str])
print(type(os.environ).__name__, type(os.environb).__name__, type(posix.environ).__name__)
k = next(iter(posix.environ))
print(type(k).__name__, type(posix.environ[k]).__name__)
print(isinstance(os.sysconf_names, dict), "SC_PAGESIZE" in os.sysconf_names,
      "PC_NAME_MAX" in os.pathconf_names, "CS_PATH" in os.confstr_names)
