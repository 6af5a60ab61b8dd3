"""The interactive quiz: shows cards, reads answers, drives a `QuizSession`.

Keys at every prompt: `u` undo, `s` skip, `q` quit (Ctrl-C and end of input
quit too). At a text prompt type `\\u`, `\\s` or `\\q` to answer those letters.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.rule import Rule

from mlprep.decks.model import Card
from mlprep.i18n import Display
from mlprep.quiz.grading import (
    cloze_gaps,
    cloze_parts,
    grade_choices,
    grade_typed,
    parse_choice_numbers,
)
from mlprep.quiz.scheduler import Grade
from mlprep.quiz.session import QuizSession, Summary
from mlprep.ui.cards import inline, languages, markdown
from mlprep.ui.keys import EndOfInput, InputSource

GRADE_KEYS = {"1": Grade.AGAIN, "2": Grade.HARD, "3": Grade.GOOD, "4": Grade.EASY}
COMMANDS = {"u": "undo", "s": "skip", "q": "quit"}
HELP = "[key]u[/] undo  [key]s[/] skip  [key]q[/] quit"


class _Command(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass
class _Verdict:
    grade: Grade
    correct: bool | None


class QuizView:
    """Runs one session on a console and an input source (both injected)."""

    def __init__(
        self, console: Console, keys: InputSource, display: Display, seed: int | None = None
    ) -> None:
        self.console = console
        self.keys = keys
        self.display = display
        self.rng = random.Random(seed)

    # -- prompts --------------------------------------------------------------------------
    def _key(self, allowed: str, prompt: str) -> str:
        while True:
            self.console.print(prompt, end=" ")
            key = self.keys.key()
            self.console.print()
            lowered = key.lower()
            if lowered in COMMANDS:
                raise _Command(COMMANDS[lowered])
            if key in allowed:
                return key
            if not self.keys.interactive:  # a script gave something else: say so, and ask again
                self.console.print(f"[warn]expected one of {escape(allowed.strip())!r}[/]")

    def _line(self, prompt: str) -> str:
        self.console.print(prompt, end="")
        reply = self.keys.line("› " if self.keys.interactive else "")
        if not self.keys.interactive:
            self.console.print(escape(reply))
        stripped = reply.strip()
        if stripped.lower() in COMMANDS:
            raise _Command(COMMANDS[stripped.lower()])
        if stripped.startswith("\\") and stripped[1:].lower() in COMMANDS:
            return stripped[1:]
        return reply

    def _grade(
        self, suggested: Grade | None, *, allow_overrule: bool = False
    ) -> tuple[Grade, bool]:
        """Ask for a grade; returns (grade, overruled)."""
        if not self.keys.interactive and suggested is not None:
            return suggested, False
        hint = "[key]1[/] again  [key]2[/] hard  [key]3[/] good  [key]4[/] easy"
        allowed = "1234"
        if suggested is not None:
            hint += f"  [key]Enter[/] = {suggested.name.lower()}"
            allowed += "\n"
        if allow_overrule:
            hint += "  [key]o[/] I was right"
            allowed += "oO"
        key = self._key(allowed, f"{hint}  ·  {HELP}")
        if key in "oO":
            return Grade.GOOD, True
        if key == "\n" and suggested is not None:
            return suggested, False
        return GRADE_KEYS[key], False

    # -- one card -----------------------------------------------------------------------
    def _header(self, card: Card, session: QuizSession) -> None:
        left = len(session.queue)
        self.console.print(
            Rule(
                f"[muted]{escape(card.deck_id)} · {escape(card.id)} · {card.type} · {left} left[/]"
            )
        )

    def _ask(self, card: Card) -> _Verdict:
        if card.type == "basic":
            return self._ask_basic(card)
        if card.type == "mcq":
            return self._ask_mcq(card)
        if card.type == "typed":
            return self._ask_typed(card)
        return self._ask_cloze(card)

    def _explain(self, card: Card) -> None:
        if card.explain is not None:
            self.console.print(
                Panel(markdown(card.explain, self.display), title="explain", border_style="muted")
            )

    def _ask_basic(self, card: Card) -> _Verdict:
        self.console.print(markdown(card.q, self.display))
        if self.keys.interactive:
            self._key("\n ", f"[muted]Enter to show the answer · {HELP}[/]")
        self.console.print(
            Panel(markdown(card.a, self.display), title="answer", border_style="green")
        )
        self._explain(card)
        grade, _ = self._grade(None)
        return _Verdict(grade, None)

    def _ask_mcq(self, card: Card) -> _Verdict:
        self.console.print(markdown(card.q, self.display))
        order = list(range(len(card.choices)))
        self.rng.shuffle(order)
        for number, original in enumerate(order, 1):
            self.console.print(
                f"  [key]{number}[/]  {escape(inline(card.choices[original], self.display))}"
            )
        multi = len(card.correct_choices) > 1
        prompt = "pick all that apply, e.g. 1,3 " if multi else "your choice "
        while True:
            picked = parse_choice_numbers(self._line(f"[muted]{prompt}({HELP})[/]\n"), len(order))
            if picked is not None:
                break
            self.console.print(f"[warn]type choice numbers between 1 and {len(order)}[/]")
        right = grade_choices(picked, order, card.correct_choices)
        shown = ", ".join(str(order.index(i) + 1) for i in card.correct_choices)
        self._verdict(right, f"answer: {shown}")
        self._explain(card)
        grade, _ = self._grade(Grade.GOOD if right else Grade.AGAIN)
        return _Verdict(grade, right)

    def _ask_typed(self, card: Card) -> _Verdict:
        self.console.print(markdown(card.q, self.display))
        reply = self._line(f"[muted]type your answer ({HELP})[/]\n")
        right = grade_typed(reply, card.accepted)
        self._verdict(right, "accepted: " + " | ".join(card.accepted))
        self._explain(card)
        grade, overruled = self._grade(
            Grade.GOOD if right else Grade.AGAIN, allow_overrule=not right
        )
        return _Verdict(grade, right or overruled)

    def _ask_cloze(self, card: Card) -> _Verdict:
        langs = languages(self.display)
        primary = card.text.get(langs[0])  # type: ignore[arg-type]
        gaps = cloze_gaps(primary)
        for other in langs[1:]:  # in `both`, the other language's gap at the same place counts too
            other_gaps = cloze_gaps(card.text.get(other))  # type: ignore[arg-type]
            if len(other_gaps) == len(gaps):
                gaps = [a + b for a, b in zip(gaps, other_gaps, strict=True)]
        replies: list[str] = []
        for index in range(len(gaps)):
            self.console.print(self._cloze_line(primary, replies, index))
            replies.append(self._line(f"[muted]gap {index + 1}/{len(gaps)} ({HELP})[/]\n"))
        results = [
            grade_typed(reply, options) for reply, options in zip(replies, gaps, strict=True)
        ]
        self.console.print(self._cloze_line(primary, replies, None, results))
        right = all(results)
        self._verdict(right, "answer: " + " · ".join(options[0] for options in gaps))
        self._explain(card)
        grade, overruled = self._grade(
            Grade.GOOD if right else Grade.AGAIN, allow_overrule=not right
        )
        return _Verdict(grade, right or overruled)

    @staticmethod
    def _cloze_line(
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

    def _verdict(self, right: bool, detail: str) -> None:
        if right:
            self.console.print(f"[ok]✓ right[/]  [muted]{escape(detail)}[/]")
        else:
            self.console.print(f"[bad]✗ wrong[/]  {escape(detail)}")

    # -- the loop -----------------------------------------------------------------------
    def run(self, session: QuizSession) -> Summary:
        if session.next_card() is None:
            self.console.print(
                "[ok]nothing to study right now[/]: no card is due and today's new cards are done."
            )
        try:
            while (card := session.next_card()) is not None:
                self._header(card, session)
                started = time.monotonic()
                try:
                    verdict = self._ask(card)
                except _Command as command:
                    if command.name == "quit":
                        break
                    if command.name == "skip":
                        session.skip(card)
                        self.console.print("[muted]skipped[/]")
                    elif command.name == "undo":
                        undone = session.undo()
                        self.console.print(
                            f"[muted]undid your answer to {escape(undone.deck_id)}/{escape(undone.id)}[/]"
                            if undone
                            else "[muted]nothing to undo yet[/]"
                        )
                    continue
                duration = int((time.monotonic() - started) * 1000)
                session.record(card, verdict.grade, correct=verdict.correct, duration_ms=duration)
        except (KeyboardInterrupt, EndOfInput):
            self.console.print()
        summary = session.summary()
        self.show_summary(summary)
        return summary

    def show_summary(self, summary: Summary) -> None:
        minutes, seconds = divmod(int(summary.seconds), 60)
        next_due = (
            summary.next_due.astimezone().strftime("%Y-%m-%d %H:%M") if summary.next_due else "—"
        )
        self.console.print(Rule("session"))
        self.console.print(
            f"answered [bold]{summary.answered}[/] · correct [bold]{summary.correct}[/]"
            f" · skipped {summary.skipped} · time {minutes}m{seconds:02d}s"
            f" · left {summary.remaining} · next due {next_due}"
        )
