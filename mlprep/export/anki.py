"""Export decks to an Anki package (.apkg) with genanki.

Note GUIDs come from deck id + card id, so exporting again after editing
updates the notes already in Anki instead of duplicating them. Every card
type is mapped: basic to a two-sided note (key points listed on the back),
mcq to a front with its numbered choices, typed to Anki's type-in-the-answer
note (every accepted answer on the back), cloze to Anki's own cloze note.
Both languages go on every card (中文 first, then English) and math becomes
MathJax.

Each text block carries its Markdown source in a `data-md` attribute and a
fingerprint of its HTML in `data-h`, so `mlprep import anki` gives back exactly
what was exported (and converts the HTML when the block was edited in Anki). A small manifest
remembers each card's note type and GUID between exports: Anki keeps the
old note when a GUID comes back with another note type, so a changed type
is reported, and the caller chooses to keep the GUID or give the card a new
one.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mlprep.decks.model import Card, Deck, KeyPoint, Text
from mlprep.decks.schema import GAP_PATTERN
from mlprep.errors import UsageError

_FENCE = re.compile(r"(```.*?```|`[^`\n]*`)", re.DOTALL)
_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.DOTALL)
CSS = """
.card { font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif; font-size: 18px; text-align: left; }
.lang-en { color: #555; border-top: 1px solid #ddd; margin-top: .6em; padding-top: .4em; }
.choices li.right { font-weight: bold; color: #1a7f37; }
.key-points { margin-top: .8em; }
.accepted { color: #1a7f37; }
.meta { color: #888; font-size: 13px; margin-top: 1em; }
pre { background: #f6f8fa; padding: .5em; overflow-x: auto; }
"""

MODEL_BASIC = "mlprep basic"
MODEL_CLOZE = "mlprep cloze"
MODEL_TYPED = "mlprep typed"
MANIFEST_VERSION = 1
TypeChangeAction = Literal["keep", "new-guid"]


def stable_id(*parts: str) -> int:
    """A 31-bit id that is the same on every machine (Anki needs ints for models and decks)."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


@dataclass(frozen=True)
class TypeChange:
    """A card whose Anki note type differs from the one it had in the last export."""

    card: str  # deck/card
    before: str
    after: str
    new_guid: bool


@dataclass(frozen=True)
class ExportResult:
    path: Path
    decks: int
    notes: int
    by_type: dict[str, int]
    type_changes: tuple[TypeChange, ...] = ()
    manifest: Path | None = None


@functools.cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _markdown_html(text: str) -> str:
    """Markdown to HTML with $math$ as MathJax; math is kept out of the Markdown parser's reach."""
    formulas: list[str] = []

    def stash(match: re.Match[str]) -> str:
        tex = match.group(1) if match.group(1) is not None else match.group(2)
        left, right = ("\\[", "\\]") if match.group(1) is not None else ("\\(", "\\)")
        formulas.append(left + html.escape(tex) + right)
        return f"MLPREPMATH{len(formulas) - 1}X"

    parts = _FENCE.split(text)
    source = "".join(p if i % 2 else _MATH.sub(stash, p) for i, p in enumerate(parts))
    rendered = str(_markdown().render(source))
    return re.sub(r"MLPREPMATH(\d+)X", lambda m: formulas[int(m.group(1))], rendered)


def source_attr(source: str) -> str:
    """`source` as an attribute value that survives Anki: no braces (templates), no raw newlines."""
    escaped = html.escape(source, quote=True)
    return (
        escaped.replace("{", "&#123;")
        .replace("}", "&#125;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
    )


def block_hash(rendered: str) -> str:
    """A short fingerprint of a block's HTML: unchanged in Anki means its source still holds."""
    return hashlib.sha256(rendered.encode()).hexdigest()[:16]


def _block(lang: str, source: str, rendered: str) -> str:
    return (
        f'<div class="lang-{lang}" data-h="{block_hash(rendered)}" '
        f'data-md="{source_attr(source)}">{rendered}</div>'
    )


def text_blocks(text: Text | None) -> list[tuple[str, str]]:
    """(lang, source) in the order they go on a card: plain, or 中文 then English."""
    if text is None:
        return []
    return [(lang, v) for lang, v in (("plain", text.plain), ("zh", text.zh), ("en", text.en)) if v]


def render_text(value: str) -> str:
    return _markdown_html(value)


def _both(text: Text | None) -> str:
    """中文 then English, each in its own block; plain text once."""
    return "".join(_block(lang, value, render_text(value)) for lang, value in text_blocks(text))


def render_cloze(value: str) -> str:
    """mlprep gaps {{a|b}} become one Anki cloze c1 (all gaps on one card, as the quiz asks them).

    The whole text goes through Markdown once with a placeholder for each gap, so the spaces
    and punctuation around a gap stay exactly as written.
    """
    answers: list[str] = []

    def stash(match: re.Match[str]) -> str:
        answers.append(match.group(1).split("|")[0].strip())
        return f"MLPREPGAP{len(answers) - 1}X"

    rendered = _markdown_html(GAP_PATTERN.sub(stash, value))

    def cloze(match: re.Match[str]) -> str:
        answer = html.escape(answers[int(match.group(1))], quote=False)
        # Anki ends a cloze at the first "}}": keep the braces of a formula apart.
        return "{{c1::" + answer.replace("}}", "} }") + "}}"

    return re.sub(r"MLPREPGAP(\d+)X", cloze, rendered)


def _cloze_text(text: Text) -> str:
    return "".join(_block(lang, value, render_cloze(value)) for lang, value in text_blocks(text))


def _key_points(points: Sequence[KeyPoint]) -> str:
    if not points:
        return ""
    data = [{"en": list(p.en), "zh": list(p.zh)} for p in points]
    items = "".join(
        "<li>" + html.escape(" / ".join(x for x in (p.label("zh"), p.label("en")) if x)) + "</li>"
        for p in points
    )
    payload = source_attr(json.dumps(data, ensure_ascii=False))
    return f'<div class="key-points" data-kp="{payload}"><b>Key points · 要点</b><ul>{items}</ul></div>'


def _meta(card: Card) -> str:
    bits = [f"{card.deck_id}/{card.id}"]
    if card.source:
        bits.append(f"source: {card.source}")
    if card.kata:
        bits.append(f"kata: mlprep kata {card.kata}")
    if card.difficulty is not None:
        bits.append(f"difficulty: {card.difficulty}")
    return html.escape(" · ".join(bits))


def _mcq_fields(card: Card) -> tuple[str, str]:
    plain = "".join(f"<li>{_both(choice)}</li>" for choice in card.choices)
    marked = "".join(
        f'<li class="{"right" if i in card.correct_choices else ""}">{_both(choice)}</li>'
        for i, choice in enumerate(card.choices)
    )
    front = _both(card.q) + f'<ol class="choices">{plain}</ol>'
    right = ", ".join(str(i + 1) for i in card.correct_choices)
    return front, f'<ol class="choices">{marked}</ol><p>✔ {right}</p>'


def _accepted(card: Card) -> str:
    items = "".join(f"<li>{html.escape(a, quote=False)}</li>" for a in card.accepted)
    return f'<ul class="accepted">{items}</ul>'


def _models() -> dict[str, Any]:
    import genanki

    meta = '<div class="meta">{{Meta}}</div>'
    explain = "{{#Explain}}<div>{{Explain}}</div>{{/Explain}}"
    basic = genanki.Model(
        stable_id("mlprep", "model", "basic-v1"),
        MODEL_BASIC,
        fields=[{"name": n} for n in ("Front", "Back", "Explain", "Meta")],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}' + explain + meta,
            }
        ],
        css=CSS,
    )
    typed = genanki.Model(
        stable_id("mlprep", "model", "typed-v1"),
        MODEL_TYPED,
        fields=[{"name": n} for n in ("Front", "Answer", "Accepted", "Explain", "Meta")],
        templates=[
            {
                "name": "Type in the answer",
                "qfmt": "{{Front}}<br>{{type:Answer}}",
                "afmt": '{{Front}}<hr id="answer">{{type:Answer}}'
                '<div class="accepted">accepted · 可接受: {{Accepted}}</div>' + explain + meta,
            }
        ],
        css=CSS,
    )
    cloze = genanki.Model(
        stable_id("mlprep", "model", "cloze-v1"),
        MODEL_CLOZE,
        fields=[{"name": n} for n in ("Text", "Explain", "Meta")],
        templates=[
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Text}}",
                "afmt": "{{cloze:Text}}" + explain + meta,
            }
        ],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )
    return {MODEL_BASIC: basic, MODEL_TYPED: typed, MODEL_CLOZE: cloze}


