from fastapi import FastAPI

from triage.agent import triage

app = FastAPI()


@app.post("/triage")
def run(ticket: dict) -> dict:
    return {"route": triage(ticket)}
