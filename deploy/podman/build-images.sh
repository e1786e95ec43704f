#!/usr/bin/env bash
# Builds the images deploy/compose.podman.yaml runs, from Debian's archive alone (no registry):
#   localhost/jobstream-base:bookworm        Debian bookworm, minbase, by debootstrap (kept once built)
#   localhost/jobstream:local                Debian's JRE 17 and the jar Maven built on the host
#   localhost/jobstream-monitoring:local     Debian's prometheus and prometheus-alertmanager
# Run from anywhere after `mvn package` (app/target/jobstream.jar and app/target/lib/ must exist);
# needs root (debootstrap), podman and debootstrap. The Debian mirror is DEBIAN_MIRROR (default:
# http://deb.debian.org/debian); JOBSTREAM_REBUILD_BASE=1 rebuilds the base image.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/deploy/podman"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base=localhost/jobstream-base:bookworm

jar="$root/app/target/jobstream.jar"
lib="$root/app/target/lib"
if [ ! -f "$jar" ] || [ ! -d "$lib" ]; then
  echo "build-images: $jar or $lib missing; run 'mvn -DskipTests package -pl app -am' first" >&2
  exit 2
fi

# on disk, not a tmpfs: debootstrap creates device nodes, which a nodev /tmp refuses
work="$(mktemp -d -p /var/tmp jobstream-images.XXXXXX)"
trap 'rm -rf "$work"' EXIT

if [ "${JOBSTREAM_REBUILD_BASE:-0}" = 1 ] || ! podman image exists "$base"; then
  echo "build-images: debootstrap bookworm from $mirror (a few minutes)" >&2
  start=$(date +%s)
  debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # the security updates too, as a Debian image would have them
  echo "deb $mirror bookworm-updates main" >> "$work/rootfs/etc/apt/sources.list"
  echo "deb ${mirror%/debian}/debian-security bookworm-security main" >> "$work/rootfs/etc/apt/sources.list"
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$base" > /dev/null
  rm -rf "$work/rootfs"
  echo "build-images: $base in $(( $(date +%s) - start )) s" >&2
fi

# a small build context: the jar and its libraries only
mkdir -p "$work/context"
cp "$jar" "$work/context/jobstream.jar"
cp -r "$lib" "$work/context/lib"
# --network host: the build's apt-get reaches the mirror as the host does
podman build -q --network host -f "$here/Containerfile.jobstream" -t localhost/jobstream:local "$work/context" > /dev/null
podman build -q --network host -f "$here/Containerfile.monitoring" -t localhost/jobstream-monitoring:local "$work/context" > /dev/null
echo "build-images: localhost/jobstream:local, localhost/jobstream-monitoring:local" >&2
