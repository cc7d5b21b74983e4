# Sourced by serve.sh and test.sh: what a fresh Debian machine lacks, installed only when missing.

# apt-get install, as root or else with sudo.
apt_install() {
  local as_root=()
  [ "$(id -u)" = 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# .venv with pip in it: Debian's python3 makes one only with python3-venv (its ensurepip) installed.
make_venv() {
  [ -x .venv/bin/pip ] && return
  python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
  python3 -m venv .venv
}
