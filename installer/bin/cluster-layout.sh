# Sourced by dcos-up and dcos-down: where the single-machine cluster lives and how its processes
# are started, watched and stopped. One source of truth for its addresses and ports.
DCOS_HOME="${DCOS_HOME:-$root/var/cluster}"
LOG_DIR="$DCOS_HOME/log"
RUN_DIR="$DCOS_HOME/run"
ZK_IP=127.0.0.1
ZK_PORT="${DCOS_ZK_PORT:-2181}"
ZK_URL="zk://$ZK_IP:$ZK_PORT/mesos"
MASTER_PORT=5050
MASTER_GRPC_PORT=5060
AGENT_PORT=5051
VERSION=0.1.0-SNAPSHOT
MASTER_JAR="$root/mesos-core/master/target/master-$VERSION-exec.jar"
AGENT_JAR="$root/mesos-core/agent/target/agent-$VERSION-exec.jar"
INSTALLER_JAR="$root/installer/target/installer-$VERSION-exec.jar"
PG_IP=127.0.0.1
PG_PORT="${DCOS_PG_PORT:-5432}"
PG_URL="jdbc:postgresql://$PG_IP:$PG_PORT"
PG_USER=postgres
PG_PASSWORD=postgres
# One database per service that keeps its state in PostgreSQL.
PG_DATABASES="marathon chronos identity"
SERVICES_IP=127.0.0.1
DNS_JAR="$root/dns-svc/target/dns-svc-$VERSION-exec.jar"
DNS_PORT="${DCOS_DNS_PORT:-61053}"
DNS_HTTP_PORT=8123
MARATHON_JAR="$root/marathon-svc/marathon-server/target/marathon-server-$VERSION-exec.jar"
MARATHON_PORT=8080
CHRONOS_JAR="$root/chronos-svc/target/chronos-svc-$VERSION-exec.jar"
CHRONOS_PORT=9000
IDENTITY_JAR="$root/admin-router/identity/target/identity-$VERSION-exec.jar"
IDENTITY_PORT=8101
ROUTER_JAR="$root/admin-router/router/target/router-$VERSION.jar"
ROUTER_PORT="${DCOS_ROUTER_PORT:-8000}"
ROUTER_DIR="$DCOS_HOME/router"
ADMIN_PASSWORD_FILE="$DCOS_HOME/identity/admin-password"

master_ip() { echo "127.0.1.$1"; }
agent_ip() { echo "127.0.2.$1"; }

cluster_running() {
  local pidfile
  for pidfile in "$RUN_DIR"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill -0 "$(cat "$pidfile")" 2>/dev/null && return 0
  done
  return 1
}

check_port_free() {
  if (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; then
    echo "error: $3 cannot use $1:$2: the port is busy. Free it or stop what listens there." >&2
    exit 1
  fi
}

start_process() {
  local name="$1"; shift
  setsid "$@" >"$LOG_DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN_DIR/$name.pid"
}

stop_process() {
  local pidfile="$1" pid
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# Waits until an HTTP URL answers 2xx: wait_for_http <url> <seconds> <name>.
wait_for_http() {
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      echo "error: $3 did not answer $1 in $2 s; see $LOG_DIR/$3.log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

wait_for_port() {
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      echo "error: $4 did not open $1:$2 in $3 s; see $LOG_DIR/$4.log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

leading_master() {
  local i ip
  for i in 1 2 3 4 5; do
    ip="$(master_ip "$i")"
    if curl -fsS "http://$ip:$MASTER_PORT/metrics/snapshot" 2>/dev/null | grep -q '"master/elected":1'; then
      echo "$ip:$MASTER_PORT"
      return 0
    fi
  done
  return 1
}

wait_for_cluster() {
  local want="$1" deadline=$((SECONDS + $2)) leader active
  while [ $SECONDS -lt $deadline ]; do
    if leader="$(leading_master)"; then
      active="$(curl -fsS "http://$leader/metrics/snapshot" | grep -o '"master/slaves_active":[0-9.]*' | cut -d: -f2)"
      if [ -n "$active" ] && [ "${active%.*}" -ge "$want" ]; then
        return 0
      fi
    fi
    sleep 0.5
  done
  return 1
}
