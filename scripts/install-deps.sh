#!/usr/bin/env bash
# Installs the Debian packages Cellbook builds against, if any is missing.
# As root it runs apt-get; otherwise it prints the exact command to run and stops.
set -euo pipefail

packages=(
  libsundials-dev libsuitesparse-dev libcairo2-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config fonts-dejavu-core zlib1g-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Cellbook needs these Debian packages; install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
