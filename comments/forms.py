from django import forms
from django.conf import settings

from moderation.models import RULE_CHOICES


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
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_body(self):
        body = self.cleaned_data["body"]
        if any(ord(ch) < 32 and ch not in "\n\r\t" for ch in body):
            raise forms.ValidationError("The comment contains control characters; please retype it.")
        return body

    @property
    def is_bot(self):
        return bool(self.data.get("website"))


class ReportForm(forms.Form):
    rule = forms.ChoiceField(choices=RULE_CHOICES, label="Which rule does it break?", widget=forms.RadioSelect)
    note = forms.CharField(required=False, max_length=500, label="Anything a moderator should know (optional)",
                           widget=forms.Textarea(attrs={"rows": 3}))
