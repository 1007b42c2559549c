-- wrk script: the whole learner journey, one virtual learner per wrk thread (run wrk with -t N -c N).
-- wrk keeps one Lua state per thread and has no per-connection hook; with one connection per thread each
-- thread's state is one learner's: its cookie, its attempt, where it is in the journey.
--   wrk -tN -cN -d<long> --timeout 10s -s bench/journey.lua http://127.0.0.1:PORT -- <users.tsv> <out dir>
-- Settings from the environment (bench/run.sh sets them):
--   BENCH_MODE      journey (default) | burst
--   BENCH_LOOPS     journeys per learner (journey mode; default 1)
--   BENCH_RAMP_MS   learner i starts at i * ramp / N (default 0)
--   BENCH_THINK_MS  mean think time before each page (uniform 0..2*mean); autosaves follow the page at
--                   0 to a fifth of the mean, as quiz.js sends them while the learner clicks (default 0)
--   BENCH_PASSWORD  the learners' password (journey mode logs in through the form)
--   BENCH_COURSE, BENCH_MODULE, BENCH_QUIZ  course slug, module slug, quiz key
-- Each learner writes "<step> <ms> <status ok 1|0> <sql statements> <sql connections>" lines to
-- <out dir>/vu-<i>.txt and a line to <out dir>/done when it has finished; bench/journey-report.py sums them.
--
-- wrk's Lua sees only the last of several Set-Cookie headers. The log-in answer sets the auth cookie
-- before a TempData cookie, so a learner posts the real log-in form (its cost is measured) and then goes on
-- with the auth cookie the Seeder obtained the same way for the same learner. A re-issued auth cookie (the
-- site re-checks the security stamp every minute) is the last Set-Cookie and is kept.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
  int usleep(unsigned int usec);
]]
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local counter = 0
function setup(thread)
  thread:set("vu", counter)
  counter = counter + 1
end

local mode = os.getenv("BENCH_MODE") or "journey"
local loops = tonumber(os.getenv("BENCH_LOOPS") or "1")
local ramp_ms = tonumber(os.getenv("BENCH_RAMP_MS") or "0")
local think_ms = tonumber(os.getenv("BENCH_THINK_MS") or "0")
local password = os.getenv("BENCH_PASSWORD") or ""
local course = os.getenv("BENCH_COURSE") or "spotting-trafficking"
local module_slug = os.getenv("BENCH_MODULE") or "women-on-the-move"
local quiz = os.getenv("BENCH_QUIZ") or module_slug

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local learner, out_name, lines, done_file, vus

local function flush()
  if #lines == 0 then return end
  local f = io.open(out_name, "a")
  f:write(table.concat(lines))
  f:close()
  lines = {}
end
local state = {}

function init(args)
  local file, dir = args[1], args[2]
  vus = tonumber(args[3])
  local i = 0
  for line in io.lines(file) do
    if i == vu then
      local cookie, token, email = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)")
      learner = { cookie = cookie, token = token, email = email }
      break
    end
    i = i + 1
  end
  if learner == nil then error("no learner " .. vu .. " in " .. file) end
  -- The anti-forgery cookie alone, for the anonymous log-in page (so the site issues no new one).
  learner.antiforgery = learner.cookie:match("(%.AspNetCore%.Antiforgery%.[^;]*)") or ""
  -- Lines are kept and appended every 20 (and at the end): an open file per learner would take a descriptor
  -- number past the size of wrk's event loops (10 + 3 x connections), and connections after it would fail.
  out_name = dir .. "/vu-" .. vu .. ".txt"
  lines = {}
  done_file = dir .. "/done"
  math.randomseed(os.time() * 1000 + vu)
  state.loop = 1
  state.first = true
  state.queue = {}
  state.finished = false
  if mode == "burst" then state.plan = "burst" end
end

