"""Events said rather than done: reported demands, blame, criticism and name-calling.

Speech verbs ("said", "called") are never events by their own word, but some of what they carry
is a PLOVER verbal act: a reported obligation is a demand (REQUEST), a reported responsibility
an accusation, "critics say X ..." a criticism, and calling someone a liar denigrates them
(ACCUSE 'disapprove': "criticize, defame, denigrate responsible parties"). Split from
:mod:`eventwire.coding.detect`; pinned by synthetic tests (tests/unit/test_types_speech.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.coding import nominal, syntax
from eventwire.coding.candidate import Candidate
from eventwire.coding.lexicon import TriggerSpec
from eventwire.coding.modality import ASSERTED, DROPPED, ruled_out, trigger_modality

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.coding.lexicon import Lexicon

#: Modals that turn a reported clause into an obligation the speaker lays on its subject.
DEONTIC_MODALS = frozenset({"must", "should"})
DEMAND_CONFIDENCE = 0.6
#: Subjects whose reported words are criticism of whoever their clause is about.
CRITICS = frozenset({"critic", "detractor", "opponent"})
CRITICISM_CONFIDENCE = 0.5
#: Verbs that put a label on their object ("branded the protesters terrorists"); "call" and
#: "describe" label only with a word of abuse (below), so "called him a friend" stays out.
LABELLING_VERBS = frozenset({"brand", "label", "dub"})
NAMING_VERBS = frozenset({"call", "describe", "term"})
#: Words of abuse or condemnation a label is made of (lemmas, lower case).
ABUSIVE_WORDS = frozenset({
    "terrorist", "liar", "criminal", "traitor", "racist", "fascist", "nazi", "dictator",
    "murderer", "killer", "thug", "puppet", "idiot", "stupid", "moron", "fool", "clown",
    "disgrace", "disgraceful", "hypocrite", "coward", "crook", "thief", "bully", "tyrant",
    "butcher", "extremist", "nutter", "lunatic", "madman", "psychopath", "bigot", "enemy",
    "menace", "incompetent", "corrupt", "dishonest", "shameful", "irresponsible", "illegitimate",
    "illegal", "unacceptable", "outrageous", "ridiculous", "absurd", "sham", "farce", "travesty",
    "hoax", "lie", "propaganda", "provocation", "provocative", "reckless", "barbaric",
    "despicable", "cowardly", "heinous", "vile", "evil", "rogue", "aggressor", "occupier",
    "genocide", "terrorism", "crime", "mistake", "failure", "disaster", "betrayal", "insult",
})
NAME_CALLING = TriggerSpec(key="name-calling", event_type="ACCUSE", cameo="111",
                           mode="disapprove", confidence=0.6)


def speech_candidate(speech: Token, lexicon: Lexicon) -> Candidate | None:
    """The verbal act a speech verb carries, if any (a demand, blame, criticism or refusal)."""
    return (demand_candidate(speech, lexicon) or blame_candidate(speech, lexicon)
            or critics_candidate(speech, lexicon) or ruled_out_candidate(speech, lexicon))


def ruled_out_candidate(speech: Token, lexicon: Lexicon) -> Candidate | None:
    """ "Officials said that lifting the sanctions on Burma is out of the question": the
    speaker rejects the act (CAMEO 12), aimed at whatever the act was about."""
    actors = syntax.subjects(speech)
    if not actors or trigger_modality(speech, lexicon) in DROPPED:
        return None
    for clause in speech.children:
        if clause.dep_ != "ccomp" or not ruled_out(clause):
            continue
        acts = [c for c in clause.children if c.dep_ in ("csubj", "nsubj")]
        things = [o for a in acts for o in syntax.direct_objects(a) or [a]]
        recipients = [t for o in things for t in syntax.prep_objects(o, ("on", "against", "to"))]
        spec = TriggerSpec(key="out of the question", event_type="REJECT", cameo="12",
                           mode=None, confidence=DEMAND_CONFIDENCE)
        return Candidate(trigger=clause, trigger_end=clause.i + 1, spec=spec,
                         event_type="REJECT", mode=None, cameo="12", actors=tuple(actors),
                         recipients=tuple(recipients or things), modality=ASSERTED,
                         rule="refusal:out-of-question")
    return None



def demand_candidate(speech: Token, lexicon: Lexicon) -> Candidate | None:
    """ "X said Y must stop the attacks": a reported obligation is X's demand on Y (CAMEO 10)."""
    for clause in speech.children:
        if clause.dep_ != "ccomp" or not any(
            c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS for c in clause.children
        ):
            continue
        if trigger_modality(speech, lexicon) in DROPPED:
            return None
        actors = syntax.subjects(speech)
        recipients = syntax.subjects(clause) or syntax.passive_subjects(clause)
        if not actors or not recipients or syntax.is_pronoun(recipients[0]):
            return None
        spec = TriggerSpec(key="must", event_type="REQUEST", cameo="10", mode=None,
                           confidence=DEMAND_CONFIDENCE)
        return Candidate(trigger=clause, trigger_end=clause.i + 1, spec=spec,
                         event_type="REQUEST", mode=None, cameo="10", actors=tuple(actors),
                         recipients=tuple(recipients), modality=ASSERTED, rule="demand:must")
    return None


