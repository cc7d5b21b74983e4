"""The floor of benchmarks/http_throughput.py: a bare Flask app that only parses the JSON body, answers a small JSON."""

from flask import Flask, request

app = Flask(__name__)


@app.post("/v1/assessments")
def assess():
    body = request.get_json()
    return {"status": "ok", "answers": len(body["answers"])}
