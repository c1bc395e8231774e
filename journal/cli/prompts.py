"""questionary prompts that speak the interface language.

questionary's own words are English: the « (y/N) » of a confirmation, the
« Yes »/« No » it echoes, the « (Use arrow keys…) » hints, and the « Cancelled by
user » it prints on Ctrl+C. These helpers ask the same questions with our words,
and return None on Ctrl+C (the caller says, in one line, that nothing was done).
"""

from __future__ import annotations

from journal.i18n import t


def ask(question):
    """The answer to a questionary question, or None when the person pressed Ctrl+C."""
    try:
        return question.unsafe_ask()
    except KeyboardInterrupt:
        return None


def confirm(message: str, default: bool):
    """Yes or no, as a two-line choice in the interface language (None on Ctrl+C)."""
    import questionary

    choices = [questionary.Choice(t("prompts.yes"), True), questionary.Choice(t("prompts.no"), False)]
    return ask(questionary.select(message, choices=choices, default=choices[0] if default else choices[1], instruction=t("prompts.select_hint")))


def select(message: str, choices):
    """One of ``choices`` (questionary Choices), with our own hint (None on Ctrl+C)."""
    import questionary

    return ask(questionary.select(message, choices=choices, instruction=t("prompts.select_hint")))


def checkbox(message: str, choices):
    """Several of ``choices`` (questionary Choices), with our own hint (None on Ctrl+C)."""
    import questionary

    return ask(questionary.checkbox(message, choices=choices, instruction=t("prompts.checkbox_hint")))
