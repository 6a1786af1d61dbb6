# Sourced by the cluster and test commands: makes sure the machine has what the distribution and
# its tests need, installing missing Debian packages (and saying so), and starts the Docker engine.
# Safe to run again: it does nothing when everything is in place.

need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: $1 is missing and installing it needs root; run as root or install it yourself." >&2
    exit 1
  fi
}

apt_updated=no
apt_install() {
  need_root "$*"
  echo "prerequisites: installing missing Debian packages: $*"
  if [ "$apt_updated" = no ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=yes
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_java_and_maven() {
  command -v java >/dev/null || { echo "error: a JDK 17 is required (java not found)" >&2; exit 1; }
  command -v mvn >/dev/null || apt_install maven
}

ensure_docker() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  [ -x /bin/busybox ] || [ -x /usr/bin/busybox ] || missing+=(busybox-static)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  if ! docker info >/dev/null 2>&1; then
    need_root "a running Docker engine"
    echo "prerequisites: starting the Docker engine (no bridge network, host networking only)"
    mkdir -p /var/log/dcos
    setsid dockerd --bridge=none --iptables=false >/var/log/dcos/dockerd.log 2>&1 </dev/null &
    for _ in $(seq 1 120); do
      docker info >/dev/null 2>&1 && break
      sleep 0.5
    done
    docker info >/dev/null 2>&1 || { echo "error: dockerd did not start; see /var/log/dcos/dockerd.log" >&2; exit 1; }
  fi
}

ensure_tools() {
  local missing=()
  command -v curl >/dev/null || missing+=(curl)
  command -v pgrep >/dev/null || missing+=(procps)
  command -v setsid >/dev/null || missing+=(util-linux)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# dig for the DNS tests, unbound as the upstream resolver the forwarding tests run on loopback.
ensure_dns_tools() {
  local missing=()
  command -v dig >/dev/null || missing+=(dnsutils)
  command -v unbound >/dev/null || [ -x /usr/sbin/unbound ] || missing+=(unbound)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# The admin router: nginx with its Lua module, and the Lua libraries it loads (cjson, luaossl).
NGINX_MODULES="${NGINX_MODULES:-/usr/lib/nginx/modules}"
ensure_router_packages() {
  local missing=()
  command -v nginx >/dev/null || missing+=(nginx)
  [ -f "$NGINX_MODULES/ngx_http_lua_module.so" ] || missing+=(libnginx-mod-http-lua)
  dpkg -s lua-cjson >/dev/null 2>&1 || missing+=(lua-cjson)
  dpkg -s lua-luaossl >/dev/null 2>&1 || missing+=(lua-luaossl)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}
