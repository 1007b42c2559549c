-- wrk script for one step of the learner path, as many signed-in learners.
-- With BENCH_THINK_MS=<mean ms> in the environment each connection pauses a random 0..2*mean ms before each
-- request (a learner reading); wrk measures latency from when the request is written, so pauses are not counted.
--   wrk -t2 -c200 -d10s --latency -s bench/learner.lua http://127.0.0.1:PORT -- <users.tsv> <step> <users> <threads>
-- <users.tsv>: one learner a line, "Cookie header<TAB>URL-encoded anti-forgery token<TAB>e-mail" (from the Seeder).
-- <step>: home | course | module | complete | get (a GET of BENCH_PATH, sent with Accept-Encoding: gzip, br
-- as a browser sends it; journey.sh uses it for the static file, the 1,500-word module and a certificate).  <users>: how many learners (the first N lines) to use.
-- <threads>: the -t value, so that each thread takes its own share of the learners.
--
-- wrk has no per-connection hook, so each thread rotates through its share of learners request by request:
-- every request carries one real learner's cookies (and, when posting, that learner's token).
-- A response counts as an error unless it is the step's expected status (200 for pages; 302 for "mark complete",
-- and not a redirect to the log-in page); socket errors and timeouts count too.

local paths = {
  home = "/learn",
  course = "/courses/welcome",
  module = "/courses/welcome/modules/how-these-courses-work",
  complete = "/courses/welcome/modules/how-these-courses-work/complete",
  get = os.getenv("BENCH_PATH"),
}

local think_ms = tonumber(os.getenv("BENCH_THINK_MS") or "0") or 0
if think_ms > 0 then
  function delay()
    return math.random(0, 2 * think_ms)
  end
end

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  local file, wanted, count, nthreads = args[1], args[2], tonumber(args[3]), tonumber(args[4])
  step = wanted
  local path = paths[step]
  if path == nil or file == nil or count == nil or nthreads == nil then
    error("usage: -- <users.tsv> <home|course|module|complete|get> <users> <threads>")
  end
  local learners = {}
  for line in io.lines(file) do
    local cookie, token = line:match("^([^\t]*)\t([^\t]*)\t")
    if cookie then
      learners[#learners + 1] = { cookie = cookie, token = token }
    end
  end
  if #learners < count then
    error("users file has " .. #learners .. " learners, " .. count .. " wanted")
  end
  requests = {}
  for i = thread_index + 1, count, nthreads do
    local learner = learners[i]
    if step == "complete" then
      requests[#requests + 1] = wrk.format("POST", path, {
        ["Cookie"] = learner.cookie,
        ["Content-Type"] = "application/x-www-form-urlencoded",
      }, "__RequestVerificationToken=" .. learner.token)
    elseif step == "get" then
      requests[#requests + 1] = wrk.format("GET", path, { ["Cookie"] = learner.cookie, ["Accept-Encoding"] = "gzip, br" })
    else
      requests[#requests + 1] = wrk.format("GET", path, { ["Cookie"] = learner.cookie })
    end
  end
  expected = (step == "complete") and 302 or 200
  math.randomseed(os.time() * 100 + thread_index)
  next_request = 0
  ok, bad, first_bad, sql, sql_seen = 0, 0, "", 0, 0
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  -- Statements per request, when the site counts them (Diagnostics:CountSql).
  local statements = tonumber(headers["X-Sql-Statements"] or "")
  if statements then
    sql, sql_seen = sql + statements, sql_seen + 1
  end
  local location = headers["Location"] or headers["location"] or ""
  if status == expected and not location:find("/Identity/Account/Login", 1, true) then
    ok = ok + 1
  else
    bad = bad + 1
    if first_bad == "" then
      first_bad = tostring(status) .. (location ~= "" and (" -> " .. location) or "")
    end
  end
end

function done(summary, latency, requests)
  local ok_total, bad_total, first, sql_total, sql_count = 0, 0, "", 0, 0
  local step = threads[1] and threads[1]:get("step") or "?"
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    bad_total = bad_total + thread:get("bad")
    sql_total = sql_total + thread:get("sql")
    sql_count = sql_count + thread:get("sql_seen")
    local first_bad = thread:get("first_bad")
    if first == "" and first_bad ~= nil and first_bad ~= "" then
      first = first_bad
    end
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write
  local seconds = summary.duration / 1e6
  -- One machine-readable line for run.sh: step, requests/s, p50/p95/p99 in ms, errors and their detail.
  io.write(string.format("BENCH step=%s rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d status_errors=%d socket_errors=%d timeouts=%d requests=%d sql=%s first_error=%s\n",
    step, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad_total + socket_errors + e.timeout, bad_total, socket_errors, e.timeout, summary.requests,
    sql_count > 0 and string.format("%.1f", sql_total / sql_count) or "-",
    first == "" and "-" or (first:gsub("%s", "_"))))
end
