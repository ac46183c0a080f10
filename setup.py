"""Build hook: ship the repository's top-level ``resources/`` inside the package.

The project keeps ``resources/`` (protocol profiles, translations, word list,
icons) at the top of the repository. A wheel or a plain ``pip install .`` must
still carry it, so the build maps it to ``handoff/resources`` as package data
and compiles the Qt ``.qm`` catalogues from the ``.ts`` sources into the build
(``.qm`` files are build output, never committed). ``handoff.core.paths.
resources_dir`` finds the result with importlib.resources. Everything else is
in pyproject.toml.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: Each resources/ folder is a data-only package under handoff.resources, with
#: the files it ships (the .qm catalogues are added by the build itself).
RESOURCE_FILES = {
    "protocols": ["*.toml"],
    "i18n": ["*.ts"],
    "icons": ["*.svg"],
    "wordlist": ["*"],
}


class BuildWithCatalogues(build_py):
    """Copy the package and its resources, then compile the catalogues into the build."""

    def run(self) -> None:
        super().run()
        sys.path.insert(0, str(ROOT))  # the build runs from the source tree
        from handoff import i18n_build

        target = Path(self.build_lib) / "handoff" / "resources" / "i18n"
        for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
            i18n_build.build_one(ts, target / ts.with_suffix(".qm").name)


setup(
    packages=[
        *find_packages(include=["handoff", "handoff.*"]),
        "handoff.resources",
        *(f"handoff.resources.{folder}" for folder in RESOURCE_FILES),
    ],
    package_dir={"handoff.resources": "resources"},
    package_data={f"handoff.resources.{folder}": files for folder, files in RESOURCE_FILES.items()},
    cmdclass={"build_py": BuildWithCatalogues},
)
