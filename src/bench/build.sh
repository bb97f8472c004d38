# Shared by src/bench/run.sh and src/chaos/run.sh (sourced, not run): both take --db and --no-build, build
# the packaged service with the load client (profile `bench`) for that database, and give the load process a
# fresh JWT key pair (the service verifies with the public key, the load process signs with the private one).
# Sets: db, build, args (the remaining arguments, --db included, for the Java main).

db=postgresql
build=true
args=()
parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --no-build) build=false; shift ;;
      --db) db="$2"; args+=("$1" "$2"); shift 2 ;;
      --db=*) db="${1#--db=}"; args+=("$1"); shift ;;
      -h|--help) usage; exit 0 ;;
      *) args+=("$1"); shift ;;
    esac
  done
}

# build_service TAG: packages the service for $db unless --no-build, and checks the load client is there.
build_service() {
  if [ "$build" = true ]; then
    echo "[$1] building the service for $db (mvn -Pbench package -DskipTests)" >&2
    if [ "$db" = h2 ]; then
      mvn -B -q -Pbench package -DskipTests -Dquarkus.profile=demo
    else
      mvn -B -q -Pbench package -DskipTests
    fi
  fi
  if [ ! -f target/bench/classpath.txt ] || [ ! -d target/bench/classes ]; then
    echo "[$1] target/bench/classes or target/bench/classpath.txt missing: run without --no-build first" >&2
    exit 2
  fi
}

# new_key_pair DIR: writes DIR/jwt-private.pem and DIR/jwt-public.pem.
new_key_pair() {
  mkdir -p "$1"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$1/jwt-private.pem" -pubout -out "$1/jwt-public.pem"
}
