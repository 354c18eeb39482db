from django.db.models import Count
from django.shortcuts import render

from moderation.models import Decision

from moderation.rules import RULES, RULES_VERSION
from moderation.transparency import moderation_figures


def rules(request):
    # When the wording changes, decisions made under an older wording are
    # listed, so nobody reads an old removal against new words.
    earlier = (
        Decision.objects.exclude(rules_version=RULES_VERSION)
        .exclude(rule="")
        .values("rules_version")
        .annotate(decisions=Count("pk"))
        .order_by("rules_version")
    )
    return render(
        request, "moderation/rules.html", {"rules": RULES, "version": RULES_VERSION, "earlier": earlier}
    )


def transparency(request):
    return render(request, "moderation/transparency.html", {"figures": moderation_figures()})
