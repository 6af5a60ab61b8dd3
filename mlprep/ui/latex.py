"""LaTeX math in card text, shown as readable Unicode in the terminal (√dₖ, QKᵀ, Σ, subscripts).

`unicodeit` maps symbols, Greek letters and simple sub/superscripts; this
module first rewrites the structures it leaves alone (\\frac, \\sqrt{...},
\\mathrm{...}). A formula that still holds a command after that is shown as
its LaTeX source, so nothing is ever silently garbled. Code blocks and inline
code are left untouched.
"""

from __future__ import annotations

import re
import unicodedata

import unicodeit
import unicodeit.data

_FENCE = re.compile(r"(```.*?```|`[^`\n]*`)", re.DOTALL)
_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.DOTALL)
_PLAIN_WRAPPERS = (
    "mathrm",
    "text",
    "operatorname",
    "mathbf",
    "mathit",
    "textbf",
    "boldsymbol",
    "mathsf",
    "texttt",
)
_FUNCTIONS = {
    "log",
    "ln",
    "exp",
    "max",
    "min",
    "sin",
    "cos",
    "tan",
    "tanh",
    "sigma",
    "arg",
    "argmax",
    "argmin",
    "lim",
    "det",
    "dim",
    "Pr",
    "sup",
    "inf",
    "sgn",
    "softmax",
}
_KNOWN = {name[1:] for name, _ in unicodeit.data.REPLACEMENTS if name.startswith("\\")} | {
    name[1:] for name, _ in unicodeit.data.COMBININGMARKS if name.startswith("\\")
}
_SIMPLE_COMMANDS = {
    "lVert": "‖",
    "rVert": "‖",
    "Vert": "‖",
    "lvert": "|",
    "rvert": "|",
    "mid": "|",
    "dots": "…",
    "ldots": "…",
    "cdots": "⋯",
    "quad": "  ",
    "qquad": "    ",
    # literal characters, as placeholders that survive unicodeit and the brace clean-up
    "{": "\x01",
    "}": "\x02",
    "_": "\x03",
}
_ACCENTS = {"bar", "hat", "tilde", "vec", "dot", "ddot", "check", "breve", "acute", "grave"}
_LETTER_STYLES = {name: char for name, char in unicodeit.data.REPLACEMENTS if "{" in name}
_SUPERSCRIPTS = dict(
    zip(
        "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
        strict=True,
    )
)
_SUBSCRIPTS = dict(
    zip("0123456789+-−=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True)
)
_OPERATORS = set(" +-−*/⋅·=<>≤≥,")


def _group(tex: str, start: int) -> tuple[str, int] | None:
    """The balanced {...} group starting at `start`: (content, index after it)."""
    if start >= len(tex) or tex[start] != "{":
        return None
    depth = 0
    for index in range(start, len(tex)):
        if tex[index] == "{":
            depth += 1
        elif tex[index] == "}":
            depth -= 1
            if depth == 0:
                return tex[start + 1 : index], index + 1
    return None


def _wrap(text: str) -> str:
    """Parenthesise a converted piece unless it is one token (dₖ, QKᵀ, 2)."""
    return f"({text})" if _OPERATORS & set(text.strip()) else text.strip()


class _Unconvertible(Exception):
    pass


def _rewrite(tex: str) -> str:
    """Replace \\frac, \\sqrt and text wrappers by converted text, innermost first."""
    out: list[str] = []
    index = 0
    while index < len(tex):
        if tex[index] in "_^":
            script, index = _script(tex, index)
            out.append(script)
            continue
        match = re.match(r"\\([A-Za-z]+|[{}_])", tex[index:])
        if not match:
            out.append(tex[index])
            index += 1
            continue
        name, after = match.group(1), index + match.end()
        if name in _PLAIN_WRAPPERS and (group := _group(tex, after)):
            out.append(_convert(group[0]))
            index = group[1]
        elif (
            name in ("frac", "dfrac", "tfrac")
            and (top := _group(tex, after))
            and (bottom := _group(tex, top[1]))
        ):
            out.append(f"{_wrap(_convert(top[0]))}/{_wrap(_convert(bottom[0]))}")
            index = bottom[1]
        elif name == "sqrt" and (group := _group(tex, after)):
            out.append("√" + _wrap(_convert(group[0])))
            index = group[1]
        elif name in ("mathbb", "mathcal", "mathfrak", "mathscr") and (group := _group(tex, after)):
            styled = _LETTER_STYLES.get(f"\\{name}{{{group[0].strip()}}}")
            out.append(styled if styled else _convert(group[0]))
            index = group[1]
        elif name in ("left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "limits"):
            index = after
        elif name in _ACCENTS and _group(tex, after) is None:
            # \bar\alpha or \tilde c: give the accent its argument in braces, as unicodeit expects
            rest = tex[after:].lstrip()
            token = re.match(r"\\[A-Za-z]+|.", rest)
            argument = token.group(0) if token else ""
            out.append(f"\\{name}{{{_convert(argument)}}}")
            index = len(tex) - len(rest) + len(argument)
        elif name in _SIMPLE_COMMANDS:
            out.append(_SIMPLE_COMMANDS[name])
            index = after
        elif name == "binom" and (top := _group(tex, after)) and (bottom := _group(tex, top[1])):
            out.append(f"C({_convert(top[0])}, {_convert(bottom[0])})")
            index = bottom[1]
        elif name in _FUNCTIONS:
            out.append(name)
            index = after
        elif name in _KNOWN:
            out.append(match.group(0))
            index = after
        else:
            raise _Unconvertible(name)
    return "".join(out)


def _script(tex: str, index: int) -> tuple[str, int]:
    """A sub- or superscript at `index`: Unicode when every character has one, else _x / ^(x)."""
    marker, start = tex[index], index + 1
    while start < len(tex) and tex[start] == " ":
        start += 1
    group = _group(tex, start)
    if group is not None:
        raw, end = group
    else:
        command = re.match(r"\\[A-Za-z]+", tex[start:])
        raw = command.group(0) if command else tex[start : start + 1]
        end = start + len(raw)
    content = _convert(raw).strip()
    table = _SUPERSCRIPTS if marker == "^" else _SUBSCRIPTS
    if content and all(char in table for char in content):
        return "".join(table[char] for char in content), end
    if content in ("T", "⊤") and marker == "^":  # QK^T and QK^\top: the transpose
        return "ᵀ", end
    simple = content.replace("_", "").isalnum() and len(content) >= 1
    # \x03 / \x04 stand for a literal _ / ^ until unicodeit has run (it would re-read them)
    if marker == "_":
        return (f"\x03{content}" if simple else f"\x03({content})"), end
    return (f"\x04{content}" if len(content) == 1 else f"\x04({content})"), end


def _convert(tex: str) -> str:
    text = str(unicodeit.replace(_rewrite(tex.strip())))
    text = text.replace("\\,", " ").replace("\\;", " ").replace("\\ ", " ").replace("\\!", "")
    if "\\" in text:
        raise _Unconvertible(text)
    return text.replace("{", "").replace("}", "")


def _restore(text: str) -> str:
    """Placeholders for literal characters become themselves, once every pass is done."""
    return text.replace("\x01", "{").replace("\x02", "}").replace("\x03", "_").replace("\x04", "^")


def to_unicode(tex: str) -> str | None:
    """Unicode for a formula, or None when some part cannot be converted."""
    try:
        return unicodedata.normalize("NFC", _restore(_convert(tex)))
    except _Unconvertible:
        return None


def render_math(markdown: str) -> str:
    """Convert every $...$ and $$...$$ outside code; keep the source where conversion fails."""

    def convert(match: re.Match[str]) -> str:
        tex = match.group(1) or match.group(2)
        converted = to_unicode(tex)
        if converted is None:
            return match.group(0)
        return f"\n\n{converted}\n\n" if match.group(1) is not None else converted

    parts = _FENCE.split(markdown)
    return "".join(
        part if index % 2 else _MATH.sub(convert, part) for index, part in enumerate(parts)
    )
