"""The admin app, with blogsite.admin_throttle's site as admin.site.

INSTALLED_APPS names AdminConfig below instead of "django.contrib.admin", so
every admin.py still registers on admin.site and autodiscovery is unchanged.
This module is imported while apps load: it must not import models (the
site is named by a string and imported on first use).
"""
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    default_site = "blogsite.admin_throttle.ThrottledAdminSite"
