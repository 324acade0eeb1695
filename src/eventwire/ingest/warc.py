"""WARC / WARC.gz (web archives) → one Document per HTML or plain-text response, via warcio.

Response and resource records carry pages; ``warcinfo``, ``request``, ``metadata`` and
``revisit`` records describe the crawl, not stories, so they are passed over without a record.
A response that is not HTML or text (images, PDFs, scripts) or is an HTTP error page gets an E107
record so every page in the archive is accounted for.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from eventwire.config import Config
from eventwire.errors import ErrorCode, InputError
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.records import Item, build_document
from eventwire.model import ErrorRecord

_PAGE_RECORDS = frozenset({"response", "resource"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})


def _content_type(record) -> tuple[str, str | None]:
    """(media type, charset) from the HTTP headers of a response, or the WARC header."""
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.lower() == "charset" and val:
            charset = val.strip("\"' ")
    return media.strip().lower(), charset


def read_warc(stream: BinaryIO, key: str, source: str, config: Config) -> Iterator[Item]:
    """Documents from a (possibly gzipped) WARC stream; ``key`` names the file in messages."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type not in _PAGE_RECORDS:
                continue
            pages += 1
            record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<> ")
            url = record.rec_headers.get_header("WARC-Target-URI") or None
            document_id = record_id or url or f"{key}:{number}"
            where = f"{source}#{record_id or number}"
            yield from _read_page(record, document_id, url, where, config)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield ErrorRecord(key, ErrorCode.MALFORMED_RECORD.value,
                          f"unreadable WARC after {number} records ({exc}); the records before "
                          "were read", source)
        return
    if pages == 0:
        yield ErrorRecord(key, ErrorCode.NO_TEXT_EXTRACTED.value,
                          "the WARC holds no response or resource records", source)


def _read_page(record, document_id: str, url: str | None, where: str,
               config: Config) -> Iterator[Item]:
    status = record.http_headers.get_statuscode() if record.http_headers is not None else None
    media, charset = _content_type(record)
    if status and status.isdigit() and int(status) >= 400:
        yield ErrorRecord(document_id, ErrorCode.UNSUPPORTED_FORMAT.value,
                          f"HTTP {status} error page, not a story", where)
        return
    if media not in _HTML_TYPES and media not in _TEXT_TYPES:
        yield ErrorRecord(document_id, ErrorCode.UNSUPPORTED_FORMAT.value,
                          f"content type {media or 'unknown'!r}; only HTML and plain-text "
                          "records are read", where)
        return
    body = record.content_stream().read(config.max_input_bytes + 1)
    if len(body) > config.max_input_bytes:
        yield ErrorRecord(document_id, ErrorCode.DOCUMENT_TOO_LARGE.value,
                          f"record body over max_input_bytes={config.max_input_bytes:,}", where)
        return
    try:
        text = decode_bytes(body, declared=charset)
    except InputError as exc:
        yield ErrorRecord(document_id, exc.code.value, exc.message, where)
        return
    is_html = media in _HTML_TYPES
    yield from build_document(id=document_id, config=config, text=None if is_html else text,
                              html=text if is_html else None, url=url, source=where)
