"""The one path from documents to events: ingest → nlp → code → resolve (places, dates, quotes).

:class:`Pipeline` loads every resource once (spaCy model, lexicon, actor dictionaries, gazetteer,
typer) and then codes any number of documents in a stream. A document that fails becomes an
:class:`~eventwire.model.ErrorRecord`; the batch goes on.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from eventwire.config import Config
from eventwire.errors import ErrorCode, EventwireError, InputError, ProcessingError
from eventwire.model import Document, DocumentResult, ErrorRecord, Event

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from eventwire.coding import CodingResources
    from eventwire.resolve.gazetteer import Gazetteer

InputItem = Document | ErrorRecord | Mapping[str, Any] | str


@dataclass
class Pipeline:
    """Loads resources lazily, once, and codes documents with them."""

    config: Config = field(default_factory=Config)

    @cached_property
    def nlp(self) -> Language:
        from eventwire.nlp import load_model

        return load_model(self.config)

    @cached_property
    def resources(self) -> CodingResources:
        from eventwire.coding import CodingResources

        return CodingResources.load(self.config)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from eventwire.resolve.gazetteer import Gazetteer

        return Gazetteer.open(self.config)

    @cached_property
    def date_resolver(self) -> Any:
        from eventwire.resolve.dates import DateResolver

        return DateResolver()

    def warm_up(self) -> Pipeline:
        """Load everything now (e.g. before forking workers or starting a timer)."""
        _ = (self.nlp, self.resources, self.gazetteer, self.date_resolver)
        return self

    # -- public entry points -------------------------------------------------------------
    def code_text(self, text: str, published: str | date | None = None,
                  document_id: str = "text", **fields: Any) -> list[Event]:
        """Events of one text; raises if the text cannot be coded (empty, too large…)."""
        record = {"id": document_id, "text": text, "published": published, **fields}
        results = list(self.code_documents([record]))
        errors = [e for r in results for e in r.errors if r.document is None]
        if errors:
            code = ErrorCode(errors[0].code)
            kind = InputError if code.value.startswith("E1") else ProcessingError
            raise kind(errors[0].message, code=code)
        return [event for result in results for event in result.events]

    def code_documents(self, items: Iterable[InputItem]) -> Iterator[DocumentResult]:
        """One result per input document, in input order, streaming."""
        from eventwire.ingest import WARNING_CODES
        from eventwire.nlp import parse_with_context

        # Errors are held back until every earlier document is out, so results keep input order.
        pending_errors: deque[tuple[int, DocumentResult]] = deque()
        warnings: dict[str, list[ErrorRecord]] = {}

        def documents() -> Iterator[tuple[str, tuple[int, Document]]]:
            sequence = 0
            for number, item in enumerate(items, start=1):
                for doc_or_error in as_documents(item, number, self.config):
                    sequence += 1
                    if isinstance(doc_or_error, Document):
                        yield doc_or_error.text, (sequence, doc_or_error)
                    elif doc_or_error.code in WARNING_CODES:
                        # e.g. an unparsable date: the document is still coded, the warning
                        # travels with its result
                        warnings.setdefault(doc_or_error.document_id, []).append(doc_or_error)
                    else:
                        pending_errors.append((sequence, _error_result(doc_or_error)))

        for doc, (sequence, document) in parse_with_context(self.nlp, documents(), self.config):
            while pending_errors and pending_errors[0][0] < sequence:
                yield pending_errors.popleft()[1]
            result = self.code_parsed(doc, document)
            extra = warnings.pop(document.id, None)
            if extra:
                result = DocumentResult(result.document, result.events, result.quotes,
                                        tuple(extra) + result.errors)
            yield result
        while pending_errors:
            yield pending_errors.popleft()[1]

    def code_parsed(self, doc: Doc, document: Document) -> DocumentResult:
        """Code one parsed document; any failure becomes an error record for that document."""
        try:
            return self._code_parsed(doc, document)
        except EventwireError as exc:
            return _error_result(ErrorRecord(document.id, exc.code.value, exc.message,
                                             document.source))
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as exc:
            # A bug or an input shape we did not foresee must not stop a 100k-story batch: the
            # document is reported with the exception so it can be fixed, and the batch goes on.
            message = f"internal error while coding: {exc.__class__.__name__}: {exc}"
            return _error_result(ErrorRecord(document.id, ErrorCode.NLP_FAILURE.value, message,
                                             document.source))

    def _code_parsed(self, doc: Doc, document: Document) -> DocumentResult:
        from eventwire.coding import code_document
        from eventwire.resolve.dates import date_events
        from eventwire.resolve.places import locate_events
        from eventwire.resolve.quotes import extract_quotes

        started = time.monotonic()
        warnings: list[ErrorRecord] = []
        long_sentences = sum(1 for s in doc.sents
                             if s.end_char - s.start_char > self.config.max_sentence_chars)
        if long_sentences:
            warnings.append(ErrorRecord(
                document.id, ErrorCode.SENTENCE_TOO_LONG.value,
                f"{long_sentences} sentence(s) longer than {self.config.max_sentence_chars} "
                "characters were not coded (raise max_sentence_chars to code them)",
                document.source))
        events = code_document(doc, document, self.resources, self.config)
        events = locate_events(doc, document, events, self.gazetteer)
        events = date_events(doc, document, events, self.date_resolver)
        events, quotes = extract_quotes(doc, document, events, self.resources.actors)
        elapsed = time.monotonic() - started
        if elapsed > self.config.document_time_budget_s:
            raise ProcessingError(
                f"coding took {elapsed:.1f}s, over the {self.config.document_time_budget_s}s "
                "budget per document (raise document_time_budget_s or split the document)",
                code=ErrorCode.TIME_BUDGET_EXCEEDED)
        return DocumentResult(document=document, events=tuple(events), quotes=tuple(quotes),
                              errors=tuple(warnings))


def _error_result(error: ErrorRecord) -> DocumentResult:
    return DocumentResult(document=None, errors=(error,))


def as_documents(item: InputItem, number: int, config: Config
                  ) -> Iterable[Document | ErrorRecord]:
    """Accept Documents, error records from ingest, plain dicts and bare strings.

    Items without an id are named by their position in the stream ("python:3"), so ids stay
    unique and stable across runs.
    """
    from eventwire.ingest import documents_from_records

    if isinstance(item, ErrorRecord):
        return (item,)
    if isinstance(item, Document):
        problem = _document_problem(item, config)
        return (problem,) if problem is not None else (item,)
    if isinstance(item, str):
        item = {"text": item}
    if isinstance(item, Mapping):
        if not item.get("id"):
            item = {**item, "id": f"python:{number}"}
        return documents_from_records([item], "python", config)
    raise TypeError(f"cannot code a {type(item).__name__}: pass Document, dict or str")


def _document_problem(document: Document, config: Config) -> ErrorRecord | None:
    """Checks ingest makes, for Documents built by hand and passed in directly."""
    if not document.text.strip():
        return ErrorRecord(document.id, ErrorCode.EMPTY_DOCUMENT.value, "document text is empty",
                           document.source)
    if len(document.text) > config.max_document_chars:
        return ErrorRecord(document.id, ErrorCode.DOCUMENT_TOO_LARGE.value,
                           f"document has {len(document.text)} characters, over the "
                           f"max_document_chars limit of {config.max_document_chars}",
                           document.source)
    try:
        document.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return ErrorRecord(document.id, ErrorCode.UNDECODABLE_TEXT.value,
                           f"text is not valid Unicode ({exc.reason} at {exc.start})",
                           document.source)
    return None


def code_documents(items: Iterable[InputItem], config: Config | None = None) -> Iterator[DocumentResult]:
    """Code documents (``Document``, dicts with id/text/published…, or strings) as a stream."""
    return Pipeline(config or Config()).code_documents(items)


def code_text(text: str, published: str | date | None = None, config: Config | None = None,
              **fields: Any) -> list[Event]:
    """Events of one text. For many texts, reuse a :class:`Pipeline` (it loads models once)."""
    return Pipeline(config or Config()).code_text(text, published=published, **fields)
