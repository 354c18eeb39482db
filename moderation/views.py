from django.shortcuts import render

from moderation.rules import RULES, RULES_VERSION
from moderation.transparency import moderation_figures


def rules(request):
    return render(request, "moderation/rules.html", {"rules": RULES, "version": RULES_VERSION})


def transparency(request):
    return render(request, "moderation/transparency.html", {"figures": moderation_figures()})
