"""How card text looks: Markdown (code highlighted, CJK aligned by Rich) in one or both languages."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markdown import Markdown
from rich.segment import Segment
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


class SplitLines:
    """`inner`, rendered with every segment cut at its newlines in one pass.

    Rich renders a wrapped paragraph as one segment holding all its lines, and
    `Console.print` (and `render_lines`) then split it with repeated
    `str.partition`, copying the rest of the text once per line: quadratic in
    the paragraph's length (a 4 MB question took 10 s). Cut here, each segment
    holds at most one line and the whole display stays linear.
    """

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = Segment.line()
        for segment in console.render(self.inner, options):
            if segment.control or "\n" not in segment.text:
                yield segment
                continue
            for index, piece in enumerate(segment.text.split("\n")):
                if index:
                    yield newline
                if piece:
                    yield Segment(piece, segment.style)


def markdown(text: Text, display: Display) -> RenderableType:
    parts: list[RenderableType] = []
    for index, value in enumerate(text_in(text, display)):
        if index:
            parts.append(RichText(""))
        parts.append(Markdown(render_math(value), code_theme="monokai"))
    return SplitLines(Group(*parts))


def inline(text: Text, display: Display) -> str:
    return " / ".join(render_math(value).replace("\n", " ") for value in text_in(text, display))


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def answers_in(accepted: Sequence[str], display: Display) -> list[str]:
    """A typed card's accepted answers in the display language (`both`: all of them).

    An answer with Chinese characters is Chinese; one with a Latin word of three letters
    or more is English; formulas and numbers (`O(n)`, `0.48`) belong to both. When a
    language has no answer of its own, every answer is shown.
    """
    if display == "both":
        return list(accepted)

    def lang(answer: str) -> str:
        if _CJK.search(answer):
            return "zh"
        return "en" if _LATIN_WORD.search(answer) else "any"

    own = [a for a in accepted if lang(a) == display]
    return [a for a in accepted if lang(a) in (display, "any")] if own else list(accepted)
