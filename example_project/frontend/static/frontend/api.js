// The one door to the GraphQL API. It sends the queries documented in docs/queries/;
// failures become an ApiError that says which kind of trouble it was, so screens can
// tell the learner what happened.

const ENDPOINT = document.querySelector('meta[name="borg-graphql-endpoint"]')?.content
  || "/graphql/";
const QUERIES = document.querySelector('meta[name="borg-graphql-queries"]')?.content
  || "/frontend/queries/";

export class ApiError extends Error {
  /** kind: "unreachable" (no answer), "server" (a bad answer) or "query" (errors);
   * codes: the errors' `extensions.code`s ("RATE_LIMITED"), for a query error. */
  constructor(kind, message, codes = []) {
    super(message);
    this.kind = kind;
    this.codes = codes;
  }
}

/** A page the API does not have (or does not show): the not-found screen. */
export class NotFound extends Error {}

/** Run the documented query `name` (see docs/queries/) and return its data. */
export async function query(name, variables = {}) {
  const text = await queryText(name);
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: "POST",
      // Labels (roles, target groups) come in the language the page is in.
      headers: { "Content-Type": "application/json", Accept: "application/json",
        "Accept-Language": document.documentElement.lang },
      body: JSON.stringify({ query: text, variables }),
    });
  } catch (error) {
    throw new ApiError("unreachable", error.message);
  }
  let result;
  try {
    result = await response.json();
  } catch {
    throw new ApiError("server", `HTTP ${response.status}`);
  }
  if (result.errors?.length) {
    throw new ApiError("query", result.errors.map((error) => error.message).join(" "),
      result.errors.map((error) => error.extensions?.code).filter(Boolean));
  }
  if (!response.ok || !result.data) throw new ApiError("server", `HTTP ${response.status}`);
  return result.data;
}

/** Asked once per visit and kept: a failure is forgotten, so a retry asks again. */
function remembered(cache, key, ask) {
  if (!cache.has(key)) {
    cache.set(key, ask().catch((error) => {
      cache.delete(key);
      throw error;
    }));
  }
  return cache.get(key);
}

const texts = new Map();

/** The text of a documented query, by its file name in docs/queries/ ("page"): the one
 * the first screen needs comes with the HTML shell, the others are fetched. */
function queryText(name) {
  const shipped = document.getElementById(`borg-query-${name}`);
  if (shipped) return Promise.resolve(shipped.textContent);
  return remembered(texts, name, async () => {
    let response;
    try {
      response = await fetch(`${QUERIES}${name}.graphql`);
    } catch (error) {
      throw new ApiError("unreachable", error.message);
    }
    if (!response.ok) throw new ApiError("server", `query ${name}: HTTP ${response.status}`);
    return response.text();
  });
}

const answers = new Map();

/** The same query with the same variables once per visit (start page, themes). */
export function cachedQuery(name, variables = {}) {
  return remembered(answers, name + JSON.stringify(variables), () => query(name, variables));
}
