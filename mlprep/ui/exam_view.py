"""The mock interview on screen: timers at every question, no feedback until the report."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from rich.markup import escape
from rich.rule import Rule

from mlprep.decks.model import Card
from mlprep.quiz.exam import ExamAnswer, ExamReport
from mlprep.quiz.grading import cloze_parts
from mlprep.ui.asking import CardAsker, Command
from mlprep.ui.cards import inline, languages
from mlprep.ui.console import print_json
from mlprep.ui.keys import EndOfInput
from mlprep.ui.layout import Column, print_prose, print_table


def _clock(seconds: float) -> str:
    minutes, rest = divmod(max(0, int(seconds)), 60)
    return f"{minutes}:{rest:02d}"


WARN_SECONDS = 60  # warn when this little is left overall


class ExamView(CardAsker):
    help_key = "exam_commands"
    _deadline: tuple[Callable[[], float], float, float] | None = None  # clock, question end, end

    def _timer(self) -> str:
        """The countdown shown at every prompt: this question's time, then the whole exam's."""
        if self._deadline is None:
            return ""
        clock, question_end, exam_end = self._deadline
        now = clock()
        question_left, overall = question_end - now, exam_end - now
        if question_left <= 0:
            return f"[warn]{self.say('timer_up', overall=_clock(overall))}[/]\n"
        style = "warn" if overall <= WARN_SECONDS else "muted"
        timer = self.say("timer", question=_clock(question_left), overall=_clock(overall))
        return f"[{style}]{timer}[/]\n"

    def line(self, prompt: str) -> str:
        return super().line(self._timer() + prompt)

    def key(self, allowed: str, prompt: str) -> str:
        return super().key(allowed, self._timer() + prompt)

    def run(
        self,
        questions: list[tuple[str, Card]],
        minutes: float,
        now: Callable[[], datetime],
        monotonic: Callable[[], float] = time.monotonic,
    ) -> ExamReport:
        total = minutes * 60
        per_question = total / max(1, len(questions))
        report = ExamReport(started=now(), finished=now(), asked=len(questions))
        start = monotonic()
        self.console.print(
            self.say(
                "exam_intro",
                count=len(questions),
                s="" if len(questions) == 1 else "s",
                minutes=f"{minutes:g}",
                ms="" if minutes == 1 else "s",
                each=_clock(per_question),
            )
        )
        try:
            for number, (topic, card) in enumerate(questions, 1):
                left = total - (monotonic() - start)
                if left <= 0:
                    self.console.print(f"[warn]{self.say('time_is_up')}[/]")
                    break
                self.console.print(
                    Rule(
                        self.say(
                            "question", number=number, count=len(questions), topic=escape(topic)
                        )
                    )
                )
                if left <= WARN_SECONDS:
                    self.console.print(f"[warn]{self.say('exam_low', left=_clock(left))}[/]")
                asked = monotonic()
                self._deadline = (monotonic, asked + min(per_question, left), start + total)
                try:
                    attempt = self.attempt(card)
                except Command as command:
                    if command.name == "quit":
                        break
                    report.answers.append(
                        ExamAnswer(topic, card, False, monotonic() - asked, reply="(skipped)")
                    )
                    continue
                seconds = monotonic() - asked
                timed_out = seconds > per_question or monotonic() - start > total
                right = bool(attempt.key_points.correct if attempt.key_points else attempt.right)
                report.answers.append(
                    ExamAnswer(
                        topic,
                        card,
                        right and not timed_out,
                        seconds,
                        timed_out,
                        attempt.reply,
                        right=right,
                    )
                )
                self.console.print(
                    f"[muted]{self.say('recorded')}[/]"
                    + (f" [warn]{self.say('over_time')}[/]" if timed_out else "")
                )
        except (KeyboardInterrupt, EndOfInput):
            self.console.print()
        finally:
            self._deadline = None
        report.finished = now()
        return report


def _expected(card: Card, lang: str) -> str:
    """The right answer in one short line, for the report."""
    if card.type == "typed":
        return card.accepted[0]
    if card.type == "mcq":
        return " / ".join(inline(card.choices[i], lang) for i in card.correct_choices)  # type: ignore[arg-type]
    if card.type == "cloze":
        return " · ".join(p.text for p in cloze_parts(card.text.get(lang)) if p.gap is not None)  # type: ignore[arg-type]
    return _cut(inline(card.a, lang).split(" / ")[0], 120)  # type: ignore[arg-type]


def show_report(report: ExamReport, display: str, *, as_json: bool) -> None:
    from mlprep.ui.console import stdout_console

    if as_json:
        print_json(report.to_json())
        return
    console = stdout_console()
    console.print(Rule("report"))
    console.print(
        f"score [bold]{report.correct}/{report.asked}[/] ({report.correct / report.asked:.0%})"
        if report.asked
        else "no questions"
    )
    columns = [Column("topic", key=True)] + [
        Column(name, "right") for name in ("questions", "correct", "score", "s / question")
    ]
    rows = [
        [
            escape(name),
            str(score.questions),
            str(score.correct),
            f"{score.score:.0%}",
            f"{score.seconds_per_question:.0f}",
        ]
        for name, score in sorted(report.by_topic.items(), key=lambda item: item[1].score)
    ]
    print_table(console, "by topic", columns, rows)
    lang = languages(display)[0]  # type: ignore[arg-type]
    for answer in report.answers:
        if answer.correct:
            continue
        card = answer.card
        if card.type == "cloze":
            question = "".join(
                "___" if part.gap is not None else part.text
                for part in cloze_parts(card.text.get(lang))  # type: ignore[arg-type]
            )
        else:
            question = inline(card.q, lang)  # type: ignore[arg-type]
        if answer.timed_out and answer.right:
            why = f"right ({answer.reply}), but over time: counted as wrong"
        elif answer.timed_out:
            why = f"over time · you said: {answer.reply or '∅'}"
        else:
            why = f"you said: {answer.reply or '∅'}"
        why += f" · answer: {_expected(card, lang)}"
        name = f"{escape(card.deck_id)}/{escape(card.id)}"
        print_prose(console, f"[bad]✗[/] [key]{name}[/]: {escape(_cut(question, 160))}", hang=2)
        print_prose(console, f"[muted]{escape(why)}[/]", indent=2, hang=2)
    if report.to_review:
        decks = sorted({card.deck_id for card in report.to_review})
        console.print(
            f"[muted]review them: [key]mlprep quiz --mode cram {' '.join(decks)}[/][/]",
            soft_wrap=True,
        )


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis (a quoted excerpt)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " ..."
