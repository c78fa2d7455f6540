# gc-stress: 200
# typing: generics, TypeVar, Protocol, NamedTuple, TypedDict, get_type_hints,
# get_origin/get_args, Optional/Union, Literal, Final, overload, cast,
# Annotated, ParamSpec/Concatenate reprs, NewType.
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, List, Literal, NamedTuple,
                    Optional, Protocol, Tuple, TypedDict, TypeVar, Union, cast, get_args,
                    get_origin, get_type_hints, overload, runtime_checkable, Annotated, NewType)

T = TypeVar("T")
K = TypeVar("K", bound=str)
N = TypeVar("N", int, float)
print(T, K.__bound__, N.__constraints__, T.__name__)


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


b = Box[int](3)
print(b.get(), Box[int], Box[int].__origin__ is Box, Box.__parameters__, get_args(Box[str]))
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None] == Optional[int])
print(Tuple[int, ...], Callable[[int, str], bool], Callable[..., Any], Literal["a", 1], ClassVar[int])
print(get_origin(List[int]), get_origin(Dict[str, int]), get_args(Dict[str, int]), get_args(Callable[[int], str]))
print(get_origin(Union[int, str]) is Union, get_args(Optional[str]), get_origin(int), get_args(int))
print(list[int], dict[str, int] == typing.Dict[str, int], int | str, get_args(int | None))


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"


p = Point(1)
print(p, p._asdict(), p._replace(y=5), Point._fields, Point._field_defaults, p[0], Point.__annotations__)


class Movie(TypedDict, total=False):
    title: str
    year: int


m: Movie = {"title": "x"}
print(m, Movie.__total__, sorted(Movie.__annotations__), sorted(Movie.__optional_keys__))


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None:
        ...


class F:
    def close(self):
        pass


print(isinstance(F(), Closer), isinstance(3, Closer), issubclass(F, Closer))


class Typed:
    a: int
    b: "List[str]"
    c: Optional["Typed"] = None

    def method(self, x: int, y: str = "s") -> bool:
        return True


hints = get_type_hints(Typed)
print(sorted((k, str(v)) for k, v in hints.items()))
print(get_type_hints(Typed.method))


@overload
def conv(x: int) -> str:
    ...


@overload
def conv(x: str) -> int:
    ...


def conv(x):
    return x


print(conv(5), cast(int, "not checked"), cast("List[int]", [1]))
UserId = NewType("UserId", int)
print(UserId(5), UserId.__name__, UserId.__supertype__)
A = Annotated[int, "meta", 3]
print(A, get_args(A), get_origin(A) is Annotated, A.__metadata__)
MAX: Final = 10
print(typing.Final, typing.TYPE_CHECKING, typing.no_type_check(lambda: 1)())
P = typing.ParamSpec("P")
print(P, P.args, Callable[P, int], typing.Concatenate[int, P])
print(typing.Sequence[int], typing.Iterable[str], typing.AnyStr, typing.Type[int])
try:
    Union[int]()
except TypeError as e:
    print("TypeError:", e)
try:
    Generic[int]
except TypeError as e:
    print("TypeError:", e)


class Pair(Generic[K, T]):
    pass


print(Pair[str, int], Pair.__parameters__)
try:
    Pair[int]
except TypeError as e:
    print("TypeError:", e)
print(typing.get_type_hints(Point), typing.is_typeddict(Movie))
print(repr(typing.Any), typing.Optional[typing.Any], typing.Never if hasattr(typing, "Never") else None)
