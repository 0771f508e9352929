import { api } from '../../api/client';

/** PUT with a JSON body. */
export const put = <T>(path: string, body: unknown) => api.put<T>(path, body);
