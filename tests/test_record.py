"""record: the frozen value classes of the models, views and summaries behave as the dataclasses they replace."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from journal.core.answer_view import Groups, Text
from journal.core.export.options import ExportOptions
from journal.core.models import Exercise, LocalText, Option, Phase
from journal.core.record import Default, FrozenInstanceError, record, replace


@record
class Sample:
    """A record with every kind of field: required, plain default, factory, not compared."""

    name: str
    count: int = 0
    tags: list = Default(factory=list)
    origin: str | None = Default(None, compare=False)
    last: str = "z"


def test_positional_keyword_and_default_arguments_fill_the_fields_in_order():
    assert (Sample("a").name, Sample("a").count, Sample("a").tags, Sample("a").origin, Sample("a").last) == ("a", 0, [], None, "z")
    full = Sample("a", 2, ["t"], "o", "y")
    assert (full.name, full.count, full.tags, full.origin, full.last) == ("a", 2, ["t"], "o", "y")
    mixed = Sample("a", last="q", count=3)
    assert (mixed.count, mixed.last, mixed.tags) == (3, "q", [])


def test_a_factory_gives_each_instance_its_own_value():
    first, second = Sample("a"), Sample("b")
    first.tags.append("x")
    assert second.tags == []


@pytest.mark.parametrize(
    "make",
    [
        lambda: Sample(),  # a required field missing
        lambda: Sample("a", 1, [], None, "z", "extra"),  # too many
        lambda: Sample("a", name="b"),  # given twice
        lambda: Sample("a", colour="red"),  # no such field
    ],
)
def test_wrong_arguments_are_a_type_error(make):
    with pytest.raises(TypeError):
        make()


def test_equal_and_same_hash_when_the_compared_fields_are_equal():
    assert Sample("a", 1, origin="here") == Sample("a", 1, origin="there")
    assert Sample("a", 1) != Sample("a", 2)
    assert LocalText("oui", "yes") == LocalText("oui", "yes")
    assert hash(LocalText("oui", "yes")) == hash(LocalText("oui", "yes"))
    assert len({Text("a"), Text("a"), Text("b")}) == 2
    assert ExportOptions(notes=False) == ExportOptions(notes=False) != ExportOptions()


def test_instances_of_other_classes_are_never_equal():
    @record
    class Other:
        text: str

    assert Text("a") != Other("a")
    assert Text("a") != "a"
    assert Text("a") != ("a",)


def test_an_exercise_from_another_file_is_the_same_exercise():
    made = dict(id="x", phase=Phase.INVESTIGATION, order=1, duration_minutes=5, repeatable=False, title=LocalText("T", "T"))
    made.update(summary=LocalText("", ""), why=LocalText("", ""), how=LocalText("", ""), bring=LocalText("", ""), prompts=())
    assert Exercise(**made, source_file=Path("a.toml")) == Exercise(**made, source_file=Path("b.toml"))
    assert hash(Exercise(**made, source_file=Path("a.toml"))) == hash(Exercise(**made))
    assert Exercise(**made) != Exercise(**{**made, "order": 2})


def test_an_unhashable_field_makes_the_instance_unhashable_as_a_dataclass_would():
    with pytest.raises(TypeError):
        hash(Sample("a", tags=[1]))


def test_fields_cannot_be_assigned_or_deleted_after_creation():
    text = LocalText("oui", "yes")
    with pytest.raises(FrozenInstanceError):
        text.fr = "non"
    with pytest.raises(FrozenInstanceError):
        del text.en
    with pytest.raises(AttributeError):
        text.other = 1  # slots: no new attribute either
    assert text.fr == "oui"


def test_replace_changes_only_the_fields_named():
    option = Option("a", LocalText("A", "A"))
    changed = replace(option, id="b")
    assert (changed.id, changed.label, changed.help) == ("b", option.label, option.help)
    assert option.id == "a"
    with pytest.raises(TypeError):
        replace(option, colour="red")


def test_repr_names_the_class_and_every_field():
    assert repr(Groups((("t", Text("a")),))) == "Groups(groups=(('t', Text(text='a')),))"
    assert repr(Sample("a")) == "Sample(name='a', count=0, tags=[], origin=None, last='z')"


def test_copy_deepcopy_and_pickle_give_an_equal_record():
    option = Option("a", LocalText("A", "B"), LocalText("h", "h"))
    assert copy.copy(option) == option
    deep = copy.deepcopy(Sample("a", tags=[["x"]]))
    assert deep == Sample("a", tags=[["x"]])
    assert pickle.loads(pickle.dumps(option)) == option


def test_methods_and_class_methods_of_the_class_are_kept():
    assert LocalText.empty() == LocalText("", "")
    assert not LocalText.empty()
    assert LocalText("", "yes").in_language("fr") == "yes"
    assert Sample.__doc__.startswith("A record")
    assert Sample.__qualname__ == "Sample"


def test_a_class_with_its_own_init_keeps_it_and_the_rest_of_the_record():
    @record
    class Pair:
        left: str
        right: str = "r"

        def __init__(self, left: str):
            object.__setattr__(self, "left", left.upper())
            object.__setattr__(self, "right", "fixed")

    assert (Pair("a").left, Pair("a").right) == ("A", "fixed")
    assert Pair("a") == Pair("a") and hash(Pair("a")) == hash(Pair("a"))
    with pytest.raises(FrozenInstanceError):
        Pair("a").left = "b"
    assert Text("x") == Text("x") != Text("y")
    with pytest.raises(FrozenInstanceError):
        Text("x").text = "y"


def test_a_record_extending_a_record_is_refused_rather_than_losing_the_base_fields():
    with pytest.raises(TypeError, match="cannot extend"):

        @record
        class Longer(Sample):
            extra: int = 0


def test_a_mutable_plain_default_is_refused_as_a_dataclass_refuses_it():
    for shared in ([], {}, set()):
        with pytest.raises(ValueError, match="mutable default"):

            @record
            class Shared:
                items: object = shared

        with pytest.raises(ValueError, match="mutable default"):

            @record
            class SharedUncompared:
                items: object = Default(shared, compare=False)
