# Sourced by scripts/serve, scripts/test and scripts/bench: installs what is
# missing, idempotently, and says what it does. Versions are pinned here,
# in Trunk.toml, Cargo.lock and package-lock.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"

# Cargo's build cache lives outside the clone, so that a fresh clone (CI's is
# one) on a machine that has built the site before compiles only this
# repository's own crates: about 9 minutes of compiling from cold, 2½ warm.
# Delete the folder to start from cold; set CARGO_TARGET_DIR to put it elsewhere.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/kfkl-site/target}"

# Each `say` starts a step; `steps_timed` lists how long each took, so that the
# end of a CI log shows where its minutes went (a fresh machine installs first).
STEPS=()
STEP=""
STEP_START=$SECONDS
end_step() {
  [ -z "$STEP" ] || STEPS+=("$(printf '%5d s  %s' $((SECONDS - STEP_START)) "$STEP")")
  STEP=""
  STEP_START=$SECONDS
}
say() {
  end_step
  STEP="$*"
  printf '\033[1m==> %s\033[0m\n' "$*"
}
steps_timed() {
  end_step
  echo "time per step (${SECONDS} s in all):"
  printf '%s\n' "${STEPS[@]}"
}

apt_install() {
  say "installing Debian packages: $*"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# The wasm-bindgen version the lockfile resolved; the CLI must match it exactly.
lockfile_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# cargo install, built for a quick install rather than the last per cent of speed:
# trunk's own release profile (fat LTO, one codegen unit) took about 12 minutes on
# 2 cores, this about 4½; wasm-bindgen-cli 2½ minutes, this 1½. Neither tool does
# heavy work of its own (wasm-bindgen takes 0.3 s on the app either way), and
# neither needs TLS: Trunk.toml pins the tools, so nothing is downloaded.
quick_install() {
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    cargo install "$@"
}

setup_build_tools() {
  command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32 target: installed"
  else
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: installed"
  else
    say "installing trunk $TRUNK_VERSION, without its update check and TLS (about 5 minutes on 2 cores)"
    quick_install --locked trunk --version "$TRUNK_VERSION" --no-default-features
  fi

  local wb
  wb="$(lockfile_wasm_bindgen)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $wb" ]; then
    say "wasm-bindgen-cli $wb: installed"
  else
    say "installing wasm-bindgen-cli $wb (the version in Cargo.lock)"
    # --locked fails here on a yanked transitive crate version; the = pin is what matters.
    quick_install wasm-bindgen-cli --version "=$wb" --no-default-features
  fi

  command -v npm >/dev/null || apt_install nodejs npm
  # The stamp is the lockfile npm ci last installed from.
  if cmp -s package-lock.json node_modules/.installed-from-lock; then
    say "npm tools (binaryen's wasm-opt, playwright-core, axe-core, the Nu HTML checker vnu.jar): installed"
  else
    say "installing npm tools from package-lock.json (binaryen's wasm-opt 132, playwright-core, axe-core, vnu-jar)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.installed-from-lock
  fi
}

# The Nu HTML Checker (vnu.jar, from npm) runs on Java.
setup_java() {
  if command -v java >/dev/null; then
    say "java (for the Nu HTML checker): installed"
  else
    say "installing Java (default-jre-headless), for the Nu HTML checker"
    apt_install default-jre-headless
  fi
}

# GNU PSPP's pspp-convert reads SPSS respondent files (.sav) for the import, and its test.
setup_pspp() {
  if command -v pspp-convert >/dev/null; then
    say "pspp (pspp-convert, for SPSS respondent files): installed"
  else
    apt_install pspp
  fi
}

setup_browser() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v pdftotext >/dev/null; then
    say "chromium, chromedriver and poppler-utils (pdftotext, pdftoppm for the print tests): installed"
  else
    apt_install chromium chromium-driver poppler-utils
  fi
}

# Release build into $1 (default dist) with public URL $2 (default /), every
# route prerendered; $3 is the site's absolute URL (KFKL_SITE_URL), if any.
build_site() {
  local dist="${1:-dist}" public_url="${2:-/}" site_url="${3:-}"
  say "building the site (release, public URL $public_url${site_url:+, site URL $site_url}) into $dist"
  KFKL_SITE_URL="$site_url" KFKL_EMBED_ANCESTORS="${KFKL_EMBED_ANCESTORS:-}" trunk build --release --dist "$dist" --public-url "$public_url"
}
