#!/usr/bin/env bash
# Smoke-tests what package.sh built: the app-image, the .deb unpacked, and the .deb installed.
# Prints sizes and start-up times; exits non-zero on any failure. Run from the project root.
set -euo pipefail
VERSION=${1:?version}
T=target/jpackage
REPORT=target/jpackage/report.txt
: > "$REPORT"
say() { echo "$*" | tee -a "$REPORT"; }

check_launcher() {
  local launcher=$1 where=$2
  local v
  v=$("$launcher" --version)
  [ "$v" = "session-console $VERSION" ] || { echo "FAIL $where --version printed '$v'"; exit 1; }
  local rows
  rows=$("$launcher" summary --by ip --format csv --demo | wc -l)
  [ "$rows" -gt 10 ] || { echo "FAIL $where summary printed $rows lines"; exit 1; }
  say "ok   $where: --version and summary ($rows csv lines)"
  if command -v xvfb-run >/dev/null; then
    local t0 t1
    t0=$(date +%s%N)
    xvfb-run -a "$launcher" --smoke-test > "$T/smoke-gui.log" 2>&1 || { cat "$T/smoke-gui.log"; echo "FAIL $where --smoke-test"; exit 1; }
    t1=$(date +%s%N)
    grep -q 'first load done: [1-9][0-9]* active sessions' "$T/smoke-gui.log" || { cat "$T/smoke-gui.log"; echo "FAIL $where --smoke-test loaded nothing"; exit 1; }
    # a normal start prints nothing but the result: no JavaFX configuration warning, no JVM warning
    if grep -v '^smoke test passed' "$T/smoke-gui.log" | grep -q .; then cat "$T/smoke-gui.log"; echo "FAIL $where printed more than its result"; exit 1; fi
    say "ok   $where: --smoke-test in $(( (t1 - t0) / 1000000 )) ms in all; $(grep -o 'window shown [0-9]* ms after JVM start, first load done: [0-9]* active sessions' "$T/smoke-gui.log" | head -1)"
  else
    say "skip $where: --smoke-test needs xvfb-run (apt-get install xvfb libgtk-3-0)"
  fi
}

APP="$T/out/session-console/bin/session-console"
check_launcher "$APP" "app-image"

t0=$(date +%s%N)
xvfb-run -a java -jar target/session-console.jar --smoke-test > "$T/smoke-jar.log" 2>&1 || true
t1=$(date +%s%N)
if grep -q 'Unsupported JavaFX configuration' "$T/smoke-jar.log"; then cat "$T/smoke-jar.log"; echo "FAIL java -jar warned about the JavaFX configuration"; exit 1; fi
say "ref  java -jar: --smoke-test in $(( (t1 - t0) / 1000000 )) ms; $(grep -o 'window shown [0-9]* ms after JVM start' "$T/smoke-jar.log" | head -1)"

say "size app-image: $(du -sh "$T/out/session-console" | cut -f1)"
say "size demo database binaries in it: $(du -sh "$T/out/session-console/lib/app/"embedded-postgres-binaries-*.jar | cut -f1)"
DEB=$(ls "$T/out/"*.deb 2>/dev/null | head -1 || true)
if [ -n "$DEB" ]; then
  say "size .deb: $(du -h "$DEB" | cut -f1)"
  rm -rf "$T/deb-root"
  dpkg-deb -x "$DEB" "$T/deb-root"
  check_launcher "$T/deb-root/opt/session-console/bin/session-console" ".deb unpacked"
  dpkg-deb -f "$DEB" Depends | grep -q libgtk-3-0 || { echo "FAIL .deb does not depend on libgtk-3-0"; exit 1; }
  ls "$T/deb-root/opt/session-console/lib/"*.desktop >/dev/null || { echo "FAIL .deb holds no desktop entry"; exit 1; }
  say "ok   .deb Depends: $(dpkg-deb -f "$DEB" Depends)"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$DEB" > "$T/apt-install.log" 2>&1 || { cat "$T/apt-install.log"; echo "FAIL apt-get install"; exit 1; }
    check_launcher /opt/session-console/bin/session-console ".deb installed with apt"
    [ -f /usr/share/applications/session-console-session-console.desktop ] || { echo "FAIL apt-get install made no menu entry"; exit 1; }
    say "ok   .deb installed with apt: menu entry $(grep -h '^Icon=' /usr/share/applications/session-console-session-console.desktop)"
    [ "$(session-console --version)" = "session-console $VERSION" ] || { echo "FAIL session-console is not on the PATH after apt-get install"; exit 1; }
  else
    say "skip apt-get install (needs root)"
  fi
fi

RPM=$(ls "$T/out/"*.rpm 2>/dev/null | head -1 || true)
if [ -n "$RPM" ]; then
  say "size .rpm: $(du -h "$RPM" | cut -f1)"
  rm -rf "$T/rpm-root"
  mkdir -p "$T/rpm-root"
  rpm2cpio "$RPM" | (cd "$T/rpm-root" && cpio -idm --quiet)
  check_launcher "$T/rpm-root/opt/session-console/bin/session-console" ".rpm unpacked with rpm2cpio"
  rpm -qpR "$RPM" 2>/dev/null | grep -q '^gtk3' || { rpm -qpR "$RPM"; echo "FAIL .rpm does not require gtk3"; exit 1; }
  ls "$T/rpm-root/opt/session-console/lib/"*.desktop >/dev/null || { echo "FAIL .rpm holds no desktop entry"; exit 1; }
  say "ok   .rpm Requires: $(rpm -qpR "$RPM" 2>/dev/null | grep -v '^rpmlib(' | tr '\n' ' ')"
else
  say "skip .rpm: none built (rpmbuild missing; Debian, Ubuntu: sudo apt-get install rpm)"
fi
