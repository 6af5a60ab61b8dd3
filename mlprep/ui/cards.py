"""How card text looks: Markdown (code highlighted, CJK aligned by Rich) in one or both languages."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markdown import Markdown
from rich.text import Text as RichText

from mlprep.decks.model import Text
from mlprep.i18n import Display
from mlprep.ui.latex import render_math


def languages(display: Display) -> tuple[str, ...]:
    return ("zh", "en") if display == "both" else (display,)


def text_in(text: Text, display: Display) -> list[str]:
    """The versions of `text` to show, without repeating identical ones."""
    shown: list[str] = []
    for lang in languages(display):
        value = text.get(lang)  # type: ignore[arg-type]
        if value and value not in shown:
            shown.append(value)
    return shown


def markdown(text: Text, display: Display) -> RenderableType:
    parts: list[RenderableType] = []
    for index, value in enumerate(text_in(text, display)):
        if index:
            parts.append(RichText(""))
        parts.append(Markdown(render_math(value), code_theme="monokai"))
    return Group(*parts)


def inline(text: Text, display: Display) -> str:
    return " / ".join(render_math(value).replace("\n", " ") for value in text_in(text, display))
