"""ACLED event type and sub-type for a coded event.

ACLED's 25 sub-types cut across PLOVER differently (who the victim is, which weapon, whether
territory changed hands, whether a protest met force), so the sub-type is read from the PLOVER
type and mode *and* from cues in the event's sentence: the weapon named ("grenade", "roadside
bomb", "warplanes"), what happened to territory ("recaptured", "without a fight"), what police
did to a protest ("fired tear gas", "opened fire on protesters"). Every event of one sentence
sees the same cues, so a sentence reads as one ACLED event whichever of its verbs the coder
trusts most. A sentence that names no means or victim borrows them from its neighbours in the
paragraph (:func:`acled_in_story`): short stories tell the weapon in a sentence of its own.
The names below are ACLED's own spellings (ACLED codebook, 2019–2023 editions).

What is no ACLED event although PLOVER codes it: words (except an accusation of a specific
violent act, which ACLED codes as that act), the detention of suspects after a crime or an
attack (ACLED's "Arrests" are of significant people or politically motivated mass arrests),
and police work on ordinary crime (:func:`eventwire.coding.nonpolitical.ordinary_crime`).

Hand-written patterns rather than a trained model: we have no ACLED training data, and the
codebook defines the sub-types by exactly these distinctions. Development data:
``tests/fixtures/acled_dev.jsonl`` (our own snippets written from the codebook definitions).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.coding.nonpolitical import BUSINESS, COMPANY, STATE_FORCES, ordinary_crime
from eventwire.model import Acled

if TYPE_CHECKING:
    from eventwire.model import Event

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ARMED_SECTORS = frozenset({"military", "rebels", "insurgents", "militia", "police", "terrorist",
                           "armed group", "paramilitary", "security"})
STATE_SECTORS = STATE_FORCES  # one list of the state's forces (nonpolitical.py holds it)
NON_STATE_ARMED = frozenset({"rebels", "insurgents", "militia", "terrorist", "armed group",
                             "paramilitary"})
CIVILIAN_SECTORS = frozenset({"civilians", "civilian", "media", "ngo", "religious", "refugees",
                              "protesters", "business", "education", "health", "labour"})
CIVILIAN_WORDS = frozenset({
    "civilian", "civilians", "villager", "villagers", "resident", "residents", "woman", "women",
    "child", "children", "worker", "workers", "journalist", "journalists", "farmer", "farmers",
    "student", "students", "people", "family", "families", "man", "men", "girl", "girls", "boy",
    "boys", "teacher", "doctor", "patients", "refugee", "refugees", "worshippers", "pilgrims",
    "passenger", "passengers", "shopkeeper", "protester", "protesters", "demonstrator",
    "demonstrators", "aid workers", "travellers", "travelers", "traders", "trader", "priest",
    "activist", "teenager", "herders", "herder", "fishermen", "displaced", "camp",
    "councillor", "councilor", "politician", "mayor", "chief", "candidate", "lawyer", "judge",
    "activists", "cleric", "imam", "pastor", "elder", "elders", "vendor", "driver", "drivers",
    "motorist", "motorists", "miners", "villages", "village", "worshipper", "mourners",
    "wedding", "market", "school", "hospital", "church", "mosque", "official", "officials",
})
PROTESTER_WORDS = frozenset({"protester", "protesters", "demonstrator", "demonstrators",
                             "marcher", "marchers", "crowd", "crowds", "rally", "protest",
                             "protestors", "protestor"})
#: Verbal acts: ACLED codes what happens, not what is said about it.
VERBAL_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "CONSULT", "AID"})


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts))


#: Sentence cues, most specific first. Compiled once at import; never mutated.
DISRUPTED = _rx(
    r"\bdefus", r"\bbomb disposal", r"\bintercept", r"\bshot down\b", r"\bshoot(?:s|ing)? down\b",
    r"\b(?:arms|weapons?|ammunition) caches?", r"\bcache of\b",
    r"\b(?:destroy|down)\w* (?:\w+[ -]){0,3}(?:drones?|missiles?|rockets?|projectiles?) "
    r"(?:launched|fired)",
    r"\bdismantl\w* (?:an? |the )?(?:ied|bomb|explosive)",
    r"\b(?:seiz|recover|confiscat|found|discover|impound)\w* [\w\s,-]{0,40}?"
    r"(?:weapons|arms|ammunition|explosives|rifles|guns|grenades|rocket launchers|"
    r"landmines?|ieds?|bombs?|detonators|missiles)\b",
    r"\bneutrali[sz]\w* (?:an? |the |two |several )?(?:landmine|mine|bomb|ied|explosive)",
    r"\b(?:safely|controlled) (?:detonat|explosion)", r"\bair defen[cs]e", r"\bfoil(?:ed|s)?\b",
    r"\bthwart", r"\bunearth", r"\bdeactivat",
    r"\b(?:detect|destroy)\w* (?:an? |the |two |three |several )?(?:ieds?|bombs?|explosive devices?|"
    r"landmines?|mines?)\b",
)
CHEMICAL = _rx(r"\bchemical (?:weapon|attack|agent|munition|substance|bomb)", r"\bchlorine\b",
               r"\bsarin\b", r"\bmustard (?:gas|agent)", r"\bnerve agent", r"\btoxic gas",
               r"\bpoison(?:ous)? gas", r"\bgas attack", r"\bnapalm\b", r"\bwhite phosphorus")
SUICIDE = _rx(r"\bsuicide\b", r"\bblew (?:him|her|them)sel(?:f|ves) up",
              r"\bexplosive (?:vest|belt)", r"\bstrapped with explosives", r"\bself-immolat")
AIR = _rx(r"\bair ?strikes?\b", r"\bair raids?\b", r"\bwarplanes?\b", r"\bfighter jets?\b",
          r"\bjets\b", r"\baircraft\b", r"\bhelicopter", r"\bgunships?\b", r"\bdrones?\b",
          r"\bair force\b", r"\baerial\b", r"\bbombers\b", r"\bair-dropped\b", r"\bairstrike")
GRENADE = re.compile(r"(?<!propelled )\bgrenades?\b")
SHELLING = _rx(r"\bshell(?:s|ed|ing)\b", r"\bartillery\b", r"\bmortars?\b", r"\brockets?\b",
               r"\bmissiles?\b", r"\bkatyushas?\b", r"\bbombard", r"\bhowitzers?\b",
               r"\bheavy weapons\b", r"\brocket-propelled", r"\brpgs?\b", r"\bprojectiles?\b")
EXPLOSIVE = _rx(r"\bieds?\b", r"\bimprovised explosive", r"\broadside bomb", r"\blandmines?\b",
                r"\bland mines?\b", r"\bmines?\b(?! (?:collapse|worker|shaft))",
                r"\bcar bomb", r"\bbomb(?:s|ing|ings)?\b", r"\bexplosive device",
                r"\bexplosives?\b", r"\bblasts?\b", r"\bexplosions?\b", r"\bexplod",
                r"\bdetonat", r"\bbooby", r"\bblew up\b", r"\bblow(?:n|s|ing)? up\b",
                r"\bvbied", r"\bwent off\b")
SEXUAL = _rx(r"\brap(?:e|ed|es|ing|ist|ists)\b", r"\bgang-rap", r"\bsexual",
             r"\bsexually\b", r"\bmolest")
ABDUCTION = _rx(r"\babduct", r"\bkidnap", r"\bhostages?\b", r"\bforcibly disappeared",
                r"\benforced disappearance", r"\bwhereabouts\b", r"\bdisappeared\b",
                r"\btaken away\b", r"\bwent missing\b",
               # people seized or carried off are abducted ("seized eight women from a village")
               r"\b(?:seiz|grabb|carr(?:y|ied) off|took away|snatch)\w* (?:\w+ ){0,3}?"
               r"(?:women|girls|boys|children|villagers|civilians|students|schoolgirls|"
               r"passengers|worshippers|farmers|workers|residents)\b")
PROTEST = _rx(r"\bprotest", r"\bdemonstrat(?:ion|ions|ors?|ed|ing|e)\b", r"\bralli(?:ed|es)\b",
              r"\brally\b", r"\bmarch(?:ed|es|ers|ing)?\b", r"\bsit-in", r"\bvigil\b",
              r"\briot(?:s|ers|ing|ed)?\b", r"\bpicket", r"\bwent on strike",
              r"\btook to the streets", r"\bstrik(?:e|ing) workers",
              # a crowd gathered in front of an office is a demonstration (ACLED)
              r"\bgathered (?:outside|in front of)\b",
              r"\b(?:crowds?|supporters|hundreds|thousands) (?:of \w+ )?(?:\w+ )?"
              r"(?:gathered|assembled|converged) (?:outside|in front of|at|on)\b")
MOB = _rx(r"\bmob\b", r"\bmobs\b", r"\blynch", r"\bvigilante", r"\bburn\w* \w+(?: \w+)? alive",
          r"\bangry (?:crowd|residents|villagers|youths)", r"\bjungle justice",
          r"\bcommunal (?:clash|violence|dispute)", r"\brival (?:groups|communities|clans) of",
          r"\bbeat (?:\w+ )*?to death", r"\bbeaten to death")
#: Mob words that hold even when the crowd calls itself a protest ("a mob lynched ...").
MOB_STRONG = _rx(r"\bmobs?\b", r"\blynch", r"\bvigilante", r"\bburn\w* \w+(?: \w+)? alive",
                 r"\bjungle justice")
#: Unorganised crowds: their violence is mob violence when no protest is reported (ACLED).
CROWD_WORDS = frozenset({"mob", "mobs", "crowd", "crowds", "residents", "villagers", "youths",
                         "locals", "vigilantes", "villager", "resident"})
#: Words about the police, not about rioting protesters ("riot police", "anti-riot unit").
POLICE_GEAR = re.compile(r"\b(?:anti-?)?riot (?:police|gear|squad|unit|officers|troops)\b")
#: What a protest is about ("against the killing of a student", "over the arrest of their
#: leader") is not what happened at it.
REASON = re.compile(
    r"\b(?:against|over|following|after|denouncing|condemning|protesting|denounce|condemn|"
    r"for|about|mourn\w*)\s+(?:the\s+|a\s+|an\s+|their\s+|his\s+|her\s+|its\s+)?"
    r"(?:\w+\s+){0,2}?(?:killings?|deaths?|murders?|arrests?|detentions?|shootings?|"
    r"assassinations?|abductions?|kidnappings?|disappearances?|rapes?|beatings?|jailing|"
    r"imprisonment|lynching|torture)\b")
#: Means of crowd control: used without casualties, they break up a gathering, not a battle.
CROWD_CONTROL = _rx(r"\btear ?gas", r"\bwater cannons?", r"\brubber bullets?",
                    r"\bstun grenades?", r"\bpepper spray")
#: Force used on the protesters themselves, not just any violent word in the sentence.
FORCE_ON_PROTEST = _rx(
    r"\b(?:kill|shot|shoot|beat|wound|injur|hurt)\w* (?:\w+ ){0,4}?(?:protesters|protestors|"
    r"demonstrators|marchers|participants|students|people|youths|supporters)\b",
    r"\b(?:protesters|protestors|demonstrators|marchers|participants)\b (?:\w+ ){0,4}?"
    r"(?:were|was|have been|had been) (?:\w+ )?(?:killed|shot|injured|wounded|beaten|hurt)",
    r"\bopen(?:ed)? fire\b", r"\blive (?:ammunition|rounds|bullets|fire)",
    r"\bfired (?:on|at|into)\b(?! (?:the |a )?(?:air|sky))")
#: "calling for the release of detained activists" reports no intervention at this protest.
RELEASE_OF = re.compile(r"\brelease of (?:the )?(?:detained|arrested|jailed|imprisoned)\b")
FORCE = _rx(r"\bkill", r"\bshot dead\b", r"\bopen(?:ed)? fire", r"\blive (?:ammunition|rounds|"
            r"bullets|fire)", r"\bfired (?:on|at|into)\b", r"\bbeat(?:en|ing)?\b", r"\bdead\b",
            r"\bseriously injur", r"\bwound", r"\brubber bullet", r"\bclubs?\b", r"\bmachetes?\b",
            r"\bknives\b", r"\bdied\b")
PROTESTER_VIOLENCE = _rx(
    r"\bstones?\b", r"\brocks?\b", r"\bbricks\b", r"\bpetrol bomb", r"\bmolotov",
    r"\btorch", r"\bset (?:fire|ablaze|alight)", r"\bburn(?:ed|t|ing)?\b", r"\bloot",
    r"\bvandali[sz]", r"\bclash", r"\bstorm(?:ed|ing)\b", r"\bsmash", r"\bpelt",
    r"\briot(?:s|ers|ing|ed)?\b", r"\bbarricad", r"\btyres\b", r"\btires\b", r"\bransack",
    r"\bdamag", r"\bfireworks\b", r"\bhurl", r"\bthrew\b", r"\bthrow", r"\battack(?:ed|ing)\b",
)
#: Burning a flag or an effigy is a symbolic act of a peaceful protest (ACLED).
SYMBOLIC_BURNING = re.compile(
    r"\bburn\w* (?:an? |the |their |his |her )?(?:\w+ )?(?:effig\w*|flags?|portraits?|pictures?|"
    r"photos?|photographs?|copies|copy|posters?|images?|candles?)\b")
INTERVENTION = _rx(r"\bdispers", r"\btear ?gas", r"\bwater cannon", r"\barrest", r"\bdetain",
                   r"\bbroke up\b", r"\bbreak(?:s|ing)? up\b", r"\bprevent", r"\bbatons?\b",
                   r"\bremoved\b", r"\bstopped\b", r"\bcordon", r"\bbarred\b",
                   r"\bforcibly\b", r"\bin custody\b", r"\brounded up\b", r"\bbanned\b")
NONVIOLENT_TRANSFER = _rx(
    r"\bwithout (?:a |any )?(?:fight|fighting|resistance|a shot|bloodshed|clashes)",
    r"\bhand(?:ed|s|ing)? over\b", r"\bhand(?:ed|s|ing)? (?:\w+ ){1,4}back to\b", r"\bhandover\b",
    r"\btransferr?(?:ed|ing|s)? (?:the |control|\w+ base)", r"\bceded?\b", r"\bpeacefully\b",
    r"\bunopposed\b", r"\bunder (?:a|the) (?:negotiated |ceasefire |surrender )?(?:deal|agreement)")
RETAKE = _rx(r"\bretook\b", r"\bretake", r"\brecaptur", r"\bregain", r"\bliberat",
             r"\btook back\b", r"\btake back\b", r"\bwrest", r"\brecover(?:ed|s)? (?:the |control)",
             r"\breclaim", r"\bback under (?:government|army|state) control", r"\bcleared\b")
TAKEOVER = _rx(r"\bcaptur", r"\bseiz\w* control", r"\btook (?:full )?control", r"\btake control",
               r"\btook over\b", r"\btakes? over\b", r"\boverr[au]n", r"\boccup(?:y|ied|ies)",
               r"\bfell to\b", r"\bseized (?:the )?(?:town|city|village|district|port|base|"
               r"airport|area|region|province|capital)", r"\braised their flag")
PLACE = _rx(r"\btown\b", r"\bcity\b", r"\bvillages?\b", r"\bdistricts?\b", r"\barea\b",
            r"\bterritory\b", r"\bregion\b", r"\bprovince\b", r"\bneighbou?rhoods?\b",
            r"\bbase\b", r"\bport\b", r"\bairport\b", r"\bcontrol\b", r"\bcapital\b",
            r"\bcommunit(?:y|ies)\b", r"\boutpost\b", r"\bpositions?\b", r"\bhills?\b",
            r"\bsiege\b", r"\bcentre\b", r"\bcenter\b", r"\bvalley\b", r"\bcounty\b")
HEADQUARTERS = _rx(
    r"\b(?:set(?:s|ting)? up|establish\w*|open(?:ed|s)?|buil[dt]\w*|construct\w*)"
    r" (?:\w+ ){0,4}(?:bases?|headquarters|camps?|outposts?|command (?:centre|center|post)|"
    r"garrison|stronghold|training camp|office)\b")
GROUP_CHANGE = _rx(
    r"\bmerg", r"\bnew leader", r"\bnamed (?:\w+ ){0,4}(?:leader|commander|chief|head)",
    r"\bappoint\w* (?:\w+ ){0,4}(?:leader|commander|chief|head)", r"\bsurrender",
    r"\bdefect", r"\bunilateral (?:ceasefire|truce)", r"\b(?:announc|declar)\w* (?:an? |the )?"
    r"(?:\w+ )?(?:ceasefire|truce|cease-fire)", r"\bdisband", r"\bsplinter",
    r"\bbr(?:oke|eak) away",
    r"\bform(?:ed|s)? (?:a )?new (?:\w+ )?"
    r"(?:group|coalition|alliance|movement|faction|wing|militia)",
    r"\bnew armed", r"\bchanged its name", r"\brenam", r"\brebrand", r"\bjoin\w* the (?:\w+ )?army",
    r"\bintegrat", r"\blaid down (?:their )?(?:arms|weapons)", r"\blay down (?:their )?arms",
    r"\bdemobili", r"\bpledged allegiance", r"\bdissolv", r"\bsplit\b",
    r"\bsuspend\w* (?:its|their) (?:armed |military )?(?:operations|attacks|activities)")
AGREEMENT = _rx(r"\bagreement", r"\bdeal\b", r"\baccord\b", r"\bpact\b", r"\btreaty",
                r"\btruce\b", r"\bceasefire", r"\bcease-fire", r"\bagreed\b", r"\bpeace",
                r"\bprisoner (?:swap|exchange)", r"\bmemorandum")
PROPERTY = _rx(r"\bloot", r"\bransack", r"\btorch", r"\bset (?:fire|ablaze|alight)",
               r"\bburn(?:ed|t|s|ing)? (?:down|\w+ (?:houses|homes|shops|vehicles|cars))",
               r"\bburn(?:ed|t)\b", r"\bdemolish", r"\braz(?:e|ed|ing)\b", r"\bvandali[sz]",
               r"\bdestroy", r"\buproot", r"\barson", r"\bpillag", r"\bplunder",
               r"\bblew up (?:the |a |an |their |his |her )?(?:house|home|office|building|"
               r"school|bridge|shop|church|mosque|tower|pylon|pipeline|property)",
               r"\bdamag(?:ed|ing)\b", r"\bstole\b", r"\bstealing\b", r"\bcattle\b",
               r"\blivestock\b", r"\bburning (?:of )?(?:houses|homes)")
CASUALTIES = _rx(r"\bkill", r"\bdead\b", r"\bdied\b", r"\bdeaths?\b", r"\bwound", r"\binjur",
                 r"\bhurt\b", r"\bcasualt", r"\bbodies\b", r"\bshot\b(?! down)",
                 r"\bmassacre", r"\bbehead")
NO_HARM = _rx(r"\bno (?:one|casualties|injuries|deaths)", r"\bnobody\b", r"\bno-one\b")
CLASH = _rx(r"\bclash", r"\bfight(?:s|ing)?\b", r"\bfought\b", r"\bbattl",
            r"\bexchang\w* (?:of )?(?:fire|gunfire)",
            r"\bgun ?battle", r"\bfirefight", r"\bshoot-?out", r"\bengag", r"\brepel",
            r"\bambush", r"\bcounter-?attack", r"\bfought back", r"\bskirmish", r"\bcrossfire")
#: Armed people or places hit: a fight with armed men, not an attack on civilians.
ARMED_VICTIMS = _rx(
    r"\b(?:kill|wound|injur|shot)\w* (?:\w+ ){0,3}?(?:soldiers?|troops?|police\w*|officers?|"
    r"militants?|fighters?|rebels?|insurgents?|guards?|gendarmes?|militiamen|servicemen|"
    r"personnel|jihadists?|attackers?|assailants?)\b",
    r"\b(?:soldiers?|troops?|police\w*|officers?|militants?|fighters?|rebels?|insurgents?|"
    r"gendarmes?|militiamen|servicemen|personnel) (?:\w+ )?(?:were|was|have been|had been) "
    r"(?:\w+ )?(?:killed|wounded|injured|shot)",
    r"\b(?:police|army|military|security|gendarmerie|border) (?:station|post|checkpoint|base|camp|"
    r"convoy|patrol|barracks|position|outpost|vehicle)s?\b",
    r"\b(?:checkpoints?|convoys?|patrols?|barracks|outposts?|military bases?)\b")
ARREST = _rx(r"\barrest", r"\bdetain", r"\bcustody\b", r"\bapprehend", r"\brounded up\b",
             r"\bround(?:s|ing)? up\b", r"\bjailed\b", r"\bimprison", r"\bcaptured (?:a |an |the )?"
             r"(?:senior |top |local |suspected |notorious )?(?:\w+ )?(?:commander|leader|member|"
             r"suspect|militant|fighter|chief|kingpin)")
#: ACLED codes arrests of high-ranking or politically significant people and politically
#: motivated mass arrests, not the detention of suspects after a crime or an attack.
SUSPECTS = _rx(r"\bsuspects\b", r"\b(?:a|the|one|main|prime|key) suspect\b",
               r"\bin connection with\b")
SIGNIFICANT = _rx(
    r"\bopposition\b", r"\bleaders?\b", r"\bcommanders?\b", r"\bactivists?\b",
    r"\bjournalists?\b", r"\bpoliticians?\b", r"\blawmakers?\b", r"\bmps?\b",
    r"\bministers?\b", r"\bgovernors?\b", r"\bmayors?\b", r"\bprotesters\b",
    r"\bdemonstrators\b", r"\bmilitants?\b", r"\brebels?\b", r"\binsurgents?\b",
    r"\bjihadists?\b", r"\bfighters?\b", r"\bmembers of\b", r"\bparty\b", r"\bchief\b",
    r"\bspokes(?:man|woman|person)\b", r"\bcandidates?\b", r"\bdissidents?\b",
    r"\bterror\w*", r"\bsupporters\b", r"\bislamic state\b", r"\bal[- ]qaeda\b",
    r"\bal[- ]shabaab\b", r"\bboko haram\b", r"\btaliban\b", r"\bisis\b", r"\bisil\b")
OTHER = _rx(r"\bcurfew", r"\bstate of emergency", r"\bmartial law", r"\binternet",
            r"\bshut down\b", r"\bevict", r"\bexpel", r"\bcoup\b", r"\bmilitary zone",
            r"\bsuspend\w* (?:the )?activities", r"\bbarred\b", r"\bdeport")
#: Parties to a conflict: ACLED's agreements and group changes are theirs, not companies'
#: ("Bayer agreed to pay 10 billion dollars to settle lawsuits", "the merger was approved").
CONFLICT = _rx(r"\bceasefire", r"\bcease-fire", r"\btruce\b", r"\bpeace\b", r"\bhostilit",
               r"\bprisoners?\b", r"\barmed\b", r"\brebel", r"\bmilitia", r"\bfighters\b",
               r"\btroops\b", r"\bwar\b", r"\bconflict\b", r"\bclans?\b", r"\bcommunities\b",
               r"\bfactions?\b", r"\bpower-sharing\b", r"\bnon-aggression\b", r"\bjihadist",
               r"\bmilitant", r"\binsurgent", r"\bislamist", r"\bal[- ]qaeda\b", r"\bsurrender",
               r"\bdefect", r"\bdisarm", r"\bweapons\b")
#: An accusation of a violent act ("accused the army of using chemical weapons").
ALLEGED = re.compile(r"\baccus\w* (?:[\w'-]+ ){0,6}?of (?:\w+ )?(?:using|firing|dropping|"
                     r"launching|planting|raping|sexually|abducting|kidnapping|carrying out|"
                     r"shelling|bombing)\b")
#: Alleged acts specific enough for ACLED to code the event behind the accusation.
ALLEGED_SUBTYPES = frozenset({
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Sexual violence",
    "Abduction/forced disappearance"})


def _is_civilian(sector: str | None, words: str) -> bool:
    if sector and sector.lower() in CIVILIAN_SECTORS:
        return True
    return any(w in CIVILIAN_WORDS for w in words.lower().replace(",", " ").split())


def _is_protesters(sector: str | None, words: str) -> bool:
    return (sector or "").lower() == "protesters" or any(
        w in PROTESTER_WORDS for w in words.lower().replace(",", " ").split())


def acled_type(
    event_type: str,
    mode: str | None,
    trigger_lemma: str,
    sentence: str,
    actor_sector: str | None,
    recipient_sector: str | None,
    recipient_text: str,
    actor_text: str = "",
) -> Acled | None:
    """The ACLED type/sub-type that fits, or None when ACLED has no category for it.

    ``recipient_sector``/``recipient_text`` describe the recipient only when it is an actor
    (not a target such as "a checkpoint"); ``actor_text`` is the actor as written.
    """
    text = " ".join(sentence.lower().split())
    lemma = trigger_lemma.lower()
    actor_kind = (actor_sector or "").lower()
    if event_type == "ACCUSE" and ALLEGED.search(text):
        # "activists accused the army of using chemical weapons": ACLED codes the alleged act
        alleged = _assault_subtype(None, lemma, text, False, "", "", None, "")
        return alleged if alleged.sub_event_type in ALLEGED_SUBTYPES else None
    if event_type in VERBAL_TYPES:
        return None
    if event_type not in ("ASSAULT", "PROTEST") and actor_kind in NON_STATE_ARMED and (
            GROUP_CHANGE.search(text)):
        # "the armed group changed its name ... after cutting ties with al-Qaeda" (SANCTION)
        return Acled(STRATEGIC, "Change to group/activity")
    if event_type not in ("ASSAULT", "PROTEST", "COERCE") and (BUSINESS.search(text) or (
            COMPANY.search(text) and actor_kind not in STATE_SECTORS)) and not (
            CONFLICT.search(text) or actor_kind in ARMED_SECTORS):
        return None  # company news: no strategic development of a conflict
    if event_type == "SANCTION":
        return Acled(STRATEGIC, "Other") if OTHER.search(text) else None
    if event_type == "SUPPORT":
        # signing an accord is CAMEO 057 (PLOVER SUPPORT) but an ACLED agreement
        return Acled(STRATEGIC, "Agreement") if AGREEMENT.search(text) and (
            "sign" in lemma or "sign" in text or "agree" in text or "reach" in text) else None
    harm = bool(CASUALTIES.search(text)) and not NO_HARM.search(text)

    if DISRUPTED.search(text) and not (event_type == "ASSAULT" and harm):
        return Acled(STRATEGIC, "Disrupted weapons use")
    found = _protest_subtype(event_type, mode, text, actor_sector, actor_text, recipient_sector,
                             recipient_text)
    if found is not None:
        return found
    if event_type in ("ASSAULT", "PROTEST") and MOB.search(text):
        return Acled(RIOTS, "Mob violence")
    if event_type == "ASSAULT":
        return _assault_subtype(mode, lemma, text, harm, actor_kind, actor_text,
                                recipient_sector, recipient_text)
    return _strategic_subtype(event_type, mode, text, actor_kind)


def _protest_subtype(event_type: str, mode: str | None, text: str, actor_sector: str | None,
                     actor_text: str, recipient_sector: str | None,
                     recipient_text: str) -> Acled | None:
    """Protests, riots and force against them; None when the event is not about a protest."""
    by_protesters = _is_protesters(actor_sector, actor_text)
    on_protesters = _is_protesters(recipient_sector, recipient_text)
    if not (event_type == "PROTEST" or by_protesters or on_protesters or (
            PROTEST.search(text) and event_type in ("ASSAULT", "COERCE"))):
        return None
    # ACLED: lethal or grave force on peaceful protesters is "excessive force" whoever uses it,
    # remote explosives included
    if MOB_STRONG.search(text) and not on_protesters:
        return Acled(RIOTS, "Mob violence")
    if by_protesters and event_type == "ASSAULT" and not PROTEST.search(text):
        return Acled(RIOTS, "Mob violence")  # "a crowd attacked and killed a suspected thief"
    text = REASON.sub(" ", RELEASE_OF.sub(" ", POLICE_GEAR.sub("police", text)))
    text = SYMBOLIC_BURNING.sub(" ", text)
    peaceful = "peaceful" in text
    protesters_violent = (bool(PROTESTER_VIOLENCE.search(text)) or mode == "riot") and not (
        peaceful and mode != "riot")
    if FORCE.search(text) and (on_protesters or (event_type == "ASSAULT" and not by_protesters)
                               or FORCE_ON_PROTEST.search(text)):
        if event_type == "ASSAULT" and not on_protesters and not PROTEST.search(text):
            return None  # violence near a word like "march" is not about a protest
        return Acled(PROTESTS, "Excessive force against protesters")
    if protesters_violent and (by_protesters or event_type == "PROTEST" or PROTEST.search(text)):
        return Acled(RIOTS, "Violent demonstration")
    if INTERVENTION.search(text) or event_type == "COERCE":
        return Acled(PROTESTS, "Protest with intervention")
    if event_type == "PROTEST":
        return Acled(PROTESTS, "Peaceful protest")
    return None


def _assault_subtype(mode: str | None, lemma: str, text: str, harm: bool, actor_kind: str,
                     actor_text: str, recipient_sector: str | None,
                     recipient_text: str) -> Acled:
    """Remote violence by weapon, then territory, property, and who the victims were."""
    if mode == "unconventional" or CHEMICAL.search(text):
        return Acled(REMOTE, "Chemical weapon")
    if mode == "suicide-attack" or SUICIDE.search(text):
        return Acled(REMOTE, "Suicide bomb")
    if mode in ("aerial", "drone") or AIR.search(text):
        return Acled(REMOTE, "Air/drone strike")
    if GRENADE.search(text):
        return Acled(REMOTE, "Grenade")
    if mode == "heavy-weapons" or SHELLING.search(text):
        return Acled(REMOTE, "Shelling/artillery/missile attack")
    if mode == "sexual" or SEXUAL.search(text):
        return Acled(VAC, "Sexual violence")
    if mode == "explosives" or EXPLOSIVE.search(text):
        if not harm and PROPERTY.search(text):
            return Acled(STRATEGIC, "Looting/property destruction")
        return Acled(REMOTE, "Remote explosive/landmine/IED")
    if mode == "abduct" or ABDUCTION.search(text):
        return Acled(VAC, "Abduction/forced disappearance")
    territory = _territory(text, actor_kind)
    if territory is not None:
        return territory
    if (mode == "destroy" or PROPERTY.search(text)) and not harm:
        return Acled(STRATEGIC, "Looting/property destruction")
    if recipient_text and _is_protesters(recipient_sector, recipient_text):
        return Acled(PROTESTS, "Excessive force against protesters")
    if CROWD_CONTROL.search(text) and not harm:
        return Acled(PROTESTS, "Protest with intervention")  # "police fired tear gas"
    if any(w in CROWD_WORDS for w in actor_text.lower().split()):
        return Acled(RIOTS, "Mob violence")  # "villagers beat two men to death"
    armed_victim = (recipient_sector or "").lower() in ARMED_SECTORS
    if armed_victim or CLASH.search(text):
        return Acled(BATTLES, "Armed clash")
    if recipient_text and _is_civilian(recipient_sector, recipient_text):
        return Acled(VAC, "Attack")
    if ARMED_VICTIMS.search(text):
        return Acled(BATTLES, "Armed clash")
    if _is_civilian(None, text):
        return Acled(VAC, "Attack")
    return Acled(BATTLES, "Armed clash")


def _territory(text: str, actor_kind: str) -> Acled | None:
    """A change of territorial control, fought for or handed over."""
    place = bool(PLACE.search(text))
    if place and NONVIOLENT_TRANSFER.search(text) and not CLASH.search(
            NONVIOLENT_TRANSFER.sub(" ", text)):
        return Acled(STRATEGIC, "Non-violent transfer of territory")
    state = actor_kind in STATE_SECTORS
    non_state = actor_kind in NON_STATE_ARMED
    if RETAKE.search(text) and (place or re.search(r"\b(?:retook|retake|recaptur)", text)):
        if non_state:
            return Acled(BATTLES, "Non-state actor overtakes territory")
        return Acled(BATTLES, "Government regains territory")
    if place and TAKEOVER.search(text):
        if state:
            return Acled(BATTLES, "Government regains territory")
        return Acled(BATTLES, "Non-state actor overtakes territory")
    return None


def _strategic_subtype(event_type: str, mode: str | None, text: str,
                       actor_kind: str) -> Acled | None:
    """Arrests, agreements, territory and group changes, bases, property: ACLED's
    strategic developments (and the few battles that COERCE/RETREAT verbs report)."""
    if event_type in ("COERCE", "RETREAT", "CONCEDE", "MOBILIZE", "AGREE"):
        territory = _territory(text, actor_kind)
        if territory is not None and (
                territory.sub_event_type == "Non-violent transfer of territory"
                or event_type == "COERCE"):
            return territory
    if event_type == "COERCE":
        if (mode == "arrest" or ARREST.search(text)) and actor_kind in NON_STATE_ARMED:
            return Acled(VAC, "Abduction/forced disappearance")  # only states arrest (ACLED)
        if mode == "arrest" or ARREST.search(text):
            if SUSPECTS.search(text) and not SIGNIFICANT.search(text):
                return None  # suspects held after a crime or attack: no ACLED arrest event
            return Acled(STRATEGIC, "Arrests")
        if mode == "abduct" or ABDUCTION.search(text):
            return Acled(VAC, "Abduction/forced disappearance")
        if mode == "destroy" or PROPERTY.search(text):
            return Acled(STRATEGIC, "Looting/property destruction")
        return Acled(STRATEGIC, "Other")
    if HEADQUARTERS.search(text) and event_type in ("MOBILIZE", "COOPERATE", "RETREAT",
                                                    "CONCEDE", "AGREE"):
        return Acled(STRATEGIC, "Headquarters or base established")
    if event_type in ("RETREAT", "CONCEDE", "COOPERATE", "MOBILIZE", "AGREE") and (
            GROUP_CHANGE.search(text) or mode in ("disarm",)):
        return Acled(STRATEGIC, "Change to group/activity")
    if event_type == "AGREE" or (event_type in ("CONCEDE", "COOPERATE", "RETREAT")
                                 and AGREEMENT.search(text) and "agree" in text):
        return Acled(STRATEGIC, "Agreement")
    if event_type == "COOPERATE" and actor_kind in ARMED_SECTORS:
        return Acled(STRATEGIC, "Change to group/activity")
    if event_type == "MOBILIZE" and actor_kind in NON_STATE_ARMED:
        return Acled(STRATEGIC, "Change to group/activity")
    return None


def acled_for_event(event: Event) -> Acled | None:
    """The ACLED sub-type of a finished event (used after the typer re-types one); none for
    police work in a plainly criminal sentence (see coding.nonpolitical.ordinary_crime)."""
    if ordinary_crime(event):
        return None
    recipient = event.recipient
    return acled_type(
        event.event_type, event.mode, event.trigger.lemma if event.trigger else "",
        event.evidence.sentence,
        event.actor.sector if event.actor else None,
        recipient.sector if recipient and recipient.id else None,
        recipient.text if recipient and (recipient.id or recipient.sector) else "",
        actor_text=event.actor.text if event.actor else "",
    )
