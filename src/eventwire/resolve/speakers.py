"""Who a quote's speaker is, from the subject of its speech verb: name, role, organisation.

"Nusra Front commander Abu Shaimaa", "a Swedish detainee, Lisa Andersson", "the head of X in Y":
the description around a name is read off spaCy's parse and entities; a known actor from the
dictionary wins over any other organisation the description names. Split from ``quotes.py``
(which finds quotations and attributes them) to keep each module about one thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Span, Token

from eventwire.model import Actor

#: Children that are not part of a speaker's name or description.
_NOT_SPEAKER = frozenset({"appos", "acl", "relcl", "punct", "cc", "conj", "advcl"})
_LOCATION_PREPS = frozenset({"in", "at", "near", "from", "based"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ORG_LABELS = frozenset({"ORG", "NORP"})
#: Entity labels that are never a name.
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


class ActorMatcher(Protocol):
    """The actor dictionary's lookup, as far as quotes need it."""

    def match(self, text: str) -> Actor | None: ...


@dataclass(frozen=True)
class Speaker:
    """Who said something, as the text describes them."""

    name: str
    role: str | None = None
    organisation: str | None = None
    offset: int = 0  # where the attribution is, for pronoun resolution
    plural: bool = False  # "officials said": not an antecedent of "he" or "she"


def entity_of(token: Token) -> Span | None:
    """The named entity a token belongs to, read from its IOB tags (no scan of ``doc.ents``)."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _trim_det(tokens: Sequence[Token]) -> list[Token]:
    tokens = list(tokens)
    while tokens and tokens[0].pos_ in {"DET", "PUNCT"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ == "PUNCT":
        tokens = tokens[:-1]
    return tokens


def _text(tokens: Sequence[Token]) -> str:
    return tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text if tokens else ""


def _subtree_without(token: Token, excluded: frozenset[str]) -> list[Token]:
    """The token's subtree minus children attached with ``excluded`` labels (and theirs)."""
    keep: list[Token] = []
    stack = [token]
    while stack:
        current = stack.pop()
        keep.append(current)
        stack.extend(c for c in current.children if c.dep_ not in excluded)
    return sorted(keep, key=lambda t: t.i)


def _contiguous(tokens: list[Token], anchor: Token) -> list[Token]:
    """The run of consecutive tokens around ``anchor`` (drops pieces the parse scattered)."""
    indices = {t.i for t in tokens}
    start = end = anchor.i
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    return [t for t in tokens if start <= t.i <= end]


def _describe(
    tokens: list[Token], head: Token, actors: ActorMatcher | None
) -> tuple[str | None, str | None]:
    """Role and organisation from a description ("a Nusra Front commander", "head of X in Y")."""
    tokens = [t for t in tokens if t.dep_ not in {"acl", "relcl"} or t.i == head.i]
    for token in tokens:  # a trailing "in Idlib" says where, not who
        if token.dep_ == "prep" and token.lower_ in _LOCATION_PREPS and token.i > head.i:
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects and (objects[0].ent_type_ in _PLACE_LABELS or objects[0].pos_ == "PROPN"):
                tokens = [t for t in tokens if t.i < token.i]
                break
    tokens = _trim_det([t for t in tokens if t.dep_ != "case"])  # "the SDF’s representative"
    if not tokens or all(t.like_num for t in tokens):  # "Shamima Begum, 19, said": an age
        return None, None
    organisation = _organisation(tokens, actors)
    if organisation is None:
        return _text(tokens) or None, None
    org_indices = {t.i for t in organisation}
    if all(i < head.i for i in org_indices):  # "a senior Nusra Front commander" → "senior commander"
        role_tokens = [t for t in tokens if t.i not in org_indices]
        role = " ".join(t.text for t in _trim_det(role_tokens)) or None
    else:  # the organisation sits in a phrase: keep the phrase ("head of a … organisation")
        role = _text(tokens)
    return role, _text(_trim_det(organisation))


def _organisation(tokens: list[Token], actors: ActorMatcher | None) -> list[Token] | None:
    """The organisation named in a description: a known actor, else an ORG entity or a name."""
    indices = {t.i for t in tokens}
    spans = [entity_of(t) for t in tokens if t.ent_iob_ == "B"]
    entities = [e for e in spans if e is not None and e.end - 1 in indices
                and e.label_ not in NOT_NAMES and any(t.pos_ != "ADJ" for t in e)]
    runs = _proper_noun_runs(tokens)
    # an entity the tagger cut short ("Jaish" of "Jaish al-Fatah") grows to its proper-noun run
    entities = [_grow(ent, runs) for ent in entities]
    candidates = [list(e) for e in entities] + runs
    if actors is not None:
        for candidate in candidates:
            if actors.match(_text(_trim_det(candidate))) is not None:
                return candidate
    for ent in entities:
        if ent.label_ in _ORG_LABELS:
            return list(ent)
    non_places = [list(e) for e in entities if e.label_ not in _PLACE_LABELS]
    if non_places:
        return non_places[0]
    return runs[0] if runs else None


def _grow(entity: Span, runs: list[list[Token]]) -> Span:
    for run in runs:
        if run[0].i <= entity.start and entity.end <= run[-1].i + 1:
            return Span(entity.doc, run[0].i, run[-1].i + 1, label=entity.label_)
    return entity


def _proper_noun_runs(tokens: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        if token.pos_ == "PROPN" or (current and token.text == "-"):
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run[: len(run) - 1] if run[-1].text == "-" else run for run in runs]


def describe_speaker(head: Token, actors: ActorMatcher | None, offset: int) -> Speaker:
    """Name (entity or description), role and organisation of a subject token."""
    entity = entity_of(head)
    appositions = [c for c in head.children if c.dep_ == "appos"]
    if entity is not None and entity.label_ not in NOT_NAMES:
        name = _text(_trim_det(list(entity)))
        described = [t for t in head.subtree if t.i < entity.start and t.dep_ != "det"]
        described = _contiguous(described, described[-1]) if described else []
        if described and described[-1].i == entity.start - 1:
            # "Nusra Front commander Abu Shaimaa": the description precedes the name
            role, org = _describe(described, described[-1], actors)
            return Speaker(name, role, org, offset)
    else:
        words = _subtree_without(head, _NOT_SPEAKER)
        name = _text(_contiguous(words, head)).strip(" ,") or head.text
        named = entity_of(appositions[0]) if appositions else None
        if named is not None and named.label_ == "PERSON":
            # "a Swedish detainee, Lisa Andersson": the name is in the apposition
            role, org = _describe(_contiguous(words, head), head, actors)
            return Speaker(named.text, role, org, offset)
        if not appositions:
            role, org = _describe(_contiguous(words, head), head, actors)
            role = role if org else None  # an anonymous description is the speaker, not a role
            return Speaker(name, role, org, offset)
    if appositions:
        appos = appositions[0]
        described = _subtree_without(appos, frozenset({"punct", "relcl", "acl"}))
        role, org = _describe(described, appos, actors)
        return Speaker(name, role, org, offset)
    if entity is not None and entity.label_ in _ORG_LABELS:  # "the Syrian Red Crescent said"
        return Speaker(name, None, name, offset)
    return Speaker(name, None, None, offset)
