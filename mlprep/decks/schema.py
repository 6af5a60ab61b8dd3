"""Deck format version 1: turn a located YAML tree into a `Deck`, or a list of located problems.

Every check names the file, line and column and says what to fix; all
problems in a file are reported together so one lint run finds them all.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from mlprep.decks.model import CARD_TYPES, Card, CardList, Deck, KeyPoint, Text
from mlprep.decks.yamltree import AnyNode, Mapping, Scalar, Sequence, describe
from mlprep.errors import Location, Problem

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
KATA_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")
GAP_PATTERN = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
FORMAT_VERSION = 1

DECK_FIELDS = ("id", "title", "topic", "cards", "version", "description")
COMMON_FIELDS = ("id", "type", "explain", "tags", "source", "kata", "difficulty")
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "basic": ("q", "a", "key_points"),
    "mcq": ("q", "choices", "answer"),
    "typed": ("q", "answer"),
    "cloze": ("text",),
}
# Names authors reach for, mapped to the field they meant.
SYNONYMS = {
    "question": "q",
    "answer": "a",
    "ans": "a",
    "explanation": "explain",
    "tag": "tags",
    "options": "choices",
    "choice": "choices",
    "level": "difficulty",
    "cloze": "text",
    "keypoints": "key_points",
    "points": "key_points",
    "name": "title",
    "items": "cards",
}
MIN_CHOICES, MAX_CHOICES = 2, 8
# one text value (a question, an answer, a choice, a tag...): real cards stay far below this;
# beyond it the card is a mistake (a pasted file) and only slows every later step
MAX_FIELD_CHARS = 64 * 1024


class _Checker:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, node: AnyNode | tuple[int, int] | None, message: str) -> None:
        if node is None:
            location = Location(self.path)
        elif isinstance(node, tuple):
            location = Location(self.path, node[0], node[1])
        else:
            location = Location(self.path, node.line, node.column)
        self.problems.append(Problem(location, message))

    # -- primitives ---------------------------------------------------------------
    def text(self, node: AnyNode, what: str) -> Text | None:
        if isinstance(node, Scalar):
            if isinstance(node.value, bool) or node.value is None:
                self.add(node, f"{what} must be text, not {describe(node)} (quote it)")
                return None
            value = str(node.value)
            if not value.strip():
                self.add(node, f"{what} is empty")
                return None
            return Text(plain=value)
        if isinstance(node, Mapping):
            values: dict[str, str] = {}
            for lang, child in node.items.items():
                if lang not in ("en", "zh"):
                    self.add(
                        node.key_positions[lang], f"{what} has language '{lang}'; use en or zh"
                    )
                    continue
                if (
                    not isinstance(child, Scalar)
                    or isinstance(child.value, bool)
                    or child.value is None
                ):
                    self.add(child, f"{what}.{lang} must be text, not {describe(child)}")
                    continue
                if not str(child.value).strip():
                    self.add(child, f"{what}.{lang} is empty")
                    continue
                values[lang] = str(child.value)
            if not node.items:
                self.add(node, f"{what} is an empty mapping; give en and/or zh text")
            return Text(en=values.get("en"), zh=values.get("zh")) if values else None
        self.add(node, f"{what} must be text or {{en: ..., zh: ...}}, not {describe(node)}")
        return None

    def ident(self, node: AnyNode | None, what: str, where: AnyNode) -> str | None:
        if node is None:
            self.add(where, f"{what} is missing: add `id: some-name` ([a-z0-9-])")
            return None
        if (
            not isinstance(node, Scalar)
            or not isinstance(node.value, (str, int))
            or isinstance(node.value, bool)
        ):
            self.add(node, f"{what} must be a name like 'ln-vs-bn', not {describe(node)}")
            return None
        value = str(node.value)
        if not ID_PATTERN.fullmatch(value):
            self.add(
                node,
                f"{what} '{value}' is not valid: use lowercase letters, digits and '-', "
                "starting with a letter or digit (at most 64 characters)",
            )
            return None
        return value

    def unknown_fields(self, node: Mapping, allowed: tuple[str, ...], what: str) -> None:
        for key, position in node.key_positions.items():
            if key in allowed:
                continue
            suggestion = _suggest(key, allowed)
            hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
            self.add(
                position, f"unknown field '{key}' in {what}{hint}; allowed: {', '.join(allowed)}"
            )


def _suggest(key: str, allowed: tuple[str, ...]) -> str | None:
    lowered = key.lower()
    if lowered in allowed:
        return lowered
    if SYNONYMS.get(lowered) in allowed:
        return SYNONYMS[lowered]
    candidates = list(allowed) + [s for s, target in SYNONYMS.items() if target in allowed]
    match = difflib.get_close_matches(lowered, candidates, n=1, cutoff=0.6)
    if not match:
        return None
    return match[0] if match[0] in allowed else SYNONYMS[match[0]]


def build_deck(path: Path, root: AnyNode | None) -> tuple[Deck | None, list[Problem]]:
    """Check a parsed deck file; returns the deck when there are no problems."""
    check = _Checker(path)
    if root is None:
        check.add((1, 1), "empty file: a deck needs id, title and cards")
        return None, check.problems
    if not isinstance(root, Mapping):
        check.add(
            root, f"a deck file must be a mapping with id, title and cards, not {describe(root)}"
        )
        return None, check.problems
    check.unknown_fields(root, DECK_FIELDS, "the deck")
    _long_fields(check, root, "")
    fields = root.items
    deck_id = check.ident(fields.get("id"), "deck id", root)
    title = check.text(fields["title"], "title") if "title" in fields else None
    if "title" not in fields:
        check.add(root, "deck title is missing: add `title: {en: ..., zh: ...}`")
    topic = _topic(check, fields.get("topic"))
    description = (
        check.text(fields["description"], "description") if "description" in fields else None
    )
    if "version" in fields:
        version = fields["version"]
        if not isinstance(version, Scalar) or version.value != FORMAT_VERSION:
            check.add(version, f"deck format version must be {FORMAT_VERSION}")
    cards = _cards(check, fields.get("cards"), root, deck_id or "?")
    if check.problems or deck_id is None or title is None:
        return None, sorted(check.problems, key=_position)
    return Deck(deck_id, title, path, CardList.of(cards), topic=topic, description=description), []


def _long_fields(check: _Checker, node: AnyNode, where: str) -> None:
    """Every text value longer than `MAX_FIELD_CHARS`, named by its place (e.g. cards[3].q.en)."""
    if isinstance(node, Mapping):
        for key, child in node.items.items():
            _long_fields(check, child, f"{where}.{key}" if where else key)
    elif isinstance(node, Sequence):
        for index, child in enumerate(node.items):
            _long_fields(check, child, f"{where}[{index}]")
    elif isinstance(node.value, str) and len(node.value) > MAX_FIELD_CHARS:
        check.add(
            node,
            f"{where or 'the value'} is {len(node.value):,} characters long; a field is limited to "
            f"{MAX_FIELD_CHARS:,} characters: shorten it or split it over several cards",
        )


def _position(problem: Problem) -> tuple[int, int]:
    return (problem.location.line or 0, problem.location.column or 0)


def _topic(check: _Checker, node: AnyNode | None) -> str | None:
    if node is None:
        return None
    if not isinstance(node, Scalar) or not isinstance(node.value, str) or not node.value.strip():
        check.add(node, "topic must be a short name like 'transformer'")
        return None
    return node.value.strip()


def _cards(check: _Checker, node: AnyNode | None, root: Mapping, deck_id: str) -> list[Card]:
    if node is None:
        check.add(root, "the deck has no `cards:` list")
        return []
    if not isinstance(node, Sequence):
        check.add(node, f"cards must be a list of cards, not {describe(node)}")
        return []
    if not node.items:
        check.add(node, "empty deck: `cards` has no cards; add at least one")
        return []
    cards: list[Card] = []
    first_seen: dict[str, int] = {}
    for item in node.items:
        card = _card(check, item, deck_id)
        if card is None:
            continue
        if card.id in first_seen:
            id_node = item.items["id"] if isinstance(item, Mapping) else item
            check.add(
                id_node,
                f"card id '{card.id}' is used twice (first at line {first_seen[card.id]}); "
                "card ids must be unique in a deck",
            )
            continue
        first_seen[card.id] = item.line
        cards.append(card)
    return cards


def _card(check: _Checker, node: AnyNode, deck_id: str) -> Card | None:
    if not isinstance(node, Mapping):
        check.add(node, f"each card must be a mapping (id, type, q, ...), not {describe(node)}")
        return None
    before = len(check.problems)
    fields = node.items
    card_id = check.ident(fields.get("id"), "card id", node)
    card_type = "basic"
    if "type" in fields:
        type_node = fields["type"]
        value = type_node.value if isinstance(type_node, Scalar) else None
        if value not in CARD_TYPES:
            shown = value if isinstance(value, str) else describe(type_node)
            close = difflib.get_close_matches(str(shown), CARD_TYPES, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            check.add(
                type_node, f"unknown card type '{shown}'{hint}; use one of {', '.join(CARD_TYPES)}"
            )
            return None
        card_type = str(value)
    allowed = COMMON_FIELDS + TYPE_FIELDS[card_type]
    label = f"{card_type} card '{card_id or '?'}'"
    check.unknown_fields(node, allowed, label)
    for required in TYPE_FIELDS[card_type]:
        if required not in fields and required != "key_points":
            check.add(node, f"{label} has no `{required}`")
    extra = _optional(check, fields)
    parts = _type_parts(check, card_type, fields, label)
    if len(check.problems) > before or card_id is None or parts is None:
        return None
    return Card(deck_id=deck_id, id=card_id, type=card_type, line=node.line, **parts, **extra)


def _optional(check: _Checker, fields: dict[str, AnyNode]) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if "explain" in fields:
        extra["explain"] = check.text(fields["explain"], "explain")
    if "tags" in fields:
        tags = fields["tags"]
        if not isinstance(tags, Sequence):
            check.add(tags, "tags must be a list, e.g. [norm, attention]")
        else:
            values = []
            for tag in tags.items:
                if (
                    not isinstance(tag, Scalar)
                    or not isinstance(tag.value, str)
                    or not tag.value.strip()
                ):
                    check.add(tag, f"each tag must be a short text, not {describe(tag)}")
                else:
                    values.append(tag.value.strip())
            extra["tags"] = tuple(values)
    if "source" in fields:
        source = fields["source"]
        if not isinstance(source, Scalar) or not isinstance(source.value, str):
            check.add(source, "source must be text: the seed file name")
        else:
            extra["source"] = source.value
    if "kata" in fields:
        kata = fields["kata"]
        if not isinstance(kata, Scalar) or not KATA_PATTERN.fullmatch(str(kata.value)):
            check.add(kata, "kata must be a kata name like 'attention' or 'layer_norm'")
        else:
            extra["kata"] = str(kata.value)
    if "difficulty" in fields:
        level = fields["difficulty"]
        value = level.value if isinstance(level, Scalar) else None
        if isinstance(value, bool) or value not in (1, 2, 3):
            check.add(level, "difficulty must be 1, 2 or 3")
        else:
            extra["difficulty"] = value
    return extra


def _type_parts(
    check: _Checker, card_type: str, fields: dict[str, AnyNode], label: str
) -> dict[str, Any] | None:
    parts: dict[str, Any] = {}
    if "q" in fields:
        parts["q"] = check.text(fields["q"], "q")
    if card_type == "basic" and "a" in fields:
        parts["a"] = check.text(fields["a"], "a")
    if card_type == "basic" and "key_points" in fields:
        parts["key_points"] = _key_points(check, fields["key_points"])
    elif card_type == "mcq" and "choices" in fields:
        choices = _choices(check, fields["choices"])
        parts["choices"] = choices
        if "answer" in fields and choices:
            parts["correct_choices"] = _mcq_answer(check, fields["answer"], len(choices))
    elif card_type == "typed" and "answer" in fields:
        parts["accepted"] = _accepted(check, fields["answer"], label)
    elif card_type == "cloze" and "text" in fields:
        text = check.text(fields["text"], "text")
        if text is not None:
            _check_gaps(check, fields["text"], text)
        parts["text"] = text
    if any(value is None for value in parts.values()):
        return None
    return parts


def _aliases(check: _Checker, node: AnyNode, what: str) -> tuple[str, ...] | None:
    items = node.items if isinstance(node, Sequence) else [node]
    values = []
    for item in items:
        value = item.value if isinstance(item, Scalar) else None
        if isinstance(value, bool) or value is None or not str(value).strip():
            check.add(item, f"{what} must be non-empty text (or a list of phrasings)")
            return None
        values.append(str(value).strip())
    if not values:
        check.add(node, f"{what} has no phrasing")
        return None
    return tuple(values)


def _key_points(check: _Checker, node: AnyNode) -> tuple[KeyPoint, ...] | None:
    """key_points: [text | {en: text or [texts], zh: text or [texts]}] — each one a point to cover."""
    if not isinstance(node, Sequence) or not node.items:
        check.add(
            node,
            "key_points must be a non-empty list, e.g. [{en: [scaled by sqrt d_k], zh: [除以根号 d_k]}]",
        )
        return None
    points: list[KeyPoint] = []
    for index, item in enumerate(node.items):
        if isinstance(item, Mapping):
            langs: dict[str, tuple[str, ...]] = {}
            for lang, child in item.items.items():
                if lang not in ("en", "zh"):
                    check.add(
                        item.key_positions[lang],
                        f"key point {index} has language '{lang}'; use en or zh",
                    )
                    return None
                aliases = _aliases(check, child, f"key point {index}.{lang}")
                if aliases is None:
                    return None
                langs[lang] = aliases
            if not langs:
                check.add(item, f"key point {index} is empty")
                return None
            points.append(KeyPoint(en=langs.get("en", ()), zh=langs.get("zh", ())))
        else:
            aliases = _aliases(check, item, f"key point {index}")
            if aliases is None:
                return None
            points.append(KeyPoint(en=aliases))
    return tuple(points)


def _choices(check: _Checker, node: AnyNode) -> tuple[Text, ...] | None:
    if not isinstance(node, Sequence):
        check.add(
            node,
            f"choices must be a list of {MIN_CHOICES}-{MAX_CHOICES} options, not {describe(node)}",
        )
        return None
    count = len(node.items)
    if not MIN_CHOICES <= count <= MAX_CHOICES:
        check.add(
            node, f"an mcq needs {MIN_CHOICES} to {MAX_CHOICES} choices, this one has {count}"
        )
        return None
    texts = [check.text(item, f"choice {i}") for i, item in enumerate(node.items)]
    if any(t is None for t in texts):
        return None
    seen: dict[Text, int] = {}
    for i, text in enumerate(texts):
        assert text is not None
        if text in seen:
            check.add(node.items[i], f"choice {i} repeats choice {seen[text]}")
        seen.setdefault(text, i)
    return tuple(t for t in texts if t is not None)


def _mcq_answer(check: _Checker, node: AnyNode, count: int) -> tuple[int, ...] | None:
    items = node.items if isinstance(node, Sequence) else [node]
    if isinstance(node, Mapping) or not items:
        check.add(node, "mcq answer must be a choice index (0-based) or a list of indexes")
        return None
    indexes: list[int] = []
    for item in items:
        value = item.value if isinstance(item, Scalar) else None
        if not isinstance(value, int) or isinstance(value, bool):
            check.add(item, f"mcq answer must be a 0-based choice index, not {describe(item)}")
            return None
        if not 0 <= value < count:
            check.add(
                item,
                f"mcq answer {value} is out of range: there are {count} choices, numbered 0 to {count - 1}",
            )
            return None
        if value in indexes:
            check.add(item, f"mcq answer lists index {value} twice")
            return None
        indexes.append(value)
    return tuple(indexes)


def _accepted(check: _Checker, node: AnyNode, label: str) -> tuple[str, ...] | None:
    items = node.items if isinstance(node, Sequence) else [node]
    if isinstance(node, Mapping):
        check.add(node, "typed answer must be text or a list of accepted answers")
        return None
    if not items:
        check.add(node, f"{label} has no accepted answer: list at least one")
        return None
    accepted: list[str] = []
    for item in items:
        value = item.value if isinstance(item, Scalar) else None
        if isinstance(value, bool):
            check.add(item, "YAML read this answer as a boolean (yes/no/on/off): put it in quotes")
            return None
        if value is None or not isinstance(value, (str, int, float)) or not str(value).strip():
            check.add(
                item,
                f"each accepted answer must be non-empty text or a number, not {describe(item)}",
            )
            return None
        accepted.append(str(value))
    return tuple(accepted)


def _check_gaps(check: _Checker, node: AnyNode, text: Text) -> None:
    counts: dict[str, int] = {}
    for lang, value in (("text", text.plain), ("en", text.en), ("zh", text.zh)):
        if value is None:
            continue
        gaps = GAP_PATTERN.findall(value)
        where = node.items.get(lang, node) if isinstance(node, Mapping) else node
        if not gaps:
            check.add(where, "cloze text has no {{gap}}: mark at least one answer like {{80%}}")
        elif any(not g.strip() or not any(a.strip() for a in g.split("|")) for g in gaps):
            check.add(where, "cloze text has an empty {{}} gap")
        counts[lang] = len(gaps)
    if (
        "en" in counts
        and "zh" in counts
        and counts["en"] != counts["zh"]
        and min(counts.values()) > 0
    ):
        check.add(
            node,
            f"cloze en has {counts['en']} gaps but zh has {counts['zh']}: keep the same gaps in both",
        )
