"""Studying toward an interview date: capped, spread intervals and projected recall."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.quiz.scheduler import Grade, Scheduler, spread_before

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
runner = CliRunner()


def test_deadline_caps_and_spreads_intervals() -> None:
    deadline = T0 + timedelta(days=3)
    free = Scheduler(fuzz=False)
    capped = Scheduler(fuzz=False, deadline=deadline)
    dues = []
    for index in range(40):
        state = free.review("d", f"c{index}", None, Grade.EASY, T0)
        assert state.due > deadline.timestamp()  # without a date, Easy waits longer than 3 days
        limited = capped.review("d", f"c{index}", None, Grade.EASY, T0)
        assert T0.timestamp() + 1.5 * 86400 <= limited.due < deadline.timestamp()
        assert json.loads(limited.fsrs)["due"].startswith(
            datetime.fromtimestamp(limited.due, tz=timezone.utc).isoformat()[:16]
        )
        dues.append(limited.due)
    days = {int((d - T0.timestamp()) // 86400) for d in dues}
    assert days == {1, 2}  # spread over the second half of the window, not piled on the eve


def test_short_intervals_are_left_alone() -> None:
    capped = Scheduler(fuzz=False, deadline=T0 + timedelta(days=30))
    again = capped.review("d", "c", None, Grade.AGAIN, T0)
    assert again.due - T0.timestamp() < 3600  # learning step unchanged


def test_after_the_interview_nothing_is_capped() -> None:
    past = Scheduler(fuzz=False, deadline=T0 - timedelta(days=1))
    free = Scheduler(fuzz=False)
    assert past.review("d", "c", None, Grade.EASY, T0) == free.review(
        "d", "c", None, Grade.EASY, T0
    )


def test_spread_is_stable_per_card() -> None:
    deadline = T0 + timedelta(days=10)
    assert spread_before("d", "c", T0, deadline) == spread_before("d", "c", T0, deadline)


@pytest.fixture
def deck(home: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    path = folder / "p.yaml"
    path.write_text(
        "id: p\ntitle: P\ntopic: ptopic\ncards:\n"
        + "".join(f"  - {{id: c{i}, q: question {i}, a: answer {i}}}\n" for i in range(5))
    )
    return path


def test_plan_command(deck: Path) -> None:
    future = (date.today() + timedelta(days=20)).isoformat()
    result = runner.invoke(app, ["plan", "--date", future, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["interview_date"] == future and data["days_left"] == 20
    assert data["topics"]["ptopic"] == {"cards": 5, "seen": 0, "projected_recall": 0.0}
    runner.invoke(app, ["quiz", str(deck), "--new", "2"], input="4\n4\n")
    data = json.loads(runner.invoke(app, ["plan", "--json"]).output)
    assert data["topics"]["ptopic"]["seen"] == 2
    assert 0 < data["topics"]["ptopic"]["projected_recall"] < 0.4
    assert len(data["daily_due"]) == 20
    cleared = json.loads(runner.invoke(app, ["plan", "--clear", "--json"]).output)
    assert cleared["interview_date"] is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-13-01", "--date must be YYYY-MM-DD, not '2026-13-01'"),
        ("2001-01-01", "is not in the future"),
    ],
)
def test_plan_bad_dates(deck: Path, value: str, message: str) -> None:
    result = runner.invoke(app, ["plan", "--date", value])
    assert result.exit_code == 2
    assert message in result.output


def test_quiz_uses_the_interview_date(deck: Path, home: Path) -> None:
    import sqlite3

    soon = (date.today() + timedelta(days=2)).isoformat()
    runner.invoke(app, ["plan", "--date", soon])
    runner.invoke(app, ["quiz", str(deck), "--new", "5"], input="4\n" * 5)
    db = sqlite3.connect(home / "mlprep.db")
    deadline = datetime.fromisoformat(soon).astimezone().timestamp()
    dues = [row[0] for row in db.execute("SELECT due FROM card_states")]
    assert dues and all(due < deadline for due in dues)


def test_stats_json_has_charts(deck: Path) -> None:
    runner.invoke(app, ["quiz", str(deck), "--new", "3"], input="3\n3\n3\n")
    data = json.loads(runner.invoke(app, ["stats", "--json"]).output)
    assert data["heatmap"][date.today().isoformat()] == 3
    assert len(data["forecast_30_days"]) == 30 and sum(data["forecast_30_days"]) >= 0
    assert data["due_next_7_days"] == data["forecast_30_days"][:7]
    assert 0 < data["readiness"]["ptopic"] <= 1
    assert data["retention_by_week"] == []
    human = runner.invoke(app, ["stats"])
    assert "answers, last 26 weeks" in human.output and "readiness" in human.output


def test_plan_says_days_warns_when_unrealistic_and_clears_plainly(deck: Path) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    out = " ".join(runner.invoke(app, ["plan", "--date", tomorrow]).output.split())
    assert "1 day left" in out and "1 days" not in out
    assert "new cards a day is not realistic" in out and "set a later date" in out
    result = runner.invoke(app, ["plan", "--clear"])
    assert result.exit_code == 0
    assert result.output == f"cleared the interview date (it was {tomorrow})\n"
    again = runner.invoke(app, ["plan", "--clear"])
    assert again.output == "no interview date was set: nothing to clear\n"
