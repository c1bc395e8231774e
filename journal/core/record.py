"""``record``: a frozen value class with slots, ``==``, hash and repr, like ``@dataclass(frozen=True, slots=True)``.

A dataclass writes the source of its ``__init__``, ``__eq__``, ``__hash__``,
``__repr__``, ``__setattr__`` and ``__delattr__`` and compiles it with ``exec``
when its module is imported: about 4 million instructions a class, 180 million
for the 44 classes a ``bilan export`` imported (a third of the whole command at
100 entries). ``record`` builds the same behaviour from shared functions and
the class's field names, without compiling anything.

Fields are the class's annotated names, in order; a default is a plain value,
or ``Default(factory=…)`` / ``Default(value, compare=False)`` for the rest (a
mutable default is refused, as a dataclass refuses it). A record does not
extend another record (refused: the base's fields would be left out).
The shared ``__init__`` takes positional and keyword arguments; it costs about
0.3 µs more than a dataclass's with positional arguments, 1 to 2 µs with
keywords, so a class made tens of thousands of times per export writes its own,
assigning with ``object.__setattr__``.
Instances compare equal when their classes are the same and their compared
fields are equal, hash those fields, cannot be changed after ``__init__``
(``FrozenInstanceError``), and copy, deep-copy and pickle. ``replace`` is
``dataclasses.replace`` for records.
"""

from __future__ import annotations

_MISSING = object()


class FrozenInstanceError(AttributeError):
    """A field of a record was assigned or deleted after it was made."""


class Default:
    """A field's default when a plain value does not say it: a factory, or a field left out of ``==`` and hash."""

    __slots__ = ("value", "factory", "compare")

    def __init__(self, value=_MISSING, *, factory=None, compare: bool = True):
        self.value = value
        self.factory = factory
        self.compare = compare


def record(cls):
    """The class ``cls`` rebuilt as a frozen record with one slot per annotated field."""
    for base in cls.__mro__[1:]:
        if "_setters" in base.__dict__:
            # the base's fields would be left out of this one's __init__, ==, hash and repr: say so rather than
            # make instances that compare equal with different values (a dataclass would take them in)
            raise TypeError(f"record {cls.__qualname__} cannot extend the record {base.__qualname__}")
    body = dict(cls.__dict__)
    names = tuple(body.get("__annotations__", {}))
    defaults: dict[str, object] = {}
    factories: dict[str, object] = {}
    compared = []
    for name in names:
        default = body.pop(name, _MISSING)
        if isinstance(default, Default):
            if default.factory is not None:
                factories[name] = default.factory
            elif default.value is not _MISSING:
                defaults[name] = default.value
            if default.compare:
                compared.append(name)
            continue
        if default is not _MISSING:
            defaults[name] = default
        compared.append(name)
    for name, default in defaults.items():
        if type(default).__hash__ is None:  # a list, dict or set shared by every instance: a dataclass refuses it too
            raise ValueError(f"mutable default {type(default)} for field {name} is not allowed: use Default(factory=…)")
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    body["__slots__"] = names
    body["_compared"] = tuple(compared) if len(compared) < len(names) else names
    built = type(cls)(cls.__name__, cls.__bases__, body)
    built.__qualname__ = cls.__qualname__
    setters = tuple(built.__dict__[name].__set__ for name in names)
    built._setters = setters
    built._defaults = defaults
    built._factories = factories
    if "__init__" not in cls.__dict__:
        built.__init__ = _init_for(built)
    for method in (_eq, _hash, _repr, _setattr, _delattr, _reduce):
        if cls.__dict__.get(method.__name__) is None:  # a class with its own __eq__ has __hash__ None: hashed like the rest
            setattr(built, method.__name__, method)
    return built


def _init_for(cls):
    setters = cls._setters
    count = len(setters)
    # The plain defaults of the last fields, by how many arguments come before them: ``C(a)`` needs no lookup.
    tails = {}
    for given in range(count - 1, -1, -1):
        name = cls.__slots__[given]
        if name not in cls._defaults:
            break
        tails[given] = tuple(cls._defaults[later] for later in cls.__slots__[given:])
    pairs = zip  # a local name: looked up once per call

    def __init__(self, *args, **kwargs):
        if kwargs or len(args) != count:
            tail = None if kwargs else tails.get(len(args))
            args = args + tail if tail is not None else _bound(cls, args, kwargs)
        for setter, value in pairs(setters, args):
            setter(self, value)

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _bound(cls, args: tuple, kwargs: dict) -> tuple:
    """Every field's value, in order, from positional and keyword arguments and defaults (Python's own errors)."""
    names = cls.__slots__
    if len(args) > len(names):
        raise TypeError(f"{cls.__name__}() takes {len(names)} arguments but {len(args)} were given")
    values = list(args)
    for name in names[: len(args)]:
        if name in kwargs:
            raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
    defaults = cls._defaults
    for name in names[len(args) :]:
        value = kwargs.pop(name, _MISSING)
        if value is _MISSING:
            value = defaults.get(name, _MISSING)
            if value is _MISSING:
                if name not in cls._factories:
                    raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")
                value = cls._factories[name]()
        values.append(value)
    if kwargs:
        raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {next(iter(kwargs))!r}")
    return tuple(values)


def _compared_values(item) -> tuple:
    return tuple([getattr(item, name) for name in item._compared])


def _eq(self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _compared_values(self) == _compared_values(other)


def _hash(self):
    return hash(_compared_values(self))


def _repr(self):
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
    return f"{type(self).__qualname__}({shown})"


def _setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _reduce(self):
    """Copy, deep copy and pickle: the class and its fields, through ``__init__`` (assignment is refused)."""
    return type(self), tuple([getattr(self, name) for name in self.__slots__])


_eq.__name__ = "__eq__"
_hash.__name__ = "__hash__"
_repr.__name__ = "__repr__"
_setattr.__name__ = "__setattr__"
_delattr.__name__ = "__delattr__"
_reduce.__name__ = "__reduce__"


def replace(item, **changes):
    """A copy of the record ``item`` with ``changes`` to some of its fields."""
    for name in item.__slots__:
        if name not in changes:
            changes[name] = getattr(item, name)
    return type(item)(**changes)
