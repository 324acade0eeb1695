"""Turn detected candidates into :class:`~eventwire.model.Event` records.

Resolves participant tokens to actors (dictionary, apposition, pronoun antecedent), merges
candidates that describe the same action in one sentence, assigns ACLED types, and scores a
confidence from the evidence the coder had.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.coding import fallbacks, roles, syntax, targets
from eventwire.coding.acled_story import acled_in_story, protest_broken_up, war_means
from eventwire.coding.detect import Candidate
from eventwire.coding.lexicon import Lexicon
from eventwire.coding.modality import CONTACT_VERBS, FUTURE, INTENDED, THREAT
from eventwire.coding.nonpolitical import is_non_political, ordinary_crime
from eventwire.coding.participants import (  # re-exported: eventwire.coding imports them here
    MAX_PARTICIPANTS,
    ActorResolver,
    MentionMemory,
    Participant,
    Resolve,
    remember_entities,
    resolve_participant,
)
from eventwire.model import Actor, Document, Event, Evidence, Trigger, stable_id

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span, Token

__all__ = ["ActorResolver", "MentionMemory", "Participant", "build_events", "confidence",
           "remember_entities", "resolve_participant"]

#: Types whose coordinated actors act with each other ("A and B agreed", "A and B met").
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})
NON_HUMAN_AGENTS = roles.NON_HUMAN_AGENTS
#: What firefighters and rescuers "battle" or "fight": not an adversary.
NON_HUMAN_TARGETS = frozenset({"fire", "blaze", "flame", "wildfire", "bushfire", "flood",
                               "flooding", "floodwater", "outbreak", "epidemic", "disease"})
TYPE_CONTEXT = {"ASSAULT": "military", "MOBILIZE": "military", "PROTEST": "protest",
                "SANCTION": "international", "AID": "humanitarian"}


def _where(token: Token) -> bool:
    """The participant is where the act happened ("met *in Paris*"), not a side of it."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at")


def _same_mention(actor: Participant, recipient: Participant) -> bool:
    """The recipient names the actor itself, not just someone of the same state.

    "Thai government will extend the curfew in Bangkok": a state acting on its own capital is
    a domestic event with both sides coded (PLOVER codes domestic actors too); only the same
    words, or an actor turned back on itself, make no recipient.
    """
    if actor.token.i == recipient.token.i:
        return True
    return actor.actor.text.lower() == recipient.actor.text.lower()


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return actor.id or (actor.name or actor.text).lower()


def confidence(candidate: Candidate, actor: Participant | None,
               recipient: Participant | None, sentence: Span) -> float:
    """Evidence-weighted score: how sure the coder can be that this event is right.

    Starts from the trigger's prior and moves with what the parse supports; the weights were set
    by hand on the PLV train split and are checked by `eventwire eval` (confidence buckets).
    """
    score = candidate.spec.confidence
    if actor is None or actor.target:
        score -= 0.15
    elif actor.actor.id:
        score += 0.08
    else:
        score += 0.02
    if recipient is not None and not recipient.target:
        score += 0.04
    if actor is not None and actor.via_pronoun:
        score -= 0.08
    if candidate.nominal:
        score -= 0.05
    if len(sentence) > 50:
        score -= 0.05
    if candidate.modality in (INTENDED, THREAT, *FUTURE) and candidate.event_type not in (
        "THREATEN", "AGREE"
    ):
        score *= 0.6
    return round(min(0.99, max(0.02, score)), 3)


def _evidence(document: Document, sentence: Span) -> Evidence:
    start, end = sentence.start_char, sentence.end_char
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(document_id=document.id, sentence=text[start:end], start=start, end=end)


def _trigger(candidate: Candidate) -> Trigger:
    token = candidate.trigger
    doc = token.doc
    last = doc[candidate.trigger_end - 1] if candidate.trigger_end > token.i else token
    start = min(token.idx, last.idx)
    end = max(token.idx + len(token.text), last.idx + len(last.text))
    # the span's text is doc.text[start:end]; Doc.text would join every token of the document
    return Trigger(text=doc[token.i:last.i + 1].text, lemma=candidate.spec.key, start=start,
                   end=end)


