"""Bytes → text: recognise binary files, pick the encoding, refuse what is not text.

Decoding order: BOM (UTF-8, UTF-16, UTF-32) → strict UTF-8 → ``charset_normalizer`` (installed
with trafilatura and requests) → Latin-1 only when the bytes look like Latin-1 prose. A wrong guess
turns a story into mojibake that codes no events, so anything doubtful becomes an error record.
"""

from __future__ import annotations

import codecs

from eventwire.errors import ErrorCode, InputError

#: Leading bytes of common binary formats, with a name for the error message.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip-compressed file"),
    (b"BZh", "bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"(\xb5/\xfd", "zstd-compressed file"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"\x00asm", "WebAssembly module"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Share of control characters above which decoded "text" is really binary data.
MAX_CONTROL_RATIO = 0.02
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0c")
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})


def binary_kind(head: bytes) -> str | None:
    """Name of the binary format ``head`` starts with, or None if it may be text."""
    for magic, name in MAGIC_NUMBERS:
        if head.startswith(magic):
            return name
    if bom_encoding(head) is None and b"\x00" in head:
        return "binary data (NUL bytes)"
    return None


def bom_encoding(head: bytes) -> str | None:
    """Codec named by a byte-order mark at the start of ``head``, if any."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    return controls / len(sample)


def _plausible_latin1(data: bytes) -> bool:
    """Latin-1 prose has few high bytes and no C1 controls (0x80–0x9F are unused in it)."""
    if any(0x80 <= b <= 0x9F for b in data):
        return False
    high = sum(1 for b in data if b >= 0xA0)
    return high <= max(1, len(data) // 10)


def _detect(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) from charset detection, or None when no encoding fits."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # not a declared dependency of ours; fall back to the Latin-1 check
        return (data.decode("latin-1"), "latin-1") if _plausible_latin1(data) else None
    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        return None
    # Short texts tie between Windows code pages (é is the same byte in cp1250 and cp1252);
    # on a tie prefer the Western one, by far the most common legacy encoding of news text.
    for match in matches:
        if (match.encoding in _WESTERN and match.chaos <= best.chaos
                and match.coherence >= best.coherence):
            best = match
            break
    return str(best), best.encoding


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text or raise ``InputError`` (E103 binary, E104 undecodable).

    ``declared`` is a charset named by the container (an HTTP header in a WARC); it is tried
    after BOMs and strict UTF-8 (servers often claim ISO-8859-1 for UTF-8 pages, and valid
    UTF-8 is rarely an accident) and before guessing.
    """
    kind = binary_kind(data[:4096])
    if kind is not None:
        raise InputError(f"{kind}, not text; convert it to text or HTML first",
                         code=ErrorCode.BINARY_CONTENT)
    encoding = bom_encoding(data)
    candidates = [encoding] if encoding else ["utf-8", declared]
    for candidate in candidates:
        if not candidate:
            continue
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        encoding = candidate
        break
    else:
        if bom_encoding(data) is not None:
            raise InputError(f"the text starts with a {encoding} byte-order mark but is not valid "
                             f"{encoding}", code=ErrorCode.UNDECODABLE_TEXT)
        detected = _detect(data)
        if detected is None:
            raise InputError("cannot tell the text's encoding; save it as UTF-8",
                             code=ErrorCode.UNDECODABLE_TEXT)
        text, encoding = detected
    if _control_ratio(text) > MAX_CONTROL_RATIO:
        raise InputError(f"decoded as {encoding} but full of control characters: binary data, "
                         "not text", code=ErrorCode.BINARY_CONTENT)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates would break every later stage
        raise InputError(f"text holds characters that are not valid Unicode ({exc.reason})",
                         code=ErrorCode.UNDECODABLE_TEXT) from exc
    return text
