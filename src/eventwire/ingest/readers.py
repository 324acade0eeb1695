"""``read_inputs``: paths, directories and stdin → a stream of Documents and ErrorRecords.

Inputs are planned first (names only, never contents) so that ids are unique and do not depend
on which other files happen to be read first; then each file is read, one document at a time.
Every input yields at least one item, so ``documents in = documents coded + errored``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from eventwire.config import Config
from eventwire.errors import ErrorCode, InputError
from eventwire.ingest.decode import binary_kind, bom_encoding, decode_bytes
from eventwire.ingest.html import looks_like_html
from eventwire.ingest.records import (
    Item,
    build_document,
    document_from_record,
    resolve_fields,
)
from eventwire.ingest.warc import read_warc
from eventwire.model import ErrorRecord

HEAD_BYTES = 65536  # enough to sniff a format and an encoding
_KINDS: tuple[tuple[str, str], ...] = (  # longest suffixes first
    (".warc.gz", "warc"), (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".warc", "warc"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".csv", "csv"),
    (".tsv", "tsv"), (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".shtml", "html"),
    (".txt", "text"), (".text", "text"), (".md", "text"),
)
STDIN = "-"
#: ``<meta charset="…">`` or ``<meta http-equiv… content="text/html; charset=…">`` of a saved page.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})",
                           re.IGNORECASE)


@dataclass(frozen=True)
class _Input:
    """One file to read. ``relative`` is its path below the input it was found in."""

    path: Path | None  # None = stdin
    shown: str  # the path as the user gave it (posix), used in messages and Document.source
    relative: str


def _kind_and_stem(name: str) -> tuple[str, str]:
    lower = name.lower()
    for suffix, kind in _KINDS:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return kind, name[: -len(suffix)]
    stem, dot, _ = name.rpartition(".")
    return "unknown", stem if dot and stem else name


def _without_suffix(path: str) -> str:
    head, _, name = path.rpartition("/")
    stem = _kind_and_stem(name)[1]
    return f"{head}/{stem}" if head else stem


def _visible_files(root: Path, problems: list[OSError]) -> list[Path]:
    """Files under ``root``, skipping hidden names; symlinked directories are not followed.
    Folders that cannot be listed are added to ``problems`` (os.walk would skip them silently)."""
    found = []
    for folder, dirs, files in os.walk(root, onerror=problems.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder, f) for f in files if not f.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _plan(inputs: Iterable[str | os.PathLike[str]]) -> list[_Input | ErrorRecord]:
    """Expand inputs to files; a file reached twice (``dir dir/*.txt``) is read once."""
    planned: list[_Input | ErrorRecord] = []
    seen: set[str] = set()
    for given in inputs:
        arg = os.fspath(given)  # Path objects are welcome too
        problems: list[OSError] = []
        path = Path(arg)
        if arg == STDIN:
            found = [_Input(None, STDIN, "stdin")]
        elif path.is_dir():
            found = [_Input(f, f.as_posix(), f.relative_to(path).as_posix())
                     for f in _visible_files(path, problems)]
        elif os.path.lexists(path):
            found = [_Input(path, path.as_posix(), path.name)]
        else:
            found = []
            problems.append(FileNotFoundError(2, "no such file or directory", arg))
        planned.extend(
            ErrorRecord(str(p.filename or arg), ErrorCode.INPUT_NOT_FOUND.value,
                        f"cannot read {p.filename or arg}: {p.strerror or p}", arg)
            for p in problems)
        for item in found:
            identity = STDIN if item.path is None else os.path.realpath(item.path)
            if identity not in seen:
                seen.add(identity)
                planned.append(item)
    return planned


def _assign_keys(items: list[_Input]) -> list[str]:
    """A unique id stem per input: the file name without extension, widened to its relative
    path, then the path as given, then the full name, only for names that would collide."""
    levels: tuple[Callable[[_Input], str], ...] = (
        lambda i: "stdin" if i.path is None else _kind_and_stem(Path(i.relative).name)[1],
        lambda i: _without_suffix(i.relative),
        lambda i: _without_suffix(i.shown),
        lambda i: i.shown,
    )
    keys: dict[int, str] = {}
    pending = list(range(len(items)))
    for level in levels:
        candidates = {index: level(items[index]) for index in pending}
        counts = Counter(candidates.values())
        taken = set(keys.values())
        for index, key in candidates.items():
            if counts[key] == 1 and key not in taken:
                keys[index] = key
        pending = [index for index in pending if index not in keys]
    for number, index in enumerate(pending, start=1):  # same path given twice
        keys[index] = f"{items[index].shown}#{number}"
    return [keys[index] for index in range(len(items))]


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]], config: Config | None = None,
) -> Iterator[Item]:
    """Read files, directories (recursively, sorted) and ``-`` (stdin) lazily.

    Yields a ``Document`` per story and an ``ErrorRecord`` for anything that could not be read;
    an E108 (bad date) warning record comes just before a Document that is still to be coded.
    """
    config = config or Config()
    planned = _plan(inputs)
    keys = iter(_assign_keys([item for item in planned if isinstance(item, _Input)]))
    for item in planned:
        if isinstance(item, ErrorRecord):
            yield item
        else:
            yield from _read_input(item, next(keys), config)


class _Prefixed(io.RawIOBase):
    """A stream that replays the sniffed head before the rest, so pipes need no seeking."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _read_input(item: _Input, key: str, config: Config) -> Iterator[Item]:
    if item.path is None:
        yield from _read_stdin(key, config)
        return
    try:
        handle = item.path.open("rb")
        size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        yield ErrorRecord(key, ErrorCode.INPUT_NOT_FOUND.value,
                          f"cannot open {item.shown}: {exc.strerror or exc}", item.shown)
        return
    with handle:
        kind = _kind_and_stem(item.path.name)[0]
        yield from _read_stream(handle, kind, key, item.shown, config, size or None)


def _read_stdin(key: str, config: Config) -> Iterator[Item]:
    if sys.stdin is None:  # e.g. a daemon started without standard input
        yield ErrorRecord(key, ErrorCode.INPUT_NOT_FOUND.value, "no standard input", "stdin")
        return
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stand-in (StringIO): re-encode what it holds
        stream = io.BytesIO(sys.stdin.read(config.max_input_bytes + 1).encode("utf-8"))
    yield from _read_stream(stream, "unknown", key, "stdin", config, None)


def _sniff_kind(kind: str, head: bytes) -> tuple[str, InputError | None]:
    """Refine the kind from the content: WARC and gzip by magic bytes, JSONL by its first line."""
    content = head
    if head.startswith(b"\x1f\x8b"):
        try:
            content = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            content = b""
    if content.startswith(b"WARC/"):
        return "warc", None
    if kind == "warc":
        return kind, InputError("not a WARC file (it does not start with a WARC/1.x header); "
                                "ARC and other archive formats are not read",
                                code=ErrorCode.MALFORMED_RECORD)
    if head.startswith(b"\x1f\x8b"):
        if kind == "jsonl":
            return kind, None
        return kind, InputError("gzip-compressed file that is not a WARC or JSONL; decompress "
                                "it first", code=ErrorCode.BINARY_CONTENT)
    kind_name = binary_kind(head)
    if kind_name is not None:
        return kind, InputError(f"{kind_name}, not text; convert it to text or HTML first",
                                code=ErrorCode.BINARY_CONTENT)
    if kind == "unknown":
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
        try:
            if first.startswith(b"{") and isinstance(json.loads(first), dict):
                return "jsonl", None
        except (ValueError, RecursionError):
            pass  # not JSON: it is read as text or HTML below
    return kind, None


def _read_stream(stream: BinaryIO, kind: str, key: str, source: str, config: Config,
                 size: int | None) -> Iterator[Item]:
    try:
        yield from _dispatch(stream, kind, key, source, config, size)
    except (OSError, EOFError, zlib.error) as exc:  # disk errors, truncated .jsonl.gz
        yield ErrorRecord(key, ErrorCode.MALFORMED_RECORD.value,
                          f"reading stopped: {exc}; records before it were read", source)


def _dispatch(stream: BinaryIO, kind: str, key: str, source: str, config: Config,
              size: int | None) -> Iterator[Item]:
    head = stream.read(HEAD_BYTES)
    kind, problem = _sniff_kind(kind, head)
    if problem is not None:
        yield ErrorRecord(key, problem.code.value, problem.message, source)
        return
    whole: BinaryIO = io.BufferedReader(_Prefixed(head, stream))
    if kind == "warc":
        yield from read_warc(whole, key, source, config)
    elif kind == "jsonl":
        if head.startswith(b"\x1f\x8b"):
            whole = gzip.GzipFile(fileobj=whole)  # type: ignore[assignment]
        yield from _read_jsonl(whole, key, source, config)
    elif kind in ("csv", "tsv"):
        yield from _read_csv(whole, head, key, source, config, "\t" if kind == "tsv" else ",")
    else:
        yield from _read_single(whole, kind, key, source, config, size)


def _read_single(stream: BinaryIO, kind: str, key: str, source: str, config: Config,
                 size: int | None) -> Iterator[Item]:
    """A file holding one document (text or HTML), or a JSON file holding records."""
    limit = config.max_input_bytes
    if size is not None and size > limit:  # checked before reading: huge files stay unread
        yield ErrorRecord(key, ErrorCode.DOCUMENT_TOO_LARGE.value,
                          f"{size:,} bytes; the limit is max_input_bytes={limit:,}", source)
        return
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield ErrorRecord(key, ErrorCode.DOCUMENT_TOO_LARGE.value,
                          f"more than max_input_bytes={limit:,} bytes", source)
        return
    charset = _META_CHARSET.search(data[:HEAD_BYTES])
    try:
        text = decode_bytes(data, declared=charset.group(1).decode("ascii") if charset else None)
    except InputError as exc:
        yield ErrorRecord(key, exc.code.value, exc.message, source)
        return
    if kind == "json":
        yield from _read_json(text, key, source, config)
        return
    is_html = kind == "html" or looks_like_html(text)
    yield from build_document(id=key, config=config, text=None if is_html else text,
                              html=text if is_html else None, source=source)


def _read_json(text: str, key: str, source: str, config: Config) -> Iterator[Item]:
    """A ``.json`` file: one record object, or an array of them."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield ErrorRecord(key, ErrorCode.MALFORMED_RECORD.value, f"invalid JSON: {exc}", source)
        return
    if isinstance(data, dict):
        yield from document_from_record(data, fallback_id=key, source=source, config=config)
    elif isinstance(data, list) and data:
        for number, record in enumerate(data, start=1):
            yield from document_from_record(record, fallback_id=f"{key}:{number}",
                                            source=f"{source}:{number}", config=config)
    else:
        yield ErrorRecord(key, ErrorCode.MALFORMED_RECORD.value,
                          "a .json file must hold one object or a non-empty array of objects",
                          source)


def _skip_line(stream: BinaryIO) -> None:
    """Discard the rest of an over-long line without holding it in memory."""
    while True:
        chunk = stream.readline(HEAD_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def _read_jsonl(stream: BinaryIO, key: str, source: str, config: Config) -> Iterator[Item]:
    """JSON Lines, one record per line; blank lines are skipped, bad lines reported alone."""
    limit = config.max_input_bytes
    records = 0
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        line_id, where = f"{key}:{number}", f"{source}:{number}"
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_line(stream)
            records += 1
            yield ErrorRecord(line_id, ErrorCode.DOCUMENT_TOO_LARGE.value,
                              f"line over max_input_bytes={limit:,}", where)
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        records += 1
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield ErrorRecord(line_id, ErrorCode.UNDECODABLE_TEXT.value,
                              f"line {number} is not UTF-8 ({exc.reason}); JSONL must be UTF-8",
                              where)
            continue
        except json.JSONDecodeError as exc:
            yield ErrorRecord(line_id, ErrorCode.MALFORMED_RECORD.value,
                              f"line {number} is not valid JSON: {exc.msg} (column {exc.colno})",
                              where)
            continue
        except RecursionError:
            yield ErrorRecord(line_id, ErrorCode.MALFORMED_RECORD.value,
                              f"line {number} is JSON nested too deeply to read", where)
            continue
        yield from document_from_record(record, fallback_id=line_id, source=where,
                                        config=config)
    if records == 0:
        yield ErrorRecord(key, ErrorCode.EMPTY_DOCUMENT.value, "no records in the file", source)


def _text_encoding(head: bytes) -> str:
    """Encoding for a streamed text file, judged from its head (CSV files are not read whole)."""
    bom = bom_encoding(head)
    if bom is not None:
        return bom
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut by the end of the head
            return "utf-8"
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return "latin-1"
    best = from_bytes(head).best()
    return best.encoding if best is not None and best.encoding else "utf-8"


def _read_csv(stream: BinaryIO, head: bytes, key: str, source: str, config: Config,
              delimiter: str) -> Iterator[Item]:
    """CSV/TSV with a header row; columns as in JSONL. Rows are numbered from 1."""
    text = io.TextIOWrapper(stream, encoding=_text_encoding(head), newline="")
    reader = csv.DictReader(text, delimiter=delimiter)
    try:
        columns = reader.fieldnames
    except (csv.Error, UnicodeDecodeError) as exc:
        yield ErrorRecord(key, ErrorCode.MALFORMED_RECORD.value, f"unreadable header: {exc}",
                          source)
        return
    if not columns:
        yield ErrorRecord(key, ErrorCode.EMPTY_DOCUMENT.value, "empty CSV file", source)
        return
    fields = resolve_fields(columns)
    if "text" not in fields and "html" not in fields:
        yield ErrorRecord(key, ErrorCode.MALFORMED_RECORD.value,
                          f"no text column (found: {', '.join(map(str, columns))}); add a "
                          "'text' or 'html' column", source)
        return
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except UnicodeDecodeError as exc:
            yield ErrorRecord(f"{key}:{number + 1}", ErrorCode.UNDECODABLE_TEXT.value,
                              f"undecodable bytes after row {number}; the rest of the file is "
                              f"skipped ({exc.reason})", source)
            return
        except csv.Error as exc:
            number += 1
            code = (ErrorCode.DOCUMENT_TOO_LARGE if "field larger" in str(exc)
                    else ErrorCode.MALFORMED_RECORD)
            yield ErrorRecord(f"{key}:{number}", code.value, f"row {number}: {exc}",
                              f"{source}:{number}")
            continue
        number += 1
        yield from document_from_record(row, fallback_id=f"{key}:{number}",
                                        source=f"{source}:{number}", config=config,
                                        fields=fields)
    if number == 0:
        yield ErrorRecord(key, ErrorCode.EMPTY_DOCUMENT.value, "a header but no rows", source)