def blame_candidate(speech: Token, lexicon: Lexicon) -> Candidate | None:
    """ "Officials said the rebels were responsible": the speaker accuses them (CAMEO 112)."""
    found = nominal.blamed(speech, lexicon)
    actors = syntax.subjects(speech)
    if found is None or not actors or trigger_modality(speech, lexicon) in DROPPED:
        return None
    spec = TriggerSpec(key="responsible", event_type="ACCUSE", cameo="112", mode="allege",
                       confidence=DEMAND_CONFIDENCE)
    return Candidate(trigger=found[0], trigger_end=found[0].i + 1, spec=spec,
                     event_type="ACCUSE", mode="allege", cameo="112", actors=tuple(actors),
                     recipients=tuple(found[1]), modality=ASSERTED, rule="blame:responsible")


def critics_candidate(speech: Token, lexicon: Lexicon) -> Candidate | None:
    """ "Critics say the president has used the coup to stifle dissent": criticism of the
    subject of the reported clause, by the critics (CAMEO 111)."""
    actors = [s for s in syntax.subjects(speech) if s.lemma_.lower() in CRITICS]
    if not actors or trigger_modality(speech, lexicon) in DROPPED:
        return None
    for clause in speech.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        recipients = syntax.subjects(clause) or syntax.passive_subjects(clause)
        if not any(syntax.is_pronoun(r) or syntax.is_actor_token(r) for r in recipients):
            return None  # "critics say the film is too long": no party criticised
        spec = TriggerSpec(key="critics", event_type="ACCUSE", cameo="111", mode="disapprove",
                           confidence=CRITICISM_CONFIDENCE)
        return Candidate(trigger=speech, trigger_end=speech.i + 1, spec=spec,
                         event_type="ACCUSE", mode="disapprove", cameo="111",
                         actors=tuple(actors), recipients=tuple(recipients),
                         modality=ASSERTED, rule="critics:say")
    return None


def _object_and_labels(verb: Token) -> tuple[list[Token], list[Token]]:
    """(who is labelled, the label): "called X *a liar*", "described X *as a farce*"."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    labels = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")]
    if not objects:  # "called Britain's ambassador a stupid guy": object parsed as the label,
        objects = [c for c in labels if any(a.dep_ == "appos" for a in c.children)]
        labels = [c for c in labels if c not in objects]  # and the label as its apposition
    labels += objects[1:]  # "branded the protesters terrorists": a second object
    # "called the decision unacceptable" is parsed with the adjective after its noun
    labels += [a for o in objects for a in o.children
               if (a.dep_ == "amod" and a.i > o.i) or a.dep_ == "appos"]
    labels += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
               for o in c.children if o.dep_ in ("pobj", "amod", "acomp")]
    return objects[:1], labels


def name_calling(verb: Token) -> tuple[TriggerSpec, list[Token]] | None:
    """(ACCUSE spec, who is labelled) when the verb puts an abusive label on someone: "called
    the ambassador a stupid guy", "branded the protesters terrorists", "described the vote as a
    sham"."""
    lemma = verb.lemma_.lower()
    if lemma not in LABELLING_VERBS and lemma not in NAMING_VERBS:
        return None
    objects, labels = _object_and_labels(verb)
    if not objects or not labels:
        return None
    words = {t.lemma_.lower() for label in labels for t in label.subtree} | {
        t.lower_ for label in labels for t in label.subtree}
    if lemma in LABELLING_VERBS or words & ABUSIVE_WORDS:
        return NAME_CALLING, objects
    return None
