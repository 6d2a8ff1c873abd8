#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine (Python 3.11+) for POS Bridge, then either starts the
# demo or runs every check. The README's two commands are:
#   packaging/dev.sh demo     the window, against the built-in simulators
#   packaging/dev.sh test     lint, types, the import contract and the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

command=${1:-}
case "$command" in
  demo|test) ;;
  *) echo "usage: packaging/dev.sh demo|test" >&2; exit 2 ;;
esac

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

# Debian packages: Qt's xcb and offscreen platforms, a virtual display and tray for tests,
# PulseAudio (QtMultimedia needs libpulse; a null sink lets tests play real sound).
apt_packages=(
  python3-venv libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libglib2.0-0 libpulse0 libpulse-mainloop-glib0 pulseaudio
  xvfb trayer fonts-dejavu-core
)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
"$python" -c 'import sys; assert sys.version_info >= (3, 11), "POS Bridge needs Python 3.11 or newer"'
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -U pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'

if [ "$command" = demo ]; then
  exec .venv/bin/posbridge --demo
fi

# A sound server with a null sink, so sound tests play for real (no speakers needed).
if command -v pulseaudio >/dev/null && ! pulseaudio --check 2>/dev/null; then
  pulseaudio -n --daemonize=true --exit-idle-time=-1 \
    --load="module-null-sink sink_name=null" --load=module-native-protocol-unix 2>/dev/null || true
fi

export QT_QPA_PLATFORM=offscreen
echo "== ruff";   .venv/bin/ruff check app ui tests
echo "== mypy";   .venv/bin/mypy
echo "== import contract (app/ imports no Qt, qasync or ui)"; .venv/bin/lint-imports
echo "== tests";  .venv/bin/python -m pytest "${@:2}"
