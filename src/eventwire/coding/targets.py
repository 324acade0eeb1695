"""Recipients that hang further from the trigger than the detector looks (rules in
:mod:`.target_rules`, applied here in order).

Journalistic English often names whom an act is aimed at one phrase away from its trigger: the
accused inside the claim an investigation is into ("a probe into *claims that two officers*
beat prisoners"), the holder of a permission ("gave *the navy* permission to land"), the
addressee of the letter a threat was sent in ("sent a letter *to the IMF* threatening to cut
funding"), the owner of what is handed back ("will return the vehicles seized *from the army*"),
the party of the dispute a plan settles ("accepted a plan for settling a dispute *with X*"),
and the side an idiom is done with ("join forces *with X*", where "forces" is part of the
idiom). :func:`refine_recipients` applies these after the detector and the fallbacks of
:mod:`eventwire.coding.build`; each rule was found on development gold only (PLV train, PLOVER
GSR) and is pinned by a synthetic unit test (tests/unit/test_recipients_*.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.coding import roles, syntax
from eventwire.coding.participants import Participant
from eventwire.coding.target_rules import (
    act_phrase,
    addressee,
    claim_subjects,
    complained_of,
    condemned_act,
    dispute_side,
    document_object,
    framed_act,
    gerund_subject,
    human_object,
    idiom_parts,
    idiom_phrase,
    measure_target,
    mobilized_target,
    named_token,
    permission_holder,
    protest_seat,
    purpose_object,
    relation_side,
    request_author,
    taken_from,
    threat_condition,
    up_to_object,
    volley_target,
    withdrawn_from,
)
from eventwire.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.coding.detect import Candidate
    from eventwire.coding.lexicon import Lexicon
    from eventwire.coding.participants import Resolve


def participle_of(sub: Candidate, main: Candidate) -> bool:
    """``sub`` is told in a participle clause of ``main``'s verb: "stormed a base, *killing*
    five", "carried out attacks on X, *killing* dozens". PLOVER codes one assault aimed at the
    main clause's target; the victims counted after the comma are its toll."""
    if sub.event_type != "ASSAULT":  # "filed a suit against X, accusing him": him is X
        return False
    verb = roles.governing_verb(main.trigger) if main.nominal else main.trigger
    return (verb is not None and not sub.nominal and sub.trigger.dep_ == "advcl"
            and sub.trigger.tag_ == "VBG" and sub.trigger.head.i == verb.i)


#: Verbs of a fight between sides named together ("the army and the RSF clashed").
MUTUAL_VERBS = frozenset({"clash", "fight", "battle", "skirmish", "scuffle", "brawl"})
#: Prepositions of where a fight happened, not with whom.
WHERE_PREPS = frozenset({"in", "at", "near", "on", "outside", "around", "across"})


def mutual_sides(cand: Candidate, actors: list[Participant], found: list[Participant],
                 ) -> tuple[list[Participant], list[Participant]] | None:
    """ "Sudan's army and the RSF clashed in Khartoum": the first side fights the second; the
    city is where, not whom. None when the verb is no mutual fight or a side is named."""
    verb = cand.trigger
    if cand.nominal or len(actors) < 2 or verb.lemma_.lower() not in MUTUAL_VERBS:
        return None
    own = {t.i for c in verb.children if c.dep_ == "nsubj" for t in syntax.conjuncts(c)}
    if not all(p.token.i in own for p in actors[:2]):  # the clause's own coordinated subject
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("alongside", "with", "against", "beside")
           or c.dep_ in ("xcomp", "advcl") for c in verb.children):
        return None  # "fought alongside the SDF to oust Isis": together, against someone else
    if not all(p.token.dep_ == "pobj" and p.token.head.lower_ in WHERE_PREPS for p in found):
        return None
    return actors[:1], actors[1:2]


#: Verbs of taking one's own forces out (their place is told elsewhere in the sentence).
WITHDRAWING = frozenset({"withdraw", "pull", "remove", "evacuate", "redeploy", "bring"})
#: Event types that answer someone's request ("rejected the JIA demand").
ANSWERING_TYPES = frozenset({"REJECT", "AGREE", "CONCEDE", "SUPPORT"})


#: Nouns of unnamed people whom only their place tells apart ("people in Somalia").
GENERIC_PEOPLE = frozenset({"people", "person", "civilian", "resident", "refugee", "migrant",
                            "family", "villager", "inhabitant", "child", "woman", "man"})
#: Longest "people in X" phrase shown.
MAX_PEOPLE_TOKENS = 12


