# An exception raised "from" another one escapes: both tracebacks are
# printed on stderr and the last line is the outer exception.

class ConfigError(Exception):
    pass

def read_setting(settings, key):
    try:
        return settings[key]
    except KeyError as e:
        raise ConfigError("setting %s is required" % key) from e

settings = {"threads": 4}
print("threads:", read_setting(settings, "threads"))
try:
    read_setting(settings, "mode")
except ConfigError as e:
    print("handled:", e, "caused by", repr(e.__cause__))
print("unhandled now")
read_setting(settings, "timeout")
