from django.conf import settings


def site(request):
    """Site name and tagline for base.html, so no view has to pass them."""
    return {"site_name": settings.SITE_NAME, "site_tagline": settings.SITE_TAGLINE}
