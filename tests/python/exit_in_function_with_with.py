# sys.exit(2) inside a with block: __exit__ sees SystemExit and does not
# suppress it; the status is 2.
import sys

class Guard:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__, ev.code)
        return False

def run():
    with Guard():
        print("inside")
        sys.exit(2)

run()
