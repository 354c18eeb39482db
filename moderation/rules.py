"""The seven published HMPPS social-media moderation rules, as data.

The wording follows the "social media use" page of HM Prison and Probation
Service (quoted on the blog in August 2023).  Each rule has a stable ``code``
that is stored with moderation decisions and used by the screener, a short
``name`` for buttons and badges, and a plain-words ``description`` for the
public /rules/ page.

``RULES_VERSION`` names the wording in force; a decision records it so that
a later change of wording does not silently re-interpret old decisions.
"""

from __future__ import annotations

from dataclasses import dataclass

RULES_VERSION = "2023-08"


@dataclass(frozen=True)
class Rule:
    number: int
    code: str
    name: str
    description: str


RULES: tuple[Rule, ...] = (
    Rule(
        1,
        "abusive",
        "Abusive or profane language",
        "No discriminatory, obscene, inflammatory, harassing, hateful, "
        "threatening, profane or personally abusive language. Strong swear "
        "words (including disguised ones such as 'f*ck') count; everyday "
        "words like 'crap' or 'bloody' on their own do not.",
    ),
    Rule(
        2,
        "disrespectful",
        "Disrespect for others",
        "Be respectful to other commenters and their opinions. Disagree as "
        "strongly as you like, but do not sneer at people for what they "
        "think ('what a stupid comment', 'shut up', 'get a life').",
    ),
    Rule(
        3,
        "personal_attack",
        "Personal attacks",
        "No personal attacks on anyone, whether another commenter or a "
        "person you describe: attack the argument or the policy, not the "
        "person ('you idiot', 'my manager is completely useless').",
    ),
    Rule(
        4,
        "defamatory",
        "Libel and defamation",
        "Do not accuse a named or identifiable person, such as a member of "
        "staff, of wrongdoing (lying, corruption, bullying, affairs and the "
        "like). Criticising organisations, ministers' policies and senior "
        "management as a whole is fine.",
    ),
    Rule(
        5,
        "self_harm",
        "Self-harm and suicide detail",
        "No explicit or technical detail of self-harm or suicide, such as "
        "methods, means or quantities. Talking about suicide rates, deaths "
        "in custody or mental health as issues is fine.",
    ),
    Rule(
        6,
        "advert",
        "Adverts",
        "No adverts for commercial products or services: no selling, "
        "prices with offers, discount codes, phone numbers or 'DM me'.",
    ),
    Rule(
        7,
        "off_topic",
        "Spam and off-topic posts",
        "No spam: walls of links, repeated text, or posts about unrelated "
        "things like crypto, casinos, loans or essay writing. Sharing a "
        "news link that bears on probation is welcome.",
    ),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}

# Codes in rule-number order; the screener reports broken rules in this order.
RULE_CODES: tuple[str, ...] = tuple(rule.code for rule in RULES)


def get_rule(code: str) -> Rule:
    """Return the rule with this code; raise ``KeyError`` for unknown codes."""
    try:
        return RULES_BY_CODE[code]
    except KeyError:
        raise KeyError(f"unknown moderation rule code: {code!r}") from None
