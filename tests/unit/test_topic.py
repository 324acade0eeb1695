"""Whole-story topic filter: sport, market and weather stories are skipped, politics is not."""

from __future__ import annotations

import pytest

from eventwire.coding.topic import off_topic_domain

SPORT = ("The striker scored twice as the club won the cup final. The coach praised the squad "
         "after the match, and fans filled the stadium for the league title celebration.")
MARKETS = ("Shares rose as investors cheered strong quarterly earnings. The index gained two "
           "percent, the dollar fell, and analysts raised their profit forecast for the "
           "quarter.")
POLITICS = ("Government troops attacked rebel positions near the border, the army said. The "
            "minister accused the militia of breaking the ceasefire, and the opposition called "
            "a protest against the president.")
MIXED = ("The army attacked militants near the stadium after the match, killing 12 soldiers "
         "and police, the government said, as the opposition leader demanded talks.")


@pytest.mark.parametrize(("text", "domain"), [
    (SPORT, "sport"), (MARKETS, "markets"), (POLITICS, None), (MIXED, None), ("", None)])
def test_off_topic_domain(pipeline, text, domain):
    assert off_topic_domain(pipeline.nlp(text)) == domain