def build_events(
    candidates: list[Candidate], sentence: Span, document: Document, actors: ActorResolver,
    lexicon: Lexicon, memory: MentionMemory, on_date: str | None,
) -> list[Event]:
    """Events of one sentence: one per (actor, recipient) pair, same actions merged."""
    evidence = _evidence(document, sentence)
    built: dict[tuple[str, str, str], tuple[Event, Candidate]] = {}

    def resolve(tokens: Iterable[Token]) -> list[Participant]:
        found = (resolve_participant(t, actors, lexicon, memory, on_date) for t in tokens)
        return [p for p in found if p is not None][:MAX_PARTICIPANTS]

    for cand in candidates:
        parts = _participants(cand, resolve, lexicon)
        if parts is None:
            continue
        actor_parts, recipient_parts = parts
        for actor in actor_parts or [None]:
            others = [r for r in recipient_parts if not actor or not _same_mention(actor, r)]
            # "Saudi Arabia imposed blockades on Saudi ports": the act stands, the actor is no
            # recipient of its own action
            for recipient in others or [None]:
                event = _event(cand, actor, recipient, sentence, document, evidence,
                               _fought(actor, lexicon))
                _merge_into(built, event, cand)
    kept = [event for event, _ in built.values() if not is_non_political(event, document.text)]
    # a PLOVER arrest of a drug dealer is no ACLED event (see coding.nonpolitical)
    return [event.with_changes(acled=None) if event.acled and ordinary_crime(
        event, document.text) else event for event in kept]


