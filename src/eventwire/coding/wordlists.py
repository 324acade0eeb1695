"""Word lists the parse readers of :mod:`eventwire.coding.syntax` consult.

Split from ``syntax.py`` to keep it short; ``syntax`` re-exports every name here.
"""

from __future__ import annotations

#: Words that head a phrase but mean "how many" rather than "who" ("thousands of protesters").
QUANTITY_HEADS = frozenset({
    "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
    "scores", "score", "number", "group", "crowd", "crowds", "band", "members", "member",
    "some", "many", "most", "all", "several", "both", "each", "one", "two", "three", "none",
    "round", "series", "wave", "spate", "string", "raft", "batch", "contingent", "ton", "tons",
    "tonne", "tonnes", "kg", "kilogram", "kilograms", "barrel", "barrels", "truckload",
    "truckloads", "shipment", "shipments", "consignment", "consignments", "convoy", "lot",
    "part", "parts", "portion", "half", "rest", "remainder", "days", "weeks", "months",
    # what is sent or handed over: "a team of doctors", "$4 million worth of medicine"
    "worth", "team", "teams", "planeload", "planeloads", "amount", "quantity", "quantities",
})
#: Heads whose "of" phrase is part of the name ("Government of Syria", "head of the army").
OF_KEEPING_HEADS = frozenset({
    "government", "ministry", "minister", "army", "president", "head", "leader", "chief",
    "member", "people", "force", "forces", "republic", "kingdom", "state", "council", "office",
    "department", "union", "front", "party", "secretary", "commander", "spokesman",
    "spokeswoman", "spokesperson", "prime", "king", "queen", "emir", "parliament", "league",
    "organisation", "organization", "movement", "brigade", "brigades", "militia",
})
#: Heads that name one person by office: "the president", "Egypt's foreign minister".
PERSON_TITLES = frozenset({
    "president", "minister", "premier", "leader", "chief", "king", "queen", "emir", "prince",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "governor", "general",
    "commander", "chairman", "chairwoman", "mayor", "envoy", "senator", "judge", "prosecutor",
    "pope", "sheikh", "ayatollah", "chancellor", "director", "head", "magistrate",
})
AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ee", "ees")
#: Nouns with an agent ending that name things, not people.
NOT_AGENT_NOUNS = frozenset({
    "number", "order", "border", "matter", "center", "centre", "paper", "letter", "water",
    "quarter", "headquarter", "headquarters", "chapter", "meter", "layer", "computer", "corner",
    "river", "tower", "shelter", "answer", "manner", "summer", "winter", "september",
    "october", "november", "december", "danger", "anger", "hunger", "finger", "weather", "filter",
    "register", "trigger", "disaster", "monster", "cancer", "charter", "banner", "barrier",
    "container", "helicopter", "tractor", "factor", "sector", "motor", "error", "terror",
    "horror", "floor", "door", "corridor", "mirror", "colour", "color", "vapor", "labor",
    "labour", "favor", "favour", "honor", "honour", "rumor", "rumour", "behavior", "behaviour",
    "decree", "degree", "fee", "coffee", "guarantee", "tree", "jubilee",
    "cooler", "poster", "pointer", "reactor", "radiator", "other", "another", "together",
    "whether", "neither", "either", "rather", "further", "former", "latter", "dinner", "super",
    "fever", "leather", "freezer", "sticker", "never", "ever", "however", "whatever",
})
PEOPLE_NOUNS = frozenset({
    "student", "resident", "migrant", "immigrant", "emigrant", "civilian", "peasant", "servant",
    "participant", "opponent", "dissident", "militant", "insurgent", "rebel", "refugee",
    "people", "person", "man", "woman", "child", "family", "families", "crowd", "mob", "youth",
    "villager", "citizen", "victim", "official", "delegate", "deputy", "lawmaker", "legislator",
    "diplomat", "envoy", "staff", "personnel", "troop", "soldier", "officer", "guard", "agent",
    "activist", "fighter", "gunman", "gunmen", "militia", "tribe", "clan", "mother", "father",
    "speaker", "founder", "expert", "scholar", "cleric", "monk", "priest", "bishop", "imam",
    "rabbi", "nun", "doctor", "nurse", "farmer", "worker", "employee", "musician", "artist",
    "candidate", "incumbent", "chairman", "mayor", "ally", "allies", "rival", "critic", "voter",
    "hostage", "captive", "detainee", "inmate", "prisoner", "suspect", "pilot", "crew",
    "counterpart", "representative",
})
GROUP_NOUNS = frozenset({
    "committee", "council", "court", "tribunal", "agency", "authority", "ministry", "department",
    "commission", "parliament", "assembly", "congress", "senate", "cabinet", "administration",
    "regime", "government", "party", "movement", "union", "association", "organisation",
    "organization", "group", "coalition", "alliance", "federation", "bank", "company", "firm",
    "board", "panel", "team", "delegation", "mission", "embassy", "consulate", "police", "army",
    "navy", "military", "force", "forces", "unit", "battalion", "brigade", "regiment", "state",
    "country", "nation", "city", "province", "municipality", "district", "community", "office",
    "bloc", "club", "league", "network", "institute", "institution", "university", "school",
    "church", "mosque", "charity", "foundation", "corporation", "operator", "opposition",
    "junta", "leadership", "side", "camp", "faction", "wing", "jury", "watchdog", "regulator",
    "majority", "minority", "establishment", "legislature", "judiciary", "prosecution",
    "republic", "kingdom", "emirate", "monarchy", "power", "superpower", "neighbour", "neighbor",
})
