"""Partial updates: telling "leave this field alone" apart from "set it to None"."""

import enum
from typing import Final, Literal, TypeAlias, TypeVar

T = TypeVar("T")


class Unchanged(enum.Enum):
    UNCHANGED = "unchanged"


UNCHANGED: Final = Unchanged.UNCHANGED

Change: TypeAlias = T | Literal[Unchanged.UNCHANGED]
