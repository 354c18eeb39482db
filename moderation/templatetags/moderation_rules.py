from django import template

from moderation.rules import RULES_BY_CODE

register = template.Library()


@register.filter
def rule_number(code):
    rule = RULES_BY_CODE.get(code)
    return rule.number if rule else "?"


@register.filter
def rule_label(code):
    """'rule 3: personal attacks', the way every hold and removal cites a rule."""
    rule = RULES_BY_CODE.get(code)
    return f"rule {rule.number}: {rule.name.lower()}" if rule else code
