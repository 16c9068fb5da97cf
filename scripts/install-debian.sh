#!/usr/bin/env bash
# Installs Debian packages that are not there yet:  scripts/install-debian.sh <command>=<package> ...
#   scripts/install-debian.sh /usr/bin/chromium=chromium /usr/sbin/nginx=nginx-light
set -euo pipefail
missing=()
for pair in "$@"; do
  [ -x "${pair%%=*}" ] || missing+=("${pair#*=}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