def _participants(cand: Candidate, resolve: Resolve,
                  lexicon: Lexicon) -> tuple[list[Participant], list[Participant]] | None:
    """Actor and recipient participants of a candidate, or None when it names neither.

    The detector's tokens come first; the fallbacks below fill in what it left empty (see the
    functions of :mod:`eventwire.coding.roles` for the rules and their examples).
    """
    actor_parts = resolve(fallbacks.owner_pronouns(cand.actors[:MAX_PARTICIPANTS]))
    recipient_parts = resolve(cand.recipients[:MAX_PARTICIPANTS])
    verb = cand.trigger.head if cand.nominal else cand.trigger
    if cand.nominal and all(t.dep_ == "poss" for t in cand.actors):
        # "Erdogan reiterated *Turkey's* support for X": the named speaker, not the state
        actor_parts = resolve(fallbacks.stating_subject(cand.trigger)) or actor_parts
    givers, receivers = fallbacks.received_from(cand.trigger, cand.nominal,
                                                       lexicon)
    if givers:  # "X faces criticism *from the U.N.*": the U.N. criticises X
        actor_parts, recipient_parts = resolve(givers) or actor_parts, resolve(receivers)
    elif charged := fallbacks.charged_party(cand.trigger, cand.nominal):  # "X faces charges"
        recipient_parts = resolve(charged) or recipient_parts
        actor_parts = [p for p in actor_parts if p.token.i not in {t.i for t in charged}]
    if not actor_parts and not recipient_parts:
        # "the summit *between the EU and Turkey* failed to reach agreement": the two sides
        sides = resolve(fallbacks.between_sides(cand.trigger, cand.actors))
        actor_parts, recipient_parts = sides[:1], sides[1:2]
    if not recipient_parts and cand.nominal:  # "reiterated its demand *that Israel* ease ..."
        recipient_parts = resolve(fallbacks.noun_clause_subjects(cand.trigger))
    if not actor_parts and cand.spec.event_type == "MOBILIZE" and syntax.is_passive(verb):
        # "peacekeepers were deployed to X": the forces moved are the actor, X receives it
        moved = {t.i for t in syntax.passive_subjects(verb)}
        actor_parts = [p for p in recipient_parts if p.token.i in moved] or resolve(
            syntax.passive_subjects(verb))
        recipient_parts = [p for p in recipient_parts if p.token.i not in moved]
    if not actor_parts and len(recipient_parts) >= 2 and (
            recipient_parts[0].token.head.lower_ == "between"):
        # "fighting between Azerbaijanis and Armenians": the first side acts on the second
        actor_parts, recipient_parts = recipient_parts[:1], recipient_parts[1:2]
    if not actor_parts and recipient_parts:  # only an act that names whom it hit: "a gas
        actor_parts = _act_as_actor(cand, lexicon)  # explosion destroyed a building" is none
    if not actor_parts:  # the doer read off the clause (see fallbacks.fallback_agents)
        actor_parts = resolve(fallbacks.fallback_agents(cand.trigger, cand.nominal))
    agentless = not actor_parts and not recipient_parts
    if agentless:
        if not _agentless_violence(cand):
            return None
        # "A suicide truck bomb exploded at a checkpoint": ACLED codes it with an unidentified
        # actor; the weapon as written stands in (no sector), the target is read below
        actor_parts = _weapon_subject(cand)
    if not recipient_parts and len(actor_parts) >= 2 and cand.event_type in JOINT_TYPES:
        recipient_parts = _welcomed(cand, resolve, lexicon)  # "A and B welcomed *the OPCW* visit"
    if not recipient_parts and len(actor_parts) >= 2 and cand.event_type in JOINT_TYPES:
        # "The US and Sudan are upgrading ties": a joint act is done with each other
        actor_parts, recipient_parts = actor_parts[:1], actor_parts[1:2]
    elif len(actor_parts) == 1 and cand.event_type in JOINT_TYPES and all(
            _where(r.token) for r in recipient_parts):
        # "UK and EU negotiators agreed a deal": the second side is a modifier's conjunct
        sides = resolve(syntax.modifier_conjuncts(actor_parts[0].token))
        recipient_parts = sides[:1] or recipient_parts
    if not cand.nominal and roles.verb_lemma(verb, lexicon) in roles.TRANSFER_VERBS and all(
            p.token.dep_ in syntax.OBJECT_DEPS and p.token.head.i == verb.i
            for p in recipient_parts):
        # what is moved is no recipient: "returned the skulls ... to Peru"
        recipient_parts = resolve(fallbacks.transfer_goal(verb)) or recipient_parts
    if cand.event_type == "REQUEST" and not cand.nominal and not any(
            p.token.dep_ in syntax.OBJECT_DEPS or p.token.head.lower_ in ("on", "upon", "to")
            for p in recipient_parts):  # whoever is addressed ("called on Y") stays
        recipient_parts = resolve(fallbacks.demanded_of(verb, lexicon)) or recipient_parts
    if cand.event_type == "AID" and roles.verb_lemma(verb, lexicon) in roles.GIVING_VERBS:
        # "provided $2 million in assistance *to Fiji* in response to Cyclone X", "donated 250
        # ventilators *to assist Ethiopia*": the named beneficiary, not what was given
        recipient_parts = _aid_recipients(verb, recipient_parts, resolve)
    if cand.event_type == "CONSULT" and not cand.nominal and all(
            p.token.dep_ in syntax.OBJECT_DEPS for p in recipient_parts):
        # "discussed *Libya* with Trump": the topic is no party to the talks, the "with" one is
        partner = [t for t in syntax.prep_objects(verb, ("with",)) + syntax.contact_objects(
            verb, CONTACT_VERBS) if syntax.is_actor_token(t)]  # "called King X, discussing ways"
        recipient_parts = resolve(partner) or recipient_parts
    if cand.event_type == "MOBILIZE" and recipient_parts:
        recipient_parts = _mobilized_against(cand, recipient_parts, resolve, lexicon)
    actor_parts, recipient_parts = targets.mutual_sides(  # "A and B clashed in X": A fights B
        cand, actor_parts, recipient_parts) or (actor_parts, recipient_parts)
    if recipient_parts and all(roles.own_thing(p.token) for p in recipient_parts):
        # "willing to withdraw *its troops* ... in Gaza": the place beyond receives it
        owned = tuple(p.token for p in recipient_parts)
        recipient_parts = _targets(cand, resolve, lexicon, owned)
    elif not recipient_parts:
        recipient_parts = _targets(cand, resolve, lexicon)
    # the accused of a probed claim, a permission's holder, a letter's addressee: see targets
    recipient_parts = targets.refine_recipients(cand, recipient_parts, resolve, lexicon)
    if _non_human_harm(cand, actor_parts, recipient_parts):
        return None
    if agentless or (not actor_parts and _agentless_violence(cand)):
        # "a blast ripped through a building *in Tehran*": where, not whom
        recipient_parts = [p for p in recipient_parts if not _where(p.token)]
    return actor_parts, recipient_parts


def _non_human_harm(cand: Candidate, actor_parts: list[Participant],
                    recipient_parts: list[Participant]) -> bool:
    """A harm done by nature, disease, an accident or an animal, or a fight against a fire:
    violence words without a political event ("a fire killed 14 workers", "firefighters
    battled the blaze")."""
    if cand.event_type not in ("ASSAULT", "COERCE"):
        return False

    def bare(token: Token, words: frozenset[str]) -> bool:
        return token.lemma_.lower() in words and not any(
            c.dep_ in ("compound", "amod", "nmod") for c in token.children)

    agents = [p.token for p in actor_parts] or list(cand.actors)
    if agents and all(bare(t, NON_HUMAN_AGENTS) for t in agents):
        return True
    targets = [p.token for p in recipient_parts] or list(cand.recipients)
    return bool(targets) and all(bare(t, NON_HUMAN_TARGETS) for t in targets)


