# threading's default excepthook writes to the stderr the thread started
# with (Thread._stderr) when sys.stderr has become None.
import io
import sys
import threading
import time

running = False


def run():
    global running
    running = True
    while running:
        time.sleep(0.01)
    1 / 0


saved = sys.stderr
captured = io.StringIO()
sys.stderr = captured
t = threading.Thread(target=run, name="worker")
sys.stderr = saved
t.start()
while not running:
    time.sleep(0.01)
sys.stderr = None
running = False
t.join()
sys.stderr = saved
text = captured.getvalue()
print(text.splitlines()[0])
print("Traceback (most recent call last):" in text)
print(text.splitlines()[-1])
