"""Spot details in a comment that could identify its writer or a colleague.

``identifying_details(text)`` returns a list of :class:`Finding` - a warning
to show the writer before they post ("you name the Barnsley office and an
SPO there: readers may work out who you are"), never a reason to hold or
block a comment.  Probation staff post here because they can stay
anonymous; HMPPS's social-media guidance warns staff against identifying
themselves, colleagues or people on probation.

Three kinds of finding:

* ``office``: an office, team or unit pinned to a place - "Dorset PDU",
  "the Barnsley office", "Hull probation office", "my team in Leeds",
  "our office in Penistone", "Leeds AP".
* ``grade_place``: a grade or role pinned to a place - "SPO in Durham",
  "Dorset pso", "a band 4 in Wakefield", "the Kent ACO".
* ``colleague``: a named colleague - "my manager Sarah", "SPO Karen Smith",
  "Karen, my SPO", "Sarah in our team".

Places are a list of English and Welsh counties, cities and towns with a
probation presence; after an office noun and "in/at/from" ("our office in
Penistone") any capitalised word counts.  Regions ("the North West",
"London", "Wales") are too large to identify anyone and are left out.
Public figures named with their public title ("Chief Inspector Justin
Russell") are not colleagues and are not matched.

Text the commenter quotes (see ``moderation.screening.quotes.quote_spans``),
such as a pasted inspection report naming "West Sussex PDU", is skipped: it
identifies nobody new.  The first names that make "my manager Sarah" a
colleague are in ``data/first_names.txt``.

Pure, deterministic, regex-based; English only.  It will miss places not
on the list unless an office noun introduces them, and nicknames or
initials ("KS in the Leeds team" finds the team, not KS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .screening.quotes import quote_spans

__all__ = ["Finding", "identifying_details"]


@dataclass(frozen=True)
class Finding:
    """One identifying detail: ``text == comment[start:end]``."""

    kind: str  # "office", "grade_place" or "colleague"
    text: str
    start: int
    end: int
    reason: str

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "reason": self.reason,
        }


# Counties, unitary areas, cities and towns of England and Wales: the level
# at which a PDU, office or AP - and so a handful of staff - is named.
_PLACES = (
    # counties and areas
    "Avon, Bedfordshire, Berkshire, Buckinghamshire, Cambridgeshire, Cheshire, "
    "Cleveland, Cornwall, Cumbria, Derbyshire, Devon, Dorset, Durham, Essex, "
    "Gloucestershire, Hampshire, Herefordshire, Hertfordshire, Humberside, Kent, "
    "Lancashire, Leicestershire, Lincolnshire, Merseyside, Norfolk, Northamptonshire, "
    "Northumberland, Northumbria, Nottinghamshire, Oxfordshire, Rutland, Shropshire, "
    "Somerset, Staffordshire, Suffolk, Surrey, Sussex, West Sussex, East Sussex, "
    "Teesside, Tyneside, Warwickshire, Wiltshire, Worcestershire, West Mercia, "
    "Thames Valley, Isle of Wight, Cheshire East, Cheshire West, North Yorkshire, "
    "South Yorkshire, West Yorkshire, East Riding, Anglesey, Cardiff, Ceredigion, "
    "Conwy, Denbighshire, Flintshire, Gwent, Gwynedd, Dyfed, Powys, Pembrokeshire, "
    "Carmarthenshire, Glamorgan, Vale of Glamorgan, Monmouthshire, Torfaen, "
    "Wrexham, Swansea, Newport, Bridgend, Caerphilly, Merthyr Tydfil, Rhondda, "
    "Neath, Port Talbot, Llanelli, Aberystwyth, Bangor, Rhyl, Haverfordwest, "
    # cities and towns
    "Barnsley, Barnstaple, Barrow, Basildon, Basingstoke, Bath, Bedford, Birkenhead, "
    "Birmingham, Blackburn, Blackpool, Bodmin, Bolton, Boston, Bournemouth, Bradford, "
    "Bridgwater, Brighton, Bristol, Burnley, Burton, Bury, Cambridge, Canterbury, "
    "Carlisle, Chatham, Chelmsford, Cheltenham, Chester, Chesterfield, Chichester, "
    "Colchester, Coventry, Crawley, Crewe, Croydon, Darlington, Dartford, Derby, "
    "Dewsbury, Doncaster, Dover, Dudley, Eastbourne, Exeter, Folkestone, Gateshead, "
    "Gillingham, Gloucester, Grimsby, Guildford, Halifax, Harlow, Harrogate, "
    "Hartlepool, Hastings, Hereford, Huddersfield, Hull, Ipswich, Keighley, Kendal, "
    "Kettering, Kidderminster, Kings Lynn, King's Lynn, Lancaster, Leeds, Leicester, "
    "Lincoln, Liverpool, Loughborough, Lowestoft, Luton, Maidstone, Manchester, "
    "Mansfield, Margate, Middlesbrough, Milton Keynes, Morecambe, Newcastle, "
    "Northampton, Northallerton, Norwich, Nottingham, Nuneaton, Oldham, Oxford, "
    "Penistone, Penzance, Peterborough, Plymouth, Pontefract, Poole, Portsmouth, "
    "Preston, Reading, Redcar, Redditch, Rochdale, Rotherham, Rugby, Salford, "
    "Salisbury, Scarborough, Scunthorpe, Sheffield, Shrewsbury, Slough, Southampton, "
    "Southend, Southport, St Helens, Stafford, Stevenage, Stockport, Stockton, "
    "Stoke, Sunderland, Swindon, Tameside, Taunton, Telford, Thanet, Torquay, "
    "Trafford, Truro, Tunbridge Wells, Wakefield, Walsall, Warrington, Watford, "
    "Wellingborough, Weston-super-Mare, Weymouth, Widnes, Wigan, Winchester, "
    "Wirral, Woking, Wolverhampton, Worcester, Workington, Worthing, Yeovil, York, "
    # London boroughs (a London PDU is a borough or two)
    "Barking, Barnet, Bexley, Brent, Bromley, Camden, Ealing, Enfield, Greenwich, "
    "Hackney, Hammersmith, Haringey, Harrow, Havering, Hillingdon, Hounslow, "
    "Islington, Kensington, Lambeth, Lewisham, Merton, Newham, Redbridge, Richmond, "
    "Southwark, Sutton, Tower Hamlets, Waltham Forest, Wandsworth, Westminster"
)
_PLACE_LIST = sorted({p.strip() for p in _PLACES.split(",") if p.strip()}, key=lambda p: (-len(p), p))
# Directions that may prefix a place: "North Essex", "East Kent", "West Leeds".
_PLACE = (
    r"(?:(?:North|South|East|West|Mid|Central|Greater|Inner|Outer)\s+)?(?:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _PLACE_LIST)
    + r")(?![\w'’-])"
)

# Office, team and unit nouns.
_OFFICE = (
    r"(?:probation\s+delivery\s+unit|pdu|probation\s+office|probation\s+team|"
    r"probation\s+service|probation\s+hub|offices?|teams?|approved\s+premises|ap|"
    r"hostel|hub|reporting\s+centre|unit|court\s+team|crc|nps|iom\s+team|"
    r"unpaid\s+work\s+team|up\s+team|programmes\s+team|mappa\s+unit)"
)
# Grades and roles.  Short forms are matched in any case ("Dorset pso").
_GRADE = (
    r"(?:spo|aco|po|pso|pqip|nqo|tpo|hopdu|rpd|vlo|pta|band\s*[1-9]|"
    r"head\s+of\s+(?:the\s+)?pdu|head\s+of\s+service|senior\s+probation\s+officer|"
    r"probation\s+services?\s+officer|probation\s+officer|trainee(?:\s+po)?|"
    r"case\s+admin(?:istrator)?|practice\s+tutor|team\s+manager|line\s+manager|"
    r"offender\s+manager|court\s+officer|victim\s+liaison\s+officer|"
    r"programmes?\s+facilitator|treatment\s+manager|ap\s+manager|hostel\s+manager|"
    r"senior\s+manager|deputy\s+director|regional\s+director)"
)
# Roles that, with "my"/"our", make the following name a colleague.
_COLLEAGUE_ROLE = (
    r"(?:line\s+manager|team\s+manager|manager|boss|supervisor|colleague|"
    r"co-?worker|mentor|practice\s+tutor|tutor|team\s+leader|deputy|"
    r"head\s+of\s+(?:the\s+)?pdu|admin|receptionist|spo|aco|po|pso|pqip|nqo|"
    r"pta|hopdu|rpd|senior)"
)
_NAME = r"(?-i:[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)"
_SURNAME = r"(?-i:[A-Z][a-z]*(?:[-'’][A-Z][a-z]+)?[a-z])"

_I = re.IGNORECASE

# "Dorset PDU", "Hull probation office", "West Sussex Probation Delivery Unit"
_PLACE_OFFICE_RE = re.compile(r"\b(?:the\s+|our\s+|my\s+)?" + _PLACE + r"\s+" + _OFFICE + r"\b", _I)
# "my team in Leeds", "our office in Penistone", "the PDU at Wakefield":
# after an office noun any capitalised place word counts.
_OFFICE_IN_RE = re.compile(
    r"\b(?:my|our|the|this|that)\s+(?:(?:local|old|new|own)\s+)?" + _OFFICE
    + r"\s+(?:in|at|from|based\s+in|up\s+in|down\s+in)\s+(?:the\s+)?"
    r"(?P<place>" + _PLACE + r"|(?-i:[A-Z][a-z]{2,}(?:[\s-](?:upon|on|under|le)[\s-][A-Z][a-z]+)?))",
    _I,
)
# "SPO in Durham", "a band 4 in Wakefield", "PSO at the Hull office"
_GRADE_IN_RE = re.compile(
    r"\b" + _GRADE + r"s?\s+(?:in|at|from|for|based\s+in|covering)\s+(?:the\s+)?" + _PLACE, _I
)
# "Dorset pso", "the Kent ACO", "aco Somerset" (short grades only after a place)
_PLACE_GRADE_RE = re.compile(
    r"\b" + _PLACE + r"\s+(?i:spo|aco|po|pso|pqip|nqo|tpo|hopdu|rpd|pta|"
    r"senior\s+probation\s+officer|probation\s+officer|head\s+of\s+pdu|band\s*[1-9])(?![A-Za-z])"
    r"|\b(?i:spo|aco|pso|hopdu|rpd)\s+(?:for\s+)?" + _PLACE,
)
# "my manager Sarah", "our SPO Karen Smith", "my colleague Dave"
_ROLE_NAME_RE = re.compile(
    r"\b(?:my|our|the|a)\s+(?:(?:new|old|former|current|acting|lovely|fellow)\s+)?"
    + _COLLEAGUE_ROLE + r"[ \t]+(?P<name>" + _NAME + r"(?:[ \t]+" + _SURNAME + r")?)",
    _I,
)
# "SPO Karen Smith", "ACO Sarah" (a grade used as a title)
_TITLE_NAME_RE = re.compile(
    r"\b(?-i:SPO|ACO|PO|PSO|HoPDU|HOPDU|RPD|PQiP|NQO|Spo|Aco)[ \t]+(?P<name>" + _NAME
    + r"(?:[ \t]+" + _SURNAME + r")?)"
)
# "Karen, my SPO", "Sarah in our team", "Dave from my office"
_NAME_ROLE_RE = re.compile(
    r"(?P<name>" + _NAME + r"(?:[ \t]+" + _SURNAME + r")?)(?:,[ \t]+|[ \t]+)(?:(?:my|our)\s+(?:old\s+|new\s+)?"
    + _COLLEAGUE_ROLE + r"\b|(?:in|from|on)\s+(?:my|our)\s+(?:team|office|pdu)\b)",
    _I,
)

# Capitalised words that are not names even after a role.
_NOT_NAMES = frozenset(
    "i the a an and but or so if on in at of to for from with by as is was has "
    "had will would should could can may might must who which that this these "
    "those he she they we you it his her their our my your its mr mrs ms dr "
    "monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december "
    "probation pdu nps crc hmpps moj hq napo unison delius oasys nomis team "
    "office manager managers spo aco po pso jim getafix god christmas easter "
    "covid ok yes no just also then there here when what why how".split()
)
# Title-case words that start headings and job titles, not names:
# "the Old Boss / Professional Leadership".
_NOT_NAMES |= frozenset(
    "professional leadership senior service delivery unit old new chief head director "
    "regional national local management leaders leader staff inspector inspectorate "
    "board court courts prison prisons ministry department government lord lady sir "
    "dame secretary minister justice public health unpaid work community".split()
)
# Too large to identify anyone: "my team in London" is one of hundreds.
_REGION_WORDS = frozenset(
    "london wales england britain uk north south east west midlands yorkshire humber "
    "national hq central greater".split()
)
_PLACE_WORDS = frozenset(w.lower() for p in _PLACE_LIST for w in p.split())
_ROLE_WORDS = frozenset(
    "manager boss supervisor colleague coworker co mentor tutor leader deputy head "
    "admin receptionist spo aco po pso pqip nqo pta hopdu rpd senior team office pdu".split()
)
# Words that rule out an office/team reading: "the Leeds team won".
_GATE = frozenset(
    "pdu office offices team teams ap premises hostel hub centre unit crc nps "
    "spo aco po pso pqip nqo tpo hopdu rpd vlo pta band head trainee admin "
    "administrator tutor manager boss supervisor colleague coworker co mentor "
    "leader deputy receptionist senior officer service delivery".split()
)
_WORD_RE = re.compile(r"[a-z]+")


@cache
def _first_names() -> frozenset[str]:
    """The names in ``data/first_names.txt`` (read once)."""
    text = resources.files("moderation").joinpath("data", "first_names.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


_REASONS = {
    "office": "names an office or team ('{}'): with other details, readers may work out who you are",
    "grade_place": "names a grade and a place ('{}'): there may be only a few people it could be",
    "colleague": "names a colleague ('{}'): they can be identified, and so can you",
}


def _is_name(name: str) -> bool:
    parts = name.lower().split()
    if any(p in _NOT_NAMES or p in _PLACE_WORDS for p in parts):
        return False
    # A listed first name, or two capitalised words ("Karen Smith").
    return parts[0] in _first_names() or len(parts) > 1


def identifying_details(text: str, *, quote_aware: bool = True) -> list[Finding]:
    """Identifying details in ``text``, in text order (overlaps merged).

    With ``quote_aware``, details in text the commenter quotes are skipped.
    """
    if not text:
        return []
    low = text.lower()
    words = frozenset(_WORD_RE.findall(low))
    if not words & _GATE:
        return []
    found: list[tuple[int, int, str]] = []
    # The place list makes these regexes slow: run them only when a place
    # word is present ("in/at + any capitalised word" needs no list).
    place_rxs = (
        ((_PLACE_OFFICE_RE, "office"), (_GRADE_IN_RE, "grade_place"),
         (_PLACE_GRADE_RE, "grade_place")) if words & _PLACE_WORDS else ()
    )
    for rx, kind in place_rxs + ((_OFFICE_IN_RE, "office"),):
        for m in rx.finditer(text):
            if rx is _OFFICE_IN_RE:
                place = m.group("place").split()[0].lower()
                if place in _NOT_NAMES or place in _REGION_WORDS:
                    continue
            found.append((m.start(), m.end(), kind))
    for rx in (_ROLE_NAME_RE, _TITLE_NAME_RE, _NAME_ROLE_RE) if words & _ROLE_WORDS else ():
        for m in rx.finditer(text):
            name = m.group("name")
            if _is_name(name):
                found.append((m.start(), m.end(), "colleague"))
    if not found:
        return []
    quoted = quote_spans(text) if quote_aware else ()
    findings: list[Finding] = []
    # Longest first at each start, then drop anything inside a kept span.
    for start, end, kind in sorted(found, key=lambda f: (f[0], -f[1])):
        if findings and start < findings[-1].end:
            continue
        if any(s <= start and end <= e for s, e in quoted):
            continue
        snippet = text[start:end]
        findings.append(
            Finding(kind, snippet, start, end, _REASONS[kind].format(" ".join(snippet.split())))
        )
    return findings
