"""Every eventwire error, with a stable code and a message that tells the user what to do.

Codes are part of the output contract: they appear in ``errors.jsonl``, the store's error table
and the HTTP API's error body (``{"error": {"code", "message"}}``).
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):
    # input / ingest (E1xx)
    INPUT_NOT_FOUND = "E101"
    EMPTY_DOCUMENT = "E102"
    BINARY_CONTENT = "E103"
    UNDECODABLE_TEXT = "E104"
    MALFORMED_RECORD = "E105"
    DOCUMENT_TOO_LARGE = "E106"
    UNSUPPORTED_FORMAT = "E107"
    INVALID_DATE = "E108"
    NO_TEXT_EXTRACTED = "E109"
    # processing (E2xx)
    MODEL_NOT_FOUND = "E201"
    NLP_FAILURE = "E202"
    SENTENCE_TOO_LONG = "E203"
    TIME_BUDGET_EXCEEDED = "E204"
    DICTIONARY_INVALID = "E205"
    WORKER_FAILED = "E206"
    # store / query / api (E3xx)
    STORE_ERROR = "E301"
    BAD_QUERY = "E302"
    NOT_FOUND = "E303"
    PAYLOAD_TOO_LARGE = "E304"
    SCHEMA_MISMATCH = "E305"
    BUSY = "E306"
    # evaluation (E4xx)
    GOLD_NOT_FOUND = "E401"
    GOLD_MALFORMED = "E402"
    # configuration (E5xx)
    CONFIG_INVALID = "E501"


class EventwireError(Exception):
    """Base class: carries a code so callers can turn any failure into an error record."""

    code: ErrorCode = ErrorCode.NLP_FAILURE

    def __init__(self, message: str, *, code: ErrorCode | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code.value}] {self.message}"


class InputError(EventwireError):
    """A document could not be read; becomes an error record, the batch goes on."""

    code = ErrorCode.MALFORMED_RECORD


class ProcessingError(EventwireError):
    """A document was read but could not be coded."""

    code = ErrorCode.NLP_FAILURE


class ModelNotFoundError(EventwireError):
    code = ErrorCode.MODEL_NOT_FOUND


class DictionaryError(EventwireError):
    code = ErrorCode.DICTIONARY_INVALID


class StoreError(EventwireError):
    code = ErrorCode.STORE_ERROR


class QueryError(EventwireError):
    """Bad filter or parameter: a 4xx in the API, a usage error in the CLI."""

    code = ErrorCode.BAD_QUERY


class NotFoundError(EventwireError):
    code = ErrorCode.NOT_FOUND


class GoldDataError(EventwireError):
    code = ErrorCode.GOLD_NOT_FOUND


class ConfigError(EventwireError):
    code = ErrorCode.CONFIG_INVALID


class PayloadTooLarge(EventwireError):
    """A request body over the API's size limit (HTTP 413)."""

    code = ErrorCode.PAYLOAD_TOO_LARGE


class CodingTimeout(EventwireError):
    """Coding one request took longer than its budget (HTTP 504)."""

    code = ErrorCode.TIME_BUDGET_EXCEEDED


class CoderBusy(EventwireError):
    """Every coding slot is taken; retrying later can succeed (HTTP 503)."""

    code = ErrorCode.BUSY
