"""The interactive quiz: asks each card, shows the verdict at once, and drives a `QuizSession`."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from rich.markup import escape
from rich.panel import Panel
from rich.rule import Rule

from mlprep.decks.model import Card
from mlprep.i18n import Display, say
from mlprep.quiz.keypoints import KeyPointResult
from mlprep.quiz.scheduler import Grade
from mlprep.quiz.session import QueuePlan, QuizSession, Summary
from mlprep.ui.asking import Attempt, CardAsker, Command
from mlprep.ui.cards import languages, markdown
from mlprep.ui.keys import EndOfInput
from mlprep.ui.layout import unbreakable

GRADE_KEYS = {"1": Grade.AGAIN, "2": Grade.HARD, "3": Grade.GOOD, "4": Grade.EASY}


def limit_notes(
    plan: QueuePlan[Any] | None, *, queue_was_empty: bool, display: Display = "en"
) -> list[str]:
    """Why cards that exist were left out of this session, each with the option that changes it."""
    if plan is None:
        return []
    notes: list[str] = []
    waiting = plan.new_available - plan.new_taken
    if waiting > 0 and plan.cut_by_limit == 0 and plan.new_taken >= plan.new_budget:
        if plan.session_new is not None:
            notes.append(say("limit_session", display, n=plan.session_new, waiting=waiting))
        else:
            done = min(plan.new_seen_today + plan.new_taken, plan.new_per_day)
            notes.append(
                say("limit_daily", display, done=done, per_day=plan.new_per_day, waiting=waiting)
            )
    if plan.reviews_capped:
        notes.append(say("review_cap", display, cap=plan.review_cap, capped=plan.reviews_capped))
    if plan.cut_by_limit and not queue_was_empty:
        notes.append(say("limit_cut", display, n=plan.cut_by_limit))
    return notes


class QuizView(CardAsker):
    """Runs one session on a console and an input source (both injected)."""

    monotonic: Callable[[], float] = staticmethod(time.monotonic)

    def _grade_name(self, grade: Grade) -> str:
        return self.say(grade.name.lower())

    def _grade(
        self, suggested: Grade | None, *, allow_overrule: bool = False
    ) -> tuple[Grade, bool]:
        """Ask for a grade; returns (grade, overruled). Scripts take the suggestion."""
        if not self.keys.interactive and suggested is not None:
            return suggested, False
        hint = unbreakable(self.say("grades"))
        allowed = "1234"
        if suggested is not None:
            hint += "  " + unbreakable(self.say("enter_grade", grade=self._grade_name(suggested)))
            allowed += "\n"
        if allow_overrule:
            hint += "  " + unbreakable(self.say("overrule"))
            allowed += "oO"
        key = self.key(allowed, f"{hint}  ·  {self.help}")
        if key in "oO":
            return Grade.GOOD, True
        if key == "\n" and suggested is not None:
            return suggested, False
        return GRADE_KEYS[key], False

    def _header(self, card: Card, session: QuizSession) -> None:
        fresh, back = session.left()
        counter = [self.say("left", n=fresh)] if fresh or not back else []
        if back:
            counter.append(self.say("coming_back", n=back))
        self.console.print(
            Rule(
                f"[muted]{escape(card.deck_id)} · {escape(card.id)} · {card.type} · "
                f"{' · '.join(counter)}[/]"
            )
        )

    def _explain(self, card: Card) -> None:
        if card.explain is not None:
            self.console.print(
                Panel(
                    markdown(card.explain, self.display),
                    title=self.say("explain"),
                    border_style="muted",
                )
            )
        if card.kata:
            self.console.print(
                f"[muted]{self.say('practise')}: [key]mlprep kata {escape(card.kata)}[/][/]"
            )

    def _key_points(self, card: Card, result: KeyPointResult) -> None:
        lang = languages(self.display)[0]
        for point, covered in zip(card.key_points, result.covered, strict=True):
            mark = "[ok]✓[/]" if covered else "[bad]✗[/]"
            self.console.print(f"  {mark} {escape(point.label(lang))}")  # type: ignore[arg-type]
        self.console.print(
            "[muted]"
            + self.say(
                "key_points",
                covered=sum(result.covered),
                total=len(result.covered),
                grade=self._grade_name(result.suggested),
            )
            + "[/]"
        )

    def _verdict(self, right: bool, detail: str) -> None:
        if right:
            self.console.print(f"[ok]✓ {self.say('right')}[/]  [muted]{escape(detail)}[/]")
        else:
            self.console.print(f"[bad]✗ {self.say('wrong')}[/]  {escape(detail)}")

    def _ask(self, card: Card) -> tuple[Grade, bool | None]:
        attempt: Attempt = self.attempt(card)
        if card.type == "basic":
            self.console.print(
                Panel(
                    markdown(card.a, self.display), title=self.say("answer"), border_style="green"
                )
            )
            scripted_grade = attempt.reply.strip().lower()
            scripted_grade = {"again": "1", "hard": "2", "good": "3", "easy": "4"}.get(
                scripted_grade, scripted_grade
            )
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
            if attempt.cloze_other:
                self.console.print(
                    self.cloze_line(
                        attempt.cloze_other, attempt.cloze_replies, None, attempt.cloze_results
                    )
                )
        assert attempt.right is not None
        self._verdict(attempt.right, attempt.detail)
        self._explain(card)
        grade, overruled = self._grade(
            Grade.GOOD if attempt.right else Grade.AGAIN,
            allow_overrule=card.type != "mcq" and not attempt.right,
        )
        if overruled:
            self.console.print(f"[ok]{self.say('overruled', grade=self._grade_name(grade))}[/]")
        return grade, attempt.right or overruled

    def run(self, session: QuizSession) -> Summary:
        empty = session.next_card() is None
        if empty:
            self.console.print(
                f"[ok]{self.say('nothing')}[/]: " + self._empty_reason(session),
                soft_wrap=True,
            )
        try:
            while (card := session.next_card()) is not None:
                self._header(card, session)
                started = self.monotonic()
                try:
                    grade, correct = self._ask(card)
                except Command as command:
                    if command.name == "quit":
                        break
                    if command.name == "skip":
                        session.skip(card)
                        self.console.print(f"[muted]{self.say('skipped')}[/]")
                    elif command.name == "undo":
                        undone = session.undo()
                        self.console.print(
                            "[muted]"
                            + escape(self.say("undid", card=f"{undone.deck_id}/{undone.id}"))
                            + "[/]"
                            if undone
                            else f"[warn]{escape(self.say('nothing_to_undo'))}[/]"
                        )
                    continue
                duration = int((self.monotonic() - started) * 1000)
                session.record(card, grade, correct=correct, duration_ms=duration)
        except (KeyboardInterrupt, EndOfInput):
            self.console.print()
        summary = session.summary()
        self.show_summary(summary)
        if not empty and session.next_card() is None:
            for note in limit_notes(session.plan, queue_was_empty=False, display=self.display):
                self.console.print(f"[muted]{note}[/]", soft_wrap=True)
        return summary

    def _empty_reason(self, session: QuizSession) -> str:
        notes = limit_notes(session.plan, queue_was_empty=True, display=self.display)
        if notes:
            return "; ".join(notes) + "."
        return self.say("no_cards" if session.mode == "cram" else "all_done")

    def show_summary(self, summary: Summary) -> None:
        minutes, seconds = divmod(int(summary.seconds), 60)
        next_due = (
            summary.next_due.astimezone().strftime("%Y-%m-%d %H:%M") if summary.next_due else "—"
        )
        left = str(summary.remaining)
        if summary.coming_back:
            left += f" (+{self.say('coming_back', n=summary.coming_back)})"
        self.console.print(Rule(self.say("session")))
        self.console.print(
            self.say(
                "summary",
                answered=summary.answered,
                correct=summary.correct,
                skipped=summary.skipped,
                time=f"{minutes}m{seconds:02d}s",
                left=left,
                next=next_due,
            )
        )