def _targets(cand: Candidate, resolve: Resolve, lexicon: Lexicon,
             exclude: tuple[Token, ...] = ()) -> list[Participant]:
    """Recipients for an event no actor receives: what it is aimed at, as written."""
    found = []
    for token in roles.event_targets(cand.trigger, cand.nominal, cand.recipients, lexicon,
                                     cand.actors + exclude, frozenset(cand.spec.key.split())):
        part = next(iter(resolve([token])), None)
        if part is None and not syntax.is_pronoun(token):
            shown = syntax.phrase(token).text.strip()
            part = Participant(Actor(text=shown), token, target=True) if shown else None
        if part is not None:
            found.append(part)
    return found[:MAX_PARTICIPANTS]


def _welcomed(cand: Candidate, resolve: Resolve, lexicon: Lexicon) -> list[Participant]:
    """An actor-owned target of a joint act, before the sides are split: "Russia and Syria
    welcomed *the OPCW* visit" is aimed at the OPCW, not done by Russia to Syria."""
    objects = [] if cand.nominal else syntax.direct_objects(cand.trigger)
    named = [c for o in objects for c in o.lefts if c.dep_ == "compound"
             and c.ent_type_ in ("ORG", "PERSON") and o.ent_type_ not in ("ORG", "PERSON")]
    found = resolve(named[:1]) or (_targets(cand, resolve, lexicon) if objects else [])
    return [p for p in found if not p.target]


def _aid_recipients(verb: Token, found: list[Participant],
                    resolve: Resolve) -> list[Participant]:
    """A named "to" goal of the giving verb beats other recipients; the object of its purpose
    clause beats only what was given (see fallbacks.aid_goal)."""
    goals, purposes = fallbacks.aid_goal(verb)
    if goals and not any(p.token.i in {t.i for t in goals} for p in found):
        return resolve(goals) or found
    given = {t.i for o in verb.children if o.dep_ in syntax.OBJECT_DEPS for t in o.subtree}
    if purposes and all(p.token.i in given for p in found):
        return resolve(purposes) or found
    return found


def _mobilized_against(cand: Candidate, found: list[Participant], resolve: Resolve,
                       lexicon: Lexicon) -> list[Participant]:
    """Whom a mobilization is aimed at, rather than the forces it moves.

    "mobilized the troops for a battle against X", "placed a brigade on alert to fly into
    Lebanon": the object is the actor's own forces; the adversary or destination receives it.
    """
    moved = tuple(p.token for p in found)
    if not all(t.dep_ in syntax.OBJECT_DEPS for t in moved):
        return found
    aimed = roles.event_targets(cand.trigger, cand.nominal, (), lexicon, cand.actors + moved,
                                frozenset(cand.spec.key.split()))
    return resolve(t for t in aimed if syntax.is_actor_token(t)
                   and not syntax.is_pronoun(t)) or found


def _agentless_violence(cand: Candidate) -> bool:
    """An assault whose sentence names a means of war, told without a doer ("rockets struck
    a residential area", "an IED went off near the market"), or a protest broken up ("water
    cannon was used to break up a protest")."""
    text = cand.trigger.sent.text
    if cand.event_type == "COERCE":
        return protest_broken_up(text)
    return cand.event_type == "ASSAULT" and war_means(text)


def _weapon_subject(cand: Candidate) -> list[Participant]:
    """The weapon that is the subject of the act, as written ("A suicide truck bomb"), or none:
    the doer stays unknown."""
    for token in cand.actors:
        if token.pos_ in ("NOUN", "PROPN") and war_means(token.text):
            shown = syntax.phrase(token).text.strip()
            if shown:
                return [Participant(Actor(text=shown), token, target=True)]
    return []


def _act_as_actor(cand: Candidate, lexicon: Lexicon) -> list[Participant]:
    """The act itself as written when it is the subject: "a Saudi-led strike killed ...",
    "killed in a car bomb explosion" (only for acts that name a victim or target)."""
    acts = [t for t in cand.actors if not (cand.trigger.dep_ == "acl"
                                           and cand.trigger.head.i == t.i)]
    # ("permission to detain X" is not done by the permission: see fallbacks.pledger)
    if not cand.nominal and syntax.is_passive(cand.trigger) and not syntax.agents(cand.trigger):
        acts += syntax.prep_objects(cand.trigger, ("in",))
    for token in acts:
        if token.lemma_.lower() in lexicon.nouns and token.pos_ == "NOUN":
            shown = syntax.phrase(token).text.strip()
            if shown:
                return [Participant(Actor(text=shown), token, target=True)]
    return []


