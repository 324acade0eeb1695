"""Find event triggers in a parsed sentence and read their actor and recipient off the parse.

The output is a list of :class:`Candidate` per sentence: a trigger, its lexicon entry, the
participant tokens and the clause's modality. Typing refinements, actor resolution, confidence and
record building happen in :mod:`eventwire.coding.build`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.coding import fallbacks, nominal, retype, roles, speech_acts, syntax
from eventwire.coding.candidate import Candidate
from eventwire.coding.lexicon import Lexicon, TriggerSpec
from eventwire.coding.modality import (
    ANNOUNCING_VERBS,
    ASSERTED,
    CONTACT_VERBS,
    DROPPED,
    FUTURE,
    NEGATED,
    PROMISE,
    THREAT,
    held_over,
    trigger_modality,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

OVERRIDE_CONFIDENCE = 0.75
MONEY_SPEC = TriggerSpec(key="money", event_type="AID", cameo="071", mode=None, confidence=0.7,
                         context=("economic",), recipient_preps=("to", "for", "in"))
#: Event types done together: coordinated subjects act with each other, not each alone.
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
JOINT_SIGNING = frozenset({"sign", "ratify", "agreement", "deal", "accord", "treaty", "pact", "agree",
                           "reach", "conclude", "finalize", "finalise", "seal", "clinch", "ink"})
#: Verbs of arriving: only a peacekeeping force's arrival is an event (see
#: ``_peacekeepers_arriving``).
ARRIVAL_VERBS = frozenset({"arrive", "land"})
PEACEKEEPERS_ARRIVING = TriggerSpec(key="arrive", event_type="AID", cameo="0743",
                                    mode="peacekeeping", confidence=0.6,
                                    recipient_preps=("in", "at", "to"))
#: Verbs of command, and the types of the commanded acts that the commander is coded for.
ORDER_VERBS = frozenset({"order", "direct", "instruct", "command"})
ORDERED_TYPES = frozenset({"COERCE", "SANCTION", "ASSAULT"})
#: Recipient prepositions of verb+object pairs that have no lexicon entry of their own.
OVERRIDE_PREPS = ("to", "with", "on", "against", "for", "from")
#: Cooperative actions whose negation is a rejection (PLOVER REJECT), and the REJECT mode.
REFUSABLE = frozenset({"AGREE", "SUPPORT", "CONCEDE", "AID", "CONSULT", "COOPERATE", "RETREAT"})
REFUSAL_MODE = {"AID": "assist", "COOPERATE": "assist", "CONSULT": "meet", "CONCEDE": "yield",
                "RETREAT": "yield", "AGREE": None, "SUPPORT": None}
#: Cooperative actions whose announced future is an agreement to act (CAMEO 03 "express intent
#: to cooperate", PLOVER AGREE), with the CAMEO 03x code of each kind of intent.
PROMISED = {"CONSULT": "036", "AID": "033", "CONCEDE": "035", "RETREAT": "035",
            "COOPERATE": "031", "SUPPORT": "032"}
#: Hostile actions whose announcement by their actor is a threat (CAMEO 13).
ANNOUNCED_THREATS = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
TERRITORIAL_SEIZURE = frozenset({"capture", "seize", "overrun", "retake", "recapture", "regain",
                                 "liberate", "occupy", "take"})
#: Verbs ("strike", "walk out") that are protests when the subject downs tools, not weapons.
LABOUR_SUBJECTS = frozenset({"worker", "workers", "union", "unions", "teacher", "teachers",
                             "doctor", "doctors", "nurse", "nurses", "employee", "employees",
                             "miner", "miners", "driver", "drivers", "staff", "student",
                             "students", "lawyer", "lawyers", "farmer", "farmers"})


def _object_lemmas(token: Token) -> set[str]:
    objs = syntax.direct_objects(token) or syntax.passive_subjects(token)
    lemmas: set[str] = set()
    for obj in objs:
        lemmas.update(t.lemma_.lower() for t in obj.subtree)
    return lemmas


def _verb_candidate(token: Token, lexicon: Lexicon) -> Candidate | None:
    lemma = roles.verb_lemma(token, lexicon)
    prt = syntax.particle(token) or retype.adjective_particle(token)  # "let free activists"
    spec = lexicon.verb(lemma, prt)
    # "take to the streets", "open fire", "join forces", "take hostage": verb + fixed object
    for child in token.children:
        if child.dep_ in ("dobj", "prep", "npadvmod", "acomp", "oprd", "xcomp", "advmod") or (
                child.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in child.children)
        ):  # "found X guilty" parses "X guilty" as a small clause
            inner = child.lemma_.lower()  # also "let free", "set free"
            if child.dep_ == "prep":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                inner = f"{child.lower_} {objs[0].lemma_.lower()}" if objs else inner
                fixed = lexicon.verbs.get(f"{lemma} {inner.replace('to the ', 'to ')}")
            else:
                fixed = lexicon.verbs.get(f"{lemma} {inner}")
            if fixed is not None:
                spec = fixed
                break
    if spec is None or (prt is None and spec is lexicon.verbs.get(lemma)):
        for child in token.children:  # "call for", "crack down on": preposition, not particle
            if child.dep_ == "prep" and f"{lemma} {child.lower_}" in lexicon.verbs and not any(
                c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in child.children
            ):  # "called Lavrov on Tuesday" is no "call on"
                spec = lexicon.verbs[f"{lemma} {child.lower_}"]
                break
    if spec is None and lemma in roles.PHONE_VERBS and prt is None:
        spec = roles.phone_spec(token)  # "Rivlin called Ethiopian President Sahle-Work Zewde"
    if spec is None:
        return None
    if spec.objects and not (_object_lemmas(token) & spec.objects):
        has_prep_recipient = bool(syntax.prep_objects(token, spec.recipient_preps))
        if not has_prep_recipient:
            return None
    if spec.object_required and not (syntax.direct_objects(token) or syntax.passive_subjects(
            token) or roles.clause_subjects(token)):  # "allowed Ouattara to run" parsed as a clause
        return None
    event_type, mode, cameo = spec.event_type, spec.mode, spec.cameo
    objects = syntax.direct_objects(token)
    if lemma in TERRITORIAL_SEIZURE and objects and spec.mode != "abduct":  # "took X from home"
        obj = objects[0]
        if nominal.is_person_token(obj):
            event_type, mode, cameo = "COERCE", "arrest", "173"
        elif nominal.is_place_token(obj):
            event_type, mode, cameo = "ASSAULT", None, "190"
    if lemma in ("attack", "assault") and objects and (roles.abstract_target(
            token, ()) or nominal.attack_in_words(token)):  # "attacked X, calling them liars"
        event_type, mode, cameo = "ACCUSE", "disapprove", "111"  # "attacked the decision"
    banned = objects or syntax.passive_subjects(token)
    if lemma in roles.BANNING and banned and roles.bans_actor(token):
        # "banned opposition candidates from running", "outlawed the party": a restriction on
        # political actors is coercion (CAMEO 172), a ban on goods or trade a sanction
        event_type, mode, cameo = "COERCE", "restrict", "172"
    # "protested that ..." is said, not marched; "test-fired a missile" is no attack
    event_type, mode, cameo = retype.refined_verb_type(token, event_type, mode, cameo)
    if lemma in ("strike", "walk") and not objects:
        subj = syntax.subjects(token)
        if subj and subj[0].lower_ in LABOUR_SUBJECTS:
            event_type, mode, cameo = "PROTEST", "strike", "143"
    found = _with_roles(token, spec, event_type, mode, cameo, lexicon, rule=f"verb:{spec.key}")
    return retype.condemning_advocacy(found) if found is not None else None


def _with_roles(
    token: Token, spec: TriggerSpec, event_type: str, mode: str | None, cameo: str | None,
    lexicon: Lexicon, *, rule: str, light: Token | None = None, end: int | None = None,
) -> Candidate | None:
    """Attach participants to a verb trigger (or a noun trigger carried by a light verb)."""
    verb = light if light is not None else token
    modality = trigger_modality(token, lexicon, governor=light)
    if event_type == "MOBILIZE":  # peacekeepers, troops sent to help or offered: aid (before
        event_type, mode, cameo = retype.mobilized_aid(verb, token) or retype.offered(  # future)
            event_type, mode, cameo, verb, light)
    elif event_type == "AID":  # "sent tanks to the border": a show of force
        event_type, mode, cameo = retype.hardware_deployed(verb, token) or (
            event_type, mode, cameo)
    if modality == ASSERTED and retype.is_offer(light):
        modality = PROMISE  # "offered aid", "offered concessions": an offer is an AGREE
    if modality in FUTURE and held_over(verb):
        modality = THREAT  # "will withdraw its troops unless X pays": a threat, no promise
    if modality == NEGATED and event_type in REFUSABLE:
        # "will not accept refugees", "failed to reach a deal": a refusal is itself an event
        event_type, mode, cameo = "REJECT", REFUSAL_MODE.get(event_type), "12"
        modality = ASSERTED
        rule += "+negated"
    if modality in DROPPED:
        return None
    if modality == THREAT and event_type != "THREATEN":
        event_type, mode, cameo = "THREATEN", _threat_mode(event_type, mode), "138"
    if modality in FUTURE and event_type in ANNOUNCED_THREATS:
        # "said they would boycott", "will hold a protest", "will extend the curfew": a hostile
        # act still to come is held over its target (THREATEN), as future cooperation is AGREE
        event_type, mode, cameo = "THREATEN", _threat_mode(event_type, mode), "13"
        rule += "+announced"
    if modality in FUTURE and event_type in PROMISED:
        # "will meet", "offered to send aid", "is willing to withdraw": the promise is the event
        event_type, mode, cameo = "AGREE", None, PROMISED[event_type]
        rule += "+promise"
    if syntax.is_passive(verb):
        actors = syntax.agents(verb)
        recipients = syntax.passive_subjects(verb)
    else:
        actors = syntax.subjects(verb)
        recipients = []
        if light is None:
            objects = syntax.direct_objects(verb)
            if objects and not any(syntax.is_reciprocal(o) for o in objects) and not all(
                _is_generic_object(o, lexicon) for o in objects
            ):
                recipients = objects
    if light is not None:
        actors = actors or syntax.noun_modifier_actors(token)
        recipients = syntax.prep_objects(token, spec.recipient_preps) or syntax.datives(light)
    if not recipients or all(syntax.is_pronoun(r) or not syntax.is_actor_token(r)
                             for r in recipients):
        # "summoned the ambassador to complain", "called Lavrov to discuss Syria"
        recipients = syntax.contact_objects(verb, CONTACT_VERBS) or recipients
    if recipients and light is None and roles.verb_lemma(verb, lexicon) in roles.TRANSFER_VERBS:
        # "sent peacekeepers *to Angola*": what is sent is the theme, the goal receives it
        recipients = syntax.prep_objects(verb, ("to", "into")) or syntax.datives(
            verb) or recipients
    if recipients and not any(syntax.is_actor_token(r) for r in recipients):
        # "returned a pendant *to Russian authorities*": the thing moved is not the recipient
        recipients = syntax.prep_objects(verb, spec.recipient_preps) or syntax.datives(
            verb) or recipients
    if not recipients:
        recipients = syntax.prep_objects(verb, spec.recipient_preps) or syntax.datives(verb)
    if not recipients and syntax.particle(verb) in spec.recipient_preps:
        recipients = syntax.prep_objects(verb, spec.recipient_preps)
    actors, recipients = _reciprocal(verb, actors, recipients)
    if not recipients and len(actors) >= 2 and (
        event_type in SYMMETRIC_TYPES or spec.key in JOINT_SIGNING
    ):
        # "Canada and the UK agreed a deal", "A and B held talks": a joint action between them
        actors, recipients = actors[:1], actors[1:2]
    if not recipients:  # "refused to send peacekeepers to Angola", "agreed to meet Putin"
        recipients = roles.complement_recipients(verb)
    if not recipients:  # "imposed a curfew on Basra", "declared a ceasefire in Libya"
        recipients = roles.place_recipient(token if light is not None else None, verb)
    if not recipients and event_type == "PROTEST":
        recipients = roles.protest_target(verb)
    if event_type == "PROTEST" and not any(r.ent_type_ in ("PERSON", "ORG", "NORP") or (
            syntax.names_people(r)) for r in recipients):  # not "blocked *streets* in X"
        recipients = fallbacks.protest_authority(verb) or recipients
    if not recipients and event_type == "REQUEST":
        recipients = roles.requested_against(verb, lexicon)  # "called for sanctions against X"
    if not recipients and event_type != "ASSAULT":
        recipients = roles.clause_subjects(verb)  # "demanded that X step down", "allowed X to run"
    if light is None and not any(r.pos_ == "PROPN" or r.ent_type_ in (
            "PERSON", "ORG", "GPE", "NORP") for r in recipients):
        # "sent experts *to Saudi Arabia* to investigate the attacks": where they were sent
        recipients = fallbacks.sent_to(verb) or recipients
    if not recipients and (mode == "strike" or (
            token.lemma_.lower() == "strike" and event_type != "ASSAULT")):
        recipients = fallbacks.labour_counterpart(verb, actors)  # the employer struck against
    return Candidate(
        trigger=token, trigger_end=end or token.i + 1, spec=spec, event_type=event_type,
        mode=mode, cameo=cameo, actors=tuple(actors), recipients=tuple(recipients),
        modality=modality, rule=rule, nominal=light is not None,
    )


def _threat_mode(event_type: str, mode: str | None) -> str:
    """PLOVER THREATEN mode for a threatened action of this type and mode."""
    if event_type == "COERCE":
        return "arrest" if mode == "arrest" else "restrict"
    if event_type == "SANCTION":
        return "expel" if mode == "expel" else "relations"
    return {"ASSAULT": "violence", "REJECT": "relations", "RETREAT": "relations",
            "PROTEST": "restrict", "MOBILIZE": "violence"}.get(event_type, "violence")


def _is_generic_object(token: Token, lexicon: Lexicon) -> bool:
    """Objects that are the action itself ("launched attacks") rather than a recipient."""
    lemma = token.lemma_.lower()
    return lemma in lexicon.nouns or lemma in ("responsibility", "role", "part", "statement")


def _reciprocal(verb: Token, actors: list[Token], recipients: list[Token]) -> tuple[list, list]:
    """ "A and B blamed each other": each is actor and recipient of the other."""
    objects = [c for c in verb.children if c.dep_ in syntax.OBJECT_DEPS]
    if objects and syntax.is_reciprocal(objects[0]) and len(actors) >= 2:
        return actors[:1], actors[1:2]
    return actors, recipients


def _light_verb_candidate(verb: Token, lexicon: Lexicon) -> Candidate | None:
    """ "launched attacks on X", "imposed sanctions on Y", "sent troops to Z"."""
    lemma = roles.verb_lemma(verb, lexicon)
    objects = [c for c in verb.children if c.dep_ in syntax.OBJECT_DEPS]
    if not objects:  # "war games were staged by ...", "sanctions were imposed on ..."
        objects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not objects and verb.dep_ == "acl" and verb.tag_ == "VBN" and (
            lemma in roles.TRANSFER_VERBS or lemma in retype.MOVING_VERBS):
        objects = [verb.head]  # "the people evacuated by the U.S.", "aid sent to Gaza"
    via_prep = False
    if not objects:
        for child in verb.children:  # "pressed on with a war", "agreed on a deal"
            if child.dep_ == "prep" and child.lower_ in ("with", "on", "to"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                via_prep = child.lower_ != "with"  # only listed pairs: "agreed to mediation"
                break
    prt = syntax.particle(verb)
    phrasal = prt is not None and f"{lemma} {prt}" in lexicon.verbs  # "call off", not "call"
    for obj in objects:
        target = syntax._substantive(obj)
        noun_lemma = nominal.object_lemma(target)  # "cease-fire", not "fire"
        if lemma in roles.MONEY_VERBS and roles.is_money(obj):
            # "gave $2 million to", "provided EUR 28 million for": a payment is aid
            spec = replace(MONEY_SPEC, key=f"{lemma} money")
            return _with_roles(target, spec, "AID", None, spec.cameo, lexicon,
                               rule=f"money:{lemma}", light=verb, end=target.i + 1)
        found, override = lexicon.override(f"{lemma} {prt}", noun_lemma) if prt else (False, None)
        if not found:  # "call off the strike" before "call a strike"
            found, override = lexicon.override(lemma, noun_lemma)
        if (not found or override is None) and not nominal.is_place_token(target) and (
                noun_lemma not in nominal.ROOMS):  # "ended mediation efforts", "violated the
            for child in target.lefts:  # Ceasefire Agreement": the compound names the activity
                if child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN"):
                    inner_found, inner = lexicon.override(lemma, child.lemma_.lower())
                    if inner_found and (not found or inner is not None):
                        found, override = inner_found, inner
                        break
        if via_prep and not found:
            continue
        spec, end = nominal.noun_spec(target, lexicon)
        if found and override is None:
            return None
        if found and override is not None:
            base = spec if spec is not None and spec.event_type == override else None
            chosen = base or lexicon.verbs.get(lemma) or spec or _override_spec(
                lemma, noun_lemma, override)
            mode = chosen.mode if chosen.event_type == override else None
            cameo = chosen.cameo if chosen.event_type == override else None
            # the verb+object pair was listed by hand, so it is at least as telling as a verb
            chosen = replace(chosen, confidence=max(chosen.confidence, OVERRIDE_CONFIDENCE))
            if spec is not None and chosen is not spec:  # "lifted the siege *of* X"
                chosen = replace(chosen, recipient_preps=tuple(dict.fromkeys(
                    chosen.recipient_preps + spec.recipient_preps)))
            return _with_roles(target, chosen, override, mode, cameo, lexicon,
                               rule=f"light:{lemma}+{noun_lemma}", light=verb, end=end)
        if spec is not None and lemma in lexicon.light_verbs and not phrasal:
            return _with_roles(target, spec, spec.event_type, spec.mode, spec.cameo, lexicon,
                               rule=f"light:{lemma}+{spec.key}", light=verb, end=end)
    return None


def _listed_pair(verb: Token, lemma: str, lexicon: Lexicon) -> bool:
    """The verb and its object are a listed pair, so the pair decides (even to drop it)."""
    return any(lexicon.override(lemma, nominal.object_lemma(syntax._substantive(o)))[0]
               for o in verb.children if o.dep_ in syntax.OBJECT_DEPS)


def _override_spec(verb_lemma: str, noun_lemma: str, event_type: str) -> TriggerSpec:
    """A spec for a listed verb+object pair when neither word has an entry of its own.

    "established diplomatic ties", "shared evidence with": the pair was written by hand, so it
    needs no lexicon entry for either word to be an event.
    """
    return TriggerSpec(key=f"{verb_lemma} {noun_lemma}", event_type=event_type, cameo=None,
                       mode=None, confidence=OVERRIDE_CONFIDENCE,
                       recipient_preps=OVERRIDE_PREPS)


def _peacekeepers_arriving(verb: Token, lexicon: Lexicon) -> Candidate | None:
    """ "Japanese peacekeepers arrived in Juba": a peacekeeping force reaching its mission is
    the aid it brings (CAMEO 0743), done to the place it reaches; other arrivals are no event."""
    subjects = syntax.subjects(verb)
    if not any(t.lemma_.lower() in roles.PEACEKEEPING or t.lower_ in roles.PEACEKEEPING
               for s in subjects for t in s.subtree):
        return None
    cand = _with_roles(verb, PEACEKEEPERS_ARRIVING, "AID", "peacekeeping", "0743", lexicon,
                       rule=f"arrival:{verb.lemma_.lower()}")
    # "the first deployment *of NATO peacekeeping troops*": the troops, not their batch
    inner = [o for s in subjects if s.lemma_.lower() not in roles.PEACEKEEPING
             for o in syntax.prep_objects(s, ("of",))]
    return replace(cand, actors=tuple(inner)) if cand is not None and inner else cand


def _noun_candidate(token: Token, lexicon: Lexicon) -> Candidate | None:
    """An event noun not carried by a light verb: "Israeli airstrikes on Gaza killed ..."."""
    spec, end = nominal.noun_spec(token, lexicon)
    if spec is None or nominal.party_in_a_clause(token, spec):
        return None
    modality = trigger_modality(token, lexicon)
    if modality in DROPPED:
        return None
    actors = syntax.noun_modifier_actors(token) or syntax.agents(token) or (
        nominal.agent_noun_holder(token)) or (  # "the US remains the largest donor"
        nominal.doers_of(token))  # "X claimed responsibility for the attack"
    recipients = syntax.prep_objects(token, spec.recipient_preps)
    if not actors and not recipients:  # "clashes broke out between A and B"
        actors, recipients = nominal.between_sides(token)
    if not recipients:  # "died after torture"
        recipients = nominal.death_victims(token, spec)
    if not actors and not recipients:
        return None
    event_type, mode, cameo, rule = spec.event_type, spec.mode, spec.cameo, f"noun:{spec.key}"
    if modality in FUTURE and event_type in PROMISED:  # "will lead a delegation on a visit"
        event_type, mode, cameo, rule = "AGREE", None, PROMISED[event_type], rule + "+promise"
    return Candidate(
        trigger=token, trigger_end=end, spec=spec, event_type=event_type, mode=mode,
        cameo=cameo, actors=tuple(actors), recipients=tuple(recipients), modality=modality,
        rule=rule, nominal=True,
    )


def detect(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    """Every candidate event in one sentence, in text order."""
    found: list[Candidate] = []
    consumed: set[int] = set()
    for token in sentence:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = roles.verb_lemma(token, lexicon)
        if lemma in lexicon.speech_verbs or lemma in ANNOUNCING_VERBS:
            candidate = speech_acts.speech_candidate(token, lexicon)
            if candidate is not None:
                found.append(candidate)
                continue
        labelled = speech_acts.name_calling(token)  # "called the envoy a liar": ACCUSE
        if labelled is not None:
            candidate = _with_roles(token, labelled[0], "ACCUSE", "disapprove", "111", lexicon,
                                    rule="verbal:name-calling")
            if candidate is not None:
                found.append(replace(candidate, recipients=candidate.recipients or tuple(
                    labelled[1])))
            continue
        prt = syntax.particle(token)
        if lemma in lexicon.speech_verbs and not (
                prt and f"{lemma} {prt}" in lexicon.object_overrides):
            continue  # "wrote that ...", but "wrote off the debt" is listed as a phrase
        candidate = None
        if lemma in lexicon.light_verbs or lemma in lexicon.object_overrides or (
            lemma in roles.MONEY_VERBS or (prt and f"{lemma} {prt}" in lexicon.object_overrides)
        ):
            candidate = _light_verb_candidate(token, lexicon)
        if candidate is None and token.pos_ == "VERB" and not _listed_pair(token, lemma, lexicon):
            candidate = _verb_candidate(token, lexicon)
        if candidate is None and lemma in ARRIVAL_VERBS:
            candidate = _peacekeepers_arriving(token, lexicon)
        typed = retype.subject_event(token) if candidate is None else None
        if typed is not None:  # "troops began leaving Mali", "protesters gathered outside"
            candidate = _with_roles(token, typed, typed.event_type, typed.mode, typed.cameo,
                                    lexicon, rule=f"subject:{typed.key}")
        if candidate is not None:
            found.append(candidate)
            consumed.add(candidate.trigger.i)
    for token in sentence:
        if token.pos_ in ("NOUN", "PROPN") and token.i not in consumed:
            candidate = _noun_candidate(token, lexicon)
            if candidate is not None:
                found.append(candidate)
    found = retype.without_descriptions(found)  # "the coalition fighting the rebels declared"
    return sorted(_ordered_actions(found), key=lambda c: c.trigger.i)


def _ordered_actions(found: list[Candidate]) -> list[Candidate]:
    """ "The judge ordered nine ex-ministers jailed", "ordered the paper to suspend publication":
    whoever orders a coercive act does it (through others), so the order takes its type and the
    complement's own candidate, whose subject is the person ordered, is dropped.
    """
    orders = [c for c in found if c.spec.key in ORDER_VERBS and not c.nominal]
    if not orders:
        return found
    dropped: set[int] = set()
    result = []
    for cand in found:
        if cand in orders:
            for other in found:
                verb = other.trigger.head if other.nominal else other.trigger
                if (other is not cand and other.event_type in ORDERED_TYPES
                        and verb.head.i == cand.trigger.i
                        and verb.dep_ in ("xcomp", "ccomp", "oprd")):
                    spec = replace(cand.spec, confidence=max(cand.spec.confidence,
                                                             other.spec.confidence))
                    cand = replace(cand, spec=spec, event_type=other.event_type, mode=other.mode,
                                   cameo=other.cameo, rule=f"{cand.rule}+{other.spec.key}")
                    dropped.add(id(other))
                    break
        result.append(cand)
    return [c for c in result if id(c) not in dropped]


def clause_candidate(sentence: Span, event_type: str, probability: float,
                     lexicon: Lexicon) -> Candidate | None:
    """A candidate for the sentence's main clause, typed by the trained typer."""
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in lexicon.speech_verbs:
        embedded = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if not embedded:
            return None
        root = embedded[0]  # "X said (that) Y rejected Z": the reported clause
    spec = TriggerSpec(key=root.lemma_.lower(), event_type=event_type, cameo=None, mode=None,
                       confidence=round(probability * 0.85, 3),
                       recipient_preps=("to", "with", "against", "on", "from", "for"))
    return _with_roles(root, spec, event_type, None, None, lexicon,
                       rule=f"typer:{event_type}")
