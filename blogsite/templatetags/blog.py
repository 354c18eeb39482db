from django import template

from blogsite.models import Post

register = template.Library()


@register.inclusion_tag("includes/archive_months.html")
def archive_months():
    """The sidebar's list of months that have posts, newest first."""
    return {"months": Post.objects.published().dates("published", "month", order="DESC")}
