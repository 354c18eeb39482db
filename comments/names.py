"""What is left of a display name once it is accepted, from a form or an import."""
import re

# Bidi controls (U+202A-202E, U+2066-2069, U+200E/200F, U+061C) reorder the
# name and can spill into the text after it ("Dave" shown as "evaD", or a
# reply's words reversed); zero-width characters (U+200B-200D, U+2060,
# U+FEFF) and the soft hyphen (U+00AD) let "Dave" and "Da​ve" pass as one
# person, or a slur pass screening. None of them is visible in a name.
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def clean_name(name: str) -> str:
    return _INVISIBLE.sub("", name).strip()
