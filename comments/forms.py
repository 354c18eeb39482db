import re

from django import forms
from django.conf import settings

from moderation.models import RULE_CHOICES

MISSING_PARENT = "The comment you are replying to does not exist."
# What a browser turns invalid UTF-8 into ("%FF" in a form post): the text
# was mangled on the way and the author would not recognise what we stored.
REPLACEMENT_CHARACTER = "\ufffd"
# A name is one line: no control characters at all, C1 and DEL included.
_NAME_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class CommentForm(forms.Form):
    """A comment or reply. No e-mail: a name is optional and may be a pseudonym."""

    name = forms.CharField(
        required=False,
        max_length=settings.COMMENT_NAME_MAX_LENGTH,
        label="Name (optional)",
        help_text="Leave blank to post as Anonymous. Any pseudonym will do.",
        error_messages={"max_length": "Names can be at most %(limit_value)d characters (yours has %(show_value)d)."},
    )
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Comment",
        min_length=settings.COMMENT_MIN_LENGTH,
        max_length=settings.COMMENT_MAX_LENGTH,
        strip=True,
        error_messages={
            "required": "Write something before posting.",
            "min_length": "That is too short to post.",
            "max_length": (
                "Comments can be at most %(limit_value)d characters; yours has %(show_value)d. "
                "Split it into two, or trim it."
            ),
        },
    )
    # Honeypot: hidden from people by CSS, filled in by form-stuffing bots.
    website = forms.CharField(required=False, label="Leave this empty")
    parent = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean_name(self):
        name = self.cleaned_data["name"]
        if _NAME_CONTROLS.search(name):
            raise forms.ValidationError("The name contains control characters; please retype it.")
        if REPLACEMENT_CHARACTER in name:
            raise forms.ValidationError("The name arrived garbled (it contains \ufffd); please retype it.")
        return name

    def clean_body(self):
        body = self.cleaned_data["body"]
        if any(ord(ch) < 32 and ch not in "\n\r\t" for ch in body):
            raise forms.ValidationError("The comment contains control characters; please retype it.")
        if REPLACEMENT_CHARACTER in body:
            raise forms.ValidationError("The comment arrived garbled (it contains \ufffd); please retype it.")
        return body

    def clean(self):
        # The parent id is a hidden field, whose error the page would show
        # nowhere: a mangled or forged id ("abc", "0") gets the same message
        # as an id that matches no comment.
        if self.errors.pop("parent", None):
            self.add_error(None, MISSING_PARENT)
        return super().clean()

    @property
    def is_bot(self):
        return bool(self.data.get("website"))


class ReportForm(forms.Form):
    rule = forms.ChoiceField(choices=RULE_CHOICES, label="Which rule does it break?", widget=forms.RadioSelect)
    note = forms.CharField(required=False, max_length=500, label="Anything a moderator should know (optional)",
                           widget=forms.Textarea(attrs={"rows": 3}))


class AppealForm(forms.Form):
    text = forms.CharField(
        label="Why should a second moderator look again?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Say briefly why the decision was wrong."},
    )