def _place_phrase(prep: Token) -> Token | None:
    """The last token of "in Somalia, Ethiopia and Kenya" or "in Greek refugee camps" when the
    preposition's object is a named place (or a place a nationality or name modifies), without
    the clauses hanging on it ("..., who have been facing drought")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if prep.lower_ not in roles.PLACE_PREPS or not objects:
        return None
    place = objects[0]
    if not (place.ent_type_ in ("GPE", "LOC") or any(
            c.dep_ in ("amod", "compound", "nmod", "poss") and c.ent_type_ in ("GPE", "LOC", "NORP")
            for c in place.lefts)):
        return None
    clauses = {t.i for t in prep.subtree if t.dep_ in ("relcl", "acl", "appos", "advcl")
               for t in t.subtree}
    last = max(t.i for t in prep.subtree if t.i not in clauses)
    while prep.doc[last].is_punct and last > place.i:
        last -= 1
    return prep.doc[last]


def located_people(part: Participant) -> Participant:
    """Unnamed people shown with the place told right after them: "help *people in Somalia,
    Ethiopia and Kenya*", "accept 1,500 *people now living in Greek refugee camps*". The
    words are contiguous in the sentence, so the text stays as written."""
    token = part.token
    if part.actor.id or token.lemma_.lower() not in GENERIC_PEOPLE or not (
            part.actor.text.endswith(token.text)) or token.i + 1 >= len(token.doc):
        return part
    doc = token.doc
    nxt = doc[token.i + 1]
    last = None
    if nxt.dep_ == "prep":  # "people *in Somalia*" (on the noun or the verb)
        last = _place_phrase(nxt)
    else:  # "people *now living in Greek camps*"
        for clause in (c for c in token.children if c.dep_ == "acl" and c.i <= token.i + 2):
            preps = [c for c in clause.children if c.dep_ == "prep"]
            last = _place_phrase(preps[0]) if preps and preps[0].i <= clause.i + 1 else None
    if last is None:
        return part
    # the words after the noun, read from their span: Doc.text would join the whole document
    text = part.actor.text + token.whitespace_ + doc[token.i + 1:last.i + 1].text
    if len(text.split()) > MAX_PEOPLE_TOKENS:
        return part
    return replace(part, actor=replace(part.actor, text=text))


def refine_recipients(cand: Candidate, parts: list[Participant], resolve: Resolve,
                      lexicon: Lexicon) -> list[Participant]:
    """The recipients of a candidate after the rules of :mod:`.target_rules`, in order.

    First repairs (a connective "in case" or an idiom's own object is no recipient); then rules
    that replace whatever was found, because what the detector took is a thing standing for
    someone (the accused of a probed claim or a complaint, a condemned act, a permission's
    holder, a counted or harmed object, a tie's partner, a threat's condition); then rules for
    an empty recipient or one that is the moved forces or an inner phrase (a volley's target,
    a misparsed object, a withdrawal's place, the purpose of a deployment, a letter's
    addressee, a protest's building, an answered request's author); last, rules that only fill
    in for a recipient that is no actor (a document's object, a seized thing's holder, what an
    end or a measure is put to, a dispute's other side).
    """
    return [located_people(p) for p in _refined(cand, parts, resolve, lexicon)]


def _refined(cand: Candidate, parts: list[Participant], resolve: Resolve,
             lexicon: Lexicon) -> list[Participant]:
    def named(tokens: list[Token]) -> list[Participant]:
        """Resolved actors, else the phrase as written ("the Sinaloa cartel")."""
        found = resolve(tokens)
        if found or not tokens:
            return found
        shown = syntax.phrase(tokens[0]).text.strip()
        return [Participant(Actor(text=shown), tokens[0], target=True)] if shown else []

    trigger = cand.trigger
    verb = roles.governing_verb(trigger) if cand.nominal else trigger
    idioms = tuple(p.token for p in parts if idiom_phrase(p.token))
    if idioms:  # "remained on alert in case of fighting in X": "case" is no target
        parts = [p for p in parts if p.token not in idioms] or named([  # or a name in it
            t for t in idioms[0].subtree if t.i != idioms[0].i and not syntax.is_pronoun(t)
            and (t.ent_type_ in ("GPE", "LOC", "ORG", "NORP") and t.pos_ == "PROPN")][:1])
    tokens = [p.token for p in parts]
    if not cand.nominal and len(cand.spec.key.split()) > 1:
        idiom = {t.i for t in idiom_parts(tokens, trigger, cand.spec.key)}
        if idiom:  # "join forces with the Greens": the idiom's object receives nothing
            parts = resolve(t for t in syntax.prep_objects(
                trigger, (*cand.spec.recipient_preps, "with", "against")) if named_token(t)) or [
                p for p in parts if p.token.i not in idiom]
            tokens = [p.token for p in parts]
    if cand.event_type == "ACCUSE":
        found = named(claim_subjects(tokens, trigger, verb))
        if not found and not cand.nominal and all(p.token.head.lower_ == "to" for p in parts):
            # "complained to the UN over Israeli raids": the accused, not the addressee
            found = resolve(complained_of(trigger, lexicon))
        if not found and not cand.nominal:
            act = condemned_act(trigger, parts, lexicon)
            shown = act_phrase(act[0]) if act else ""
            found = [Participant(Actor(text=shown), act[0], target=True)] if shown else []
        if found:
            return found
    if cand.nominal:
        found = named(permission_holder(trigger))
        if found:
            return found
    else:
        found = named(up_to_object(trigger))  # "kidnapped up to 16 advisers from a bazaar"
        objects = human_object(trigger)  # "abducted 40 schoolgirls from a village in Borno"
        if not found and objects and not any(p.token.i in {t.i for t in objects[0].subtree}
                                             for p in parts):
            found = named(objects)
        if found:
            return found
    found = named(relation_side(tokens))  # "boycott all official contact with the US"
    if found:
        return found
    if cand.event_type in ("THREATEN", "REQUEST") and all(
            p.target or p.token.dep_ in syntax.SUBJECT_DEPS for p in parts):
        # "threatened that if Israel did not comply, the CIA would cut ties": Israel, not the
        # subject of what is threatened (an addressee or object named outright stays)
        found = named(threat_condition(trigger, {t.i for t in cand.actors}))
        if found:
            return found
    if not parts and cand.event_type == "ASSAULT" and not cand.nominal:
        found = named(volley_target(trigger))  # "fired rockets at X, killing or wounding 50"
        if found:
            return found
    if not parts:  # "launched an attack on X's government calling it corrupt"
        preps = (*cand.spec.recipient_preps, "on", "against", "to")
        found = named(gerund_subject(trigger, preps) or (
            gerund_subject(verb, preps) if verb is not None and verb.i != trigger.i else []))
        if not found and verb is not None and cand.spec.key.split()[0] in WITHDRAWING and any(
                roles.own_thing(t) for t in syntax.direct_objects(verb)):
            found = named(withdrawn_from(verb))  # "withdraw its troops if ... in Gaza"
        if found:
            return found
    moved = {t.i for t in syntax.passive_subjects(trigger)}  # the forces sent act, not receive
    if cand.event_type in ("MOBILIZE", "AID") and not cand.nominal and syntax.is_passive(
            trigger) and all(p.token.i in moved for p in parts):
        found = named(purpose_object(trigger))  # "peacekeepers are deployed to relieve X"
        if found:
            return found
    if cand.event_type == "MOBILIZE" and not cand.nominal and all(
            p.target or p.token.i in {t.i for o in syntax.direct_objects(verb) for t in o.subtree}
            for p in parts):  # the forces moved, or where they stand, receive nothing
        found = named(mobilized_target(verb))
        if found:
            return found
    if not cand.nominal and not any(p.token.head.i == trigger.i and p.token.dep_ in (
            *syntax.OBJECT_DEPS, "dative") for p in parts):
        # "sent a letter to X threatening to cut funding over Y": X, not Y
        found = named(addressee(trigger))
        if found:
            return found
    if cand.event_type == "PROTEST" and verb is not None and all(
            p.target or p.token.ent_type_ in ("GPE", "LOC") for p in parts):
        found = named(protest_seat(verb))  # "rallied outside the US embassy in Baghdad"
        if found:
            return found
    if cand.event_type in ANSWERING_TYPES and not cand.nominal:
        for obj in syntax.direct_objects(trigger):  # "would not meet hostage-takers demands"
            inside = {t.i for t in obj.subtree}
            if all(p.token.i in inside for p in parts):
                found = named(request_author(obj))
                if found:
                    return found
    if parts and not all(p.target for p in parts):
        return parts
    found = named(document_object(trigger)) if cand.nominal else []
    found = found or named(taken_from(tokens, None if cand.nominal else trigger))
    found = found or named(framed_act(tokens))
    found = found or named(measure_target(tokens or ([trigger] if cand.nominal else [])))
    # ("rolled back tariffs on Chinese goods", "reduced tariffs on $1 billion of X's exports")
    found = found or named(dispute_side(tokens, lambda t: roles.names_event(t, lexicon)))
    return found or parts
