# gc-stress: 4
# Replacing a child with another program: execv/execve (argv and env
# conversion, PathLike and bytes arguments), os.execvp through PATH,
# os.system's status, and the argument errors raised before any exec.
import os
import sys
from _helper_tmp import t


def run(fn):
    sys.stdout.flush()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 1)
        try:
            fn()
        finally:
            os._exit(99)
    os.close(w)
    out = b""
    while True:
        b = os.read(r, 4096)
        if not b:
            break
        out += b
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return out, os.waitstatus_to_exitcode(status)


class P:
    def __fspath__(self):
        return "/bin/sh"


print(run(lambda: os.execv("/bin/sh", ["sh", "-c", "echo hello; exit 3"])))
print(run(lambda: os.execv(b"/bin/sh", (b"sh", "-c", "echo $0 bytes"))))
print(run(lambda: os.execv(P(), [P(), "-c", "echo pathlike"])))
print(run(lambda: os.execve("/bin/sh", ["sh", "-c", "echo $FOO-$BAR"], {"FOO": "one", b"BAR": b"two"})))
print(run(lambda: os.execve("/bin/sh", ["sh", "-c", "env | grep -c ."], {})))
print(run(lambda: os.execvp("sh", ["sh", "-c", "exit 5"])))
print(run(lambda: os.execl("/bin/sh", "sh", "-c", "echo execl $#", "a", "b")))
print(run(lambda: os.execle("/bin/sh", "sh", "-c", "echo $X", {"X": "execle"})))
t("execv missing", lambda: os.execv("/nonexistent/prog", ["prog"]))
t("execve missing", lambda: os.execve("/nonexistent/prog", ["prog"], {}))
t("execv empty argv", lambda: os.execv("/bin/sh", []))
t("execv empty first", lambda: os.execv("/bin/sh", [""]))
t("execv argv str", lambda: os.execv("/bin/sh", "sh"))
t("execv argv int item", lambda: os.execv("/bin/sh", ["sh", 1]))
t("execv argv nul", lambda: os.execv("/bin/sh", ["sh", "a\0b"]))
t("execve env list", lambda: os.execve("/bin/sh", ["sh"], [("A", "B")]))
t("execve env not mapping", lambda: os.execve("/bin/sh", ["sh"], 5))
t("execve env bad key", lambda: os.execve("/bin/sh", ["sh"], {"A=B": "x"}))
t("execve env empty key", lambda: os.execve("/bin/sh", ["sh"], {"": "x"}))
t("execve env int", lambda: os.execve("/bin/sh", ["sh"], {"A": 1}))
t("execve kw", lambda: os.execve(path="/nonexistent", argv=["x"], env={}))
t("execv kw", lambda: os.execv(path="/bin/sh", argv=["sh"]))
print(os.system("exit 0"), os.system("exit 2"), os.waitstatus_to_exitcode(os.system("exit 9")))
sys.stdout.flush()
print(os.system("echo from system"))
t("system int", lambda: os.system(1))
