"""Was the action done, or only denied, negated, intended or imagined?

Dictionary coders over-generate because they code "did not attack", "could attack" and "denied
attacking" as attacks. This module reads the clause around a trigger and says which it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.coding import syntax
from eventwire.coding.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

ASSERTED = "asserted"
NEGATED = "negated"
INTENDED = "intended"
HYPOTHETICAL = "hypothetical"
DENIED = "denied"
THREAT = "threat"  # "X threatened/vowed to attack": becomes a THREATEN event
#: The subject commits itself to a future action: "will meet", "offered to send", "is willing to
#: withdraw", "said it would free". CAMEO 03 / PLOVER AGREE for cooperative actions.
PROMISE = "promise"
#: The actor itself announced or committed to the future action ("X said it will boycott", "X
#: plans to impose"): a cooperative one is an AGREE, a hostile one a THREATEN (CAMEO 03 / 13).
#: A bare narrator's future ("X will impose sanctions") stays PROMISE.
ANNOUNCED = "announced"
FUTURE = frozenset({PROMISE, ANNOUNCED})

#: Modalities whose events are not emitted at all.
DROPPED = frozenset({NEGATED, HYPOTHETICAL, DENIED})

NEGATIVE_WORDS = frozenset({"not", "n't", "never", "no", "nor", "neither"})
#: Adjectives that make an event noun not (yet) real: "a planned attack", "possible sanctions".
UNREAL_ADJECTIVES = frozenset({
    "planned", "possible", "potential", "proposed", "future", "threatened", "alleged",
    "hypothetical", "imminent", "likely", "prospective", "feared", "rumoured", "rumored",
})
#: Verbs and adjectives whose infinitive complement the subject commits itself to (unlike "try",
#: "hope" or "seek", which only want it).
COMMITMENT_VERBS = frozenset({"promise", "pledge", "offer", "agree", "plan", "intend", "commit",
                              "undertake", "volunteer", "propose", "resolve", "prepare"})
COMMITMENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "determined", "eager",
                                   "set", "due", "poised", "keen", "committed"})
#: Verbs that report what someone announced: "would" under them is a future, not a condition.
ANNOUNCING_VERBS = frozenset({"announce", "declare", "say", "tell", "state", "confirm", "add",
                              "insist", "indicate", "signal", "reveal", "report", "write"})
#: Verbs whose object, and verbs whose "for" object, is only asked for.
REQUESTING_VERBS = frozenset({"demand", "urge", "request", "seek", "propose", "recommend",
                              "advocate", "want"})
REQUESTING_FOR_VERBS = frozenset({"call", "press", "push", "appeal", "ask", "plead", "lobby",
                                  "campaign", "clamour", "clamor"})
#: Verbs whose infinitive complement is an act asked of someone else, not done.
REQUESTING_XCOMP_VERBS = frozenset({"urge", "ask", "call", "press", "pressure", "push", "request",
                                    "demand", "appeal", "plead", "encourage", "invite",
                                    "persuade", "advise", "implore", "exhort", "beg", "lobby"})
#: Verbs of making contact whose purpose clause is the message delivered.
CONTACT_VERBS = frozenset({"summon", "call", "phone", "telephone", "ring", "contact", "write",
                           "visit"})
#: What a phone call or summons is made to do: "called Lavrov *to discuss* Syria" is a call
#: that did it, unlike "called the parties to respect the truce" (a request).
CALL_PURPOSES = frozenset({"discuss", "talk", "congratulate", "apologize", "apologise", "express",
                           "convey", "inform", "thank", "assure", "reassure", "invite", "brief",
                           "complain", "protest", "consult", "negotiate", "confer", "offer",
                           "condole", "share", "raise", "voice", "reiterate", "update"})
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "dobj", "pobj", "prep", "pcomp",
                        "relcl", "acl", "nsubj", "nsubjpass"})


#: Subordinators of a condition laid on the other side: an act announced "unless" it is met is
#: held over that side (CAMEO 13, "threaten ... unless"), not promised.
THREAT_CONDITIONS = frozenset({"unless"})


def held_over(verb: Token) -> bool:
    """ "will withdraw its force *unless* the president arranges a ceasefire": a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in THREAT_CONDITIONS
                                         for m in c.children) for c in verb.children)


