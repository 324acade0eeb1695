"""ACLED event type and sub-type for a coded event.

ACLED's 25 sub-types cut across PLOVER differently (who the victim is, which weapon, whether
territory changed hands), so the mapping reads the PLOVER type, mode, trigger and the sectors of
the participants. The names below are ACLED's own spellings.
"""

from __future__ import annotations

from eventwire.model import Acled

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ARMED_SECTORS = frozenset({"military", "rebels", "insurgents", "militia", "police", "terrorist",
                           "armed group", "paramilitary", "security"})
STATE_SECTORS = frozenset({"government", "military", "police", "security", "intelligence"})
CIVILIAN_SECTORS = frozenset({"civilians", "civilian", "media", "ngo", "religious", "refugees",
                              "protesters", "business", "education", "health", "labour"})
CIVILIAN_WORDS = frozenset({
    "civilian", "civilians", "villager", "villagers", "resident", "residents", "woman", "women",
    "child", "children", "worker", "workers", "journalist", "journalists", "farmer", "farmers",
    "student", "students", "people", "family", "families", "man", "men", "girl", "girls", "boy",
    "boys", "teacher", "doctor", "patients", "refugee", "refugees", "worshippers", "pilgrims",
    "passenger", "passengers", "shopkeeper", "protester", "protesters", "demonstrator",
    "demonstrators", "aid workers",
})
PROTESTER_WORDS = frozenset({"protester", "protesters", "demonstrator", "demonstrators",
                             "marcher", "marchers", "crowd", "crowds", "rally", "protest"})
TERRITORY_WORDS = frozenset({"capture", "seize", "overrun", "take", "retake", "recapture",
                             "regain", "liberate", "occupy", "control"})
RETAKE_WORDS = frozenset({"retake", "recapture", "regain", "liberate"})
SHELLING_WORDS = frozenset({"shell", "shelling", "bombard", "bombardment", "artillery", "mortar",
                            "rocket", "missile", "pound", "fire"})
IED_WORDS = frozenset({"ied", "landmine", "mine", "roadside", "explosive", "car bomb", "detonate",
                       "blow up", "explode", "explosion", "blast", "bombing"})


def _is_civilian(sector: str | None, words: str) -> bool:
    if sector and sector.lower() in CIVILIAN_SECTORS:
        return True
    return any(w in CIVILIAN_WORDS for w in words.lower().replace(",", " ").split())


def acled_type(
    event_type: str,
    mode: str | None,
    trigger_lemma: str,
    sentence: str,
    actor_sector: str | None,
    recipient_sector: str | None,
    recipient_text: str,
) -> Acled | None:
    """The ACLED type/sub-type that fits, or None when ACLED has no category for it."""
    text = sentence.lower()
    lemma = trigger_lemma.lower()
    if event_type == "ASSAULT":
        if mode == "unconventional" or "chemical" in text or "sarin" in text or "chlorine" in text:
            return Acled(REMOTE, "Chemical weapon")
        if mode in ("aerial", "drone"):
            return Acled(REMOTE, "Air/drone strike")
        if mode == "suicide-attack" or "suicide" in text:
            return Acled(REMOTE, "Suicide bomb")
        if "grenade" in text:
            return Acled(REMOTE, "Grenade")
        if mode == "heavy-weapons" or lemma in SHELLING_WORDS:
            return Acled(REMOTE, "Shelling/artillery/missile attack")
        if mode == "explosives" or lemma in IED_WORDS:
            return Acled(REMOTE, "Remote explosive/landmine/IED")
        if mode == "sexual":
            return Acled(VAC, "Sexual violence")
        if mode == "abduct":
            return Acled(VAC, "Abduction/forced disappearance")
        if mode == "destroy" and lemma in ("loot", "torch", "burn", "raze", "demolish", "destroy"):
            return Acled(STRATEGIC, "Looting/property destruction")
        if lemma in TERRITORY_WORDS:
            state_actor = (actor_sector or "").lower() in STATE_SECTORS
            if lemma in RETAKE_WORDS or state_actor:
                return Acled(BATTLES, "Government regains territory")
            return Acled(BATTLES, "Non-state actor overtakes territory")
        if recipient_text and any(w in PROTESTER_WORDS for w in recipient_text.lower().split()):
            return Acled(PROTESTS, "Excessive force against protesters")
        if _is_civilian(recipient_sector, recipient_text):
            return Acled(VAC, "Attack")
        return Acled(BATTLES, "Armed clash")
    if event_type == "PROTEST":
        if mode == "riot":
            if "mob" in text or "lynch" in text or "vigilante" in text:
                return Acled(RIOTS, "Mob violence")
            return Acled(RIOTS, "Violent demonstration")
        if any(w in text for w in ("tear gas", "dispersed", "police", "arrested", "water cannon")):
            return Acled(PROTESTS, "Protest with intervention")
        return Acled(PROTESTS, "Peaceful protest")
    if event_type == "COERCE":
        if mode == "arrest":
            return Acled(STRATEGIC, "Arrests")
        if recipient_text and any(w in PROTESTER_WORDS for w in recipient_text.lower().split()):
            return Acled(PROTESTS, "Protest with intervention")
        if mode == "seize" and any(w in text for w in ("weapon", "explosive", "ammunition",
                                                        "bomb", "arms cache", "defuse")):
            return Acled(STRATEGIC, "Disrupted weapons use")
        return Acled(STRATEGIC, "Other")
    if event_type == "AGREE":
        return Acled(STRATEGIC, "Agreement")
    if event_type == "RETREAT" and mode == "withdraw" and any(
        w in text for w in ("hand over", "handed over", "handover", "transfer")
    ):
        return Acled(STRATEGIC, "Non-violent transfer of territory")
    if event_type == "MOBILIZE" and any(w in text for w in ("base", "headquarters", "outpost")):
        return Acled(STRATEGIC, "Headquarters or base established")
    if event_type == "COOPERATE" and (actor_sector or "").lower() in ARMED_SECTORS | {"rebels"}:
        return Acled(STRATEGIC, "Change to group/activity")
    return None
