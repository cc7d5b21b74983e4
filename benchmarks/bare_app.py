"""The floor of benchmarks/http.py: a bare Flask app that only parses the JSON body and answers a small JSON."""

from flask import Flask, request

app = Flask(__name__)


@app.post("/v1/assessments")
def assess():
    body = request.get_json()
    return {"status": "ok", "answers": len(body["answers"])}
