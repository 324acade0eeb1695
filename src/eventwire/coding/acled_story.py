"""ACLED sub-types for whole short stories, and the cues that make an act political
violence even when the parse finds no one doing it.

Split from :mod:`eventwire.coding.acled` (which reads one sentence) to keep modules small:
:func:`acled_in_story` completes a sentence's reading from its neighbours in the paragraph,
:func:`war_means` and :func:`protest_broken_up` tell the coder (``coding/build.py``) that an
act with no named doer is still worth an event ("a suicide truck bomb exploded at a
checkpoint"; ACLED codes such events with an unidentified actor).
"""

from __future__ import annotations

from eventwire.coding.acled import (
    AIR,
    CHEMICAL,
    CLASH,
    EXPLOSIVE,
    GRENADE,
    INTERVENTION,
    PROTEST,
    PROTESTS,
    RIOTS,
    SHELLING,
    SIGNIFICANT,
    SUICIDE,
    VAC,
    acled_type,
)
from eventwire.model import Acled

#: Means of war: a sentence naming one reports political violence even when it names no doer.
WAR_MEANS = (CHEMICAL, SUICIDE, AIR, GRENADE, SHELLING, EXPLOSIVE)


def war_means(text: str) -> bool:
    """The sentence names a weapon of war or a fight ("a suicide truck bomb exploded",
    "rockets struck", "an IED went off", "clashes erupted"): ACLED codes such events with an
    unidentified actor, so the coder keeps them without one."""
    lowered = " ".join(text.lower().split())
    return any(p.search(lowered) for p in WAR_MEANS) or bool(CLASH.search(lowered))


def protest_broken_up(text: str) -> bool:
    """The sentence tells of a protest met by police action ("water cannon was used to break
    up a protest"): an ACLED event even when the parse finds no one doing it."""
    lowered = " ".join(text.lower().split())
    return bool(PROTEST.search(lowered) and INTERVENTION.search(lowered))


#: Sub-types a sentence falls back on when it names no means, victim or outcome: a
#: neighbouring sentence of the same story may say what the weapon or the victims were.
FALLBACK_SUBTYPES = frozenset({"Armed clash", "Attack", "Other", "Peaceful protest"})
#: What a neighbouring sentence may add: the means, a sexual or abduction harm, an
#: intervention at the protest. Not territory, property or arrests, which are acts of their own.
CONTEXT_SUBTYPES = frozenset({
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Sexual violence",
    "Abduction/forced disappearance", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration"})


def acled_in_story(event_type: str, mode: str | None, trigger_lemma: str, sentence: str,
                   neighbours: str, actor_sector: str | None, recipient_sector: str | None,
                   recipient_text: str, actor_text: str = "") -> Acled | None:
    """:func:`acled_type` of the sentence, completed from its neighbours in the paragraph.

    Short stories name the weapon or the victims in a sentence of their own ("Militants
    attacked an army convoy near Afgoye. The vehicles were hit by a roadside bomb."). The
    event's own sentence wins whenever it names something specific; only a fallback reading
    (armed clash, attack, other, peaceful protest) gives way, and only to a means, a harm or a
    protest intervention the neighbours report.
    """
    own = acled_type(event_type, mode, trigger_lemma, sentence, actor_sector,
                     recipient_sector, recipient_text, actor_text=actor_text)
    if not neighbours.strip() or event_type not in ("ASSAULT", "COERCE", "PROTEST"):
        return own
    if own is not None and own.sub_event_type not in FALLBACK_SUBTYPES and not (
            own.sub_event_type == "Arrests" and not SIGNIFICANT.search(sentence.lower())):
        return own  # (arrests of unnamed people beside a protest are its intervention)
    wider = acled_type(event_type, mode, trigger_lemma, f"{sentence} {neighbours}",
                       actor_sector, recipient_sector, recipient_text, actor_text=actor_text)
    if wider is None or wider.sub_event_type not in CONTEXT_SUBTYPES:
        return own
    if event_type == "PROTEST" and wider.event_type not in (PROTESTS, RIOTS):
        return own  # a protest is not the shelling told beside it
    if event_type == "COERCE" and wider.event_type not in (PROTESTS, RIOTS, VAC):
        return own
    return wider
