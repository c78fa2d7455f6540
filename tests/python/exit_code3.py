# sys.exit(3): exit status 3, finally blocks run, nothing on stderr.
import sys

def main():
    print("working")
    try:
        sys.exit(3)
    finally:
        print("finally runs during SystemExit")
    print("not reached")

main()
print("not reached either")
