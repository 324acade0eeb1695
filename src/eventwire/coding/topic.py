"""Is this story about politics at all?

Sports, market and weather stories are full of "attacks", "strikes", "rallies" and "battles" that
dictionary coders turn into violence. A story whose vocabulary is dominated by one of those
domains, with few political words, is skipped as a whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

OFF_TOPIC_CUES: dict[str, frozenset[str]] = {
    "sport": frozenset({
        "match", "goal", "league", "season", "coach", "striker", "midfielder", "defender",
        "goalkeeper", "score", "scorer", "champion", "championship", "tournament", "cup",
        "innings", "wicket", "quarterback", "touchdown", "referee", "penalty", "fixture",
        "playoff", "semifinal", "semi-final", "final", "stadium", "fan", "club", "squad",
        "premier", "olympic", "medal", "athlete", "teammate", "inning", "pitcher", "halftime",
        "kickoff", "draw", "victory", "defeat", "title", "cricket", "football", "soccer",
        "tennis", "rugby", "basketball", "baseball", "golf", "race", "lap", "sprint", "game",
    }),
    "markets": frozenset({
        "share", "stock", "index", "investor", "trader", "trading", "earnings", "profit",
        "revenue", "dividend", "bond", "yield", "nasdaq", "dow", "ftse", "nikkei", "futures",
        "commodity", "barrel", "rally", "sell-off", "selloff", "quarter", "forecast", "analyst",
        "percent", "price", "currency", "dollar", "euro", "market", "gain", "loss",
    }),
    "weather": frozenset({
        "weather", "forecast", "rain", "rainfall", "snow", "storm", "temperature", "wind",
        "sunshine", "cloud", "humidity", "degree", "celsius", "fahrenheit", "meteorologist",
        "showers", "heatwave", "frost", "drizzle", "thunderstorm", "hurricane", "typhoon",
    }),
}
POLITICAL_CUES = frozenset({
    "government", "minister", "president", "army", "police", "military", "rebel", "militant",
    "protest", "protester", "election", "parliament", "troop", "ceasefire", "sanction", "war",
    "militia", "insurgent", "opposition", "regime", "official", "ministry", "senator",
    "diplomat", "embassy", "ambassador", "security", "soldier", "terrorist", "attack", "killed",
    "kill", "bomb", "airstrike", "arrest", "court", "prime", "party", "vote", "treaty", "talks",
    "negotiation", "refugee", "civilian", "border", "weapon", "missile", "coup", "rally",
    "demonstrator", "strike", "union", "leader", "state", "nato", "un", "law",
})


def off_topic_domain(doc: Doc, *, min_cues: int = 4, dominance: float = 2.0) -> str | None:
    """The non-political domain that dominates the story, or None if it may hold events."""
    lemmas = [t.lemma_.lower() for t in doc if t.is_alpha]
    if not lemmas:
        return None
    political = sum(1 for lemma in lemmas if lemma in POLITICAL_CUES)
    best: tuple[int, str] | None = None
    for domain, cues in OFF_TOPIC_CUES.items():
        hits = sum(1 for lemma in lemmas if lemma in cues)
        dominant = hits >= min_cues and hits >= dominance * max(political, 1)
        if dominant and (best is None or hits > best[0]):
            best = (hits, domain)
    return best[1] if best else None
