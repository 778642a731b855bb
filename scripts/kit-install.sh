#!/bin/sh
# Installs bulletin from the offline kit (`npm run kit`) on a Linux machine that has Node.js 20 or
# newer and a Chromium-based browser (Debian, UOS, Kylin: `sudo apt-get install chromium`). Nothing
# is downloaded: bulletin, its packages and its fonts are in app/.
#
#   ./install.sh                         as root: /opt/bulletin, the command in /usr/local/bin
#                                        otherwise: ~/.local/share/bulletin, the command in ~/.local/bin
#   ./install.sh --prefix DIR --bin-dir DIR
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -eq 0 ]; then
  prefix=/opt/bulletin; bindir=/usr/local/bin
else
  prefix="${HOME}/.local/share/bulletin"; bindir="${HOME}/.local/bin"
fi
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --bin-dir) bindir="$2"; shift 2 ;;
    *) echo "install.sh: unknown option $1 (use --prefix DIR, --bin-dir DIR)" >&2; exit 2 ;;
  esac
done

if ! command -v node >/dev/null 2>&1; then
  echo "install.sh: Node.js is not installed. Install Node.js 20 or newer (e.g. from the system's packages), then run this again." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "install.sh: Node.js $(node --version) is too old; bulletin needs 20 or newer." >&2
  exit 1
fi
kit_arch=$(sed -n 's/.* linux-\([a-z0-9]*\),.*/\1/p' "$here/VERSION")
node_arch=$(node -p 'process.arch')
if [ -n "$kit_arch" ] && [ "$kit_arch" != "$node_arch" ]; then
  echo "install.sh: this kit is for linux-$kit_arch, this machine's Node.js is $node_arch: make the kit with \`npm run kit -- --arch $node_arch\`." >&2
  exit 1
fi

mkdir -p "$prefix" "$bindir"
prefix=$(cd "$prefix" && pwd)
rm -rf "$prefix/app.new"
cp -R "$here/app" "$prefix/app.new"
rm -rf "$prefix/app.old"
if [ -d "$prefix/app" ]; then mv "$prefix/app" "$prefix/app.old"; fi
mv "$prefix/app.new" "$prefix/app"
rm -rf "$prefix/app.old"

cat >"$bindir/bulletin" <<EOF
#!/bin/sh
exec node "$prefix/app/node_modules/@bulletin-cn/bulletin/bin/bulletin.js" "\$@"
EOF
chmod 755 "$bindir/bulletin"

echo "install.sh: installed $(cat "$here/VERSION" | cut -d, -f1) in $prefix; the command is $bindir/bulletin"
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "install.sh: add $bindir to PATH (e.g. in ~/.profile: export PATH=\"$bindir:\$PATH\")" ;;
esac
echo "install.sh: checking this machine (browser, fonts) with \`bulletin doctor\`:"
"$bindir/bulletin" doctor || echo "install.sh: bulletin is installed; correct what doctor reports above before building (a browser: \`sudo apt-get install chromium\`, or BULLETIN_BROWSER=/path/to/chrome)."
