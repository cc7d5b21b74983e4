// The only server call of the page: every answer so far goes to POST /v1/assessments, which decides everything.

export class ApiError extends Error {
  constructor(message, body) {
    super(message);
    this.body = body;
  }

  /** The message of each offending field in the error shape's `errors` ({field: {message}} or text). */
  get details() {
    const errors = this.body?.errors ?? {};
    return Object.entries(errors).map(([field, detail]) => {
      const text = typeof detail === "string" ? detail : (detail?.message ?? JSON.stringify(detail));
      return `${field}: ${text}`;
    });
  }
}

/** The assessment of `answers` (an object keyed by question id); throws ApiError or, offline, a TypeError. */
export async function assess(config, answers) {
  const request = { answers, lang: config.lang };
  if (config.as_of) request.as_of = config.as_of;
  const response = await fetch(config.api, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(request),
    credentials: "same-origin",
  });
  const body = await response.json().catch(() => null);
  if (!response.ok || body === null) {
    throw new ApiError(body?.message ?? `${response.status} ${response.statusText}`, body);
  }
  return body;
}
