"""The installer bundle: build it with installer/build.sh, then run the BUNDLED program.

This is the smoke test of what IT actually ships: the one-folder PyInstaller
bundle must start (``--version``), pass ``handoff selftest`` (archive, journal,
resources, keyring metadata and the Qt window offscreen), open its window, and
stay under the size budget after the Qt trimming in installer/handoff.spec.
It runs without network (a fresh network namespace when the machine allows it)
and in a temporary HANDOFF_HOME. A missing PyInstaller is a failure, not a skip:
it is in the ``build`` extra that tools/setup installs.
"""

from __future__ import annotations

import importlib.util
import os
import select
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from handoff import __version__
from handoff.cli.selftest import CHECKS

ROOT = Path(__file__).resolve().parents[1]
BUILD_SCRIPT = ROOT / "installer" / "build.sh"
SIZE_BUDGET = 150 * 2**20  # bytes on disk (issue 7)
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def offline_prefix() -> list[str]:
    """``unshare -n``: a network namespace with only a downed loopback, when allowed."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """Build once for this module into a temporary dist folder."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: pip install -e '.[build]' (tools/setup does)")
    base = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable}
    proc = subprocess.run(
        ["bash", str(BUILD_SCRIPT), "--dist", str(base / "dist"), "--work", str(base / "work")],
        capture_output=True,
        text=True,
        env=env,
        timeout=1100,
    )
    assert proc.returncode == 0, f"build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    return base / "dist"


def bundled(dist: Path, *args: str, home: Path, **kwargs) -> subprocess.CompletedProcess:
    """Run the bundled executable offline, offscreen, in ``home``, from outside the repo."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", HANDOFF_HOME=str(home), HANDOFF_LANG="nl")
    env.update(kwargs.pop("env", {}))
    command = [*offline_prefix(), str(dist / "handoff" / "handoff"), *args]
    return subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=home.parent, timeout=120, **kwargs
    )


def test_bundle_reports_its_version(dist, tmp_path):
    proc = bundled(dist, "--version", home=tmp_path / "home")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"handoff {__version__}"


def test_bundled_selftest_passes_offline_and_offscreen(dist, tmp_path):
    home = tmp_path / "home"
    proc = bundled(dist, "selftest", home=home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.startswith("OK") for line in lines[:-1]] == [True] * len(CHECKS), lines
    assert lines[-1] == f"Alle {len(CHECKS)} controles geslaagd."
    assert not home.exists()  # the self-test used its own temporary home


def test_bundled_cli_packs_and_opens_for_real_7zip(dist, tmp_path, sevenzip):
    """The one-shot commands load py7zr their own way (AES through ctypes): it must work frozen."""
    home, sheet = tmp_path / "home", tmp_path / "lijst.xlsx"
    sheet.write_bytes(b"PK\x03\x04 bundel " + os.urandom(20_000))
    password = "Bundel-Wachtwoord-2026"
    packed = bundled(
        dist,
        "pack",
        str(sheet),
        "--output",
        str(tmp_path / "a.7z"),
        "--password-stdin",
        home=home,
        input=password + "\n",
    )
    assert packed.returncode == 0, packed.stderr
    tested = subprocess.run(
        [sevenzip, "t", f"-p{password}", str(tmp_path / "a.7z")], capture_output=True, text=True
    )
    assert tested.returncode == 0, tested.stdout
    opened = bundled(
        dist,
        "unpack",
        str(tmp_path / "a.7z"),
        "--output",
        str(tmp_path / "uit"),
        "--password-stdin",
        home=home,
        input=password + "\n",
    )
    assert opened.returncode == 0, opened.stderr
    assert (tmp_path / "uit" / "lijst.xlsx").read_bytes() == sheet.read_bytes()


def window_shown(dist: Path, args: list[str], home: Path, **env_extra: str) -> None:
    """Start the bundled window and wait for the app's startup marker (or fail)."""
    marker = "handoff-window-shown"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", HANDOFF_HOME=str(home), HANDOFF_STARTUP_MARKER=marker)
    env.update(env_extra)
    command = [*offline_prefix(), str(dist / "handoff" / "handoff"), *args]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:
        try:
            shown, _, _ = select.select([proc.stdout], [], [], 60)
            first = proc.stdout.readline().decode().strip() if shown else "(no window in 60 s)"
        finally:
            proc.kill()
        errors = proc.stderr.read().decode()
    assert first == marker, errors


@pytest.mark.parametrize("argument", [None, "ontvangen.7z"])
def test_bundled_window_opens(dist, tmp_path, argument):
    """No argument opens the window; so does a .7z path (Windows' "Open with Handoff")."""
    args: list[str] = []
    if argument:
        (tmp_path / argument).write_bytes(b"7z\xbc\xaf\x27\x1c")
        args = [str(tmp_path / argument)]
    window_shown(dist, args, tmp_path / "home")


