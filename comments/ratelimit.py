"""Per-client rate limits that never store who the client is.

The key is an HMAC of the client's address under a salt that changes every
day (derived from SECRET_KEY), kept only in the cache for the length of the
window. No address, hash or user agent reaches the database or the logs.
"""
import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def client_key(request):
    """A daily-rotating pseudonym for the requesting address."""
    address = request.META.get("REMOTE_ADDR", "")
    day = timezone.now().strftime("%Y-%m-%d")
    salt = hmac.new(settings.SECRET_KEY.encode(), day.encode(), hashlib.sha256).digest()
    return hmac.new(salt, address.encode(), hashlib.sha256).hexdigest()


def allow(scope, key, limit):
    """Count one request for ``key`` in ``scope``; False once over the limit."""
    count, window = limit
    cache_key = f"ratelimit:{scope}:{key}"
    cache.add(cache_key, 0, timeout=window)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window)
        used = 1
    return used <= count
