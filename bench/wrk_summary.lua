-- Exact totals of a wrk run for bench/serving.py: it checks the mean size of a response
-- against a sample answer. Only done() is defined, so wrk keeps its fast path (no Lua per
-- request or response).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("bench-summary requests=%d bytes=%d status=%d socket=%d\n",
    summary.requests, summary.bytes, e.status, e.connect + e.read + e.write + e.timeout))
end
