from django.conf import settings


def site(request):
    """Site name, tagline and public address for base.html, so no view has to
    pass them. Canonical links use SITE_URL, not the host a request came
    through."""
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "site_url": settings.SITE_URL,
    }
