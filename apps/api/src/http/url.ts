/**
 * A path with a malformed percent-escape (`%ZZ`, or bytes that are not UTF-8 such as `%FF`) is taken
 * literally, every `%` escaped, instead of letting the router answer it. The router's own answer for
 * such a path bypasses every hook and error filter: plain JSON instead of problem+json, no security
 * headers, no rate limit. Taken literally, the path goes through routing like any other and ends as a
 * 404 or a 400 for a malformed parameter. The query string is left alone: it is parsed leniently.
 */
export function literalIfUndecodable(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  try {
    decodeURIComponent(path);
    return url;
  } catch {
    return path.replace(/%/g, '%25') + (queryAt === -1 ? '' : url.slice(queryAt));
  }
}
