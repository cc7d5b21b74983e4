"""Text inputs' encodings: UTF-8 (with or without BOM) and Windows-1252 (what French Excel saves as "CSV
(séparateur : point-virgule)"); for anything else, where the first byte that cannot be read is, and what to do."""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from typing import Any, BinaryIO

from ..errors import UsageError
from ..messages import message

# The `charset` names a caller may give, and the codec each is read with. ISO-8859-1 is read as Windows-1252,
# its superset for every printable character (as browsers do).
CHARSETS = {
    "utf-8": "utf-8", "utf8": "utf-8", "us-ascii": "utf-8",
    "windows-1252": "cp1252", "cp1252": "cp1252", "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
}  # fmt: skip
ENCODINGS = ("utf-8", "windows-1252")  # as the command line's --encoding names them
NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252"}
SCAN_BLOCK = 1024 * 1024


def codec_of(charset: str | None) -> str | None:
    """The codec for a `charset` parameter (None: not one we read); no parameter is UTF-8."""
    return "utf-8" if charset is None else CHARSETS.get(charset.strip().strip('"').lower())


def bom_wanted(head: bytes, codec: str) -> bool:
    """Whether a text answer starts with a BOM, from the input's first bytes: a UTF-8 BOM given is a BOM returned;
    a Windows-1252 input gets a UTF-8 answer with one, which Excel reads."""
    return head.startswith(codecs.BOM_UTF8) or codec != "utf-8"


def text_stream(binary: BinaryIO, codec: str) -> io.TextIOWrapper:
    """The lines of a binary stream as `newline=""` files give them (`\r\n`, `\n` or `\r` kept), decoded a few
    kilobytes at a time, a UTF-8 BOM dropped."""
    return io.TextIOWrapper(binary, encoding="utf-8-sig" if codec == "utf-8" else codec, newline="")


class UndecodableInput(UsageError):
    """The input is not in the encoding it was read with (HTTP answers 400)."""


class UnsupportedCharset(UsageError):
    """A `charset` the batch does not read (HTTP answers 415)."""

    def __init__(self, charset: str, lang: str):
        text = message(lang, "bad_charset", charset=charset)
        super().__init__(text, {"Content-Type": {"message": text, "allowed": ["utf-8", "windows-1252"]}})


@dataclass(frozen=True, slots=True)
class Undecodable:
    """Where a text stops being readable in its encoding: line and byte in the line (from 1), the byte."""

    codec: str
    line: int | None = None  # None: unknown (standard input, already read)
    column: int | None = None
    byte: int | None = None

    def error(self, lang: str) -> UndecodableInput:
        name = NAMES.get(self.codec, self.codec)
        if self.line is None:
            text = message(lang, "not_decodable_somewhere", encoding=name)
            return UndecodableInput(text, {"body": {"message": text, "encoding": name}})
        text = message(lang, "not_decodable", encoding=name, line=self.line, column=self.column, byte=self.byte)
        detail = {"message": text, "encoding": name, "line": self.line, "column": self.column}
        return UndecodableInput(text, {"body": {**detail, "byte": f"0x{self.byte:02X}"}})


def locate_in_bytes(data: bytes, codec: str) -> Undecodable:
    """The first byte of `data` that `codec` cannot read (`data` must hold one)."""
    try:
        data.decode(codec)
    except UnicodeDecodeError as error:
        return _located(data, error.start, codec)
    raise ValueError("the data decode")


class LineKeeper(io.BufferedIOBase):
    """A stream that cannot be read again (standard input), read through it: it keeps the bytes read since the
    start of the line the latest read began in (a line break is a character boundary in every encoding read
    here), so that the byte a decoder stopped at can still be placed — line and place in the line. Bounded: past
    `limit` bytes kept (one enormous line), the place is not kept, only the hint is given."""

    def __init__(self, raw: Any, limit: int = SCAN_BLOCK):
        self.raw = raw
        self.limit = limit
        self.lines_before = 0  # line breaks before the kept bytes
        self.kept: bytearray | None = bytearray()

    def readable(self) -> bool:
        return True

    def peek(self, size: int = 0) -> bytes:
        return self.raw.peek(size)

    def read(self, size: int | None = -1) -> bytes:
        return self._keep(self.raw.read(size))

    def read1(self, size: int = -1) -> bytes:
        return self._keep(self.raw.read1(size))

    def close(self) -> None:
        self.raw.close()
        super().close()

    def _keep(self, data: bytes) -> bytes:
        kept = self.kept
        if kept is not None:
            cut = kept.rfind(b"\n") + 1  # what came before the line the new bytes continue is no longer needed
            self.lines_before += kept.count(b"\n", 0, cut)
            del kept[:cut]
            if len(kept) + len(data) > self.limit:
                self.kept = None
            else:
                kept += data
        return data

    def locate(self, codec: str) -> Undecodable:
        if not self.kept:
            return Undecodable(codec)
        try:
            found = locate_in_bytes(bytes(self.kept), codec)
        except ValueError:
            return Undecodable(codec)
        return Undecodable(codec, self.lines_before + (found.line or 1), found.column, found.byte)


def locate_in_file(binary: Any, codec: str) -> Undecodable:
    """The same for a file, read again from its start one block at a time; unknown when it cannot be re-read
    (standard input: placed by its `LineKeeper` instead)."""
    if isinstance(binary, LineKeeper):
        return binary.locate(codec)
    try:
        binary.seek(0)
    except (OSError, ValueError):
        return Undecodable(codec)
    decoder = codecs.getincrementaldecoder(codec)()
    lines, line_start, offset = 1, 0, 0
    while True:
        block = binary.read(SCAN_BLOCK)
        try:
            decoder.decode(block, final=not block)
        except UnicodeDecodeError as error:
            # The decoder was given the bytes it held back from the previous block, then this block.
            position = offset - (len(error.object) - len(block)) + error.start
            within = max(position - offset, 0)
            newlines = block.count(b"\n", 0, within)
            if newlines:
                line_start = offset + block.rfind(b"\n", 0, within) + 1
            return Undecodable(codec, lines + newlines, position - line_start + 1, error.object[error.start])
        if not block:
            return Undecodable(codec)
        newlines = block.count(b"\n")
        if newlines:
            lines += newlines
            line_start = offset + block.rfind(b"\n") + 1
        offset += len(block)


def _located(data: bytes, start: int, codec: str) -> Undecodable:
    line_start = data.rfind(b"\n", 0, start) + 1
    return Undecodable(codec, data.count(b"\n", 0, start) + 1, start - line_start + 1, data[start])
