# Sourced by bench/ingest when BENCH_POISON is set (the server is up; base, jdbc, rate, seconds, rounds, warmup,
# field and median are defined there): good single events with and without poison next to them, same run.
percent=${BENCH_POISON_PERCENT:-10}
loadavg() { cut -d' ' -f1 /proc/loadavg; }

echo "Warming up for ${warmup} s (single events, the last third with ${percent} % poison)..."
load single "$base" "$((warmup * 2 / 3))" "$rate" > /dev/null
load single "$base" "$((warmup / 3))" "$rate" 5 "$percent" "$jdbc" > /dev/null

base_p50s=(); base_p99s=(); poison_p50s=(); poison_p99s=(); loads=()
acked=0; good_errors=0; sent=0; refused=0; buffered=0; dead=0; unexpected=
run_round() { # $1: round, $2: baseline|poison
    loads+=("$(loadavg)")
    if [[ $2 == baseline ]]; then
        s=$(load single "$base" "$seconds" "$rate")
        base_p50s+=("$(field p50_ms <<< "$s")"); base_p99s+=("$(field p99_ms <<< "$s")")
    else
        s=$(load single "$base" "$seconds" "$rate" 5 "$percent" "$jdbc")
        poison_p50s+=("$(field p50_ms <<< "$s")"); poison_p99s+=("$(field p99_ms <<< "$s")")
        sent=$((sent + $(field poison_sent <<< "$s"))); refused=$((refused + $(field poison_400 <<< "$s")))
        buffered=$((buffered + $(field poison_202 <<< "$s"))); dead=$((dead + $(field dead_lettered <<< "$s")))
        u=$(sed -n 's/.* poison_unexpected=\([^ ]*\).*/\1/p' <<< "$s")
        [[ $u == none ]] || unexpected+="$u;"
    fi
    acked=$((acked + $(field ok <<< "$s"))); good_errors=$((good_errors + $(field errors <<< "$s")))
    echo "round $1 $2 (load average $(loadavg)): $s"
}
for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then run_round "$round" baseline; run_round "$round" poison
    else run_round "$round" poison; run_round "$round" baseline; fi
done
loads+=("$(loadavg)")

b50=$(printf '%s\n' "${base_p50s[@]}" | median); b99=$(printf '%s\n' "${base_p99s[@]}" | median)
p50=$(printf '%s\n' "${poison_p50s[@]}" | median); p99=$(printf '%s\n' "${poison_p99s[@]}" | median)
ratio50=$(awk -v a="$p50" -v b="$b50" 'BEGIN { printf "%.2f", a / b }')
ratio99=$(awk -v a="$p99" -v b="$b99" 'BEGIN { printf "%.2f", a / b }')
load_range=$(printf '%s\n' "${loads[@]}" | sort -g | sed -n '1p;$p' | paste -sd-)
echo "medians over $rounds rounds, good events at ${rate}/s: baseline p50 ${b50} ms p99 ${b99} ms; with ${percent} %" \
     "poison p50 ${p50} ms p99 ${p99} ms; good acknowledged ${acked} (not 2xx: ${good_errors}); poison sent" \
     "${sent}: ${refused} answered 400, ${buffered} answered 202 of which ${dead} dead-lettered," \
     "unexpected: ${unexpected:-none}; load average ${load_range}"
echo "RESULT baseline_p50_ms=${b50} baseline_p99_ms=${b99} poison_p50_ms=${p50} poison_p99_ms=${p99}" \
     "p50_ratio=${ratio50} p99_ratio=${ratio99} good_acked=${acked} good_errors=${good_errors} poison_sent=${sent}" \
     "poison_400=${refused} poison_202=${buffered} dead_lettered=${dead} poison_unexpected=${unexpected:-none}" \
     "load_avg=${load_range}"
