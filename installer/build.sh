#!/usr/bin/env bash
# Build the Handoff bundle for the platform this runs on (Linux or macOS).
#
#   bash installer/build.sh [--dist DIR] [--work DIR] [--no-archive]
#
# Makes DIR/handoff/ (one-folder PyInstaller bundle, default DIR=dist) and,
# unless --no-archive, DIR/handoff-VERSION-OS-ARCH.tar.gz next to it (on Linux
# with install.sh for a per-user install). Uses $PYTHON (default: python3),
# which needs the `build` extra: pip install -e ".[build]".
# A kept --work folder lets the next build reuse PyInstaller's analysis cache.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
ARCHIVE=1

while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --no-archive) ARCHIVE=0; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "build.sh: PyInstaller is missing for $PYTHON; run: $PYTHON -m pip install -e '.[build]'" >&2
  exit 3
fi

cd "$ROOT"
"$PYTHON" -m handoff.i18n_build >/dev/null
"$PYTHON" installer/make_icons.py >/dev/null
# Build into a fresh folder and move it into place only when complete, so a
# failed build never leaves a half-written bundle where the old one was.
mkdir -p "$DIST"
STAGE="$(mktemp -d "$DIST/.stage.XXXXXX")"
trap 'rm -rf "$STAGE" "$DIST"/*.tar.gz.part' EXIT
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$STAGE" --workpath "$WORK" installer/handoff.spec
if [ "$(uname -s)" = Linux ]; then
  install -m 0755 "$ROOT/installer/linux/install.sh" "$STAGE/handoff/install.sh"
  install -m 0644 "$ROOT/installer/linux/README.txt" "$STAGE/handoff/README.txt"
fi
rm -rf "$DIST/handoff"
mv "$STAGE/handoff" "$DIST/handoff"
echo "bundle: $DIST/handoff"

[ "$ARCHIVE" -eq 1 ] || exit 0
VERSION="$("$DIST/handoff/handoff" --version | awk '{print $2}')"
OS="$(uname -s | tr '[:upper:]' '[:lower:]')"
NAME="handoff-$VERSION-$OS-$(uname -m)"
tar -C "$DIST" -czf "$DIST/$NAME.tar.gz.part" handoff
mv "$DIST/$NAME.tar.gz.part" "$DIST/$NAME.tar.gz"
echo "tarball: $DIST/$NAME.tar.gz"
# No AppImage: appimagetool is packaged by neither Debian nor PyPI, and this
# build fetches nothing else from the network (docs/install.md).
