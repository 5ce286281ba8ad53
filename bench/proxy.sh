#!/usr/bin/env bash
# Proxy overhead bench: wrk against the embedded sandbox directly and through the proxy
# (GET /v1/customer with a session token), same customer, same provider (SpherePay, static
# bearer). Prints p50/p99 latency and req/s for both, and the proxy's peak RSS. Then the
# fleet: one instance whose rate limits live in Redis (`redis1`), two instances sharing
# that Redis with one wrk each at the same time (`fleet-a`, `fleet-b`, `fleet` = both), and
# the p50 the Redis round trip adds (read it at -c1: under saturation, scheduling noise on a
# small machine is larger than the round trip). Needs /usr/bin/redis-server (scripts/setup.sh).
#
# Usage: bench/proxy.sh [seconds per run, default 10] [connection counts, default "1 32"]
# (1 connection: the latency the proxy adds; 32: throughput under saturation.)
# Loopback only. On a 2-core machine wrk, the proxy and the sandbox share the cores, so
# the absolute figures are pessimistic; the difference is what the proxy adds.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
CONNECTION_LEVELS="${2:-1 32}"
THREADS=2

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
[ -x /usr/bin/redis-server ] || { echo "redis-server missing: run scripts/setup.sh" >&2; exit 1; }
cargo build --release -q -p customer-update-proxy
BIN=target/release/customer-update-proxy
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

wait_for() { for _ in $(seq 1 100); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "timeout waiting for $2 in $1" >&2; cat "$1" >&2; exit 1; }

# 1. Sandbox-mode proxy: we only use its embedded sandbox (its URL is printed at start).
"$BIN" serve --listen 127.0.0.1:0 --dist "$WORK/none" >"$WORK/sandbox.log" 2>&1 &
PIDS+=($!)
wait_for "$WORK/sandbox.log" "sandbox providers on"
SANDBOX=$(sed -n 's/^sandbox providers on \(http:[^ ]*\).*/\1/p' "$WORK/sandbox.log")

# 2. The proxy under test, in config mode, pointed at that sandbox, rate limits out of the way.
cat >"$WORK/proxy.toml" <<TOML
session_secret_env = "BENCH_SESSION_SECRET"
listen = "127.0.0.1:0"
[rate_limit]
per_session_per_minute = 100000000
per_session_burst = 100000000
per_ip_per_minute = 100000000
per_ip_burst = 100000000
[upstream]
provider = "spherepay"
base_url = "$SANDBOX/spherepay"
api_key_env = "BENCH_SPHEREPAY_KEY"
TOML
# At least 32 bytes: the proxy refuses a shorter session secret.
export BENCH_SESSION_SECRET="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export BENCH_SPHEREPAY_KEY="sandbox-spherepay-api-key"
CUW_LOG=warn "$BIN" serve --config "$WORK/proxy.toml" --dist "$WORK/none" >"$WORK/proxy.log" 2>&1 &
PROXY_PID=$!
PIDS+=($PROXY_PID)
wait_for "$WORK/proxy.log" "listening on"
PROXY=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$WORK/proxy.log")
CUSTOMER=customer_0a1b2c3d4e5f40718293a4b5c6d7e8f9
TOKEN=$("$BIN" mint-session --config "$WORK/proxy.toml" --customer "$CUSTOMER" --provider spherepay --ttl 1h)

curl -fsS -o /dev/null "$PROXY/v1/customer" -H "Authorization: Bearer $TOKEN" || { echo "proxy GET failed" >&2; exit 1; }

