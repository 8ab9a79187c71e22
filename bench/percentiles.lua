-- wrk script: prints the latency percentiles the targets name (p95 is not in wrk's --latency table).
-- Usage: wrk -t2 -c50 -d30s -s bench/percentiles.lua -H "Cookie: ..." URL
done = function(summary, latency, requests)
  io.write(string.format("percentiles p50=%.1fms p90=%.1fms p95=%.1fms p99=%.1fms max=%.1fms requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
