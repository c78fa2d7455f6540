import sys
state = sys.modules.setdefault('reload_state', type(sys)('reload_state'))
state.runs = getattr(state, 'runs', 0) + 1
RUNS = state.runs
if RUNS == 1:
    ONLY_FIRST = 'set on the first run'
def f():
    return RUNS
