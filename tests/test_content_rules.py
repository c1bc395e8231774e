"""Content rules for the built-in exercises: a worker understands them on first read.

Each rule is a function that returns the problems it finds in one exercise, so the
same rule is run on the shipped catalogue (which must be clean) and on small bad
examples (which must be caught): a rule that cannot fail is not a rule.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from journal.core.catalogue import validate_file
from journal.core.catalogue.time_budget import minutes_by_phase
from journal.core.models import Depth, Exercise
from journal.resources import exercises_dir

MAX_WORDS = 25

# Technical words a worker may not know: each must be explained in the same text where it
# first appears (an explanation is a parenthesis, « c'est-à-dire », « on parle de », …).
JARGON = ("STAR", "SMART", "savoir-être", "RIASEC", "VAE", "CPF", "ESCO", "outplacement", "SEI")
EXPLAINED = re.compile(r"\(|initiales|c'est-à-dire|on parle|d'après|un sigle|en mots simples|sous le nom|dit «", re.IGNORECASE)

# Masculine-only first-person forms (« je suis passé ») and their usual suspects.
MASCULINE_ONLY = re.compile(
    r"\b(je suis|je me suis|j'ai été|je me sens|je me sentais|suis-je|vous êtes|vous avez été)\s+"
    r"(passé|allé|arrivé|parti|resté|venu|né|entouré|obligé|payé|fier|content|satisfait|prêt|sûr|seul|épuisé|bloqué|perdu)\b(?![·e])(?!\s+ou\s)",
    re.IGNORECASE,
)

# Strings the review of issue 12 found wrong; none may come back.
WRONG_STRINGS = (
    "soulignez",
    "lequel ouvrir",
    "Staggered hours",
    "What brakes",
    "resemble you",
    "Exporter ma synthèse",
    "Synthèse écrite",
    "Export my summary",
    # The exported file is the « document à partager » (the conseiller receives « documents »):
    # « synthèse » is the exercise « Ma synthèse » and the synthesis written with the conseiller.
    "synthèses reçues",
    "synthèse chiffrée",
    "synthèses chiffrées",
    "synthèse de bilan",
    "Synthèse n°",
    "Your bilan with",
)

# « vous seul » assumes a man (and « vous seule » a woman): « vous seulement », « vous uniquement ».
GENDERED_ALONE = re.compile(r"\bvous seule?\b", re.IGNORECASE)


def shipped() -> list[Exercise]:
    exercises = []
    for path in sorted(exercises_dir().glob("*.toml")):
        exercise, problems = validate_file(path)
        assert problems == [], problems
        exercises.append(exercise)
    return exercises


def texts(exercise: Exercise) -> list[tuple[str, str, str]]:
    """(where, fr, en) for every text of an exercise shown to the worker."""
    found = [
        (name, getattr(exercise, name).fr, getattr(exercise, name).en)
        for name in ("title", "summary", "why", "how", "bring")
    ]
    for resource in exercise.resources:
        found.append(("resource", resource.body.fr, resource.body.en))
    for prompt in exercise.prompts:
        found.append((f"{prompt.id}.label", prompt.label.fr, prompt.label.en))
        found.append((f"{prompt.id}.help", prompt.help.fr, prompt.help.en))
        for option in (*prompt.options, *prompt.cards, *prompt.piles):
            found.append((f"{prompt.id}.{option.id}", option.label.fr, option.label.en))
        for spec in (*prompt.columns, *prompt.top_fields):
            found.append((f"{prompt.id}.{spec.id}", spec.label.fr, spec.label.en))
            found.append((f"{prompt.id}.{spec.id}.help", spec.help.fr, spec.help.en))
        for dimension in prompt.dimensions:
            found.append((f"{prompt.id}.{dimension.id}", dimension.label.fr, dimension.label.en))
            found.append((f"{prompt.id}.{dimension.id}.desc", dimension.description.fr, dimension.description.en))
    return found


def instruction_texts(exercise: Exercise) -> list[tuple[str, str]]:
    """The French texts that tell the worker what to do: the « how », the questions and their hints."""
    found = [("how", exercise.how.fr)]
    for prompt in exercise.prompts:
        found += [(f"{prompt.id}.label", prompt.label.fr), (f"{prompt.id}.help", prompt.help.fr)]
        for spec in (*prompt.columns, *prompt.top_fields):
            found += [(f"{prompt.id}.{spec.id}", spec.label.fr), (f"{prompt.id}.{spec.id}.help", spec.help.fr)]
    return found


def sentences(text: str) -> list[str]:
    pieces = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(\d+\.|-)\s*", "", line)
        pieces += [p for p in re.split(r"(?<=[.!?:;])\s+", line) if p.strip()]
    return pieces


# -- rules ----------------------------------------------------------------------------


def missing_languages(exercise: Exercise) -> list[str]:
    return [
        f"{where}: {'fr' if not fr.strip() else 'en'} missing"
        for where, fr, en in texts(exercise)
        if (fr.strip() or en.strip()) and not (fr.strip() and en.strip())
    ] + [f"{name}: empty" for name in ("title", "summary", "why", "how", "bring") if not getattr(exercise, name).fr.strip()]


def long_sentences(exercise: Exercise) -> list[str]:
    return [
        f"{where}: {len(sentence.split())} words: {sentence[:60]}…"
        for where, text in instruction_texts(exercise)
        for sentence in sentences(text)
        if len(sentence.split()) > MAX_WORDS
    ]


def unexplained_jargon(exercise: Exercise) -> list[str]:
    problems = []
    whole = "\n".join(fr for _, fr, _ in texts(exercise))
    for word in JARGON:
        match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", whole)
        if match is None:
            continue
        around = whole[max(0, match.start() - 80) : match.end() + 120]
        if not EXPLAINED.search(around):
            problems.append(f"« {word} » is not explained where it first appears")
    return problems


# In English the bilan is a « career assessment »; « bilan de compétences » stays as its proper name.
FRENCH_WORD_IN_ENGLISH = re.compile(r"\bbilan\b(?! de compétences)", re.IGNORECASE)


def french_bilan_in_english(exercise: Exercise) -> list[str]:
    return [f"{where}: « {m.group(0)} »" for where, _, en in texts(exercise) for m in FRENCH_WORD_IN_ENGLISH.finditer(en)]


def masculine_only(exercise: Exercise) -> list[str]:
    return [f"{where}: « {m.group(0)} »" for where, fr, _ in texts(exercise) for m in MASCULINE_ONLY.finditer(fr)]


def wrong_strings(text: str) -> list[str]:
    found = [wrong for wrong in WRONG_STRINGS if wrong.casefold() in text.casefold()]
    return found + [match.group(0) for match in GENDERED_ALONE.finditer(text)]


RULES = (missing_languages, long_sentences, unexplained_jargon, masculine_only, french_bilan_in_english)


# -- the shipped catalogue is clean ----------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_shipped_exercises_follow_the_rule(rule):
    problems = {exercise.id: found for exercise in shipped() if (found := rule(exercise))}
    assert problems == {}


def test_no_wrong_string_comes_back_in_exercises_or_interface():
    locales = exercises_dir().parent / "journal" / "i18n" / "locales"
    if not locales.exists():
        from journal.i18n import catalogue as i18n_catalogue

        locales = Path(i18n_catalogue.__file__).parent / "locales"
    files = [*exercises_dir().glob("*.toml"), *locales.rglob("*.toml")]
    found = {path.name: wrong for path in files if (wrong := wrong_strings(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_every_shipped_exercise_says_its_depth():
    for path in sorted(exercises_dir().glob("*.toml")):
        with open(path, "rb") as handle:
            raw = tomllib.load(handle)
        assert raw.get("depth") in {depth.value for depth in Depth}, path.name


def test_the_essentials_ask_much_less_time_than_everything():
    exercises = shipped()
    every = sum(minutes_by_phase(exercises).values())
    essential = sum(minutes_by_phase(exercises, essentials_only=True).values())
    assert 0 < essential < every


# -- each rule catches what it is meant to catch ----------------------------------------

BAD = """
format = 1
id = "essai"
phase = "investigation"
order = 10
duration_minutes = 20
depth = "essentiel"
title = {{ fr = "Essai", en = "Try" }}
summary = {{ fr = "Un essai.", en = "A try." }}
why = {{ fr = "Pour voir.", en = "To see." }}
how = {{ fr = "{how}", en = "Answer." }}
bring = {{ fr = "Vos réponses.", en = "Your answers." }}

