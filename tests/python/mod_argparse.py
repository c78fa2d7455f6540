# gc-stress: 200
# argparse: positionals, optionals, types, choices, nargs, defaults,
# actions (store_true, count, append, const), mutually exclusive groups,
# subparsers, help output, and errors (caught through SystemExit with
# stderr redirected).
import argparse
import contextlib
import io

p = argparse.ArgumentParser(prog="tool", description="A test tool.", epilog="The end.")
p.add_argument("src", help="source file")
p.add_argument("dst", nargs="?", default="out.txt", help="destination")
p.add_argument("-n", "--num", type=int, default=1, help="a number (default: %(default)s)")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--flag", action="store_true")
p.add_argument("--no-thing", dest="thing", action="store_false")
p.add_argument("--tag", action="append", default=[])
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("--pair", nargs=2, metavar=("A", "B"))
p.add_argument("--many", nargs="*", type=float)
p.add_argument("--const", action="store_const", const=42)
g = p.add_mutually_exclusive_group()
g.add_argument("--json", action="store_true")
g.add_argument("--xml", action="store_true")
print(p.parse_args(["in.txt"]))
print(p.parse_args(["in.txt", "o", "-n", "5", "-vvv", "--flag", "--tag", "a", "--tag=b", "--mode", "slow",
                    "--pair", "1", "2", "--many", "1.5", "2", "--const", "--json", "--no-thing"]))
ns, rest = p.parse_known_args(["x", "--unknown", "u", "-n3"])
print(ns.num, ns.src, rest)
print(vars(p.parse_args(["a", "--num=7"]))["num"])
print(p.format_help())
print(p.format_usage())


def try_parse(parser, args):
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            print(parser.parse_args(args))
    except SystemExit as e:
        print("exit", e.code, err.getvalue().strip().splitlines()[-1])


try_parse(p, [])
try_parse(p, ["a", "-n", "x"])
try_parse(p, ["a", "--mode", "medium"])
try_parse(p, ["a", "--json", "--xml"])
try_parse(p, ["a", "b", "c"])
try_parse(p, ["a", "--pair", "1"])

main = argparse.ArgumentParser(prog="git")
main.add_argument("--debug", action="store_true")
subs = main.add_subparsers(dest="cmd", required=True)
c = subs.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
push = subs.add_parser("push", aliases=["p"])
push.add_argument("remote", nargs="?", default="origin")
push.set_defaults(func="pushing")
print(main.parse_args(["commit", "-m", "msg"]))
print(main.parse_args(["--debug", "p", "up"]))
try_parse(main, ["commit"])
try_parse(main, [])
try_parse(main, ["frobnicate"])
print(main.format_help())

fp = argparse.ArgumentParser(prog="f", fromfile_prefix_chars="@", formatter_class=argparse.ArgumentDefaultsHelpFormatter, add_help=False)
fp.add_argument("--level", type=int, default=3, help="level")
fp.add_argument("items", nargs="+", type=str.upper)
print(fp.parse_args(["a", "b", "--level", "4"]))
print(fp.format_help())
r = argparse.ArgumentParser(prog="r", formatter_class=argparse.RawDescriptionHelpFormatter, description="  keep\n    this\nlayout")
print(r.format_help())
ns = argparse.Namespace(a=1)
print(ns, ns == argparse.Namespace(a=1), "a" in ns)
