"""The archive's data model (DESIGN.md, "Data model")."""

from .items import (
    Case,
    Clause,
    Decision,
    Item,
    Note,
    Reservation,
    Vote,
    VoteCast,
    Yrkande,
    YrkandePerson,
)
from .lookups import AnyOf
from .meetings import Attendance, ImportRecord, Meeting, Upload
from .organisation import Body, Committee, Party, Person
from .vocabulary import Lexeme

__all__ = [
    "AnyOf",
    "Attendance",
    "Body",
    "Case",
    "Clause",
    "Committee",
    "Decision",
    "ImportRecord",
    "Item",
    "Lexeme",
    "Meeting",
    "Note",
    "Party",
    "Person",
    "Reservation",
    "Upload",
    "Vote",
    "VoteCast",
    "Yrkande",
    "YrkandePerson",
]
