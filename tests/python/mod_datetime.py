# gc-stress: 200
# datetime: date, time, datetime, timedelta, timezone arithmetic,
# comparisons, formatting (strftime, isoformat, str/repr), parsing
# (fromisoformat, strptime), replace, combine, ordinal and week helpers.
# Error messages are not printed: ftpy runs the pure-Python datetime,
# whose messages differ from the C module's.
import datetime as dt
from datetime import date, time, datetime, timedelta, timezone

d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), tuple(d.isocalendar()), d.toordinal())
print(d + timedelta(days=1), d - date(2023, 1, 1), d.replace(year=2028), date.fromordinal(738000), date.fromisoformat("2021-12-31"))
print(d.strftime("%Y/%m/%d %A %B %j %U %a %b %%"), d.ctime(), d.isoformat(), format(d, "%d.%m.%y"))
try:
    d.replace(year=2023)
except ValueError as e:
    print("ValueError")
t = time(13, 5, 9, 250000)
print(t, repr(t), t.isoformat(timespec="milliseconds"), t.strftime("%I:%M %p"), t.replace(hour=1), time())
td = timedelta(days=1, hours=25, minutes=-30, seconds=3.5, microseconds=7)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds, -td, abs(-td), td * 2, td / 2, td // timedelta(hours=1))
print(timedelta(weeks=3) % timedelta(days=5), divmod(timedelta(hours=50), timedelta(days=1)), timedelta(0) == timedelta(), timedelta.max, timedelta.resolution)
print(str(timedelta(microseconds=-1)), str(timedelta(days=-2, seconds=5)), timedelta(hours=1) < timedelta(minutes=61))
dtm = datetime(2023, 12, 31, 23, 59, 30, 123456)
print(dtm, repr(dtm), dtm + timedelta(seconds=45), dtm.date(), dtm.time(), dtm.timetuple()[:6], dtm.timestamp() if False else "")
print(dtm.isoformat(), dtm.isoformat(sep=" ", timespec="seconds"), dtm.strftime("%Y-%m-%dT%H:%M:%S.%f"), str(dtm.replace(microsecond=0)))
print(datetime.combine(d, t), datetime.fromisoformat("2020-05-17T08:30:00"), datetime.fromisoformat("2020-05-17 08:30:00.500+02:00"))
print(datetime.strptime("2022-03-04 05:06:07", "%Y-%m-%d %H:%M:%S"), datetime.strptime("4 Jul 1999", "%d %b %Y"))
utc = timezone.utc
cet = timezone(timedelta(hours=1), "CET")
aware = datetime(2024, 6, 1, 12, 0, tzinfo=utc)
print(aware, aware.astimezone(cet), aware.astimezone(timezone(timedelta(hours=-5, minutes=-30))), aware.utcoffset(), aware.tzname())
print(cet, repr(cet), timezone(timedelta(hours=3)), cet.utcoffset(None), aware.astimezone(cet) == aware, aware.timestamp())
print(datetime.fromtimestamp(0, utc), datetime.fromtimestamp(1700000000, cet), datetime.utcfromtimestamp(86400))
try:
    print(aware < datetime(2024, 6, 1))
except TypeError as e:
    print("TypeError")
print(aware - datetime(2024, 1, 1, tzinfo=cet), (aware - aware).total_seconds())


class Fixed(dt.tzinfo):
    def utcoffset(self, when):
        return timedelta(hours=9)

    def dst(self, when):
        return timedelta(0)

    def tzname(self, when):
        return "JST"


j = datetime(2024, 1, 1, 9, tzinfo=Fixed())
print(j, j.tzname(), j.astimezone(utc), j.strftime("%H:%M %Z %z"), j.isoformat())
print(date.min, date.max, datetime.min, time.max, date(2024, 1, 1) < date(2024, 1, 2), hash(date(2020, 1, 1)) == hash(date(2020, 1, 1)))
for bad in [lambda: date(2023, 2, 29), lambda: time(24), lambda: datetime(2020, 13, 1), lambda: date.fromisoformat("2020-1-1"),
            lambda: datetime.strptime("x", "%Y"), lambda: timedelta(days=10 ** 9), lambda: date(2020, 1, 1) + 1]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__)
print(sorted([datetime(2020, 1, 2), datetime(2019, 5, 5), datetime(2020, 1, 1, 23)]))
print(date(2024, 1, 1).isocalendar().week, dt.MINYEAR, dt.MAXYEAR, date.fromisocalendar(2024, 10, 3))