def note_fields(card: Card) -> tuple[str, list[str]]:
    """(note type name, fields) of one card."""
    explain, meta = _both(card.explain), _meta(card)
    if card.type == "cloze":
        return MODEL_CLOZE, [_cloze_text(card.text), explain, meta]
    if card.type == "typed":
        answer = html.escape(card.accepted[0], quote=False)
        return MODEL_TYPED, [_both(card.q), answer, _accepted(card), explain, meta]
    if card.type == "mcq":
        front, back = _mcq_fields(card)
    else:
        front, back = _both(card.q), _both(card.a) + _key_points(card.key_points)
    return MODEL_BASIC, [front, back, explain, meta]


@dataclass
class Manifest:
    """Each exported card's GUID and note type, kept between exports (`deck/card` → entry)."""

    path: Path | None
    notes: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> Manifest:
        if path is None or not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            notes = data["notes"]
            if data.get("version") != MANIFEST_VERSION or not isinstance(notes, dict):
                raise ValueError("unknown layout")
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise UsageError(
                f"cannot read the Anki export manifest {path}: {error}",
                hint="move the file aside; the next export writes a new one "
                "(note-type changes since the last export are then not detected)",
            ) from error
        return cls(path, {str(k): dict(v) for k, v in notes.items()})

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        data = {"version": MANIFEST_VERSION, "notes": dict(sorted(self.notes.items()))}
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)