-- The steps of one journey, built as the learner goes (the quiz's pages are only known on the way).
local function push(step, method, path, body, expect, opts)
  table.insert(state.queue, { step = step, method = method, path = path, body = body, expect = expect, opts = opts or {} })
end

local function plan_journey()
  local c = "/courses/" .. course
  if mode == "journey" then
    push("login-page", "GET", "/Identity/Account/Login", nil, 200, { anonymous = true, plain = true })
    push("login", "POST", "/Identity/Account/Login", nil, 302, { anonymous = true, login = true })
    push("home", "GET", "/learn", nil, 200, { certificate = true, plain = true })
    push("catalog", "GET", "/courses", nil, 200)
    push("course", "GET", c, nil, 200)
    push("module", "GET", c .. "/modules/" .. module_slug, nil, 200)
    push("quiz", "GET", c .. "/quizzes/" .. quiz, nil, 200)
  end
  push("start", "POST", c .. "/quizzes/" .. quiz .. "/start", "__RequestVerificationToken=" .. learner.token, 302, { start = true })
end

local function answer_fields(html)
  -- The question on this page: its id and one answer per field, as a learner would pick.
  local id = html:match('<fieldset class="question" data%-question="([^"]+)"')
  if id == nil then return nil end
  local fields = { "present=" .. urlencode(id) }
  local seen = {}
  for tag in html:gmatch("<input[^>]*>") do
    local kind = tag:match('type="([^"]+)"')
    local name = tag:match('name="([^"]+)"')
    if name and name:sub(1, 2) == "q-" and not seen[name] then
      if kind == "radio" or kind == "checkbox" then
        seen[name] = true
        table.insert(fields, urlencode(name) .. "=" .. urlencode(tag:match('value="([^"]*)"') or ""))
      elseif kind == "text" then
        seen[name] = true
        table.insert(fields, urlencode(name) .. "=answer")
      end
    end
  end
  for name, options in html:gmatch('<select[^>]*name="(q%-[^"]+)"[^>]*>(.-)</select>') do
    local value = options:match('<option value="([^"]+)" selected') or options:match('<option value="([^"]+)"') or ""
    table.insert(fields, urlencode(name) .. "=" .. urlencode(value))
  end
  return table.concat(fields, "&")
end

local function plan_page(html)
  local a = "/attempts/" .. state.attempt
  local fields = answer_fields(html)
  local is_last = html:find('name="go" value="next"', 1, true) == nil
  if fields then
    state.page = state.page + 1
    -- quiz.js saves the answer as soon as it is given.
    push("answer-save", "POST", a .. "/save", fields .. "&saveKey=" .. state.attempt .. "-" .. state.page .. "-" .. state.loop .. "&__RequestVerificationToken=" .. learner.token, 200, { json = true, quick = true })
    if not is_last then
      push("page-next", "POST", a .. "?step=" .. state.page, fields .. "&go=next&__RequestVerificationToken=" .. learner.token, 302)
      push("quiz-page", "GET", a .. "?step=" .. (state.page + 1), nil, 200, { plain = true, page = true })
      return
    end
    if mode == "burst" then return end
    push("page-finish", "POST", a .. "?step=" .. state.page, fields .. "&go=finish&__RequestVerificationToken=" .. learner.token, 302)
  end
  push("finish", "GET", a .. "/finish", nil, 200)
  push("submit", "POST", a .. "/submit", "__RequestVerificationToken=" .. learner.token, 302)
  push("result", "GET", a .. "/result", nil, 200)
  if state.certificate then
    push("certificate", "GET", state.certificate, nil, 200, { pdf = true })
  end
  push("logout", "POST", "/Identity/Account/Logout?returnUrl=%2F", "__RequestVerificationToken=" .. learner.token, 302)
end

function delay()
  if state.finished then return 3600000 end
  local wait
  if state.first then
    state.first = false
    wait = vus > 0 and math.floor(vu * ramp_ms / vus) or 0
  elseif state.queue[1] and state.queue[1].opts.quick then
    wait = think_ms > 0 and math.random(0, math.floor(think_ms / 5)) or 0
  else
    wait = think_ms > 0 and math.random(0, 2 * think_ms) or 0
  end
  return wait
end

function request()
  if #state.queue == 0 and not state.finished then plan_journey() end
  local r = state.queue[1]
  if r == nil then -- finished: a harmless request that is never answered in time to matter
    return wrk.format("GET", "/health/live")
  end
  state.current = r
  local headers = { ["Accept-Encoding"] = r.opts.plain and "identity" or "gzip, br" }
  if r.opts.anonymous then
    headers["Cookie"] = learner.antiforgery
  else
    headers["Cookie"] = learner.cookie
  end
  if r.opts.json then headers["Accept"] = "application/json" end
  local body = r.body
  if r.opts.login then
    body = "Input.Email=" .. urlencode(learner.email) .. "&Input.Password=" .. urlencode(password) .. "&__RequestVerificationToken=" .. (state.login_token or "")
  end
  if body then headers["Content-Type"] = "application/x-www-form-urlencoded" end
  state.sent = now_ms()
  return wrk.format(r.method, r.path, headers, body)
end

function response(status, headers, body)
  local r = state.current
  if r == nil or state.finished then return end
  local ms = now_ms() - state.sent
  table.remove(state.queue, 1)
  local location = headers["Location"] or headers["location"] or ""
  local ok = status == r.expect and not location:find("/Identity/Account/Login", 1, true)
  local set_cookie = headers["Set-Cookie"] or headers["set-cookie"] or ""
  local renewed = set_cookie:match("^(Training%.Auth=[^;]*)")
  if renewed and not r.opts.anonymous and not r.opts.login and r.step ~= "logout" then
    learner.cookie = learner.cookie:gsub("Training%.Auth=[^;]*", function() return renewed end)
  end
  if r.step == "login-page" and ok then
    state.login_token = body:match('name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
    state.login_token = state.login_token and urlencode(state.login_token) or ""
  elseif r.step == "home" and ok and r.opts.certificate then
    state.certificate = body:match('href="(/certificates/[%w]+%.pdf)"')
  elseif r.step == "start" and ok then
    state.attempt = location:match("/attempts/(%d+)")
    state.page = 0
    if state.attempt then
      push("quiz-page", "GET", "/attempts/" .. state.attempt, nil, 200, { plain = true, page = true })
    else
      ok = false
    end
  elseif r.opts.page and ok then
    plan_page(body)
  elseif r.opts.pdf and ok then
    ok = body:sub(1, 5) == "%PDF-"
  end
  table.insert(lines, string.format("%s %.2f %d %s %s %d\n", r.step, ms, ok and 1 or 0,
    headers["X-Sql-Statements"] or "-", headers["X-Sql-Connections"] or "-", status))
  if #lines >= 20 then flush() end
  if not ok then
    -- A broken journey cannot go on (no attempt, no page): start the next loop.
    state.queue = {}
  end
  if #state.queue == 0 then
    if state.loop >= (mode == "burst" and 1 or loops) then
      state.finished = true
      flush()
      local f = io.open(done_file, "a")
      f:write(vu .. "\n")
      f:close()
    else
      state.loop = state.loop + 1
    end
  end
end
