"""Content-Security-Policy and Permissions-Policy on every response.

Django 5.2 has no CSP of its own (6.0 adds one). The policies are plain
strings in settings (CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY); an empty
one is not sent. A view that sets either header itself keeps its own.
"""
from django.conf import settings

HEADERS = {
    "Content-Security-Policy": "CONTENT_SECURITY_POLICY",
    "Permissions-Policy": "PERMISSIONS_POLICY",
}


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for header, setting in HEADERS.items():
            value = getattr(settings, setting, "")
            if value:
                response.headers.setdefault(header, value)
        return response