@pytest.fixture
def x_display():
    """A real X server (Xvfb, installed by tools/setup) on a free display number."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.fail("Xvfb not found: install the Debian package xvfb (tools/setup does)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        number = os.read(read_end, 16).decode().strip() if ready else ""
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=30)


def test_bundled_window_opens_on_a_real_x_server(dist, tmp_path, x_display):
    """The xcb platform plugin and its X libraries survived the trimming (Linux desktops)."""
    window_shown(dist, [], tmp_path / "home", QT_QPA_PLATFORM="xcb", DISPLAY=x_display)


def test_bundle_is_trimmed_and_under_budget(dist):
    internal = dist / "handoff" / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unused in ("libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6", "libqgtk3.so"):
        assert unused not in names
    assert "libqoffscreen.so" in names and "libqxcb.so" in names
    assert (internal / "handoff" / "resources" / "protocols" / "kg-ocmw-referral.toml").is_file()
    sources = sorted((ROOT / "resources" / "i18n").glob("*.ts"))
    shipped = sorted((internal / "handoff" / "resources" / "i18n").glob("*"))
    assert [p.name for p in shipped] == [ts.with_suffix(".qm").name for ts in sources]
    assert folder_size(dist / "handoff") < SIZE_BUDGET


def test_tarball_holds_the_bundle(dist):
    (tarball,) = dist.glob(f"handoff-{__version__}-linux-*.tar.gz")
    with tarfile.open(tarball) as tar:
        names = tar.getnames()
    assert "handoff/handoff" in names
    assert not list(dist.glob("*.part")) and not list(dist.glob(".stage.*"))


def test_linux_install_and_uninstall_keep_the_journal(dist, tmp_path):
    """install.sh from the tarball: per user, menu entry for .7z, uninstall keeps the data."""
    (tarball,) = dist.glob("handoff-*-linux-*.tar.gz")
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    home = tmp_path / "user"
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), HANDOFF_LANG="nl")
    env.pop("HANDOFF_HOME", None)

    def sh(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)

    proc = sh(str(tmp_path / "unpacked" / "handoff" / "install.sh"))
    assert proc.returncode == 0, proc.stderr
    version = sh(str(home / ".local" / "bin" / "handoff"), "--version")
    assert version.stdout.strip() == f"handoff {__version__}", version.stderr
    desktop = (home / ".local/share/applications/handoff.desktop").read_text()
    assert f'Exec="{home}/.local/opt/handoff/handoff" %f' in desktop
    assert "MimeType=application/x-7z-compressed;" in desktop
    assert not (home / ".config" / "mimeapps.list").exists()  # never the default program

    journal = home / ".local" / "share" / "Handoff" / "journal.sqlite3"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"journal")
    proc = sh(str(home / ".local" / "opt" / "handoff" / "install.sh"), "--uninstall")
    assert proc.returncode == 0, proc.stderr
    assert "bewaard" in proc.stdout
    assert not (home / ".local" / "opt" / "handoff").exists()
    assert not (home / ".local" / "bin" / "handoff").exists()
    assert journal.read_bytes() == b"journal"


def inno_entries(section: str) -> list[str]:
    """The lines of one [section] of the Inno Setup script, comments left out."""
    lines, current = [], None
    for raw in (ROOT / "installer" / "windows" / "handoff.iss").read_text().splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif line and not line.startswith(";") and current == section:
            lines.append(line)
    return lines


def test_windows_installer_script_keeps_its_promises():
    """Static check of handoff.iss (Inno Setup cannot run on this Linux CI; see install.md)."""
    setup = dict(line.split("=", 1) for line in inno_entries("Setup"))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\{#AppName}"
    languages = inno_entries("Languages")
    assert [line.split(";")[0] for line in languages] == ['Name: "dutch"', 'Name: "english"']
    registry = inno_entries("Registry")
    assert all(line.startswith("Root: HKCU;") for line in registry)
    assert any(r'Subkey: "Software\Classes\.7z\OpenWithProgids"' in line for line in registry)
    # Never the default program: nothing writes the default value of .7z itself.
    assert not [line for line in registry if r'Classes\.7z";' in line]
    assert inno_entries("UninstallDelete") == [] and inno_entries("Code") == []
    messages = dict(line.split("=", 1) for line in inno_entries("Messages"))
    for lang in ("dutch", "english"):
        text = messages[f"{lang}.ConfirmUninstall"]
        assert r"%%LOCALAPPDATA%%\Handoff" in text and "%1" in text


def test_windows_build_passes_what_the_installer_script_reads():
    script = (ROOT / "installer" / "windows" / "handoff.iss").read_text()
    build = (ROOT / "installer" / "build.ps1").read_text()
    workflow = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text()
    for define in ("AppVersion", "BundleDir"):
        assert f"#ifndef {define}" in script
        assert f'"/D{define}=' in build and f'"/D{define}=' in workflow
    assert 'python-version: "3.11"' in workflow
    assert "installer\\build.ps1" in workflow and "ISCC.exe" in workflow
    spec = (ROOT / "installer" / "handoff.spec").read_text()
    assert 'executable("Handoff", console=False)' in spec and '"handoff-cli", console=True' in spec
