# UTF-7 (encodings.utf_7 on _codecs.utf_7_encode/utf_7_decode): direct
# characters, base-64 runs, astral characters, lone surrogates, the
# incremental decoder and every error reason with the error handlers.
import codecs

samples = ['', 'Hi Mom -\u263a-!', 'A\u2262\u0391.', '\u65e5\u672c\u8a9e', '1 + 1 = 2',
           '~\\', 'a+b-c', '\U0001f600 smile', 'x\ud800y', '\udc00', 'tab\there\n',
           '\x00\x01', 'caf\xe9-', '\u20ac+-', 'ab\u20ac', '\u20ac-x', '\u20acA']
for s in samples:
    b = s.encode('utf-7')
    print(ascii(s), b, ascii(b.decode('utf-7')), b.decode('utf-7') == s)

bad = [b'+', b'+A', b'+AB', b'+ABC-', b'a\x80b', b'+!', b'+AGE', b'+2D3YAA-', b'+2D0-',
       b'+2D3Y', b'+AAA-x', b'+AAAB-', b'+ZZZZ-', b'\xff+AGE-', b'+-+-', b'++', b'+\xe9']
for b in bad:
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape']:
        try:
            print(b, errors, ascii(b.decode('utf-7', errors)))
        except UnicodeDecodeError as e:
            print(b, errors, 'UnicodeDecodeError:', e, e.start, e.end)

for b in [b'+AGE-x', b'a+ZeVnLIqe-b', b'+2D3eAA-', b'+AGEAYQ']:
    for final in (False, True):
        print(b, final, codecs.utf_7_decode(b, 'strict', final))

dec = codecs.getincrementaldecoder('utf-7')()
out = []
for ch in b'Hi +ZeVnLIqe- and +2D3eAA- done':
    out.append(dec.decode(bytes([ch])))
out.append(dec.decode(b'', final=True))
print(ascii(''.join(out)), [len(x) for x in out].count(0))
enc = codecs.getincrementalencoder('utf-7')()
print(b''.join(enc.encode(c) for c in 'ab\u20acc'), enc.encode('', final=True))
print(codecs.utf_7_encode('\u20ac'), codecs.lookup('utf7').name)
