# Sourced by the bench scripts: builds what is missing and starts the server on its own port, database port and
# data directory, with ingest rate limits lifted (they are a policy, not the cost being measured) and no demo
# simulation (its events would land in the workspace being measured).
# Sets: server (pid), data (directory), BENCH_WORKSPACE and BENCH_WRITE_KEY (the demo workspace's), driver (JDBC jar).

war=analytics-web/target/analytics-web.war
launcher=analytics-launcher/target/analytics-launcher.jar
[[ -f $war && -f $launcher ]] || ./mvnw -B -q -DskipTests package
driver=$(ls analytics-launcher/target/lib/postgresql-*.jar)
data=$(mktemp -d)
server=

# start_server LOG_NAME: starts (or restarts, on the same data) and waits until healthy.
start_server() {
    PORT=$port ANALYTICS_DATA_DIR=$data ANALYTICS_EMBEDDED_DB_PORT=$db_port ANALYTICS_DEMO_SIMULATION=false \
    ANALYTICS_SECURITY_RATE_LIMIT_INGEST_PER_KEY_PER_SECOND=1000000 \
    ANALYTICS_SECURITY_RATE_LIMIT_INGEST_PER_ADDRESS_PER_SECOND=1000000 \
        ./run.sh > "$data/$1.log" 2>&1 &
    server=$!
    for _ in $(seq 1 300); do
        if grep -q "^Demo write key: " "$data/$1.log"; then
            BENCH_WORKSPACE=$(sed -n 's/^Demo workspace: //p' "$data/$1.log")
            BENCH_WRITE_KEY=$(sed -n 's/^Demo write key: //p' "$data/$1.log")
            export BENCH_WORKSPACE BENCH_WRITE_KEY
            return 0
        fi
        kill -0 "$server" 2>/dev/null || break
        sleep 1
    done
    echo "the server did not start:"; tail -50 "$data/$1.log"; exit 1
}

stop_server() {
    if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        wait "$server" || true
    fi
    rm -rf "$data"
}
trap stop_server EXIT

load() { java -cp "$driver" bench/IngestLoad.java "$@"; }
