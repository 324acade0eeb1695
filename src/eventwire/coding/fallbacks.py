"""Who stands behind an act when the detector's own participants do not say.

The doer read off the clause around the trigger ("the EU is *prolonging* sanctions", "the ILO
reiterated *its* demand"), the two sides of a "between" phrase, whom a demand is addressed to,
and where a transfer goes. :mod:`eventwire.coding.build` calls these only for roles the
detector left empty. Split from :mod:`eventwire.coding.roles` to keep modules short; like
those rules, each was found on development gold only (PLV train, PLOVER GSR) and is pinned by a
synthetic unit test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.coding import syntax
from eventwire.coding.roles import (
    NOT_TARGET_ENTS,
    clause_places,
    governing_verb,
    is_purpose,
    names_event,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.coding.lexicon import Lexicon


#: Verbs that carry an event noun without saying who suffers it: their subject does the act
#: ("the EU is *prolonging* sanctions", "the US *completed* its withdrawal").
CARRYING_VERBS = frozenset({"prolong", "complete", "maintain", "set", "keep", "finish", "pursue",
                            "step", "expand", "escalate", "continue", "extend", "renew",
                            "resume", "launch", "begin", "start", "conduct", "carry", "stage",
                            "hold", "impose", "issue", "announce", "declare", "order", "provide",
                            "offer", "give", "send", "deliver", "mount", "wage", "make", "sign",
                            "reach", "take", "lead", "organize", "organise", "intensify",
                            "undertake", "initiate", "unleash", "level", "lodge", "file",
                            "pledge", "approve", "authorize", "authorise", "deploy", "dispatch",
                            "end", "lift", "tighten", "ease", "broaden", "widen", "plan"})


#: Verbs that voice a stance named by their object ("reiterated Turkey's support").
STATING_VERBS = frozenset({"reiterate", "reaffirm", "express", "voice", "convey", "repeat",
                           "restate", "underline", "underscore", "emphasize", "emphasise"})


def stating_subject(noun: Token) -> list[Token]:
    """The named speaker who voices a stance held by someone he speaks for: "*Erdogan*
    reiterated Turkey's support", "*Guterres* reiterated the U.N.'s commitment to ..."."""
    verb = noun.head
    if noun.dep_ not in syntax.OBJECT_DEPS or verb.lemma_.lower() not in STATING_VERBS:
        return []
    return [t for t in syntax.subjects(verb)
            if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")]


def fallback_agents(trigger: Token, nominal: bool) -> list[Token]:
    """Who did an act the detector found no actor for, from the clause around it.

    An event noun carried by a verb of doing is done by that verb's subject ("The EU is
    prolonging sanctions against X"); a passive with no "by" phrase that happened in or from a
    named country is that state's act ("two inspectors were expelled from North Korea").
    """
    if nominal:
        verb = governing_verb(trigger)
        if verb is not None and verb.lemma_.lower() in CARRYING_VERBS and not syntax.is_passive(
                verb) and trigger.dep_ in ("dobj", "obj", "conj", "pobj"):
            found = [t for t in syntax.subjects(verb) if t.i != trigger.i]
            if found:
                return found
        return []
    if syntax.is_passive(trigger) and not syntax.agents(trigger):
        # "was arrested on Monday *in Niger*" (a name the tagger may call a person), "was
        # tortured and killed in a prison *in Afghanistan*" (the place of the coordinated verb)
        places = [t for t in syntax.prep_objects(trigger, ("from",)) + clause_places(trigger, True)
                  if t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC", "", "PERSON")]
        for verb in (c for c in trigger.children if c.dep_ == "conj" and syntax.is_passive(c)):
            places += [t for t in clause_places(verb) if t.pos_ == "PROPN"]
        return places[:1]
    if trigger.dep_ == "acl" and trigger.head.pos_ == "NOUN" and is_purpose(trigger):
        return pledger(trigger.head)
    prep = trigger.head
    if trigger.dep_ == "pcomp" and prep.lower_ == "to" and prep.head.pos_ == "NOUN":
        return pledger(prep.head)  # "the U.N.'s commitment *to supporting* Lebanon"
    return []


def pledger(noun: Token) -> list[Token]:
    """Who holds a commitment, plan or permission: "*the U.N.'s* commitment to support X", "X
    reiterated its commitment to ..." (the subject of the verb the noun is the object of), "gave
    *the DSS* permission to detain X" (whoever it was given to)."""
    spoken = stating_subject(noun)  # "Guterres reiterated the U.N.'s commitment to support X"
    if spoken:
        return spoken
    for child in noun.children:
        if child.dep_ == "poss" and syntax.is_actor_token(child) and not syntax.is_pronoun(child):
            return [child]
    if noun.dep_ in ("dobj", "obj") and noun.head.pos_ in ("VERB", "AUX"):
        granted = [t for t in syntax.datives(noun.head) if syntax.is_actor_token(t)]
        return granted or syntax.subjects(noun.head)  # "granted *the DSS* permission to detain"
    return []


def transfer_goal(verb: Token) -> list[Token]:
    """Who receives what a transfer verb moves, when the parser hung the "to" phrase low.

    "returned an ancient sculpture of the head of Marcus Aurelius *to Algerian Ambassador X*",
    "returned 12 skulls that date back to A.D. 640 *to Peru*": the last "to" phrase naming an
    actor inside the object's phrase is the goal.
    """
    objects = [c for c in verb.children if c.dep_ in syntax.OBJECT_DEPS]
    goals = [t for o in objects for t in o.subtree
             if t.dep_ == "pobj" and t.head.lower_ in ("to", "into") and t.head.i > o.i
             and t.ent_type_ not in NOT_TARGET_ENTS and syntax.is_actor_token(t)
             and not syntax.is_pronoun(t)]
    return goals[-1:]


def demanded_of(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Whom a demanded act falls on: "demanded the withdrawal *of Serbian forces*", "called for
    the release *of X*" (the "of" phrase of the event noun that is demanded)."""
    demanded = syntax.direct_objects(verb) or syntax.prep_objects(verb, ("for",))
    for noun in demanded[:1]:
        if names_event(noun, lexicon):
            found = [t for t in syntax.prep_objects(noun, ("of",))
                     if syntax.is_actor_token(t) and not syntax.is_pronoun(t)]
            if found:
                return found
    return []


def owner_pronouns(tokens: tuple[Token, ...] | list[Token]) -> list[Token]:
    """A possessive pronoun owning the act stands for the subject of the verb carrying it:
    "the ILO reiterated *its* demand", "the group insisted on *its* demands" → the ILO, the group.
    Other tokens are kept as they are."""
    result: list[Token] = []
    for token in tokens:
        if token.dep_ == "poss" and token.lower_ in syntax.POSSESSIVE_PRONOUNS:
            verb = governing_verb(token.head)
            found = [t for t in syntax.subjects(verb) if t.i != token.head.i] if verb else []
            result += found[:1] or [token]
        else:
            result.append(token)
    return result


def between_sides(trigger: Token, actors: tuple[Token, ...] | list[Token]) -> list[Token]:
    """The two sides named by a "between" phrase on the act or on its subject ("cooperation
    *between A and B*", "the summit *between A and B* failed to reach agreement")."""
    for head in (trigger, *actors):
        found = syntax.prep_objects(head, ("between",))
        sides = [t for t in found if syntax.is_actor_token(t) and not syntax.is_pronoun(t)]
        if len(sides) >= 2:
            return sides[:2]
    return []


def noun_clause_subjects(noun: Token) -> list[Token]:
    """Whom a demand or call is addressed to: "its demand *that Israel* ease restrictions"."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that"
                                                  for c in child.children):
            found = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            return [t for t in found if syntax.is_actor_token(t) and not syntax.is_pronoun(t)]
    return []


def _named(token: Token) -> bool:
    return (token.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or token.pos_ == "PROPN") and (
        token.ent_type_ not in NOT_TARGET_ENTS)


def aid_goal(verb: Token) -> tuple[list[Token], list[Token]]:
    """Named beneficiaries of aid: the "to" phrase or dative of the giving verb or of what it
    gives ("$5 million in assistance *to Nepal*"), and the object of its purpose clause
    ("donated ventilators *to assist Ethiopia*")."""
    goals = [t for t in syntax.datives(verb) + syntax.prep_objects(verb, ("to",)) if _named(t)]
    if not goals:
        goals = [t for o in verb.children if o.dep_ in syntax.OBJECT_DEPS for t in o.subtree
                 if t.dep_ == "pobj" and t.head.lower_ == "to" and _named(t)][:1]
    purposes: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and is_purpose(child):
            purposes = [t for t in syntax.direct_objects(child) if _named(t)]
            break
    return goals, purposes


#: Verbs whose subject undergoes what its object names, given by the "from"/"by" phrase.
RECEIVING_VERBS = frozenset({"receive", "face", "suffer", "endure", "draw", "attract", "get"})


def received_from(trigger: Token, nominal: bool,
                  lexicon: Lexicon) -> tuple[list[Token], list[Token]]:
    """(givers, receivers) of an act undergone by the subject: "Iran's government faces
    criticism *from the U.N.*", "X received an invitation *from Putin*"; empty when none, and
    when what is received is no act ("received a delegation from the OSCE" is a meeting)."""
    verb = trigger.head if nominal and trigger.dep_ in syntax.OBJECT_DEPS else trigger
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in RECEIVING_VERBS:
        return [], []
    objects = [trigger] if nominal else syntax.direct_objects(verb)
    if not any(names_event(o, lexicon) for o in objects):
        return [], []
    found = [t for head in (*objects, verb) for t in syntax.prep_objects(head, ("from", "by"))]
    givers = [t for t in found if syntax.is_actor_token(t) and not syntax.is_pronoun(t)]
    receivers = syntax.subjects(verb)
    return (givers[:1], receivers) if givers and receivers else ([], [])


#: What one can face that someone else does to one: the facer is accused, not the accuser.
FACED_NOUNS = frozenset({"charge", "trial", "prosecution", "accusation", "allegation",
                         "indictment", "investigation", "probe", "lawsuit", "suit", "sanction",
                         "impeachment", "inquiry", "arrest", "deportation", "extradition"})


def charged_party(trigger: Token, nominal: bool) -> list[Token]:
    """Who faces charges, a trial or sanctions: "X faces charges of fraud", "approved the
    extradition of X *to face charges*", "freed two ex-ministers who ... and *face charges*".
    PLOVER codes the one charged as the recipient; who brings the charges is often unnamed."""
    verb = trigger.head if nominal and trigger.dep_ in syntax.OBJECT_DEPS else trigger
    if verb.lemma_.lower() != "face" or not any(
            o.lemma_.lower() in FACED_NOUNS for o in syntax.direct_objects(verb)):
        return []
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own:
        return own
    if verb.dep_ in ("advcl", "xcomp", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        for obj in syntax.direct_objects(verb.head):  # "the extradition *of X* to face"
            inner = syntax.prep_objects(obj, ("of",))
            return inner or ([obj] if syntax.is_actor_token(obj) else [])
        return []  # "have the right to return home to face questioning": who is unclear
    return syntax.subjects(verb) if verb.dep_ in ("conj", "relcl", "ROOT", "ccomp") else []


#: Who a labour dispute is against: the employer or the government that sets pay.
EMPLOYER_WORDS = frozenset({"government", "company", "management", "employer", "employers",
                            "administration", "ministry", "firm", "authority", "authorities", "owner",
                            "owners", "board", "corporation", "operator", "warehouse",
                            "warehouses", "plant", "factory"})


def labour_counterpart(verb: Token, actors: tuple[Token, ...] | list[Token]) -> list[Token]:
    """The employer a strike is against, named anywhere in its clause: "called off the strike
    after the agreement *with the Indian government*", "will not end the strike until *the
    management* is sacked", "went on strike for better pay in *Amazon* warehouses"."""
    taken = {t.i for a in actors for t in a.subtree}
    for token in verb.subtree:
        if token.i in taken or token.i <= verb.i or syntax.is_pronoun(token):
            continue
        if (token.lemma_.lower() in EMPLOYER_WORDS or token.lower_ in EMPLOYER_WORDS) and (
                token.pos_ == "NOUN"):
            named = [c for c in token.children if c.dep_ == "compound" and c.ent_type_ == "ORG"]
            return named[:1] or [token]
        if token.ent_type_ == "ORG" and token.pos_ == "PROPN" and token.dep_ != "compound":
            return [token]
    return []


#: Nouns of a demand whose "of" object is the authority protested against ("calling for the
#: *removal of* President X"), and of open defiance ("in defiance of X").
DEFIED_NOUNS = frozenset({"defiance", "removal", "resignation", "ouster", "overthrow",
                          "downfall", "departure", "dismissal"})


def protest_authority(verb: Token) -> list[Token]:
    """The authority a protest defies, from the clause around it: "blocked streets *in
    defiance of Chinese authorities*", "rioted, calling for the *removal of President X*",
    "demanding independence *from Indonesian* rule"."""
    for token in verb.subtree:
        if token.dep_ != "pobj":
            continue
        prep, noun = token.head, token.head.head
        if prep.lower_ == "of" and noun.lemma_.lower() in DEFIED_NOUNS:
            if syntax.is_actor_token(token) and not syntax.is_pronoun(token):
                return [token]
        elif prep.lower_ == "from" and noun.lemma_.lower() == "independence":
            named = [c for c in token.lefts if c.ent_type_ in ("NORP", "GPE", "ORG")]
            return named[:1] or ([token] if syntax.is_actor_token(token) else [])
    return []


#: Verbs that send people on a mission ("sent experts to X to investigate").
SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "fly"})


def sent_to(verb: Token) -> list[Token]:
    """The named place a team was sent to, for the act it was sent to do."""
    head = verb.head
    if verb.dep_ not in ("advcl", "xcomp") or head.lemma_.lower() not in SENDING_VERBS or not (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        return []
    return [t for t in syntax.prep_objects(head, ("to", "into")) if t.ent_type_ in ("GPE", "LOC")]
