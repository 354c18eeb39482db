"""A separate virtualenv holding django-comments-xtd 2.10, for comparison only.

xtd is never a dependency of the project: it goes into its own venv under
the temp dir (kept between runs, so only the first run pays for pip), with
the project's Django version, which xtd 2.10 allows (Django>=4.0,<7).
"""
import subprocess
import sys
import tempfile
from pathlib import Path

XTD = "django-comments-xtd==2.10.*"
VENV = Path(tempfile.gettempdir()) / "onprobation-bench-xtd-venv"


def _django_version():
    import django

    return django.get_version()


def ensure():
    """(python path, None) when xtd is ready, else (None, why not)."""
    python = VENV / "bin" / "python"
    stamp = VENV / ".ready"
    django = f"Django=={_django_version()}"
    if stamp.exists() and stamp.read_text() == f"{XTD} {django}":
        return python, None
    try:
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True, text=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", XTD, django],
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
    except subprocess.CalledProcessError as error:
        lines = [line for line in (error.stderr or "").splitlines() if line.startswith("ERROR")]
        return None, f"pip install {XTD} failed: {(lines or ['(no message)'])[-1]}"
    except subprocess.TimeoutExpired:
        return None, f"pip install {XTD} took over 5 minutes"
    stamp.write_text(f"{XTD} {django}")
    return python, None
