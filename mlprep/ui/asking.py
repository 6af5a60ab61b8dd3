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
from mlprep.i18n import Display, say
from mlprep.quiz.grading import (
    cloze_gaps,
    cloze_parts,
    grade_choices,
    grade_typed,
    parse_choice_numbers,
)
from mlprep.quiz.keypoints import KeyPointResult, grade_key_points
from mlprep.ui.cards import answers_in, inline, languages, markdown
from mlprep.ui.keys import InputSource
from mlprep.ui.layout import print_hanging, print_prose, unbreakable

COMMANDS = {"u": "undo", "s": "skip", "q": "quit"}
HELP = "[key]u[/] undo  [key]s[/] skip  [key]q[/] quit"
# Scripts may name a grade instead of typing its number.
GRADE_WORDS = {"again": "1", "hard": "2", "good": "3", "easy": "4"}


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
    cloze_other: str = ""  # with --lang both: the same sentence in the other language


class CardAsker:
    """Prompts on an injected console and input source."""

    help_key = "commands"

    def __init__(
        self, console: Console, keys: InputSource, display: Display, seed: int | None = None
    ) -> None:
        self.console = console
        self.keys = keys
        self.display = display
        self.rng = random.Random(seed)
        self._choice_orders: dict[tuple[str, str], list[int]] = {}

    @property
    def help(self) -> str:
        return unbreakable(say(self.help_key, self.display))

    def say(self, key: str, **fields: object) -> str:
        return say(key, self.display, **fields)

    # -- prompts --------------------------------------------------------------------------
    def key(self, allowed: str, prompt: str) -> str:
        while True:
            print_prose(self.console, prompt, end=" ")
            key = self.keys.key()
            self.console.print()
            if len(key) > 1:  # a script's whole line: a grade word, or its first letter
                key = GRADE_WORDS.get(key.lower(), key[:1])
            lowered = key.lower()
            if lowered in COMMANDS:
                raise Command(COMMANDS[lowered])
            if key in allowed:
                return key
            if not self.keys.interactive:  # a script gave something else: say so, and ask again
                keys = repr(allowed.strip())
                if "1234" in allowed:
                    keys += " or again/hard/good/easy"
                self.console.print(f"[warn]{escape(self.say('expected', keys=keys))}[/]")

    def line(self, prompt: str) -> str:
        if prompt.endswith("\n"):
            print_prose(self.console, prompt[:-1])
        else:
            print_prose(self.console, prompt, end="")
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
            reply = self.line(f"[muted]{self.say('type_key_points')} ({self.help})[/]\n")
            if reply.strip():
                return Attempt(
                    None, reply=reply, key_points=grade_key_points(reply, card.key_points)
                )
            return Attempt(None)
        if self.keys.interactive:
            self.key("\n ", f"[muted]{self.say('reveal')} · {self.help}[/]")
        return Attempt(None)

    def _mcq(self, card: Card) -> Attempt:
        order = self._choice_orders.get(card.key)
        if order is None:  # shuffled once per card: shown again (undo, a refused key) it stays put
            order = list(range(len(card.choices)))
            self.rng.shuffle(order)
            self._choice_orders[card.key] = order
        for number, original in enumerate(order, 1):
            choice = escape(inline(card.choices[original], self.display))
            print_hanging(self.console, f"[key]{number}[/] ", choice, indent=2)
        multi = len(card.correct_choices) > 1
        prompt = self.say("pick_many" if multi else "pick_one")
        while True:
            reply = self.line(f"[muted]{prompt} ({self.help})[/]\n")
            picked = parse_choice_numbers(reply, len(order))
            if picked is not None:
                break
            self.console.print(f"[warn]{self.say('pick_range', n=len(order))}[/]")
        right = grade_choices(picked, order, card.correct_choices)
        shown = ", ".join(str(order.index(i) + 1) for i in card.correct_choices)
        return Attempt(right, detail=f"{self.say('answer')}: {shown}", reply=reply)

    def _typed(self, card: Card) -> Attempt:
        reply = self.line(f"[muted]{self.say('type_answer')} ({self.help})[/]\n")
        right = grade_typed(reply, card.accepted)
        shown = answers_in(card.accepted, self.display)
        return Attempt(right, detail=f"{self.say('accepted')}: " + " | ".join(shown), reply=reply)

    def _cloze(self, card: Card) -> Attempt:
        langs = languages(self.display)
        primary = card.text.get(langs[0])  # type: ignore[arg-type]
        gaps = cloze_gaps(primary)
        other_text = ""
        for other in langs[1:]:  # in `both`, the other language's gap at the same place counts too
            text = card.text.get(other)  # type: ignore[arg-type]
            other_gaps = cloze_gaps(text)
            if text != primary and len(other_gaps) == len(gaps):
                other_text = text
                gaps = [a + b for a, b in zip(gaps, other_gaps, strict=True)]
        replies: list[str] = []
        for index in range(len(gaps)):
            self.console.print(self.cloze_line(primary, replies, index))
            if other_text:
                self.console.print(self.cloze_line(other_text, replies, index))
            replies.append(
                self.line(f"[muted]{self.say('gap', i=index + 1, n=len(gaps))} ({self.help})[/]\n")
            )
        results = [
            grade_typed(reply, options) for reply, options in zip(replies, gaps, strict=True)
        ]
        return Attempt(
            all(results),
            detail=f"{self.say('answer')}: " + " · ".join(options[0] for options in gaps),
            reply=" | ".join(replies),
            cloze_text=primary,
            cloze_replies=replies,
            cloze_results=results,
            cloze_other=other_text,
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
