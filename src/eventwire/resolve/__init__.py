"""Resolve where, when and who said it: places, dates, quotes (each a plain function over events)."""
