# gc-stress: 10
# f-strings read by CPython 3.11's rules: the string ends at the first
# matching quote, then its replacement fields are split with the errors of
# 3.11's f-string parser; bytes and other literals do not concatenate.
bad = [
    "f'{1#}'", "f'{3(#)}'", "f'{#}'", "f'{)#}'", "f'' b''", "b'' f''", "'' b''", "b'' 'x' f'{x}'",
    "f'{3! s}'", "f'{3!ss}'", "f'{3!ss:}'", "f'{3!ss:s}'", "f'{3!}'", "f'{a!x}'", "f'{a!r=}'",
    "f'{a $ b}'", "f'{a b}'", "f'{1 +}'", "f'{lambda x:1}'", "f'{*a}'", "f'{**a}'", "f'{ *a }'",
    "f'{3:{{>10}'", "f'{3!'", "f'x{<'", "f'x{>'", "f'{((}'", "f'{a[4)}'", "f'{a(4]}'", "f'{a[4}'",
    "f'{a(4}'", "f'{((((}'", "f'{)}' + (", "f'{a}' f'{)}'", "f'{:}'", "f'{ :!}'", "f'{:2}'",
    "f'''{\t\f\r\n:a}'''", "f'{:'", "f'{=}'", "f'{ =}'", "f'{ =:}'", "f'{   =!}'", "f'{='",
    "f'{\\'a\\'}'", "f'{\\t3}'", "f'{\\}'", "rf'{\\'a\\'}'", "rf'{\\t3}'", "rf'{\\}'", "f'{\\n}'",
    "f'{3)+(4}'", "f'{\n}'", "f'{\"x'", "f'{\"x}'", "f'{(\"x'", "f'{(\"x}'", "f'{a}}'", "f'{{}'",
    "f'{1:{2:{3}}}'", "f'{ }'", "f'{}'", "f'{!r}'", "f'{:x}'", "f'{\n1}'", "fr'{x}\\'",
    "x = 1 +\nf'{)}'", "f'{x}' +\n(", "\xa0", "a\u200b", "a\u00e9\u2603", "x = \x01", "f'''{\xa0}'''",
    "f'{a:{b:{c}}}'", "f'{''}'", "f'{x:{y}}' f'{'", "f'{x'", "f'}'", "f'{{}}}'", "f'{\"a\"b}'",
]
good = [
    "f'{a:=1}'", "f'{{}}' '}'", "f'{\"a\"}'", "f'{1:{{2}}}'", "f'{x:\\n}'", "f'{a=  }'", "f'{a= !r}'",
    "f'{a = }'", "f\"{'a'}\"", "f'''{\n1}'''", "f'{x:{y!r}}'", "f'{x!r:>{10}}'", "f'{x=!r:^20}'",
    "rf'\\{x}'", "f'{a, *b}'", "f'{[*a]}'", "f'{a != b}'", "f'{a == b}'", "f'{a <= b}' f'{a >= b}'",
    "f'{a < b}' f'{a > b}'", "f'{d[\"k\"]}'", "f'''{\"\"\"x\"\"\"}'''", "f'{x!a}' f'{x!s}'",
    "f'{x:%Y-%m-%d}'", "f'{3.5:.{2}f}'", "f'{(lambda x: x)(1)}'", "f'{x if y else z}'",
    "b'a' b'b'", "'a' 'b' f'{c}' u'd'", "f'{a}' # comment\n", "(f'{a}'\n f'{b}')", "f'{\"#\"}'",
    "f'{a[\"}\"]}'", "f'{\"{\"}'", "x = f'{1}' if True else f'{2}'", "f'{a:{b}{c}}'",
]
for src in bad + good:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), "|", e.msg, "| line", e.lineno)

# Values.
a, b, x, y = 3, 4, 12.5, 'txt'
d = {"k": 1, "}": 2}
print(f'{a != b}', f'{a<b}', f'{x:{a}.{b}}', f'{y!r:>{a + 5}}', f'{d["}"]}', f'{"{"}', f'{a:=^9}')
print(f'{{}}', f'\N{EM DASH}', rf'\{a}', f'{x=}', f'{y = !r:^11}')