# 3. Redis (nothing persisted) and two proxies sharing their limits through it. The limits
# are out of the way, but every request still runs the limit script in Redis.
REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
/usr/bin/redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
wait_for "$WORK/redis.log" "Ready to accept connections"
sed "s|^\[rate_limit\]|[rate_limit]\nredis_url = \"redis://127.0.0.1:$REDIS_PORT\"|" "$WORK/proxy.toml" >"$WORK/proxy-redis.toml"
FLEET=()
for n in 1 2; do
  CUW_LOG=warn "$BIN" serve --config "$WORK/proxy-redis.toml" --dist "$WORK/none" >"$WORK/fleet$n.log" 2>&1 &
  PIDS+=($!)
  wait_for "$WORK/fleet$n.log" "listening on"
  FLEET+=("$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$WORK/fleet$n.log")")
done
curl -fsS -o /dev/null "${FLEET[0]}/v1/customer" -H "Authorization: Bearer $TOKEN" || { echo "proxy with Redis: GET failed" >&2; exit 1; }

bench() { # name url header connections: one wrk run, its output in $WORK/name.wrk
  local threads=$(( $4 < THREADS ? $4 : THREADS ))
  wrk -t"$threads" -c"$4" -d"${DURATION}s" --latency -H "$3" "$2" >"$WORK/$1.wrk"
}
report() { # name
  local p50 p99 rps non2xx
  p50=$(awk '$1=="50%"{print $2}' "$WORK/$1.wrk")
  p99=$(awk '$1=="99%"{print $2}' "$WORK/$1.wrk")
  rps=$(awk '/^Requests\/sec/{print $2}' "$WORK/$1.wrk")
  non2xx=$(awk '/Non-2xx/{print $5}' "$WORK/$1.wrk")
  printf "%-8s p50 %-9s p99 %-9s req/s %-10s non-2xx %s\n" "$1" "$p50" "$p99" "$rps" "${non2xx:-0}"
}
run() { bench "$1" "$2" "$3" "$CONNECTIONS"; report "$1"; }
# wrk's latency ("845.00us", "1.20ms", "1.01s") in microseconds.
micros() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) print n; else if (v ~ /ms$/) print n * 1000; else print n * 1000000 }'; }
p50_us() { micros "$(awk '$1=="50%"{print $2}' "$WORK/$1.wrk")"; }

for CONNECTIONS in $CONNECTION_LEVELS; do
  echo "wrk -c$CONNECTIONS -d${DURATION}s, GET one SpherePay customer"
  run direct "$SANDBOX/spherepay/v2/customer/$CUSTOMER" "Authorization: Bearer $BENCH_SPHEREPAY_KEY"
  run proxy "$PROXY/v1/customer" "Authorization: Bearer $TOKEN"
  run redis1 "${FLEET[0]}/v1/customer" "Authorization: Bearer $TOKEN"
  # Two instances at once, one wrk each with half the connections (at least one).
  half=$(( CONNECTIONS / 2 > 0 ? CONNECTIONS / 2 : 1 ))
  bench fleet-a "${FLEET[0]}/v1/customer" "Authorization: Bearer $TOKEN" "$half" &
  bench fleet-b "${FLEET[1]}/v1/customer" "Authorization: Bearer $TOKEN" "$half"
  wait $!
  report fleet-a
  report fleet-b
  printf "%-8s req/s %s (both instances together)\n" fleet \
    "$(awk '/^Requests\/sec/{s += $2} END {printf "%.2f", s}' "$WORK/fleet-a.wrk" "$WORK/fleet-b.wrk")"
  echo "Redis round trip adds (p50 redis1 - p50 proxy): $(( $(p50_us redis1 | cut -d. -f1) - $(p50_us proxy | cut -d. -f1) )) us"
done
echo "proxy peak RSS (VmHWM): $(awk '/VmHWM/{print $2, $3}' /proc/$PROXY_PID/status)"
echo "proxy RSS now (VmRSS):  $(awk '/VmRSS/{print $2, $3}' /proc/$PROXY_PID/status)"
# Fail open would hide a Redis that is not used: show that it was.
echo "Redis commands processed: $(redis-cli -p "$REDIS_PORT" info stats | awk -F: '/^total_commands_processed/{print $2}' | tr -d '\r')"
