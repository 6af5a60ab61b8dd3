"""Which language to show: `--lang`, then `MLPREP_LANG`, then the locale."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

from mlprep.errors import UsageError

Display = Literal["en", "zh", "both"]
LANGS: tuple[Display, ...] = ("en", "zh", "both")


def resolve_lang(option: str | None, env: Mapping[str, str] | None = None) -> Display:
    env = os.environ if env is None else env
    for source, value in (("--lang", option), ("MLPREP_LANG", env.get("MLPREP_LANG"))):
        if value:
            lowered = value.strip().lower()
            if lowered.startswith("zh"):
                return "zh"
            if lowered in ("en", "both"):
                return lowered  # type: ignore[return-value]
            raise UsageError(f"{source} must be en, zh or both, not '{value}'")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


# Words the quiz and the exam say, in each display language (`both` speaks English,
# the card text itself is shown in both). Values may hold Rich markup and {fields}.
MESSAGES: dict[str, tuple[str, str]] = {
    "grades": (
        "[key]1[/] again  [key]2[/] hard  [key]3[/] good  [key]4[/] easy",
        "[key]1[/] 忘记  [key]2[/] 困难  [key]3[/] 良好  [key]4[/] 简单",
    ),
    "enter_grade": ("[key]Enter[/] = {grade}", "[key]回车[/] = {grade}"),
    "overrule": ("[key]o[/] I was right", "[key]o[/] 我答对了"),
    "commands": (
        "[key]u[/] undo  [key]s[/] skip  [key]q[/] quit",
        "[key]u[/] 撤销  [key]s[/] 跳过  [key]q[/] 退出",
    ),
    "exam_commands": (
        "[key]s[/] skip  [key]q[/] end the exam",
        "[key]s[/] 跳过  [key]q[/] 结束考试",
    ),
    "reveal": ("Enter to show the answer", "回车显示答案"),
    "type_key_points": (
        "type your answer (its key points are checked), or Enter to see it",
        "输入你的答案（会检查要点），或直接回车查看答案",
    ),
    "pick_many": ("pick all that apply, e.g. 1,3", "选出所有正确项，例如 1,3"),
    "pick_one": ("your choice", "你的选择"),
    "pick_range": ("type choice numbers between 1 and {n}", "请输入 1 到 {n} 之间的选项编号"),
    "type_answer": ("type your answer", "输入你的答案"),
    "gap": ("gap {i}/{n}", "空 {i}/{n}"),
    "answer": ("answer", "答案"),
    "accepted": ("accepted", "可接受的答案"),
    "explain": ("explain", "解析"),
    "right": ("right", "正确"),
    "wrong": ("wrong", "错误"),
    "practise": ("practise it", "动手练习"),
    "key_points": (
        "{covered} of {total} key points · suggested: {grade}",
        "覆盖 {covered}/{total} 个要点 · 建议：{grade}",
    ),
    "left": ("{n} left", "剩余 {n}"),
    "coming_back": ("{n} coming back", "{n} 张稍后再现"),
    "skipped": ("skipped", "已跳过"),
    "undid": ("undid your answer to {card}", "已撤销对 {card} 的回答"),
    "nothing_to_undo": (
        "nothing to undo yet: no answer in this session so far",
        "还没有可撤销的回答：本次还没有作答",
    ),
    "overruled": (
        "recorded as {grade}: you said you were right",
        "已记为{grade}：你表示自己答对了",
    ),
    "expected": ("expected one of {keys}", "请输入以下之一：{keys}"),
    "again": ("again", "忘记"),
    "hard": ("hard", "困难"),
    "good": ("good", "良好"),
    "easy": ("easy", "简单"),
    "session": ("session", "本次学习"),
    "nothing": ("nothing to study right now", "现在没有要学的卡片"),
    "no_cards": ("the chosen decks have no cards.", "所选卡组没有卡片。"),
    "all_done": (
        "no card is due and no new card is left in the chosen decks.",
        "没有到期的卡片，所选卡组也没有新卡片了。",
    ),
    "limit_session": (
        "the new-card limit of this session (--new {n}) is reached: {waiting} new cards wait;"
        " [key]mlprep quiz --new N[/] studies N more now",
        "已达到本次的新卡上限（--new {n}）：还有 {waiting} 张新卡；"
        "[key]mlprep quiz --new N[/] 现在再学 N 张",
    ),
    "limit_daily": (
        "today's new-card limit is reached ({done} of {per_day} a day): {waiting} new cards wait;"
        " [key]mlprep quiz --new N[/] studies N more now,"
        " [key]mlprep config new-per-day N[/] changes the daily limit",
        "已达到今天的新卡上限（每天 {per_day} 张，已学 {done} 张）：还有 {waiting} 张新卡；"
        "[key]mlprep quiz --new N[/] 现在再学 N 张，[key]mlprep config new-per-day N[/] 修改每日上限",
    ),
    "review_cap": (
        "the daily review cap ({cap}) is reached: {capped} due reviews wait for tomorrow (the most"
        " overdue were shown first); [key]mlprep config review-cap N[/] raises it",
        "已达到每日复习上限（{cap}）：还有 {capped} 张到期卡片留到明天（最逾期的先复习）；"
        "[key]mlprep config review-cap N[/] 可以提高上限",
    ),
    "limit_cut": (
        "--limit left {n} more cards for another session",
        "--limit 留下了 {n} 张卡片下次再学",
    ),
    "exam_intro": (
        "[bold]mock interview[/]: {count} question{s}, {minutes} minute{ms} ({each} each)."
        " No feedback until the end.",
        "[bold]模拟面试[/]：{count} 题，{minutes} 分钟（每题 {each}）。结束前不显示对错。",
    ),
    "question": ("question {number}/{count} · {topic}", "第 {number}/{count} 题 · {topic}"),
    "timer": (
        "⏱ {question} for this one · {overall} overall",
        "⏱ 本题剩 {question} · 总共剩 {overall}",
    ),
    "timer_up": (
        "⏱ time for this question is up ({overall} overall): answer now (it counts as wrong)"
        " or s to skip",
        "⏱ 本题时间已到（总共剩 {overall}）：现在作答（记为错误）或按 s 跳过",
    ),
    "exam_low": ("less than {left} left for the whole exam", "整场考试只剩不到 {left}"),
    "time_is_up": ("time is up", "时间到"),
    "recorded": ("answer recorded", "已记录答案"),
    "over_time": ("(over time)", "（超时）"),
    "summary": (
        "answered [bold]{answered}[/] · correct [bold]{correct}[/] · skipped {skipped}"
        " · time {time} · left {left} · next due {next}",
        "作答 [bold]{answered}[/] · 正确 [bold]{correct}[/] · 跳过 {skipped}"
        " · 用时 {time} · 剩余 {left} · 下次到期 {next}",
    ),
}


def say(key: str, display: Display, **fields: object) -> str:
    """The message `key` in the display language (English for en and both)."""
    english, chinese = MESSAGES[key]
    text = chinese if display == "zh" else english
    return text.format(**fields) if fields else text
