"""identifying_details() warns about offices, grades + places and named colleagues."""

import json

import pytest

from moderation.identification import Finding, identifying_details


def _found(text):
    return [(f.kind, f.text) for f in identifying_details(text)]


@pytest.mark.parametrize("text, expected", [
    ("I work in Dorset PDU and it's grim.", [("office", "Dorset PDU")]),
    ("Things at the Barnsley office are dire.", [("office", "the Barnsley office")]),
    ("Hull probation office has no heating.", [("office", "Hull probation office")]),
    ("my team in Leeds is down to three POs", [("office", "my team in Leeds")]),
    ("Our office in Penistone has had no heating.", [("office", "Our office in Penistone")]),
    ("Leeds AP is full again.", [("office", "Leeds AP")]),
    ("West Sussex PDU got Inadequate.", [("office", "West Sussex PDU")]),
    ("I'm an SPO in Durham.", [("grade_place", "SPO in Durham")]),
    ("Inexperienced Dorset pso is an aco in record time.", [("grade_place", "Dorset pso")]),
    ("As a band 4 in Wakefield I earn nothing.", [("grade_place", "band 4 in Wakefield")]),
    ("The Kent ACO bullied staff.", [("grade_place", "Kent ACO")]),
    ("Had a big career lift from a male aco Somerset.", [("grade_place", "aco Somerset")]),
    ("my manager Sarah never answers", [("colleague", "my manager Sarah")]),
    ("SPO Karen Smith runs the place.", [("colleague", "SPO Karen Smith")]),
    ("Karen, my SPO, is off again.", [("colleague", "Karen, my SPO")]),
    ("Sarah in our team is leaving.", [("colleague", "Sarah in our team")]),
    ("Our SPO Karen told us on Monday.", [("colleague", "Our SPO Karen")]),
    ("My line manager Gwen Pritchard in Hull probation office said no.",
     [("colleague", "My line manager Gwen Pritchard"), ("office", "Hull probation office")]),
])
def test_identification_finds(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "The North West region is short of staff.",
    "I'm a PO in London.",  # a region: hundreds of POs
    "The team is exhausted and the office is cold.",
    "My SPO is brilliant.",
    "Chief Inspector of Probation Justin Russell said it was fine.",
    "I transferred from Scunthorpe to the north last year.",
    "(West Midlands, CRC)",
    "Being po whatever that is today means nothing.",
    "My manager Monday said no.",
    "Local Management: Fractured coms\nthe Old Boss\nProfessional Leadership 2",
    "Data from the Office for National Statistics.",
    "Senior managers in HMPPS are out of touch.",
    "",
])
def test_identification_ignores(text):
    assert identifying_details(text) == []


def test_identification_skips_quoted_text():
    text = 'Press Release:-\nWest Sussex PDU has received an overall rating of Inadequate.'
    assert identifying_details(text) == []
    assert _found(text.replace("Press Release:-\n", "")) == [("office", "West Sussex PDU")]
    assert identifying_details(text, quote_aware=False)


def test_identification_findings_quote_the_text():
    text = "İİ My manager Sarah at the Barnsley office — and SPO Karen Smith."
    findings = identifying_details(text)
    assert len(findings) == 3
    for f in findings:
        assert text[f.start:f.end] == f.text
        assert f.text in f.reason
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    data = json.loads(json.dumps([f.to_dict() for f in findings]))
    assert set(data[0]) == {"kind", "text", "start", "end", "reason"}


def test_identification_is_deterministic_and_pure():
    text = "my team in Leeds and the Kent ACO"
    assert identifying_details(text) == identifying_details(text)
    assert all(isinstance(f, Finding) for f in identifying_details(text))


def test_identification_seed_comments_are_mostly_clean():
    from blogsite.archives.seed_text import parse

    from tests.conftest import SEED_FILES

    files = [str(path) for path in SEED_FILES]  # the seed copies in fixtures/archives/
    assert len(files) == 5
    flagged = {}
    total = 0
    for path in files:
        with open(path, encoding="utf-8") as fh:
            archive = parse(fh.read(), path=path)
        for comment in archive.comments:
            total += 1
            findings = identifying_details(comment.body)
            if findings:
                flagged[comment.source_id] = [f.text for f in findings]
    assert total == 148
    # The comment naming "Dorset pso" and "aco Somerset", and one pasted news
    # report naming a PDU; nothing else.
    assert len(flagged) <= 2, flagged
    assert any("Dorset pso" in texts for texts in flagged.values())
