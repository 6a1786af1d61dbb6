#!/usr/bin/env bash
# Queries per second of dns-svc's resolver and listeners vs unbound serving the same zone
# (A and SRV records of N running tasks), both measured with dnsperf on loopback.
# Usage: dns-svc/bench/dnsperf.sh [tasks] [seconds] [dnsperf clients] [dns-svc UDP workers]
# Needs the module built (mvn install -pl dns-svc -am); installs dnsperf and unbound when missing.
set -euo pipefail
TASKS=${1:-1000}
SECONDS_PER_RUN=${2:-15}
CLIENTS=${3:-4}
THREADS=${4:-$(nproc)}
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mktemp -d /tmp/dns-bench.XXXXXX)
DNS_IP=127.1.53.81
UNBOUND_IP=127.1.54.81
PORT=61153

if ! command -v dnsperf >/dev/null || ! command -v unbound >/dev/null; then
  apt-get update -q && apt-get install -y -q dnsperf unbound
fi

cd "$HERE"
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="$HERE/target/classes:$HERE/target/test-classes:$(cat "$OUT/cp.txt")"

java -Xmx512m -cp "$CP" io.dcos.dns.bench.BenchZone "$DNS_IP" "$PORT" "$TASKS" "$OUT" "$THREADS" \
  >"$OUT/dns-svc.log" 2>&1 &
DNS_PID=$!

cat >"$OUT/unbound.conf" <<CONF
server:
  interface: $UNBOUND_IP
  port: $PORT
  do-daemonize: no
  username: ""
  chroot: ""
  directory: "$OUT"
  pidfile: "$OUT/unbound.pid"
  use-syslog: no
  logfile: "$OUT/unbound.log"
  num-threads: $(nproc)
  access-control: 127.0.0.0/8 allow
  include: "$OUT/zone.conf"
remote-control:
  control-enable: no
CONF

for _ in $(seq 1 100); do [ -f "$OUT/ready" ] && break; sleep 0.2; done
unbound -c "$OUT/unbound.conf" &
UNBOUND_PID=$!
trap 'kill $DNS_PID $UNBOUND_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  dig @$UNBOUND_IP -p $PORT +short app1.marathon.mesos | grep -q . && break; sleep 0.2
done
dig @$DNS_IP -p $PORT +short app1.marathon.mesos | grep -q .

run() {
  echo "== $1 ($2:$PORT)"
  # A short warm-up lets the JIT compile the hot path before the measured run.
  dnsperf -s "$2" -p $PORT -d "$OUT/queries.txt" -l 5 -c "$CLIENTS" -q 500 >/dev/null
  dnsperf -s "$2" -p $PORT -d "$OUT/queries.txt" -l "$SECONDS_PER_RUN" -c "$CLIENTS" -q 500 \
    | grep -E "Queries sent|Queries completed|Queries lost|Response codes|Queries per second|Average Latency"
}
echo "tasks=$TASKS seconds=$SECONDS_PER_RUN clients=$CLIENTS cpus=$(nproc) $(lscpu | grep 'Model name' | sed 's/  */ /g')"
run dns-svc $DNS_IP
run unbound $UNBOUND_IP