#: Verbs whose object act is excluded ("ruled out talks with the rebels").
RULING_OUT = frozenset({"rule"})


#: Nouns whose infinitive is only allowed, not done ("permission to detain", "a mandate to form").
PERMISSIONS = frozenset({"permission", "authorization", "authorisation", "approval", "mandate",
                         "right", "go-ahead", "licence", "license", "clearance", "power"})
#: Words whose "to" object is opposed ("is opposed to French mediation").
OPPOSING = frozenset({"opposed", "opposition", "objection", "resistance", "oppose"})


def _refused_noun(noun: Token, lexicon: Lexicon) -> bool:
    """The noun is what is rejected, ruled out or opposed: "ruled out talks", "rejected an
    invitation", "is opposed to French mediation"."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj"):
        return head.lemma_.lower() in lexicon.modality.denial_verbs | RULING_OUT
    return noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in OPPOSING


def ruled_out(verb: Token) -> bool:
    """The clause says its subject "is out of the question" (the act is refused)."""
    return any(c.dep_ == "prep" and c.lower_ == "out" and any(
        g.dep_ == "prep" and g.lower_ == "of" and any(
            o.lemma_.lower() == "question" for o in g.children if o.dep_ == "pobj")
        for g in c.children) for c in verb.children)


def _has_negation(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in NEGATIVE_WORDS and c.dep_ in ("advmod", "det"))
               for c in token.children)


def _own_modality(verb: Token, lexicon: Lexicon) -> str | None:
    """Modality marked on one verb by its own auxiliaries, negation and subordinators."""
    if _has_negation(verb):
        return NEGATED
    mod = lexicon.modality
    if any(c.dep_ == "mark" and c.lower_ in mod.conditional_marks for c in verb.children):
        return HYPOTHETICAL
    if verb.tag_ in ("VBZ", "VBP", "VB") and any(c.dep_ == "mark" and c.lower_ == "until"
                                                 for c in verb.children):
        return HYPOTHETICAL  # "sanctions until Turkey ends its operations": a condition
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "aux" and word == "would" and (
                _reported(verb) or syntax.proposed_by_document(verb)):
            return ANNOUNCED  # "said it would allow", "introduced a bill that would sanction"
        if child.dep_ == "aux" and word in mod.hypothetical_aux:
            return HYPOTHETICAL
        if child.dep_ == "aux" and word in mod.future_aux:
            return ANNOUNCED if _reported(verb) else PROMISE
    return None


def _unless_dropped_above(current: Token, found: str, lexicon: Lexicon) -> str:
    """``found``, unless a governing clause negates, denies or conditions it.

    "The minister denied that the army had agreed to withdraw", "X did not agree to withdraw",
    "X did not say it would attack": the future or promise found low down is not asserted.
    """
    head = current.head
    if head.i == current.i or current.dep_ not in ("xcomp", "ccomp", "acomp", "conj"):
        return found
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return found
    outer = trigger_modality(head, lexicon)
    return outer if outer in DROPPED else found


def _requested(noun: Token) -> bool:
    """The event noun is what someone asks for: "called for sanctions", "urged talks"."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.lemma_.lower() in REQUESTING_VERBS:
        return True
    return (noun.dep_ == "pobj" and head.lower_ == "for" and head.head.i != head.i
            and head.head.lemma_.lower() in REQUESTING_FOR_VERBS)


def _calls_upon(verb: Token) -> bool:
    """ "called on X to ...", "called for": a request, not a contact ("called X on Monday")."""
    for child in verb.children:
        if child.dep_ == "prt" and child.lower_ in ("on", "upon", "for"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "for") and any(
            c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME") for c in child.children
        ):
            return True
    return False


