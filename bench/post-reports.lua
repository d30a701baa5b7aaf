-- post-reports.lua: a wrk script that submits new reports, for the HTTP
-- benchmarks (bench/http.sh, bench/http-pg.sh). GT_BENCH_TOKEN is the
-- monitor's token; GT_BENCH_PREFIX starts every report's id, so that runs
-- sharing a store never send the same id; each wrk thread numbers its own.
local token = os.getenv("GT_BENCH_TOKEN") or ""
local prefix = os.getenv("GT_BENCH_PREFIX") or "b"
local n = 0
local counter = 1
function setup(thread) thread:set("tid", counter); counter = counter + 1 end
function request()
  n = n + 1
  local body = string.format('{"id": "%s%d-%d", "observed": {"from": "2026-01-10T10:00:00Z", "to": "2026-01-10T10:05:00Z"}, "reported": "2026-01-10T10:20:00Z", "position": {"lon": %.4f, "lat": 48.1, "precision_m": 500}, "observer": "team %d", "source": "patrol", "event": "explosion", "weapon": "artillery", "count": 4}', prefix, tid, n, 37.0 + (n % 1000) / 1000.0, n % 16)
  return wrk.format("POST", "/api/v1/reports", {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
