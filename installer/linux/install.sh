#!/usr/bin/env bash
# Install this Handoff bundle for the current user, without root.
#
#   ./install.sh               install or update (run it from the unpacked folder)
#   ./install.sh --uninstall   remove the program; the journal and settings stay
#
# The program goes to ~/.local/opt/handoff, a `handoff` command to ~/.local/bin,
# and a menu entry that offers "Open with Handoff" for .7z files without making
# Handoff their default program. The journal and settings live elsewhere
# (~/.local/share/Handoff and ~/.config/Handoff, or under $XDG_DATA_HOME and
# $XDG_CONFIG_HOME) and are never removed here: the DPO needs the journal.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
APPDIR="$HOME/.local/opt/handoff"
BIN="$HOME/.local/bin"
DESKTOP="$DATA_HOME/applications/handoff.desktop"
ICON="$DATA_HOME/icons/hicolor/scalable/apps/handoff.svg"

say() { # Dutch first, then English, like the program itself
  printf '%s\n%s\n' "$1" "$2"
}

refresh_menu() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA_HOME/applications" 2>/dev/null || true
  fi
}

uninstall() {
  rm -rf "$APPDIR"
  rm -f "$DESKTOP" "$ICON"
  [ -L "$BIN/handoff" ] && rm -f "$BIN/handoff"
  refresh_menu
  say "Handoff is verwijderd. Uw logboek en instellingen zijn bewaard in $DATA_HOME/Handoff en ${XDG_CONFIG_HOME:-$HOME/.config}/Handoff." \
      "Handoff was removed. Your journal and settings are kept in $DATA_HOME/Handoff and ${XDG_CONFIG_HOME:-$HOME/.config}/Handoff."
}

copy_program() {
  # Copy next to the old version, then swap: an interrupted update never
  # leaves a half-copied program in place.
  [ "$HERE" = "$APPDIR" ] && return 0
  mkdir -p "$(dirname "$APPDIR")"
  rm -rf "$APPDIR.new" "$APPDIR.old"
  cp -a "$HERE" "$APPDIR.new"
  [ -d "$APPDIR" ] && mv "$APPDIR" "$APPDIR.old"
  mv "$APPDIR.new" "$APPDIR"
  rm -rf "$APPDIR.old"
}

write_menu_entry() {
  mkdir -p "$(dirname "$DESKTOP")" "$(dirname "$ICON")" "$BIN"
  cp "$APPDIR/_internal/handoff/resources/icons/handoff.svg" "$ICON"
  ln -sfn "$APPDIR/handoff" "$BIN/handoff"
  cat >"$DESKTOP.part" <<DESKTOP_ENTRY
[Desktop Entry]
Type=Application
Name=Handoff
Comment=Persoonsgegevens overdragen zoals het protocol het voorschrijft
Comment[en]=Hand over personal data the way the protocol prescribes
Exec="$APPDIR/handoff" %f
Icon=$ICON
Terminal=false
Categories=Office;Utility;
MimeType=application/x-7z-compressed;
DESKTOP_ENTRY
  mv "$DESKTOP.part" "$DESKTOP"
  refresh_menu
}

case "${1:-}" in
  --uninstall) uninstall ;;
  "")
    [ -x "$HERE/handoff" ] || { say "Start install.sh uit de uitgepakte map handoff." "Run install.sh from the unpacked handoff folder."; exit 2; }
    copy_program
    write_menu_entry
    say "Handoff is geïnstalleerd in $APPDIR. Start het via het menu of met 'handoff'." \
        "Handoff is installed in $APPDIR. Start it from the menu or with 'handoff'."
    ;;
  *) say "Onbekende optie $1. Gebruik: ./install.sh [--uninstall]" "Unknown option $1. Usage: ./install.sh [--uninstall]"; exit 2 ;;
esac
