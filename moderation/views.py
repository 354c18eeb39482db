from django.shortcuts import render

from moderation.rules import RULES, RULES_VERSION


def rules(request):
    return render(request, "moderation/rules.html", {"rules": RULES, "version": RULES_VERSION})
