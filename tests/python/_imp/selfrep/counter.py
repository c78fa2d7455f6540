# Counts how many times its code ran (the count lives in another module).
import selfrep
selfrep.runs = getattr(selfrep, 'runs', 0) + 1
RUN = selfrep.runs