[[prompts]]
id = "q"
kind = "long_text"
label = {{ fr = "{label}", en = "{label_en}" }}
"""


def bad_exercise(tmp_path: Path, how: str = "Répondez.", label: str = "Votre réponse ?", label_en: str = "Your answer?") -> Exercise:
    path = tmp_path / "essai.toml"
    path.write_text(BAD.format(how=how, label=label, label_en=label_en), encoding="utf-8")
    exercise, problems = validate_file(path)
    if exercise is None:
        # A text missing one language is refused by validation already; build the rule's input by hand.
        assert problems
        return None
    return exercise


def test_missing_language_is_caught(tmp_path):
    path = tmp_path / "essai.toml"
    path.write_text(BAD.format(how="Répondez.", label="Votre réponse ?", label_en=""), encoding="utf-8")
    exercise, problems = validate_file(path)
    assert exercise is None and any(p.where.endswith(".en") for p in problems)
    good = bad_exercise(tmp_path)
    from journal.core.models import LocalText
    from journal.core.record import replace

    broken = replace(good, prompts=(replace(good.prompts[0], label=LocalText("Votre réponse ?", "")),))
    assert missing_languages(broken)


def test_long_instruction_sentence_is_caught(tmp_path):
    long_how = " ".join(["Écrivez"] + ["encore"] * MAX_WORDS) + "."
    assert long_sentences(bad_exercise(tmp_path, how=long_how))
    assert not long_sentences(bad_exercise(tmp_path, how="Écrivez. Relisez."))


@pytest.mark.parametrize("word", JARGON)
def test_unexplained_jargon_is_caught(tmp_path, word):
    assert unexplained_jargon(bad_exercise(tmp_path, how=f"Utilisez la méthode {word} pour répondre."))


def test_explained_jargon_passes(tmp_path):
    assert not unexplained_jargon(bad_exercise(tmp_path, how="Racontez en quatre temps. On parle parfois de méthode STAR."))


@pytest.mark.parametrize("phrase", ["Pourquoi je suis passé à autre chose", "Vous êtes obligé de répondre", "Je me suis senti seul"])
def test_masculine_only_form_is_caught(tmp_path, phrase):
    found = masculine_only(bad_exercise(tmp_path, label=phrase))
    if phrase.startswith("Je me suis senti"):
        # « senti » is not in the list on purpose; « seul » after it is not a first-person form either.
        assert found == []
    else:
        assert found


def test_bilan_in_english_is_caught_but_not_its_proper_name(tmp_path):
    assert french_bilan_in_english(bad_exercise(tmp_path, label_en="What do you expect from this bilan?"))
    assert not french_bilan_in_english(bad_exercise(tmp_path, label_en="What do you expect from this career assessment?"))
    assert not french_bilan_in_english(bad_exercise(tmp_path, label_en="Why a bilan de compétences (career assessment)?"))


def test_inclusive_form_passes(tmp_path):
    assert not masculine_only(bad_exercise(tmp_path, label="Je me suis senti·e écouté·e"))
    assert not masculine_only(bad_exercise(tmp_path, label="Je suis passé·e par là"))


@pytest.mark.parametrize("wrong", WRONG_STRINGS)
def test_each_wrong_string_is_caught(wrong):
    assert wrong_strings(f"Un texte qui contient {wrong} quelque part.") == [wrong]


@pytest.mark.parametrize("text", ["lisible par vous seul.", "pour vous seule (changement", "Vous seul décidez"])
def test_a_gendered_alone_is_caught(text):
    assert len(wrong_strings(text)) == 1


@pytest.mark.parametrize("text", ["lisible par vous seulement.", "pour vous uniquement", "c'est vous qui décidez"])
def test_a_neutral_alone_is_not_caught(text):
    assert wrong_strings(text) == []
