"""Anki field HTML back to mlprep Markdown.

Fields that mlprep exported carry each block's Markdown source (`data-md`);
when the block still renders to exactly the HTML beside it, that source is
used as is. Anything else (edited in Anki, or a deck made elsewhere) goes
through a small HTML-to-Markdown converter: line breaks, paragraphs, bold,
italics, code, lists, links and MathJax survive; images and sounds are
dropped and counted.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_SOUND = re.compile(r"\[sound:[^\]]*\]")
_LATEX = re.compile(r"\[\$\$\](.*?)\[/\$\$\]|\[\$\](.*?)\[/\$\]|\[latex\](.*?)\[/latex\]", re.S)
_MATHJAX = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")
_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"')
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}


@dataclass
class Media:
    """Media references met while converting (they are not imported)."""

    count: int = 0


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: dict[str, str]
    inner: str


def elements(source: str, tag: str) -> list[Element]:
    """Top-level `<tag ...>inner</tag>` elements of `source`, nesting balanced."""
    found: list[Element] = []
    depth = 0
    start = 0
    attrs: dict[str, str] = {}
    for match in _TAG.finditer(source):
        if match.group(2).lower() != tag:
            continue
        closing = match.group(1) == "/"
        if not closing:
            if depth == 0:
                start = match.end()
                attrs = {k: html.unescape(v) for k, v in _ATTR.findall(match.group(3))}
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                found.append(Element(tag, attrs, source[start : match.start()]))
    return found


class _Converter(HTMLParser):
    def __init__(self, media: Media) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.media = media
        self.lists: list[list[int]] = []  # [kind (0 ul, 1 ol), counter]
        self.pre = 0
        self.href: list[str | None] = []

    def _newline(self, count: int = 1) -> None:
        text = "".join(self.out)
        trailing = len(text) - len(text.rstrip("\n"))
        if text.strip():
            self.out.append("\n" * max(0, count - trailing))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "br":
            self.out.append("\n")
        elif tag in ("div", "tr"):
            self._newline(1)
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"):
            self._newline(2)
            if tag.startswith("h") and len(tag) == 2:
                self.out.append("#" * int(tag[1]) + " ")
        elif tag in ("b", "strong"):
            self.out.append("**")
        elif tag in ("i", "em"):
            self.out.append("*")
        elif tag == "code" and not self.pre:
            self.out.append("`")
        elif tag == "pre":
            self._newline(2)
            self.out.append("```\n")
            self.pre += 1
        elif tag in ("ul", "ol"):
            self._newline(1 if self.lists else 2)
            self.lists.append([1 if tag == "ol" else 0, 0])
        elif tag == "li":
            self._newline(1)
            indent = "  " * max(0, len(self.lists) - 1)
            if self.lists and self.lists[-1][0] == 1:
                self.lists[-1][1] += 1
                self.out.append(f"{indent}{self.lists[-1][1]}. ")
            else:
                self.out.append(f"{indent}- ")
        elif tag in ("td", "th"):
            self.out.append(" | ")
        elif tag == "a":
            self.href.append(values.get("href"))
            self.out.append("[")
        elif tag in ("img", "audio", "video", "object", "embed"):
            self.media.count += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("b", "strong"):
            self.out.append("**")
        elif tag in ("i", "em"):
            self.out.append("*")
        elif tag == "code" and not self.pre:
            self.out.append("`")
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
            self._newline(1)
            self.out.append("```")
            self._newline(2)
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._newline(2 if not self.lists else 1)
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"):
            self._newline(2)
        elif tag in ("div", "tr"):
            self._newline(1)
        elif tag == "a":
            href = self.href.pop() if self.href else None
            self.out.append(f"]({href})" if href else "]")

    def handle_data(self, data: str) -> None:
        data = data.replace("\xa0", " ")
        if not self.pre:
            data = re.sub(r"[ \t\r\n]+", " ", data)
            if self.out and self.out[-1].endswith("\n"):
                data = data.lstrip(" ")
        self.out.append(data)


def html_to_markdown(value: str, media: Media | None = None) -> str:
    """Convert one Anki field (HTML) to mlprep Markdown; media are counted in `media`."""
    media = media if media is not None else Media()
    sounds = _SOUND.findall(value)
    media.count += len(sounds)
    value = _SOUND.sub("", value)

    def latex(match: re.Match[str]) -> str:
        display, inline, block = match.groups()
        if display is not None:
            return f"$${html.unescape(display)}$$"
        return f"${html.unescape(inline if inline is not None else block)}$"

    formulas: list[str] = []

    def stash(match: re.Match[str]) -> str:
        inline, display = match.groups()
        tex = html.unescape(re.sub(r"<br\s*/?>", " ", inline if inline is not None else display))
        formulas.append(f"${tex.strip()}$" if inline is not None else f"$${tex.strip()}$$")
        return f"MLPREPMATH{len(formulas) - 1}X"

    value = _LATEX.sub(latex, value)
    value = _MATHJAX.sub(stash, value)
    converter = _Converter(media)
    converter.feed(value)
    converter.close()
    text = "".join(converter.out)
    text = re.sub(r"MLPREPMATH(\d+)X", lambda m: formulas[int(m.group(1))], text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def plain_text(value: str) -> str:
    """A field's text with the markup removed, as Anki compares a type-in answer."""
    text = html.unescape(re.sub(r"<[^>]*>", " ", _SOUND.sub("", value)))
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::(?:(?!\}\}).)*)?\}\}", re.S)


def cloze_to_gaps(markdown: str) -> str:
    """Anki `{{c1::answer::hint}}` → mlprep `{{answer}}` (every cloze number becomes a gap)."""
    return _CLOZE.sub(lambda m: "{{" + m.group(1).strip() + "}}", markdown)
