# gc-stress: 4
# The environment: posix.environ (bytes), os.environ/os.environb kept in
# sync with putenv/unsetenv, getenv/getenvb, child processes seeing
# changes, the name/value checks, get_exec_path.
import os
import posix
import _helper_tmp as H
from _helper_tmp import t

key = "FTPY_TEST_ENV_VAR"
print(key in os.environ, os.getenv(key), os.getenv(key, "dflt"))
os.environ[key] = "value one"
print(os.environ[key], os.environb[key.encode()], os.getenv(key), os.getenvb(key.encode()))
print(key in os.environ, key.encode() in os.environb)
os.environb[key.encode()] = b"bytes \xc3\xa9"
print(repr(os.environ[key]), os.environb[key.encode()])
os.environ[key] = "\udcff"
print(os.environb[key.encode()])
os.putenv(key + "_RAW", "raw")
print(os.getenv(key + "_RAW"))
os.unsetenv(key + "_RAW")
del os.environ[key]
print(key in os.environ, os.environ.get(key))
t("del missing", lambda: os.environ.__delitem__(key))
t("getitem missing", lambda: os.environ[key])
t("set int", lambda: os.environ.__setitem__(key, 1))
t("set key int", lambda: os.environ.__setitem__(1, "x"))
t("putenv eq", lambda: os.putenv("A=B", "x"))
t("putenv empty", lambda: os.putenv("", "x"))
t("putenv nul", lambda: os.putenv("A", "x\0y"))
t("putenv key nul", lambda: os.putenv("A\0", "x"))
t("putenv int", lambda: os.putenv(1, "x"))
t("unsetenv eq", lambda: os.unsetenv("A=B"))
t("unsetenv empty", lambda: os.unsetenv(""))
t("environ eq key", lambda: os.environ.__setitem__("A=B", "x"))
os.environ.setdefault(key, "sd")
print(os.environ.pop(key), os.environ.pop(key, "gone"))
print(isinstance(os.environ.copy(), dict), type(posix.environ).__name__)
print(all(isinstance(k, bytes) and isinstance(v, bytes) for k, v in posix.environ.items()))
print(len(os.environ) == len(posix.environ) or True)
print(repr(os.environ).startswith("environ({"))
saved = os.environ.get("PATH")
os.environ["PATH"] = "/a:/b::/c"
print(os.get_exec_path())
print(os.get_exec_path({"PATH": "/x"}), os.get_exec_path({}) == os.defpath.split(os.pathsep))
if saved is None:
    del os.environ["PATH"]
else:
    os.environ["PATH"] = saved
os.environ[key] = "seen by child"
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, os.environb.get(key.encode(), b"?") + b"|" + (os.getenvb(b"HOME") is not None and b"home" or b""))
    os._exit(0)
os.close(w)
data = b""
while True:
    chunk = os.read(r, 100)
    if not chunk:
        break
    data += chunk
os.close(r)
os.waitpid(pid, 0)
print(data)
del os.environ[key]
