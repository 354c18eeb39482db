"""`manage.py check --deploy` is clean with the production environment."""
import os
import secrets
import subprocess
import sys

from django.conf import settings


def _manage(*args, env, tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY", "BEHIND_PROXY"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, "ONPROBATION_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "blogsite.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_production_env_no_issues(tmp_path):
    env = {"DJANGO_HTTPS": "1", "SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "onprobation.example"}
    result = _manage("check", "--deploy", env=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_check_deploy_https_without_secret_key_refuses_to_start(tmp_path):
    result = _manage("check", env={"DJANGO_HTTPS": "1", "ALLOWED_HOSTS": "onprobation.example"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "needs SECRET_KEY in the environment" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_check_deploy_without_https_lists_what_is_missing(tmp_path):
    # The switch is what turns these on: without it the checks still say so.
    result = _manage("check", "--deploy", env={"SECRET_KEY": secrets.token_urlsafe(60)}, tmp_path=tmp_path)
    for code in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert code in result.stderr + result.stdout
