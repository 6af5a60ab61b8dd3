"""Where decks come from (shipped + the user's folder + paths given) and how a quiz picks cards."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mlprep.bulk import bulk_build
from mlprep.decks.cache import DeckCache
from mlprep.decks.loader import DECK_SUFFIXES, DeckSet, deck_files, inside_folder, load_decks
from mlprep.decks.model import CARD_TYPES, CardRef, Deck
from mlprep.errors import DeckError, Problem, UsageError
from mlprep.paths import Paths, resolve_paths


def all_deck_files(paths: Paths) -> list[Path]:
    """The shipped decks, then the user's own deck folder (if it exists)."""
    locations = [paths.shipped_decks]
    if paths.user_decks.is_dir():
        locations.append(paths.user_decks)
    return deck_files(locations)


def _with_known(paths: Paths, extra: Sequence[Path]) -> list[Path]:
    """Every deck mlprep loads, then the `extra` files that are not among them."""
    known = all_deck_files(paths)
    seen = {f.resolve() for f in known}
    return known + [f for f in extra if f.resolve() not in seen]


def lint(paths: Paths, targets: Sequence[Path] = ()) -> DeckSet:
    """Check the given files/folders, or every deck mlprep would load.

    Given files are checked with every known deck loaded alongside, so an id
    taken from a shipped (or another) deck is found exactly as the loader finds it.
    """
    cache = DeckCache(paths.cache / "decks")
    if not targets:
        return load_decks(all_deck_files(paths), cache, paths.shipped_decks)
    files = deck_files(targets)
    return load_decks(_with_known(paths, files), cache, paths.shipped_decks).only(files)


def lint_shipped(paths: Paths | None = None) -> dict[str, object]:
    """JSON-able lint summary of the shipped decks (used by `mlprep verify`)."""
    paths = paths or resolve_paths()
    result = load_decks(deck_files([paths.shipped_decks]))
    return {
        "ok": result.ok,
        "decks": len(result.decks),
        "cards": sum(len(d.cards) for d in result.decks),
        "problems": [str(p) for p in result.problems],
    }


def _looks_like_path(selector: str) -> bool:
    return selector.endswith(DECK_SUFFIXES) or "/" in selector or Path(selector).exists()


def warn_skipped(problems: Sequence[Problem]) -> None:
    """Say which user deck files were skipped and why (on stderr; a command loads decks once)."""
    from mlprep.ui.messages import print_deck_warnings

    print_deck_warnings(list(dict.fromkeys(problems)))


def load_catalog(
    paths: Paths,
    selectors: Sequence[str] = (),
    warn: Callable[[Sequence[Problem]], None] = warn_skipped,
) -> list[Deck]:
    """The decks a command should use.

    Selectors are deck ids or paths. Every known deck (shipped and the user's
    folder) is loaded so ids are checked for uniqueness the way `deck lint`
    checks them. A broken deck in the user's folder is skipped with one warning
    (`warn`) and the run goes on with every valid deck; a broken shipped deck or
    a broken file given by path stops the run (DeckError, exit 2).
    """
    path_selectors = [s for s in selectors if _looks_like_path(s)]
    id_selectors = [s for s in selectors if not _looks_like_path(s)]
    cache = DeckCache(paths.cache / "decks")
    extra = deck_files([Path(s) for s in path_selectors])
    loaded = load_decks(_with_known(paths, extra), cache, paths.shipped_decks)
    extra_resolved = {p.resolve() for p in extra}
    fatal = [
        p
        for p in loaded.problems
        if p.location.path.resolve() in extra_resolved
        or inside_folder(p.location.path, paths.shipped_decks)
    ]
    if fatal:
        raise DeckError(fatal)
    if loaded.problems:
        warn(loaded.problems)
    if not selectors:
        return loaded.decks
    by_id = loaded.by_id()
    chosen: list[Deck] = []
    for selector in id_selectors:
        if selector not in by_id:
            close = difflib.get_close_matches(selector, list(by_id), n=3)
            hint = (
                f"did you mean {', '.join(close)}?"
                if close
                else "run `mlprep deck list` to see them."
            )
            raise UsageError(f"no deck with id '{selector}'", hint=hint)
        chosen.append(by_id[selector])
    chosen.extend(d for d in loaded.decks if d.path.resolve() in extra_resolved and d not in chosen)
    return chosen


@dataclass(frozen=True)
class CardFilter:
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    def validate(self) -> None:
        for card_type in self.types:
            if card_type not in CARD_TYPES:
                raise UsageError(
                    f"unknown card type '{card_type}' for --type; use one of {', '.join(CARD_TYPES)}"
                )


@bulk_build
def select_cards(decks: Sequence[Deck], card_filter: CardFilter) -> list[CardRef]:
    """Cards of the chosen decks that pass --topic/--tag/--type (any value of each option).

    Works on the decks' indexes: the cards themselves are built only when shown.
    """
    card_filter.validate()
    topics = {t.lower() for t in card_filter.topics}
    known_topics = {(d.topic or "").lower() for d in decks}
    unknown = topics - known_topics
    if unknown:
        raise UsageError(
            f"no deck has topic {', '.join(sorted(unknown))}",
            hint=f"topics: {', '.join(sorted(t for t in known_topics if t)) or 'none'}",
        )
    in_topics = [d for d in decks if not topics or (d.topic or "").lower() in topics]
    if card_filter.tags:
        known_tags = {tag for deck in in_topics for tags in deck.cards.tags for tag in tags}
        missing = [tag for tag in card_filter.tags if tag not in known_tags]
        if missing:
            close = sorted(
                {m for tag in missing for m in difflib.get_close_matches(tag, known_tags, n=3)}
            )
            raise UsageError(
                f"no card has tag {', '.join(missing)}"
                + (" in the chosen decks" if len(in_topics) < len(decks) or topics else ""),
                hint=f"did you mean {', '.join(close)}?"
                if close
                else f"{len(known_tags)} tags exist; `mlprep deck list` shows the decks.",
            )
    wanted_tags = set(card_filter.tags)
    wanted_types = set(card_filter.types)
    cards: list[CardRef] = []
    for deck in in_topics:
        index = deck.cards
        if not wanted_tags and not wanted_types:
            cards.extend(deck.refs())
            continue
        cards.extend(
            deck.refs(
                i
                for i in range(len(index))
                if (not wanted_tags or wanted_tags.intersection(index.tags[i]))
                and (not wanted_types or index.types[i] in wanted_types)
            )
        )
    if not cards and (card_filter.tags or card_filter.types):
        wanted = [f"--tag {t}" for t in card_filter.tags] + [
            f"--type {t}" for t in card_filter.types
        ]
        raise UsageError(
            f"no card matches {' and '.join(wanted)} in the chosen decks",
            hint="drop one of the filters, or choose other decks.",
        )
    return cards