def export_anki(
    decks: Sequence[Deck],
    out: Path,
    *,
    manifest_path: Path | None = None,
    on_type_change: TypeChangeAction = "keep",
    timestamp: float | None = None,
) -> ExportResult:
    """Write `out` (.apkg) with one Anki deck per mlprep deck.

    With `manifest_path`, cards whose note type changed since the last export are reported;
    `on_type_change="new-guid"` gives them a new GUID so Anki adds them as new notes.
    `timestamp` (default: now) is the notes' modification time; Anki updates a note only
    from a newer one.
    """
    import genanki

    if out.suffix != ".apkg":
        raise UsageError(f"the Anki package must end in .apkg, not '{out.name}'")
    if not decks:
        raise UsageError("no decks to export")
    models = _models()
    manifest = Manifest.load(manifest_path)
    anki_decks = []
    by_type: dict[str, int] = {}
    changes: list[TypeChange] = []
    for deck in decks:
        anki_deck = genanki.Deck(
            stable_id("mlprep", "deck", deck.id),
            f"mlprep::{deck.title.get('en')} · {deck.title.get('zh')}",
        )
        tags = [f"mlprep::{deck.topic or deck.id}"]
        for card in deck.cards:
            model, fields = note_fields(card)
            key = f"{card.deck_id}/{card.id}"
            previous = manifest.notes.get(key)
            guid = genanki.guid_for("mlprep", card.deck_id, card.id)
            if previous is not None:
                guid = previous.get("guid", guid)
                if previous.get("model") != model:
                    renew = on_type_change == "new-guid"
                    changes.append(TypeChange(key, previous.get("model", "?"), model, renew))
                    if renew:
                        guid = genanki.guid_for("mlprep", card.deck_id, card.id, model)
            manifest.notes[key] = {"guid": guid, "model": model}
            note = genanki.Note(
                model=models[model],
                fields=fields,
                tags=tags + [re.sub(r"\s+", "_", t) for t in card.tags],
                guid=guid,
            )
            anki_deck.add_note(note)
            by_type[card.type] = by_type.get(card.type, 0) + 1
        anki_decks.append(anki_deck)
    out.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(anki_decks).write_to_file(str(out), timestamp=timestamp)
    manifest.save()
    return ExportResult(
        out,
        len(anki_decks),
        sum(by_type.values()),
        by_type,
        tuple(changes),
        manifest.path,
    )
