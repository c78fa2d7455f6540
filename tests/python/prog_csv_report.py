# Parse CSV text by hand (quotes, escaped quotes, empty fields), convert
# types, group and aggregate, and print a formatted report.

DATA = '''id,name,dept,salary,start,notes
1,Alice,Engineering,120000,2019-03-01,"team lead, backend"
2,Bob,Engineering,95000,2021-07-15,
3,"Carol ""CJ"" Jones",Sales,70000,2018-01-20,"top seller"
4,Dan,Sales,65000,2022-11-01,"new, in training"
5,Eve,Marketing,80000,2020-05-05,
6,Frank,Engineering,105000,2017-09-30,"on leave"
7,Grace,Marketing,,2023-02-14,"salary pending"
8,Heidi,Sales,72000,2019-12-31,
'''

def parse_line(line):
    fields, cur, i, quoted = [], [], 0, False
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"':
                if i + 1 < len(line) and line[i + 1] == '"':
                    cur.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                cur.append(ch)
        elif ch == '"':
            quoted = True
        elif ch == ",":
            fields.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    fields.append("".join(cur))
    return fields

lines = DATA.strip().split("\n")
header = parse_line(lines[0])
rows = []
for line in lines[1:]:
    values = parse_line(line)
    row = dict(zip(header, values))
    row["id"] = int(row["id"])
    row["salary"] = int(row["salary"]) if row["salary"] else None
    y, m, d = (int(p) for p in row["start"].split("-"))
    row["start"] = (y, m, d)
    rows.append(row)
print(header)
for r in rows[:4]:
    print(r)
print(parse_line('a,"b,c",,"d""e"'), parse_line(""), parse_line(","), parse_line('"only"'))

by_dept = {}
for r in rows:
    by_dept.setdefault(r["dept"], []).append(r)
print("%-12s %5s %10s %10s %10s" % ("dept", "count", "total", "average", "max"))
for dept in sorted(by_dept):
    people = by_dept[dept]
    paid = [p["salary"] for p in people if p["salary"] is not None]
    print("%-12s %5d %10d %10.1f %10d" % (dept, len(people), sum(paid), sum(paid) / len(paid), max(paid)))
print("-" * 51)
all_paid = [r["salary"] for r in rows if r["salary"] is not None]
print("%-12s %5d %10d %10.1f %10d" % ("ALL", len(rows), sum(all_paid), sum(all_paid) / len(all_paid), max(all_paid)))
missing = [r["name"] for r in rows if r["salary"] is None]
print("missing salary:", missing)
senior = sorted(rows, key=lambda r: r["start"])[:3]
print("longest serving:", [(r["name"], "%04d-%02d-%02d" % r["start"]) for r in senior])
ranked = sorted((r for r in rows if r["salary"]), key=lambda r: (-r["salary"], r["name"]))
for rank, r in enumerate(ranked, 1):
    bar = "#" * (r["salary"] // 10000)
    print("%d. %-22s %7s %s" % (rank, r["name"], "{:,}".format(r["salary"]), bar))
with_notes = {r["name"]: r["notes"] for r in rows if r["notes"]}
print(with_notes)
by_year = {}
for r in rows:
    by_year[r["start"][0]] = by_year.get(r["start"][0], 0) + 1
print(sorted(by_year.items()), max(by_year, key=lambda y: (by_year[y], y)))
def to_csv(fields):
    out = []
    for f in fields:
        s = str(f) if f is not None else ""
        if any(c in s for c in ',"\n'):
            s = '"' + s.replace('"', '""') + '"'
        out.append(s)
    return ",".join(out)
for r in rows[:4]:
    line = to_csv([r["id"], r["name"], r["dept"], r["salary"], "%04d-%02d-%02d" % r["start"], r["notes"]])
    print(line, parse_line(line)[1] == r["name"])
