"""Canonical forms of the names people and tags are known by, after RFC 8265's
UsernameCaseMapped profile: what looks the same compares the same, and what is invisible
or reorders text is refused.

`identity_key` is the one comparison key of usernames and e-mails: stored beside them,
uniquely indexed, and the only thing any lookup compares, in Python or in SQL."""

import unicodedata

INVISIBLE_CHARACTERS = "invisible or bidirectional control characters"
INVISIBLE = f"can't contain {INVISIBLE_CHARACTERS}"
ONLY_DOTS = "can't be made of dots only"
MIXED_SCRIPTS = "can't mix scripts"

# Controls, format characters (zero-width spaces and joiners, bidirectional embeddings,
# overrides and isolates, tag characters), line and paragraph separators, surrogates.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
# Default-ignorable code points outside those categories: combining grapheme joiner,
# Hangul fillers (letters that render as nothing), Khmer inherent vowels, Mongolian and
# generic variation selectors.
INVISIBLE_LETTERS_AND_MARKS = frozenset(
    {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0}
    | set(range(0x180B, 0x1810))
    | set(range(0xFE00, 0xFE10))
    | set(range(0xE0100, 0xE01F0))
)

# Script combinations that are normal in one language (UTS #39, "highly restrictive").
COMBINABLE_SCRIPTS = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)
_HAN_NAMES = {"CJK": "HAN", "IDEOGRAPHIC": "HAN"}
# Characters of no script: a script's letters may be joined with them.
_COMMON = frozenset("0123456789_-.")


def normalized(raw: str) -> str:
    """The display form: NFKC (fullwidth and other compatibility forms folded), trimmed."""
    return unicodedata.normalize("NFKC", raw).strip()


def identity_key(text: str) -> str:
    """The comparison key: NFKC, full case folding (so "ß" is "ss" and "İ" is one letter
    in every store), NFKC again since folding can denormalise."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return unicodedata.normalize("NFKC", folded)


def has_invisible(text: str) -> bool:
    return any(
        unicodedata.category(ch) in INVISIBLE_CATEGORIES or ord(ch) in INVISIBLE_LETTERS_AND_MARKS
        for ch in text
    )


def is_only_dots(text: str) -> bool:
    """ "." and ".." would be path segments in /api/profiles/{username}, not names."""
    return set(text) == {"."}


def scripts(text: str) -> set[str]:
    """The scripts of `text`'s letters, named by the first word of their Unicode names
    ("LATIN", "CYRILLIC", …; CJK ideographs as "HAN"). The standard library has no Script
    property, so this approximates it: scripts whose names share a first word (Old Italic
    and Old Persian, Tai Le and Tai Tham) count as one, and letters named otherwise
    ("MODIFIER LETTER …") as a script of their own. ASCII digits, '_', '-', '.' are of
    none; other digits are their script's."""
    found = set()
    for ch in text:
        if ch in _COMMON:
            continue
        word = unicodedata.name(ch, "UNNAMED").split(" ")[0].split("-")[0]
        found.add(_HAN_NAMES.get(word, word))
    return found


def mixes_scripts(text: str) -> bool:
    used = scripts(text)
    return len(used) > 1 and not any(used <= allowed for allowed in COMBINABLE_SCRIPTS)
