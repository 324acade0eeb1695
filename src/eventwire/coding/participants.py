"""Who a participant token stands for: dictionary actor, apposition, pronoun antecedent.

Split from :mod:`eventwire.coding.build` (which turns candidates into events) to keep modules
short: this part knows tokens and the actor dictionaries, not events. A pronoun resolves to the
subject of the verb that reports its clause ("*Hungary* says it will"), else to the latest
fitting mention of the story (:class:`MentionMemory`); a description in a reported clause
("Putin said *his country* will") stands for its named speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from eventwire.coding import roles, syntax
from eventwire.coding.lexicon import Lexicon
from eventwire.model import Actor, Affiliation

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from spacy.tokens import Span, Token

ACTOR_ENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
MAX_PARTICIPANTS = 3
#: Entity labels that never name an actor, whatever the head noun looks like.
NON_ACTOR_ENT_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                                  "ORDINAL", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
                                  "PRODUCT"})
FIRST_PERSON = frozenset({"i", "we", "us", "me"})


class ActorResolver(Protocol):
    def resolve(self, text: str, ent_label: str | None = None,
                on_date: str | None = None) -> Actor: ...

    def match(self, text: str, on_date: str | None = None) -> Actor | None: ...


@dataclass
class MentionMemory:
    """Actors mentioned so far in a story, for pronouns ("it", "he") that refer back to them."""

    persons: list[tuple[int, Actor, bool]] = field(default_factory=list)
    groups: list[tuple[int, Actor, bool]] = field(default_factory=list)

    def remember(self, token_index: int, actor: Actor, ent_label: str | None,
                 is_subject: bool = False) -> None:
        """Only named or dictionary actors are worth referring back to."""
        if actor.id is None and ent_label not in ACTOR_ENT_LABELS:
            return
        bucket = self.persons if ent_label == "PERSON" or actor.sector == "person" else self.groups
        bucket.append((token_index, actor, is_subject))

    def antecedent(self, pronoun: Token) -> Actor | None:
        """The latest earlier subject of the right kind, else the latest mention of it; never
        the subject of the pronoun's own clause ("Kiir pardoned *him*" is not Kiir)."""
        word = pronoun.lower_
        pool = self.persons if word in ("he", "she", "him", "her") else self.groups
        bound = _clause_subjects(pronoun)
        before = [(actor, subj) for index, actor, subj in pool
                  if index < pronoun.i and index not in bound]
        subjects = [actor for actor, subj in before if subj]
        if subjects:
            return subjects[-1]
        return before[-1][0] if before else None


def _clause_subjects(pronoun: Token) -> frozenset[int]:
    """Token indices a non-reflexive object pronoun cannot stand for: the subjects of its own
    verb (binding: "the army shelled *it*" never means the army; that would be "itself")."""
    verb = None
    if pronoun.dep_ in ("dobj", "dative", "obj", "iobj"):
        verb = pronoun.head
    elif pronoun.dep_ == "pobj" and pronoun.head.dep_ in ("prep", "agent"):
        verb = pronoun.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return frozenset()
    return frozenset(t.i for t in syntax.subjects(verb))


class Resolve(Protocol):
    """Participants for some tokens (resolve_participant with the sentence's resources bound)."""

    def __call__(self, tokens: Iterable[Token]) -> list[Participant]: ...


@dataclass(frozen=True)
class Participant:
    actor: Actor
    token: Token
    via_pronoun: bool = False
    target: bool = False  # what the action is aimed at, not a resolved actor (see event_targets)


def _inside_quote(token: Token) -> bool:
    before = token.doc[token.sent.start:token.i].text
    return sum(before.count(mark) for mark in ('"', "\u201c")) % 2 == 1 or (
        "\u201c" in before and "\u201d" not in before)


def _actor_like(actor: Actor, token: Token) -> bool:
    if token.ent_type_ == "NORP" and (token.pos_ == "ADJ" or token.dep_ == "amod"):
        return actor.id is not None  # "Islamist", "Sunni": an adjective of belief is no actor
    if token.ent_type_ == "PERSON" and token.is_lower:
        return syntax.names_people(token)  # "to comb the *bush*": a tagger slip, no Bush
    if actor.id or actor.sector or token.ent_type_ in ACTOR_ENT_LABELS:
        return True
    if token.ent_type_ in NON_ACTOR_ENT_LABELS:
        return False
    return token.pos_ == "PROPN" or syntax.is_acronym(token) or syntax.names_people(token)


