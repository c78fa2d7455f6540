# finally: runs on every exit path; return in finally overrides both return
# values and exceptions; break/continue inside try/finally; nested finally
# order; exceptions raised in finally replace the pending one.

def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(swallow())

def ret_value_evaluated_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  finally sees x =", x)
print(ret_value_evaluated_before_finally())

def mutable_return():
    lst = []
    try:
        return lst
    finally:
        lst.append("added in finally")
print(mutable_return())

def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            out.append("body%d" % i)
        finally:
            out.append("fin%d" % i)
    return out
print(loop_break())

def loop_continue():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append("even%d" % i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_continue())

def continue_in_finally():
    out = []
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            out.append(i)
            continue
    return out
print(continue_in_finally())

def break_in_finally_swallows():
    while True:
        try:
            raise RuntimeError("gone")
        finally:
            break
    return "exception discarded by break"
print(break_in_finally_swallows())

def while_else_with_finally():
    out = []
    n = 0
    while n < 3:
        try:
            n += 1
            out.append(n)
        finally:
            out.append("f")
    else:
        out.append("else")
    return out
print(while_else_with_finally())

def nested_order():
    out = []
    try:
        try:
            try:
                raise ValueError("deep")
            finally:
                out.append("f1")
        finally:
            out.append("f2")
    except ValueError as e:
        out.append("caught " + str(e))
    finally:
        out.append("f3")
    return out
print(nested_order())

def finally_raises():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except Exception as e:
        return "%s: %s (context %r)" % (type(e).__name__, e, e.__context__)
print(finally_raises())

def return_in_except_then_finally():
    out = []
    def inner():
        try:
            1 / 0
        except ZeroDivisionError:
            out.append("except")
            return "from except"
        finally:
            out.append("finally")
    return inner(), out
print(return_in_except_then_finally())

def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally ran")
g = generator_finally()
print(next(g))
g.close()
print("after close")
for v in generator_finally():
    print("got", v)

def count_finally_runs(n):
    runs = 0
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    raise ValueError
                if i % 3 == 1:
                    continue
            finally:
                runs += 1
        except ValueError:
            pass
    return runs
print(count_finally_runs(10))

def exception_in_else():
    try:
        try:
            pass
        except ValueError:
            return "not here"
        else:
            raise KeyError("from else")
        finally:
            print("  finally after else")
    except KeyError as e:
        return "caught " + repr(e)
print(exception_in_else())

def finally_sees_exception_state():
    try:
        try:
            raise ValueError("pending")
        finally:
            print("  in finally, exception pending")
    except ValueError as e:
        return "propagated " + str(e)
print(finally_sees_exception_state())

def return_from_try_in_loop():
    for i in range(10):
        try:
            if i == 2:
                return i
        finally:
            if i == 2:
                print("  finally at", i)
print(return_from_try_in_loop())
