"""`mlprep import csv FILE`: a plain question list (front,back[,tags]) → one basic deck.

The delimiter (comma, semicolon or tab) is detected; a first row `front,back[,tags]`
is taken as a header; tags are separated by spaces. A cell with HTML in it (as
Anki's "Notes in Plain Text" export writes it) is converted to Markdown; plain
text is kept as written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from mlprep.errors import UsageError
from mlprep.interop.deckfile import DeckDraft, Skipped, WrittenDeck, slug, write_decks
from mlprep.interop.html_md import Media, html_to_markdown
from mlprep.paths import Paths

_HTML = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|&(?:nbsp|amp|lt|gt);")
HEADERS = {("front", "back"), ("question", "answer"), ("q", "a")}


@dataclass
class CsvImportResult:
    source: Path
    rows: int
    decks: list[WrittenDeck] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    media: int = 0


def _read(path: Path) -> list[tuple[int, list[str]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{path}: not UTF-8 text (byte {error.start})", hint="save the file as UTF-8 CSV"
        ) from error
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    sample = "\n".join(lines[:20])
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for row in reader:
            if row and not row[0].startswith("#"):
                rows.append((reader.line_num, row))
    except csv.Error as error:
        raise UsageError(f"{path}:{reader.line_num}: {error}") from error
    return rows


def _cell(value: str, media: Media) -> str:
    """HTML (as Anki writes it) converted; plain text kept as written, line breaks included."""
    return html_to_markdown(value, media) if _HTML.search(value) else value


def import_csv(paths: Paths, path: Path, deck_id: str | None = None) -> CsvImportResult:
    """Write the rows of `path` as a basic deck named after the file (or `deck_id`)."""
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    rows = _read(path)
    if rows and tuple(c.strip().lower() for c in rows[0][1][:2]) in HEADERS:
        rows = rows[1:]
    if not rows:
        raise UsageError(f"{path}: no rows; write one question per line as front,back[,tags]")
    media = Media()
    skipped: list[Skipped] = []
    draft = DeckDraft(
        deck_id or slug(path.stem, path.name, "csv"), path.stem, source_name=path.name
    )
    for line, row in rows:
        cells = [c.strip() for c in row]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            skipped.append(
                Skipped(f"{path}:{line}", "needs a front and a back (front,back[,tags])")
            )
            continue
        digest = hashlib.sha1(cells[0].encode()).hexdigest()[:10]
        card: dict[str, object] = {
            "id": f"q-{digest}",
            "q": _cell(cells[0], media),
            "a": _cell(cells[1], media),
        }
        tags = " ".join(cells[2:]).split()
        if tags:
            card["tags"] = tags
        draft.cards.append(card)
    written, dropped = write_decks(paths, [draft], "csv", path.name)
    return CsvImportResult(path, len(rows), written, skipped + dropped, media.count)
