"""Records (JSONL lines, CSV rows, API dicts) and raw texts → ``Document`` or ``ErrorRecord``.

Every reader ends here, so limits, cleaning and dates are applied the same way whatever the
input format. Functions yield instead of raising: one bad record never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from eventwire.config import Config
from eventwire.errors import ErrorCode, InputError
from eventwire.ingest.clean import clean_field, clean_text
from eventwire.ingest.dates import dateline_date, parse_date_text, parse_published
from eventwire.ingest.html import extract_html
from eventwire.model import Document, ErrorRecord

#: Accepted field names, canonical first. Aliases cover common scraper and dataset exports.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "document_id", "guid", "uuid"),
    "text": ("text", "content", "body", "article", "maintext", "story", "sentence", "snippet"),
    "html": ("html", "raw_html", "content_html"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate",
                  "date_publish", "datetime"),
    "outlet": ("outlet", "publisher", "source_name", "site_name", "sitename"),
}
#: Error codes that accompany a Document instead of replacing it (the document is still coded).
WARNING_CODES: frozenset[str] = frozenset({ErrorCode.INVALID_DATE.value})

Item = Document | ErrorRecord


def resolve_fields(columns: Iterable[str]) -> dict[str, str]:
    """Map canonical field → the column that holds it (first alias present, case-insensitive)."""
    by_lower: dict[str, str] = {}
    for column in columns:
        by_lower.setdefault(str(column).strip().lower(), column)
    found: dict[str, str] = {}
    for canonical, aliases in FIELD_ALIASES.items():
        for alias in aliases:
            if alias in by_lower:
                found[canonical] = by_lower[alias]
                break
    return found


def _error(document_id: str, exc: InputError, source: str | None) -> ErrorRecord:
    return ErrorRecord(document_id=document_id, code=exc.code.value, message=exc.message,
                       source=source)


def build_document(
    *,
    id: str,
    config: Config,
    text: str | None = None,
    html: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: Any = None,
    outlet: str | None = None,
    source: str | None = None,
    today: date | None = None,
) -> Iterator[Item]:
    """One document from its raw parts: extract HTML, clean, check limits, parse the date.

    Yields exactly one ``Document`` or one ``ErrorRecord``; an invalid or future ``published``
    yields an E108 warning record first, then the Document (with ``published=None``).
    """
    raw = text if text is not None and text.strip() else html
    try:
        if raw is None or not raw.strip():
            raise InputError("no text: the document is empty or whitespace only",
                             code=ErrorCode.EMPTY_DOCUMENT)
        if len(raw) > config.max_input_bytes:
            raise InputError(f"{len(raw):,} characters before extraction; the limit is "
                             f"max_input_bytes={config.max_input_bytes:,}",
                             code=ErrorCode.DOCUMENT_TOO_LARGE)
        page_date: date | None = None
        if raw is html:
            page = extract_html(html, url=url)
            title = title or page.title
            url = url or page.url
            outlet = outlet or page.outlet
            page_date = parse_date_text(page.date) if page.date else None
            stored = clean_text(page.text)
            if not stored:
                raise InputError("no readable text found in the HTML (only markup, scripts or "
                                 "navigation)", code=ErrorCode.NO_TEXT_EXTRACTED)
        else:
            stored = clean_text(raw)
            if not stored:
                raise InputError("only page debris (dots, share buttons, empty labels), no text",
                                 code=ErrorCode.EMPTY_DOCUMENT)
        if len(stored) > config.max_document_chars:
            raise InputError(f"{len(stored):,} characters of text; the limit is "
                             f"max_document_chars={config.max_document_chars:,}",
                             code=ErrorCode.DOCUMENT_TOO_LARGE)
    except InputError as exc:
        yield _error(id, exc, source)
        return
    date_problem: InputError | None = None
    try:
        when = parse_published(published, today=today)
    except InputError as exc:
        when, date_problem = None, exc
    if when is None and date_problem is None:
        when = page_date or dateline_date(stored, today=today)
    if date_problem is not None:
        # Before the Document, so a consumer that batches documents (nlp.pipe) has already seen
        # the warning when the document's result comes out.
        yield _error(id, date_problem, source)
    yield Document(id=id, text=stored, title=clean_field(title), url=clean_field(url),
                   published=when, outlet=clean_field(outlet), source=source)


def document_from_text(
    text: str,
    id: str = "text",
    published: str | date | datetime | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    source: str | None = None,
    config: Config | None = None,
) -> Document:
    """A cleaned ``Document`` from a string (HTML is detected and extracted).

    For direct library calls, so problems raise ``InputError`` with their code (E102, E106,
    E108, E109) instead of becoming error records.
    """
    from eventwire.ingest.html import looks_like_html

    is_html = looks_like_html(text)
    items = list(build_document(
        id=id, config=config or Config(), text=None if is_html else text,
        html=text if is_html else None, title=title, url=url, published=published,
        outlet=outlet, source=source))
    for item in items:
        if isinstance(item, ErrorRecord):
            raise InputError(item.message, code=ErrorCode(item.code))
    document = items[-1]
    assert isinstance(document, Document)
    return document


def document_from_record(
    record: Any, *, fallback_id: str, source: str | None, config: Config,
    fields: Mapping[str, str] | None = None,
) -> Iterator[Item]:
    """One mapping (JSON object, CSV row) → Document/ErrorRecord; ``fields`` from
    ``resolve_fields`` may be passed when all records share columns (CSV)."""
    if not isinstance(record, Mapping):
        yield ErrorRecord(fallback_id, ErrorCode.MALFORMED_RECORD.value,
                          f"expected a JSON object, got {type(record).__name__}", source)
        return
    names = fields if fields is not None else resolve_fields(record.keys())
    values = {canonical: record.get(column) for canonical, column in names.items()}
    document_id = clean_field(values.get("id")) or fallback_id
    text, html = values.get("text"), values.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            yield ErrorRecord(document_id, ErrorCode.MALFORMED_RECORD.value,
                              f"field {names[name]!r} must be a string, got "
                              f"{type(value).__name__}", source)
            return
    if "text" not in names and "html" not in names:
        yield ErrorRecord(document_id, ErrorCode.MALFORMED_RECORD.value,
                          "no text field: give 'text' (or 'html'); also accepted: "
                          + ", ".join(FIELD_ALIASES["text"][1:] + FIELD_ALIASES["html"][1:]),
                          source)
        return
    yield from build_document(
        id=document_id, config=config, text=text, html=html, title=clean_field(
            values.get("title")), url=clean_field(values.get("url")),
        published=values.get("published"), outlet=clean_field(values.get("outlet")),
        source=source)


def documents_from_records(
    records: Iterable[Mapping[str, Any]], source: str, config: Config | None = None,
) -> Iterator[Item]:
    """Already-parsed dicts (an API body, a DataFrame's rows) → Documents and ErrorRecords.

    A record without an id gets ``<source>:<n>`` (n counts from 1), stable across runs.
    """
    config = config or Config()
    for number, record in enumerate(records, start=1):
        yield from document_from_record(record, fallback_id=f"{source}:{number}",
                                        source=f"{source}:{number}", config=config)
