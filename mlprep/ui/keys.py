"""Reading the user's answers: single keys on a terminal, one line per answer from a pipe.

`TerminalInput` reads a key without Enter (cbreak mode) for reveal and grade
prompts and a full line (with editing and CJK input) for typed answers.
`LineInput` serves scripts: every prompt consumes one line; end of input
ends the session cleanly.
"""

from __future__ import annotations

import os
import sys
from typing import Protocol, TextIO


class EndOfInput(Exception):
    """Standard input is exhausted (a script ran out of answers, or Ctrl-D)."""


class InputSource(Protocol):
    interactive: bool

    def key(self) -> str:
        """One keypress ('\\n' for Enter)."""
        ...

    def line(self, prompt: str) -> str:
        """One line of text, without the newline."""
        ...


class LineInput:
    """Answers from a pipe or file: one line per prompt."""

    interactive = False

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdin

    def _read(self) -> str:
        text = self.stream.readline()
        if text == "":
            raise EndOfInput
        return undo_surrogates(text.rstrip("\r\n"))

    def key(self) -> str:
        """The whole trimmed line (a word like `good` is understood by the asker), Enter if empty."""
        text = self._read().strip()
        return text or "\n"

    def line(self, prompt: str) -> str:
        return self._read()


class TerminalInput:
    """A real terminal: cbreak single keys, cooked lines."""

    interactive = True

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdin
        self.fd = self.stream.fileno()
        _let_ctrl_c_quit()

    def key(self) -> str:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            char = str(msvcrt.getwch())
            return "\n" if char in "\r\n" else char
        import termios
        import tty

        saved = termios.tcgetattr(self.fd)
        try:
            # TCSANOW, not the default TCSAFLUSH: a key typed before the prompt was ready
            # (a fast typist, a pasted answer) is read, not thrown away.
            # ISIG stays on: Ctrl-C still raises KeyboardInterrupt.
            tty.setcbreak(self.fd, termios.TCSANOW)
            data = os.read(self.fd, 1)
            if not data:
                raise EndOfInput
            first = data[0]
            extra = 1 if first >= 0xC0 else 0
            extra += 1 if first >= 0xE0 else 0
            extra += 1 if first >= 0xF0 else 0
            for _ in range(extra):
                data += os.read(self.fd, 1)
            if data == b"\x1b":  # swallow the rest of an escape sequence (arrow keys)
                _drain(self.fd)
                return ""
        finally:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, saved)
        if data == b"\x04":
            raise EndOfInput
        char = data.decode("utf-8", errors="replace")
        return "\n" if char in "\r\n" else char

    def line(self, prompt: str) -> str:
        from mlprep.ui.console import safe_stream

        try:
            return undo_surrogates(input(getattr(safe_stream(sys.stdout), "degrade", str)(prompt)))
        except EOFError:
            raise EndOfInput from None


def undo_surrogates(text: str) -> str:
    """Text read under an ASCII locale (LC_ALL=C) keeps undecodable bytes as surrogates, which
    neither SQLite nor JSON accept: read them as the UTF-8 a terminal sends, '?' if they are not."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text


def _drain(fd: int) -> None:
    import select

    while select.select([fd], [], [], 0.01)[0]:
        if not os.read(fd, 16):
            break


def _let_ctrl_c_quit() -> None:
    """Ctrl-C quits an interactive session cleanly, even when mlprep was started with SIGINT
    ignored (a background job of a non-interactive shell, some launchers): Python keeps an
    inherited ignore, and the prompts would never end."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def input_for(stream: TextIO | None = None) -> InputSource:
    """Terminal input when stdin is a TTY, line input otherwise."""
    stream = stream or sys.stdin
    try:
        is_tty = stream.isatty()
    except (AttributeError, ValueError):
        is_tty = False
    return TerminalInput(stream) if is_tty else LineInput(stream)
