import type { FastifyRequest } from 'fastify';

/**
 * The path a request reached as the router matched it: the route's pattern ("/api/admin/companies"
 * for "/api/%61dmin/companies", which the router decodes before matching), else the decoded path.
 * Guards that look at a prefix must use this, never the raw URL, or an encoding walks past them.
 */
export function routeOf(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  if (pattern !== undefined && pattern !== '/*') return pattern;
  const path = request.url.split('?')[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Whether the request is one of the API's (under /api/). */
export const isApiRequest = (request: FastifyRequest) => routeOf(request).startsWith('/api/');
