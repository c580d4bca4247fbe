"""Interim gazetteer handle (replaced by the geo stage)."""

from __future__ import annotations


class Gazetteer:
    @classmethod
    def open(cls, path: str | None = None) -> Gazetteer | None:
        return None
