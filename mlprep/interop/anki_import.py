"""`mlprep import anki FILE.apkg|FILE.colpkg`: Anki notes → YAML decks in the user's deck folder.

The package is opened with the official `anki` library (the `anki` extra), in a
throw-away collection, so every format Anki writes (legacy and current .apkg,
.colpkg) is read the way Anki reads it. Mapping:

- notes that mlprep exported (note types `mlprep basic|typed|cloze`) come back
  exactly: deck and card ids from the Meta field, each text from its Markdown
  source when its HTML still has the fingerprint it was exported with (converted
  from the HTML when it was edited in Anki);
- other cloze note types → cloze cards (every `{{cN::…}}` a gap, hints dropped);
- note types with a `{{type:Field}}` template → typed cards (that field is the answer);
- every other note type → basic cards (first field the question, second the answer,
  further non-empty fields the explanation);
- Anki's deck hierarchy: one mlprep deck per Anki deck, the top level as its topic and
  the levels in between as tags; Anki tags are kept;
- images and sounds are not imported (they are counted and reported).

With `with_history`, Anki's review log is replayed into the progress store
(`mlprep.interop.history`); otherwise the cards start as new in mlprep.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlprep.errors import MlprepError, UsageError
from mlprep.export.anki import (
    MODEL_BASIC,
    MODEL_CLOZE,
    MODEL_TYPED,
    block_hash,
)
from mlprep.install_hint import extra_install_command
from mlprep.interop.deckfile import (
    DeckDraft,
    Skipped,
    WrittenDeck,
    ascii_slug,
    slug,
    write_decks,
)
from mlprep.interop.history import REVIEW_KINDS, HistoryResult, PastReview, replay
from mlprep.interop.html_md import Media, cloze_to_gaps, elements, html_to_markdown, plain_text
from mlprep.paths import Paths

SUFFIXES = (".apkg", ".colpkg")
_TYPE_FIELD = re.compile(r"\{\{type:(?:cloze:)?([^}]+)\}\}")


@dataclass
class ImportResult:
    source: Path
    notes: int
    decks: list[WrittenDeck] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    media: int = 0
    edited_blocks: int = 0  # mlprep blocks changed in Anki, converted from HTML
    history: HistoryResult | None = None  # with --with-history


@dataclass
class _Context:
    media: Media = field(default_factory=Media)
    edited: int = 0
    # Anki note id → the deck draft and card it became (for the review history)
    notes: dict[int, tuple[DeckDraft, dict[str, Any]]] = field(default_factory=dict)


def _anki() -> Any:
    try:
        import anki.collection
    except ImportError as error:
        raise MlprepError(
            f"reading Anki packages needs the official anki library, which cannot be imported ({error})",
            hint=f"install the anki extra: {extra_install_command('anki')}",
        ) from error
    return anki.collection


def open_package(package: Path, workdir: Path, with_scheduling: bool = False) -> Any:
    """A collection holding everything in `package` (opened with Anki's own importer)."""
    collection = _anki()
    if not package.is_file():
        raise UsageError(f"no such file: {package}")
    if package.suffix.lower() not in SUFFIXES:
        raise UsageError(
            f"'{package.name}' is not an Anki package: give a .apkg or .colpkg file "
            "(File › Export in Anki)"
        )
    col_path = workdir / "collection.anki2"
    try:
        if package.suffix.lower() == ".colpkg":
            from anki._backend import RustBackend

            RustBackend().import_collection_package(
                col_path=str(col_path),
                backup_path=str(package.resolve()),
                media_folder=str(workdir / "media"),
                media_db=str(workdir / "media.db"),
            )
            return collection.Collection(str(col_path))
        col = collection.Collection(str(col_path))
        request = collection.ImportAnkiPackageRequest(
            package_path=str(package.resolve()),
            options=collection.ImportAnkiPackageOptions(with_scheduling=with_scheduling),
        )
        try:
            col.import_anki_package(request)
        except BaseException:
            col.close()
            raise
        return col
    except MlprepError:
        raise
    except Exception as error:
        raise UsageError(
            f"{package}: Anki cannot read this package ({str(error).strip() or type(error).__name__})",
            hint="export it again from Anki (File › Export, 'Anki Deck Package' or 'Anki Collection Package')",
        ) from error


# -- mlprep's own note types ------------------------------------------------------


def _blocks(value: str, ctx: _Context, cloze: bool = False) -> dict[str, str]:
    """lang → Markdown of each mlprep language block in a field."""
    found: dict[str, str] = {}
    for element in elements(value, "div"):
        cls = element.attrs.get("class", "")
        if not cls.startswith("lang-"):
            continue
        lang = cls[len("lang-") :]
        source = element.attrs.get("data-md")
        if source is not None and element.attrs.get("data-h") == block_hash(element.inner):
            found[lang] = source  # not edited in Anki: the exported Markdown, exactly
            continue
        ctx.edited += 1
        text = html_to_markdown(element.inner, ctx.media)
        found[lang] = cloze_to_gaps(text) if cloze else text
    return found


def _text(blocks: dict[str, str]) -> str | dict[str, str] | None:
    if "plain" in blocks:
        return blocks["plain"]
    values = {lang: blocks[lang] for lang in ("en", "zh") if blocks.get(lang, "").strip()}
    return values or None


def _meta(value: str) -> dict[str, str]:
    bits = html.unescape(re.sub(r"<[^>]+>", "", value)).split(" · ")
    meta = {"key": bits[0].strip()}
    for bit in bits[1:]:
        name, _, rest = bit.partition(": ")
        if name == "kata":
            meta["kata"] = rest.removeprefix("mlprep kata ").strip()
        elif name in ("source", "difficulty"):
            meta[name] = rest.strip()
    return meta


def _mlprep_card(model: str, fields: dict[str, str], ctx: _Context) -> dict[str, Any]:
    card: dict[str, Any] = {}
    if model == MODEL_CLOZE:
        card["type"] = "cloze"
        card["text"] = _text(_blocks(fields.get("Text", ""), ctx, cloze=True))
    elif model == MODEL_TYPED:
        card["type"] = "typed"
        card["q"] = _text(_blocks(fields.get("Front", ""), ctx))
        accepted = [plain_text(e.inner) for e in elements(fields.get("Accepted", ""), "li")]
        accepted = [a for a in accepted if a] or [plain_text(fields.get("Answer", ""))]
        card["answer"] = accepted
    else:
        front, back = fields.get("Front", ""), fields.get("Back", "")
        if '<ol class="choices">' in front:
            card["type"] = "mcq"
            card["q"] = _text(_blocks(front.split('<ol class="choices">')[0], ctx))
            items = elements(back.split('<ol class="choices">', 1)[-1], "li")
            card["choices"] = [_text(_blocks(item.inner, ctx)) for item in items]
            right = [i for i, item in enumerate(items) if item.attrs.get("class") == "right"]
            card["answer"] = right if len(right) != 1 else right[0]
        else:
            card["type"] = "basic"
            card["q"] = _text(_blocks(front, ctx))
            answer = back.split('<div class="key-points"')[0]
            card["a"] = _text(_blocks(answer, ctx))
            points = elements(back, "div")
            for point in points:
                if point.attrs.get("class") == "key-points" and point.attrs.get("data-kp"):
                    import json

                    data = json.loads(point.attrs["data-kp"])
                    card["key_points"] = [{k: v for k, v in p.items() if v} for p in data]
    explain = _text(_blocks(fields.get("Explain", ""), ctx))
    if explain:
        card["explain"] = explain
    return card


# -- other note types ---------------------------------------------------------------


def _foreign_card(note_type: dict[str, Any], values: list[str], ctx: _Context) -> dict[str, Any]:
    names = [f["name"] for f in note_type["flds"]]
    fields = dict(zip(names, values, strict=False))
    if note_type.get("type") == 1:  # Anki's cloze kind
        text_field = names[0]
        for template in note_type.get("tmpls", []):
            found = re.search(r"\{\{cloze:([^}]+)\}\}", template.get("qfmt", ""))
            if found and found.group(1) in fields:
                text_field = found.group(1)
                break
        card: dict[str, Any] = {
            "type": "cloze",
            "text": cloze_to_gaps(html_to_markdown(fields.get(text_field, ""), ctx.media)),
        }
        rest = [n for n in names if n != text_field]
    else:
        typed_field = None
        for template in note_type.get("tmpls", []):
            found = _TYPE_FIELD.search(template.get("qfmt", ""))
            if found and found.group(1) in fields:
                typed_field = found.group(1)
                break
        question = next((n for n in names if n != typed_field), names[0])
        q = html_to_markdown(fields.get(question, ""), ctx.media)
        if typed_field is not None:
            card = {"type": "typed", "q": q, "answer": [plain_text(fields[typed_field])]}
            rest = [n for n in names if n not in (question, typed_field)]
        else:
            others = [n for n in names if n != question]
            a = html_to_markdown(fields[others[0]], ctx.media) if others else ""
            card = {"type": "basic", "q": q, "a": a}  # no answer field: left out as empty
            rest = others[1:]
    extra = [html_to_markdown(fields[n], ctx.media) for n in rest]
    explain = "\n\n".join(e for e in extra if e)
    if explain:
        card["explain"] = explain
    return card


def _title(deck_name: str) -> str | dict[str, str]:
    leaf = deck_name.split("::")[-1]
    en, sep, zh = leaf.partition(" · ")
    if sep and en.strip() and zh.strip():
        return {"en": en.strip(), "zh": zh.strip()}
    return " › ".join(deck_name.split("::"))


def _topic(name: str) -> str:
    """A short topic name: a slug when the name has ASCII letters or digits, else the name."""
    return ascii_slug(name) or name.strip()


def _note_id(guid: str) -> str:
    return "anki-" + hashlib.sha1(guid.encode()).hexdigest()[:10]


def read_collection(col: Any, ctx: _Context) -> tuple[list[DeckDraft], list[Skipped], int]:
    """Every note in `col` as deck drafts (one per Anki deck, or per mlprep deck id)."""
    drafts: dict[str, DeckDraft] = {}
    skipped: list[Skipped] = []
    note_ids = list(col.find_notes(""))
    for note_id in note_ids:
        note = col.get_note(note_id)
        note_type = note.note_type()
        cards = note.cards()
        deck_name = col.decks.name(cards[0].did) if cards else "Default"
        model = note_type["name"]
        values = list(note.fields)
        fields = dict(zip([f["name"] for f in note_type["flds"]], values, strict=False))
        ours = model in (MODEL_BASIC, MODEL_TYPED, MODEL_CLOZE) and "/" in fields.get("Meta", "")
        levels = [part for part in deck_name.split("::") if part]
        tags = [t for t in note.tags if not t.lower().startswith("mlprep::")]
        if ours:
            meta = _meta(fields["Meta"])
            deck_id, _, card_id = meta["key"].partition("/")
            card = {"id": card_id, **_mlprep_card(model, fields, ctx)}
            topic = next(
                (t.split("::", 1)[1] for t in note.tags if t.lower().startswith("mlprep::")), None
            )
            key, title = deck_id, _title(deck_name)
            for name in ("source", "kata"):
                if meta.get(name):
                    card[name] = meta[name]
            if meta.get("difficulty", "").isdigit():
                card["difficulty"] = int(meta["difficulty"])
        else:
            card = {"id": _note_id(note.guid), **_foreign_card(note_type, values, ctx)}
            topic = _topic(levels[0]) if levels else None
            tags = [*levels[1:-1], *tags]
            key = "deck:" + deck_name
            title = _title(deck_name)
            deck_id = slug("-".join(levels) or "anki", deck_name, "anki")
        if tags:
            card["tags"] = list(dict.fromkeys(tags))
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = DeckDraft(deck_id, title, topic, source_name=deck_name)
        ordered = _ordered(card)
        draft.cards.append(ordered)
        ctx.notes[int(note_id)] = (draft, ordered)
    return list(drafts.values()), skipped, len(note_ids)


_ORDER = ("id", "type", "q", "a", "text", "choices", "answer", "key_points", "explain", "tags")


def _ordered(card: dict[str, Any]) -> dict[str, Any]:
    return {k: card[k] for k in sorted(card, key=lambda k: (*_ORDER, k).index(k))}


def _review_log(col: Any) -> list[tuple[int, float, int, int | None]]:
    """(note id, seconds, grade, duration ms) of every answered review in the collection."""
    note_of = {int(cid): int(nid) for cid, nid in col.db.all("SELECT id, nid FROM cards")}
    kinds = ",".join(str(k) for k in REVIEW_KINDS)
    rows = col.db.all(
        f"SELECT cid, id, ease, time FROM revlog WHERE ease BETWEEN 1 AND 4 AND type IN ({kinds})"
    )
    return [
        (note_of[int(cid)], int(at) / 1000, int(ease), int(ms) if ms and ms > 0 else None)
        for cid, at, ease, ms in rows
        if int(cid) in note_of
    ]


def _history(
    ctx: _Context, log: list[tuple[int, float, int, int | None]]
) -> dict[tuple[str, str], list[PastReview]]:
    """The review log keyed on the deck and card ids the notes were written under."""
    history: dict[tuple[str, str], list[PastReview]] = {}
    for note_id, at, ease, ms in log:
        draft, card = ctx.notes.get(note_id, (None, None))
        if draft is None or card is None or draft.written_id is None:
            continue
        if not any(kept is card for kept in draft.cards):  # left out as invalid
            continue
        history.setdefault((draft.written_id, card["id"]), []).append(PastReview(at, ease, ms))
    return history


def import_anki(paths: Paths, package: Path, with_history: bool = False) -> ImportResult:
    """Read `package` with Anki and write its notes as decks into the user's deck folder.

    With `with_history`, Anki's review log is replayed into the progress store for the
    imported cards that have no mlprep progress yet.
    """
    workdir = Path(tempfile.mkdtemp(prefix="mlprep-anki-"))
    try:
        col = open_package(package, workdir, with_scheduling=with_history)
        try:
            ctx = _Context()
            drafts, skipped, notes = read_collection(col, ctx)
            log = _review_log(col) if with_history else []
        finally:
            col.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    written, dropped = write_decks(paths, drafts, "anki", package.name)
    result = ImportResult(package, notes, written, skipped + dropped, ctx.media.count, ctx.edited)
    if with_history:
        result.history = replay(paths, _history(ctx, log))
    return result
