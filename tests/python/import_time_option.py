# gc-stress: 3
# -X importtime and PYTHONPROFILEIMPORTTIME: one line per module loaded, on
# stderr, in CPython's layout, nested imports indented and listed before
# the module that imported them.
import os
import re
import subprocess
import sys
import tempfile

LINE = re.compile(r"^import time: +(\d+) \| +(\d+) \| ( *)(\S+)$")

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "tm_outer.py"), "w") as f:
        f.write("import tm_inner\nX = tm_inner.Y + 1\n")
    with open(os.path.join(d, "tm_inner.py"), "w") as f:
        f.write("Y = 41\n")

    def run(args, env_extra=None):
        env = dict(os.environ)
        env.pop("PYTHONPROFILEIMPORTTIME", None)
        if env_extra:
            env.update(env_extra)
        return subprocess.run(
            [sys.executable] + args + ["-c", "import tm_outer; print(tm_outer.X)"],
            cwd=d, capture_output=True, text=True, env=env,
        )

    for label, args, extra in [
        ("-X importtime", ["-X", "importtime"], None),
        ("env", [], {"PYTHONPROFILEIMPORTTIME": "1"}),
    ]:
        r = run(args, extra)
        print(label, "stdout:", r.stdout.strip(), "rc:", r.returncode)
        lines = r.stderr.splitlines()
        print("header:", lines[0])
        parsed = {}
        order = []
        for ln in lines[1:]:
            m = LINE.match(ln)
            if m is None:
                print("bad line:", repr(ln))
                continue
            parsed[m.group(4)] = (int(m.group(1)), int(m.group(2)), len(m.group(3)))
            order.append(m.group(4))
        inner, outer = parsed["tm_inner"], parsed["tm_outer"]
        print("inner before outer:", order.index("tm_inner") < order.index("tm_outer"))
        print("indent:", outer[2], inner[2] - outer[2])
        print("self <= cumulative:", inner[0] <= inner[1], outer[0] <= outer[1])
        print("outer includes inner:", outer[1] >= inner[1])

    r = run([])
    print("off: stderr empty:", r.stderr == "", r.stdout.strip())
    r = run(["-E", "-X", "importtime"], {"PYTHONPROFILEIMPORTTIME": "1"})
    print("-E with -X still on:", r.stderr.startswith("import time:"))
    r = run(["-E"], {"PYTHONPROFILEIMPORTTIME": "1"})
    print("-E ignores env:", r.stderr == "")