def resolve_participant(
    token: Token, actors: ActorResolver, lexicon: Lexicon, memory: MentionMemory,
    on_date: str | None,
) -> Participant | None:
    """The actor a participant token stands for, or None when it is not an actor."""
    if syntax.is_pronoun(token):
        if token.lower_ in FIRST_PERSON or _inside_quote(token):
            return None  # "we"/"they" in a quote depend on the speaker, not on the story
        reporter = syntax.reporting_subject(token)
        if reporter is not None and _pronoun_fits(token, reporter):
            found = resolve_participant(reporter, actors, lexicon, memory, on_date)
            if found is not None:
                named = found.actor.name or found.actor.text  # who "it" is, for readers
                return Participant(replace(found.actor, text=token.text, name=named), token,
                                   via_pronoun=True)
        antecedent = memory.antecedent(token)
        if antecedent is None:
            return None
        return Participant(Actor(text=token.text, name=antecedent.name or antecedent.text,
                                 id=antecedent.id,
                                 country=antecedent.country, sector=antecedent.sector,
                                 affiliations=antecedent.affiliations), token, via_pronoun=True)
    if syntax.is_dependent_mention(token):
        # "Putin said *his country* will not lift the ban", "Taliban leaders said *the fighters*
        # will lay down their arms": PLOVER codes the named speaker the description leans on
        reporter = syntax.reporting_subject(token)
        if reporter is not None and any(t.pos_ == "PROPN" or t.ent_type_ in ACTOR_ENT_LABELS
                                        for t in syntax.phrase(reporter)):  # a named speaker
            found = resolve_participant(reporter, actors, lexicon, memory, on_date)
            if found is not None:
                return Participant(found.actor, token, via_pronoun=True)
    if token.lemma_.lower() in lexicon.nouns and token.ent_type_ not in ACTOR_ENT_LABELS and not (
        syntax.names_people(token) or any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                          for c in token.lefts)
    ):  # "troops" and "Israel Flying Aid" are actors, "an airstrike" is not
        inner = syntax.noun_modifier_actors(token)  # "an Israeli airstrike killed ..."
        return resolve_participant(inner[0], actors, lexicon, memory, on_date) if inner else None
    if token.pos_ == "NOUN" and token.ent_type_ not in ACTOR_ENT_LABELS and (
            roles.heads_event_phrase(token, lexicon)):
        return None  # "lifted a state of emergency": an act, not the state
    text = syntax.phrase(token).text.strip()
    if not text:
        return None
    ent = token.ent_type_ or None
    actor = actors.resolve(text, ent_label=ent, on_date=on_date)
    if actor.id is None:
        # "Abu Shaimaa, a Nusra Front commander" / "fighters of the Islamic State"
        appos = syntax.appositive(token)
        org = actors.match(syntax.phrase(appos).text,
                           on_date=on_date) if appos is not None else None
        owner = syntax.prep_objects(token, ("of",))
        if org is None and owner and token.pos_ == "NOUN":
            org = actors.match(syntax.phrase(owner[0]).text, on_date=on_date)
            if org is not None:
                actor = Actor(text=f"{text} {token.doc[token.i + 1:owner[0].i + 1].text}",
                              name=org.name, id=org.id, country=org.country, sector=org.sector,
                              affiliations=org.affiliations)
                org = None
        if org is not None:
            actor = Actor(text=text, name=actor.name or text, id=None, country=org.country,
                          sector=org.sector,
                          affiliations=(Affiliation("member_of", org.id or org.name or org.text),))
    if not _actor_like(actor, token):
        return None
    if actor.text == text:
        shown = syntax.display_phrase(token).text.strip()
        if len(shown) > len(text):
            actor = replace(actor, text=shown)
    memory.remember(token.i, actor, ent, is_subject=token.dep_ in ("nsubj", "nsubjpass"))
    return Participant(actor, token)


def _pronoun_fits(pronoun: Token, noun: Token) -> bool:
    """Rough agreement: "he"/"she" need a person, "it" no person, "they" anything."""
    word = pronoun.lower_
    person = noun.ent_type_ == "PERSON" or noun.lemma_.lower() in syntax.PERSON_TITLES
    if word in ("he", "she", "him", "her"):
        return person
    if word == "it":
        return not person and noun.tag_ not in ("NNS", "NNPS")
    return True


def remember_entities(doc_sents: list[Span], actors: ActorResolver, memory: MentionMemory,
                      on_date: str | None, upto_sentence: int,
                      doc_ents: Sequence[Span] | None = None) -> None:
    """Feed named entities of one sentence into the pronoun memory.

    Pass ``doc_ents`` (``list(doc.ents)``, computed once per document): ``Span.ents`` rebuilds
    every entity of the whole document on each call, which made coding quadratic in its length.
    """
    sentence = doc_sents[upto_sentence]
    ents = sentence.ents if doc_ents is None else [
        e for e in doc_ents if e.start >= sentence.start and e.end <= sentence.end]
    for ent in ents:
        if ent.label_ in ("ORG", "PERSON", "NORP"):
            actor = actors.match(ent.text, on_date=on_date)
            if actor is not None or ent.label_ == "PERSON":
                memory.remember(ent.root.i, actor or Actor(text=ent.text, name=ent.text,
                                                           sector="person"), ent.label_,
                                is_subject=ent.root.dep_ in ("nsubj", "nsubjpass"))
