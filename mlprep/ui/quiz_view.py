"""The interactive quiz: asks each card, shows the verdict at once, and drives a `QuizSession`."""

from __future__ import annotations

import time

from rich.markup import escape
from rich.panel import Panel
from rich.rule import Rule

from mlprep.decks.model import Card
from mlprep.quiz.keypoints import KeyPointResult
from mlprep.quiz.scheduler import Grade
from mlprep.quiz.session import QuizSession, Summary
from mlprep.ui.asking import Attempt, CardAsker, Command
from mlprep.ui.cards import languages, markdown
from mlprep.ui.keys import EndOfInput

GRADE_KEYS = {"1": Grade.AGAIN, "2": Grade.HARD, "3": Grade.GOOD, "4": Grade.EASY}


class QuizView(CardAsker):
    """Runs one session on a console and an input source (both injected)."""

    def _grade(
        self, suggested: Grade | None, *, allow_overrule: bool = False
    ) -> tuple[Grade, bool]:
        """Ask for a grade; returns (grade, overruled). Scripts take the suggestion."""
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
        key = self.key(allowed, f"{hint}  ·  {self.help}")
        if key in "oO":
            return Grade.GOOD, True
        if key == "\n" and suggested is not None:
            return suggested, False
        return GRADE_KEYS[key], False

    def _header(self, card: Card, session: QuizSession) -> None:
        left = len(session.queue)
        self.console.print(
            Rule(
                f"[muted]{escape(card.deck_id)} · {escape(card.id)} · {card.type} · {left} left[/]"
            )
        )

    def _explain(self, card: Card) -> None:
        if card.explain is not None:
            self.console.print(
                Panel(markdown(card.explain, self.display), title="explain", border_style="muted")
            )
        if card.kata:
            self.console.print(f"[muted]practise it: [key]mlprep kata {escape(card.kata)}[/][/]")

    def _key_points(self, card: Card, result: KeyPointResult) -> None:
        lang = languages(self.display)[0]
        for point, covered in zip(card.key_points, result.covered, strict=True):
            mark = "[ok]✓[/]" if covered else "[bad]✗[/]"
            self.console.print(f"  {mark} {escape(point.label(lang))}")  # type: ignore[arg-type]
        self.console.print(
            f"[muted]{sum(result.covered)} of {len(result.covered)} key points · suggested: "
            f"{result.suggested.name.lower()}[/]"
        )

    def _verdict(self, right: bool, detail: str) -> None:
        if right:
            self.console.print(f"[ok]✓ right[/]  [muted]{escape(detail)}[/]")
        else:
            self.console.print(f"[bad]✗ wrong[/]  {escape(detail)}")

    def _ask(self, card: Card) -> tuple[Grade, bool | None]:
        attempt: Attempt = self.attempt(card)
        if card.type == "basic":
            self.console.print(
                Panel(markdown(card.a, self.display), title="answer", border_style="green")
            )
            scripted_grade = attempt.reply.strip()
            if not self.keys.interactive and scripted_grade in GRADE_KEYS:
                self._explain(card)
                return GRADE_KEYS[scripted_grade], None
            suggested = None
            if attempt.key_points is not None:
                self._key_points(card, attempt.key_points)
                suggested = attempt.key_points.suggested
            self._explain(card)
            grade, _ = self._grade(suggested)
            return grade, None if attempt.key_points is None else attempt.key_points.correct
        if card.type == "cloze":
            self.console.print(
                self.cloze_line(
                    attempt.cloze_text, attempt.cloze_replies, None, attempt.cloze_results
                )
            )
        assert attempt.right is not None
        self._verdict(attempt.right, attempt.detail)
        self._explain(card)
        grade, overruled = self._grade(
            Grade.GOOD if attempt.right else Grade.AGAIN,
            allow_overrule=card.type != "mcq" and not attempt.right,
        )
        return grade, attempt.right or overruled

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
                    grade, correct = self._ask(card)
                except Command as command:
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
                session.record(card, grade, correct=correct, duration_ms=duration)
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
