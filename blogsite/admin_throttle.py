"""The admin site's login, which stops guessing (installed by blogsite.admin_site).

After ADMIN_LOGIN_RATE_LIMIT failures (default 5 in 15 minutes) from one
client, or for one username from anywhere, the login answers 429 and does not
even check the password until the window has passed. A login below the limit
is untouched.

Why not django-axes: it stores every attempt's raw IP address and user agent
in its tables, and this product never stores either. Here the counters live
only in the cache, keyed on comments.ratelimit.client_key() (a daily-rotating
HMAC of the address) and on an HMAC of the username, and expire with the
window.

The per-username count lets anyone lock a known username out for the window;
for a handful of staff accounts that is the lesser harm than unlimited
guessing spread over many addresses.
"""
import hashlib
import hmac
import unicodedata

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError

from comments.ratelimit import allow, client_key

THROTTLED = "throttled"
MESSAGE = (
    "Too many failed logins. For your account's safety, logging in is paused "
    "for %(minutes)d minutes; try again after that."
)


def _username_key(username):
    # One counter per name however it is spelt: without NFKC and casefold,
    # "ａｌｅｘ" (full-width) or "ALEX" each got a fresh allowance against "alex".
    name = unicodedata.normalize("NFKC", username).casefold().strip()
    return hmac.new(settings.SECRET_KEY.encode(), name.encode(), hashlib.sha256).hexdigest()


def _counters(request, username):
    return [("admin-login-client", client_key(request)), ("admin-login-user", _username_key(username))]


def _locked(counters):
    return any(cache.get(f"admin-login-locked:{scope}:{key}") for scope, key in counters)


def _fail(counters):
    """Count a failure on every counter; lock those that reached the limit."""
    count, window = settings.ADMIN_LOGIN_RATE_LIMIT
    locked = False
    for scope, key in counters:
        # allow() says no once a count passes its limit; asking with one fewer
        # locks at the count-th failure itself, so no extra guess gets through.
        if not allow(scope, key, (count - 1, window)):
            cache.set(f"admin-login-locked:{scope}:{key}", True, timeout=window)
            locked = True
    return locked


def _throttled():
    minutes = settings.ADMIN_LOGIN_RATE_LIMIT[1] // 60
    return ValidationError(MESSAGE, code=THROTTLED, params={"minutes": minutes})


class ThrottledAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        counters = _counters(self.request, self.data.get("username", ""))
        if _locked(counters):
            raise _throttled()
        try:
            return super().clean()
        except ValidationError:  # wrong password, unknown, inactive or not staff
            if _fail(counters):
                raise _throttled()
            raise


class ThrottledAdminSite(admin.AdminSite):
    login_form = ThrottledAuthenticationForm

    def login(self, request, extra_context=None):
        response = super().login(request, extra_context)
        form = (getattr(response, "context_data", None) or {}).get("form")
        if form is not None and form.is_bound and form.has_error("__all__", code=THROTTLED):
            response.status_code = 429
        return response
