"""Short synthetic news stories (written for these tests) used by the parallel and Dask tests."""

from __future__ import annotations

from eventwire.model import Document

SENTENCES = (
    "Syrian government forces shelled rebel positions in Idlib on Monday, killing six fighters.",
    ("Turkey accused Russia of violating the ceasefire in northern Syria. \"We will respond,\" "
    "the Turkish defence minister said."),
    ("Iraqi police arrested twelve protesters in Baghdad on Friday after demonstrators blocked "
    "a bridge."),
    "The United Nations sent food aid to refugees in Lebanon, officials said on Tuesday.",
    "Israel and Hamas agreed to a truce brokered by Egypt, ending four days of fighting in Gaza.",
)


def stories(count: int, prefix: str = "syn") -> list[Document]:
    """``count`` documents, each two of the sentences above, so every story has events."""
    from datetime import date

    return [
        Document(id=f"{prefix}-{i}",
                 text=SENTENCES[i % len(SENTENCES)] + "\n\n" + SENTENCES[(i + 2) % len(SENTENCES)],
                 published=date(2024, 3, 1 + i % 28), source="synthetic")
        for i in range(count)
    ]