def _reported(verb: Token) -> bool:
    """The verb heads a clause reported by an announcing verb ("X said it would ...")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ANNOUNCING_VERBS


def trigger_modality(trigger: Token, lexicon: Lexicon, governor: Token | None = None) -> str:
    """Modality of the event signalled by ``trigger`` (a verb, or a noun with its light verb).

    Walks up from the trigger through the verbs that embed it, stopping at a speech verb
    ("X said Y attacked Z" reports an asserted attack).
    """
    mod = lexicon.modality
    sentence = trigger.sent
    if sentence.text.rstrip().endswith("?"):
        return HYPOTHETICAL
    if trigger.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in ("no",) and c.dep_ == "det" for c in trigger.children):
            return NEGATED
        if any(c.dep_ == "amod" and c.lower_ in UNREAL_ADJECTIVES for c in trigger.children):
            return INTENDED
        if governor is None and _requested(trigger):
            return HYPOTHETICAL  # "called for sanctions", "demanded an inquiry": not (yet) real
        if governor is None and _refused_noun(trigger, lexicon):
            return DENIED  # "ruled out talks", "is opposed to French mediation": not done
    start = governor if governor is not None else trigger
    current = start
    is_purpose = False
    for _depth in range(6):
        own = _own_modality(current, lexicon) if current.pos_ in ("VERB", "AUX") else None
        if own is not None:
            return own if own in DROPPED else _unless_dropped_above(current, own, lexicon)
        head = current.head
        if head.i == current.i:
            break
        lemma = head.lemma_.lower()
        if current.dep_ == "csubj" and ruled_out(head):
            return DENIED  # "lifting the ban is out of the question": refused, not done
        if current.dep_ in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
            if lemma in mod.threat_verbs and current.dep_ == "xcomp":
                return THREAT
            if lemma in COMMITMENT_VERBS and current.dep_ == "xcomp":
                return _unless_dropped_above(current, ANNOUNCED, lexicon)
            if lemma in mod.denial_verbs:
                return DENIED
            if lemma in mod.failure_verbs:
                return NEGATED
            if lemma in REQUESTING_XCOMP_VERBS and current.dep_ == "xcomp" and not (
                lemma in CONTACT_VERBS and current.lemma_.lower() in CALL_PURPOSES
                and not _calls_upon(head)
            ):  # "called Lavrov to discuss Syria" is a call made for it (climbed below)
                return HYPOTHETICAL  # "urged all sides to respect the truce": only asked for
            if lemma in mod.intention_verbs:
                return INTENDED
            if lemma in lexicon.speech_verbs:
                return INTENDED if is_purpose else ASSERTED
        if current.dep_ == "xcomp" and head.pos_ == "ADJ" and lemma in COMMITMENT_ADJECTIVES:
            return _unless_dropped_above(head, ANNOUNCED, lexicon)  # "is willing to go"
        if current.dep_ == "pcomp" and lemma in ("of", "from") and head.head.lemma_.lower() in (
            mod.denial_verbs | {"accuse", "blame", "suspect"}
        ):
            return DENIED  # "denied responsibility for attacking", "accused of bombing"
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if has_to and current.dep_ in ("advcl", "xcomp") and lemma in CONTACT_VERBS and not (
            _calls_upon(head)
        ):
            # "summoned the ambassador to complain", "called Morrison to congratulate him": the
            # contact itself carried the message, so the purpose is as real as the contact
            current = head
            continue
        if current.pos_ == "VERB" and has_to:
            if current.dep_ in ("advcl", "relcl", "acl"):
                if current.dep_ == "advcl" and head.pos_ in ("VERB", "AUX") and _own_modality(
                    head, lexicon
                ) == NEGATED:
                    return NEGATED  # "will not go to Moscow to meet Gorbachev"
                if current.dep_ == "acl" and _refused_noun(head, lexicon):
                    return DENIED  # "rejected an invitation to attend the meeting"
                if current.dep_ == "acl" and head.lemma_.lower() in PERMISSIONS:
                    return HYPOTHETICAL  # "granted the DSS permission to detain him": allowed
                return INTENDED  # purpose clause: "talks to relaunch the alliance"
            is_purpose = True
        if current.dep_ not in CLIMB_DEPS or (current.dep_ in ("relcl", "acl")
                                               and current.pos_ in ("VERB", "AUX")):
            break  # a relative clause asserts on its own: "a war during which they hit X"
        current = head
    return INTENDED if is_purpose and start.dep_ in ("xcomp",) else ASSERTED