def _merge_into(built: dict, event: Event, cand: Candidate) -> None:
    """Same type in one sentence with compatible participants is one action told twice.

    "X attacked a checkpoint, killing four soldiers": one assault, told by two verbs.
    """
    for key, (other, other_cand) in list(built.items()):
        if other.event_type != event.event_type:
            continue
        a1, a2 = _actor_key(other.actor), _actor_key(event.actor)
        r1, r2 = _actor_key(other.recipient), _actor_key(event.recipient)
        same_actor_other_verb = bool(a1) and a1 == a2 and other_cand is not cand
        if same_actor_other_verb or ((a1 == a2 or not a1 or not a2)
                                     and (r1 == r2 or not r1 or not r2)):
            keep, extra = (other, event) if other.confidence >= event.confidence else (event, other)
            recipient = keep.recipient or extra.recipient
            if extra.recipient and targets.participle_of(
                    *((cand, other_cand) if keep is event else (other_cand, cand))):
                recipient = extra.recipient  # "torched a village, killing 11": the village
            merged = keep.with_changes(
                actor=keep.actor or extra.actor, recipient=recipient,
                confidence=round(min(0.99, max(keep.confidence, extra.confidence) + 0.03), 3),
            )
            merged = merged.with_changes(id=_event_id(merged))
            built[key] = (merged, cand if keep is event else other_cand)
            return
    built[(event.event_type, _actor_key(event.actor), _actor_key(event.recipient))] = (event, cand)


def _event_id(event: Event) -> str:
    trig = event.trigger
    return stable_id("ev", event.evidence.document_id, event.evidence.start,
                     trig.start if trig else "", event.event_type, _actor_key(event.actor),
                     _actor_key(event.recipient))


def _neighbours(sentence: Span) -> str:
    """The sentences just before and after, when they belong to the same paragraph: one short
    story, whose weapon or victims may be told apart from its main verb."""
    doc = sentence.doc
    found = []
    if sentence.start > 0:
        found.append(doc[sentence.start - 1].sent)
    if sentence.end < len(doc):
        found.append(doc[sentence.end].sent)
    # the text between the two sentence starts, read from that span only: Doc.text joins every
    # token of the document on each access (it cost 40% of coding on 600-word stories)
    return " ".join(s.text for s in found if "\n\n" not in doc[
        min(s.start, sentence.start):max(s.start, sentence.start)].text_with_ws.lstrip())


def _fought(actor: Participant | None, lexicon: Lexicon) -> bool:
    """The doer is a fight itself ("*clashes* forced villagers to flee", "*fighting*
    displaced thousands"): for ACLED the event is that fight."""
    if actor is None or not actor.target:
        return False
    spec = lexicon.noun(actor.token.lemma_.lower())
    return spec is not None and spec.event_type == "ASSAULT"


def _event(cand: Candidate, actor: Participant | None, recipient: Participant | None,
           sentence: Span, document: Document, evidence: Evidence,
           fought: bool = False) -> Event:
    recipient_actor = recipient.actor if recipient else None
    typed_by = recipient_actor if recipient and not recipient.target else None
    context = list(cand.spec.context)
    extra = TYPE_CONTEXT.get(cand.event_type)
    if extra and extra not in context:
        context.append(extra)
    acled = acled_in_story(
        "ASSAULT" if fought else cand.event_type, cand.mode, cand.trigger.lemma_, sentence.text, _neighbours(sentence),
        actor.actor.sector if actor else None,
        typed_by.sector if typed_by else None,
        typed_by.text if typed_by else "",
        actor_text=actor.actor.text if actor else "",
    )
    event = Event(
        id="", event_type=cand.event_type, mode=cand.mode, context=tuple(context),
        cameo=cand.cameo, acled=acled, actor=actor.actor if actor else None,
        recipient=recipient_actor, location=None, date=None, date_precision=None,
        date_text=None, evidence=evidence, sources=(document.id,),
        confidence=confidence(cand, actor, recipient, sentence), trigger=_trigger(cand),
        modality="intended" if cand.modality in (INTENDED, THREAT, *FUTURE) else "asserted",
        rule=cand.rule,
    )
    return event.with_changes(id=_event_id(event))
