#!/usr/bin/env bash
# Builds the trimmed runtime (jlink) and the installers (jpackage) for this OS.
# Called by `mvn -Ppackage verify` after `package`; run from the project root.
set -euo pipefail
VERSION=${1:?version}
T=target/jpackage
rm -rf "$T"
mkdir -p "$T/input" "$T/fxmods" "$T/out"

cp target/session-console.jar docs/man/session-console*.1 "$T/input/" # the man pages land in /opt/session-console/lib/app
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux.jar|javafx-*-win.jar|javafx-*-mac*.jar) cp "$jar" "$T/fxmods/" ;;
    javafx-*) ;;  # the classifier-less javafx jars are empty placeholders
    *) cp "$jar" "$T/input/" ;;
  esac
done

# The JDK modules the code needs, as jdeps finds them, plus what it cannot see: service providers
# (EC crypto for TLS, zip file system, DNS), jdk.security.auth (zonky finds the uid through
# com.sun.security.auth.module.UnixSystem by reflection, to run initdb under `unshare -U` as root)
# and the JavaFX modules.
FOUND=$(jdeps --ignore-missing-deps --print-module-deps --recursive --multi-release 17 \
  --module-path "$T/fxmods" --class-path "$T/input/*" "$T/input/session-console.jar" 2>/dev/null | tail -1 || true)
[[ "$FOUND" =~ ^[a-z0-9.,]+$ ]] || { echo "jdeps gave no module list ('$FOUND'); using the known set"; FOUND=""; }
MODULES="${FOUND:+$FOUND,}java.sql,java.naming,java.management,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.naming.dns,jdk.security.auth,javafx.controls,javafx.fxml"
echo "jlink modules: $MODULES"

# --compress=0: the installers compress the runtime far better (xz) than jlink's zip does (a 25 MB .deb
# payload instead of 40 MB), and the modules load without being unzipped at every start.
# --generate-cds-archive: a class-data-sharing archive of the runtime's classes, mapped at start instead of
# parsed. Its twin for heaps over 32 GB (classes_nocoops.jsa, 11 MB) is never used by this app: removed.
jlink --module-path "$JAVA_HOME/jmods:$T/fxmods" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=0 --generate-cds-archive --output "$T/runtime"
rm -f "$T/runtime/lib/server/classes_nocoops.jsa"

OS=$(uname -s)
case "$OS" in
  Linux) PLATFORM=linux ;;
  Darwin) PLATFORM=mac ;;
  *) PLATFORM=windows ;;
esac

# app-image options in <os>.args; installer-only options (license, menus, dependencies) in <os>-installer.args
common() {
  jpackage @packaging/common.args @"packaging/$PLATFORM.args" --app-version "$VERSION" --input "$T/input" \
    --runtime-image "$T/runtime" --dest "$T/out" "$@"
}
# options for one installer type only (the package names of dependencies differ between .deb and .rpm)
installer() {
  local only=()
  [ -f "packaging/$PLATFORM-$1.args" ] && only=(@"packaging/$PLATFORM-$1.args")
  common @"packaging/$PLATFORM-installer.args" "${only[@]}" --type "$1"
}

common --type app-image
if [ "$OS" = Linux ]; then
  if command -v dpkg-deb >/dev/null; then installer deb; fi
  if command -v rpmbuild >/dev/null; then
    installer rpm
  else
    echo "rpmbuild not found: no .rpm built (Debian, Ubuntu: sudo apt-get install rpm)"
  fi
elif [ "$OS" = Darwin ]; then
  installer dmg
else
  installer msi
fi
ls -la "$T/out"
