"""Asking one card and collecting the user's attempt, without judging it on screen.

The quiz shows feedback right after each attempt; the exam collects every
attempt first and reports at the end. Both build on `CardAsker`.

Keys at every prompt: `u` undo, `s` skip, `q` quit (Ctrl-C and end of input
quit too). At a text prompt type `\\u`, `\\s` or `\\q` to answer those letters.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from rich.console import Console
from rich.markup import escape

from mlprep.decks.model import Card
from mlprep.i18n import Display
from mlprep.quiz.grading import (
    cloze_gaps,
    cloze_parts,
    grade_choices,
    grade_typed,
    parse_choice_numbers,
)
from mlprep.quiz.keypoints import KeyPointResult, grade_key_points
from mlprep.ui.cards import inline, languages, markdown
from mlprep.ui.keys import InputSource

COMMANDS = {"u": "undo", "s": "skip", "q": "quit"}
HELP = "[key]u[/] undo  [key]s[/] skip  [key]q[/] quit"


class Command(Exception):
    """The user typed a command (undo, skip, quit) instead of an answer."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass
class Attempt:
    """What the user answered and whether it was right (None: self-graded)."""

    right: bool | None
    detail: str = ""
    reply: str = ""
    key_points: KeyPointResult | None = None
    cloze_text: str = ""
    cloze_replies: list[str] = field(default_factory=list)
    cloze_results: list[bool] = field(default_factory=list)


class CardAsker:
    """Prompts on an injected console and input source."""

    help = HELP

    def __init__(
        self, console: Console, keys: InputSource, display: Display, seed: int | None = None
    ) -> None:
        self.console = console
        self.keys = keys
        self.display = display
        self.rng = random.Random(seed)

    # -- prompts --------------------------------------------------------------------------
    def key(self, allowed: str, prompt: str) -> str:
        while True:
            self.console.print(prompt, end=" ")
            key = self.keys.key()
            self.console.print()
            lowered = key.lower()
            if lowered in COMMANDS:
                raise Command(COMMANDS[lowered])
            if key in allowed:
                return key
            if not self.keys.interactive:  # a script gave something else: say so, and ask again
                self.console.print(f"[warn]expected one of {escape(allowed.strip())!r}[/]")

    def line(self, prompt: str) -> str:
        self.console.print(prompt, end="")
        reply = self.keys.line("› " if self.keys.interactive else "")
        if not self.keys.interactive:
            self.console.print(escape(reply))
        stripped = reply.strip()
        if stripped.lower() in COMMANDS:
            raise Command(COMMANDS[stripped.lower()])
        if stripped.startswith("\\") and stripped[1:].lower() in COMMANDS:
            return stripped[1:]
        return reply

    # -- attempts ---------------------------------------------------------------------------
    def attempt(self, card: Card) -> Attempt:
        if card.type != "cloze":
            self.console.print(markdown(card.q, self.display))
        if card.type == "basic":
            return self._basic(card)
        if card.type == "mcq":
            return self._mcq(card)
        if card.type == "typed":
            return self._typed(card)
        return self._cloze(card)

    def _basic(self, card: Card) -> Attempt:
        if card.key_points:
            reply = self.line(
                f"[muted]type your answer (its key points are checked), or Enter to see it ({self.help})[/]\n"
            )
            if reply.strip():
                return Attempt(
                    None, reply=reply, key_points=grade_key_points(reply, card.key_points)
                )
            return Attempt(None)
        if self.keys.interactive:
            self.key("\n ", f"[muted]Enter to show the answer · {self.help}[/]")
        return Attempt(None)

    def _mcq(self, card: Card) -> Attempt:
        order = list(range(len(card.choices)))
        self.rng.shuffle(order)
        for number, original in enumerate(order, 1):
            self.console.print(
                f"  [key]{number}[/]  {escape(inline(card.choices[original], self.display))}"
            )
        multi = len(card.correct_choices) > 1
        prompt = "pick all that apply, e.g. 1,3 " if multi else "your choice "
        while True:
            reply = self.line(f"[muted]{prompt}({self.help})[/]\n")
            picked = parse_choice_numbers(reply, len(order))
            if picked is not None:
                break
            self.console.print(f"[warn]type choice numbers between 1 and {len(order)}[/]")
        right = grade_choices(picked, order, card.correct_choices)
        shown = ", ".join(str(order.index(i) + 1) for i in card.correct_choices)
        return Attempt(right, detail=f"answer: {shown}", reply=reply)

    def _typed(self, card: Card) -> Attempt:
        reply = self.line(f"[muted]type your answer ({self.help})[/]\n")
        right = grade_typed(reply, card.accepted)
        return Attempt(right, detail="accepted: " + " | ".join(card.accepted), reply=reply)

    def _cloze(self, card: Card) -> Attempt:
        langs = languages(self.display)
        primary = card.text.get(langs[0])  # type: ignore[arg-type]
        gaps = cloze_gaps(primary)
        for other in langs[1:]:  # in `both`, the other language's gap at the same place counts too
            other_gaps = cloze_gaps(card.text.get(other))  # type: ignore[arg-type]
            if len(other_gaps) == len(gaps):
                gaps = [a + b for a, b in zip(gaps, other_gaps, strict=True)]
        replies: list[str] = []
        for index in range(len(gaps)):
            self.console.print(self.cloze_line(primary, replies, index))
            replies.append(self.line(f"[muted]gap {index + 1}/{len(gaps)} ({self.help})[/]\n"))
        results = [
            grade_typed(reply, options) for reply, options in zip(replies, gaps, strict=True)
        ]
        return Attempt(
            all(results),
            detail="answer: " + " · ".join(options[0] for options in gaps),
            reply=" | ".join(replies),
            cloze_text=primary,
            cloze_replies=replies,
            cloze_results=results,
        )

    @staticmethod
    def cloze_line(
        text: str, replies: list[str], current: int | None, results: list[bool] | None = None
    ) -> str:
        out: list[str] = []
        for part in cloze_parts(text):
            if part.gap is None:
                out.append(escape(part.text))
            elif results is not None:
                ok = results[part.gap]
                style = "ok" if ok else "bad"
                shown = replies[part.gap] if ok else f"{replies[part.gap] or '∅'} → {part.text}"
                out.append(f"[{style}]{escape(shown)}[/]")
            elif part.gap < len(replies):
                out.append(f"[key]{escape(replies[part.gap])}[/]")
            elif part.gap == current:
                out.append("[reverse] ? [/]")
            else:
                out.append("[muted]___[/]")
        return "".join(out)
