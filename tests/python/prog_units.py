# A bank of unit conversions driven by tables, printed with f-strings:
# length, mass, temperature, time durations, data sizes, currency rounding.

LENGTH = {"mm": 0.001, "cm": 0.01, "m": 1.0, "km": 1000.0, "in": 0.0254, "ft": 0.3048, "yd": 0.9144, "mi": 1609.344}
MASS = {"mg": 1e-6, "g": 0.001, "kg": 1.0, "t": 1000.0, "oz": 0.028349523125, "lb": 0.45359237}

class ConversionError(Exception):
    pass

def convert(value, src, dst, table):
    try:
        return value * table[src] / table[dst]
    except KeyError as e:
        raise ConversionError(f"unknown unit {e.args[0]!r}") from None

def temp(value, src, dst):
    to_c = {"C": lambda v: v, "F": lambda v: (v - 32) * 5 / 9, "K": lambda v: v - 273.15}
    from_c = {"C": lambda v: v, "F": lambda v: v * 9 / 5 + 32, "K": lambda v: v + 273.15}
    return from_c[dst](to_c[src](value))

print(f"{'value':>10} {'from':<4} {'to':<4} {'result':>14}")
for value, src, dst in [(1, "mi", "km"), (100, "m", "ft"), (5280, "ft", "mi"), (1, "in", "mm"), (42.195, "km", "mi"), (1, "yd", "in"), (0, "m", "km")]:
    r = convert(value, src, dst, LENGTH)
    print(f"{value:>10} {src:<4} {dst:<4} {r:>14.6f}")
for value, src, dst in [(1, "lb", "kg"), (1, "kg", "lb"), (16, "oz", "lb"), (2.5, "t", "lb"), (500, "mg", "g")]:
    print(f"{value:g} {src} = {convert(value, src, dst, MASS):.4g} {dst}")
for bad in [("ly", "m"), ("m", "furlong")]:
    try:
        convert(1, bad[0], bad[1], LENGTH)
    except ConversionError as e:
        print(f"ConversionError: {e} (cause={e.__cause__}, suppressed={e.__suppress_context__})")
print(f"{'C':>8}{'F':>8}{'K':>9}")
for c in range(-40, 101, 20):
    print(f"{c:>8}{temp(c, 'C', 'F'):>8.1f}{temp(c, 'C', 'K'):>9.2f}")
print(f"{temp(98.6, 'F', 'C'):.1f} {temp(0, 'K', 'F'):.2f} {temp(-40, 'F', 'C'):+.0f}")

def duration(seconds):
    parts = []
    for name, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count}{name}")
    return " ".join(parts) or "0s"
for s in (0, 59, 60, 3599, 3600, 86399, 86400, 90061, 1000000, 31536000):
    print(f"{s:>9,} s = {duration(s)}")

def human_size(n):
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024 or unit == "TiB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{n} B"
        n /= 1024
for n in (0, 1, 1023, 1024, 1536, 10 ** 6, 2 ** 30, 5 * 2 ** 40, 2 ** 50):
    print(f"{n:>20,} -> {human_size(n)}")

rates = {"EUR": 1.0, "USD": 1.0843, "GBP": 0.8571, "JPY": 163.12}
amounts = [19.99, 250, 0.05, 1234567.891]
for cur in ("USD", "GBP", "JPY"):
    row = " | ".join(f"{a * rates[cur]:>14,.2f}" for a in amounts)
    print(f"EUR->{cur}: {row}")
total_cents = sum(round(a * 100) for a in amounts)
print(f"total {total_cents // 100:,}.{total_cents % 100:02d} EUR, mean {sum(amounts) / len(amounts):.3e}")
print(f"{0.1 + 0.2:.17f} {1 / 3:.20f} {2 / 3:.0%} {1e-3:e} {123456789:.2e} {0.000012345:.3g}")
print(f"{3.14159:+010.3f}|{-2.5:^10.1f}|{1000000:>12,d}|{255:#06x}|{0.25:>8.1%}")
speeds = [("walk", 5), ("bike", 20), ("car", 100), ("plane", 900)]
for name, kmh in speeds:
    ms = kmh * 1000 / 3600
    marathon_h = 42.195 / kmh
    print(f"{name:<6}{kmh:>5} km/h {ms:>7.2f} m/s marathon in {int(marathon_h)}h{int(marathon_h * 60 % 60):02d}m")
