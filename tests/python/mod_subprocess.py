# gc-stress: 20
# subprocess over the native _posixsubprocess: run, check_output, Popen
# with pipes and communicate, return codes, CalledProcessError,
# TimeoutExpired, env and cwd, os.popen, errors for a missing program.
import os
import subprocess
import sys
import tempfile

r = subprocess.run(["echo", "hi"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr), r.returncode, r.args)
print(repr(subprocess.run(["echo", "hi"], capture_output=True).stdout))
print(repr(subprocess.check_output(["printf", "%s-%s", "a", "b"])))
print(repr(subprocess.check_output("echo $((6 * 7))", shell=True, text=True)))
print(subprocess.call(["true"]), subprocess.call(["false"]))
print(subprocess.run(["sh", "-c", "exit 3"]).returncode)
print(subprocess.getoutput("echo out; echo err 1>&2"))
print(subprocess.getstatusoutput("exit 5"))

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(input=b"through cat\n")
print(repr(out), err, p.returncode)

p = subprocess.Popen(["tr", "a-z", "A-Z"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, text=True)
print(repr(p.communicate("shout\n")[0]), p.wait())

p = subprocess.Popen(["sh", "-c", "echo to-out; echo to-err >&2; exit 4"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate()
print(out, err, p.returncode, p.poll())

p = subprocess.Popen(["sh", "-c", "echo both; echo err >&2"],
                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(p.stdout.read().split()), p.wait())
p.stdout.close()

# A big payload both ways (needs select to avoid a pipe deadlock).
data = b"x" * 300000 + b"\n"
out = subprocess.run(["cat"], input=data, capture_output=True).stdout
print(len(out), out == data)

try:
    subprocess.run(["sh", "-c", "echo partial; exit 2"], check=True,
                   capture_output=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e.returncode, e.output, e.stdout, e.stderr)
    print(e)

try:
    subprocess.check_output(["false"])
except subprocess.CalledProcessError as e:
    print(e)

try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, 0 < e.timeout <= 0.2)
    print(str(e).replace(str(e.timeout), "T"))

p = subprocess.Popen(["sleep", "5"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("wait timeout", e.timeout)
p.kill()
print("killed", p.wait())

p = subprocess.Popen(["sleep", "5"])
p.terminate()
print("terminated", p.wait())

env = {"PATH": os.environ.get("PATH", "/bin:/usr/bin"), "ONLY_VAR": "only value"}
print(subprocess.check_output(["sh", "-c", "echo $ONLY_VAR; env | grep -c ONLY_"],
                              env=env, text=True), end="")

with tempfile.TemporaryDirectory() as tmp:
    os.mkdir(os.path.join(tmp, "sub"))
    open(os.path.join(tmp, "sub", "marker.txt"), "w").close()
    print(subprocess.check_output(["ls"], cwd=os.path.join(tmp, "sub"), text=True), end="")
    out = subprocess.check_output(["pwd"], cwd=tmp, text=True).strip()
    print(os.path.basename(out) == os.path.basename(tmp))
    try:
        subprocess.run(["ls"], cwd=os.path.join(tmp, "missing"))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename == os.path.join(tmp, "missing"))
    # stdout to a file
    path = os.path.join(tmp, "out.txt")
    with open(path, "w") as f:
        subprocess.run(["echo", "into file"], stdout=f)
    with open(path) as f:
        print(repr(f.read()))
    # stdin from a file
    with open(path) as f:
        print(repr(subprocess.check_output(["wc", "-c"], stdin=f).strip()))
    # pass_fds / close_fds
    r, w = os.pipe()
    subprocess.run(["sh", "-c", "echo via-fd >&%d" % w], pass_fds=(w,))
    os.close(w)
    print(os.read(r, 100))
    os.close(r)
    r, w = os.pipe()
    res = subprocess.run(["sh", "-c", "echo x >&%d" % w], stderr=subprocess.DEVNULL)
    print("closed fd not inherited", res.returncode != 0)
    os.close(r)
    os.close(w)

try:
    subprocess.run(["nosuchprog-ftpy"])
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    subprocess.Popen(["/nonexistent/dir/prog"])
except FileNotFoundError as e:
    print(e.errno, e.filename)
try:
    subprocess.run(["/etc/passwd"])
except PermissionError as e:
    print(type(e).__name__, e)
try:
    subprocess.run([tempfile.gettempdir()])
except PermissionError as e:
    print(type(e).__name__, e.errno)

print(subprocess.run("exit 7", shell=True).returncode)
print(subprocess.run(["sh", "-c", "kill -9 $$"]).returncode)
print(subprocess.run([sys.executable, "-c", "print('child python')"],
                     capture_output=True, text=True).stdout, end="")

with subprocess.Popen(["echo", "ctx"], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)

# preexec_fn runs in the child before exec
out = subprocess.check_output(["sh", "-c", "echo $PREEXEC_VAR"],
                              preexec_fn=lambda: os.environ.update(PREEXEC_VAR="set"),
                              text=True)
print(repr(out))
try:
    subprocess.run(["true"], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
print(subprocess.run(["sh", "-c", "umask"], umask=0o27, capture_output=True, text=True).stdout, end="")
print(subprocess.run(["sh", "-c", "test $(ps -o sid= -p $$) -eq $$ && echo leader"],
                     start_new_session=True, capture_output=True, text=True).stdout, end="")

# os.popen
with os.popen("echo popen; echo two") as f:
    print(f.read().split())
f = os.popen("exit 3")
f.read()
print(f.close())
f = os.popen("cat > /dev/null", "w")
f.write("ignored")
print(f.close())

# The _posixsubprocess argument checks.
import _posixsubprocess

def fe(*changes):
    args = [[b"true"], [b"/bin/true"], True, (), None, None, -1, -1, -1, -1, -1, -1,
            5, 6, True, False, -1, None, None, None, -1, None, True]
    for i, v in changes:
        args[i] = v
    try:
        _posixsubprocess.fork_exec(*args)
    except Exception as e:
        print(type(e).__name__, e)

fe((3, [1]))
fe((3, (5, 3)))
fe((3, (-1,)))
fe((0, 5))
fe((1, 5))
fe((5, 5))
fe((4, 5))
fe((6, "x"))
fe((0, ["a\0b"]))
fe((17, "x"))
fe((18, (1,)))
fe((19, "x"))
fe((13, 2))
try:
    _posixsubprocess.fork_exec(1)
except TypeError as e:
    print(e)

# Several threads starting processes while others allocate.
import threading

results = {}


def work(i):
    out = []
    for j in range(10):
        out.append(subprocess.run(["echo", str(i), str(j)], capture_output=True,
                                  text=True).stdout)
        [str(k) for k in range(500)]
    results[i] = out


threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(all(results[i] == ["%d %d\n" % (i, j) for j in range(10)] for i in range(4)))

# user/group/extra_groups (the same ids as ours: allowed for root; others
# get the same PermissionError from setgroups under both interpreters).
try:
    r = subprocess.run(["id", "-u"], user=os.getuid(), group=os.getgid(),
                       extra_groups=os.getgroups(), capture_output=True, text=True)
    print(r.stdout.strip() == str(os.getuid()))
except PermissionError as e:
    print(type(e).__name__)

# close_fds closes everything from 3 up except pass_fds (ls's own
# directory descriptor is 3).
fds = [os.open("/dev/null", os.O_RDONLY) for _ in range(20)]
for fd in fds:
    os.set_inheritable(fd, True)
keep = (fds[3], fds[10])
listed = subprocess.run(["ls", "/proc/self/fd"], capture_output=True, text=True,
                        pass_fds=keep).stdout.split()
print(sorted(map(int, listed)) == sorted([0, 1, 2, 3] + list(keep)))
print(sorted(subprocess.run(["ls", "/proc/self/fd"], capture_output=True,
                            text=True).stdout.split()))
listed = subprocess.run(["ls", "/proc/self/fd"], capture_output=True, text=True,
                        close_fds=False).stdout.split()
print(all(str(fd) in listed for fd in fds))
for fd in fds:
    os.close(fd)

# Timeouts while reading pipes (the selector path).
try:
    subprocess.run(["sh", "-c", "echo early; sleep 5"], capture_output=True, timeout=0.5)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.output, e.stderr, e.timeout)
p = subprocess.Popen(["sh", "-c", "sleep 0.3; echo late"], stdout=subprocess.PIPE, text=True)
try:
    p.communicate(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print("first", e.timeout)
print(p.communicate())
