# gc-stress: 20
# string: constants, capwords, Template (substitute, safe_substitute,
# custom delimiters, errors, get_identifiers), Formatter subclasses.
import string

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes $what, ${who}s and $$money")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}, what="coffee"))
print(t.safe_substitute(who="bob"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
try:
    string.Template("bad $ sign").substitute()
except ValueError as e:
    print("ValueError:", e)
print(string.Template("$a $b ${c} $a").get_identifiers(), string.Template("$x ${y}").is_valid(), string.Template("$").is_valid())


class PercentTemplate(string.Template):
    delimiter = "%"
    idpattern = "[a-z]+"


print(PercentTemplate("100%% of %name is %{name}!").substitute(name="it"))


class Upper(string.Formatter):
    def format_field(self, value, spec):
        if spec == "u":
            return str(value).upper()
        return super().format_field(value, spec)

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)


f = Upper()
print(f.format("{0:u} {name} {missing} {1:>5}", "abc", 42, name="n"))
print(list(string.Formatter().parse("a{0}b{x!r:>3}c{{}}")))
print(string.Formatter().vformat("{a}-{0}", (1,), {"a": 2}))
print(string.Formatter().format("{0.real} {1[0]} {2[k]}", 3, [4], {"k": 5}))
try:
    string.Formatter().format("{0} {}", 1, 2)
except ValueError as e:
    print("ValueError:", e)
print(string.Template.delimiter, string.Template("${a}b").substitute(a=1))
