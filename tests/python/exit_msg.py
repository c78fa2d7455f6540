# sys.exit("message"): the message goes to stderr and the status is 1.
import sys

print("about to fail")
try:
    sys.exit("caught once")
except SystemExit as e:
    print("caught SystemExit with code", repr(e.code), e.args)
sys.exit("fatal: configuration missing")
