"""Export decks to an Anki package (.apkg) with genanki.

Note GUIDs come from deck id + card id, so exporting again after editing
updates the notes already in Anki instead of duplicating them. Every card
type is mapped: basic and typed to a two-sided note, mcq to a front with
its numbered choices, cloze to Anki's own cloze note. Both languages go on
every card (中文 first, then English) and math becomes MathJax.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlprep.decks.model import Card, Deck, Text
from mlprep.decks.schema import GAP_PATTERN
from mlprep.errors import UsageError

_FENCE = re.compile(r"(```.*?```|`[^`\n]*`)", re.DOTALL)
_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.DOTALL)
CSS = """
.card { font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif; font-size: 18px; text-align: left; }
.lang-en { color: #555; border-top: 1px solid #ddd; margin-top: .6em; padding-top: .4em; }
.choices li.right { font-weight: bold; color: #1a7f37; }
.meta { color: #888; font-size: 13px; margin-top: 1em; }
pre { background: #f6f8fa; padding: .5em; overflow-x: auto; }
"""


def stable_id(*parts: str) -> int:
    """A 31-bit id that is the same on every machine (Anki needs ints for models and decks)."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


@dataclass(frozen=True)
class ExportResult:
    path: Path
    decks: int
    notes: int
    by_type: dict[str, int]


def _markdown_html(text: str) -> str:
    """Markdown to HTML with $math$ as MathJax; math is kept out of the Markdown parser's reach."""
    from markdown_it import MarkdownIt

    formulas: list[str] = []

    def stash(match: re.Match[str]) -> str:
        tex = match.group(1) if match.group(1) is not None else match.group(2)
        left, right = ("\\[", "\\]") if match.group(1) is not None else ("\\(", "\\)")
        formulas.append(left + html.escape(tex) + right)
        return f"MLPREPMATH{len(formulas) - 1}X"

    parts = _FENCE.split(text)
    source = "".join(p if i % 2 else _MATH.sub(stash, p) for i, p in enumerate(parts))
    rendered = str(MarkdownIt("commonmark", {"html": False}).enable("table").render(source))
    return re.sub(r"MLPREPMATH(\d+)X", lambda m: formulas[int(m.group(1))], rendered)


def _both(text: Text | None, render: bool = True) -> str:
    """中文 then English, each in its own block; plain text once."""
    if text is None:
        return ""
    convert = _markdown_html if render else html.escape
    if text.plain is not None:
        return convert(text.plain)
    blocks = []
    if text.zh is not None:
        blocks.append(f'<div class="lang-zh">{convert(text.zh)}</div>')
    if text.en is not None:
        blocks.append(f'<div class="lang-en">{convert(text.en)}</div>')
    return "".join(blocks)


def _cloze_text(text: Text) -> str:
    """mlprep gaps {{a|b}} become one Anki cloze c1 (all gaps on one card, as the quiz asks them)."""

    def convert(value: str) -> str:
        pieces = []
        position = 0
        for match in GAP_PATTERN.finditer(value):
            pieces.append(_markdown_inline(value[position : match.start()]))
            answer = match.group(1).split("|")[0].strip()
            pieces.append("{{c1::" + html.escape(answer) + "}}")
            position = match.end()
        pieces.append(_markdown_inline(value[position:]))
        return "".join(pieces)

    blocks = []
    for lang, value in (("zh", text.zh), ("en", text.en), ("plain", text.plain)):
        if value is not None:
            blocks.append(f'<div class="lang-{lang}">{convert(value)}</div>')
    return "".join(blocks)


def _markdown_inline(text: str) -> str:
    rendered = _markdown_html(text).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.DOTALL)


def _meta(card: Card) -> str:
    bits = [f"{card.deck_id}/{card.id}"]
    if card.source:
        bits.append(f"source: {card.source}")
    if card.kata:
        bits.append(f"kata: mlprep kata {card.kata}")
    return html.escape(" · ".join(bits))


def _fields(card: Card) -> tuple[str, str]:
    """(front, back) for the non-cloze note types."""
    if card.type == "mcq":
        plain = "".join(f"<li>{_both(choice)}</li>" for choice in card.choices)
        marked = "".join(
            f'<li class="{"right" if i in card.correct_choices else ""}">{_both(choice)}</li>'
            for i, choice in enumerate(card.choices)
        )
        front = _both(card.q) + f'<ol class="choices">{plain}</ol>'
        right = ", ".join(str(i + 1) for i in card.correct_choices)
        back = f'<ol class="choices">{marked}</ol><p>✔ {right}</p>'
    elif card.type == "typed":
        front = _both(card.q)
        back = "<p>" + " | ".join(html.escape(a) for a in card.accepted) + "</p>"
    else:
        front, back = _both(card.q), _both(card.a)
    return front, back


def _models() -> tuple[Any, Any]:
    import genanki

    basic = genanki.Model(
        stable_id("mlprep", "model", "basic-v1"),
        "mlprep basic",
        fields=[{"name": n} for n in ("Front", "Back", "Explain", "Meta")],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}{{#Explain}}<div>{{Explain}}</div>{{/Explain}}<div class="meta">{{Meta}}</div>',
            }
        ],
        css=CSS,
    )
    cloze = genanki.Model(
        stable_id("mlprep", "model", "cloze-v1"),
        "mlprep cloze",
        fields=[{"name": n} for n in ("Text", "Explain", "Meta")],
        templates=[
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Text}}",
                "afmt": '{{cloze:Text}}{{#Explain}}<div>{{Explain}}</div>{{/Explain}}<div class="meta">{{Meta}}</div>',
            }
        ],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )
    return basic, cloze


def export_anki(decks: Sequence[Deck], out: Path) -> ExportResult:
    """Write `out` (.apkg) with one Anki deck per mlprep deck."""
    import genanki

    if out.suffix != ".apkg":
        raise UsageError(f"the Anki package must end in .apkg, not '{out.name}'")
    if not decks:
        raise UsageError("no decks to export")
    basic, cloze = _models()
    anki_decks = []
    by_type: dict[str, int] = {}
    for deck in decks:
        anki_deck = genanki.Deck(
            stable_id("mlprep", "deck", deck.id),
            f"mlprep::{deck.title.get('en')} · {deck.title.get('zh')}",
        )
        tags = [f"mlprep::{deck.topic or deck.id}"]
        for card in deck.cards:
            card_tags = tags + [re.sub(r"\s+", "_", t) for t in card.tags]
            explain = _both(card.explain)
            guid = genanki.guid_for("mlprep", card.deck_id, card.id)
            if card.type == "cloze":
                note = genanki.Note(
                    model=cloze,
                    fields=[_cloze_text(card.text), explain, _meta(card)],
                    tags=card_tags,
                    guid=guid,
                )
            else:
                front, back = _fields(card)
                note = genanki.Note(
                    model=basic,
                    fields=[front, back, explain, _meta(card)],
                    tags=card_tags,
                    guid=guid,
                )
            anki_deck.add_note(note)
            by_type[card.type] = by_type.get(card.type, 0) + 1
        anki_decks.append(anki_deck)
    out.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(anki_decks).write_to_file(str(out))
    return ExportResult(out, len(anki_decks), sum(by_type.values()), by_type)
