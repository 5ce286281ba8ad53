# Sourced by the project's scripts: puts the pinned tools first on PATH.
TOOLS_DIR="${CUW_TOOLS_DIR:-$HOME/.cache/customer-update-widget/tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER:-wasm-bindgen-test-runner}"
# wasm-opt for every release wasm: the level, then the passes and the wasm features
# wasm-bindgen's output uses. Trunk reads its copy from www/index.html
# (`data-wasm-opt="z"`, `data-wasm-opt-params`); scripts/build-npm.sh fails if they differ.
WASM_OPT_LEVEL=-Oz
WASM_OPT_PARAMS="--converge --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals"
