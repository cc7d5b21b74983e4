-- wrk script of benchmarks/load.sh: POST /v1/assessments with a mix of complete (50%), incomplete (30%) and
-- invalid (20%: a value outside the choices, an unknown question, malformed JSON) bodies, in a fixed rotation.
-- wrk counts every non-2xx as an error; the 4xx here are expected, so 5xx are counted on their own.

local complete = [[{"as_of": "2026-11-25", "lang": "en", "answers": {"personal_data": true, "health_data": true,
 "data_originator": "health_establishment", "care_context": true, "hosting_relationship": "on_behalf_of_originator",
 "ght_same_convention": true, "ght_convention_delegates_hosting": false, "storage_medium": "digital",
 "stores_data": true, "short_term_processing_only": false, "activity_physical_site": true, "activity_hardware": true,
 "activity_virtual_infrastructure": true, "activity_application_platform": false,
 "activity_administration_operation": true, "activity_backup": true, "storage_location": "eea_only",
 "non_eea_access": true, "third_country_law_exposure": false, "uses_subcontractors": true},
 "current_certification": {"activities": [1, 2, 3, 4], "referential": "v2", "valid_until": "2027-12-31"}}]]
local exempt = [[{"answers": {"personal_data": true, "health_data": true, "data_originator": "health_insurer",
 "insurer_purpose": "reimbursement"}}]]
local incomplete = [[{"answers": {"personal_data": true, "health_data": true, "data_originator": "health_insurer"}}]]
local incomplete_en = [[{"lang": "en", "answers": {"personal_data": true}}]]
local bad_value = [[{"answers": {"personal_data": "yes", "storage_medium": "cloud"}}]]
local unknown_question = [[{"answers": {"hosting": true}, "as_of": "2017-01-01"}]]
local malformed = [[{"answers": {"personal_data": tru]]

-- 10 slots: 5 complete, 3 incomplete, 2 invalid; malformed JSON replaces an invalid one every other round.
local rotation = {complete, incomplete, complete, bad_value, exempt, incomplete_en, complete, incomplete, complete,
                  unknown_question, complete, incomplete, exempt, malformed, complete, incomplete_en, complete,
                  incomplete, complete, bad_value}
local requests = {}
local counter = 0
server_errors = 0
statuses = {}

function init(args)
  local headers = {["Content-Type"] = "application/json"}
  for i, body in ipairs(rotation) do
    requests[i] = wrk.format("POST", "/v1/assessments", headers, body)
  end
end

function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
  local class = tostring(math.floor(status / 100)) .. "xx"
  statuses[class] = (statuses[class] or 0) + 1
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local fivexx, classes = 0, {}
  for _, thread in ipairs(threads) do
    fivexx = fivexx + thread:get("server_errors")
    for class, count in pairs(thread:get("statuses")) do classes[class] = (classes[class] or 0) + count end
  end
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("LOAD requests=%d seconds=%.1f throughput=%.0f req/s\n", summary.requests, seconds,
                         summary.requests / seconds))
  io.write(string.format("LOAD latency p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms\n",
                         latency:percentile(50) / 1000, latency:percentile(90) / 1000,
                         latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("LOAD 2xx=%d 4xx=%d 5xx=%d\n", classes["2xx"] or 0, classes["4xx"] or 0, fivexx))
  io.write(string.format("LOAD socket_errors=%d (connect %d, read %d, write %d, timeout %d)\n", socket_errors,
                         errors.connect, errors.read, errors.write, errors.timeout))
end
